"""Reflow: lines → blocks, joining lines the layout broke mid-sentence.

Reads: lines (after furniture).  Assigns: blocks, each one logical line of
the page (a paragraph, a title line, a byline, a marker) with the source lines
it spans.

Converters break text in two ways, and both are decided from the text alone:
- hard wraps at the column width (pdftotext): a line as wide as its
  neighbours ("full") continues on the next line, unless the next line is
  indented as a paragraph start;
- a blank-line gap at a column or page end (``…融入苏南`` ⏎⏎ ``的桥头堡…``):
  joined when the first part is body text that stops mid-sentence and the
  second part reads as its continuation.
A line starting with a mark no paragraph starts with (，。、”…) always joins.
Headings, jump and teaser markers and byline lines never join.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .markers import (Markers, default_markers, ends_sentence, is_source_note, jump_marker, parse_byline_line,
                      teaser_marker)
from .normalize import CJK_CHAR, Line, editor_indented

# Marks after which a sentence must go on.  Not the dash: a kicker ends with —— too.
MID_SENTENCE = "，、；：,;:（(“‘《「『"
BODY_PUNCT = "，、；：。！？"
DASH_SUBTITLE_CHARS = 120  # a ——subtitle under a headline may run this long (it spans the columns)
# A gap-separated part this long (chars) is body text, not a title.
MIN_BODY_CHARS = 20
WINDOW = 4
# No printed line is wider: a broadsheet page holds about 90 em of body type.
MAX_PRINTED_EM = 110
# A paragraph's first line is indented by about two em.
INDENT_EM = 2.0


@dataclass(slots=True)
class Block:
    text: str
    first: int  # first source line number
    last: int  # last source line number
    heading: int = 0
    blank_before: int = 0
    indent: int = 0
    lines: int = 1
    width: float = 0.0  # widest line, in em
    column: float = 0.0  # the column width of the text around it, 0 when unknown
    dated: bool = False  # starts right after a removed date line (see furniture)
    web_page: bool = False  # starts right after a removed web page <title> (see furniture)
    date_follows: bool = False  # a removed date line follows it
    web_title: str = ""  # the removed <title>'s article title
    inside: bool = False  # cut out of a crawl's article line (see normalize): never a title


def _reference_widths(lines: list[Line]) -> list[float]:
    """For each line, the column width around it when the text is hard-wrapped, else 0.

    Within a window of ±4 lines, the width most lines share (the mode, to half
    an em; the wider on ties) is the column, when at least three lines have it.
    Otherwise, within the line's run of text between blank lines, the widest
    width that two lines reach: wide columns hold few lines per run.
    """
    widths = [ln.width for ln in lines]
    n = len(lines)
    refs = [0.0] * n
    for i in range(n):
        lo, hi = max(0, i - WINDOW), min(n, i + WINDOW + 1)
        counts: dict[float, int] = {}
        for j in range(lo, hi):
            w = widths[j]
            if w >= 8 and not lines[j].heading:
                key = round(w * 2) / 2
                counts[key] = counts.get(key, 0) + 1
        if counts:
            best = max(counts, key=lambda w: (counts[w] + counts.get(w - 0.5, 0) + counts.get(w + 0.5, 0), w))
            # Where paragraphs are short, their first lines (an indent narrower, the
            # converter dropped the indent) may outnumber the full lines: two lines
            # about an indent wider give the column.
            wider = [w for w, c in counts.items() if best + 1.5 <= w <= best + INDENT_EM + 1 and c >= 2]
            if wider:
                best = max(wider)
            support = sum(c for w, c in counts.items() if abs(w - best) <= 1.5)
            if support >= 3:
                refs[i] = best
    # Runs of text between blank lines, for the lines the window left undecided.
    start = 0
    for k in range(1, n + 1):
        if k == n or lines[k].blank_before > 0:
            run = [widths[j] for j in range(start, k) if not lines[j].heading]
            top = sorted(run, reverse=True)
            if len(top) >= 3:
                for w in top:
                    if sum(1 for x in top if w - _tolerance(w) <= x <= w) >= 2:
                        for j in range(start, k):
                            if not refs[j]:
                                refs[j] = w
                        break
            start = k
    return refs


def column_widths(lines: list[Line]) -> list[float]:
    """The column widths of a hard-wrapped page: widths that many lines reach.

    Lines of one column differ by an em or two (punctuation squeezing,
    half-width digits, indented first lines), so lines are clustered from the
    widest down; a cluster of enough lines gives one column, its widest line.
    """
    # Lines standing alone between blank lines (titles, labels) are not wrapped text.
    in_runs = [ln for k, ln in enumerate(lines)
               if not (ln.blank_before > 0 and (k + 1 == len(lines) or lines[k + 1].blank_before > 0))]
    widths = sorted((ln.width for ln in in_runs if ln.width >= 8 and not ln.heading), reverse=True)
    need = max(3, 0.05 * len(widths))
    columns: list[float] = []
    i = 0
    while i < len(widths):
        w = widths[i]
        j = i
        while j < len(widths) and widths[j] >= w - _tolerance(w):
            j += 1
        if j - i >= need:
            columns.append(w)
            i = j
        else:
            i += 1
    return sorted(columns)


def _wide_lines(lines: list[Line]) -> bool:
    """Text whose paragraphs are single lines (web crawls): a fifth of its
    characters or more sit in lines wider than any printed page (110 em).  (The
    other sign of a crawl, lines mostly indented, is :func:`_indented_paragraphs`.)"""
    total = sum(ln.width for ln in lines)
    return total > 0 and sum(ln.width for ln in lines if ln.width > MAX_PRINTED_EM) >= 0.2 * total


def _indented_paragraphs(lines: list[Line]) -> bool:
    """Most text lines start indented: a crawl that keeps each paragraph's indent."""
    texty = [ln for ln in lines if ln.width >= 20]
    return len(texty) >= 5 and sum(1 for ln in texty if ln.indent >= 2) >= 0.6 * len(texty)


