"""Score event extraction against the gold pages that carry an ``events`` list.

Each gold page is parsed alone with ``pipeline.parse_files`` (issue date and
paper from the gold), and its ``edition.events`` are compared with the gold
events, micro-averaged over pages:

- event: events matched on ``(type, lead, date start, date end)`` — precision,
  recall and F1 over multisets of these keys;
- event (no date): the same on ``(type, lead)`` alone, to tell date errors from
  missed activities;
- target: a gold target counts as found when the predicted event matched to
  its gold event carries it.  Recall is over all gold targets (the targets of
  missed events are missed), precision over all predicted targets (those of
  spurious events are wrong);
- participant: likewise for participants.

Matched events are paired one to one inside each key, preferring the same
article (headline) and then the most shared targets and participants.  Person
ids map to names through ``edition.people``, target ids through
``edition.organizations`` and ``edition.places`` (a meeting's name is a plain
string); names are compared with whitespace removed.

``banmian eval-events`` prints this as a table (or JSON).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any

import click

from ..errors import GoldFileError
from ..model import Edition
from ..pipeline import parse_files
from .parse_eval import Score, gold_dir_or_default, gold_options, gold_pages, norm, print_report

EVENT_METRICS = ("event", "event_nodate", "target", "participant")
EVENT_TYPES = ("meeting", "inspection", "visit", "investment_promotion", "reception", "signing", "ceremony",
               "other")
_KEYS = ("type", "lead", "participants", "date", "targets", "location", "headline")


@dataclass(frozen=True)
class Ev:
    """An event reduced to what is scored (gold or predicted)."""
    type: str
    lead: str
    start: str | None
    end: str | None
    targets: tuple[str, ...]
    participants: tuple[str, ...]
    headline: str
    date_text: str | None = None

    @property
    def key(self) -> tuple[str, str, str | None, str | None]:
        return (self.type, self.lead, self.start, self.end)

    def show(self) -> str:
        when = self.start if self.start == self.end else f"{self.start}..{self.end}"
        extra = f" targets={list(self.targets)}" if self.targets else ""
        extra += f" participants={list(self.participants)}" if self.participants else ""
        return f"{self.type} {self.lead or '-'} {when} ({self.date_text}){extra} [{self.headline[:16]}]"


@dataclass
class EventsReport:
    total: dict[str, Score] = field(default_factory=lambda: {m: Score() for m in EVENT_METRICS})
    pages: dict[str, dict[str, Score]] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)   # page -> missed (-) / spurious (+) / partial (~)

    def to_dict(self) -> dict[str, Any]:
        return {"total": {k: v.to_dict() for k, v in self.total.items()},
                "pages": {p: {k: v.to_dict() for k, v in s.items()} for p, s in self.pages.items()}}


def check_gold_events(events: Any, source: str) -> None:
    """Raise GoldFileError when a gold ``events`` list is malformed."""
    if not isinstance(events, list):
        raise GoldFileError("events must be a list", source=source)
    for i, e in enumerate(events):
        where = f"events[{i}]"
        if not isinstance(e, dict) or set(e) != set(_KEYS):
            raise GoldFileError(f"{where} must have exactly {', '.join(_KEYS)}", source=source)
        if e["type"] not in EVENT_TYPES:
            raise GoldFileError(f"{where}: type {e['type']!r} not one of {', '.join(EVENT_TYPES)}", source=source)
        if not isinstance(e["lead"], str) or not e["lead"].strip():
            raise GoldFileError(f"{where}: lead must be a non-empty name", source=source)
        for k in ("participants", "targets"):
            if not isinstance(e[k], list) or not all(isinstance(x, str) and x.strip() for x in e[k]):
                raise GoldFileError(f"{where}: {k} must be a list of names", source=source)
        d = e["date"]
        if not isinstance(d, dict) or set(d) != {"text", "start", "end"}:
            raise GoldFileError(f"{where}: date must be {{text, start, end}}", source=source)
        for k in ("start", "end"):
            if d[k] is not None:
                try:
                    Date.fromisoformat(d[k])
                except (TypeError, ValueError):
                    raise GoldFileError(f"{where}: date {k} {d[k]!r} is not YYYY-MM-DD or null",
                                        source=source) from None


def gold_events(events: list[dict[str, Any]]) -> list[Ev]:
    return [Ev(e["type"], norm(e["lead"]), e["date"]["start"], e["date"]["end"],
               tuple(dict.fromkeys(norm(t) for t in e["targets"])),
               tuple(dict.fromkeys(norm(p) for p in e["participants"])),
               norm(e["headline"]), e["date"]["text"]) for e in events]


def edition_events(edition: Edition) -> list[Ev]:
    """``edition.events`` with person and target ids replaced by names."""
    people = {p["id"]: p["name"] for p in edition.people}
    ents = {e["id"]: e["name"] for e in edition.organizations + edition.places}
    heads = {a.id: a.headline for a in edition.articles()}
    out = []
    for e in edition.events:
        leads = [people.get(a["person"], a["person"]) for a in e["actors"] if a["role"] == "lead"]
        parts = [people.get(a["person"], a["person"]) for a in e["actors"] if a["role"] == "participant"]
        out.append(Ev(e["type"], norm(leads[0]) if leads else "", e["date"]["start"], e["date"]["end"],
                      tuple(dict.fromkeys(norm(ents.get(t, t)) for t in e["targets"])),
                      tuple(dict.fromkeys(norm(p) for p in parts)),
                      norm(heads.get(e["article"])), e["date"]["text"]))
    return out


def predict_events(gold: dict[str, Any], gold_dir: Path, ner: bool = False) -> list[Ev]:
    day = Date.fromisoformat(gold["date"]) if gold.get("date") else None
    result = parse_files([gold_dir / gold["input"]], day=day, paper=gold.get("paper"), ner=ner)
    if result.errors:
        raise result.errors[0]
    return edition_events(result.edition)


def pair_events(gold: list[Ev], pred: list[Ev]) -> list[tuple[Ev, Ev]]:
    """One-to-one pairs of gold and predicted events with equal keys: same article
    first, then the most shared targets and participants, then text order."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if g.key == p.key:
                shared = len(set(g.targets) & set(p.targets)) + len(set(g.participants) & set(p.participants))
                cands.append((-(g.headline == p.headline), -shared, i, j))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, i, j in sorted(cands):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((gold[i], pred[j]))
    return pairs


