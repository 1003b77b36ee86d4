"""`banmian eval-events`: the scorer on hand-made events, the CLI, the gold's
``events`` lists, and the gate pinning event extraction to its floors."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from banmian.cli import cli
from banmian.errors import GoldFileError
from banmian.evaluation.events_eval import (Ev, check_gold_events, edition_events, evaluate_events,
                                            gold_events, score_page)
from banmian.model import Article, Edition, Page

from .conftest import GOLD
from .floors import AWAITING_FIRST_SCORING, assert_not_below, load_floors

FLOORS = load_floors("events_floors.json")


def ev(type_="visit", lead="黄卫锋", start="2020-04-21", end=None, targets=(), participants=(), headline="h"):
    return Ev(type_, lead, start, end or start, tuple(targets), tuple(participants), headline)


def gold_event(**kw):
    e = {"type": "visit", "lead": "黄卫锋", "participants": [], "date": {"text": "21日", "start": "2020-04-21",
         "end": "2020-04-21"}, "targets": [], "location": None, "headline": "h"}
    e.update(kw)
    return e


# --- the scorer ------------------------------------------------------------------------


def test_exact_match_scores_one():
    g = [ev(targets=["众联能创", "东洲集团"], participants=["冯斌"])]
    s, errors = score_page(g, list(g))
    assert all(s[m].f1 == 1.0 for m in s) and errors == []


def test_event_key_is_type_lead_and_both_dates():
    s, _ = score_page([ev()], [ev(start="2020-04-22")])
    assert (s["event"].tp, s["event"].pred, s["event"].gold) == (0, 1, 1)
    assert s["event_nodate"].tp == 1  # the same activity on the wrong day
    s, _ = score_page([ev(end="2020-04-22")], [ev()])
    assert s["event"].tp == 0  # a range is not its first day
    s, _ = score_page([ev(type_="inspection")], [ev()])
    assert s["event"].tp == 0 and s["event_nodate"].tp == 0


def test_targets_count_only_on_matched_events():
    g = [ev(targets=["众联能创", "势航科技"]), ev(type_="meeting", start="2020-04-25", targets=["区委常委会（扩大）会议"])]
    p = [ev(targets=["众联能创", "港闸"]), ev(type_="meeting", start="2020-04-24", targets=["区委常委会（扩大）会议"])]
    s, errors = score_page(g, p)
    t = s["target"]
    assert (t.tp, t.gold, t.pred) == (1, 3, 3)  # the meeting's date is wrong: its target is not found
    assert round(t.recall, 3) == 0.333
    assert any(e.startswith("~ visit") and "势航科技" in e and "港闸" in e for e in errors)
    assert any(e.startswith("- meeting") for e in errors) and any(e.startswith("+ meeting") for e in errors)


def test_participants_f1():
    s, _ = score_page([ev(participants=["冯斌", "王斌", "周卫平"])], [ev(participants=["冯斌", "王斌", "陶建"])])
    p = s["participant"]
    assert (p.tp, p.gold, p.pred) == (2, 3, 3) and round(p.f1, 3) == 0.667


def test_same_key_events_pair_by_article_then_overlap():
    g = [ev(type_="reception", participants=["班达里"], headline="会见班达里"),
         ev(type_="reception", participants=["莫迪"], headline="同莫迪会晤")]
    p = [ev(type_="reception", participants=["莫迪"], headline="同莫迪会晤"),
         ev(type_="reception", participants=["班达里"], headline="会见班达里")]
    s, errors = score_page(g, p)
    assert s["event"].tp == 2 and s["participant"].tp == 2 and errors == []


def test_names_compared_without_whitespace():
    g = gold_events([gold_event(lead="黄 卫锋", targets=["东洲 集团"], participants=["冯\u3000斌"])])
    assert g[0].lead == "黄卫锋" and g[0].targets == ("东洲集团",) and g[0].participants == ("冯斌",)
    s, _ = score_page(g, [ev(targets=["东洲集团"], participants=["冯斌"])])
    assert s["event"].tp == s["target"].tp == s["participant"].tp == 1


def test_no_events_on_either_side_is_perfect():
    s, errors = score_page([], [])
    assert s["event"].f1 == 1.0 and errors == []
    s, errors = score_page([], [ev()])
    assert s["event"].precision == 0.0 and errors == ["+ " + ev().show()]


def test_edition_events_map_ids_to_names():
    art = Article(id="a1", headline="区领导赴上海招商", paragraphs=["x"])
    ed = Edition(pages=[Page(source="t.txt", articles=[art])])
    ed.people = [{"id": "p1", "name": "黄卫锋"}, {"id": "p2", "name": "冯斌"}]
    ed.organizations = [{"id": "o1", "name": "东洲集团"}]
    ed.places = [{"id": "l1", "name": "上海"}]
    ed.events = [{"type": "visit", "date": {"text": "21日", "start": "2020-04-21", "end": "2020-04-21"},
                  "actors": [{"person": "p1", "role": "lead"}, {"person": "p2", "role": "participant"}],
                  "targets": ["o1", "l1", "区委常委会（扩大）会议"], "article": "a1"}]
    (e,) = edition_events(ed)
    assert (e.type, e.lead, e.start, e.end) == ("visit", "黄卫锋", "2020-04-21", "2020-04-21")
    assert e.targets == ("东洲集团", "上海", "区委常委会（扩大）会议") and e.participants == ("冯斌",)
    assert e.headline == "区领导赴上海招商"


@pytest.mark.parametrize("bad", [
    "not a list",
    [{"type": "visit"}],
    [gold_event(type="trip")],
    [gold_event(lead="")],
    [gold_event(targets="东洲集团")],
    [gold_event(date={"text": "21日", "start": "2020-04-21"})],
    [gold_event(date={"text": "21日", "start": "2020-4-21", "end": None})],
])
def test_malformed_gold_events_are_rejected(bad):
    with pytest.raises(GoldFileError):
        check_gold_events(bad, "x.gold.json")


def test_well_formed_gold_events_pass():
    check_gold_events([gold_event(), gold_event(date={"text": None, "start": None, "end": None})], "x")


# --- the command -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_gold_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("gold")
    g = json.loads((GOLD / "example-20200428-01.gold.json").read_text(encoding="utf-8"))
    src = (GOLD / g["input"]).resolve()
    shutil.copy(src, d / src.name)
    g["input"] = src.name
    (d / "example.gold.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    return d


def test_cli_table(example_gold_dir):
    res = CliRunner().invoke(cli, ["eval-events", "--gold", str(example_gold_dir), "--per-page", "--errors"])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0].split() == ["metric", "prec", "recall", "F1", "gold", "pred"]
    assert {ln.split()[0] for ln in lines[1:5]} == {"event", "event-nodate", "target", "participant"}
    assert "1 gold pages with an events list" in res.output and "example" in res.output


def test_cli_json(example_gold_dir):
    res = CliRunner().invoke(cli, ["eval-events", "--gold", str(example_gold_dir), "--format", "json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert d["total"]["event"]["gold"] == 7 and set(d["pages"]) == {"example"}


def test_cli_without_events_gold_fails(tmp_path):
    g = json.loads((GOLD / "example-20200428-01.gold.json").read_text(encoding="utf-8"))
    del g["events"]
    (tmp_path / "x.gold.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    res = CliRunner().invoke(cli, ["eval-events", "--gold", str(tmp_path)])
    assert res.exit_code != 0 and "no gold page has an events list" in str(res.exception or res.output)


# --- the gold and the gate -------------------------------------------------------------


def test_events_gold_is_well_formed_and_held_out_pages_have_floors():
    # (held-out pages may carry events annotated blind; they are scored apart)
    for path in GOLD.glob("*.gold.json"):
        g = json.loads(path.read_text(encoding="utf-8"))
        if "events" in g:
            assert g["split"] == "dev" or g["split"] in FLOORS.get("splits", {}) \
                or g["split"] in AWAITING_FIRST_SCORING, path.name
            check_gold_events(g["events"], path.name)
            heads = {a["headline"] for a in g["articles"]}
            assert all(e["headline"] in heads for e in g["events"]), path.name


@pytest.fixture(scope="module")
def events_report():
    return evaluate_events(GOLD, split="dev")


def test_events_gold_set_size(events_report):
    assert len(events_report.pages) >= FLOORS["min_gold_pages"]
    assert events_report.total["event"].gold >= FLOORS["min_gold_events"]
    assert sum(1 for s in events_report.pages.values() if s["event"].gold) >= 10


@pytest.mark.parametrize("metric", sorted(FLOORS["f1"]))
def test_events_f1_floor(events_report, metric):
    assert_not_below(events_report.total[metric], FLOORS["f1"][metric], f"events {metric}",
                     "banmian eval events --errors")


@pytest.mark.parametrize("metric", sorted(FLOORS["recall"]))
def test_events_recall_floor(events_report, metric):
    assert_not_below(events_report.total[metric], FLOORS["recall"][metric], f"events {metric}",
                     "banmian eval events --errors", measure="recall")


@pytest.mark.parametrize("split", sorted(FLOORS.get("splits", {})))
def test_events_held_out_split_not_below_its_floors(split):
    """Held-out pages annotated blind are scored apart, against their own floors."""
    floors = FLOORS["splits"][split]
    rep = evaluate_events(GOLD, split=split)
    assert len(rep.pages) >= floors["min_gold_pages"], split
    for measure in ("f1", "recall"):
        for metric, floor in floors.get(measure, {}).items():
            assert_not_below(rep.total[metric], floor, f"events {metric} ({split})",
                             f"banmian eval events --split {split}", measure=measure)


def test_check_gold_script_validates_events():
    import importlib.util

    from .conftest import ROOT

    spec = importlib.util.spec_from_file_location("check_gold", ROOT / "scripts" / "gold" / "check_gold.py")
    cg = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cg)
    text = "25日，区委书记黄卫锋主持召开区委常委会（扩大）会议。"
    flat = fold = cg.squash(text)
    good = [{"type": "meeting", "lead": "黄卫锋", "participants": [], "date": {"text": "25日", "start": "2020-04-25",
             "end": "2020-04-25"}, "targets": ["区委常委会（扩大）会议"], "location": None, "headline": "H"}]
    errs, note = cg.check_events(good, flat, fold, {"黄卫锋"}, {"H"})
    assert errs == [] and note.startswith("1 events")
    bad = [dict(good[0], type="trip", lead="曹金海", targets=["东洲集团"], headline="G",
                date={"text": "25日", "start": "2020-04-26", "end": "2020-04-25"})]
    errs, _ = cg.check_events(bad, flat, fold, {"黄卫锋"}, {"H"})
    joined = "\n".join(errs)
    for what in ("type 'trip'", "lead '曹金海'", "not in the page's people", "start after end",
                 "target '东洲集团'", "headline 'G'"):
        assert what in joined, (what, joined)
