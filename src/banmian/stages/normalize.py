"""Normalize: decoded text → a list of :class:`Line`.

Reads: ``SourceText.text``.  Assigns: lines with their source line number,
indentation, markdown heading level and blank lines before them.

One convention for the whole archive, whatever the converter did:
- radical code points that PDF fonts put for ideographs (⼈, ⺠) become the
  ideographs (``data/radicals.tsv``);
- full-width letters and digits (ＡＢＣ１２３) become ASCII, every kind of
  space (U+3000, NBSP, thin spaces) becomes one ASCII space, zero-width
  characters go;
- ASCII punctuation that touches Chinese text becomes the full-width mark
  Chinese typesetting uses (``,`` → ``，``, ``(`` → ``（``), while ``10,000``
  and ``10:30`` keep theirs.  NFKC would do the opposite and fold ``，`` to
  ``,``; we fold only what we mean to.
Every substitution is one character for one, and ``Page.original_text`` keeps
the text as decoded, so the original of any line stays recoverable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..resources import data_path, load_char_map

CJK = "\u2e80-\u2fdf\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff0f\uff1a-\uff20\u2014\u2026\u2018\u2019\u201c\u201d\u00b7"
CJK_CHAR = re.compile(f"[{CJK}]")

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_FOLD = {ord(c): " " for c in _SPACES}
_FOLD.update({ord(c): None for c in _ZERO_WIDTH})
_FOLD.update({cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)})  # ０-９
_FOLD.update({cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FOLD.update({cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)})  # ａ-ｚ
# Radicals that PDF fonts emit in place of ideographs (⼈ → 人, ⺠ → 民).
_FOLD.update({ord(k): v for k, v in load_char_map(data_path("radicals.tsv")).items()})

_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_PUNCT_NEAR_CJK = re.compile(f"(?<=[{CJK}])[,;:?!()]|[,;:?!()](?= ?[{CJK}])|(?<=[{CJK}] )[,;:?!()]")
_MULTISPACE = re.compile(r" {2,}")
_HEADING = re.compile(r"^(#{1,6})\s+")
# A whole line in markdown emphasis (**小标题**, __小标题__): the markers go, the text stays.
_EMPHASIS = re.compile(r"^(\*\*|__)(?P<text>[^*_].*?)(\*\*|__)$")
_LINE_BREAK = re.compile(r"\r\n|\r|\n|\x0c|\u2028|\u2029|\x0b|\x85")


@dataclass(slots=True)
class Line:
    text: str
    number: int  # 1-based line number in the source text
    indent: int = 0  # leading spaces in the source (a U+3000 counts 2)
    heading: int = 0  # markdown heading level, 0 when not a heading
    blank_before: int = 0  # blank lines between this line and the previous one
    page_break: bool = False  # a form feed came before this line
    dated: bool = False  # a removed date line (a web article's date) came right before this line
    web_page: bool = False  # a removed web page <title> came before this line: a crawled page starts
    web_title: str = ""  # that <title>'s article title (site name and list number dropped)
    date_follows: bool = False  # a removed date line comes right after this line
    pictured: bool = False  # a removed picture (![](…)) came right before this line
    inside: bool = False  # a paragraph cut out of a crawl's article line (see reflow): never a title
    tab_indent: bool = False  # indented with tabs or spaces (HTML source indentation), not U+3000 only
    width: float = 0.0  # display width in em, set from the text

    def __post_init__(self) -> None:
        self.width = display_width(self.text)


def editor_indented(line: Line) -> bool:
    """Set in by the editor's ideographic spaces (　　外交部：…), not by the HTML source's
    tabs: in a crawled title, where a new deck or a line of one starts (see furniture,
    reflow)."""
    return line.indent >= 2 and not line.tab_indent


def display_width(text: str) -> float:
    """Width in em: a Chinese character is 1, an ASCII character 1/2."""
    return len(text) - len(text.encode("ascii", "ignore")) / 2


def normalize_chars(text: str) -> str:
    """Fold widths and spaces; make CJK-adjacent ASCII punctuation full-width."""
    text = text.translate(_FOLD)
    if any(c in text for c in _TO_FULL):
        text = _PUNCT_NEAR_CJK.sub(lambda m: _TO_FULL[m.group(0)], text)
    return text


def to_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    blank = 0
    page_break = False
    pos = 0
    number = 0
    for m in _LINE_BREAK.finditer(text + "\n"):
        raw = text[pos : m.start()]
        pos = m.end()
        number += 1
        if m.group(0) == "\x0c":
            page_break = True
        stripped = raw.strip(" \t\u3000\u00a0\ufeff\u200b")
        if not stripped:
            blank += 1
            continue
        lead = raw[: len(raw) - len(raw.lstrip(" \t\u3000\u00a0\ufeff"))]
        indent = sum(2 if ch == "\u3000" else 1 for ch in lead)
        heading = 0
        hm = _HEADING.match(stripped)
        if hm:
            heading = len(hm.group(1))
            stripped = stripped[hm.end():]
        em = _EMPHASIS.match(stripped)
        if em and "**" not in em.group("text"):
            stripped = em.group("text").strip()
        clean = _MULTISPACE.sub(" ", normalize_chars(stripped)).strip()
        if not clean:
            blank += 1
            continue
        line = Line(clean, number, indent, heading, blank, page_break)
        line.tab_indent = "\t" in lead or lead.startswith("  ")
        lines.append(line)
        blank = 0
        page_break = False
    return lines
