"""Ingest page files into the archive: idempotent, one transaction per edition.

- A page's identity is (paper, date, page number) — with its section letter on a
  sectioned paper (A04, B04) — or (paper, date, file name) when the page number
  is unknown; with no paper known, (date, folder name, file name): page 1 of two
  unnamed papers of one day, or 2020-04-28/01.txt and 2020-04-29/01.txt, are two
  pages.  Its file's SHA-256 is stored: the same bytes again add nothing;
  different bytes for the same page replace that page's rows in the same
  transaction.
- Pages are parsed in worker processes (``workers``); rows are written by this
  process only, an edition at a time, inside ``BEGIN IMMEDIATE … COMMIT``: a
  crash or Ctrl-C mid-edition leaves the archive as it was before it.
- A file that cannot be read or parsed is reported and skipped.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import deque
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import Callable, Iterable, Iterator

from sqlalchemy import Connection, Engine, delete, func, select

from .. import __version__
from ..errors import BanmianError, InputError
from ..model import Edition, Page
from ..pipeline import expand_paths, extract, parse_source_pages
from ..stages.read import read_source
from . import schema as S
from .db import write_connection
from .fts import index_tokens


@dataclass(slots=True)
class Parsed:
    source: str
    sha256: str
    folder: str = ""  # the file's folder name: with no paper known, part of the page's identity
    page: Page | None = None
    error: str | None = None
    people: list[dict] = field(default_factory=list)  # the spec's person dicts for this page
    organizations: list[dict] = field(default_factory=list)
    places: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    last_of_file: bool = True  # (a file holding a whole issue gives several pages: progress counts files)


@dataclass
class IngestReport:
    editions: int = 0
    pages: int = 0  # new or replaced
    replaced: int = 0
    articles: int = 0
    people: int = 0  # person records found on the new pages (the same person on two pages counts twice)
    events: int = 0
    skipped: int = 0  # already in the archive, unchanged
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.editions} editions, {self.pages} pages ({self.replaced} replaced), "
                f"{self.articles} articles, {self.people} people, {self.events} events, "
                f"{self.skipped} skipped, {self.failed} failed")


def _own_files(engine: Engine) -> set[Path]:
    """The archive's own database files (``banmian ingest .`` next to banmian.db reads
    neither it nor its journal)."""
    db = engine.url.database if engine.url.get_backend_name() == "sqlite" else None
    if not db or db == ":memory:":
        return set()
    base = Path(db).resolve()
    return {base, *(base.with_name(base.name + s) for s in ("-wal", "-shm", "-journal"))}


def key_hash(prefix: str, *parts: object) -> str:
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return prefix + hashlib.blake2b(raw.encode("utf-8"), digest_size=8).hexdigest()


def parse_one(path: str, paper: str | None, day: Date | None, encoding: str | None,
              ner: bool = False) -> list[Parsed]:
    """Read and parse one file (runs in a worker process): one ``Parsed`` per newspaper
    page it holds (a whole issue in one PDF holds several, see ``pipeline.split_issue``)."""
    p = Path(path)
    try:
        src = read_source(p, encoding=encoding)
        data = p.read_bytes()
        pages = parse_source_pages(src, day=day, paper=paper)
    except InputError as e:
        return [Parsed(p.name, "", error=str(e))]
    except BanmianError as e:  # a data-file problem: still one line, still this file
        return [Parsed(p.name, "", error=str(e))]
    digest = hashlib.sha256(data)
    out = []
    for k, page in enumerate(pages):
        page.original_text = ""  # not stored; keeps the hand-over between processes small
        # Extraction per page, in the worker: people, organizations, places, events.
        edition = Edition(paper=page.paper, date=page.date, pages=[page])
        extract(edition, ner=ner)
        # the file's hash; for the second and later pages of one file, the hash of the
        # file and the page's place in it (re-ingesting the file still finds each page)
        sha = digest.hexdigest() if k == 0 else hashlib.sha256(data + f"#{k + 1}".encode()).hexdigest()
        out.append(Parsed(page.source, sha, p.parent.name, page, people=edition.people,
                          organizations=edition.organizations, places=edition.places, events=edition.events,
                          last_of_file=k == len(pages) - 1))
    return out


def _parse_all(files: list[Path], paper, day, encoding, workers: int, ner: bool = False) -> Iterator[Parsed]:
    args = [(str(f), paper, day, encoding, ner) for f in files]
    if workers <= 1 or len(files) < 2:
        for a in args:
            yield from parse_one(*a)
        return
    # Keep a bounded number of pages in flight: the writer is the slower side, and
    # an unbounded map would pile every parsed page up in memory.
    ahead = workers * 16
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque = deque()
        for a in args:
            pending.append(pool.submit(parse_one, *a))
            if len(pending) >= ahead:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _edition_key(page: Page) -> tuple[str | None, Date | None]:
    return page.paper, page.date


def ingest(engine: Engine, paths: Iterable[str | Path], *, paper: str | None = None, day: Date | None = None,
           encoding: str | None = None, workers: int = 1, ner: bool = False,
           progress: Callable[[int], None] | None = None) -> IngestReport:
    """Parse and store files; returns counts.  Errors per file are in ``report.errors``."""
    report = IngestReport()
    own = _own_files(engine)
    files = [f for f in expand_paths(list(paths)) if f.resolve() not in own]
    # Files of one edition usually sort together (dates in names): keep them in one transaction.
    batch: list[Parsed] = []
    batch_key: tuple | None = None
    seen_editions: set[str] = set()

    def flush() -> None:
        if batch:
            _write_edition(engine, batch, report, seen_editions)
            batch.clear()

    for parsed in _parse_all(files, paper, day, encoding, workers, ner):
        if progress and parsed.last_of_file:
            progress(1)
        if parsed.page is None:
            report.failed += 1
            report.errors.append(parsed.error or f"{parsed.source}: failed")
            continue
        key = _edition_key(parsed.page)
        if key != batch_key:
            flush()
            batch_key = key
        batch.append(parsed)
    flush()
    report.editions = len(seen_editions)
    return report


def _page_id(page: Page, folder: str = "") -> str:
    if page.number is not None and page.paper:
        if page.section:          # A04 and B04 are two pages
            return key_hash("p", page.paper, page.date, page.section, page.number)
        return key_hash("p", page.paper, page.date, page.number)
    if page.paper:
        return key_hash("p", page.paper, page.date, "src", page.source)
    # no paper: the folder too (2020-04-28/01.txt and 2020-04-29/01.txt are two pages)
    return key_hash("p", page.paper, page.date, "src", folder, page.source)


# Fault injection for the crash tests: seconds to sleep inside each edition's
# transaction, after its first page is written (never set in normal use).
FAULT_SLEEP_ENV = "BANMIAN_FAULT_SLEEP_IN_EDITION"


def _write_edition(engine: Engine, batch: list[Parsed], report: IngestReport, seen: set[str]) -> None:
    first = batch[0].page
    assert first is not None
    edition_id = key_hash("e", first.paper, first.date)
    fault_sleep = float(os.environ.get(FAULT_SLEEP_ENV) or 0)
    with write_connection(engine) as conn, conn.begin():
        if conn.execute(select(S.editions.c.id).where(S.editions.c.id == edition_id)).first() is None:
            conn.execute(S.editions.insert().values(id=edition_id, paper=first.paper, date=first.date))
        seen.add(edition_id)
        for parsed in batch:
            page = parsed.page
            assert page is not None
            page_id = _page_id(page, parsed.folder)
            old = conn.execute(select(S.pages.c.sha256).where(S.pages.c.id == page_id)).first()
            if old is not None and old.sha256 == parsed.sha256:
                report.skipped += 1
                continue
            same_bytes = conn.execute(select(S.pages.c.id).where(
                S.pages.c.sha256 == parsed.sha256, S.pages.c.edition_id == edition_id)).first()
            if old is None and same_bytes is not None:
                report.skipped += 1  # the same file under another name
                continue
            if old is not None:
                _delete_page(conn, page_id)
                report.replaced += 1
            stored = _insert_page(conn, page, page_id, edition_id, parsed)
            person_ids = _insert_people(conn, page, stored, parsed.people)
            _insert_entities(conn, stored, parsed)
            _insert_events(conn, stored, parsed.events, person_ids)
            report.pages += 1
            report.people += len(parsed.people)
            report.events += len(parsed.events)
            report.articles += len(page.articles)
            if fault_sleep:
                print(f"fault-injection: sleeping in edition {edition_id}", file=sys.stderr, flush=True)
                time.sleep(fault_sleep)


def _fts_values(headline_parts: list[str | None], body: str) -> dict[str, str]:
    title_bi, title_uni = index_tokens(" ".join(x for x in headline_parts if x))
    body_bi, body_uni = index_tokens(body)
    return {"title_bi": title_bi, "body_bi": body_bi, "title_uni": title_uni, "body_uni": body_uni}


def _article_fts(row) -> dict[str, str]:
    return _fts_values([row.kicker, row.headline, row.subtitle], "\n".join(filter(None, [row.body, row.caption])))


def _delete_page(conn: Connection, page_id: str) -> None:
    rows = conn.execute(select(S.articles).where(S.articles.c.page_id == page_id)).all()
    for row in rows:
        # The index is contentless: removing a row means handing it the tokens it
        # was given, which are a pure function of the stored text.
        vals = _article_fts(row)
        conn.exec_driver_sql(
            "INSERT INTO articles_fts(articles_fts, rowid, title_bi, body_bi, title_uni, body_uni) "
            "VALUES ('delete', ?, ?, ?, ?, ?)",
            (row.rowid, vals["title_bi"], vals["body_bi"], vals["title_uni"], vals["body_uni"]))
    ids = [r.id for r in rows]
    if ids:
        conn.execute(delete(S.paragraphs).where(S.paragraphs.c.article_id.in_(ids)))
        conn.execute(delete(S.bylines).where(S.bylines.c.article_id.in_(ids)))
        conn.execute(delete(S.articles).where(S.articles.c.page_id == page_id))
    conn.execute(delete(S.pages).where(S.pages.c.id == page_id))


def _insert_page(conn: Connection, page: Page, page_id: str, edition_id: str, parsed: Parsed) -> set[str]:
    """Store the page and its articles; returns the ids of the articles stored under it."""
    conn.execute(S.pages.insert().values(
        id=page_id, edition_id=edition_id, number=page.number, section=page.section, name=page.name,
        source=page.source,
        sha256=parsed.sha256, encoding=page.encoding, parser_version=__version__,
        ingested_at=datetime.now(timezone.utc).replace(tzinfo=None),
        boilerplate=json.dumps(page.boilerplate, ensure_ascii=False)))
    article_rows, para_rows, byline_rows = [], [], []
    # An id already stored for another page (a republished item) keeps its first home.
    taken = set(conn.execute(select(S.articles.c.id).where(
        S.articles.c.id.in_([a.id for a in page.articles]))).scalars()) if page.articles else set()
    # Rowids are assigned here, under the write lock, so the index rows need no read-back.
    next_rowid = (conn.execute(select(func.max(S.articles.c.rowid))).scalar() or 0) + 1
    for ord_, a in enumerate(page.articles):
        if a.id in taken:
            continue
        taken.add(a.id)
        body = "\n".join(a.paragraphs)
        article_rows.append(dict(
            rowid=next_rowid + len(article_rows),
            id=a.id, page_id=page_id, edition_id=edition_id, paper=page.paper, date=page.date,
            page=page.number, ord=ord_, kind=a.kind, kicker=a.kicker, headline=a.headline,
            subtitle=a.subtitle, caption=a.caption, body=body,
            continues_to_page=a.continues_to.page if a.continues_to else None,
            continues_to_article=a.continues_to.article if a.continues_to else None,
            continued_from_page=a.continued_from.page if a.continued_from else None,
            continued_from_article=a.continued_from.article if a.continued_from else None,
            refers_to_page=a.refers_to.page if a.refers_to else None,
            refers_to_article=a.refers_to.article if a.refers_to else None))
        para_rows.extend(dict(article_id=a.id, idx=i, text=p) for i, p in enumerate(a.paragraphs))
        byline_rows.extend(dict(article_id=a.id, idx=i, name=b.name, role=b.role) for i, b in enumerate(a.bylines))
    if not article_rows:
        return set()
    conn.execute(S.articles.insert(), article_rows)
    if para_rows:
        conn.execute(S.paragraphs.insert(), para_rows)
    if byline_rows:
        conn.execute(S.bylines.insert(), byline_rows)
    conn.exec_driver_sql(
        "INSERT INTO articles_fts(rowid, title_bi, body_bi, title_uni, body_uni) VALUES (?, ?, ?, ?, ?)",
        [(r["rowid"], *_article_fts(SimpleNamespace(**r)).values()) for r in article_rows])
    return {r["id"] for r in article_rows}


_JURISDICTION = re.compile(r"^(.{1,8}?(?:自治州|自治县|特别行政区|省|市|州|盟|县|区|旗|镇|乡|街道))")


def person_scope(person: dict, paper: str | None) -> str:
    """What tells namesakes apart across issues: an official's jurisdiction (from
    the organizations of the titles), else the paper."""
    if person.get("role") == "official":
        for t in person.get("titles", []):
            m = _JURISDICTION.match(t.get("organization") or "")
            if m:
                return m.group(1)
    return paper or ""


def _rows_in(conn: Connection, table, ids: list[str], *columns):
    """Rows of ``table`` whose id is one of ``ids`` (in chunks under SQLite's parameter limit)."""
    for k in range(0, len(ids), 500):
        yield from conn.execute(select(*columns).where(table.c.id.in_(ids[k:k + 500])))


def _known_ids(conn: Connection, table, ids: list[str]) -> set[str]:
    """Which of these ids the table already holds."""
    return {row.id for row in _rows_in(conn, table, ids, table.c.id)}


def _insert_people(conn: Connection, page: Page, stored: set[str], people: list[dict]) -> dict[str, str]:
    """Store people under their archive-wide ids; returns extraction id → archive id.
    A few statements per page, not per person."""
    dates = {a.id: page.date for a in page.articles}
    ids: dict[str, str] = {}
    new_people: dict[str, dict] = {}
    titles: list[dict] = []
    mentions: list[dict] = []
    for person in people:
        scope = person_scope(person, page.paper)
        pid = key_hash("h", person["name"], person["role"], scope)
        ids[person["id"]] = pid
        new_people.setdefault(pid, dict(id=pid, name=person["name"], role=person["role"], scope=scope))
        articles = sorted({m["article"] for m in person.get("mentions", []) if m["article"] in stored})
        title_rows = {(t["title"], t.get("organization") or "", a)
                      for t in person.get("titles", []) for a in articles}
        titles.extend(dict(person_id=pid, title=t, organization=o, article_id=a, date=dates.get(a))
                      for t, o, a in sorted(title_rows))
        mention_rows = {(m["article"], m["field"], m.get("index", -1) if m.get("index") is not None else -1,
                         m["start"]): m for m in person.get("mentions", []) if m["article"] in stored}
        mentions.extend(dict(article_id=k[0], field=k[1], idx=k[2], start=k[3], end=m["end"], text=m["text"],
                             entity_type="person", entity_id=pid) for k, m in sorted(mention_rows.items()))
    known = _known_ids(conn, S.people, list(new_people))
    rows = [row for pid, row in new_people.items() if pid not in known]
    if rows:
        conn.execute(S.people.insert(), rows)
    if titles:
        conn.execute(S.person_titles.insert().prefix_with("OR IGNORE"), titles)
    if mentions:
        conn.execute(S.mentions.insert().prefix_with("OR IGNORE"), mentions)
    return ids


def _insert_entities(conn: Connection, stored: set[str], parsed: Parsed) -> None:
    """Organizations and places, and their mentions: a few statements per page, not per entity."""
    mentions: list[dict] = []
    for table, kind, entities in ((S.organizations, "organization", parsed.organizations),
                                  (S.places, "place", parsed.places)):
        if not entities:
            continue
        ids = list(dict.fromkeys(ent["id"] for ent in entities))
        known = _known_ids(conn, table, ids)
        new = {}
        for ent in entities:
            if ent["id"] not in known:
                new.setdefault(ent["id"], dict(id=ent["id"], name=ent["name"], kind=ent.get("kind")))
            mentions.extend(dict(article_id=m["article"], field=m["field"],
                                 idx=m.get("index") if m.get("index") is not None else -1, start=m["start"],
                                 end=m["end"], text=m["text"], entity_type=kind, entity_id=ent["id"])
                            for m in ent.get("mentions", []) if m["article"] in stored)
        if new:
            conn.execute(table.insert(), list(new.values()))
    if mentions:
        conn.execute(S.mentions.insert().prefix_with("OR IGNORE"), mentions)


def _insert_events(conn: Connection, stored: set[str], events: list[dict], person_ids: dict[str, str]) -> None:
    """Events with their actors and targets: a few statements per page, not per event."""
    events = [ev for ev in events if ev["article"] in stored]
    if not events:
        return
    targets = list(dict.fromkeys(t for ev in events for t in ev["targets"]))
    names = {row.id: row.name for table in (S.organizations, S.places)
             for row in _rows_in(conn, table, targets, table.c.id, table.c.name)}
    event_rows, actor_rows, target_rows = [], [], []
    for ev in events:
        d, evidence = ev["date"], ev.get("evidence") or {}
        event_rows.append(dict(
            id=ev["id"], article_id=ev["article"], type=ev["type"], trigger=ev["trigger"], date_text=d.get("text"),
            date_start=Date.fromisoformat(d["start"]) if d.get("start") else None,
            date_end=Date.fromisoformat(d["end"]) if d.get("end") else None,
            part_of_day=d.get("part_of_day"), location_id=ev.get("location"),
            evidence_idx=evidence.get("index"), evidence_start=evidence.get("start"), evidence_end=evidence.get("end")))
        actors = {person_ids.get(a["person"], a["person"]): a["role"] for a in ev["actors"]}
        actor_rows.extend(dict(event_id=ev["id"], person_id=p, role=r) for p, r in actors.items())
        target_rows.extend(dict(event_id=ev["id"], idx=k, target_id=t if t in names else None, name=names.get(t, t))
                           for k, t in enumerate(ev["targets"]))
    conn.execute(S.events.insert().prefix_with("OR IGNORE"), event_rows)
    if actor_rows:
        conn.execute(S.event_actors.insert().prefix_with("OR IGNORE"), actor_rows)
    if target_rows:
        conn.execute(S.event_targets.insert().prefix_with("OR IGNORE"), target_rows)


__all__ = ["IngestReport", "ingest", "parse_one", "person_scope"]
