"""Strip furniture: masthead residue, QR/social labels, folios, staff lines.

Reads: lines.  Assigns: the lines that remain, ``boilerplate`` (removed lines
as written) and what folios say: issue date, page number, page name.  A line
right after a removed bare date line (``date_line``: a web article page's
date between its title and its text) is marked ``dated``; one after a removed
web page <title> (``web_title``) is marked ``web_page``: a crawled page starts.

Patterns live in ``data/furniture.yaml``.  A folio is recognised by what it
is made of, not by one fixed layout: a short line whose every part is a
folio token (date, weekday, 第N版, 版名, paper name, 责任编辑 credit…) with at
least one anchor among them.  That covers ``2020年4月28日 星期二 第1版 要闻``,
``版次：04 版名：要闻`` and ``责任编辑：王某 美编：李某`` alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache
from pathlib import Path

from ..numerals import page_number
from ..resources import compile_pattern, data_path, load_yaml, require
from .normalize import Line, editor_indented

MAX_FOLIO_CHARS = 90


@dataclass(slots=True)
class Furniture:
    labels: list[re.Pattern[str]]
    label_re: re.Pattern[str]   # the labels as one alternation: one fullmatch a line, not one each
    anchors: list[re.Pattern[str]]
    others: list[re.Pattern[str]]
    paper_name: re.Pattern[str]
    date_line: re.Pattern[str] | None = None
    glued_date_line: re.Pattern[str] | None = None
    web_title: re.Pattern[str] | None = None
    picture_line: re.Pattern[str] | None = None
    html_chrome: re.Pattern[str] | None = None
    html_text_boxes: tuple[str, ...] = ()


@dataclass(slots=True)
class FolioInfo:
    date: Date | None = None
    page: int | None = None
    page_name: str | None = None
    paper: str | None = None


@dataclass(slots=True)
class Stripped:
    lines: list[Line]
    boilerplate: list[str] = field(default_factory=list)
    folio: FolioInfo = field(default_factory=FolioInfo)


def load_furniture(path: str | Path | None = None) -> Furniture:
    path = Path(path) if path else data_path("furniture.yaml")
    data = load_yaml(path)
    labels = require(data, "labels", path, list)
    tokens = require(data, "folio_tokens", path, dict)
    anchors = require(tokens, "anchors", path, list)
    others = require(tokens, "others", path, list)
    return Furniture(
        labels=[compile_pattern(p, path) for p in labels],
        label_re=re.compile("|".join(f"(?:{p})" for p in labels)),
        anchors=[compile_pattern(p, path) for p in anchors],
        others=[compile_pattern(p, path) for p in others],
        paper_name=compile_pattern(require(data, "paper_name", path, str), path),
        date_line=compile_pattern(data["date_line"], path) if data.get("date_line") else None,
        glued_date_line=compile_pattern(data["glued_date_line"], path) if data.get("glued_date_line") else None,
        web_title=compile_pattern(data["web_title"], path) if data.get("web_title") else None,
        picture_line=compile_pattern(data["picture_line"], path) if data.get("picture_line") else None,
        html_chrome=compile_pattern(data["html_chrome"], path) if data.get("html_chrome") else None,
        html_text_boxes=tuple(str(b) for b in data.get("html_text_boxes") or ()),
    )


@lru_cache(maxsize=1)
def default_furniture() -> Furniture:
    return load_furniture()


def folio_parts(text: str, furniture: Furniture) -> FolioInfo | None:
    """What a folio line says, or ``None`` when the line is not a folio."""
    if len(text) > MAX_FOLIO_CHARS:
        return None
    covered = bytearray(len(text))
    info = FolioInfo()
    anchored = False
    for pattern in furniture.anchors:
        for m in pattern.finditer(text):
            if m.end() == m.start():
                continue
            anchored = True
            covered[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
            g = m.groupdict()
            if g.get("year") and info.date is None:
                try:
                    info.date = Date(int(g["year"]), int(g["month"]), int(g["day"]))
                except ValueError:
                    pass
            if g.get("page") and info.page is None:
                info.page = page_number(g["page"])
            if g.get("page_name") and info.page_name is None:
                info.page_name = g["page_name"].replace(" ", "")
    if not anchored:
        return None
    for pattern in furniture.others:
        for m in pattern.finditer(text):
            covered[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    left = sum(1 for i, ch in enumerate(text) if not covered[i] and not ch.isspace())
    return info if left <= 1 else None


# The list number a markdown export puts before a <title>'s article title (### 3. …).
_LIST_NUMBER = re.compile(r"^\d{1,3}[.、]\s*")


def _title_piece(text: str) -> bool:
    """A short line without sentence punctuation: a piece of a wrapped title."""
    return len(text) <= 30 and not any(c in text for c in "。，；！？")


def strip_furniture(lines: list[Line], furniture: Furniture | None = None) -> Stripped:
    furniture = furniture or default_furniture()
    kept: list[Line] = []
    out = Stripped(kept)
    pending_blank = 0
    dated = web_page = pictured = False
    title = ""
    for line in lines:
        text = line.text
        removed = False
        if len(text) <= MAX_FOLIO_CHARS:
            if furniture.label_re.fullmatch(text):
                removed = True
            elif furniture.web_title is not None and (site := furniture.web_title.fullmatch(text)):
                removed = True
                web_page, dated = True, False
                pieces = [site.group("title") if "title" in site.re.groupindex else text]
                indents = [editor_indented(line)]
                # a <title> broken over lines: the short lines glued above it
                glued = line.blank_before == 0 and not pending_blank
                k = 0
                while glued and kept and k < 3 and _title_piece(kept[-1].text):
                    above = kept.pop()
                    out.boilerplate.insert(len(out.boilerplate) - k, above.text)
                    pieces.insert(0, above.text)
                    indents.insert(0, editor_indented(above))
                    glued = above.blank_before == 0
                    k += 1
                # a line indented with ideographic spaces starts a new deck: "\n" between decks
                title = pieces[0]
                for piece, new_deck in zip(pieces[1:], indents[1:]):
                    title += ("\n" if new_deck and not indents[0] else " ") + piece
                title = _LIST_NUMBER.sub("", title).strip()
            else:
                info = folio_parts(text, furniture)
                if info is not None:
                    removed = True
                    folio = out.folio
                    folio.date = folio.date or info.date
                    folio.page = folio.page or info.page
                    folio.page_name = folio.page_name or info.page_name
        if removed:
            out.boilerplate.append(text)
            if (furniture.date_line is not None and furniture.date_line.fullmatch(text)) or (
                    furniture.glued_date_line is not None and line.blank_before == 0 and not pending_blank
                    and kept and furniture.glued_date_line.fullmatch(text)):
                dated = True
                if kept:
                    kept[-1].date_follows = True
            if furniture.picture_line is not None and furniture.picture_line.fullmatch(text):
                pictured = True
            if out.folio.paper is None:
                pm = furniture.paper_name.search(text)
                if pm:
                    out.folio.paper = pm.group(0)
            pending_blank += line.blank_before + 1
            continue
        if pending_blank:
            line.blank_before += pending_blank
            pending_blank = 0
        if dated:
            # A web article page states its date between its title and its text.
            line.dated = True
            dated = False
        if pictured:
            line.pictured = True
            pictured = False
        if web_page:
            line.web_page = True
            line.web_title = title
            web_page = False
        kept.append(line)
    return out
