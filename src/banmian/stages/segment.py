"""Segment: blocks → articles (kicker, headline, subtitle, bylines, body,
caption, jump markers, teasers, kinds).

Reads: blocks from reflow.  Assigns: ``Article`` objects, without ids.

Each block is first given a role from its text alone (heading, title line,
byline line, jump marker, teaser marker, captioned paragraph, body).  Article
boundaries then come from the sequence: a markdown heading, or a run of title
lines where an article can start (page start, after a byline, a jump marker
or a caption, or a title run followed by a byline/dateline or of two lines or
more).  A title run inside a body that cannot start an article is a
subheading and stays a paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Article, Byline, PageRef
from .normalize import display_width
from .markers import (
    Markers,
    dateline_bylines,
    default_markers,
    ends_sentence,
    is_source_note,
    jump_marker,
    opening_bylines,
    parallel_halves,
    parse_byline_line,
    reports_activity,
    teaser_marker,
    trailing_credit,
    trailing_jump,
    trailing_bylines,
    trailing_teaser,
)
from .reflow import DASH_SUBTITLE_CHARS, Block, bracketed_whole

MAX_TITLE_CHARS = 48
LONG_TITLE_CHARS = 90  # a crawl's headline at the margin over indented text may run this long
# Kicker, a headline wrapped over two lines, subtitle.
MAX_TITLE_LINES = 4
# A captioned paragraph at most this long is a photo caption, not a story.
MAX_CAPTION_CHARS = 400

HEADING, TITLE, BYLINE, JUMP, TEASER, CAPTION, BODY = "heading", "title", "byline", "jump", "teaser", "caption", "body"
CREDIT = "credit"  # a picture credit naming no photographer (…供图): dropped
CLOSER = "closer"  # a body paragraph that ends an article (a bracketed source note)


@dataclass(slots=True)
class Tagged:
    block: Block
    role: str
    text: str
    bylines: list[Byline] = field(default_factory=list)
    page: int | None = None  # jump / teaser target
    jump: str | None = None  # continues_to / continued_from


def is_title_text(text: str, m: Markers) -> bool:
    if not text or (len(text) > MAX_TITLE_CHARS and not _column_tagged(text)):
        return False
    if "。" in text[:-1] or text.count("，") > 2 or "@" in text or "www." in text or "http" in text:
        return False
    if text[-1] in "，、；,;" or (ends_sentence(text, m) and text.rstrip(m.closing_marks)[-1] == "。"):
        return False
    if m.body_openers is not None and m.body_openers.match(text):
        return False          # 最后，预祝…圆满成功！: a body's sentence
    # A kicker may end with a colon (国台办：), a sentence may not.
    return text[-1] not in "：:" or len(text) <= 12


def tag_block(b: Block, m: Markers) -> Tagged:
    text = b.text
    if b.heading:
        return Tagged(b, HEADING, text)
    jm = jump_marker(text, m)
    if jm:
        return Tagged(b, JUMP, text, page=jm[1], jump=jm[0])
    tp = teaser_marker(text, m)
    if tp is not None:
        return Tagged(b, TEASER, text, page=tp)
    bl = parse_byline_line(text, m)
    if bl:
        return Tagged(b, BYLINE, text, bylines=bl)
    if text in m.agencies:
        return Tagged(b, CREDIT, text)  # a picture agency's name alone (人民视觉): the credit of a photo
    if len(text) <= MAX_CAPTION_CHARS:
        tc = trailing_credit(text, m)
        if tc and tc[0]:
            return Tagged(b, CAPTION, tc[0], bylines=tc[1])
        if tc:
            return Tagged(b, CREDIT, text)
    if is_title_text(text, m) and not _is_note(text) and not m.in_body_label.fullmatch(text) \
            and not m.dateline.match(text) \
            and not is_source_note(text, m):
        return Tagged(b, TITLE, text)
    return Tagged(b, BODY, text)


def _column_tagged(text: str) -> bool:
    """A title closed by a long column tag (…整改（守初心 担使命 找差距 抓落实·深入开展
    “不忘初心、牢记使命”主题教育）): the tag may hold 、 and make the line long."""
    if len(text) > MAX_TITLE_CHARS + 40 or not text.endswith(("）", ")")):
        return False
    k = max(text.rfind("（"), text.rfind("("))
    return 4 <= k <= MAX_TITLE_CHARS and not any(c in text for c in "。，；！？")


def split_title_line(text: str, m: Markers) -> tuple[str | None, str]:
    """``黄卫锋调研民生项目建设时强调 增强群众幸福感获得感`` → (kicker, headline):
    converters often put a kicker and its headline on one line; the kicker is
    the part that ends with a reporting word (强调, 指出, 勉励…)."""
    if " " not in text:
        return None, text
    left, _, right = text.rpartition(" ")
    if len(left) >= 4 and len(right) >= 4 and m.kicker_cue.search(left):
        return left, right
    # An earlier space may separate the kicker: "X时强调 A B"
    first, _, rest = text.partition(" ")
    if first != left and len(first) >= 4 and len(rest) >= 4 and m.kicker_cue.search(first):
        return first, rest
    return None, text


def _long_margin_titles(tagged: list[Tagged]) -> list[Tagged]:
    """On a crawl that indents its paragraphs, a long line set off at the margin over
    indented text is a headline however long (李克强将出席上合组织…并对泰国进行正式访问,
    70 characters), when it holds no sentence end."""
    out = list(tagged)
    for k, (t, nxt) in enumerate(zip(tagged, tagged[1:])):
        if t.role == BODY and t.block.indent < 2 <= nxt.block.indent and nxt.role in (BODY, TITLE) \
                and t.block.blank_before > 0 and MAX_TITLE_CHARS < len(t.text) <= LONG_TITLE_CHARS \
                and not any(c in t.text for c in "。；？") and t.text[-1] not in "，、：:！":
            out[k] = Tagged(t.block, TITLE, t.text)
    return out


def _long_title_shaped(text: str, m: Markers) -> bool:
    """A line that may be a title however long: no sentence end inside, no
    mid-sentence mark or stop at its end, no list bullet, not one bracketed note."""
    return (len(text) <= DASH_SUBTITLE_CHARS and not any(c in text for c in "。！？")
            and text[-1] not in "，、；：,;:" and text[0] not in m.bullets
            and not ends_sentence(text, m) and not _is_note(text))


def _titles_over_datelines(tagged: list[Tagged], m: Markers) -> list[Tagged]:
    """A line right above a dateline (新华社北京10月25日电…) shaped as a title is its
    article's title line however long (李克强将出席…并对泰国进行正式访问, 70 characters;
    a subtitle listing a meeting's decisions with its commas and semicolons): a body
    paragraph ends its sentence before the next article starts."""
    out = list(tagged)
    for k in range(len(tagged) - 1):
        t, nxt = tagged[k], tagged[k + 1]
        if t.role == BODY and nxt.role == BODY and m.dateline.match(nxt.text) and _long_title_shaped(t.text, m):
            out[k] = Tagged(t.block, TITLE, t.text)
    return out


def _dated_note(text: str, m: Markers) -> bool:
    return m.dated_note is not None and m.dated_note.fullmatch(text) is not None


def _titles_over_dated_notes(tagged: list[Tagged], m: Markers) -> list[Tagged]:
    """A document's title over its date in brackets (…关于…的决定 / （2019年10月26日…会议通过）,
    中国的粮食安全 / （2019年10月）): the title, however long, and the note as its
    subtitle.  A bracketed date closing a text follows a sentence end."""
    out = list(tagged)
    for k in range(1, len(tagged)):
        t, above = tagged[k], tagged[k - 1]
        if t.role in (BODY, TITLE, CLOSER) and above.role in (BODY, TITLE, HEADING) and _dated_note(t.text, m) \
                and "；" not in above.text and _long_title_shaped(above.text, m):
            if above.role != HEADING:
                out[k - 1] = Tagged(above.block, TITLE, above.text)
            out[k] = Tagged(t.block, TITLE, t.text)
    return out


def _dash_kickers(tagged: list[Tagged]) -> list[Tagged]:
    """A text ending with a dash right over a title line is its kicker however long,
    commas and sentences included (群防群治护平安，广州有群志愿者团队—— / “广州街坊”一家亲；
    苦氟水让…乡亲吃了多年苦头。…经过一番苦干，终于—— / 汩汩清水入村来), when it starts
    a block of its own (a blank line above it)."""
    out = list(tagged)
    for k in range(len(tagged) - 1):
        t, nxt = tagged[k], tagged[k + 1]
        if t.role == BODY and nxt.role == TITLE and t.text.endswith("——") and len(t.text) <= DASH_SUBTITLE_CHARS \
                and (k == 0 or t.block.blank_before > 0):
            out[k] = Tagged(t.block, TITLE, t.text)
    return out


def _long_dash_subtitles(tagged: list[Tagged], m: Markers) -> list[Tagged]:
    """A ——subtitle right under a title line is a title line however long
    (——习近平总书记在…大会上的重要讲话在各地…引起热烈反响, 52 characters): reflow
    keeps it apart from the text below (``reflow._dash_subtitle``).
    A dash subtitle (or a dated note) closes the title: a title-shaped line right
    under it is the text's first (（一）序曲：…, a section heading; 同志们，朋友们：)."""
    out = list(tagged)
    for k in range(1, len(tagged)):
        t = tagged[k]
        if t.role == BODY and out[k - 1].role in (TITLE, HEADING) and t.text.startswith("——") \
                and len(t.text) <= DASH_SUBTITLE_CHARS and not any(c in t.text for c in "。！？"):
            out[k] = Tagged(t.block, TITLE, t.text)
        elif t.role == TITLE and k >= 2 and out[k - 1].role == TITLE \
                and (out[k - 1].text.startswith("——") or _dated_note(out[k - 1].text, m)) \
                and out[k - 2].role in (TITLE, HEADING) and not t.text.startswith("—"):
            out[k] = Tagged(t.block, BODY, t.text)
    return out


