"""Score people extraction against the gold pages that carry a ``people`` list.

Each gold page is parsed alone (as ``banmian eval`` does), people are
extracted from it, and four item sets are compared per page, micro-averaged
over pages (precision / recall / F1 over multisets):

- person: ``(name, role)``;
- official: ``name`` of the people whose role is official;
- title: ``(name, title)`` — a person's titles as written (officials and their
  titles: the target of issue 3);
- organization: ``(name, title, organization)``;

plus the count of gold journalists the extractor marked as officials (must
stay 0).  Names and titles are compared with whitespace removed.

``banmian eval-people`` prints this as a table (or JSON).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any

import click

from ..errors import GoldFileError
from ..extract.people import extract_people
from ..model import Edition
from ..pipeline import parse_source
from ..stages.read import read_source
from .parse_eval import (Score, format_scores, gold_dir_or_default, gold_options, gold_pages, norm,
                         print_report)

PEOPLE_METRICS = ("person", "official", "title", "organization")
ROLES = ("official", "journalist", "other")


@dataclass
class PeopleReport:
    total: dict[str, Score] = field(default_factory=lambda: {m: Score() for m in PEOPLE_METRICS})
    pages: dict[str, dict[str, Score]] = field(default_factory=dict)
    journalists_as_official: int = 0
    errors: dict[str, list[str]] = field(default_factory=dict)   # page -> missed / wrong items, for --per-page

    def to_dict(self) -> dict[str, Any]:
        return {"total": {k: v.to_dict() for k, v in self.total.items()},
                "journalists_as_official": self.journalists_as_official,
                "pages": {p: {k: v.to_dict() for k, v in s.items()} for p, s in self.pages.items()}}


def people_items(people: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """The compared items of a people list (gold or predicted)."""
    out: dict[str, list[Any]] = {m: [] for m in PEOPLE_METRICS}
    for p in people:
        name = norm(p["name"])
        out["person"].append((name, p["role"]))
        if p["role"] == "official":
            out["official"].append(name)
        for t in p.get("titles", []):
            out["title"].append((name, norm(t["title"])))
            out["organization"].append((name, norm(t["title"]), norm(t.get("organization")) or None))
    return out


def check_gold_people(people: Any, source: str) -> None:
    """Raise GoldFileError when a gold ``people`` list is malformed."""
    if not isinstance(people, list):
        raise GoldFileError("people must be a list", source=source)
    for i, p in enumerate(people):
        where = f"people[{i}]"
        if not isinstance(p, dict) or set(p) != {"name", "role", "titles"}:
            raise GoldFileError(f"{where} must have exactly name, role, titles", source=source)
        if not isinstance(p["name"], str) or not p["name"].strip():
            raise GoldFileError(f"{where}: name must be a non-empty string", source=source)
        if p["role"] not in ROLES:
            raise GoldFileError(f"{where}: role {p['role']!r} not one of {', '.join(ROLES)}", source=source)
        if not isinstance(p["titles"], list):
            raise GoldFileError(f"{where}: titles must be a list", source=source)
        for t in p["titles"]:
            if not isinstance(t, dict) or set(t) != {"title", "organization"} or not isinstance(t["title"], str) \
                    or not (t["organization"] is None or isinstance(t["organization"], str)):
                raise GoldFileError(f"{where}: title {t!r} must be {{title, organization}}", source=source)


def predict_people(gold: dict[str, Any], gold_dir: Path, ner: bool = False) -> list[dict[str, Any]]:
    src = read_source(gold_dir / gold["input"])
    day = Date.fromisoformat(gold["date"]) if gold.get("date") else None
    page = parse_source(src, day=day, paper=gold.get("paper"), page_number=gold.get("page"))
    edition = Edition(paper=gold.get("paper"), date=day, pages=[page])
    extract_people(edition)
    if ner:
        from ..extract.tagged import add_tagged_people
        from ..ner import Tagger

        add_tagged_people(edition, Tagger.load())
    return edition.people


def evaluate_people(gold_dir: Path, split: str | None = None, ner: bool = False) -> PeopleReport:
    """Score every gold page with a ``people`` list (or those of one ``split``)."""
    report = PeopleReport()
    for path, gold in gold_pages(gold_dir, split, ("people",)):
        check_gold_people(gold["people"], str(path))
        pred = predict_people(gold, gold_dir, ner=ner)
        g, p = people_items(gold["people"]), people_items(pred)
        name = path.name.removesuffix(".gold.json")
        report.pages[name] = {m: Score().add(p[m], g[m]) for m in PEOPLE_METRICS}
        for m in PEOPLE_METRICS:
            report.total[m].add(p[m], g[m])
        pred_official = set(p["official"])
        report.journalists_as_official += sum(
            1 for x in gold["people"] if x["role"] == "journalist" and norm(x["name"]) in pred_official)
        missed = sorted(set(g["title"]) - set(p["title"])) + sorted(set(g["person"]) - set(p["person"]))
        wrong = sorted(set(p["title"]) - set(g["title"])) + sorted(set(p["person"]) - set(g["person"]))
        report.errors[name] = [f"- {x}" for x in missed] + [f"+ {x}" for x in wrong]
    if not report.pages:
        raise GoldFileError("no gold page has a people list", source=str(gold_dir))
    return report


def format_people_table(report: PeopleReport, per_page: bool = False) -> str:
    footer = [f"journalists marked official: {report.journalists_as_official}",
              f"({len(report.pages)} gold pages with people)"]
    return format_scores(report.total, report.pages, footer, per_page)


@click.command(name="eval-people")
@gold_options("Also list each page's missed (-) and spurious (+) people and titles.")
def eval_people_cmd(gold_dir: Path | None, fmt: str, per_page: bool, show_errors: bool, split: str | None,
                    ner: bool) -> None:
    """Score people extraction against gold pages with a people list: (name, role),
    officials, (name, title) and (name, title, organization) precision / recall / F1,
    and the number of journalists marked as officials."""
    report = evaluate_people(gold_dir_or_default(gold_dir), split=split, ner=ner)
    print_report(report, format_people_table(report, per_page=per_page), fmt, show_errors)
