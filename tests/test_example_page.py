"""The bundled example page: the acceptance criteria of the parse issue."""

from __future__ import annotations

import json
from collections import Counter

import jsonschema
import pytest

from .conftest import EXAMPLE, SCHEMA, SHARED_SCHEMA


def test_six_items_of_the_right_kinds(example_edition):
    articles = example_edition.pages[0].articles
    assert Counter(a.kind for a in articles) == {"news": 4, "photo": 1, "teaser": 1}


def test_twenty_two_reflowed_paragraphs(example_edition):
    paragraphs = [p for a in example_edition.articles() for p in a.paragraphs]
    assert len(paragraphs) == 22
    joined = "".join(paragraphs)
    # Sentences the layout broke with a blank line come back whole.
    for piece in ("全方位融入苏南的桥头堡", "信任支持", "高标准展现新作为", "政企之间，要同心协力", "高科技产业立区兴区"):
        assert piece in joined
    # No paragraph holds a byline, a marker or furniture.
    for junk in ("方聿", "下转", ">>", "官方微信", "江建华"):
        assert junk not in joined


def test_headlines_kickers_and_bylines(example_edition):
    a = example_edition.pages[0].articles
    assert a[0].kicker.startswith("区委区政府召开专题会议")
    assert a[0].headline == "把争当“桥头堡、排头兵”落到实处"
    assert [(b.name, b.role) for b in a[0].bylines] == [("方聿", "reporter"), ("许应田", "reporter")]
    assert (a[2].kicker, a[2].headline) == ("黄卫锋调研民生项目建设时强调", "增强群众幸福感获得感")
    assert [b.name for b in a[2].bylines] == ["言武旭"]
    assert [b.name for b in a[3].bylines] == ["方聿"]


def test_jump_photo_and_teaser(example_edition):
    a = example_edition.pages[0].articles
    assert a[1].continues_to.page == 2
    photo = a[4]
    assert photo.caption.startswith("春光明媚") and photo.caption.endswith("之感。")
    assert [(b.name, b.role) for b in photo.bylines] == [("江建华", "photographer")]
    teaser = a[5]
    assert teaser.refers_to.page == 2
    assert teaser.headline == "港闸科技型创业企业登上《新闻联播》"


def test_furniture_listed(example_edition):
    assert example_edition.pages[0].boilerplate == ["官方微信", "官方微博"]


def test_ids_are_stable_and_unique():
    from datetime import date

    from banmian.pipeline import parse_files

    first = [a.id for a in parse_files([EXAMPLE], day=date(2020, 4, 28)).edition.articles()]
    second = [a.id for a in parse_files([EXAMPLE], day=date(2020, 4, 28)).edition.articles()]
    assert first == second
    assert len(set(first)) == len(first)


def test_json_validates_against_the_spec(example_edition):
    from banmian.render import to_json

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    doc = json.loads(to_json(example_edition))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(doc)
    assert doc["date"] == "2020-04-28"


@pytest.mark.skipif(not SHARED_SCHEMA.exists(), reason="../shared not beside the checkout")
def test_vendored_schema_matches_shared_spec():
    assert SCHEMA.read_bytes() == SHARED_SCHEMA.read_bytes()


def test_original_text_is_kept(example_edition):
    assert example_edition.pages[0].original_text == EXAMPLE.read_text(encoding="utf-8")
