"""Archive commands: ingest, search, show, export (registered on the main ``banmian`` group)."""

from __future__ import annotations

import csv
import io
import json
import sys
import unicodedata
from datetime import date as Date
from pathlib import Path
from typing import Any

import click

from ..cliutil import NER_OPTION, parse_date_option
from ..errors import UsageError

DB_OPTION = click.option("--db", "db", metavar="PATH", envvar="BANMIAN_DB", default="banmian.db",
                         show_default=True, help="Archive database file (or set BANMIAN_DB).")
FORMAT_OPTION = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                             show_default=True, help="table for people, json (an array) or csv for programs.")


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _clip(s: str, n: int) -> str:
    out, w = "", 0
    for c in s:
        cw = 2 if unicodedata.east_asian_width(c) in "WF" else 1
        if w + cw > n:
            return out + "…"
        out, w = out + c, w + cw
    return out


def emit(rows: list[dict[str, Any]], fmt: str, columns: list[str], widths: dict[str, int] | None = None) -> None:
    """Print rows as an aligned table, a JSON array or CSV."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
                        for k, v in r.items()})
        click.echo(buf.getvalue(), nl=False)
        return
    widths = widths or {}
    cells = [[_clip("" if r.get(c) is None else str(r.get(c)), widths.get(c, 40)) for c in columns] for r in rows]
    size = [max([_width(c)] + [_width(row[k]) for row in cells]) for k, c in enumerate(columns)]
    line = lambda vals: "  ".join(v + " " * (size[k] - _width(v)) for k, v in enumerate(vals)).rstrip()  # noqa: E731
    click.echo(line(columns))
    for row in cells:
        click.echo(line(row))


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@DB_OPTION
@click.option("--paper", metavar="NAME", help="Newspaper name for these pages, e.g. 港闸报.")
@click.option("--date", "day", callback=parse_date_option, metavar="YYYY-MM-DD",
              help="Issue date for all these pages (else from file names or folios).")
@click.option("--encoding", metavar="CODEC", help="Force the text encoding instead of detecting it.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Parse in this many processes.")
@NER_OPTION
def ingest(paths: tuple[Path, ...], db: str, paper: str | None, day: Date | None, encoding: str | None,
           workers: int, ner: bool) -> None:
    """Parse page files, folders (recursive) or globs into the archive.

    Each edition (paper + date) is written in one transaction; re-ingesting an
    unchanged file adds nothing, a changed file replaces its page.  Files that
    cannot be read are reported on stderr and skipped (exit status 1).
    """
    from .db import open_archive
    from .ingest import ingest as run_ingest
    from ..pipeline import expand_paths

    engine = open_archive(db)
    files = expand_paths(list(paths))
    bar = None
    if sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=len(files), unit="file", file=sys.stderr)
    try:
        report = run_ingest(engine, files, paper=paper, day=day, encoding=encoding, workers=workers, ner=ner,
                            progress=bar.update if bar else None)
    finally:
        if bar:
            bar.close()
    for err in report.errors:
        click.echo(f"banmian: error: {err}", err=True)
    click.echo(report.summary(), err=True)
    if report.failed:
        sys.exit(1)


@click.command()
@click.argument("query")
@DB_OPTION
@click.option("--paper", metavar="NAME", help="Only this newspaper.")
@click.option("--from", "date_from", callback=parse_date_option, metavar="YYYY-MM-DD", help="Issues on or after this date.")
@click.option("--to", "date_to", callback=parse_date_option, metavar="YYYY-MM-DD", help="Issues on or before this date.")
@click.option("--page", type=int, metavar="N", help="Only page N.")
@click.option("--kind", type=click.Choice(["news", "photo", "teaser", "brief", "notice", "advertisement", "other"]),
              help="Only articles of this kind.")
@click.option("--byline", metavar="NAME", help="Only articles with this name in their bylines.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="At most this many hits.")
@FORMAT_OPTION
def search(query: str, db: str, paper, date_from, date_to, page, kind, byline, limit, fmt) -> None:
    """Full-text search of headlines and bodies, best first (bm25).

    Any Chinese string of one or more characters matches where it occurs
    (王斌, 高科技产业); several words separated by spaces must all occur.
    """
    from .db import open_archive
    from .search import search as run_search

    hits = run_search(open_archive(db), query, limit=limit, paper=paper, date_from=date_from, date_to=date_to,
                      page=page, kind=kind, byline=byline)
    emit([h.to_dict() for h in hits], fmt, ["id", "date", "page", "headline", "snippet", "score"],
         {"headline": 30, "snippet": 60})


@click.command()
@click.argument("article_id")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: a reading copy; json: every field, with provenance.")
def show(article_id: str, db: str, fmt: str) -> None:
    """Print one article of the archive by its id."""
    from .db import open_archive
    from .search import get_article

    art = get_article(open_archive(db), article_id)
    if art is None:
        raise UsageError(f"no article {article_id!r} in the archive")
    if fmt == "json":
        click.echo(json.dumps(art, ensure_ascii=False, indent=2))
        return
    head = " · ".join(str(x) for x in (art["paper"], art["date"], f"第{art['page']}版" if art["page"] else None) if x)
    click.echo(head)
    for key in ("kicker", "headline", "subtitle"):
        if art[key]:
            click.echo(art[key])
    if art["bylines"]:
        click.echo(" ".join(f"{b['name']}({b['role']})" for b in art["bylines"]))
    click.echo()
    for p in art["paragraphs"]:
        click.echo(p)
    if art["caption"]:
        click.echo(f"图：{art['caption']}")


@click.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet"]), required=True,
              help="File format of every table.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Folder to write <table>.<format> files into (created if missing).")
@click.option("--table", "tables", multiple=True, metavar="NAME", help="Only these tables (repeatable).")
def export(db: str, fmt: str, out_dir: Path, tables: tuple[str, ...]) -> None:
    """Export the archive's tables: editions, pages, articles, paragraphs, bylines,
    people, titles (timelines), organizations, places, events, event_actors,
    event_targets, mentions."""
    from .db import open_archive
    from .export import export as run_export

    written = run_export(open_archive(db), out_dir, fmt, list(tables) or None)
    for table, path in written.items():
        click.echo(f"{table}: {path}", err=True)


@click.command()
@DB_OPTION
@click.option("--role", type=click.Choice(["official", "journalist", "other"]), help="Only people of this role.")
@click.option("--name", metavar="NAME", help="Only people whose name contains this.")
@click.option("--from", "date_from", callback=parse_date_option, metavar="YYYY-MM-DD", help="Titles seen on or after this date.")
@click.option("--to", "date_to", callback=parse_date_option, metavar="YYYY-MM-DD", help="Titles seen on or before this date.")
@FORMAT_OPTION
def people(db: str, role, name, date_from, date_to, fmt) -> None:
    """People in the archive with their title timelines (title, organization, first and last seen)."""
    from .db import open_archive
    from .people import list_people

    found = list_people(open_archive(db), role=role, name=name, date_from=date_from, date_to=date_to)
    if fmt != "table":
        emit(found, fmt, ["id", "name", "role", "scope", "titles"])
        return
    rows = []
    for p in found:
        for k, t in enumerate(p["titles"] or [{}]):
            rows.append({"name": p["name"] if k == 0 else "", "role": p["role"] if k == 0 else "",
                         "title": t.get("title"), "organization": t.get("organization"),
                         "first_seen": t.get("first_seen"), "last_seen": t.get("last_seen"),
                         "articles": t.get("articles")})
    emit(rows, "table", ["name", "role", "title", "organization", "first_seen", "last_seen", "articles"])


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@DB_OPTION
@click.option("--date", "day", callback=parse_date_option, metavar="YYYY-MM-DD",
              help="With PATHS: the issue date relative dates resolve against.")
@click.option("--paper", metavar="NAME", help="With PATHS: the newspaper's name.")
@click.option("--person", metavar="NAME", help="Only events with this person among the actors.")
@click.option("--org", metavar="NAME", help="Only events whose targets include this name.")
@click.option("--type", "type_", type=click.Choice(["meeting", "inspection", "visit", "investment_promotion",
                                                    "reception", "signing", "ceremony", "other"]),
              help="Only events of this type.")
@click.option("--from", "date_from", callback=parse_date_option, metavar="YYYY-MM-DD", help="Events on or after this date.")
@click.option("--to", "date_to", callback=parse_date_option, metavar="YYYY-MM-DD", help="Events on or before this date.")
@FORMAT_OPTION
def events(paths, db, day, paper, person, org, type_, date_from, date_to, fmt) -> None:
    """Who chaired, inspected, visited, led, accompanied: what, where and when.

    With PATHS, parses those pages; without, queries the archive (--db).
    """
    if paths:
        from ..pipeline import parse_files
        from .events import event_row

        result = parse_files(list(paths), day=day, paper=paper)
        for e in result.errors:
            click.echo(f"banmian: error: {e}", err=True)
        ed = result.edition
        names = {p["id"]: p["name"] for p in ed.people}
        ents = {x["id"]: x["name"] for x in ed.organizations + ed.places}
        arts = {a.id: (p, a) for p in ed.pages for a in p.articles}
        rows = []
        for e in ed.events:
            page_, art = arts[e["article"]]
            r = {"id": e["id"], "type": e["type"], "trigger": e["trigger"], "date_text": e["date"]["text"],
                 "date_start": e["date"]["start"], "date_end": e["date"]["end"],
                 "part_of_day": e["date"].get("part_of_day"), "article_id": e["article"], "paper": ed.paper,
                 "issue_date": page_.date, "page": page_.number, "headline": art.headline,
                 "location": ents.get(e["location"])}
            actors = [{"name": names.get(a["person"], a["person"]), "role": a["role"]} for a in e["actors"]]
            rows.append(event_row(r, actors, [ents.get(t, t) for t in e["targets"]]))
        rows = [r for r in rows if (not type_ or r["type"] == type_)
                and (not person or any(person in n for n in r["lead"] + r["participants"]))
                and (not org or any(org in t for t in r["targets"]))
                and (not date_from or (r["date"]["end"] or r["date"]["start"] or r["issue_date"] or "") >= date_from.isoformat())
                and (not date_to or (r["date"]["start"] or r["issue_date"] or "9999") <= date_to.isoformat())]
    else:
        from .db import open_archive
        from .events import list_events

        rows = list_events(open_archive(db), person=person, org=org, type_=type_, date_from=date_from, date_to=date_to)
    if fmt == "table":
        table = [{"date": r["date"]["start"] if r["date"]["start"] == r["date"]["end"] else
                  f"{r['date']['start'] or '?'}..{r['date']['end'] or '?'}" if r["date"]["start"] else r["date"]["text"],
                  "when": (r["date"]["text"] or "") + (f" {r['date']['part_of_day']}" if r["date"]["part_of_day"] and
                                                         r["date"]["part_of_day"] not in (r["date"]["text"] or "") else ""),
                  "type": r["type"], "lead": "、".join(r["lead"]), "participants": "、".join(r["participants"]),
                  "targets": "、".join(r["targets"]), "location": r["location"]} for r in rows]
        emit(table, "table", ["date", "when", "type", "lead", "participants", "targets", "location"],
             {"targets": 36, "participants": 16})
    else:
        emit(rows, fmt, ["id", "type", "trigger", "date", "lead", "participants", "targets", "location", "article",
                         "paper", "issue_date", "page", "headline"])


COMMANDS = [ingest, search, show, export, people, events]
