"""Read an e-paper HTML page: its article text as a crawl leaves it, plus what the markup says.

Reads: HTML bytes.  Assigns: text in the shape the later stages read from web
crawls — one line per paragraph or heading, a blank line between blocks — with the
headline marked as a markdown heading (``# ``) and, first, a folio line with the
issue date and page when the page states them.

What the markup tells that crawled text loses:
- The headline: ``<h1>`` (People's Daily's e-paper sets the kicker in ``<h3>`` above
  it and the subtitle in ``<h2>`` below), else the element whose text is the
  ``<title>``'s article part (…_某某日报).  Other headings stay plain lines, so the
  kicker/subtitle decks around the headline are read as for any title run.
- Founder (方正) e-paper pages — the system most city and county papers publish
  with — describe each article in an ``<!--enpproperty <title>…</title>… /enpproperty-->``
  comment: introtitle, title, subtitle, author, date and nodename (第01版：要闻), or
  in the newer 数字报 templates the same names with a ``founder-`` prefix and the
  page as ``<founder-pagenum>``.  The text is inside ``<founder-content>`` or
  ``<!--enpcontent-->…<!--/enpcontent-->`` (which may hold a whole ``<html>`` of its
  own).  The decks, the date and the page come from there; the page's own folio
  line (第01版：要闻, 版次：A02 … 2024年08月30日) above the article, when it has one,
  names the page.  ``<founder-type>2`` marks a page's index (版面), not an article.
- The article's text box is the first element the page has of furniture.yaml's
  ``html_text_boxes`` (``<founder-content>``, ``#ozoom``, then other systems' ``#zoom``,
  ``#contenttext``…), read with the surroundings that hold its headings.
- Founder's classic template sets the decks in a title table: ``td.font01`` the
  headline, ``td.font02`` above it the kicker and below it the subtitle (read when
  the page has no article properties).
- An e-paper page's index — the page picture's ``<map>`` of links to its articles,
  with no article text box — is named as such (``EmptyInput``), not read as text.
- Pictures' captions (the short text of the table, figure or paragraph around an
  ``<img>``) that People's Daily sets above the text in ``#ozoom`` go after the first
  paragraph, where the later stages read a caption as the article's.
- Page chrome is dropped: scripts, styles, forms; navigation, headers, footers and
  elements whose id or class names one (nav, menu, footer, share, copyright…) unless
  they hold a headline; and blocks made of links (a list of the page's other
  articles, 上一篇 / 下一篇).

Parsed with selectolax (Lexbor; MIT), which reads malformed markup as browsers do.
The encoding comes from a BOM, then the page's ``<meta charset>``, then detection
(``read.decode_bytes``); GBK/GB2312 are decoded as GB18030.
"""

from __future__ import annotations

import codecs
import html
import re

from ..errors import EmptyInput
from .furniture import default_furniture, folio_parts

# Elements whose text is no article text.
SKIP = frozenset({"script", "style", "noscript", "template", "form", "select", "option", "button", "iframe",
                  "object", "svg", "canvas", "map", "head", "title", "input", "textarea", "video", "audio"})
