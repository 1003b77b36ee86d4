"""Read a PDF page: its text as a converter leaves it, plus what only the type shows.

Reads: PDF bytes.  Assigns: the page's text, one line per printed line, a blank
line between text blocks (a new column, a gap, a change of type size), a form
feed between PDF pages — the shape of ``pdftotext`` output, which the later
stages read — and, unlike any plain converter, headlines marked as markdown
headings (``# ``) from their type size.

Why the mark: from text alone a two-deck title is ambiguous (kicker + headline
or headline + subtitle, see ``segment.assign_titles``); on the printed page the
headline is the deck set in the largest type.  In each run of display lines
(type at least ``DISPLAY_RATIO`` times the body size) the lines in the run's
largest type, if that is at least ``HEADLINE_RATIO`` times the body, are the
headline; the other decks stay plain lines (kicker above, subtitle below).

Uses pypdfium2 (PDFium; Apache-2.0 / BSD-3-Clause): wheels on PyPI for every
platform, no program to install, per-character boxes and font sizes.  Text is
taken in PDFium's order, the order in which the producer wrote it: browsers
printing HTML write it in reading order; a producer that writes a page out of
reading order is not reordered here (no real e-paper PDF was at hand to build
that on).  Image-only (scanned) PDFs have no text layer and are refused: banmian
does not do OCR.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..errors import BrokenDocument, EmptyInput, UndecodableInput
from .markers import default_markers, parallel_halves
from .reflow import joiner

# A line in type at least this many times the body size is display type (kicker,
# headline, subtitle), not text; the largest deck of a run, at least HEADLINE_RATIO
# times the body, is the headline.  People's Daily sets body text at 10–12 pt,
# kickers and subtitles at 14–17 pt, headlines at 22–36 pt.
DISPLAY_RATIO = 1.25
HEADLINE_RATIO = 1.5
# Type sizes within this factor of each other are one size (rounding in the PDF).
SAME_SIZE = 1.08
# A line break PDFium inferred inside what is one printed line is a space when the
# characters around it stand this many ems apart.
SPACE_GAP = 0.6
# More than this share of a PDF's characters in the private use area (fonts without a
# Unicode map print glyph numbers): its text cannot be read.
UNMAPPED_SHARE = 0.3
# Single characters one under another, less than this share of an em apart: vertical text.
VERTICAL_GAP = 0.5
# A horizontal gap wider than this many ems on one baseline is a gutter between columns.
GUTTER = 2.5
# A vertical gap between two lines wider than this share of their height (the em)
# starts a new block: on the rendered silver pages the lines of a paragraph stand
# 0.4–0.6 em apart, blocks 0.8 em and more.
BLOCK_GAP = 0.7
# A space PDFium infers from a gap between two printed characters (marked until
# the line is done: letter-spacing is no word space).
INFERRED_SPACE = "\x1f"
# Single Chinese characters set apart by inferred spaces: a letter-spaced word
# (要 闻, 日 报 in a folio).  Two-character names (周冉 何鹏) keep their space: in the
# type the gaps measure alike (about a third of an em), so the shape decides.
LETTER_SPACED = re.compile("(?<![\u3400-\u9fff])[\u3400-\u9fff](?:\x1f[\u3400-\u9fff])+(?![\u3400-\u9fff])")


@dataclass(slots=True)
class PrintedLine:
    chars: list[str] = field(default_factory=list)
    sizes: list[float] = field(default_factory=list)
    left: float = 0.0
    right: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    vertical: bool = False     # characters set one under another (see _join_vertical)

    @property
    def text(self) -> str:
        text = LETTER_SPACED.sub(lambda mt: mt.group().replace(INFERRED_SPACE, ""), "".join(self.chars))
        return text.replace(INFERRED_SPACE, " ").strip()

    @property
    def size(self) -> float:
        """The commonest type size of the line's printed characters."""
        return Counter(self.sizes).most_common(1)[0][0] if self.sizes else 0.0

    @property
    def height(self) -> float:
        return self.top - self.bottom