STANDFIRST_CHARS = 16


def _standfirsts(tagged: list[Tagged], m: Markers) -> list[Tagged]:
    """Under a headline closed by its column tag (…（人民时评）) a clause with a comma
    and no dash is the piece's standfirst, its first paragraph, not a subtitle
    (破除网络迷信，监管必须与时俱进…): in People's Daily (Oct 2019) such headlines
    have a standfirst-like first paragraph 94 times and a subtitle with no dash 13."""
    out = list(tagged)
    for k in range(1, len(tagged)):
        t, above = tagged[k], tagged[k - 1]
        if t.role == TITLE and above.role in (TITLE, HEADING) and m.headline_cue.search(above.text) \
                and "，" in t.text and len(t.text) >= STANDFIRST_CHARS and not t.text.startswith("—"):
            out[k] = Tagged(t.block, BODY, t.text)
    return out


def _web_title_slice(texts: list[str], title: str) -> tuple[int, int] | None:
    """The lines of a title run that spell the page's <title> (spaces aside)."""
    want = "".join(title.split())
    if not want:
        return None
    flat = ["".join(t.split()) for t in texts]
    for a in range(len(flat)):
        acc = ""
        for b in range(a, len(flat)):
            acc += flat[b]
            if acc == want:
                return a, b + 1
            if not want.startswith(acc):
                break
    return None


