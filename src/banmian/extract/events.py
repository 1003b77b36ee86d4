"""Events: who chaired, inspected, visited, led, accompanied — what, where and when.

Reads: articles, ``edition.people`` (with their mentions) and the issue date.
Assigns: ``edition.events`` in the JSON contract's ``event`` shape, and the
organizations/places they target in ``edition.organizations``/``places``.

Per article, clause by clause (split at 。！？；):
- a trigger word (data/events.yaml) names the activity and its type; a
  clause with triggers of several types takes the highest in ``priority``;
- the lead is the official named last before the trigger in the clause, or the
  lead of the activity the clause continues (他, 一行);
- the date is the clause's first time expression (extract.dates), else the date
  of the activity it continues;
- a clause with a new date or a new lead starts a new event; one without
  (``黄卫锋一行随后来到…``, ``在新华福里市场场地，黄卫锋现场察看…``) adds its
  targets to the current one;
- ``区领导陶建参加活动``, ``…陪同`` add participants to the current activity.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..model import Article, Edition
from ..resources import compile_pattern, data_path, load_yaml, require
from .dates import DateMention, find_dates

_CLAUSE = re.compile(r"[^。！？；]+[。！？；]?")


@dataclass(slots=True)
class EventRules:
    trigger_type: dict[str, str]
    trigger_re: re.Pattern[str]
    priority: list[str]
    participant_re: re.Pattern[str]
    location_re: re.Pattern[str]
    target_res: list[re.Pattern[str]]
    list_sep: re.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> EventRules:
    path = data_path("events.yaml")
    d = load_yaml(path)
    trigger_type: dict[str, str] = {}
    for typ, words in require(d, "triggers", path, dict).items():
        for w in words:
            trigger_type[str(w)] = typ
    alt = "|".join(re.escape(w) for w in sorted(trigger_type, key=len, reverse=True))
    cues = [str(w) for w in require(d, "participant_cues", path, list)]
    return EventRules(
        trigger_type=trigger_type,
        trigger_re=re.compile(alt),
        priority=[str(t) for t in require(d, "priority", path, list)],
        participant_re=re.compile("|".join(re.escape(w) for w in sorted(cues, key=len, reverse=True))),
        location_re=compile_pattern(require(d, "location", path, str), path),
        target_res=[compile_pattern(p, path) for p in require(d, "targets", path, list)],
        list_sep=compile_pattern(require(d, "list_separators", path, str), path),
    )


@dataclass
class _Event:
    type: str
    trigger: str
    article: Article
    index: int
    t_start: int
    lead: str | None
    date: DateMention | None
    participants: list[str] = field(default_factory=list)
    targets: list[tuple[str, str, int, int]] = field(default_factory=list)  # (kind, name, start, end)
    location: tuple[str, int, int] | None = None


def _hash(prefix: str, *parts: object) -> str:
    return prefix + hashlib.blake2b("\x1f".join(map(str, parts)).encode("utf-8"), digest_size=8).hexdigest()


def _people_by_position(edition: Edition) -> dict[tuple[str, int | None], list[tuple[int, int, dict]]]:
    """(article id, paragraph index) → [(start, end, person)] sorted, officials and others."""
    out: dict[tuple[str, int | None], list[tuple[int, int, dict]]] = {}
    for person in edition.people:
        if person.get("role") == "journalist":
            continue
        for m in person.get("mentions", []):
            if m.get("field") == "paragraph":
                out.setdefault((m["article"], m.get("index")), []).append((m["start"], m["end"], person))
    for v in out.values():
        v.sort(key=lambda x: x[0])
    return out


def _clause_type(clause: str, r: EventRules, led_from: int | None = None) -> tuple[str, re.Match[str]] | None:
    """The clause's activity: its highest-priority trigger, preferring one with
    an official named before it (``led_from``: the first such offset)."""
    found = []
    for m in r.trigger_re.finditer(clause):
        typ = r.trigger_type[m.group(0)]
        if typ == "meeting" and not re.search(r"会", clause[m.end() : m.end() + 30]):
            continue
        found.append((typ, m))
    if not found:
        return None
    rank = lambda x: (led_from is None or x[1].start() <= led_from,  # noqa: E731
                      r.priority.index(x[0]) if x[0] in r.priority else 99, x[1].start())
    return min(found, key=rank)


def _targets(clause: str, offset: int, r: EventRules) -> list[tuple[str, str, int, int]]:
    out: list[tuple[str, str, int, int]] = []
    for rx in r.target_res:
        for m in rx.finditer(clause):
            g = m.groupdict()
            if g.get("list"):
                s0 = m.start("list")
                pos = 0
                for part in r.list_sep.split(g["list"]):
                    k = g["list"].find(part, pos)
                    pos = k + len(part)
                    if len(part) >= 2:
                        out.append(("org", part, offset + s0 + k, offset + s0 + k + len(part)))
            if g.get("one"):
                out.append(("org", g["one"], offset + m.start("one"), offset + m.end("one")))
            if g.get("place"):
                out.append(("place", g["place"], offset + m.start("place"), offset + m.end("place")))
            if g.get("meeting"):
                out.append(("meeting", g["meeting"], offset + m.start("meeting"), offset + m.end("meeting")))
    return out


def extract_events(edition: Edition) -> None:
    r = rules()
    positions = _people_by_position(edition)
    events: list[_Event] = []
    for page in edition.pages:
        day = page.date or edition.date
        for article in page.articles:
            current: _Event | None = None
            waiting: list[str] = []  # participants named before the activity they join
            for idx, text in enumerate(article.paragraphs):
                people_here = positions.get((article.id, idx), [])
                if not people_here and current is None:
                    continue  # nobody to act and no activity to continue
                for cm in _CLAUSE.finditer(text):
                    clause, c0 = cm.group(0), cm.start()
                    inside = [(s, e, p) for s, e, p in people_here if c0 <= s < cm.end()]
                    officials = [s - c0 for s, _, p in inside if p.get("role") == "official"]
                    typed = _clause_type(clause, r, officials[0] if officials else None)
                    if typed is None:
                        if r.participant_re.search(clause):
                            named = [p["id"] for _, _, p in inside]
                            if current is not None:
                                current.participants += [x for x in named if x != current.lead]
                            else:
                                waiting += named
                        elif current is not None:
                            current.targets += _targets(clause, c0, r)
                        continue
                    typ, trig = typed
                    t_abs = c0 + trig.start()
                    before = [p for s, _, p in inside if s < t_abs and p.get("role") == "official"]
                    dates = find_dates(clause, day) if before or current is not None else []
                    date = dates[0] if dates else None
                    if not before:
                        # No official named before the trigger: a description
                        # (项目签约落户), or the current activity going on (他/一行/调研中).
                        if current is not None and date is None and typ in ("visit", "inspection"):
                            current.targets += _targets(clause, c0, r)
                        continue
                    lead = before[-1]["id"]
                    continues = current is not None and date is None and lead == current.lead
                    if continues:
                        # more places for the same activity (a meeting named here is another one)
                        current.targets += [t for t in _targets(clause, c0, r) if t[0] != "meeting"]
                        continue
                    current = _Event(typ, trig.group(0), article, idx, t_abs, lead,
                                     date or (current.date if current else None))
                    current.participants = [p["id"] for s, _, p in inside if p["id"] != lead and s > t_abs
                                            and r.participant_re.search(clause)]
                    current.participants += [x for x in waiting if x != lead]
                    waiting = []
                    current.targets = _targets(clause, c0, r)
                    loc = r.location_re.search(clause)
                    if loc and not loc.group("loc").startswith(("我", "本", "该", "当", "此")):
                        current.location = (loc.group("loc"), c0 + loc.start("loc"), c0 + loc.end("loc"))
                    # 位于秦灶街道的…: the place is where, not what.
                    places = [t for t in current.targets if t[0] == "place"]
                    if places and current.location is None:
                        current.location = places[0][1:]
                        current.targets = [t for t in current.targets if t[0] != "place"]
                    events.append(current)
    _emit(edition, events)


def _entity(edition: Edition, bucket: list[dict[str, Any]], prefix: str, name: str, kind: str | None,
            mention: dict[str, Any]) -> str:
    for e in bucket:
        if e["name"] == name or name in e.get("aliases", []):
            if mention not in e["mentions"]:
                e["mentions"].append(mention)
            return e["id"]
    ent = {"id": _hash(prefix, edition.paper, name), "name": name, "kind": kind, "aliases": [], "mentions": [mention]}
    bucket.append(ent)
    return ent["id"]


def _emit(edition: Edition, events: list[_Event]) -> None:
    out = []
    for ev in events:
        a = ev.article

        def mention(start: int, end: int) -> dict[str, Any]:
            return {"article": a.id, "field": "paragraph", "index": ev.index, "start": start, "end": end,
                    "text": a.paragraphs[ev.index][start:end]}

        targets: list[str] = []
        for kind, name, s, e in ev.targets:
            if kind == "meeting":
                targets.append(name)
            elif kind == "place":
                targets.append(_entity(edition, edition.places, "l", name, None, mention(s, e)))
            else:
                targets.append(_entity(edition, edition.organizations, "o", name, None, mention(s, e)))
        location = None
        if ev.location:
            location = _entity(edition, edition.places, "l", ev.location[0], None, mention(ev.location[1], ev.location[2]))
        actors = ([{"person": ev.lead, "role": "lead"}] if ev.lead else []) + [
            {"person": p, "role": "participant"} for p in dict.fromkeys(ev.participants)]
        date = ev.date.to_dict() if ev.date else {"text": None, "start": None, "end": None, "part_of_day": None}
        out.append({
            "id": _hash("v", a.id, ev.index, ev.t_start, ev.type),
            "type": ev.type, "trigger": ev.trigger, "date": date, "actors": actors,
            "targets": list(dict.fromkeys(targets)), "location": location, "article": a.id,
            "evidence": mention(ev.t_start, ev.t_start + len(ev.trigger)),
        })
    edition.events = out