def _tolerance(width: float) -> float:
    """How much narrower than the column a full line may be: punctuation
    squeezing and half-width digits make wrapped lines differ by up to ~2 em."""
    return max(2.5, 0.05 * width)


def _half_width_slack(text: str) -> float:
    """How much wider a justified line is than its characters say: each half-width
    character (2019, 10月) is counted half an em but set with the line's spacing."""
    return 0.5 * sum(1 for c in text if c.isascii() and not c.isspace())


def _is_full(i: int, lines: list[Line], refs: list[float], columns: list[float]) -> bool:
    w = lines[i].width
    ref = refs[i]
    # Wider than the column is not "full": a headline across columns, a caption.
    if ref > 0:
        return ref - _tolerance(ref) <= w <= ref + _tolerance(ref)
    # Page-wide column widths speak only for lines inside a run of text: a line
    # with blank lines on both sides (a title, a label) is not a wrapped line.
    last = i + 1 == len(lines) or lines[i + 1].blank_before > 0
    if lines[i].blank_before > 0 and last:
        return False
    # Nor for a line followed by a much wider one: that one is set in another column.
    if not last and lines[i + 1].width > w + _tolerance(w):
        return False
    return any(cw - _tolerance(cw) <= w <= cw + 1 for cw in columns)


def _column(i: int, lines: list[Line], refs: list[float], columns: list[float]) -> float:
    """The column width line ``i`` is set in, 0 when unknown."""
    if refs[i]:
        return refs[i]
    w = lines[i].width
    fits = [cw for cw in columns if w <= cw + 1]
    return min(fits) if fits else 0.0