def assign_titles(titles: list[Tagged], m: Markers, web_title: str = "",
                  dated: bool = False) -> tuple[str | None, str | None, str | None]:
    """A run of title lines → (kicker, headline, subtitle).  On a crawled web page
    the page's <title> names the headline: lines above it are the kicker, lines
    below it the subtitle."""
    heads = [i for i, t in enumerate(titles) if t.role == HEADING]
    texts = [t.text for t in titles]
    span = _web_title_slice(texts, web_title) if web_title and not heads else None
    if span is not None:
        a, b = span
        decks = web_title.split("\n")
        if a == 0 and b == len(texts) and len(decks) == 2:
            # The <title> is set in two decks, the second indented (中国博士后 遭美方… /
            # 　　外交部：…, see furniture): which is the headline is read as for any
            # two title lines.
            first, second = ("".join(d.split()) for d in decks)
            flat = "".join(texts).replace(" ", "")
            if flat == first + second:
                return assign_titles([_deck(titles[0], decks[0]), _deck(titles[-1], decks[1])], m, dated=dated)
        return " ".join(texts[:a]) or None, " ".join(texts[a:b]), " ".join(texts[b:]) or None
    if heads:
        h0, h1 = heads[0], heads[-1]
        headline = " ".join(texts[h0 : h1 + 1])
        before, after = texts[:h0], texts[h1 + 1 :]
        kicker = " ".join(before) if before else None
        subtitle = " ".join(after) if after else None
        if kicker is None:
            kicker, headline = split_title_line(headline, m)
        return kicker, headline, subtitle
    texts = _join_parallel(titles, m)
    if len(texts) == 1:
        kicker, headline = split_title_line(texts[0], m)
        return kicker, headline, None
    tagged_lines = [k for k, x in enumerate(texts) if m.headline_cue.search(x)]
    if len(tagged_lines) == 1:
        # The line with the column tag is the headline (牧区姑娘 飞上蓝天（点赞新时代）).
        h = tagged_lines[0]
        return " ".join(texts[:h]) or None, texts[h], " ".join(texts[h + 1 :]) or None
    if len(texts) == 2:
        a, b = texts
        if b.startswith(m.subtitle_starts):
            return None, a, b
        if m.kicker_cue.search(a):
            return a, b, None
        if m.subtitle_cue.search(b) or reports_activity(a, m) or _reads_as_subtitle(a, b):
            return None, a, b
        if dated and display_width("".join(a.split())) > display_width("".join(b.split())) + 1:
            # A web article's header over its date line: a second line shorter than
            # the first is a subtitle (a kicker is short and sits over a longer headline).
            return None, a, b
        # No cue: kicker + headline is about three times as common as headline + subtitle.
        return a, b, None
    # Three lines or more: kicker, headline (a wrapped one was joined by reflow), subtitle.
    return texts[0], " ".join(texts[1:-1]), texts[-1]


