"""The marker vocabulary (``data/markers.yaml``) compiled once, and the small
recognisers built on it: jump markers, teaser markers, byline lines,
datelines and photo credits.  Shared by reflow and segmentation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..model import Byline
from ..numerals import page_number
from ..resources import common_words, compile_pattern, data_path, load_yaml, require, surnames

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A personal name: 2–4 Han characters, or a transcribed name with a middle dot.
NAME = re.compile(f"[{HAN}]{{2,4}}|[{HAN}]{{1,6}}(?:[·•][{HAN}]{{1,8}}){{1,3}}")


@dataclass(slots=True)
class Markers:
    sentence_final: str
    closing_marks: str
    never_starts_paragraph: str
    continues_to: list[re.Pattern[str]]
    continued_from: list[re.Pattern[str]]
    teasers: list[re.Pattern[str]]
    teaser_label: re.Pattern[str]
    brief_label: re.Pattern[str]
    in_body_label: re.Pattern[str]
    role_of: dict[str, str]
    role_words: list[str]  # longest first
    agencies: list[str]
    bracketed_agency: re.Pattern[str]
    dateline: re.Pattern[str]
    kicker_cue: re.Pattern[str]
    subtitle_starts: tuple[str, ...]
    subtitle_cue: re.Pattern[str]
    notice_words: re.Pattern[str]
    headline_cue: re.Pattern[str]
    photo_label: re.Pattern[str]
    advertisement_words: re.Pattern[str]
    brief_max_chars: int
    prefix_roles: re.Pattern[str]
    embedded_roles: re.Pattern[str]  # role words of two characters or more, as a split pattern
    suffix_roles: list[tuple[str, str, bool]]  # (word, role, override), longest first
    picture_credit: re.Pattern[str] | None = None
    activity_verbs: re.Pattern[str] | None = None
    source_note: re.Pattern[str] | None = None
    body_openers: re.Pattern[str] | None = None
    author_note: re.Pattern[str] | None = None
    cartoon_credit: re.Pattern[str] | None = None
    dated_note: re.Pattern[str] | None = None
    bullets: str = ""
    item_label: re.Pattern[str] | None = None
    list_item: re.Pattern[str] | None = None
    issuer: re.Pattern[str] | None = None
    paper_before_role: re.Pattern[str] | None = None


def load_markers(path: str | Path | None = None) -> Markers:
    path = Path(path) if path else data_path("markers.yaml")
    d = load_yaml(path)
    jumps = require(d, "jumps", path, dict)
    labels = require(d, "section_labels", path, dict)
    roles = require(d, "role_words", path, dict)
    role_of: dict[str, str] = {}
    for role, words in roles.items():
        if role not in ("reporter", "correspondent", "photographer", "editor", "author", "unknown"):
            raise_bad(path, getattr(words, "line", "?"), f"unknown byline role {role!r}")
        for w in words:
            role_of[str(w)] = role
    words_longest = sorted(role_of, key=len, reverse=True)
    agencies = sorted((str(a) for a in require(d, "agencies", path, list)), key=len, reverse=True)
    suffix_roles: list[tuple[str, str, bool]] = []
    for role, spec in require(d, "role_suffixes", path, dict).items():
        if not isinstance(spec, dict) or not isinstance(spec.get("words"), list):
            raise_bad(path, getattr(spec, "line", "?"), f"role_suffixes.{role} needs a list of words")
        suffix_roles.extend((str(w), role, bool(spec.get("override"))) for w in spec["words"])
    suffix_roles.sort(key=lambda x: len(x[0]), reverse=True)
    prefix_words = [w for w in words_longest if w != "摄"]
    return Markers(
        sentence_final=str(require(d, "sentence_final", path, str)),
        closing_marks=str(require(d, "closing_marks", path, str)),
        never_starts_paragraph=str(require(d, "never_starts_paragraph", path, str)),
        continues_to=[compile_pattern(p, path) for p in require(jumps, "continues_to", path, list)],
        continued_from=[compile_pattern(p, path) for p in require(jumps, "continued_from", path, list)],
        teasers=[compile_pattern(p, path) for p in require(d, "teasers", path, list)],
        teaser_label=compile_pattern(require(labels, "teaser", path, str), path),
        brief_label=compile_pattern(require(labels, "brief", path, str), path),
        in_body_label=compile_pattern(require(labels, "in_body", path, str), path),
        role_of=role_of,
        role_words=words_longest,
        agencies=agencies,
        bracketed_agency=re.compile("[（(](?:" + "|".join(re.escape(a) for a in agencies) + ")[）)]"),
        dateline=compile_pattern(require(d, "dateline", path, str), path),
        kicker_cue=compile_pattern(require(d, "kicker_cue", path, str), path),
        subtitle_starts=tuple(str(w) for w in require(d, "subtitle_starts", path, list)),
        subtitle_cue=compile_pattern(require(d, "subtitle_cue", path, str), path),
        notice_words=compile_pattern(require(d, "notice_words", path, str), path),
        headline_cue=compile_pattern(require(d, "headline_cue", path, str), path),
        photo_label=compile_pattern(require(d, "photo_label", path, str), path),
        advertisement_words=compile_pattern(require(d, "advertisement_words", path, str), path),
        brief_max_chars=int(require(d, "brief_max_chars", path, int)),
        prefix_roles=re.compile("|".join(re.escape(w) for w in prefix_words)),
        embedded_roles=re.compile("(" + "|".join(re.escape(w) for w in prefix_words if len(w) >= 2
                                                 and w not in {x[0] for x in suffix_roles}) + f")(?=[{HAN}]{{2}})"),
        suffix_roles=suffix_roles,
        picture_credit=compile_pattern(d["picture_credit"], path) if d.get("picture_credit") else None,
        activity_verbs=compile_pattern(d["activity_verbs"], path) if d.get("activity_verbs") else None,
        source_note=compile_pattern(d["source_note"], path) if d.get("source_note") else None,
        body_openers=compile_pattern(d["body_openers"], path) if d.get("body_openers") else None,
        author_note=compile_pattern(d["author_note"], path) if d.get("author_note") else None,
        cartoon_credit=compile_pattern(d["cartoon_credit"], path) if d.get("cartoon_credit") else None,
        item_label=compile_pattern(d["item_label"], path) if d.get("item_label") else None,
        issuer=compile_pattern(d["issuer"], path) if d.get("issuer") else None,
        list_item=compile_pattern(d["list_item"], path) if d.get("list_item") else None,
        dated_note=compile_pattern(d["dated_note"], path) if d.get("dated_note") else None,
        bullets=str(d.get("bullets", "")),
        paper_before_role=compile_pattern(d["paper_before_role"], path) if d.get("paper_before_role") else None,
    )


def raise_bad(path: Path, line: object, message: str) -> None:
    from ..errors import DataFileError

    raise DataFileError(f"line {line}: {message}", source=str(path))


@lru_cache(maxsize=1)
def default_markers() -> Markers:
    return load_markers()


# ----------------------------------------------------------------- recognisers


def ends_sentence(text: str, m: Markers) -> bool:
    """Does the text end a sentence (final mark, possibly inside closing marks)?"""
    t = text.rstrip(m.closing_marks + " ")
    if not t:
        return False
    if t != text.rstrip() and text.rstrip()[-1] in "”’」』\"'" and t[-1] not in m.sentence_final:
        # A quotation that ends without a final mark inside (…“排头兵”) does not end a sentence.
        return False
    return t[-1] in m.sentence_final


def jump_marker(text: str, m: Markers) -> tuple[str, int | None] | None:
    """``('continues_to'|'continued_from', page)`` when the whole line is a jump marker."""
    for kind, patterns in (("continues_to", m.continues_to), ("continued_from", m.continued_from)):
        for p in patterns:
            mt = p.fullmatch(text)
            if mt:
                return kind, page_number(mt.group("page"))
    return None


def trailing_jump(text: str, m: Markers) -> tuple[str, str, int | None] | None:
    """A jump marker at the end (下转) or start (上接) of a paragraph: ``(kind, rest, page)``."""
    for p in m.continues_to:
        for mt in p.finditer(text):
            if mt.end() == len(text) and mt.start() > 0 and text[mt.start()] in "（(【[":
                return "continues_to", text[: mt.start()].rstrip(), page_number(mt.group("page"))
    for p in m.continued_from:
        mt = p.match(text)
        if mt and mt.end() < len(text) and text[0] in "（(【[":
            return "continued_from", text[mt.end():].lstrip(), page_number(mt.group("page"))
    return None


def teaser_marker(text: str, m: Markers) -> int | None:
    for p in m.teasers:
        mt = p.fullmatch(text)
        if mt:
            return page_number(mt.group("page"))
    return None


def trailing_teaser(text: str, m: Markers) -> tuple[str, int | None] | None:
    """A title line that ends with its page pointer: ``标题 >>02``, ``标题（详见第二版）``."""
    for p in m.teasers:
        for mt in p.finditer(text):
            if mt.end() == len(text) and mt.start() >= 4 and not text[mt.start() - 1].isdigit():
                head = text[: mt.start()].rstrip(" ·…—-")
                if head and not p.fullmatch(head):
                    return head, page_number(mt.group("page"))
    return None


def is_name(token: str) -> bool:
    """2–3 Han characters after a surname, 4 after a compound surname (欧阳),
    or a transcribed name with a middle dot."""
    if not NAME.fullmatch(token):
        return False
    if "·" in token or "•" in token:
        return True
    names = surnames()
    if len(token) == 4:
        return token[:2] in names
    return token[0] in names or token[:2] in names


def _bare_word(name: str) -> bool:
    """A name standing alone that is rather a word: a common word (jieba's dictionary,
    data/common_words.txt) or one of people.yaml's ``not_names`` (贺信, 贺电)."""
    from ..extract.lexicon import cues   # the people stage's word lists, loaded once

    return name in common_words() or name in cues().not_names


