"""The parse pipeline: read → unfold side-by-side columns → normalize → strip furniture → reflow
→ segment → link → extract (people, organizations and places, events).

``parse_text`` runs the stages on text already in memory; ``parse_files``
reads files (and folders) and collects per-file errors instead of stopping,
so one bad file never costs the others.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

from .errors import BanmianError, InputError
from .extract.entities import extract_entities
from .extract.events import extract_events
from .extract.people import extract_people
from .model import Edition, Page
from .stages.columns import unfold_columns
from .stages.furniture import strip_furniture
from .stages.link import assign_ids, link_pages
from .stages.normalize import to_lines
from .stages.read import SourceText, read_source
from .stages.reflow import reflow
from .stages.segment import segment

_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
# rmrb-20191025-04.txt, 2020-04-28_03.txt: a short number right after the date is the page.
_NAME_PAGE = re.compile(r"(?:(?<=\d{8})|(?<=\d{4}-\d{2}-\d{2}))[-_.](?P<section>[A-H])?(?P<number>\d{1,2})(?!\d)")


@dataclass(slots=True)
class ParseResult:
    edition: Edition
    errors: list[BanmianError] = field(default_factory=list)


def date_from_name(name: str) -> Date | None:
    m = _NAME_DATE.search(name)
    if not m:
        return None
    try:
        return Date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def page_from_name(name: str) -> tuple[int | None, str | None]:
    """(page number, section letter) of a file name: …-20191025-04 → (4, None),
    a sectioned paper's …-20260328-B04 → (4, "B")."""
    m = _NAME_PAGE.search(name)
    return (int(m.group("number")), m.group("section")) if m else (None, None)


def parse_text(text: str, source: str = "<text>", *, day: Date | None = None, paper: str | None = None,
               page_number: int | None = None, encoding: str | None = None,
               fallback_day: Date | None = None) -> Page:
    """Parse one page of text.  ``day``/``page_number`` override what the page says;
    ``fallback_day`` (e.g. from the file's folder) is used when neither the file name
    nor the page gives a date."""
    lines = to_lines(unfold_columns(text))
    stripped = strip_furniture(lines)
    blocks = reflow(stripped.lines)
    labels: list[str] = []
    articles = segment(blocks, dropped=labels)
    folio = stripped.folio
    named_page, section = page_from_name(source)
    page = Page(
        source=source,
        number=page_number if page_number is not None else (folio.page or named_page),
        section=section,
        name=folio.page_name,
        date=day or date_from_name(source) or folio.date or fallback_day,
        paper=paper or folio.paper,
        encoding=encoding,
        boilerplate=stripped.boilerplate + labels,
        articles=articles,
        original_text=text,
    )
    assign_ids(page, page.paper, page.date)
    return page


def parse_source(src: SourceText, **kw) -> Page:
    return parse_text(src.text, src.name, encoding=src.encoding, fallback_day=folder_date(src.path), **kw)


# Lines at the top of a printed page searched for its folio.
FOLIO_LINES = 8


def _folio_page(chunk: str) -> int | None:
    """The page number a printed page's folio states, from its first lines."""
    from .stages.furniture import default_furniture, folio_parts

    seen = 0
    for line in chunk.splitlines():
        text = line.strip().lstrip("#").strip()
        if not text:
            continue
        info = folio_parts(text, default_furniture())
        if info is not None and info.page is not None:
            return info.page
        seen += 1
        if seen >= FOLIO_LINES:
            break
    return None


def split_issue(text: str) -> list[str]:
    """The newspaper pages of a file that holds several: a whole issue printed to one
    PDF (or its ``pdftotext`` output), the printed pages apart by form feeds.  A printed
    page whose folio states another page number than the page before it starts a new
    newspaper page; one without a folio (a story that ran over) stays with the page
    before.  Text with one page (the common case) comes back whole."""
    chunks = text.split("\f")
    if sum(1 for c in chunks if c.strip()) < 2:
        return [text]     # (pdftotext ends every page with a form feed: one page, nothing to look for)
    groups: list[list[str]] = []
    current: int | None = None
    for chunk in chunks:
        number = _folio_page(chunk)
        if groups and (number is None or number == current):
            groups[-1].append(chunk)
        else:
            groups.append([chunk])
            current = number if number is not None else current
    return ["\f".join(g) for g in groups] if len(groups) > 1 else [text]


def parse_source_pages(src: SourceText, **kw) -> list[Page]:
    """Every newspaper page a file holds (see ``split_issue``), each parsed on its own:
    one page for a page file; for a whole issue, one per folio, named ``file#2``, ``file#3``…
    after the first, so that each has its own identity in the archive."""
    texts = split_issue(src.text)
    if len(texts) == 1:
        return [parse_source(src, **kw)]
    kw.pop("page_number", None)      # (a page number given for the file fits only one of its pages)
    return [parse_text(t, src.name if k == 0 else f"{src.name}#{k + 1}", encoding=src.encoding,
                       fallback_day=folder_date(src.path), **kw) for k, t in enumerate(texts)]


def folder_date(path: Path | None) -> Date | None:
    """A date in the names of the file's folders, nearest first (2020-04-28/01.txt)."""
    if path is None:
        return None
    for parent in list(path.parents)[:3]:
        d = date_from_name(parent.name)
        if d is not None:
            return d
    return None


def expand_paths(paths: list[str | Path]) -> list[Path]:
    """Files as given; folders walked recursively in name order (hidden files skipped)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and not any(
                part.startswith(".") for part in f.relative_to(p).parts)))
        else:
            out.append(p)
    return out


def extract(edition: Edition, *, ner: bool = False) -> None:
    """The extraction stages, in order, on a parsed edition (``parse_files`` and ingest's workers).

    ``ner``: also run the statistical tagger for people, organizations and
    places the rules missed (costly: see ``extract/tagged.py``)."""
    extract_people(edition)
    if not ner:
        extract_entities(edition)
    else:
        from .extract.tagged import TagCache, add_tagged_entities, add_tagged_people
        from .ner import Tagger

        cache = TagCache(Tagger.load())
        add_tagged_people(edition, cache.tagger, cache=cache)
        extract_entities(edition)
        add_tagged_entities(edition, cache.tagger, cache=cache)
    extract_events(edition)


def parse_files(paths: list[str | Path], *, day: Date | None = None, paper: str | None = None,
                page_number: int | None = None, encoding: str | None = None, ner: bool = False) -> ParseResult:
    """Parse files into one edition; unreadable files become errors, not exceptions."""
    result = ParseResult(Edition(paper=paper))
    files = expand_paths(paths)
    for f in files:
        try:
            src = read_source(f, encoding=encoding)
            pages = parse_source_pages(src, day=day, paper=paper,
                                       page_number=page_number if len(files) == 1 else None)
        except InputError as e:
            result.errors.append(e)
            continue
        result.edition.pages.extend(pages)
    pages = result.edition.pages
    dates = Counter(p.date for p in pages if p.date)
    result.edition.date = day or (dates.most_common(1)[0][0] if dates else None)
    papers = Counter(p.paper for p in pages if p.paper)
    result.edition.paper = paper or (papers.most_common(1)[0][0] if papers else None)
    if result.edition.date:
        for p in pages:
            if p.date is None:
                p.date = result.edition.date
                assign_ids(p, p.paper, p.date)
    pages.sort(key=lambda p: (p.section or "", p.number is None, p.number or 0, p.source))
    link_pages(pages)
    extract(result.edition, ner=ner)
    return result