def _join_parallel(titles: list[Tagged], m: Markers) -> list[str]:
    """The title lines' texts, the first two joined with a space when they are parallel (see
    ``markers.parallel_halves``) and set one right under the other; under a kicker, two short
    lines are more often headline and subtitle (田径世锦赛 / 我国选手佳绩频传 / 奖牌榜稳居第二).
    A blank line between them is a change of type size, not a headline's two halves printed
    on two lines: a kicker over its headline (德国乒乓球公开赛 / ⏎ / 樊振东男单夺冠)."""
    texts = [t.text for t in titles]
    if len(texts) >= 2 and titles[1].block.blank_before == 0 and parallel_halves(texts[0], texts[1], m):
        return [texts[0] + " " + texts[1]] + texts[2:]
    return texts


def _deck(line: Tagged, text: str) -> Tagged:
    """A deck of a <title> as one title line (``line`` lends it its block)."""
    return Tagged(line.block, line.role, text, line.bylines)


def _reads_as_subtitle(a: str, b: str) -> bool:
    """A second title line that is a clause with a comma, longer than the
    comma-free line above it and not two phrases set apart by a space
    (在超市、早餐店、快递驿站上班的，都是机器人): a subtitle.  In People's Daily
    titles of two lines (Oct 2019) such pairs are headline + subtitle 18 times
    out of 22 (a long second line without a comma is not: on the silver crawl
    pages that cue swapped more titles wrongly than rightly)."""
    return "，" in b and "，" not in a and len(b) > len(a) and " " not in b


FRAGMENT_CHARS = 10


def _join_fragments(run: list[Tagged]) -> list[Tagged]:
    """A crawled web article's header of three lines or more: short lines
    without punctuation in a row are one title broken at <br> (富春茶海 /
    “间株樱花间株茶” / 假期上线); a kicker is a whole phrase (买青团，买青团)."""
    def fragment(t: Tagged) -> bool:
        return t.role == TITLE and len(t.text) <= FRAGMENT_CHARS and not any(c in t.text for c in "，。、；：！？ ")
    out: list[Tagged] = []
    last_fragment = False
    for t in run:
        if out and last_fragment and fragment(t):
            prev = out[-1]
            out[-1] = Tagged(prev.block, prev.role, prev.text + " " + t.text, prev.bylines)
        else:
            out.append(t)
        last_fragment = fragment(t)
    return out


def _can_start(prev_role: str | None) -> bool:
    return prev_role in (None, BYLINE, JUMP, CAPTION, TEASER, CLOSER)


def _is_note(text: str) -> bool:
    """One short bracketed note: （新华社北京10月1日电）, （作者为…）."""
    return len(text) <= 80 and bracketed_whole(text)