def _strip_agencies(text: str, m: Markers) -> str:
    """Drop bracketed agency credits: 左学长摄（人民视觉） → 左学长摄."""
    if "（" not in text and "(" not in text:
        return text
    return m.bracketed_agency.sub(" ", text)


_LENTICULAR = re.compile("【([^【】]{1,8})】")
_BYLINE_SEPARATORS = re.compile(r"[\s、，,/／|；;：:]+")
_HAN_RUN = re.compile(f"[{HAN}]+")
_OPENING_BRACKET = re.compile(r"[（(]([^（）()]{2,40})[）)]")
_CLOSING_BRACKET = re.compile(r"[（(]([^（）()]{1,40})[）)]$")
# the caption words before a bracketed credit's names (（上图，新华社记者 熊琦摄）)
_CAPTION_LEAD = re.compile(r"^(上图|下图|左图|右图|图|见图)?[^，,。]*?[，,。]")


def _merge_spaced_names(tokens: list[str]) -> list[str]:
    """Two-character names are often set with a space inside (龙 涛摄): rejoin a
    lone surname with the single character that follows it."""
    out: list[str] = []
    names = surnames()
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if len(tok) == 1 and tok in names and i + 1 < len(tokens):
            nxt = tokens[i + 1]
            m = _HAN_RUN.match(nxt)
            if m and (len(nxt) == 1 or nxt[1:] in ("摄", "摄影")):
                out.append(tok + nxt)
                i += 2
                continue
        out.append(tok)
        i += 1
    return out


