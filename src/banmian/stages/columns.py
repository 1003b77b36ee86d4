"""Columns: text laid out side by side (``pdftotext -layout``) → one column after another.

Reads: the decoded page text.  Assigns: the same text with each run of
side-by-side columns written out column by column, for ``normalize`` and the
stages after it (which read a page as one column of text, as ``pdftotext``'s
reading order or a crawl gives it).  Text that is not laid out in columns comes
back unchanged.

``pdftotext -layout`` keeps the printed page's geometry: one character per cell,
the columns of a story side by side on each row, separated by a gutter of three
or more spaces, a headline centred over them.  Rows are read top to bottom; a
row's pieces are placed in the columns whose left edges recur from row to row
(a paragraph's first line starts an indent to the right of its column's edge).
A row whose single piece does not fit one column (a headline, a centred kicker,
a line across the page) ends the run of columns, and is written where it stands.
Each column's rows keep their indent relative to the column's edge, and a row
where a column has no text becomes a blank line in that column (a gap, as
``pdftotext`` leaves between blocks); columns are separated by a blank line, so
``reflow`` decides, as for any column break, whether a paragraph runs on.
Line numbers after this stage (``Article.source_lines``) count the lines of the
unfolded text; ``Page.original_text`` keeps the text as it came.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Spaces this many or more inside a row separate two columns (one space, or two,
# pad names and words inside a column: 龙  涛).
GUTTER = 3
# A piece starting within this many cells right of a column's edge belongs to it
# (a paragraph's indent is two cells; justified text may shift a cell).
EDGE_SLACK = 4
# The page is laid out in columns when this share of its text rows hold two
# pieces or more.
MIN_SHARE = 0.2

_PIECE = re.compile(rf"\S(?:.*?\S)?(?= {{{GUTTER},}}|\s*$)")
_PAGE_BREAK = "\x0c"


@dataclass(slots=True)
class _Piece:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class _Run:
    """Rows set in the same columns: ``edges`` are the columns' left edges, ``rows``
    the pieces of each row by column (None: no text in that column on that row)."""
    edges: list[int]
    rows: list[list[str | None]] = field(default_factory=list)


def _pieces(line: str) -> list[_Piece]:
    return [_Piece(m.start(), m.end(), m.group()) for m in _PIECE.finditer(line)]


_GUTTER_INSIDE = re.compile(rf"\S {{{GUTTER},}}\S")


def is_side_by_side(lines: list[str]) -> bool:
    """Whether enough text rows hold pieces separated by a gutter: columns laid
    side by side."""
    texty = [ln for ln in lines if ln.strip()]
    if len(texty) < 10:
        return False
    split = sum(1 for ln in texty if _GUTTER_INSIDE.search(ln))
    return split >= MIN_SHARE * len(texty)


def _column_of(piece: _Piece, edges: list[int]) -> int | None:
    """The column a piece sits in: the edge it starts at (an indent to its right,
    or a little to its left when the run's first row was indented), when the piece
    ends before the next column's edge; None when it fits no column."""
    for k, e in enumerate(edges):
        if e - EDGE_SLACK <= piece.start <= e + EDGE_SLACK:
            if k + 1 < len(edges) and piece.end > edges[k + 1] - 1:
                return None
            return k
    return None


def _fits(pieces: list[_Piece], edges: list[int]) -> list[int] | None:
    """The columns of a row's pieces in a run, or None when the row does not fit it."""
    cols = [_column_of(p, edges) for p in pieces]
    if any(c is None for c in cols) or len(set(cols)) != len(cols):
        return None
    return cols  # type: ignore[return-value]


def _write(run: _Run, out: list[str]) -> None:
    for k, edge in enumerate(run.edges):
        column: list[str] = []
        gap = False
        for row in run.rows:
            text = row[k]
            if text is None:
                gap = bool(column)
                continue
            if gap:
                column.append("")
                gap = False
            column.append(text)
        if column:
            if out and out[-1] != "":
                out.append("")  # a column break, or the end of the row above
            out.extend(column)


# A run's last rows after a blank row, this many at most, in one column only and
# followed by rows the run cannot hold, are the next story's title.
MAX_HEAD_ROWS = 3


def _detach_heads(run: _Run) -> list[str]:
    """A headline centred over the next story may land in one of the run's middle
    columns (its left end falls on that column's edge): the rows after the run's
    last blank row, when each holds one piece and the row after them leaves the
    run, are taken out of it and returned."""
    k = len(run.rows)
    while k > 0 and any(x is not None for x in run.rows[k - 1]):
        k -= 1
    tail = run.rows[k:]
    if k == 0 or not tail or len(tail) > MAX_HEAD_ROWS:
        return []
    if not all(sum(x is not None for x in row) == 1 for row in tail):
        return []
    del run.rows[k:]
    return [next(x for x in row if x is not None) for row in tail]


def unfold_columns(text: str) -> str:
    """The text with side-by-side columns written one after another (see the module)."""
    if _PAGE_BREAK in text:
        return _PAGE_BREAK.join(unfold_columns(part) for part in text.split(_PAGE_BREAK))
    if " " * GUTTER not in text:
        return text
    lines = text.split("\n")
    if not is_side_by_side(lines):
        return text
    out: list[str] = []
    run: _Run | None = None

    def close() -> None:
        nonlocal run
        if run is not None:
            _write(run, out)
            run = None

    for line in lines:
        line = line.rstrip()
        pieces = _pieces(line)
        if not pieces:
            if run is not None:
                run.rows.append([None] * len(run.edges))
            elif out and out[-1] != "":
                out.append("")
            continue
        if run is not None:
            cols = _fits(pieces, run.edges)
            if cols is not None:
                row: list[str | None] = [None] * len(run.edges)
                for p, c in zip(pieces, cols):
                    if p.start < run.edges[c]:
                        # the run's first row was indented here: the edge is further left
                        shift = run.edges[c] - p.start
                        run.edges[c] = p.start
                        for r in run.rows:
                            if r[c] is not None:
                                r[c] = " " * shift + r[c]
                    row[c] = " " * (p.start - run.edges[c]) + p.text
                run.rows.append(row)
                continue
        heads = _detach_heads(run) if run is not None else []
        close()
        if heads:
            out.append("")
            out.extend(head.strip() for head in heads)
        # a row that fits no run starts one with its pieces' left edges (one piece:
        # a story set across the page, or a headline alone on its row)
        run = _Run([p.start for p in pieces])
        run.rows.append([p.text for p in pieces])
    close()
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")