def segment(blocks: list[Block], markers: Markers | None = None, dropped: list[str] | None = None) -> list[Article]:
    """Cut blocks into articles.  Section labels (导读, 简讯) go to ``dropped``."""
    m = markers or default_markers()
    dropped = dropped if dropped is not None else []
    tagged = [tag_block(b, m) for b in blocks]
    labels = [t for t in tagged if t.role == TITLE and (m.teaser_label.fullmatch(t.text) or m.brief_label.fullmatch(t.text))]
    if labels:
        dropped.extend(t.text for t in labels)
        tagged = [t for t in tagged if not any(t is x for x in labels)]
    body = [t for t in tagged if t.role == BODY]
    gap_style = sum(1 for t in body if t.block.blank_before > 0) > len(body) / 2
    # A page whose converter marked headlines (##) marks them all: other title
    # lines are subheadings.
    heading_style = sum(1 for t in tagged if t.role == HEADING) >= 2
    # Web crawls indent every paragraph (subheadings included) and no title.
    indent_style = len(body) >= 3 and sum(1 for t in body if t.block.indent >= 2) >= 0.7 * len(body)
    # Web article pages crawled one after another: each article's date line
    # (removed as furniture) stands between its title and its text.
    dated_style = sum(1 for t in tagged if t.block.dated) >= 2
    if indent_style and not dated_style:
        tagged = _long_margin_titles(tagged)
    # title lines however long, read from what stands around them
    tagged = _titles_over_datelines(tagged, m)
    tagged = _titles_over_dated_notes(tagged, m)
    tagged = _dash_kickers(tagged)
    tagged = _long_dash_subtitles(tagged, m)
    if not indent_style:
        # (a crawl indents the standfirst as it does every paragraph, and no subtitle)
        tagged = _standfirsts(tagged, m)
    articles: list[Article] = []
    cur: Article | None = None
    prev_role: str | None = None
    n = len(tagged)
    i = 0

    def close() -> None:
        nonlocal cur
        if cur is not None:
            finish(cur, m)
            articles.append(cur)
        cur = None

    def new_article(first: Block) -> Article:
        close()
        a = Article()
        a.source_lines = (first.first, first.last)
        return a

    while i < n:
        t = tagged[i]
        if t.role == TEASER:
            close()  # a teaser marker ends whatever came before it
            i = _take_teaser(tagged, i, articles, m)
            prev_role = TEASER
            continue
        if t.role in (HEADING, TITLE):
            j = i + 1
            lone = _item_label(t.text, m)       # (广告 / 启事 alone heads no other title lines)
            while not lone and j < n and tagged[j].role in (HEADING, TITLE) and not tagged[j].block.dated \
                    and not tagged[j].block.web_page and not _labels_body(tagged, j, i, m) \
                    and not (indent_style and not dated_style and tagged[j].block.indent >= 2 > t.block.indent) \
                    and not _second_headline(tagged, i, j, m):
                # (a crawl indents its paragraphs, not its titles: 这是一部…史诗！ under a title is text)
                j += 1
            # A teaser marker right after a title run makes the run the teaser's title.
            if j < n and tagged[j].role == TEASER:
                close()
                i = _take_teaser(tagged, j, articles, m, start=i)
                prev_role = TEASER
                continue
            run = tagged[i:j]
            nxt = tagged[j] if j < n else None
            if len(run) > MAX_TITLE_LINES and not any(r.role == HEADING for r in run):
                # Many short lines in a row are verse or a list, not a title.
                if cur is None:
                    cur = new_article(t.block)
                cur.paragraphs.extend(r.text for r in run)
                prev_role = BODY
                i = j
                continue
            if run[0].role == TITLE and m.photo_label.fullmatch(run[0].text):
                # 图片报道: a photo item; its caption, if any, follows.
                cur = new_article(t.block)
                cur.headline, cur.kind = run[0].text, "photo"
                if nxt is not None and nxt.role == CAPTION and len(run) == 1:
                    cur.caption, i = nxt.text, j + 1
                    cur.bylines.extend(nxt.bylines)
                elif len(run) == 1 and _photo_follows(tagged, j):
                    # caption text, then the credit line
                    cur.caption, i = nxt.text, j + 2  # type: ignore[union-attr]
                    cur.bylines.extend(tagged[j + 1].bylines)
                else:
                    i = i + 1
                close()
                prev_role = CAPTION
                continue
            starts = _starts_article(run, nxt, cur, prev_role, tagged, j, m, gap_style, heading_style, indent_style,
                                     dated_style)
            if starts:
                cur = new_article(t.block)
                if dated_style and len(run) >= 3:
                    run = _join_fragments(run)
                cur.kicker, cur.headline, cur.subtitle = assign_titles(run, m, run[0].block.web_title,
                                                                       dated=run[-1].block.date_follows)
                tail = trailing_teaser(cur.headline or "", m) if cur.headline else None
                if tail and (nxt is None or nxt.role in (TITLE, HEADING, TEASER)):
                    cur.headline, page = tail
                    cur.kind = "teaser"
                    cur.refers_to = PageRef(page)
                    close()
                    prev_role = TEASER
                    i = j
                    continue
                prev_role = TITLE
                i = j
                continue
            # A subheading inside the body (or a notice's issuer over its date: the text ends there).
            for r in run:
                cur.paragraphs.append(r.text)  # type: ignore[union-attr]
            prev_role = CLOSER if _issuer_over_date(run, nxt, cur, m) else BODY
            i = j
            continue
        if t.role == CREDIT:
            i += 1
            continue
        if t.role == BYLINE:
            if cur is None and articles and (prev_role == BYLINE or (prev_role == JUMP and articles[-1].continues_to)):
                # Byline lines in a row (本版文字由… / 本版摄影… / 版式设计…) share one article;
                # one right under a jump marker (…（下转2版） / 记者 周若溪) signs the text that jumped.
                articles[-1].bylines.extend(t.bylines)
                prev_role = BYLINE
                i += 1
                continue
            if cur is None:
                cur = new_article(t.block)
            if cur.paragraphs and t.block.date_follows:
                # a bare name over a date after a body signs a letter (习近平 / 2019年10月15日)
                for b in t.bylines:
                    if b.role == "unknown":
                        b.role = "author"
            if (cur.paragraphs or (cur.caption and any(b.role == "photographer" for b in t.bylines))) \
                    and not dated_style:
                # (on crawled web pages only a title over a date line starts an article)
                cur.bylines.extend(t.bylines)
                # Trailing bylines end the article.
                close()
            else:
                cur.bylines.extend(t.bylines)
            prev_role = BYLINE
            i += 1
            continue
        if t.role == JUMP:
            if t.jump == "continues_to":
                if cur is not None:
                    cur.continues_to = PageRef(t.page)
                    close()
            else:
                if cur is None or cur.paragraphs:
                    cur = new_article(t.block)
                cur.continued_from = PageRef(t.page)
            prev_role = JUMP
            i += 1
            continue
        if t.role == CAPTION:
            if cur is not None and prev_role in (TITLE, HEADING) and not cur.paragraphs and t.block.dated:
                # The first picture of a web article, under its date line: its text follows.
                cur.caption = t.text
                cur.bylines.extend(t.bylines)
            elif cur is not None and prev_role in (TITLE, HEADING) and not cur.paragraphs:
                # A titled photo.
                cur.kind, cur.caption = "photo", t.text
                cur.bylines.extend(t.bylines)
                close()
            elif cur is None or _can_start(prev_role):
                # An untitled photo.
                cur = new_article(t.block)
                cur.kind, cur.caption = "photo", t.text
                cur.bylines.extend(t.bylines)
                close()
            else:
                # A picture inside a story.
                cur.caption = t.text if not cur.caption else cur.caption + " " + t.text
                cur.bylines.extend(t.bylines)
            prev_role = CAPTION
            i += 1
            continue
        # Body text.
        if cur is None:
            cur = new_article(t.block)
        text = t.text
        tj = trailing_jump(text, m)
        if tj:
            kind, text, page = tj
            if kind == "continues_to":
                cur.continues_to = PageRef(page)
            else:
                cur.continued_from = PageRef(page)
        if len(cur.paragraphs) <= 1:
            # (a dateline opens the text; a picture's caption line may come first)
            cur.bylines.extend(b for b in dateline_bylines(text, m) if b not in cur.bylines)
            opening = opening_bylines(text, m) if not cur.paragraphs else None
            if opening:
                # a crawl that glued the byline line to the text (■ 深圳特区报记者 徐兴东 不到半年…)
                cur.bylines.extend(b for b in opening[0] if b not in cur.bylines)
                text = opening[1]
        closing = trailing_bylines(text, m)
        if closing:
            text = closing[0]
            cur.bylines.extend(closing[1])
        if text:
            cur.paragraphs.append(text)
        cur.source_lines = (cur.source_lines[0] if cur.source_lines else t.block.first, t.block.last)
        # A paragraph that is one bracketed note (（摘自…）, （本报…电）) or that
        # closed with bylines ends its article as a byline line does.
        prev_role = CLOSER if closing or _is_note(text) or is_source_note(text, m) else BODY
        if tj and tj[0] == "continues_to":
            close()
            prev_role = JUMP
        i += 1
    close()
    return articles