@dataclass(slots=True)
class Evidence:
    """What the widths say about the break between line ``a`` and line ``b``."""

    a_full: bool = False  # a reaches its column width
    a_exact: bool = False  # a reaches it within 1 em
    a_near: bool = False  # a is within ~4 em of it
    b_narrow: bool = False  # b is 1.5–4 em short of the column: an indented first line
    b_full: bool = False  # b reaches its column width
    b_standalone: bool = False  # b is short of the column and ends without punctuation
    wrapped: bool = False  # the text around is hard-wrapped
    spanning: bool = False  # a is wider than the column it sits over (a headline across columns)
    short_plain: bool = False  # a has no punctuation and is far narrower than the page's columns
    wrapped_title: bool = False  # a and b alone between blank lines, b much shorter
    indented_paragraphs: bool = False  # one line per paragraph, each indented (a crawl)
    dash_subtitle: bool = False  # a is a ——subtitle of its own, right under a title
    under_heading: bool = False  # a is a line of its own right under a marked headline
    tab_decks: bool = False  # a crawl whose title lines keep the HTML source's tab indent
    unwrapped: bool = False  # one line per paragraph (a crawl): no column ever broke a line


def _special(text: str, m: Markers) -> bool:
    if len(text) > 40:
        return False
    return (
        jump_marker(text, m) is not None
        or teaser_marker(text, m) is not None
        or m.in_body_label.fullmatch(text) is not None
        or parse_byline_line(text, m) is not None
    )


def _ends_open(text: str, m: Markers) -> bool:
    """Could this be the last line of a paragraph or a line that runs on?  A
    self-contained quotation without a final mark (“有这样的村书记”) cannot."""
    if text[0] in "“「『《" and text[-1] in "”」』》" and not ends_sentence(text, m):
        return False
    return text[-1] in m.sentence_final or text[-1] in MID_SENTENCE or text[-1] in m.closing_marks


def _unclosed(text: str) -> bool:
    """A round bracket opened and not closed (…（守初心 担使命·深入开展“不忘初)."""
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def bracketed_whole(text: str) -> bool:
    """The line is one bracketed note: opens with a round bracket and closes it at its end."""
    if not (text[:1] in "（(" and text[-1:] in "）)"):
        return False
    depth = 0
    for k, c in enumerate(text):
        depth += c in "（("
        depth -= c in "）)"
        if depth == 0 and k < len(text) - 1:
            return False      # （甲）乙（丙）: two groups with text between
    return depth == 0


def _closes(text: str) -> bool:
    """The text closes a bracket before opening one."""
    close = min((i for i in (text.find("）"), text.find(")")) if i >= 0), default=-1)
    if close < 0:
        return False
    opened = [i for i in (text.find("（"), text.find("(")) if i >= 0]
    return not opened or min(opened) > close


def _has_punct(text: str) -> bool:
    return any(c in BODY_PUNCT or c in MID_SENTENCE for c in text)


def _body_like(text: str) -> bool:
    """Sentence punctuation inside, or a mid-sentence mark at the end."""
    return len(text) >= 8 and (any(c in BODY_PUNCT for c in text[:-1]) or text[-1] in MID_SENTENCE)


