"""Evaluation gate: parser scores on the gold pages may not drop below their floors.

Floors live in tests/gold/floors.json; raise them when the parser improves,
never lower them to make a change pass.
"""

from __future__ import annotations

import pytest

from banmian.evaluation.parse_eval import METRICS, Report, Score, evaluate, gold_pages, items, load_gold

from .conftest import GOLD
from .floors import AWAITING_FIRST_SCORING, assert_not_below, load_floors

FLOORS = load_floors("floors.json")


SPLITS = sorted(FLOORS.get("splits", {}))
VARIANTS = sorted(FLOORS.get("variants", {}))


@pytest.fixture(scope="module")
def report():
    """Every gold page but those of a held-out split awaiting its first scoring."""
    rep = Report()
    for split in sorted({g.get("split", "dev") for _, g in gold_pages(GOLD)} - AWAITING_FIRST_SCORING):
        part = evaluate(GOLD, split=split)
        rep.pages.update(part.pages)
        for m in METRICS:
            t, s = rep.total[m], part.total[m]
            t.tp, t.pred, t.gold = t.tp + s.tp, t.pred + s.pred, t.gold + s.gold
    return rep


@pytest.fixture(scope="module", params=SPLITS)
def split_report(request):
    return request.param, evaluate(GOLD, split=request.param)


def test_floors_cover_every_metric():
    assert set(FLOORS["f1"]) == set(METRICS)
    assert FLOORS["min_gold_pages"] >= 11


def test_gold_set_size(report):
    assert len(report.pages) >= FLOORS["min_gold_pages"]


@pytest.mark.parametrize("metric", METRICS)
def test_f1_not_below_floor(report, metric):
    assert_not_below(report.total[metric], FLOORS["f1"][metric], metric, "banmian eval --per-page")


def test_every_split_floor_covers_every_metric():
    assert SPLITS and "dev" in SPLITS
    for split in SPLITS:
        assert set(FLOORS["splits"][split]["f1"]) == set(METRICS), split


def test_split_f1_not_below_floor(split_report):
    """Each split has its own floors, so adding pages of a new kind to the gold set
    never hides a drop on the pages already there."""
    split, rep = split_report
    floors = FLOORS["splits"][split]
    assert len(rep.pages) >= floors["min_gold_pages"], split
    low = {m: round(rep.total[m].f1, 3) for m in METRICS if rep.total[m].f1 < floors["f1"][m]}
    assert not low, f"{split}: F1 below its floor: {low} (floors {floors['f1']}); run `banmian eval --split {split}`"


def test_scorer_counts_multisets():
    s = Score().add(["a", "a", "b"], ["a", "b", "b", "c"])
    assert (s.tp, s.pred, s.gold) == (2, 3, 4)
    assert s.precision == pytest.approx(2 / 3) and s.recall == 0.5


def test_scorer_ignores_whitespace_but_not_breaks():
    gold = [{"kind": "news", "headline": "标题", "paragraphs": ["甲乙丙。", "丁戊。"], "bylines": []}]
    pred = [{"kind": "news", "headline": "标 题", "paragraphs": ["甲乙丙。丁戊。"], "bylines": []}]
    g, p = items(gold), items(pred)
    assert Score().add(p["headline"], g["headline"]).f1 == 1.0
    assert Score().add(p["paragraph"], g["paragraph"]).tp == 0


def test_every_gold_file_loads():
    for path in sorted(GOLD.glob("*.gold.json")):
        gold = load_gold(path)
        assert (GOLD / gold["input"]).exists(), path.name


VARIANT_SPLITS = sorted((v, s) for v in VARIANTS for s in ["dev", *FLOORS["variants"][v].get("splits", {})])


@pytest.mark.parametrize("variant, split", VARIANT_SPLITS)
def test_variant_f1_not_below_floor(variant, split):
    """Gold pages that carry another rendering of the same page (the PDF that was
    converted to their text) are read from it too: the PDF reader has its own floors,
    on dev pages and on each held-out split's pages (``splits``) apart."""
    floors = FLOORS["variants"][variant]
    if split != "dev":
        floors = floors["splits"][split]
    assert set(floors["f1"]) == set(METRICS), variant
    rep = evaluate(GOLD, split=split, variant=variant)
    assert len(rep.pages) >= floors["min_gold_pages"], variant
    low = {m: round(rep.total[m].f1, 3) for m in METRICS if rep.total[m].f1 < floors["f1"][m]}
    assert not low, (f"{variant} ({split}): F1 below its floor: {low} (floors {floors['f1']}); "
                     f"run `banmian eval --variant {variant} --split {split}`")