def _starts_article(run: list[Tagged], nxt: Tagged | None, cur: Article | None, prev_role: str | None,
                    tagged: list[Tagged], j: int, m: Markers, gap_style: bool, heading_style: bool,
                    indent_style: bool = False, dated_style: bool = False) -> bool:
    """Does this run of title lines start an article, or is it a subheading?"""
    if any(r.role == HEADING for r in run) or cur is None or run[0].block.web_page:
        return True  # (a crawled web page starts after its <title>)
    if all(r.block.inside for r in run):
        return False  # a subheading cut out of an article's text line (see normalize)
    if run[0].text.startswith("—") and cur.paragraphs:
        # A dash line under text names a speaker or a profile's subject (——郑光（…研究员）,
        # ——访…): headlines do not start with a dash.
        return False
    if _issuer_over_date(run, nxt, cur, m):
        return False  # a notice's issuer over its date at its end (中共某县县委组织部 / 2022年6月9日)
    if run[-1].block.date_follows or (nxt is not None and nxt.block.dated):
        return True  # a title over its article's date line
    if dated_style:
        # Every article of the page has its date line: a title run without one
        # is a subheading (or a title-shaped first line of the text).
        return False
    if prev_role == BYLINE and cur.headline and not cur.paragraphs and not cur.caption \
            and not (nxt is not None and (nxt.role == BYLINE or m.dateline.match(nxt.text))):
        # A byline right under a title belongs to it; what follows is its text.
        return False
    if _can_start(prev_role):
        return True
    if nxt is not None and nxt.role == BYLINE and nxt.block.date_follows and cur.paragraphs \
            and all(b.role == "unknown" for b in nxt.bylines):
        return False  # a letter's last line over its signature and date (…生活幸福！ / 习近平 / 2019年10月6日)
    if nxt is not None and (nxt.role == BYLINE or m.dateline.match(nxt.text)):
        return True
    if _photo_follows(tagged, j) or trailing_teaser(run[-1].text, m) is not None:
        return True
    if len(run) == 1 and _item_label(run[0].text, m):
        return True  # 广告 / 启事 alone: an advertisement's or a notice's box
    if heading_style:
        # The converter marked every headline; an unmarked title line is a subheading.
        return False
    if indent_style:
        # Web crawls indent every paragraph, subheadings included, and no title.
        return all(r.block.indent < 2 for r in run)
    if any(m.headline_cue.search(r.text) for r in run):
        return True
    if len(run) >= 2 and any(r.text.startswith(("——", "—")) for r in run[1:]):
        return True  # a title over its ——subtitle
    if len(run) >= 2 and _dated_note(run[-1].text, m):
        return True  # a document's title over its date (…关于…的意见 / （二〇一九年十月二十日）)
    # A title wider than the column below it spans columns: a headline.
    if nxt is not None and nxt.block.column > 0 and max(r.block.width for r in run) > nxt.block.column + 2.5:
        return True
    set_off_above = run[0].block.blank_before > 0
    set_off_below = nxt is None or nxt.role != BODY or nxt.block.blank_before > 0
    if len(run) >= 2 and cur.paragraphs:
        # Two title lines set off from the text above (not a subheading run inside it),
        if gap_style or (set_off_above and set_off_below):
            return True
        # or set off from each other (kicker and headline in different type sizes
        # come out as separate blocks; a two-line subheading comes out as one),
        if set_off_above and all(r.block.blank_before > 0 for r in run[1:]):
            return True
        # or shaped as a kicker (…——, …强调) over a headline.
        if any(m.kicker_cue.search(r.text) for r in run[:-1]):
            return True
    # Where paragraphs follow each other without gaps, a title set off by
    # blank lines on both sides (or closing the page) is a headline; so is one
    # title line set off above (a converter starts a new text block for a
    # headline, a subheading runs on inside its column's block), unless it is a
    # dash line (——…如何增强治理能力？ asks the next section's question) or a
    # lone kicker (…——).
    if gap_style or not set_off_above:
        return False
    return set_off_below or (len(run) == 1 and not run[0].text.startswith("—") and not run[0].text.endswith("—"))