def should_join(a: Line, b: Line, ev: Evidence, m: Markers, base_indent: int) -> bool:
    """Is ``b`` the continuation of ``a`` (one sentence broken by the layout)?"""
    if a.heading or b.heading or b.dated or b.web_page or b.pictured:
        return False
    if not ev.wrapped and b.text.startswith("——") and a.indent < 2 and len(a.text) <= 40 \
            and not ends_sentence(a.text, m):
        return False  # one line per element (a crawl): a dash line under a title is its subtitle
    if ev.dash_subtitle and not (ev.spanning and b.blank_before == 0 and not _body_like(b.text)
                                 and not ends_sentence(b.text, m)):
        # ——subtitle under a title: the text below starts the body (unless it is the
        # subtitle's own last words, wrapped under it)
        return False
    if b.text[0] in m.never_starts_paragraph:
        return True
    if _special(a.text, m) or _special(b.text, m) or m.dateline.match(b.text):
        return False
    if _deck_goes_on(a, b, ev, m):
        return True
    if ev.indented_paragraphs and b.blank_before == 0 and a.indent < 2 and b.indent < 2 and not a.tab_indent \
            and a.text[-1] not in MID_SENTENCE:
        # A crawl that indents every paragraph: two lines at the margin are two title decks
        # (江西万安，许多农民拿起了画笔 / 田野有多广袤，画布就有多大), not one sentence.
        return False
    if not ev.wrapped and a.text.endswith("——") and len(a.text) <= 40 and not any(c in a.text for c in "。！？；"):
        # One line per paragraph (a crawl): a line ending with a dash is a kicker
        # over its headline (…扎实开展主题教育——), not a sentence running on.
        return False
    if b.blank_before == 0 and _unclosed(a.text) and _closes(b.text):
        # A bracket left open is closed on the next line: one line broken in two.
        return True
    if m.dated_note is not None and m.dated_note.fullmatch(b.text) and not _body_like(a.text) and not _unclosed(a.text) \
            and a.text[-1] not in MID_SENTENCE:
        # A title over its date in brackets (…的意见 / （二〇一九年十月二十日）): two lines.
        return False
    if (b.blank_before > 0 or ev.spanning) and bracketed_whole(a.text):
        # A note in brackets over a gap (（新华社北京10月1日电 记者…）), or wider than
        # the column (（…会议通过） under a title), closes its paragraph.
        return False
    last = a.text[-1]
    if a.blank_before > 0 and len(a.text) <= 40 and (m.headline_cue.match(a.text) or (
            b.blank_before > 0 and a.text.endswith("——"))):
        # A title set off above that closes with its column tag (…（人民论坛）),
        # or a kicker set off on both sides that ends with a dash: not body text.
        return False
    if ev.wrapped_title and not _body_like(a.text) and not _body_like(b.text) and not ends_sentence(a.text, m) \
            and not m.subtitle_cue.search(b.text):
        # A two-line block alone between blank lines, long line over short: one title, wrapped
        # (unless the short line reads as a subtitle: 孙春兰、陈希出席并讲话).
        return True
    if ev.short_plain:
        # A short line with no punctuation on a page of wide columns stands
        # alone: a verse line, a list item, a label.
        return False
    if ev.spanning and b.blank_before == 0 and not _body_like(a.text) and not _body_like(b.text) \
            and not ends_sentence(a.text, m):
        # A headline wider than the body columns, wrapped onto a second line.
        return True
    if ev.spanning and b.blank_before == 0 and not ends_sentence(a.text, m) and a.text[-1] not in MID_SENTENCE \
            and not _has_punct(b.text) and b.width < a.width / 2:
        # The last words of a wide line (a subtitle across the columns, commas and
        # all) wrapped under it: …促进跨境 / 贸易投资便利化.
        return True
    indented = b.indent > base_indent and b.indent >= 2
    if ev.b_standalone and last not in MID_SENTENCE and not (
            ev.a_full and b.blank_before == 0 and _body_like(a.text) and "\u4e00" <= last <= "\u9fff"):
        # A line short of the column that ends without punctuation is no
        # paragraph's last line: a subheading or title of its own (unless the
        # text above fills the column and stops mid-word: …强劲的消 / 费市场，…向前).
        return False
    if ends_sentence(a.text, m):
        # A sentence ending exactly at the column edge continues only when the
        # next line is not set off by a gap, a space indent or a narrow (indented) start.
        # (a line wider than the column is no column's line: （…会议通过） under a title)
        return (b.blank_before == 0 and ev.a_exact and not ev.spanning and not indented and not ev.b_narrow
                and b.text[0] not in "（(")  # a bracketed note after a sentence is its own paragraph
    if b.blank_before == 0:
        if ev.a_full:
            return not indented or last in MID_SENTENCE
        if ev.wrapped:
            # A line a little short of the column (punctuation squeezing, an
            # indented first line) still continues mid-sentence, unless it is a
            # title set off by a blank line above.
            return ev.a_near and not indented and (_body_like(a.text) or a.blank_before == 0 or (
                # (a paragraph's first line after a gap, as wide as the column and cut
                # mid-phrase, under which the text runs on without a gap: no title)
                ev.a_exact and len(a.text) >= 20 and _body_like(b.text) and not _has_punct(a.text[-1])))
        # No width evidence (too few lines): join body text broken mid-sentence
        # when the next line reads as body text or is as wide as this one.
        return not indented and (last in MID_SENTENCE or _body_like(a.text)) and (
            _body_like(b.text) or ends_sentence(b.text, m) or abs(a.width - b.width) <= 1)
    # A gap: a column or page end inside a paragraph?  Not after a colon on a page whose
    # paragraphs are single lines (…公示如下： / ⏎ / 张建华，男，…): a list follows.
    if ev.unwrapped and a.text[-1] in "：:":
        return False
    if m.list_item is not None and _has_punct(a.text[-1]) and m.list_item.match(b.text):
        return False  # …单向通行； / ⏎ / （二）虎玉路…: the list's next item
    if ev.under_heading and not ev.a_full and len(a.text) <= UNDER_HEADING_CHARS and last not in MID_SENTENCE:
        return False  # a deck or standfirst set apart under a marked headline, not a wrapped body line
    if _ends_with_source(a.text, m):
        return False  # …予以销毁。据新华社: the article's last words, whatever follows the gap
    if m.headline_cue.search(b.text) and "。" not in b.text:
        return False  # a headline closed by its column tag under its kicker (…怎么看？（财经眼·稳金融三问①）)
    if indented and last not in MID_SENTENCE:
        return False
    a_body = ev.a_full or (last in "，、；：,;" and len(a.text) >= 8) or (
        len(a.text) >= MIN_BODY_CHARS and _body_like(a.text))
    return a_body and (_body_like(b.text) or ends_sentence(b.text, m) or (ev.a_full and ev.b_full))