def _unglue(tokens: list[str], m: Markers) -> list[str]:
    """Bylines set without spaces (记者李铮通讯员王飞李永): split a token at the
    role words of two characters or more inside it, and a run of two names
    glued together (王飞李永) where only one cut gives two names."""
    split: list[str] = []
    for tok in tokens:
        split.extend([tok] if is_name(tok) or len(tok) < 4 else [p for p in m.embedded_roles.split(tok) if p])
    if not any(m.prefix_roles.match(t) for t in split):
        return split  # two names glued together only after a role word (江南水乡 is no byline)
    out: list[str] = []
    for part in split:
        if len(part) < 4 or part in m.role_of or is_name(part) or not _HAN_RUN.fullmatch(part) \
                or any(part.endswith(w) for w, _, _ in m.suffix_roles):  # 王永战摄: a name and its credit
            out.append(part)
            continue
        cuts = [k for k in range(2, len(part) - 1) if len(part) - k <= 4 and k <= 4
                and is_name(part[:k]) and is_name(part[k:])]
        if len(cuts) == 1:
            out.extend((part[: cuts[0]], part[cuts[0]:]))
        else:
            out.append(part)
    return out


def parse_byline_line(text: str, m: Markers) -> list[Byline] | None:
    """Bylines when the whole line is bylines (本报记者 张三 通讯员 李四, 方聿 许应田,
    （本报记者赵兵、陈伟光）, 左学长摄（人民视觉）), else ``None``."""
    t = text.strip()
    if len(t) > 80 or not t or t[-1] in "，、；,;：:" or t[0] in "，、；,;：:" or any(c in t for c in "。！？；“”"):
        return None
    if t[0] in "（(【[" and t[-1] in "）)】]":
        t = t[1:-1]
    if m.paper_before_role is not None and ("报" in t or "中心" in t or "台" in t):
        # 海南日报全媒体记者 李艳玫, 县融媒体中心记者 赵敏: the paper's (or its media centre's) name goes
        t = m.paper_before_role.sub("", t)
    if "【" in t:
        # a role word in lenticular brackets (【记者】柳时强 【通讯员】罗瑞娴): the brackets go
        t = _LENTICULAR.sub(lambda b: b.group(1) + " " if b.group(1) in m.role_of else b.group(0), t).strip()
    if not t:
        return None       # (an empty bracket pair, （）)
    if t[0] in "□■◇◆●○":
        # a box or bullet city papers set before a byline (□本报记者 吴佳妮); a bulleted
        # section label (◆云南) is none
        t = t.lstrip("□■◇◆●○ ")
        if not m.prefix_roles.match(t):
            return None
    t = _strip_agencies(t, m)
    for a in m.agencies:
        if t.startswith(a) and not any(t.startswith(w) for w in m.role_words if len(w) > len(a)):
            t = t[len(a):]
    raw = [tok for tok in _BYLINE_SEPARATORS.split(t) if tok]
    cartoon = m.cartoon_credit.fullmatch("".join(raw)) if len(raw) >= 2 and m.cartoon_credit else None
    if cartoon and not any(_bare_word(n) for n in cartoon.groups()):
        # a cartoon's credit, drawing and words (勾  犇图  付千也文, 曹  一图  于  石文): its
        # authors, whatever their surnames (often rare ones)
        return [Byline(cartoon.group(1), "author"), Byline(cartoon.group(2), "author")]
    tokens = _unglue(_merge_spaced_names(raw), m)
    if not tokens:
        return None
    out: list[Byline] = []
    role: str | None = None
    saw_role_word = False
    pending: list[Byline] = []
    for tok in tokens:
        rest = tok
        pm = m.prefix_roles.match(rest)
        if pm:
            # (right after 图/, the role word says who took the pictures: 图/通讯员 张敏 → photographer)
            if not (role == "photographer" and not pending and saw_role_word):
                role = m.role_of[pm.group(0)]
            saw_role_word = True
            rest = rest[pm.end():].lstrip("：:")
            pending = []
        suffix = None
        for word, srole, override in m.suffix_roles:
            if rest.endswith(word) and (len(rest) == len(word) or is_name(rest[: -len(word)])):
                suffix = (srole, override)
                rest = rest[: -len(word)]
                break
        if rest:
            if not is_name(rest):
                return None
            b = Byline(rest, role or "unknown", bare=role is None)  # type: ignore[arg-type]
            out.append(b)
            pending.append(b)
        if suffix:
            saw_role_word = True
            for b in pending:
                if suffix[1] or b.role == "unknown":
                    b.role = suffix[0]  # type: ignore[assignment]
            pending = []
            role = None
    if not out:
        return None
    if not saw_role_word and (len(out) > 4 or any(_bare_word(b.name) for b in out)):
        return None       # a line of bare words is no byline line: 贺 信 (a letter's label)
    return out