def _issuer_over_date(run: list[Tagged], nxt: Tagged | None, cur: Article | None, m: Markers) -> bool:
    """A body that signs the text above, over its date, with a title or nothing after it
    (中共某县县委组织部 / 2022年6月9日): a notice's last line, not a new article's title."""
    return (len(run) == 1 and run[0].block.date_follows and cur is not None and bool(cur.paragraphs)
            and (nxt is None or nxt.role in (TITLE, HEADING)) and m.issuer is not None
            and m.issuer.fullmatch(run[0].text) is not None)


def _item_label(text: str, m: Markers) -> bool:
    """广告, 启事…: a label that is an item of its own and heads no other title lines."""
    return m.item_label is not None and m.item_label.fullmatch(text) is not None


def _second_headline(tagged: list[Tagged], i: int, j: int, m: Markers) -> bool:
    """Does ``tagged[j]`` start the next title when the run ``tagged[i:j]`` already holds a
    marked headline?  A marked headline set off by a gap or after a deck does (初雪, a
    photo's title, over 标准引领…), and so does a kicker-shaped deck (王勇强调, 泰兴：)
    right over the next marked headline: it is that headline's kicker."""
    heads = [k for k in range(i, j) if tagged[k].role == HEADING]
    if not heads:
        return False
    t = tagged[j]
    if t.role == HEADING:
        return t.block.blank_before > 0 or heads[-1] != j - 1
    return (t.role == TITLE and m.kicker_cue.search(t.text) is not None and j + 1 < len(tagged)
            and tagged[j + 1].role == HEADING)