# A crawled title's line is at most this wide (em); a body paragraph's line is one paragraph.
TITLE_LINE_EM = 30


def _deck_goes_on(a: Line, b: Line, ev: Evidence, m: Markers) -> bool:
    """A crawl of indented HTML sets each element of a title on its own lines, the
    source's tab indent on the element's first line: a title broken by <br> goes on
    without it, at the left margin or after the editor's own U+3000, while the next
    element (a subtitle) keeps the tab.  Where the crawl stripped the first line's tab
    (``tab_decks``: other title lines keep theirs), a U+3000-indented line goes on with
    the deck above it (杀人沟、一群猪、屙屎梁等地 / 　　拟更名 / 　　四川多地…)."""
    if ev.wrapped or b.blank_before or b.tab_indent or a.width > TITLE_LINE_EM or b.width > TITLE_LINE_EM \
            or _body_like(b.text) or ends_sentence(a.text, m):
        return False
    if a.tab_indent:
        return not _body_like(a.text)
    return ev.tab_decks and editor_indented(b) and "。" not in a.text


# A line of its own under a marked headline at most this long, before a gap, stands alone.
UNDER_HEADING_CHARS = 40


def _ends_with_source(text: str, m: Markers) -> bool:
    """A paragraph whose last sentence is followed by where it came from, run
    on (…予以销毁。据新华社, …热议。据央视新闻): web crawls close an article so,
    and the next line after a gap is the next article's title, not more text."""
    end = max(text.rfind(c) for c in "。！？”")
    return 0 <= end < len(text) - 1 and is_source_note(text[end + 1:], m)


def _dash_subtitle(text: str, above: str, m: Markers) -> bool:
    """``——记挺身抗暴的香港普通市民`` under a title line: a subtitle, however wide (it
    may span the columns), not the first line of a paragraph.  A dash line in a body
    (``——龙金彪``, ``——扶持谁？…``) follows body text or holds a sentence end; a title
    may hold one comma (祖国的庆典，人民的节日)."""
    return (text.startswith("——") and len(text) <= DASH_SUBTITLE_CHARS and not any(c in text for c in "。！？")
            and text[-1] not in MID_SENTENCE
            and len(above) <= 60 and above.count("，") <= 1 and not any(c in above for c in "。；！？")
            and above[-1] not in MID_SENTENCE and not ends_sentence(above, m))


def joiner(left: str, right: str) -> str:
    """No space between Chinese text; one between Latin words; none after a hyphen."""
    if left.endswith("-") or CJK_CHAR.match(left[-1]) or CJK_CHAR.match(right[0]):
        return ""
    return " "


