"""Score the parser against gold pages (``tests/gold/*.gold.json``).

Each field is scored as precision / recall / F1 over multisets of items,
micro-averaged over all pages:
- headline: headline texts; kicker / subtitle: (headline, kicker|subtitle);
- byline: (name, role) per page; paragraph: paragraph texts;
- caption: caption texts; kind: (article key, kind); jump: (article key,
  continues_to|continued_from|refers_to, page).
Texts are compared with all whitespace removed: reflow is judged on where
paragraphs break, not on spaces a converter inserted.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import GoldFileError
from ..pipeline import parse_source
from ..stages.read import read_source

METRICS = ("headline", "kicker", "subtitle", "byline", "paragraph", "caption", "kind", "jump")
_WS = re.compile(r"\s+")


def norm(text: str | None) -> str:
    return _WS.sub("", text or "")


@dataclass
class Score:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else (1.0 if not self.pred else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, pred: Iterable[Any], gold: Iterable[Any]) -> "Score":
        cp, cg = Counter(pred), Counter(gold)
        self.tp += sum((cp & cg).values())
        self.pred += sum(cp.values())
        self.gold += sum(cg.values())
        return self

    def to_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "pred": self.pred, "gold": self.gold, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Report:
    total: dict[str, Score] = field(default_factory=lambda: {m: Score() for m in METRICS})
    pages: dict[str, dict[str, Score]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"total": {k: v.to_dict() for k, v in self.total.items()},
                "pages": {p: {k: v.to_dict() for k, v in s.items()} for p, s in self.pages.items()}}


def _key(a: dict[str, Any]) -> str:
    return norm(a.get("headline")) or norm(a.get("caption"))[:12] or norm((a.get("paragraphs") or [""])[0])[:12]


def items(articles: list[dict[str, Any]]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {m: [] for m in METRICS}
    for a in articles:
        key = _key(a)
        if a.get("headline"):
            out["headline"].append(norm(a["headline"]))
        if a.get("kicker"):
            out["kicker"].append((norm(a.get("headline")), norm(a["kicker"])))
        if a.get("subtitle"):
            out["subtitle"].append((norm(a.get("headline")), norm(a["subtitle"])))
        out["byline"].extend((norm(b["name"]), b["role"]) for b in a.get("bylines", []))
        out["paragraph"].extend(norm(p) for p in a.get("paragraphs", []) if norm(p))
        if a.get("caption"):
            out["caption"].append(norm(a["caption"]))
        out["kind"].append((key, a["kind"]))
        for link in ("continues_to", "continued_from", "refers_to"):
            ref = a.get(link)
            page = ref.get("page") if isinstance(ref, dict) else ref
            if page is not None:
                out["jump"].append((key, link, page))
    return out


def load_gold(path: Path) -> dict[str, Any]:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise GoldFileError(f"cannot read gold file: {e}", source=str(path)) from None
    for key in ("input", "articles"):
        if key not in gold:
            raise GoldFileError(f"missing key {key!r}", source=str(path))
    for i, a in enumerate(gold["articles"]):
        if "kind" not in a:
            raise GoldFileError(f"article {i} has no kind", source=str(path))
    return gold


def gold_files(gold_dir: Path) -> list[Path]:
    return sorted(gold_dir.glob("*.gold.json"))


def predict(gold: dict[str, Any], gold_dir: Path, variant: str | None = None) -> list[dict[str, Any]]:
    """The parser's articles for a gold page: from its ``input``, or from another rendering
    of the same page (``variants``: {"pdf": "….pdf"}) that the same articles annotate."""
    src = read_source(gold_dir / (gold["variants"][variant] if variant else gold["input"]))
    day = Date.fromisoformat(gold["date"]) if gold.get("date") else None
    page = parse_source(src, day=day, paper=gold.get("paper"), page_number=gold.get("page"))
    return [a.to_dict() for a in page.articles]


def gold_pages(gold_dir: Path, split: str | None = None, keys: tuple[str, ...] = (),
               variant: str | None = None) -> Iterator[tuple[Path, dict]]:
    """(path, gold) of every gold file that has all ``keys`` (and is of ``split``, and has
    a rendering ``variant``, when given)."""
    files = gold_files(gold_dir)
    if not files:
        raise GoldFileError("no *.gold.json files", source=str(gold_dir))
    for path in files:
        gold = load_gold(path)
        if all(k in gold for k in keys) and not (split and gold.get("split", "dev") != split) \
                and not (variant and variant not in gold.get("variants", {})):
            yield path, gold


def evaluate(gold_dir: Path, split: str | None = None, variant: str | None = None) -> Report:
    """Score every gold page (or those of one ``split``: dev, heldout; or the pages with a
    ``variant`` rendering, e.g. ``pdf``, read from that rendering)."""
    report = Report()
    for path, gold in gold_pages(gold_dir, split, variant=variant):
        pred_items = items(predict(gold, gold_dir, variant))
        gold_items = items(gold["articles"])
        page_scores = {m: Score().add(pred_items[m], gold_items[m]) for m in METRICS}
        report.pages[path.name.removesuffix(".gold.json")] = page_scores
        for m in METRICS:
            report.total[m].add(pred_items[m], gold_items[m])
    return report


def format_scores(total: dict[str, Score], pages: dict[str, dict[str, Score]], footer: list[str],
                  per_page: bool = False) -> str:
    """The table every ``banmian eval*`` command prints: one row per metric,
    then (``per_page``) one row of F1 per gold page."""
    width = max(10, *(len(m) for m in total))
    lines = [f"{'metric':<{width}} {'prec':>6} {'recall':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for m, s in total.items():
        lines.append(f"{m:<{width}} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.gold:6d} {s.pred:6d}")
    lines.extend(footer)
    if per_page:
        lines.append("")
        lines.append(f"{'page':<28} " + " ".join(f"{m[:6]:>6}" for m in total))
        for name, scores in pages.items():
            lines.append(f"{name[:28]:<28} " + " ".join(f"{scores[m].f1:6.3f}" for m in total))
    return "\n".join(lines)


def format_table(report: Report, per_page: bool = False) -> str:
    return format_scores(report.total, report.pages, [f"({len(report.pages)} gold pages)"], per_page)


def print_report(report: Any, table: str, fmt: str, show_errors: bool = False) -> None:
    """What the ``banmian eval-*`` commands print: JSON, or the table and (``--errors``)
    each page's missed (-) and spurious (+) items."""
    import click

    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(table)
    if show_errors:
        for name, errs in report.errors.items():
            if errs:
                click.echo(f"\n{name}")
                for e in errs:
                    click.echo(f"  {e}")