def score_page(gold: list[Ev], pred: list[Ev]) -> tuple[dict[str, Score], list[str]]:
    """The page's scores and its error lines (``-`` missed, ``+`` spurious, ``~`` matched
    with missed or extra targets/participants)."""
    s = {m: Score() for m in EVENT_METRICS}
    s["event"].add([e.key for e in pred], [e.key for e in gold])
    s["event_nodate"].add([e.key[:2] for e in pred], [e.key[:2] for e in gold])
    pairs = pair_events(gold, pred)
    for metric, attr in (("target", "targets"), ("participant", "participants")):
        sc = s[metric]
        sc.pred += sum(len(getattr(e, attr)) for e in pred)
        sc.gold += sum(len(getattr(e, attr)) for e in gold)
        sc.tp += sum(len(set(getattr(g, attr)) & set(getattr(p, attr))) for g, p in pairs)
    errors = []
    paired_g = {id(g) for g, _ in pairs}
    paired_p = {id(p) for _, p in pairs}
    errors += [f"- {g.show()}" for g in gold if id(g) not in paired_g]
    errors += [f"+ {p.show()}" for p in pred if id(p) not in paired_p]
    for g, p in pairs:
        diff = []
        for attr in ("targets", "participants"):
            missed = [x for x in getattr(g, attr) if x not in getattr(p, attr)]
            extra = [x for x in getattr(p, attr) if x not in getattr(g, attr)]
            if missed:
                diff.append(f"{attr} missed {missed}")
            if extra:
                diff.append(f"{attr} extra {extra}")
        if diff:
            errors.append(f"~ {g.type} {g.lead} {g.start}: " + "; ".join(diff))
    return s, errors


def evaluate_events(gold_dir: Path, split: str | None = None, ner: bool = False) -> EventsReport:
    """Score every gold page with an ``events`` list (or those of one ``split``)."""
    report = EventsReport()
    for path, gold in gold_pages(gold_dir, split, ("events",)):
        check_gold_events(gold["events"], str(path))
        scores, errors = score_page(gold_events(gold["events"]), predict_events(gold, gold_dir, ner=ner))
        name = path.name.removesuffix(".gold.json")
        report.pages[name] = scores
        report.errors[name] = errors
        for m in EVENT_METRICS:
            t = report.total[m]
            t.tp, t.pred, t.gold = t.tp + scores[m].tp, t.pred + scores[m].pred, t.gold + scores[m].gold
    if not report.pages:
        raise GoldFileError("no gold page has an events list", source=str(gold_dir))
    return report


_LABELS = {"event": "event", "event_nodate": "event-nodate", "target": "target", "participant": "participant"}


def format_events_table(report: EventsReport, per_page: bool = False) -> str:
    lines = [f"{'metric':<13} {'prec':>6} {'recall':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for m, s in report.total.items():
        lines.append(f"{_LABELS[m]:<13} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.gold:6d} {s.pred:6d}")
    lines.append("(event: type, lead, date start/end; event-nodate: type, lead; target/participant: "
                 "names on matched events)")
    n_ev = sum(1 for p in report.pages.values() if p["event"].gold)
    lines.append(f"({len(report.pages)} gold pages with an events list, {n_ev} with events)")
    if per_page:
        lines.append("")
        lines.append(f"{'page':<28} " + " ".join(f"{_LABELS[m][:6]:>6}" for m in EVENT_METRICS) + "   gold  pred")
        for name, scores in report.pages.items():
            lines.append(f"{name[:28]:<28} " + " ".join(f"{scores[m].f1:6.3f}" for m in EVENT_METRICS)
                         + f" {scores['event'].gold:6d} {scores['event'].pred:5d}")
    return "\n".join(lines)


@click.command(name="eval-events")
@gold_options("Also list each page's missed (-), spurious (+) and partly matched (~) events.")
def eval_events_cmd(gold_dir: Path | None, fmt: str, per_page: bool, show_errors: bool, split: str | None,
                    ner: bool) -> None:
    """Score event extraction against gold pages with an events list: precision / recall /
    F1 of events matched on (type, lead, date start/end), and of the targets and
    participants found on matched events."""
    report = evaluate_events(gold_dir_or_default(gold_dir), split=split, ner=ner)
    print_report(report, format_events_table(report, per_page=per_page), fmt, show_errors)
