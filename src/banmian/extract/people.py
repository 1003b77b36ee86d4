"""People with their titles, as of the issue date: the rule-based extractor.

``extract_people(edition)`` fills ``edition.people`` with one dict per person
in the JSON contract's ``person`` shape: name, role (official / journalist /
other), titles as written with their organization, and every mention as
character offsets into an article field.  How it decides (docs/people.md):

1. **Title chains before a name.**  A post word (书记, 区长, 总理…; data/titles.yaml)
   directly followed by a name is a title; its chain runs back to the clause
   start and splits on 、 and 兼: 区委副书记、区长、区政协主席曹金海 is one person
   with three titles.  A collective title (区领导) and a title followed by
   bare names (冯斌、王斌、周卫平) give every listed name that title.
   Appointment notices: 任命X为Y, 免去X的Y职务; cadre notices: X，男，…，现任Y (the post held).
2. **Journalists** from bylines (reporter, correspondent, photographer,
   editor) and 记者/通讯员 in the text; never officials.
3. **Titles after a name** (徐惠民书记, 习近平主席).
4. **Other people** on strong evidence only: a name alone between a clause
   start and a verb of speech (”唐康林说), a role noun (村民魏长江, 选手樊振东),
   X同志, a list of names ended by 等 + 参加/陪同…
5. Every occurrence of every name found becomes a mention; each title's
   organization is its body, with 区委/市监委/镇党委 resolved to the jurisdiction
   named in the same chain, else by the edition (``--paper``, or its most
   frequent 港闸区), else by the article.

Names: a surname (data/surnames.txt) and one or two given characters (two or
three after a compound surname), ended before stop characters and follow
words (陶建参加 -> 陶建); after a title of a foreign body a transliterated name
(莫迪, 劳尔·卡斯特罗).  One person per name in an edition.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import Any, Iterator

from ..model import Article, Edition
from ..numerals import COUNT_CHARS
from ..resources import common_words, surname_ranks
try:
    import ahocorasick as _ahocorasick
except ImportError:          # pragma: no cover - a declared dependency; str.find then
    _ahocorasick = None

from .lexicon import HAN, NameCues, TitleLexicon, WordFinder, _alternation, cues, titles

JOURNALIST_BYLINE_ROLES = frozenset({"reporter", "correspondent", "photographer", "editor", "unknown"})
_PERSON_NOUN_END = frozenset("人者员手士生师工民户友范")
# A chain element starting like a complete body is never the tail of the one before
# (河南省劳动模范、中国平煤神马集团…工段长), unlike 马尔代夫通信、科学和技术部国务部长.
_BODY_START = re.compile(rf"(?:中国|中共|中央|全国|国家|国务院|[{HAN}]{{2,4}}?(?:省|市|区|县|自治区|自治州))")
# a title chain's characters; a short quotation belongs to a body's name
# (中央“不忘初心、牢记使命”主题教育领导小组副组长)
# Matched backwards, on the reversed text: linear, where a forward search for a run
# ending at the post retries every start.
_LEFT_RUN_REVERSED = re.compile(rf"(?:[{HAN}A-Za-z、·—]|”[^“”，。；]{{1,20}}“|》[^《》，。；]{{1,20}}《)+")
# Characters before a title chain that open a phrase of its own (see pass_titles).
_PHRASE_START = frozenset(" \u3000，。；：、！？（(“‘《【")
_NOT_PLACE_WORDS = frozenset("市场 市民 市区 市县 市值 市级 市面 区域 区位 区间 区别 区块 区级 县城 县域 县级 "
                             "省级 省份 镇街 乡村 乡镇 乡亲 乡土 乡愁 乡情 乡里".split())
_NOT_IN_PLACE = re.compile("[副正常务委长书记主任代理党组、]")   # 常务副区长 names no place 常务副区
_DOT = re.compile("·")
_CHAIN_SPLIT = re.compile("([、兼])(?![^“”]*”)")   # not inside a quotation
# A list member no surname rule reads: 白玛赤林, 艾力更·依明巴海 (see listed_member).
_LIST_MEMBER = re.compile(f"[{HAN}]{{2,4}}(?![{HAN}·])|[{HAN}]{{1,8}}(?:·[{HAN}]{{1,8}})+(?![{HAN}·])")
_HAN_ONLY = re.compile(rf"[{HAN}]+")
_COUNT_CHARS = frozenset(COUNT_CHARS)
_CACHE_SIZE = 100_000     # entries of a per-string cache before it starts again
_APPOINT_WORDS = ("任命", "免去", "现任")   # what appoint_re, remove_re and incumbent_re hold


def _is_han(ch: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")


@dataclass(slots=True)
class _Field:
    article: Article
    name: str
    index: int | None
    text: str
    order: int


class _Person:
    __slots__ = ("name", "first", "journalist", "titles", "mentions")

    def __init__(self, name: str, first: tuple[int, int]) -> None:
        self.name, self.first, self.journalist = name, first, False
        self.titles: list[list[Any]] = []          # [title, organization]
        # (field order, start) -> (field, start, end): the mention dicts are built once, at the end
        self.mentions: dict[tuple[int, int], tuple[_Field, int, int]] = {}

    def add_title(self, title: str, org: str | None) -> None:
        for t in self.titles:
            if t[0] == title:
                if t[1] is None and org:
                    t[1] = org
                return
        self.titles.append([title, org])


class _Rules:
    """Compiled regexes and name tests built once from the lexicons."""

    def __init__(self, lex: TitleLexicon, cue: NameCues):
        self.lex, self.cue = lex, cue
        self.common_words = common_words()
        self._valid: dict[str, bool] = {}          # valid_name(name), per string
        self._valid_weak: dict[str, bool] = {}     # valid_name(name, weak=True)
        self._title_orgs: dict[tuple, tuple[str | None, bool]] = {}   # title_org, per argument
        self._chains: dict[str, Any] = {}          # chain_elements, per chain text
        self._party_groups_longest_first = sorted(lex.party_groups, key=len, reverse=True)

        alt = _alternation

        t = "".join(sorted(cue.transliteration))
        self.translit_re = re.compile(rf"(?:[A-Z]·)?[{t}]{{1,10}}(?:[·—][{t}]{{1,10}})*")
        # the first characters of a Chinese name (chinese_at) or a transliterated one (translit_at)
        self.name_start = (cue.surnames | {s[0] for s in cue.compound_surnames} | cue.transliteration
                           | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        self.left_re = re.compile(alt(cue.left_words))
        self.role_re = re.compile(alt(cue.role_nouns))
        self.role_finder = WordFinder(cue.role_nouns)
        # one scan for every cue list: posts, after-name titles, role nouns, words after a name,
        # verbs of speech, journalist nouns, appointments (each list's matches are chosen from its
        # occurrences; it also says which fields appoint someone, where a substring test of the
        # page would cost a scan of its own)
        self.cue_lists = {"post": lex.post_finder.words, "after": lex.after_finder.words,
                          "role": frozenset(cue.role_nouns), "after_noun": frozenset(cue.after_nouns),
                          "speech": frozenset(cue.speech_words), "journalist": frozenset(cue.journalist_nouns),
                          "appoint": frozenset(_APPOINT_WORDS)}
        self.cue_finder = WordFinder(frozenset().union(*self.cue_lists.values()))
        self.cue_lists_of = {w: tuple(k for k, words in enumerate(self.cue_lists.values()) if w in words)
                             for w in self.cue_finder.words}
        self.cue_lists_by_index = [self.cue_lists_of[w] for w in self.cue_finder.listed]
        speech = alt(cue.speech_words)
        self.speech_re = re.compile(speech)
        self.conjunction_re = re.compile("[" + "".join(sorted(cue.conjunctions)) + "]")
        self.list_end_re = re.compile(r"等(?=参加|出席|陪同|同志|人|领导|嘉宾|一同|分别|也|一起)")
        self.list_run_re = re.compile(rf"[{HAN}·—、]+$")
        self.dotted_re = re.compile(rf"(?:(?<=[^{HAN}·—])|^)([{t}]{{1,8}}(?:[·][{t}]{{1,8}})+)")
        self.after_noun_re = re.compile(alt(cue.after_nouns))
        self.after_nouns = frozenset(cue.after_nouns)
        self.appoint_re = re.compile(
            rf"任命([{HAN}·—]{{2,12}}?)为([{HAN}A-Za-z、·—]{{2,60}}?)(?=[，。；\s]|$)")   # (a headline's space ends it)
        self.remove_re = re.compile(
            rf"免去([{HAN}·—]{{2,12}}?)(?:（[男女]）)?的([{HAN}A-Za-z、·—]{{2,60}}?)职务")
        # a cadre notice (干部任前公示): 张建华，男，汉族，1978年5月生，…，现任县发改局副局长，拟任…
        # — the post held on the issue date (the one proposed, 拟任, is not held yet)
        self.incumbent_re = re.compile(
            rf"(?:^|(?<=[。；：\s]))([{HAN}·]{{2,6}})，[男女]，[^。；]{{0,80}}?现任([{HAN}A-Za-z、·—]{{2,60}}?)(?=[，。；]|$)")
        self.appointments = tuple(zip(_APPOINT_WORDS, (self.appoint_re, self.remove_re, self.incumbent_re)))
        self.not_given_re = re.compile(alt(cue.not_given_names))
        self.follow2 = cue.follow_words
        levels = "省|市|区|县|州|盟|镇|乡|街道"
        self.place_re = re.compile(
            rf"(?:(?<=[^{HAN}])|^|(?<=[在到于以从至和与及的是省市区县州盟]))([{HAN}]{{2,3}}?)({levels})")
        self.chain_place_re = re.compile(rf"([{HAN}]{{2,4}}?)({levels})")

    # --- names -------------------------------------------------------------

    def surname_len(self, text: str, i: int) -> int:
        if text[i:i + 2] in self.cue.compound_surnames:
            return 2
        return 1 if text[i:i + 1] in self.cue.surnames else 0

    def valid_name(self, name: str, weak: bool = False) -> bool:
        """A whole string as a Chinese name (used where the span is fixed).

        ``weak``: also with a surname that is more often a word (和, 于), when the
        name has two given characters.  Cached per string: pages test the same
        names and the same three characters before the same posts again and again."""
        cache = self._valid_weak if weak else self._valid
        v = cache.get(name)
        if v is None:
            if len(cache) >= _CACHE_SIZE:
                cache.clear()
            v = cache[name] = self._valid_name(name, weak)
        return v

    def _valid_name(self, name: str, weak: bool) -> bool:
        if not 2 <= len(name) <= 4 or not _HAN_ONLY.fullmatch(name):
            return False
        s = self.surname_len(name, 0)
        if not s or not 1 <= len(name) - s <= 2:
            return False
        if s == 1 and name[0] in self.cue.weak_surnames and not (weak and len(name) == 3):
            return False
        given = name[s:]
        if any(c in self.cue.stop_chars for c in given) or "某" in given or (
                self.not_given_re.match(given) and not (len(given) == 2 and given[0] in self.cue.given_start_chars)):
            return False
        if name[:2] in self.cue.not_names or name in self.cue.not_names or name[-2:] in self.cue.org_end_words:
            return False
        return name[-1] not in self.cue.org_end_chars

    def chinese_at(self, text: str, i: int, weak: bool = False) -> int | None:
        """End of a Chinese name starting at ``i``, or None (``weak``: see valid_name)."""
        s = self.surname_len(text, i)
        if not s:
            return None
        g = i + s
        n = len(text)
        if g >= n or not _is_han(text[g]) or text[g] in self.cue.stop_chars:
            return None
        if (self.not_given_re.match(text, g) and not self._given_start_closed(text, g)) \
                or self.lex.post_start_re.match(text, g):
            return None
        if text[i:i + 2] in self.cue.not_names:
            return None
        end = g + 1
        c = text[end:end + 1]
        # 魏凤和出席: a conjunction right before a verb that follows names ends the name
        # (“和” then joins nothing), 冯斌和王斌 stays two names
        conj_last = c in self.cue.conjunctions and (text[end + 1:end + 3] in self.follow2
                                                    or self.speech_start(text, end + 1))
        if (c and _is_han(c) and (c not in self.cue.stop_chars or conj_last)
                and (c not in self.cue.not_final_chars or conj_last or self._closed_final(text, end))
                and text[end:end + 2] not in self.follow2 and not self.lex.post_start_re.match(text, end)
                and not self.not_given_re.match(text, end)):
            end += 1
        name = text[i:end]
        if name in self.cue.not_names or name[-1] in self.cue.org_end_chars or "某" in name \
                or name[-2:] in self.cue.org_end_words:
            return None
        if s == 1 and text[i] in self.cue.weak_surnames and not (weak and len(name) == 3):
            return None
        return end

    def _given_start_closed(self, text: str, g: int) -> bool:
        """家 (a word that is no given name alone: 王家) opening a two-character given name
        that a clear end follows (市总工会主席乔家华出席, 乔家华：), not a place (张家口市)."""
        if text[g] not in self.cue.given_start_chars or g + 2 > len(text) or not _is_han(text[g + 1]) \
                or text[g + 1] in self.cue.stop_chars or text[g + 1] in self.cue.org_end_chars:
            return False
        return self._clear_end(text, g + 2) or text[g + 2:g + 4] in self.follow2

    def _closed_final(self, text: str, k: int) -> bool:
        """Whether ``text[k]`` (a character that rarely ends a name) ends one here: punctuation or
        a stop character right after it (任正非说, 刘洪一：), not more Han text (刘洪一行)."""
        return text[k] in self.cue.closed_final_chars and self._clear_end(text, k + 1)

    def _clear_end(self, text: str, j: int) -> bool:
        """Whether a name may end right before ``j``: the text ends, or what follows is no Han
        character, or a stop character."""
        after = text[j:j + 1]
        return not after or not _is_han(after) or after in self.cue.stop_chars

    def translit_at(self, text: str, i: int, min_len: int = 2) -> int | None:
        m = self.translit_re.match(text, i)
        if not m:
            return None
        end = m.end()
        # a follow word or stop character after the name is not part of it
        for j in range(i + 1, end):
            if text[j] in self.cue.stop_chars or text[j:j + 2] in self.follow2:
                end = j
                break
        while end > i and text[end - 1] in "·—":
            end -= 1
        return end if end - i >= min_len else None

    def structural_at(self, text: str, i: int) -> int | None:
        """Two or three Han characters between a title and a delimiter (庹震，)."""
        j = i
        n = len(text)
        while j < n and j - i < 5 and _is_han(text[j]) and text[j] not in self.cue.stop_chars \
                and text[j:j + 2] not in self.follow2 and not self.speech_start(text, j):
            j += 1
        # two or three characters, or four before a clear end (央金卓嘎说)
        if not 2 <= j - i <= 4 or (j < n and _is_han(text[j]) and text[j] not in self.cue.stop_chars
                                   and text[j:j + 2] not in self.follow2 and not self.speech_start(text, j)):
            return None
        if j - i == 4 and not (j < n and _is_han(text[j])):
            return None          # four characters only before a verb (央金卓嘎说), not before punctuation
        name = text[i:j]
        # no surname to go by: a word is likelier than a name (会长|期稳定 of 社会长期稳定,
        # 总统|阁下, 主席令|颁布): no pair of its characters, nor the title's last
        # character with its first, may be a common word
        common = self.common_words
        if (i and text[i - 1:i + 1] in common) or any(name[k:k + 2] in common for k in range(len(name) - 1)):
            return None
        if (name[0] in self.cue.not_final_chars or name in self.cue.not_names or name[:2] in self.cue.not_names
                or name[-1] in self.cue.org_end_chars or self.lex.post_re.search(name)
                or self.not_given_re.fullmatch(name) or self.not_given_re.match(name, 1) or "某" in name
                or (name[0] in self.cue.weak_surnames and len(name) < 3)
                or name[-1] in self.cue.not_final_chars):
            return None
        return j

    def ends_cleanly(self, text: str, j: int) -> bool:
        """Whether a name may end at ``j``: a delimiter, stop character, follow word or post."""
        c = text[j:j + 1]
        if c == "—" and text[j + 1:j + 2] != "—":
            return False          # 摩洛哥—中国友好交流协会: a hyphenated name goes on
        return (not c or not _is_han(c) or c in self.cue.stop_chars or text[j:j + 2] in self.follow2
                or bool(self.lex.post_start_re.match(text, j)) or bool(self.speech_start(text, j)))

    def speech_start(self, text: str, j: int) -> bool:
        return self.speech_re.match(text, j) is not None

    # --- titles ------------------------------------------------------------

    def title_org(self, element: str, prev_org: str | None, joined_by: str,
                  listed_org: str | None) -> tuple[str | None, bool]:
        """The organization of one chain element before local bodies are resolved, and
        whether it is one to resolve (区委, or 区长's 区政府): cached per argument, as the
        same titles come back page after page."""
        key = (element, prev_org, joined_by, listed_org)
        v = self._title_orgs.get(key)
        if v is None:
            if len(self._title_orgs) >= _CACHE_SIZE:
                self._title_orgs.clear()
            v = self._title_orgs[key] = self._title_org(element, prev_org, joined_by, listed_org)
        return v

    def _title_org(self, element: str, prev_org: str | None, joined_by: str,
                   listed_org: str | None) -> tuple[str | None, bool]:
        lex = self.lex
        m = lex.post_suffix_re.search(element)
        post_word = m.group() if m else ""
        body = element[:m.start()] if m else element
        if post_word in lex.collective:
            return None, False
        post = lex.posts.get(post_word)
        body = lex.modifier_re.sub("", body)
        org: str | None
        if not body:
            if post and post.body:
                if lex.local_re.match(post.body):
                    return post.body, True
                org = post.body
            elif listed_org:
                org = listed_org
            elif prev_org and (joined_by == "兼" or self.base_org(prev_org) != prev_org):
                org = self.base_org(prev_org)
            else:
                org = None
            return org, False
        if post and post.body:
            level = lex.local_bodies.get(post.body)
            if level is None:                      # 印度 + 外交部长 -> 印度外交部
                org = body + post.body
            elif body.endswith(level):             # 桐乡市 + 市长 -> 桐乡市政府
                org = body + post.body[len(level):]
            else:
                org = body
        else:
            org = body
            if post and post.org_suffix and not org.endswith(post.org_suffix):
                org += post.org_suffix
        if (body in lex.sub_bodies or body in lex.party_groups) and prev_org:
            org = self.base_org(prev_org) + org
        return org, bool(lex.local_re.match(org))

    def base_org(self, org: str) -> str:
        """The body a party group belongs to (中国宋庆龄基金会党组 -> 中国宋庆龄基金会)."""
        for sub in self._party_groups_longest_first:
            if org.endswith(sub) and len(org) > len(sub):
                return org[: -len(sub)]
        return org

    def chain_elements(self, chain: str) -> tuple[int, tuple[str, ...], tuple[str, ...]] | None:
        """A title chain's text (区委副书记、区长、区政协主席) split into its elements:
        (offset of the first element kept, elements, the separator before each: "" for
        the first, 、 or 兼), or None when it ends with no post.  Cached per text."""
        v = self._chains.get(chain, self)
        if v is self:
            if len(self._chains) >= _CACHE_SIZE:
                self._chains.clear()
            v = self._chains[chain] = self._chain_elements(chain)
        return v  # type: ignore[return-value]

    def _chain_elements(self, chain: str) -> tuple[int, tuple[str, ...], tuple[str, ...]] | None:
        lex = self.lex
        parts = _CHAIN_SPLIT.split(chain) if "、" in chain or "兼" in chain else [chain]
        elements = [parts[-1]]
        seps = [""]
        keep = len(parts) - 1
        i = len(parts) - 2
        while i >= 1:
            sep, e = parts[i], parts[i - 1]
            if not e:
                break
            if lex.post_suffix_re.search(e):
                elements.insert(0, e)
                seps[0] = sep
                seps.insert(0, "")
            elif (sep == "、" and not lex.post_re.search(e) and e[-1] not in _PERSON_NOUN_END
                  and not _BODY_START.match(elements[0]) and not lex.foreign_re.match(elements[0])):
                elements[0] = e + sep + elements[0]
            else:
                break
            keep = i - 1
            i -= 2
        if not elements[0] or not lex.post_suffix_re.search(elements[-1]):
            return None
        return sum(map(len, parts[:keep])), tuple(elements), tuple(seps)

    # --- places ------------------------------------------------------------

    def places(self, text: str) -> Iterator[tuple[str, str]]:
        for m in self.place_re.finditer(text):
            stem, level = m.group(1), m.group(2)
            if (stem in self.cue.not_place_stems or stem[-1] in "的是和与及在"
                    or stem[0] in "在到于以从至和与及的是全各本该我这那每要"
                    or text[m.end(2) - 1:m.end(2) + 1] in _NOT_PLACE_WORDS):
                continue
            yield stem + level, level


class _Extractor:
    def __init__(self, edition: Edition, rules: _Rules):
        self.ed = edition
        self.r = rules
        self.lex = rules.lex
        self.cue = rules.cue
        self.fields: list[_Field] = []
        for page in edition.pages:
            for art in page.articles:
                for name in ("kicker", "headline", "subtitle"):
                    text = getattr(art, name)
                    if text:
                        self.fields.append(_Field(art, name, None, text, len(self.fields)))
                for i, p in enumerate(art.paragraphs):
                    if p:
                        self.fields.append(_Field(art, "paragraph", i, p, len(self.fields)))
                if art.caption:
                    self.fields.append(_Field(art, "caption", None, art.caption, len(self.fields)))
        # all fields in one text, so that each cue regex scans a page in one call
        # (fields never share a match: no cue word holds a line break)
        self._joined = "\n".join(f.text for f in self.fields)
        self._starts: list[int] = []
        self._reversed: str | None = None
        self._reversed_field: tuple[str | None, str] = (None, "")
        pos = 0
        for f in self.fields:
            self._starts.append(pos)
            pos += len(f.text) + 1
        self.by_article: dict[int, list[_Field]] = {}
        for f in self.fields:
            self.by_article.setdefault(id(f.article), []).append(f)
        self.field_of = {id(f.text): f.article for f in self.fields}
        self._article_text: dict[int, str] = {}
        self.people: dict[str, _Person] = {}
        self.known_by_len: dict[int, set[str]] = {}
        self._known_first: dict[str, list[int]] = {}           # first character -> lengths, longest first
        self._known_last: dict[str, list[int]] = {}            # last character -> lengths, longest first
        self.consumed: dict[int, list[tuple[int, int]]] = {}   # field order -> spans used by titles
        self._article_places: dict[int, Counter] = {}
        self._jurisdiction: dict[str, str] | None = None
        self._aliases: dict[str, str] = {}

    # --- bookkeeping ---------------------------------------------------------

    def hits(self, rx: re.Pattern[str] | WordFinder) -> dict[int, list[tuple[int, int, str]]]:
        """Field order -> the (start, end, text) of ``rx``'s matches in that field,
        as ``rx.finditer(field.text)`` gives them, from one scan of the whole page."""
        if isinstance(rx, WordFinder):
            if self._reversed is None:
                self._reversed = self._joined[::-1]
            found = rx.spans(self._joined, self._reversed)
        else:
            found = [(m.start(), m.end(), m.group()) for m in rx.finditer(self._joined)]
        return self._by_field(found)

    def cue_hits(self) -> dict[str, dict[int, list[tuple[int, int, str]]]]:
        """:meth:`hits` of each cue list of ``_Rules.cue_lists``, from one scan of the page."""
        # by start, the longest first: WordFinder.pick of each list's occurrences, and
        # _by_field of each list's choice, in one walk through them all
        finder = self.r.cue_finder
        words = finder.listed
        lists_of = self.r.cue_lists_by_index      # (the lists of the word of each index)
        occurrences = finder.indexed_occurrences(self._joined)      # (index, start, end)
        if occurrences is None:                   # the regex fallback: (start, end, word)
            index = {w: i for i, w in enumerate(words)}
            occurrences = [(index[w], s, e) for s, e, w in finder.occurrences(self._joined, self._reversed)]
        out: list[dict[int, list[tuple[int, int, str]]]] = [{} for _ in self.r.cue_lists]
        pos = [0] * len(out)
        starts = self._starts
        k, nxt, b = -1, 0, 0
        for i, s, e in occurrences:
            rel = None
            for li in lists_of[i]:
                if s >= pos[li]:
                    pos[li] = e
                    if rel is None:
                        if s >= nxt:
                            k = bisect_right(starts, s) - 1
                            nxt = starts[k + 1] if k + 1 < len(starts) else len(self._joined) + 1
                            b = starts[k]
                        rel = (s - b, e - b, words[i])
                    found = out[li].get(k)
                    if found is None:
                        out[li][k] = [rel]
                    else:
                        found.append(rel)
        return dict(zip(self.r.cue_lists, out))

    def _by_field(self, found: list[tuple[int, int, str]]) -> dict[int, list[tuple[int, int, str]]]:
        out: dict[int, list[tuple[int, int, str]]] = {}
        starts = self._starts
        k, nxt = -1, 0
        for s, e, w in found:
            if s >= nxt:
                k = bisect_right(starts, s) - 1
                nxt = starts[k + 1] if k + 1 < len(starts) else len(self._joined) + 1
            b = starts[k]
            out.setdefault(k, []).append((s - b, e - b, w))
        return out

    def person(self, name: str, first: tuple[int, int]) -> _Person:
        p = self.people.get(name)
        if p is None:
            p = self.people[name] = _Person(name, first)
            n = len(name)
            self.known_by_len.setdefault(n, set()).add(name)
            lens = self._known_first.setdefault(name[:1], [])
            if n not in lens:
                lens.append(n)
                lens.sort(reverse=True)
            lens = self._known_last.setdefault(name[-1:], [])
            if n not in lens:
                lens.append(n)
                lens.sort(reverse=True)
        elif first < p.first:
            p.first = first
        return p

    def mention(self, f: _Field, start: int, end: int, name: str | None = None) -> None:
        """Record a mention of ``name`` (default: the text at the span) at [start, end)."""
        name = name or f.text[start:end]
        key = (f.order, start)
        p = self.people.get(name)
        if p is None or key < p.first:
            p = self.person(name, key)
        if key not in p.mentions:
            p.mentions[key] = (f, start, end)

    def known_at(self, text: str, i: int) -> int | None:
        lens = self._known_first.get(text[i:i + 1])
        if lens:
            known = self.known_by_len
            for n in lens:
                if text[i:i + n] in known[n]:
                    return i + n
        return None

    def known_before(self, text: str, j: int) -> int | None:
        lens = self._known_last.get(text[j - 1:j]) if j > 0 else None
        if lens:
            known = self.known_by_len
            for n in lens:
                if j - n >= 0 and text[j - n:j] in known[n]:
                    return j - n
        return None

    # --- jurisdiction ----------------------------------------------------------

    @property
    def jurisdiction(self) -> dict[str, str]:
        """Level -> place of the edition (区 -> 港闸区), computed when first needed."""
        if self._jurisdiction is None:
            self._jurisdiction = self._edition_jurisdiction()
        return self._jurisdiction

    def _edition_jurisdiction(self) -> dict[str, str]:
        paper = self.ed.paper
        if paper and paper in self.cue.national_papers:
            return {}
        counts: Counter = Counter()
        for f in self.fields:
            counts.update(self.r.places(f.text))
        out: dict[str, str] = {}
        stem = next((paper[:-len(x)] for x in self.cue.paper_suffixes if paper.endswith(x)), paper) if paper else ""
        if stem and len(stem) >= 2:
            for (place, level) in counts:
                if place == stem + level:
                    out.setdefault(level, place)
            if not out:
                # 港闸报 with 区委书记 but no 港闸区 written: the level of its local titles
                used = Counter()
                for f in self.fields:
                    for m in self.lex.local_re.finditer(f.text):
                        used[self.lex.local_bodies[m.group()]] += 1
                for level, _ in used.most_common(1):
                    if level in ("区", "县", "市"):
                        out[level] = stem + level
        for (place, level), n in counts.most_common():
            if n >= 2 and level not in out:
                out[level] = place
        return out

    def article_place(self, art: Article, level: str) -> str | None:
        key = id(art)
        if key not in self._article_places:
            c: Counter = Counter()
            for f in self.by_article.get(key, ()):
                c.update(self.r.places(f.text))
            self._article_places[key] = c
        for (place, lv), n in self._article_places[key].most_common():
            if lv == level and n >= 2:
                return place
        return None

    def resolve_local(self, body: str, chain: str, art: Article) -> str | None:
        """区委 -> 港闸区委: the jurisdiction of the abbreviation's level."""
        m = self.lex.local_re.match(body)
        if not m:
            return body
        level = self.lex.local_bodies[m.group()]
        place = None
        for cm in self.r.chain_place_re.finditer(chain):
            stem = cm.group(1)
            if cm.group(2) == level and stem not in self.cue.not_place_stems and not _NOT_IN_PLACE.search(stem):
                place = stem + level
        place = place or self.jurisdiction.get(level) or self.article_place(art, level)
        return place + body[len(level):] if place else None

    # --- titles ------------------------------------------------------------------

    def parse_title(self, element: str, prev_org: str | None, chain: str, art: Article,
                    joined_by: str = "", listed_org: str | None = None) -> tuple[str, str | None]:
        """(title as written, organization) of one chain element.

        A post written without a body takes the body of the element before when
        that one names a party group of it (…党组书记、常务副主席) or the two are
        joined by 兼; in a list, the body of the title of the name before
        (``listed_org``: 党工委书记张三、副书记李四 -> 党工委).  An abbreviated local body
        (区委) is resolved here, against the chain, the edition and the article; the
        rest is :meth:`_Rules.title_org`."""
        org, local = self.r.title_org(element, prev_org, joined_by, listed_org)
        if local:
            org = self.resolve_local(org, chain, art)  # type: ignore[arg-type]
        return element, org

    def chain_before(self, text: str, lo: int, p: int, q: int) -> tuple[int, tuple[str, ...], tuple[str, ...]] | None:
        """The title chain ending with the post at [p, q): its start, its elements
        and the separator before each element ("" for the first, 、 or 兼)."""
        if self.known_before(text, p) is not None or self._name_ends_at(text, p):
            return None          # 习近平主席: a title after a name (pass_after)
        n = len(text)
        if self._reversed_field[0] is not text:       # reversed once per field, when first needed
            self._reversed_field = (text, text[::-1])
        rev = self._reversed_field[1]
        m = _LEFT_RUN_REVERSED.match(rev, n - p, n - max(lo, p - 80))
        s = n - m.end() if m else p
        seg_start = s
        head = text[s:p]
        k = head.rfind("——")
        if k >= 0:
            seg_start = s + k + 2
        if seg_start > 0 and text[seg_start - 1].isdigit() and text[seg_start:seg_start + 1] in "日月年号时":
            seg_start += 1
        # cut after the last word that starts a title (会见, 据, 的…)
        for lm in self.r.left_re.finditer(text, seg_start, p):
            w = lm.group()
            if w == "由" and text[lm.start() - 1:lm.start()] == "自":
                continue
            if w == "应" and text[lm.end():lm.end() + 1] == "急":
                continue
            if w == "在" and text[lm.start() - 1:lm.start()] in "所现存正实":
                continue
            seg_start = max(seg_start, lm.end())
        for cm in self.r.conjunction_re.finditer(text, seg_start, p):
            if self.lex.foreign_re.match(text, cm.end()):
                seg_start = cm.end()
        first = self._known_first
        if not first.keys().isdisjoint(text[seg_start:p]):     # a known name's first character
            for k in range(seg_start, p):
                if text[k] in first:
                    e = self.known_at(text, k)
                    if e is not None and e <= p:
                        seg_start = max(seg_start, e)
        while seg_start < p and text[seg_start] in "、·—":
            seg_start += 1
        # a lone character before the title is no body (但书记 -> 书记), unless a level (区长)
        if p - seg_start == 1 and text[seg_start] not in "省市区县镇乡村州盟":
            seg_start = p
        found = self.r.chain_elements(text[seg_start:q])
        if found is None:
            return None
        return seg_start + found[0], found[1], found[2]

    def shorter_if_written(self, text: str, i: int, end: int) -> int:
        """欧阳淞轻声询问: drop the last character when the article writes the
        shorter name more often than the longer one."""
        name = text[i:end]
        if len(name) - self.r.surname_len(name, 0) != 2:
            return end
        art = self.field_of.get(id(text))
        body = self.article_text(art) if art is not None else text
        short = body.count(name[:-1])
        if short < 3:
            return end          # the test below needs short > 2 * full >= 2
        full = body.count(name)
        if short - full > full >= 1 and self.r.valid_name(name[:-1]):
            return end - 1
        return end

    def article_text(self, art: Article) -> str:
        key = id(art)
        t = self._article_text.get(key)
        if t is None:
            t = self._article_text[key] = "\n".join(f.text for f in self.by_article.get(key, ()))
        return t

    def _name_ends_at(self, text: str, p: int) -> bool:
        """A three-character name ends at ``p``: the post is written after it
        (宣读习近平主席贺信).  Organizations do not pass: their last character
        (部, 局, 会…) is no name's."""
        return (p >= 3 and self.r.valid_name(text[p - 3:p])
                and not self.lex.foreign_end_re.search(text, max(0, p - 12), p))   # 乌克兰总统

    def name_after(self, text: str, q: int, foreign: bool, bodyless: bool = False) -> int | None:
        """End of the name written right after a title ending at ``q``.

        ``bodyless``: the title is a bare post (总理, 书记), weaker evidence: no
        name without a surname unless it reads as a transliteration."""
        end = self.known_at(text, q)
        if end and self.r.ends_cleanly(text, end):
            return end
        t = self.r.translit_at(text, q)
        if t and ("·" in text[q:t] or "—" in text[q:t]):
            return t
        if foreign and t:
            return t
        # 卡拉副总统和印尼…: 和 right after a title joins, it is no surname
        c = self.r.chinese_at(text, q, weak=not bodyless and text[q:q + 1] not in self.cue.conjunctions)
        if c is not None:
            c = self.shorter_if_written(text, q, c)
            if t and t > c and not self.r.ends_cleanly(text, c) and self.r.ends_cleanly(text, t):
                c = t     # 负责人贾吉埃尔表示: a transliteration, longer than any Chinese name
        if c is None and not bodyless:
            c = self.r.structural_at(text, q)
        if c:
            # 下城区长|庆派出所: a name is not followed by an organization's last character
            if text[c:c + 1] in self.cue.org_end_chars and text[c:c + 2] not in self.r.follow2 \
                    and not self.lex.post_start_re.match(text, c):
                return None
            return c
        if bodyless:
            return t if t and self.r.ends_cleanly(text, t) else None
        return self.r.translit_at(text, q, min_len=3)

    def bare_name_after(self, text: str, i: int, foreign: bool) -> int | None:
        """A name standing alone in a list item (冯斌、|王斌|、周卫平)."""
        end = self.known_at(text, i)
        if end is None:
            t = self.r.translit_at(text, i)
            if t and ("·" in text[i:t] or "—" in text[i:t] or foreign):
                end = t
            else:
                end = self.r.chinese_at(text, i, weak=True)
        if end is None or self.lex.post_re.search(text, i, end):
            return self.listed_member(text, i)
        return end if self.r.ends_cleanly(text, end) else self.listed_member(text, i)

    def listed_member(self, text: str, i: int) -> int | None:
        """A member of a list of titled names that no surname rule reads, set off by 、
        on both sides (…、白玛赤林、…, …、艾力更·依明巴海、…): two to four Han characters,
        or Han runs joined by ·, with no post, organization ending or stop character."""
        m = _LIST_MEMBER.match(text, i)
        if not m or text[m.end():m.end() + 1] != "、":
            return None
        name = m.group()
        if self.lex.post_re.search(name) or name in self.cue.not_names or name[-1] in self.cue.org_end_chars \
                or any(c in self.cue.stop_chars for c in name) or name[-2:] in self.cue.org_end_words:
            return None
        return m.end()

    def add_titled(self, f: _Field, start: int, end: int, chain: list[str], chain_text: str,
                   seps: list[str] | None = None, inherited: str | None = None) -> str | None:
        """Record the person at [start, end) with the chain's titles; return the last
        organization (``inherited``: the body a first bare post takes, from the title
        of the name before in a list)."""
        name = f.text[start:end]
        if name in self.cue.not_names:
            return None
        self.mention(f, start, end)
        p = self.people[name]
        prev_org = None
        for k, e in enumerate(chain):
            title, org = self.parse_title(e, prev_org, chain_text, f.article, seps[k] if seps else "",
                                          inherited if k == 0 else None)
            p.add_title(title, org)
            prev_org = org or prev_org
        return prev_org

    def pass_titles(self, f: _Field, posts: list[tuple[int, int, str]]) -> None:
        text = f.text
        last = 0
        spans = self.consumed.setdefault(f.order, [])
        for word, rx in self.r.appointments:
            if word not in text:
                continue          # cheap test first: most paragraphs appoint nobody
            for m in rx.finditer(text):
                name, title = m.group(1), m.group(2)
                if not (self.r.valid_name(name) or self.r.translit_re.fullmatch(name)):
                    continue
                elements = [e for e in title.split("、") if e]
                if not elements or not all(self.lex.post_suffix_re.search(e) for e in elements):
                    continue
                self.add_titled(f, m.start(1), m.end(1), elements, title)
                spans.append((m.start(), m.end()))
        prev_chain: tuple[str, str | None] | None = None
        name_start, stop_chars, follow2 = self.r.name_start, self.cue.stop_chars, self.r.follow2
        for p, q, _ in posts:
            if p < last or (spans and any(a <= p < b for a, b in spans)):
                continue
            # cheap test first: a name after the post starts with a Han character, a
            # capital (A·…) or a known name's first character
            qs = q + 1 if text[q:q + 1] == " " and _is_han(text[q + 1:q + 2]) else q   # 总理 李克强
            c = text[qs:qs + 1]
            if not c or not (_is_han(c) or "A" <= c <= "Z" or c in self._known_first):
                continue
            # no name can start at a stop character, follow word or verb of speech (书记在,
            # 主任说) unless it is a surname's, a transliteration's or a known name's: name_after
            # would find none whatever the chain
            if c not in name_start and c not in self._known_first and (
                    c in stop_chars or text[qs:qs + 2] in follow2 or self.r.speech_start(text, qs)):
                continue
            chain = self.chain_before(text, last, p, q)
            if not chain:
                continue
            cstart, elements, seps = chain
            if qs > q and cstart > 0 and text[cstart - 1] not in _PHRASE_START:
                # 任命李纪恒为民政部部长 习近平签署…: a title set apart by a space names
                # the next name only when it opens its own phrase (国务院总理 李克强)
                continue
            chain_text = text[cstart:q]
            # 区人大常委会主任王立新、副主任赵小红: a title right after the last name's 、
            # reads its places and body from that name's titles
            follows = cstart == last + 1 and text[last:last + 1] == "、" and prev_chain is not None
            context = (prev_chain[0] + "、" + chain_text) if follows else chain_text
            inherited = prev_chain[1] if follows else None
            foreign = bool(self.lex.foreign_re.match(chain_text))
            bodyless = len(elements) == 1 and self.lex.post_suffix_re.fullmatch(elements[0]) is not None
            end = self.name_after(text, qs, foreign, bodyless)
            if end is None or (cstart > 0 and text[cstart - 1] == "“" and text[end:end + 1] == "”"):
                continue  # (“部长通道”: a quoted term, no post and name)
            org = self.add_titled(f, qs, end, elements, context, seps, inherited)
            prev_chain = (chain_text, org)
            spans.append((p, q))
            last = end
            # shared by a list of bare names: 区领导冯斌、王斌、周卫平
            while text[last:last + 1] == "、":
                e2 = self.bare_name_after(text, last + 1, foreign)
                if e2 is None:
                    break
                self.add_titled(f, last + 1, e2, elements, context, seps, inherited)
                last = e2

    # --- journalists ------------------------------------------------------------

    def pass_journalists(self, nouns: dict[int, list[tuple[int, int, str]]]) -> None:
        """``nouns``: the journalist nouns (记者, 通讯员…) found per field by :meth:`cue_hits`;
        a name follows them, or one space and a name."""
        for page in self.ed.pages:
            for art in page.articles:
                fs = self.by_article.get(id(art))
                first = fs[0].order if fs else len(self.fields)
                for k, b in enumerate(art.bylines):
                    if not b.name:
                        continue
                    p = self.person(b.name, (first, -100 + k))   # an author: other, or official with a title
                    if b.role in JOURNALIST_BYLINE_ROLES:
                        p.journalist = True
        for order, found in nouns.items():
            f = self.fields[order]
            text = f.text
            for _, i, _ in found:
                if text[i:i + 1] == " ":
                    i += 1
                first = True
                while True:
                    t = self.r.translit_at(text, i)     # 记者穆罕默德·萨阿德·德亚布
                    end = self.known_at(text, i) or (t if t and "·" in text[i:t] else None) \
                        or self.r.chinese_at(text, i, weak=True)
                    if end is None and not first:      # （记者李锋、暨佩娟）
                        end = self.r.structural_at(text, i)
                    if end is not None and not self.r.ends_cleanly(text, end) and (
                            text[i:i + 2] in self.r.common_words
                            or (text[i] in self.cue.weak_surnames and text[i + 1:end] in self.r.common_words)):
                        end = None   # 本报记者曾经探访, 中外记者和直播技术人员: words run on, no name
                    if end is None:
                        break
                    first = False
                    self.mention(f, i, end)
                    self.people[text[i:end]].journalist = True
                    if text[end:end + 1] != "、":
                        break
                    i = end + 1

    # --- titles after a name --------------------------------------------------

    def name_before(self, text: str, j: int) -> int | None:
        """Start of a name ending at ``j`` (before 书记 in 徐惠民书记), or None."""
        s = self.known_before(text, j)
        if s is not None:
            return s
        for n in (3, 2, 4):
            s = j - n
            if s < 0 or not self.r.valid_name(text[s:j], weak=True):
                continue
            if self._no_name_before(text, s, j):
                continue
            # 乌克兰总统: a country, not a name (tested last: most candidates fail before)
            return None if self.lex.foreign_end_re.search(text, max(0, j - 12), j) else s
        return None

    def _no_name_before(self, text: str, s: int, j: int) -> bool:
        """Whether text[s:j], a valid name by its characters, is none before the post at ``j``
        for what stands around it (the regex test last: it is the dearest)."""
        cue, r, n = self.cue, self.r, j - s
        left = text[s - 1:s]
        if n == 2:
            # 请刘鹤副总理, 致李强总理: a verb before the name may stand there; another character not
            if left and _is_han(left) and left not in cue.stop_chars and left not in cue.name_left_chars:
                return True
        elif n == 3:
            c, rest = text[s], text[s + 1:j]
            if (left + c in r.follow2                                        # 出席|佐科总统
                    or (c in cue.conjunctions and r.valid_name(rest))        # 同…和|莫迪总理
                    or (c in cue.weak_surnames and rest in r.common_words)   # 23国|国防部长
                    or (left in _COUNT_CHARS and c in "位名个")             # 一位|白发老人: a count
                    # 孩子母亲李女士: an unnamed 李女士 after a word
                    or (text[s:s + 2] in r.common_words and text[s + 2] in cue.surnames
                        and text[j:j + 2] in r.after_nouns)):
                return True
        if text[s + 1:s + 2] == "驻" or text[s + 1:s + 3] in cue.post_body_words:
            return True       # 驻华大使, 涉华事务: the post's body, no given name
        # 越南国防部长, 菲律宾财政部长, 朝鲜驻华大使: a country ends inside it
        return any(self.lex.foreign_end_re.search(text, max(0, k - 12), k) for k in range(s + 1, j))

    def pass_after(self, f: _Field, found: list[tuple[int, int, str]]) -> None:
        text = f.text
        spans = self.consumed.get(f.order, [])
        for p, q, word in found:
            if spans and any(a <= p < b for a, b in spans):
                continue
            s = self.name_before(text, p)
            if s is None or (spans and any(a <= s < b for a, b in spans)):
                continue
            name = text[s:p]
            self.mention(f, s, p)
            self.people[name].add_title(word, None)

    # --- other people ----------------------------------------------------------------

    def pass_other(self, f: _Field, speech: list, roles: list, after: list, listed: list, dotted: bool) -> None:
        """The cue words' matches in the field (start, end, word) come from :meth:`hits`."""
        text = f.text
        aliases = self._aliases
        for j, _, _ in speech:
            for n in (2, 3, 4):            # a name alone between a clause start and the verb
                s = j - n
                if s < 0:
                    break
                c = text[s - 1] if s else ""
                if not s or not ("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or c.isdigit()):
                    name = text[s:j]
                    if name not in self.people and name not in aliases and self.r.valid_name(name):
                        self.mention(f, s, j)
                    break
        name_start = self.r.name_start
        for _, i, _ in roles:
            while True:
                c = text[i:i + 1]
                if c not in name_start and c not in self._known_first:
                    break          # no name starts here: no surname, transliteration or known name
                known = self.known_at(text, i)
                end = known or self.r.chinese_at(text, i)
                if end is not None and not known:
                    common = self.r.common_words
                    if end - i == 2 and text[i:end] in common:
                        break      # 打消农民|顾虑, 遭学生|包围: a word, no name
                    if end - i == 3 and text[end - 1:end + 1] in common:
                        # 学生李健掏|出手机, 村民陈阳背|上行囊: the last character starts a word and
                        # the name is the two before it, when the page names that person or the
                        # surname is a common one; else no name (修通公|路, 农户重|视)
                        short = text[i:end - 1]
                        if short not in self.people and (short in common or _SURNAME_RANK.get(short[0], 999)
                                                         >= COMMON_SURNAMES):
                            break
                        end -= 1
                if end is None:
                    t = self.r.translit_at(text, i, min_len=3)
                    end = t if t and self.r.ends_cleanly(text, t) else None
                if end is None:
                    break
                self.mention(f, i, end)
                if text[end:end + 1] != "、":
                    break
                i = end + 1
        spans = self.consumed.get(f.order, [])
        for a0, a1, _ in after:
            if text[a1:a1 + 1] in self.cue.org_end_chars:
                continue          # 欧美同学会, 院士站
            s = self.name_before(text, a0)
            if s is not None and not (spans and any(a <= s < b for a, b in spans)):
                self.mention(f, s, a0)
        for at, _, _ in listed:
            # 丁薛祥、杨洁篪、王毅、何立峰等参加…: a list of names alone in its clause
            run = self.r.list_run_re.search(text, max(0, at - 80), at)
            if not run or "、" not in run.group() or (run.start() > 0 and text[run.start() - 1].isdigit()):
                continue
            items = run.group().split("、")
            if all(2 <= len(x) <= 12 and (x in self.people or self.r.valid_name(x)) for x in items):
                pos = run.start()
                for x in items:
                    self.mention(f, pos, pos + len(x))
                    pos += len(x) + 1
        if dotted:
            # every match holds a · at most 8 characters after its start (the regex's
            # look-behind still sees the text before the search's start)
            for m in self.r.dotted_re.finditer(text, max(0, text.find("·") - 8)):
                end = self.r.translit_at(text, m.start(1))
                if end and "·" in text[m.start(1):end] and self.r.ends_cleanly(text, end):
                    self.mention(f, m.start(1), end)

    # --- every mention -------------------------------------------------------------

    def pass_mentions(self) -> None:
        """Every occurrence of every name, and of the last part of a foreign name
        (卡斯特罗 for 劳尔·卡斯特罗) when no one else is called so."""
        forms = {n: n for n in self.people}
        for n in list(self.people):
            tail = n.rsplit("·", 1)[-1]
            if "·" in n and len(tail) >= 2 and tail not in forms:
                forms[tail] = n
        if not forms:
            return
        # every occurrence of every form, then leftmost, longest, no overlaps
        chosen = WordFinder.pick(_occurrences(forms, self._joined))   # already by start, longest first
        people = self.people
        for order, found in self._by_field(chosen).items():
            f = self.fields[order]
            text = f.text
            for s, e, form in found:
                if (order, s) in people[forms[form]].mentions:
                    continue          # found by a pass already (mention() would change nothing)
                if len(form) == 2:
                    left = text[s - 1:s]
                    left_ok = (not left or not _is_han(left) or left in self.cue.stop_chars
                               or bool(self.lex.post_suffix_re.search(text, max(0, s - 8), s)))
                    if not (left_ok or self.r.ends_cleanly(text, e)):
                        continue
                self.mention(f, s, e, forms[form])

    # --- output --------------------------------------------------------------------

    def run(self) -> list[dict[str, Any]]:
        cues = self.cue_hits()
        posts = cues["post"]
        for k in sorted(set(posts).union(cues["appoint"])):     # other fields have no title
            self.pass_titles(self.fields[k], posts.get(k, []))
        self.pass_journalists(cues["journalist"])
        for order, found in cues["after"].items():
            self.pass_after(self.fields[order], found)
        self._aliases = {n.rsplit("·", 1)[-1]: n for n in self.people if "·" in n}
        speech, roles, after, listed = (cues["speech"], cues["role"], cues["after_noun"],
                                        self.hits(self.r.list_end_re))
        dotted = self.hits(_DOT) if "·" in self._joined else {}
        for k in sorted(set(speech) | set(roles) | set(after) | set(listed) | set(dotted)):
            self.pass_other(self.fields[k], speech.get(k, []), roles.get(k, []), after.get(k, []),
                            listed.get(k, []), k in dotted)
        self.pass_mentions()
        out = []
        for p in sorted(self.people.values(), key=_FIRST):
            titles_ = [] if p.journalist else _dedupe_titles(p.titles)
            role = "journalist" if p.journalist else ("official" if titles_ else "other")
            pid = person_id(p.name, titles_[0][0] if titles_ else role)
            mentions = []
            pm = p.mentions
            for k in (sorted(pm) if len(pm) > 1 else pm):
                f, s, e = pm[k]
                # as Mention(...).to_dict() gives it
                mention = {"article": f.article.id, "field": f.name, "start": s, "end": e, "text": f.text[s:e]}
                if f.index is not None:
                    mention["index"] = f.index
                mentions.append(mention)
            out.append({"id": pid, "name": p.name, "role": role,
                        "titles": [{"title": t, "organization": o} for t, o in titles_],
                        "mentions": mentions})
        return out


def _occurrences(forms, text: str) -> list[tuple[int, int, str]]:
    """(start, end, form) of every occurrence of every form in ``text``, overlapping ones
    too, by start, the longest first.

    One Aho-Corasick scan (pyahocorasick) for a page's names: half the time of a
    ``str.find`` pass per name; a regex of the names would cost more to compile
    than to run.  Without pyahocorasick, ``str.find``."""
    forms = [f for f in forms if f]
    if not forms:
        return []
    if _ahocorasick is not None:
        auto = _ahocorasick.Automaton()
        for form in forms:
            auto.add_word(form, form)
        auto.make_automaton()
        # by end, first first: reversed and sorted stably by start, the longest comes first
        out = [(e + 1 - len(form), e + 1, form) for e, form in auto.iter(text)]
        out.reverse()
        out.sort(key=itemgetter(0))
        return out
    out = []
    for form in forms:
        i = text.find(form)
        while i >= 0:
            out.append((i, i + len(form), form))
            i = text.find(form, i + 1)
    out.sort(key=lambda x: (x[0], -x[1]))
    return out


_FIRST = attrgetter("first")
COMMON_SURNAMES = 100          # the most frequent surnames of data/surnames.txt
_SURNAME_RANK = surname_ranks()


@lru_cache(maxsize=65536)      # the same people come back page after page
def person_id(name: str, first_title_or_role: str) -> str:
    """A person's id within an edition: BLAKE2b of the name and the first title (else the role)."""
    return "p" + hashlib.blake2b(f"{name}|{first_title_or_role}".encode("utf-8"), digest_size=8).hexdigest()


def _dedupe_titles(titles_: list[list[Any]]) -> list[tuple[str, str | None]]:
    """Drop a title written as the tail of another (书记 of 市委书记)."""
    names = [t[0] for t in titles_]
    return [(t, o) for t, o in titles_
            if not any(other != t and other.endswith(t) for other in names)]


_RULES: _Rules | None = None


def _rules() -> _Rules:
    global _RULES
    if _RULES is None:
        _RULES = _Rules(titles(), cues())
    return _RULES


def extract_people(edition: Edition) -> None:
    """Fill ``edition.people`` (see the module docstring)."""
    edition.people = _Extractor(edition, _rules()).run()