# Elements of page chrome, unless they hold a headline (an <article>'s <header> does).
CHROME_TAGS = frozenset({"nav", "header", "footer", "aside"})
# Elements that start and end a block (a line of their own).
BLOCKS = frozenset({"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
                    "table", "tr", "td", "th", "tbody", "thead", "blockquote", "pre", "figure", "figcaption", "dl",
                    "dt", "dd", "center", "body", "html", "founder-content", "hr", "caption", "address"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A picture's caption: the text of the nearest of these around an <img> (PD's
# <table><tr><td><img></td></tr><tr><td>说明</td></tr></table>, <figure>, <p><img>说明</p>)
# when it is this short; its blocks are tagged CAPTION.
PICTURE_TAGS = frozenset({"figure", "table", "p", "center", "div"})
CAPTION_CHARS = 200
CAPTION = "figcaption"
# Block tags a nested block inherits (a heading's lines, a caption's cells).
INHERITED = HEADINGS | {CAPTION}
# Elements a page sets its title in when it has no <h1> (a Founder page's <td class=font01>).
TITLE_TAGS = HEADINGS | {"p", "div", "td", "span", "b", "strong"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
# <!--enpproperty <date>…</date>… /enpproperty--> as Founder writes it (also <!--<enpproperty>…</enpproperty>-->)
_ENP_PROPERTY = re.compile(r"<!--\s*<?enpproperty>?(.*?)<?/enpproperty>?\s*-->", re.S | re.I)
_ENP_FIELD = re.compile(r"<([a-z][\w-]*)>(.*?)</\1>", re.S | re.I)
# Founder's type of a page: 1 an article, 2 a page's index (版面).
_ENP_INDEX_TYPE = "2"
_ENP_CONTENT = re.compile(r"<!--\s*enpcontent\s*-->(.*?)<!--\s*/enpcontent\s*-->", re.S | re.I)
# A block (not a heading) whose text is this much link text is a navigation list (the
# page's other articles, 上一篇 / 下一篇), not article text.
LINK_SHARE = 0.9
# A page with no text but this many links is an index of articles (an e-paper page's 版面导航).
INDEX_LINKS = 3
# Blocks before the article's box searched for the page's folio line.
FOLIO_BLOCKS = 40
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def decode_html(data: bytes, source: str | None = None) -> tuple[str, str]:
    """Decode HTML bytes: BOM, then the declared charset, then detection."""
    from .read import ENCODING_ALIASES, decode_bytes

    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        m = _META_CHARSET.search(data[:4096])
        if m:
            try:
                codec = codecs.lookup(m.group(1).decode("ascii")).name
            except LookupError:
                codec = None
            if codec:
                codec = ENCODING_ALIASES.get(codec, codec)
                try:
                    return data.decode(codec), codec
                except UnicodeDecodeError:
                    pass  # a wrong declaration is common: detect instead
    return decode_bytes(data, source=source)


def html_to_text(markup: str, source: str | None = None) -> str:
    """The page's article text (see the module docstring); ``EmptyInput`` when the page holds none."""
    from selectolax.lexbor import LexborHTMLParser

    props = _enp_properties(markup)
    if props.get("type") == _ENP_INDEX_TYPE:
        raise EmptyInput(_index_message("is marked as a page's index (founder-type 2)"), source=source)
    content = _ENP_CONTENT.search(markup)
    tree = LexborHTMLParser(markup)
    title_node = tree.css_first("title")
    page_title = _clean(title_node.text()) if title_node is not None else ""
    box = next((b for b in map(tree.css_first, default_furniture().html_text_boxes) if b is not None), None)
    root = _text_root(tree, box, content, bool(props.get("title")))
    lines: list[str] = []
    before: list[tuple[str, str]] = []      # blocks before the article's box (folio, title table)
    # (the enpcontent text parsed apart is no element of the page: with no box around it,
    # the whole page is searched)
    stop = box if content is not None and box is not None else root
    if stop is not None and stop is not tree.body and tree.body is not None:
        before = _blocks(tree.body, stop=stop)
    folio = _folio_line(props, before)
    if folio:
        lines += [folio, ""]
    # pictures are read as such inside an article's text box only (elsewhere an icon and
    # its label, 字号 A- A+, would pass for one)
    pictures = _pictures(root) if root is not None and box is not None else []
    blocks = _captions_after_first_paragraph(_blocks(root, pictures=pictures)) if root is not None else []
    decks = [props.get(k, "") for k in ("introtitle", "title", "subtitle")]
    if not decks[1]:
        decks = _title_table(tree) or decks
    name = _article_title(page_title)
    if decks[1]:
        # Founder's own decks: kicker, headline, subtitle (and the body's copies of them go)
        lines += [x for x in (decks[0], "# " + decks[1], decks[2]) if x.strip() and x != "# "] + [""]
        seen = {d for d in decks if d}
        blocks = [b for b in blocks if b[1] not in seen]
    elif name and not any(tag == "h1" for tag, _ in blocks):
        blocks = _title_block_as_headline(blocks, before, name)
    if props.get("author") and not _names_in(props["author"], blocks):
        blocks.append(("p", props["author"]))
    for tag, text in blocks:
        lines.append(("# " if tag == "h1" else "") + text)
        if tag not in HEADINGS:
            lines.append("")
    _refuse_no_article(tree, bool(blocks or decks[1]), content is not None or box is not None, source)
    return "\n".join(lines).strip("\n ") + "\n"


def _refuse_no_article(tree, has_text: bool, has_box: bool, source: str | None) -> None:
    """``EmptyInput`` for a page without text, and for an e-paper page's index: links and
    no text, or the page picture's map of links (its articles' outlines: polygon areas,
    where a site's map of app and licence links is rectangles) and no article text box."""
    if not has_text:
        links = len(tree.css("a[href], area[href]"))
        if links >= INDEX_LINKS:
            raise EmptyInput(_index_message(f"holds no article text, only {links} links"), source=source)
        raise EmptyInput("the HTML page holds no text", source=source)
    areas = sum(1 for a in tree.css("map area[href]") if (a.attributes.get("shape") or "").lower().startswith("poly"))
    if not has_box and areas >= INDEX_LINKS:
        raise EmptyInput(_index_message(f"has no article text box, only the page picture's map of {areas} links"),
                         source=source)


def _text_root(tree, box, content, titled: bool):
    """The element whose blocks are the article: the box (``#ozoom``, ``<founder-content>``)
    when the ``enpcontent`` text lies inside it and the properties give the decks (the box
    also holds the pictures and captions set before and after that text); else the box's
    surroundings that hold its headings; else the ``enpcontent`` text alone; else the body."""
    from selectolax.lexbor import LexborHTMLParser

    if box is not None and content is not None and titled and "enpcontent" in (box.html or ""):
        return box
    if box is not None and (content is None or not titled):
        return _article_around(box)
    if content is not None:
        return LexborHTMLParser(content.group(1)).body
    return tree.body


def _title_table(tree) -> list[str] | None:
    """The decks of a Founder classic page's title table: ``td.font01`` the headline, the
    ``td.font02`` cells of its table above it the kicker and below it the subtitle."""
    head = tree.css_first("td.font01")
    if head is None or not _clean(head.text()):
        return None
    table = head.parent
    while table is not None and table.tag != "table":
        table = table.parent
    cells = table.css("td.font01, td.font02") if table is not None else [head]
    at = next(i for i, c in enumerate(cells) if c == head)
    above, below = ([_clean(c.text()) for c in part] for part in (cells[:at], cells[at + 1:]))
    return [" ".join(t for t in above if t), _clean(head.text()), " ".join(t for t in below if t)]


def _pictures(root) -> list:
    """The elements that hold a picture and its caption (see PICTURE_TAGS)."""
    out = []
    for img in root.css("img"):
        node = img.parent
        while node is not None and node != root and node.tag not in PICTURE_TAGS:
            node = node.parent
        if node is None or node == root or any(node == pic for pic in out):
            continue
        text = _clean(node.text())
        if text and len(text) <= CAPTION_CHARS:
            out.append(node)
    return out


def _captions_after_first_paragraph(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Captions of pictures set above the text (People's Daily puts them at the top of
    ``#ozoom``) go after its first paragraph: right under the headline a caption would
    be read as a photo of its own."""
    first = next((i for i, (tag, _) in enumerate(blocks) if tag not in HEADINGS and tag != CAPTION), None)
    if first is None:
        return blocks
    lead = [b for b in blocks[:first] if b[0] == CAPTION]
    if not lead:
        return blocks
    rest = [b for b in blocks[:first] if b[0] != CAPTION]
    return rest + [blocks[first]] + lead + blocks[first + 1:]


def _index_message(why: str) -> str:
    return (f"the HTML page {why}: an e-paper page's index (版面导航)? "
            "parse the article pages it links to")


def _folio_line(props: dict[str, str], before: list[tuple[str, str]]) -> str:
    """The issue's folio line: the page's own (第01版：要闻 above the article) when it
    names the page, else the article properties' nodename when it is a page (a news
    site's is a column, 广州新闻) or page number; a date (the properties', else the
    page's own date line) goes before a line that has none."""
    own = [(t, _folio_info(t)) for _, t in before[:FOLIO_BLOCKS] if _folio(t)]
    paged = [t for t, info in own if info is not None and info.page is not None]
    node = props.get("nodename", "")
    node_info = _folio_info(node) if node else None
    if paged:
        line = paged[0]
    elif node_info is not None and node_info.page is not None:
        line = node
    elif props.get("pagenum"):
        line = f"第{props['pagenum']}版"
    else:
        line = own[0][0] if own else ""
    date = props.get("date", "").split(" ")[0] or next((t for t, info in own if info and info.date), "")
    info = _folio_info(line) if line else None
    if date and (info is None or info.date is None):
        line = f"{date} {line}".strip()
    return line


def _folio_info(text: str):
    return folio_parts(text, default_furniture())


def _names_in(author: str, blocks: list[tuple[str, str]]) -> bool:
    """Whether every name of the properties' author line is already in the text (本报讯（记者 赵伟君）)."""
    names = [n for n in re.split(r"[\s、，,;；]+", author) if n]
    text = "".join(t for _, t in blocks)
    return bool(names) and all(n in text for n in names)


def _title_block_as_headline(blocks: list[tuple[str, str]], before: list[tuple[str, str]],
                             name: str) -> list[tuple[str, str]]:
    """No <h1>: the block that is the <title>'s article part (``name``) is the headline,
    inside the article's box or in the title table above it (Founder pages without
    their article properties)."""
    if not any(t == name for _, t in blocks) and any(t == name for _, t in before):
        blocks = [("h1", name)] + blocks
    return [("h1", t) if t == name and tag in TITLE_TAGS else (tag, t) for tag, t in blocks]


def _article_around(content):
    """The element around an article's text box (People's Daily's ``#ozoom``, Founder's
    ``<founder-content>``) that also holds its headings: the box's nearest ancestor with an
    ``<h1>``…``<h3>``, else the box itself."""
    node = content
    while node is not None and node.tag != "body":
        if node.css_first("h1, h2, h3") is not None:
            return node
        node = node.parent
    return content


def _article_title(page_title: str) -> str:
    """The article part of a <title> (…_青禾日报), read by furniture's ``web_title`` pattern,
    the one that finds a <title> kept in crawled text."""
    rx = default_furniture().web_title
    m = rx.fullmatch(page_title) if rx is not None else None
    return m.group("title") if m is not None and "title" in m.re.groupindex else page_title


def _enp_properties(markup: str) -> dict[str, str]:
    """Founder's per-article properties: introtitle, title, subtitle, author, date, nodename,
    pagenum, type… (a ``founder-`` prefix dropped, names lower-cased)."""
    m = _ENP_PROPERTY.search(markup)
    if not m:
        return {}
    out = {}
    for tag, value in _ENP_FIELD.findall(m.group(1)):
        value = _clean(html.unescape(re.sub(r"<[^>]+>", " ", value)))
        key = tag.lower().removeprefix("founder-")
        if value and key not in out:
            out[key] = value
    return out


def _clean(text: str) -> str:
    """Whitespace runs to one space, ends trimmed; U+3000 (a paragraph's indent) is kept."""
    return _SPACES.sub(" ", text).strip(" ")


def _is_chrome(node) -> bool:
    """Navigation, header, footer, share bar…: by tag or by id/class name (furniture.yaml's
    ``html_chrome``), unless the
    element holds a headline (``<header><h1>…``, ``<div class="article-header">``)."""
    attrs = node.attributes
    names = " ".join(v for k, v in attrs.items() if k in ("id", "class") and v)
    chrome = default_furniture().html_chrome
    named = node.tag in CHROME_TAGS or (bool(names) and chrome is not None and chrome.search(names) is not None)
    return named and not any(h != node for h in node.css("h1, h2, h3"))   # (css() may match node itself)


def _folio(text: str) -> bool:
    return folio_parts(text, default_furniture()) is not None


def _blocks(root, stop=None, pictures=()) -> list[tuple[str, str]]:
    """(tag, text) of each block under ``root`` in document order, up to ``stop`` (an
    element inside it); ``tag`` is the heading's (h1…h6), CAPTION inside one of
    ``pictures``, or the enclosing block's.  ``<br>`` ends a line."""
    out: list[tuple[str, str]] = []
    parts: list[str] = []
    linked = [0]          # characters of the block's text inside links
    in_link = [0]
    block_tags: list[str] = ["p"]

    def flush() -> None:
        text = _clean("".join(parts))
        shown = sum(1 for c in text if not c.isspace())
        parts.clear()
        if text and not (block_tags[-1] not in HEADINGS and linked[0] >= LINK_SHARE * shown):
            out.append((block_tags[-1], text))
        linked[0] = 0

    # an explicit stack (deeply nested, malformed pages must not hit the recursion limit):
    # ("open", node) or ("close", tag)
    stack: list[tuple[str, object]] = [("open", root)]
    while stack:
        what, item = stack.pop()
        if what == "close":
            flush()
            block_tags.pop()
            continue
        if what == "unlink":
            in_link[0] -= 1
            continue
        node = item
        if stop is not None and node == stop:
            break
        tag = node.tag  # type: ignore[attr-defined]
        if tag == "-text":
            piece = node.text_content or ""  # type: ignore[attr-defined]
            parts.append(piece)
            if in_link[0]:
                linked[0] += sum(1 for c in piece if not c.isspace())
            continue
        if tag == "-comment" or tag in SKIP:
            continue
        if tag == "br":
            flush()
            continue
        if tag == "img":
            continue
        if node is not root and _is_chrome(node):
            continue
        children = list(node.iter(include_text=True))  # type: ignore[attr-defined]
        if tag in BLOCKS:
            flush()
            if any(node == pic for pic in pictures):
                block_tags.append(CAPTION)
            elif tag in HEADINGS or block_tags[-1] not in INHERITED:
                block_tags.append(tag)
            else:
                block_tags.append(block_tags[-1])
            stack.append(("close", tag))
        elif tag == "a":
            in_link[0] += 1
            stack.append(("unlink", tag))
        stack.extend(("open", c) for c in reversed(children))
    flush()
    return out