def opening_bylines(paragraph: str, m: Markers) -> tuple[list[Byline], str] | None:
    """A byline line a crawl glued to the start of the text with a space
    (``■ 深圳特区报记者 徐兴东 不到半年的时间，…`` → ([徐兴东 reporter], ``不到半年的时间，…``)):
    the longest run of space-separated words opening with a role word (after a box or
    bullet, or the paper's name) that reads as bylines."""
    t = paragraph.lstrip("■□◆●○ ")
    if " " not in t[:40] or not (m.prefix_roles.match(t) or (
            m.paper_before_role is not None and m.paper_before_role.match(t))):
        return None
    best = None
    for sp in [k for k, c in enumerate(t[:40]) if c == " "]:
        rest = t[sp + 1:].lstrip()
        found = parse_byline_line(t[:sp], m) if rest else None
        if found and any(b.role != "unknown" for b in found):
            best = (found, rest)
    return best


def dateline_bylines(paragraph: str, m: Markers) -> list[Byline]:
    """Reporters named in a dateline that opens a paragraph:
    ``本报北京10月24日电 （记者张三、李四）…`` → 张三, 李四; also in brackets that open
    it with a role word and no dateline (``（记者冯芸）百年大计…``, as local papers write)."""
    mt = m.dateline.match(paragraph)
    rest = paragraph[mt.end():].lstrip() if mt else paragraph
    bm = _OPENING_BRACKET.match(rest)
    if not bm or not (mt or m.prefix_roles.match(bm.group(1))):
        # (without a dateline, only brackets that open with a role word: （记者冯芸）百年大计…)
        return []
    found = parse_byline_line(bm.group(1), m)
    if not found and m.prefix_roles.match(bm.group(1)):
        # an outlet named among the reporters (（记者 宣涛 富阳微融圈 陈东 季慧）): its words
        # are no names; the reporters around it are
        kept = [t for t in bm.group(1).split() if is_name(t) or m.prefix_roles.match(t) or len(t) < 4]
        found = parse_byline_line(" ".join(kept), m) if len(kept) < len(bm.group(1).split()) else None
    if not found:
        return []
    for b in found:
        if b.role == "unknown":
            b.role = "reporter"
    return found