def _labels_body(tagged: list[Tagged], j: int, i: int, m: Markers) -> bool:
    """A title line glued to the text below it (核心阅读, a subheading) belongs
    to that text, not to the title run that started at ``i``: when it is a short
    label, or set off from the run above by a blank line after two title lines.
    A short line reporting who attended (韩正参加会见) is the run's subtitle."""
    t = tagged[j]
    if not (t.role == TITLE and j + 1 < len(tagged) and tagged[j + 1].role == BODY
            and tagged[j + 1].block.blank_before == 0):
        return False
    if t.block.blank_before == 0 and m.subtitle_cue.search(t.text):
        return False
    return len(t.text) <= 6 or (t.block.blank_before > 0 and j - i >= 2)


def _photo_follows(tagged: list[Tagged], j: int) -> bool:
    """A short text and then a photographer's credit line: the title run before is a photo's."""
    if j + 1 >= len(tagged) or tagged[j].role != BODY or len(tagged[j].text) > MAX_CAPTION_CHARS:
        return False
    nxt = tagged[j + 1]
    return nxt.role == BYLINE and all(b.role == "photographer" for b in nxt.bylines)


def _take_teaser(tagged: list[Tagged], k: int, articles: list[Article], m: Markers,
                 start: int | None = None) -> int:
    """Build a teaser from the marker at ``k`` and the title lines around it; return the next index."""
    pre: list[str] = []
    if start is not None:
        pre = [t.text for t in tagged[start:k]]
    post: str | None = None
    n = len(tagged)
    if k + 1 < n and tagged[k + 1].role == TITLE:
        following = tagged[k + 2] if k + 2 < n else None
        if not pre or following is None or following.role != TEASER:
            post = tagged[k + 1].text
    a = Article(kind="teaser", refers_to=PageRef(tagged[k].page))
    a.source_lines = (tagged[start if start is not None else k].block.first, tagged[k + (1 if post else 0)].block.last)
    if post is not None:
        a.headline = post
        a.kicker = " ".join(pre) or None
    elif pre:
        a.headline = pre[-1]
        a.kicker = " ".join(pre[:-1]) or None
    articles.append(a)
    return k + (2 if post is not None else 1)


def finish(a: Article, m: Markers) -> None:
    """Decide the kind of a closed article."""
    if a.kind in ("teaser", "photo"):  # decided from markers or labels already
        return
    body_chars = sum(len(p) - p.count(" ") for p in a.paragraphs)
    photographers = [b for b in a.bylines if b.role == "photographer"]
    if a.caption and not a.paragraphs:
        a.kind = "photo"
        return
    if photographers and len(photographers) == len(a.bylines) and (
            not a.paragraphs or (len(a.paragraphs) <= 2 and body_chars <= MAX_CAPTION_CHARS and not a.caption)):
        # A title, a short text and only a photographer: a photo and its caption.
        a.kind = "photo"
        if a.paragraphs:
            a.caption = "".join(a.paragraphs)
            a.paragraphs = []
        return
    title = " ".join(x for x in (a.kicker, a.headline, a.subtitle) if x)
    if title and m.notice_words.search(title):
        a.kind = "notice"
        return
    if title and "广告" in title:
        a.kind = "advertisement"
        return
    # Unknown-role names trailing a news body are its reporters, or its authors when
    # the text says who the author is (（作者为中国科学院院长…）).
    if a.paragraphs and any(b.role == "unknown" and b.bare for b in a.bylines):
        noted = m.author_note is not None and any(m.author_note.match(p) for p in a.paragraphs[-3:])
        role = "author" if noted else "reporter"
        for b in a.bylines:
            if b.role == "unknown" and b.bare:
                b.role = role
    if a.paragraphs and len(a.paragraphs) <= 3 and body_chars <= m.brief_max_chars and a.headline:
        a.kind = "brief"
        return
    if not a.paragraphs and not a.headline and not a.caption:
        a.kind = "other"
        return
    a.kind = "news"