def gold_options(errors_help: str):
    """The options every ``banmian eval`` subcommand over gold pages takes: --gold,
    --format, --per-page, --errors, --split, --ner."""
    import click

    options = [
        click.option("--gold", "gold_dir", type=click.Path(path_type=Path, exists=True, file_okay=False),
                     help="Folder of gold files (default: tests/gold of the source tree)."),
        click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
                     help="table: one row per metric; json: totals and per-page counts."),
        click.option("--per-page", is_flag=True, help="Also print each gold page's F1 scores."),
        click.option("--errors", "show_errors", is_flag=True, help=errors_help),
        click.option("--split", metavar="NAME", help="Only the gold pages of this split (e.g. dev)."),
        click.option("--ner", is_flag=True, help="Extract with the statistical tagger too (as parse --ner does)."),
    ]

    def decorate(f):
        for option in reversed(options):
            f = option(f)
        return f

    return decorate


def gold_dir_or_default(gold_dir: Path | None) -> Path:
    from ..errors import BanmianError

    gold_dir = gold_dir or default_gold_dir()
    if gold_dir is None:
        raise BanmianError("no gold folder found; pass --gold DIR")
    return gold_dir


def default_gold_dir() -> Path | None:
    for base in (Path.cwd(), Path(__file__).resolve().parents[3]):
        d = base / "tests" / "gold"
        if d.is_dir():
            return d
    return None