def trailing_bylines(text: str, m: Markers) -> tuple[str, list[Byline]] | None:
    """Bylines in brackets closing a paragraph: ``…去体验。（靖伟参与采写）`` →
    (``…去体验。``, [靖伟 reporter]).  Only when the brackets hold nothing but
    names and role words, or a dateline and then names (a closer, which may be a
    paragraph of its own: ``（本报加德满都10月13日电  记者孙广勇、暨佩娟）`` → ("", …))."""
    t = text.rstrip()
    if not t.endswith(("）", ")")):
        return None
    start = max(t.rfind("（"), t.rfind("("))
    if start < 0 or len(t) - start > 80 or (start and t[start - 1] not in m.sentence_final + m.closing_marks):
        return None
    inner = t[start + 1:-1]
    dl = m.dateline.match(inner)
    if dl and m.prefix_roles.match(inner[dl.end():].lstrip()):
        # the reporters after a closing dateline (（本报加德满都10月13日电  记者孙广勇、暨佩娟）)
        found = parse_byline_line(inner[dl.end():], m)
    elif start:
        found = parse_byline_line(t[start:], m)
    else:
        return None    # (a paragraph that is one bracket of names is a byline line, see parse_byline_line)
    if not found or all(b.role == "unknown" for b in found):
        return None
    return t[:start].rstrip(), found