def pdf_to_text(data: bytes, source: str | None = None) -> str:
    """The text of a PDF (see the module docstring); raises ``BrokenDocument`` for a
    file PDFium cannot open, ``EmptyInput`` for one without a text layer and
    ``UndecodableInput`` for one whose fonts do not map their glyphs to characters."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        raise BrokenDocument(f"cannot open the PDF ({_reason(e)})", source=source) from None
    try:
        pages = [_printed_lines(pdf[k]) for k in range(len(pdf))]
    except pdfium.PdfiumError as e:
        raise BrokenDocument(f"cannot read the PDF's text ({_reason(e)})", source=source) from None
    finally:
        pdf.close()
    body = _body_size(pages)
    if body == 0.0:
        raise EmptyInput("the PDF has no text layer (a scanned image? banmian does not do OCR)", source=source)
    _check_mapped(pages, source)
    pages = [_join_vertical(lines) for lines in pages]
    return "\f".join("\n".join(_page_text(lines, body)) for lines in pages)


def _reason(e: Exception) -> str:
    """PDFium's reason, without pypdfium2's wrapping (``Failed to load document (PDFium: Data
    format error).`` → ``PDFium: Data format error``): damaged, truncated, password."""
    text = str(e).strip().rstrip(".")
    if "(" in text and text.endswith(")"):
        text = text[text.index("(") + 1 : -1]
    return text or "unknown error"


def _printed_lines(page) -> list[PrintedLine]:
    """The page's printed lines, in PDFium's character order, each character with its
    type size and box.  Lines are cut from the characters' positions, not from the
    line breaks PDFium infers (it breaks between every glyph of some pages)."""
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    lines: list[PrintedLine] = []
    cur = PrintedLine()
    box = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    pending_high = 0
    space = broke = False    # a space / a line break before the next printed character
    last_left = last_right = 0.0
    try:
        tp = textpage.raw     # (the handle itself: pypdfium2's wrapper costs a lookup per call)
        for i in range(textpage.count_chars()):
            code = raw.FPDFText_GetUnicode(tp, i)
            if 0xD800 <= code < 0xDC00:        # a character beyond the BMP comes as two code units
                pending_high = code
                continue
            if 0xDC00 <= code < 0xE000 and pending_high:
                code = 0x10000 + ((pending_high - 0xD800) << 10) + (code - 0xDC00)
            pending_high = 0
            ch = chr(code)
            if ch.isspace() or code < 0x20:
                space = space or ch in " \u3000"
                broke = broke or ch in "\r\n"     # PDFium's own line break (see SPACE_GAP)
                continue
            raw.FPDFText_GetLooseCharBox(tp, i, box)   # the font's em box: alike for every glyph
            left, right, bottom, top = box.left, box.right, box.bottom, box.top
            raw.FPDFText_GetMatrix(tp, i, matrix)
            # the type size as printed: the font size times the text matrix's scale
            scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
            size = round(raw.FPDFText_GetFontSize(tp, i) * scale, 1)
            if cur.sizes and _breaks_line(cur, last_left, last_right, left, bottom, top):
                lines.append(cur)
                cur, space, broke = PrintedLine(), False, False
            if cur.sizes and (space or broke and left - last_right > SPACE_GAP * _em(cur, bottom, top)):
                cur.chars.append(INFERRED_SPACE)
            space = broke = False
            cur.chars.append(ch)
            cur.sizes.append(size)
            if len(cur.sizes) == 1:
                cur.left, cur.right, cur.bottom, cur.top = left, right, bottom, top
            else:
                cur.left, cur.right = min(cur.left, left), max(cur.right, right)
                cur.bottom, cur.top = min(cur.bottom, bottom), max(cur.top, top)
            last_left, last_right = left, right
        if cur.sizes:
            lines.append(cur)
    finally:
        textpage.close()
    return [ln for ln in lines if ln.text]


def _em(line: PrintedLine, bottom: float, top: float) -> float:
    return max(line.top - line.bottom, top - bottom, 1.0)


def _breaks_line(line: PrintedLine, last_left: float, last_right: float, left: float, bottom: float,
                 top: float) -> bool:
    """Is a character at (left, bottom, top) no longer on ``line``, whose last character
    spans last_left..last_right: off its height, back to the left, or past a gutter?"""
    em = _em(line, bottom, top)
    middle = (bottom + top) / 2
    if middle < line.bottom - 0.3 * em or middle > line.top + 0.3 * em:
        return True
    return left < last_left - 0.5 * em or left - last_right > GUTTER * em


def _check_mapped(pages: list[list[PrintedLine]], source: str | None) -> None:
    """Refuse a PDF whose fonts carry no Unicode map: PDFium then reports glyph numbers
    (private use area, U+FFFD), and parsing them would only invent text."""
    printed = "".join(ln.text for lines in pages for ln in lines)
    unmapped = sum(1 for c in printed if "\ue000" <= c <= "\uf8ff" or c == "\ufffd")
    if unmapped > UNMAPPED_SHARE * len(printed):
        raise UndecodableInput(f"the PDF's fonts do not say which characters they print ({unmapped} of "
                               f"{len(printed)} characters unmapped): its text cannot be read", source=source)


def _join_vertical(lines: list[PrintedLine]) -> list[PrintedLine]:
    """Characters set one under another (a vertical headline, 竖排) come out as lines of
    one character each, stacked in one column: they are one line."""
    out: list[PrintedLine] = []
    for ln in lines:
        prev = out[-1] if out else None
        if prev is not None and len(ln.sizes) == 1 and (len(prev.sizes) == 1 or prev.vertical) \
                and _same_size(prev.size, ln.size) and ln.left < prev.right and prev.left < ln.right \
                and -0.1 * ln.height <= prev.bottom - ln.top < VERTICAL_GAP * ln.height:
            prev.chars.extend(ln.chars)
            prev.sizes.extend(ln.sizes)
            prev.left, prev.right = min(prev.left, ln.left), max(prev.right, ln.right)
            prev.bottom = ln.bottom
            prev.vertical = True
        else:
            out.append(ln)
    return out


def _body_size(pages: list[list[PrintedLine]]) -> float:
    """The type size most characters are set in."""
    counts: Counter[float] = Counter()
    for lines in pages:
        for ln in lines:
            counts.update(ln.sizes)
    return counts.most_common(1)[0][0] if counts else 0.0


def _same_size(a: float, b: float) -> bool:
    return max(a, b) <= min(a, b) * SAME_SIZE


def _new_block(prev: PrintedLine, ln: PrintedLine) -> bool:
    """Does ``ln`` start a new text block after ``prev``: a new column (it does not
    sit below), a gap wider than a line space, or another type size?  (Whether it
    sits under ``prev`` is no test: a paragraph's last line may hold one character.)"""
    if not _same_size(prev.size, ln.size):
        return True
    if ln.top > prev.bottom + 0.5 * prev.height:
        return True                      # beside or back up the page: the next column or frame
    return prev.bottom - ln.top > BLOCK_GAP * max(prev.height, ln.height)


def _page_text(lines: list[PrintedLine], body: float) -> list[str]:
    out: list[str] = []
    display = [ln.size >= body * DISPLAY_RATIO for ln in lines]
    k = 0
    while k < len(lines):
        if not display[k]:
            if k and _new_block(lines[k - 1], lines[k]):
                out.append("")
            out.append(lines[k].text)
            k += 1
            continue
        end = k
        while end < len(lines) and display[end]:
            end += 1
        if out:
            out.append("")
        out.extend(_display_run(lines[k:end], body))
        k = end
    return out


def _display_run(run: list[PrintedLine], body: float) -> list[str]:
    """A run of display lines: the decks in the run's largest type, if large enough, are the
    headline (a wrapped headline's lines joined into one); the others stay as they are."""
    top = max(ln.size for ln in run)
    # (a character alone in huge type is a masthead letter or a drop cap, not a headline,
    # unless it is the last of a headline wrapped onto its own line: …产业创新发 / 展)
    is_head: list[bool] = []
    for k, ln in enumerate(run):
        large = top >= body * HEADLINE_RATIO and _same_size(ln.size, top)
        is_head.append(large and (len(ln.sizes) >= 2 or (k > 0 and is_head[k - 1] and not _new_block(run[k - 1], ln))))
    out: list[str] = []
    for k, ln in enumerate(run):
        if is_head[k] and k and is_head[k - 1]:
            out[-1] += _joiner(out[-1], ln.text)
        else:
            out.append(("# " if is_head[k] else "") + ln.text)
    return out


def _joiner(left: str, right: str) -> str:
    """The next printed line of one headline, joined: with a space between two halves of
    one length (疾风劲草 / 正气凛然: ``markers.parallel_halves``), else as reflow joins lines."""
    a = left.removeprefix("# ")
    return (" " if parallel_halves(a, right, default_markers()) else joiner(a, right)) + right
