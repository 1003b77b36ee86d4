"""``--ner``: the tagger adds people the rules missed, and changes nothing the rules decided."""

from __future__ import annotations

from datetime import date as Date

import pytest

from banmian.extract.tagged import add_tagged_people
from banmian.model import Article, Edition, Page
from banmian.pipeline import extract, parse_files

from .conftest import ROOT

EXAMPLE = ROOT / "examples" / "000_9a99bd5b1aa98cff.txt"


class FakeTagger:
    """Spans as a model would return them, with chosen confidences."""

    def __init__(self, names: dict[str, float]):
        self.names = names

    def scored_spans(self, text: str):
        out = []
        for name, p in self.names.items():
            start = text.find(name)
            while start >= 0:
                out.append((start, start + len(name), "PER", p))
                start = text.find(name, start + 1)
        return sorted(out)


def edition_of(*paragraphs: str) -> Edition:
    art = Article(id="a1", headline="村里来了新书记", paragraphs=list(paragraphs))
    return Edition(paper="测试报", date=Date(2020, 4, 28), pages=[Page(source="t.txt", number=1, articles=[art])])


def test_new_names_become_other_with_mentions_that_slice_back():
    ed = edition_of("村民李秀英说，合作社让她家增收。", "李秀英今年六十岁。")
    added = add_tagged_people(ed, FakeTagger({"李秀英": 0.97}))
    assert added == 1
    (p,) = ed.people
    assert p["role"] == "other" and p["titles"] == []
    assert [m["index"] for m in p["mentions"]] == [0, 1]
    for m in p["mentions"]:
        assert ed.pages[0].articles[0].paragraphs[m["index"]][m["start"]:m["end"]] == "李秀英"


def test_unsure_and_implausible_spans_are_dropped():
    ed = edition_of("周台子村的张三丰和王五说了话，2020年。")
    add_tagged_people(ed, FakeTagger({"周台子": 0.55, "张三丰": 0.99, "2020": 0.99, "王": 0.99}))
    assert [p["name"] for p in ed.people] == ["张三丰"]


def test_rules_win_over_the_tagger():
    """An official found by the rules keeps role and titles; an overlapping span is ignored."""
    ed = edition_of("区委书记黄卫锋调研。黄卫锋要求加快进度。")
    extract(ed)
    before = {p["name"]: (p["role"], p["titles"], len(p["mentions"])) for p in ed.people}
    assert before["黄卫锋"][0] == "official"
    add_tagged_people(ed, FakeTagger({"书记黄卫锋": 0.99, "黄卫锋": 0.99}))
    after = {p["name"]: (p["role"], p["titles"], len(p["mentions"])) for p in ed.people}
    assert after == before


@pytest.mark.skipif(not EXAMPLE.is_file(), reason="bundled example missing")
def test_example_page_with_ner_keeps_officials_and_journalists():
    plain = parse_files([EXAMPLE], day=Date(2020, 4, 28)).edition
    tagged = parse_files([EXAMPLE], day=Date(2020, 4, 28), ner=True).edition
    keep = lambda ed: {p["name"]: (p["role"], p["titles"]) for p in ed.people if p["role"] != "other"}  # noqa: E731
    assert keep(tagged) == keep(plain)
    assert {"曹金海", "黄卫锋", "徐惠民"} <= set(keep(tagged))
    articles = {a.id: a for page in tagged.pages for a in page.articles}
    for p in tagged.people:
        for m in p["mentions"]:
            assert articles[m["article"]].field_text(m["field"], m.get("index"))[m["start"]:m["end"]] == m["text"]


class FakeTypedTagger:
    def __init__(self, spans: dict[str, tuple[str, float]]):
        self.spans_ = spans

    def scored_spans(self, text: str):
        out = []
        for name, (kind, p) in self.spans_.items():
            start = text.find(name)
            while start >= 0:
                out.append((start, start + len(name), kind, p))
                start = text.find(name, start + 1)
        return sorted(out)


def test_tagged_entities_fill_gaps_only():
    from banmian.extract.tagged import add_tagged_entities

    ed = edition_of("区委书记黄卫锋来到秦灶街道，走访了华为和南通大学附属医院。")
    extract(ed)
    known = {e["name"] for e in ed.organizations + ed.places}
    tagger = FakeTypedTagger({"秦灶街道": ("LOC", 0.99), "黄卫锋": ("ORG", 0.99), "华为": ("ORG", 0.99),
                              "附属医院": ("ORG", 0.5), "大学": ("LOC", 0.99)})
    add_tagged_entities(ed, tagger)
    names = {e["name"] for e in ed.organizations + ed.places}
    assert "黄卫锋" not in names                      # a person of the rules stays a person
    assert "华为" in names and "附属医院" not in names
    assert known <= names
    text = ed.pages[0].articles[0].paragraphs[0]
    for e in ed.organizations + ed.places:
        for m in e["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
        assert sum(1 for x in ed.organizations + ed.places if x["name"] == e["name"]) == 1