def trailing_credit(text: str, m: Markers) -> tuple[str, list[Byline]] | None:
    """A caption that ends with its photographer: ``…之感。 江建华``,
    ``…（新华社记者 熊琦摄）``, ``…。左学长摄（人民视觉）``.  ``(caption, bylines)``."""
    t = _strip_agencies(text, m).rstrip()
    # （… 摄） in brackets at the end
    bm = _CLOSING_BRACKET.search(t)
    if bm:
        inner = bm.group(1)
        inner = _CAPTION_LEAD.sub("", inner) if "，" in inner or "," in inner or "。" in inner else inner
        found = parse_byline_line(inner, m)
        if found and any(b.role == "photographer" for b in found):
            return t[: bm.start()].rstrip(), found
    credited = t.endswith(("摄", "摄影", "摄影报道"))
    if credited:
        # names and 摄 right after the last sentence, with or without a space (…快乐。王铮 杨东辉 摄)
        found = _credit_after_last_sentence(t, m)
        if found:
            return found
    # caption text without final punctuation, a space, then names and 摄: …以上 徐青青 摄
    if credited and not ends_sentence(t, m):
        for mt in re.finditer(r"\s+", t):
            head, tail = t[: mt.start()], t[mt.end():]
            found = parse_byline_line(tail, m) if head else None
            if found and all(b.role == "photographer" for b in found):
                return head, found
    # a credit that names no photographer (…供图, 图据…), alone or after the caption and a space
    if m.picture_credit is not None:
        if m.picture_credit.fullmatch(t):
            return "", []
        for mt in re.finditer(r"\s+", t):
            if m.picture_credit.fullmatch(t[mt.end():]):
                return t[: mt.start()], []
    # bare credit after the last sentence (already tried above for a credit with 摄)
    return None if credited else _credit_after_last_sentence(t, m)


# A photo's number before its credit (…感恩之情。⑧3陈更生 宋洁 摄): no part of a name.
_PHOTO_NUMBER = re.compile(r"[\u2460-\u2473\u2776-\u277f\d]+")


def _credit_after_last_sentence(t: str, m: Markers) -> tuple[str, list[Byline]] | None:
    """The names after a caption's last sentence (…之感。 江建华, …快乐。王铮 杨东辉 摄)."""
    for i in range(len(t) - 1, max(-1, len(t) - 30), -1):
        if t[i] in m.sentence_final or (t[i] in m.closing_marks and i > 0 and t[i - 1] in m.sentence_final):
            tail = t[i + 1 :].strip()
            if not tail:
                return None
            number = _PHOTO_NUMBER.match(tail)
            found = parse_byline_line(tail[number.end():] if number else tail, m)
            # A bare name needs a space before it (…之感。 江建华); 摄 speaks for itself.
            if found and (t[i + 1].isspace() or any(b.role == "photographer" for b in found)):
                for b in found:
                    if b.role == "unknown":
                        b.role = "photographer"
                return t[: i + 1], found
            return None
    return None


PARALLEL_CHARS = (3, 8)
_PUNCT = frozenset("，。、；：！？“”‘’《》（）()·—…,.;:!?")


def parallel_halves(a: str, b: str, m: Markers) -> bool:
    """Two short phrases of one length without punctuation (疾风劲草 / 正气凛然, or
    同贺国庆 / 共享荣光（逐梦70年） before the column tag): the halves of one headline,
    which converters put on two lines where the type leaves a wide space between
    them.  In People's Daily (Oct 2019) 121 untagged and 113 tagged headlines are
    such pairs; a kicker and headline (or headline and subtitle) are alike in 7.  (The
    PDF reader joins a headline's printed lines with a space on the same test.)"""
    tagged = m.headline_cue.search(b)
    if tagged and "tag" in tagged.re.groupindex:
        b = b[:tagged.start("tag")]
    lo, hi = PARALLEL_CHARS
    return (abs(len(a) - len(b)) <= 1 and lo <= len(a) <= hi and lo <= len(b) <= hi
            and not any(c in _PUNCT or c.isspace() for c in a + b))


# A source note is a short line (据新华社, 综合新华社等报道), at most this long.
SOURCE_NOTE_CHARS = 26


def is_source_note(text: str, m: Markers) -> bool:
    """``据新华社``, ``综合新华社等报道``: only where the text came from (``source_note``)."""
    return m.source_note is not None and len(text) <= SOURCE_NOTE_CHARS and m.source_note.fullmatch(text) is not None


def reports_activity(text: str, m: Markers) -> bool:
    """``习近平会见尼泊尔总统班达里``: a name (2–4 characters) opening the line, then
    an activity verb (``activity_verbs``)."""
    if m.activity_verbs is None:
        return False
    for k in (2, 3, 4):
        if len(text) > k and is_name(text[:k]) and m.activity_verbs.match(text, k):
            return True
    return False
