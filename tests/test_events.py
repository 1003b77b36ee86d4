"""Events on the example page (issue date 2020-04-28): the activities issue 4 lists."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def events(example_edition):
    names = {p["id"]: p["name"] for p in example_edition.people}
    ents = {e["id"]: e["name"] for e in example_edition.organizations + example_edition.places}
    out = []
    for e in example_edition.events:
        lead = [names[a["person"]] for a in e["actors"] if a["role"] == "lead"]
        part = sorted(names[a["person"]] for a in e["actors"] if a["role"] == "participant")
        out.append({"type": e["type"], "lead": lead[0] if lead else None, "start": e["date"]["start"],
                    "end": e["date"]["end"], "text": e["date"]["text"], "part_of_day": e["date"]["part_of_day"],
                    "participants": part, "targets": [ents.get(t, t) for t in e["targets"]],
                    "location": ents.get(e["location"]), "raw": e})
    return out


def find(events, type_, lead, text):
    hits = [e for e in events if e["type"] == type_ and e["lead"] == lead and e["text"] == text]
    assert len(hits) == 1, (type_, lead, text, [(e["type"], e["lead"], e["text"]) for e in events])
    return hits[0]


def test_meetings(events):
    m = find(events, "meeting", "黄卫锋", "25日")
    assert m["start"] == m["end"] == "2020-04-25" and m["targets"] == ["区委常委会（扩大）会议"]
    c = find(events, "meeting", "曹金海", "24日下午")
    assert c["start"] == "2020-04-24" and c["part_of_day"] == "下午"


def test_visit_with_targets_participants_and_place(events):
    v = find(events, "visit", "黄卫锋", "21日")
    assert v["start"] == "2020-04-21" and v["location"] == "上海"
    assert v["targets"] == ["众联能创", "势航科技", "汽车·创新港产业园区", "东洲集团"]
    assert v["participants"] == ["冯斌", "周卫平", "王斌"]


def test_investment_promotion_range(events):
    p = find(events, "investment_promotion", "曹金海", "20日至22日")
    assert (p["start"], p["end"], p["location"]) == ("2020-04-20", "2020-04-22", "上海")


def test_inspections(events):
    x = find(events, "inspection", "徐惠民", "上周")
    assert (x["start"], x["end"]) == ("2020-04-20", "2020-04-26")
    h = find(events, "inspection", "黄卫锋", "近日")
    assert h["start"] is None and h["participants"] == ["陶建"]
    assert {"新华福里市场", "润成圩河梳理整治点"} <= set(h["targets"])
    c = find(events, "inspection", "曹金海", "26日下午")
    assert c["targets"] == ["江苏赋助智能科技有限公司"] and c["location"] == "秦灶街道"
    assert c["participants"] == ["王斌"]


def test_few_spurious_events(events):
    assert len(events) <= 9


def test_evidence_and_entity_mentions_slice_back(example_edition):
    arts = {a.id: a for a in example_edition.articles()}
    for e in example_edition.events:
        ev = e["evidence"]
        assert arts[ev["article"]].paragraphs[ev["index"]][ev["start"]:ev["end"]] == ev["text"] == e["trigger"]
    for ent in example_edition.organizations + example_edition.places:
        for m in ent["mentions"]:
            assert arts[m["article"]].paragraphs[m["index"]][m["start"]:m["end"]] == m["text"]


def test_event_ids_stable():
    from banmian.pipeline import parse_files

    from .conftest import EXAMPLE

    a = [e["id"] for e in parse_files([EXAMPLE], day=date(2020, 4, 28)).edition.events]
    b = [e["id"] for e in parse_files([EXAMPLE], day=date(2020, 4, 28)).edition.events]
    assert a == b and len(set(a)) == len(a)