# A line wider than any printed page holding several paragraphs joined by spaces, as a crawl
# stores an article's <p>s (…出席了座谈会。 会上，李小甘…): a paragraph ends at a sentence end
# followed by a space; pages with at least JOINED_LINES_MIN such lines (several articles stored
# so) are split.
JOINED_LINES_MIN = 3
_PARAGRAPH_JOIN = re.compile(r"(?:(?<=[。！？…])|(?<=[。！？…][”’」』）)])) +(?=[^\s，。、；：？！）》”’])")
# In such a line, a space between two Han characters after a short piece with no sentence end
# ends a subheading (结构优化，质量型发展领先优势更加凸显 这几天华为…).
SUBHEADING_CHARS = 40
_SUBHEADING_END = re.compile(r"(?<=[\u4e00-\u9fff”」』）)]) +(?=[\u4e00-\u9fff“「『])")


def split_joined_paragraphs(lines: list[Line], m: Markers) -> list[Line]:
    """Lines wider than any printed page that join paragraphs with spaces, split into one line
    per paragraph (a blank line before each), when most such lines of the page do (a crawl
    that stores each article's text on one line); a space after a sentence end here and there
    (People's Daily's own web text has some) splits nothing.  The pieces are never titles
    (``inside``); the line's marks go to its first piece (dated, pictured…) or last (date_follows)."""
    wide = [ln for ln in lines if ln.width > MAX_PRINTED_EM and not ln.heading]
    joined = [ln for ln in wide if " " in ln.text and _PARAGRAPH_JOIN.search(ln.text)]
    if len(joined) < JOINED_LINES_MIN or len(joined) < 0.5 * len(wide):
        return lines
    split = {id(ln) for ln in joined}
    out: list[Line] = []
    for ln in lines:
        if id(ln) not in split:
            out.append(ln)
            continue
        pieces = [q for p in _PARAGRAPH_JOIN.split(ln.text) if p for q in _subheading_split(p, m)]
        last = len(pieces) - 1
        for k, piece in enumerate(pieces):
            first = k == 0
            out.append(replace(ln, text=piece, indent=ln.indent if first else 0,
                               blank_before=ln.blank_before if first else 1, page_break=ln.page_break and first,
                               dated=ln.dated and first, web_page=ln.web_page and first,
                               web_title=ln.web_title if first else "", pictured=ln.pictured and first,
                               tab_indent=ln.tab_indent and first, date_follows=ln.date_follows and k == last,
                               inside=True))
    return out


def _subheading_split(text: str, m: Markers) -> list[str]:
    """``text`` cut after each subheading it opens with: a short piece without a sentence end
    that is no dateline and no byline (深圳特区报讯 （记者…）, ■ 深圳特区报记者 甘霖 …)."""
    out = []
    while True:
        sp = _SUBHEADING_END.search(text, 0, SUBHEADING_CHARS + 1)
        if sp is None or sp.start() < 4 or _not_subheading(text[:sp.start()], m):
            out.append(text)
            return out
        out.append(text[:sp.start()])
        text = text[sp.end():]


def _not_subheading(piece: str, m: Markers) -> bool:
    """A dateline, a byline or a sentence: what opens a crawl's text line and is no subheading."""
    bare = piece.lstrip(m.bullets + "■□◆●○ ")
    return (bare != piece or any(c in piece for c in m.sentence_final) or m.dateline.match(piece) is not None
            or m.prefix_roles.match(bare) is not None
            or (m.paper_before_role is not None and m.paper_before_role.match(bare) is not None))


