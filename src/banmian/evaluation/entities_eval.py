"""Score organization and place extraction against the gold pages that carry
``organizations`` and ``places`` lists.

Each gold page is parsed alone with ``pipeline.parse_files`` (issue date and
paper from the gold), and its ``edition.organizations`` / ``edition.places``
are compared with the gold entities, micro-averaged over pages:

- org / place: entities matched by name — a gold and a predicted entity match
  when they share a form (name or alias, whitespace removed), one to one;
- org+kind / place+kind: the same, and the kinds are equal.

``banmian eval entities`` prints this as a table (or JSON).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any

import click

from ..errors import GoldFileError
from ..extract.entities import ORG_KINDS, PLACE_KINDS
from ..model import Edition
from ..pipeline import parse_files
from .parse_eval import (Score, format_scores, gold_dir_or_default, gold_options, gold_pages, norm,
                         print_report)

ENTITY_METRICS = ("org", "org+kind", "place", "place+kind")
_KEYS = {"name", "kind", "aliases"}


@dataclass
class EntitiesReport:
    total: dict[str, Score] = field(default_factory=lambda: {m: Score() for m in ENTITY_METRICS})
    pages: dict[str, dict[str, Score]] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)   # page -> missed (-) / spurious (+) / wrong kind (~)

    def to_dict(self) -> dict[str, Any]:
        return {"total": {k: v.to_dict() for k, v in self.total.items()},
                "pages": {p: {k: v.to_dict() for k, v in s.items()} for p, s in self.pages.items()}}


def check_gold_entities(entities: Any, key: str, source: str) -> None:
    """Raise GoldFileError when a gold ``organizations``/``places`` list is malformed."""
    kinds = ORG_KINDS if key == "organizations" else PLACE_KINDS
    if not isinstance(entities, list):
        raise GoldFileError(f"{key} must be a list", source=source)
    for i, e in enumerate(entities):
        where = f"{key}[{i}]"
        if not isinstance(e, dict) or set(e) != _KEYS:
            raise GoldFileError(f"{where} must have exactly name, kind, aliases", source=source)
        if not isinstance(e["name"], str) or not e["name"].strip():
            raise GoldFileError(f"{where}: name must be a non-empty string", source=source)
        if e["kind"] not in kinds:
            raise GoldFileError(f"{where}: kind {e['kind']!r} not one of {', '.join(kinds)}", source=source)
        if not isinstance(e["aliases"], list) or not all(isinstance(a, str) and a.strip() for a in e["aliases"]):
            raise GoldFileError(f"{where}: aliases must be a list of names", source=source)


@dataclass(frozen=True)
class Ent:
    name: str
    kind: str | None
    forms: frozenset[str]


def entities(items: list[dict[str, Any]]) -> list[Ent]:
    return [Ent(norm(e["name"]), e.get("kind"), frozenset(norm(x) for x in [e["name"], *e.get("aliases", [])]))
            for e in items]


def match(gold: list[Ent], pred: list[Ent]) -> list[tuple[Ent, Ent]]:
    """One-to-one pairs sharing a form: exact names first, then any shared name or alias."""
    pairs: list[tuple[Ent, Ent]] = []
    left = list(pred)
    rest: list[Ent] = []
    for g in gold:
        hit = next((p for p in left if p.name == g.name), None)
        if hit is None:
            rest.append(g)
        else:
            pairs.append((g, hit))
            left.remove(hit)
    for g in rest:
        hit = next((p for p in left if p.forms & g.forms), None)
        if hit is not None:
            pairs.append((g, hit))
            left.remove(hit)
    return pairs


def _score(gold: list[Ent], pred: list[Ent], with_kind: bool) -> Score:
    pairs = match(gold, pred)
    tp = sum(1 for g, p in pairs if not with_kind or g.kind == p.kind)
    return Score(tp=tp, pred=len(pred), gold=len(gold))


def predict(gold: dict[str, Any], gold_dir: Path, ner: bool = False) -> Edition:
    day = Date.fromisoformat(gold["date"]) if gold.get("date") else None
    result = parse_files([gold_dir / gold["input"]], day=day, paper=gold.get("paper"), page_number=gold.get("page"),
                         ner=ner)
    return result.edition


def evaluate_entities(gold_dir: Path, split: str | None = None, ner: bool = False) -> EntitiesReport:
    """Score every gold page with ``organizations`` and ``places`` lists (or those of one ``split``)."""
    report = EntitiesReport()
    for path, gold in gold_pages(gold_dir, split, ("organizations", "places")):
        for key in ("organizations", "places"):
            check_gold_entities(gold[key], key, str(path))
        ed = predict(gold, gold_dir, ner=ner)
        name = path.name.removesuffix(".gold.json")
        scores: dict[str, Score] = {}
        errors: list[str] = []
        for label, key, pred_items in (("org", "organizations", ed.organizations), ("place", "places", ed.places)):
            g, p = entities(gold[key]), entities(pred_items)
            scores[label] = _score(g, p, False)
            scores[label + "+kind"] = _score(g, p, True)
            pairs = match(g, p)
            matched_g = {id(x) for x, _ in pairs}
            matched_p = {id(y) for _, y in pairs}
            errors += [f"- {label} {x.name} ({x.kind})" for x in g if id(x) not in matched_g]
            errors += [f"+ {label} {y.name} ({y.kind})" for y in p if id(y) not in matched_p]
            errors += [f"~ {label} {x.name}: {x.kind} != {y.kind}" for x, y in pairs if x.kind != y.kind]
        report.pages[name] = scores
        for m in ENTITY_METRICS:
            t = report.total[m]
            t.tp, t.pred, t.gold = t.tp + scores[m].tp, t.pred + scores[m].pred, t.gold + scores[m].gold
        report.errors[name] = errors
    if not report.pages:
        raise GoldFileError("no gold page has organizations and places lists", source=str(gold_dir))
    return report


def format_entities_table(report: EntitiesReport, per_page: bool = False) -> str:
    return format_scores(report.total, report.pages, [f"({len(report.pages)} gold pages with organizations and places)"],
                         per_page)


@click.command(name="entities")
@gold_options("Also list each page's missed (-), spurious (+) and wrongly kinded (~) entities.")
def entities_cmd(gold_dir: Path | None, fmt: str, per_page: bool, show_errors: bool, split: str | None,
                 ner: bool) -> None:
    """Score organizations and places against gold pages with organizations/places lists:
    precision / recall / F1 by name (or alias), and by name and kind."""
    report = evaluate_entities(gold_dir_or_default(gold_dir), split=split, ner=ner)
    print_report(report, format_entities_table(report, per_page=per_page), fmt, show_errors)