def reflow(lines: list[Line], markers: Markers | None = None) -> list[Block]:
    m = markers or default_markers()
    if not lines:
        return []
    lines = split_joined_paragraphs(lines, m)
    # one line per paragraph (a crawl): lines wider than print, or mostly indented as
    # crawls keep the paragraph indent (U+3000 U+3000) and converters of printed pages drop it
    indented_paragraphs = _indented_paragraphs(lines)
    tab_decks = sum(1 for ln in lines if ln.tab_indent and ln.blank_before == 0) >= 2
    unwrapped = indented_paragraphs or _wide_lines(lines)
    if unwrapped:
        # One line per paragraph (web crawls): widths say nothing about breaks.
        refs, columns = [0.0] * len(lines), []
    else:
        refs = _reference_widths(lines)
        columns = column_widths(lines)
    indents = [ln.indent for ln in lines if not ln.heading]
    base_indent = min(indents) if indents else 0
    wrapped_share = sum(1 for r in refs if r > 0) / len(lines)
    blocks: list[Block] = []
    prev: Line | None = None
    block_width = 0.0  # widest line of the block being built
    for i, line in enumerate(lines):
        if prev is not None and blocks:
            col = _column(i - 1, lines, refs, columns)
            col_b = _column(i, lines, refs, columns) or col
            page_col = col or max(columns, default=0.0)
            ev = Evidence(
                a_full=not unwrapped and (_is_full(i - 1, lines, refs, columns)
                # as wide as the lines before it in its paragraph
                or (blocks[-1].lines >= 2 and block_width >= 8 and prev.width >= block_width - _tolerance(block_width))
                # no window evidence: as wide as the line right after it (two lines of one column)
                # (body text only: two title lines of equal length are two titles)
                or (not col and line.blank_before == 0 and prev.width >= 8 and abs(prev.width - line.width) <= 1.5
                    and _body_like(prev.text))),
                # a paragraph's first line is full one indent short of the column
                a_exact=bool(col) and prev.width >= col - 1 - (INDENT_EM if blocks[-1].lines == 1 else 0),
                a_near=bool(col) and prev.width >= col - 4,
                b_narrow=bool(col_b) and col_b - 4 <= line.width <= col_b - 1.5,
                b_full=_is_full(i, lines, refs, columns),
                b_standalone=bool(col_b) and line.width < col_b - 4 and not _ends_open(line.text, m)
                and (i + 1 == len(lines) or lines[i + 1].blank_before > 0 or lines[i + 1].width > line.width + 4),
                wrapped=refs[i - 1] > 0 or wrapped_share > 0.5,
                spanning=bool(page_col) and prev.width > page_col + _tolerance(page_col) and line.width < prev.width,
                # (a wrapped body line reaching a real column of 16 em or more is not one)
                short_plain=bool(columns) and prev.width < 0.6 * columns[-1] and not _has_punct(prev.text)
                and not (col >= 16 and prev.width + _half_width_slack(prev.text) >= col - _tolerance(col)),
                # (only where lines are hard-wrapped: a crawl's kicker over a short headline is two lines)
                wrapped_title=bool(columns) and prev.blank_before > 0 and line.blank_before == 0
                and line.width < 0.5 * prev.width
                and (i + 1 == len(lines) or lines[i + 1].blank_before > 0) and not line.heading,
                indented_paragraphs=indented_paragraphs,
                dash_subtitle=blocks[-1].lines == 1 and len(blocks) >= 2 and _dash_subtitle(prev.text, blocks[-2].text, m),
                under_heading=blocks[-1].lines == 1 and len(blocks) >= 2 and blocks[-2].heading > 0,
                tab_decks=tab_decks,
                unwrapped=unwrapped,
            )
            if line.blank_before == 0 and line.width > prev.width + INDENT_EM + _tolerance(max(col, prev.width)):
                # The next line is much wider (more than an indent): this one is no
                # wrapped line of its column (a title or label above the text).
                ev.a_full = ev.a_exact = ev.a_near = False
            if should_join(prev, line, ev, m, base_indent):
                blk = blocks[-1]
                blk.text += joiner(blk.text, line.text) + line.text
                blk.last = line.number
                blk.lines += 1
                block_width = max(block_width, line.width)
                blk.width = block_width
                blk.column = blk.column or _column(i, lines, refs, columns)
                blk.date_follows = line.date_follows
                prev = line
                continue
        blocks.append(
            Block(line.text, line.number, line.number, line.heading, line.blank_before, line.indent, 1,
                  line.width, _column(i, lines, refs, columns), line.dated, line.web_page, line.date_follows,
                  web_title=line.web_title, inside=line.inside)
        )
        block_width = line.width
        prev = line
    return blocks
