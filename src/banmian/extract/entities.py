"""Organizations and places: ``edition.organizations`` and ``edition.places``.

Reads the articles, ``edition.people`` (the organizations of their titles) and
the issue date; assigns one entity per organization or place in the JSON
contract's ``entity`` shape (id, name = the fullest form seen, kind, aliases,
mentions at character offsets), places resolved against the gazetteer of
administrative divisions also carry ``code``, ``level`` and ``parents``.

Rules, cheap by design (docs/entities.md; word lists in data/entities.yaml):

1. **Suffixes.**  One regex finds the words names end with (有限公司, 集团,
   局, 委员会, 医院, 大学…; 街道, 镇, 区, 县, 市, 省; 路, 河, 公园, 市场,
   产业园区…).  A division's name is the longest gazetteer name ending there
   (位于秦灶街道的 → 秦灶街道); any other name runs back from the suffix to a
   delimiter, a function character (在, 的, 和…) or a stop word (位于, 前往…),
   and is dropped when it is a word (干部, 思路, 市场) or only a description
   (现代农贸市场, 一批企业).
2. **Lists.**  ``考察了A、B、C和D等企业``: every member is an entity, of the
   kind its own suffix says, else of the list's head noun (企业 → company).
3. **Local bodies.**  区委, 区政府, 区住建局 are resolved to the jurisdiction
   of their level (港闸区委) when the titles of ``edition.people`` name it; the
   organizations of those titles become organizations too.
4. **Short forms.**  Provinces and prefecture-level cities by their stem (上海,
   南通); a county or district by its stem (港闸) when the edition names it in
   full or the paper is named after it (港闸报); a company by its name core
   without place prefix and legal suffix (江苏|赋助智能|科技有限公司 → 赋助智能).
5. Canonical name: a division's official full name (上海 → 上海市), else the
   longest form seen; shorter forms are aliases.

Per field, candidates never overlap: lists first, then suffix names, then short forms.

What a name alone decides (not the page it is on) is computed once per name and issue
year and kept across pages (the ``_TITLE_ORGS``, ``_VERDICTS``… caches below).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from ..model import Article, Edition
from ..numerals import COUNT_CHARS
from ..resources import common_nouns, data_path, load_word_list, load_yaml, require
from .gazetteer import Division, Gazetteer, gazetteer, stem
from .lexicon import HAN, WordGroups, _alternation, _automaton, _find, titles, word_list

ENTITIES_FILE = "entities.yaml"
LEFT_WORDS_FILE = "entity_left_words.txt"   # generated: scripts/build_entity_left_words.py
ORG_KINDS = ("company", "government", "party", "congress", "cppcc", "court", "procuratorate", "school", "hospital",
             "research", "association", "media", "army", "organization")
PLACE_KINDS = ("country", "continent", "region", "province", "city", "prefecture", "district", "county", "street",
               "town", "township", "village", "community", "river", "lake", "mountain", "road", "park", "square",
               "market", "industrial_park", "scenic_area", "port", "bridge", "building", "place")
ADMIN_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "街道", "省", "市", "区", "县",
                  "盟", "州", "镇", "乡")          # not 旗: 国旗, 红旗 far outnumber the banners
_DELIMITERS = frozenset("，。、；：！？“”‘’（）()《》〈〉【】,.;:!?\"' \n\t")
LEGAL_SUFFIX = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|股份公司|公司)$")
LEVEL_CHARS = "省市区县镇乡"
_WORD = re.compile(rf"[{HAN}A-Za-z·（）]+")
_NAME_CHAR = re.compile(rf"[{HAN}A-Za-z0-9·]")
_LIST_SEP = re.compile(r"[、，,]")
_LAST_SEP = re.compile(r"(?<=.{2})(?:和|及|与|以及)(?=.{2})")
_MAX_ORG, _MAX_PLACE = 16, 6
# 31个村, 3所学校; a stem that is only a count (前两|局, 一|支队) or the rest of 各级 (级|党委)
_COUNTED = re.compile(rf"[0-9０-９]|^[{COUNT_CHARS}]+[个所家间名位座条处批项种]"
                      rf"|^[前后头末]?[{COUNT_CHARS}]{{1,2}}$|^级")
_TOWN_KIND = {"镇": "town", "乡": "township", "街道": "street"}
_PLACE_BOUND = frozenset({"政府", "人民政府"})
_LEVEL_ORDER = {"province": 0, "city": 1, "county": 2, "town": 3}
_AT = frozenset("在到于")
_LEVEL_OR_VILLAGE = frozenset(LEVEL_CHARS + "村")
_PAPER_SUFFIX = re.compile(r"(?:日报|晚报|早报|商报|报)$")
_STOP_UNLESS = {"经": "济营贸销"}     # 经 (through) ends a name, 经济 does not


# --- the word lists -------------------------------------------------------------

@dataclass(slots=True)
class EntityRules:
    suffix_kind: dict[str, tuple[str, str]]          # suffix word -> ("org" | "place" | "admin", kind)
    suffix_rev: WordGroups                            # the suffix words (and skip words) reversed
    skip: frozenset[str]                              # words ending in a suffix that are no names (干部, 道路)
    suffix_words: dict[str, tuple[str | None, bool]]  # reversed word -> (word or None for a skip word, kept
                                                      # right after a delimiter: a level word such as 区委)
    company_tails: tuple[str, ...]
    legal_forms: frozenset[str]         # 有限公司…: a name ending so has a core of its own
    not_in_company_names: frozenset[str]  # 的, 是…: never crossed to make that core
    generic: frozenset[str]
    generic_re: re.Pattern[str]
    generic2_re: re.Pattern[str]                       # the generic words of two characters or more
    left_stops: frozenset[str]
    left_stop_words: frozenset[str]
    left_stop_ends: frozenset[str]                   # the last characters of the left stop words
    not_names: frozenset[str]
    list_re: re.Pattern[str] | None
    list_heads: dict[str, str]
    not_place_stems: frozenset[str]
    not_before: frozenset[str]
    countries: dict[str, str]                        # name -> kind (country, continent, region)
    known_orgs: dict[str, str] = field(default_factory=dict)   # national bodies: name -> kind (教育部, 中科院)
    go_to: frozenset[str] = frozenset()              # 来到, 深入…: verbs of going somewhere
    org_heads: frozenset[str] = frozenset()          # 国家, 中国…: words an organization's name opens with
    # a county of one character and 县 read as word pieces (see _glued_short)
    county_next: frozenset[str] = frozenset()        # 县 starts a word with it: 县长, 县域
    county_conjunctions: frozenset[str] = frozenset()    # 和 between two nouns: 项目|和|县物流园
    county_verb_ends: dict[str, frozenset[str]] = field(default_factory=dict)   # 任 -> 担出聘…: 聘任|县
    # tables derived from the above when first needed (see _left_special, _suffix_info)
    derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


def _word_list(data: dict[str, Any], key: str, path: Path, where: str | None = None) -> list[str]:
    return word_list(data, key, path, _WORD, label=where)


def _kinds(data: dict[str, Any], key: str, path: Path, allowed: tuple[str, ...]) -> dict[str, str]:
    """word -> kind from a mapping kind -> [words]."""
    out: dict[str, str] = {}
    for kind, _ in require(data, key, path, dict).items():
        if kind not in allowed:
            raise DataFileError(f"{key}: unknown kind {kind!r} (one of {', '.join(allowed)})", source=str(path))
        for w in _word_list(data[key], kind, path, where=f"{key}.{kind}"):
            out.setdefault(w, kind)
    return out


def load_rules(path: str | Path) -> EntityRules:
    path = Path(path)
    d = load_yaml(path)
    suffix_kind: dict[str, tuple[str, str]] = {}
    for w, k in _kinds(d, "place_suffixes", path, PLACE_KINDS).items():
        suffix_kind[w] = ("place", k)
    for w, k in _kinds(d, "org_suffixes", path, ORG_KINDS).items():
        suffix_kind[w] = ("org", k)
    for w in ADMIN_SUFFIXES:
        suffix_kind.setdefault(w, ("admin", ""))
    generic = _word_list(d, "generic_words", path)
    # the curated list, and the words seen before names but never inside one
    # (scripts/build_entity_left_words.py): 确保|党中央, 审议|最高人民检察院, 家住|新华社区
    stop_words = [*_word_list(d, "left_stop_words", path),
                  *load_word_list(data_path(LEFT_WORDS_FILE))]
    not_names = _word_list(d, "not_names", path)
    skip = [w for w in not_names if w not in suffix_kind and any(w[-k:] in suffix_kind for k in range(1, len(w)))]
    openers = _word_list(d, "list_openers", path)
    heads = _kinds(d, "list_heads", path, ORG_KINDS + PLACE_KINDS)
    list_re = re.compile(rf"(?:{_alternation(openers)})(?P<list>[^，。；：！？“”（）()]{{4,120}}?)等(?:[0-9一二三四五六七八九十百几多]+[家个所座])?(?P<head>{_alternation(heads)})") \
        if openers and heads else None
    return EntityRules(
        suffix_kind=suffix_kind,
        suffix_rev=WordGroups([[w[::-1] for w in list(suffix_kind) + skip]]),
        skip=frozenset(skip),
        suffix_words={**{w[::-1]: (w, len(w) > 1 and w[0] in LEVEL_CHARS) for w in suffix_kind},
                      **{w[::-1]: (None, False) for w in skip}},
        company_tails=tuple(sorted(_word_list(d, "company_tail_words", path), key=len, reverse=True)),
        legal_forms=frozenset(_word_list(d, "legal_forms", path)),
        not_in_company_names=frozenset(_word_list(d, "not_in_company_names", path)),
        generic=frozenset(generic),
        generic_re=re.compile(rf"(?:{_alternation(generic)})+"),
        generic2_re=re.compile(_alternation([w for w in generic if len(w) >= 2])),
        left_stops=frozenset(_word_list(d, "left_stops", path)),
        left_stop_words=frozenset(stop_words),
        left_stop_ends=frozenset(w[-1] for w in stop_words),
        not_names=frozenset(not_names),
        list_re=list_re,
        list_heads=heads,
        not_place_stems=frozenset(_word_list(d, "not_place_stems", path)),
        not_before=frozenset(_word_list(d, "not_before", path)),
        countries=_kinds(d, "foreign_places", path, ("country", "continent", "region", "city")),
        known_orgs=_kinds(d, "known_organizations", path, ORG_KINDS) if "known_organizations" in d else {},
        go_to=frozenset(_word_list(d, "go_to_words", path)),
        org_heads=frozenset(_word_list(d, "org_heads", path)),
        **_short_county(d, path),
    )


def _short_county(d: dict[str, Any], path: Path) -> dict[str, Any]:
    """``short_county``: characters as strings (长域委…), ``verb_ends`` a mapping char -> chars."""
    sc = require(d, "short_county", path, dict)
    verbs = require(sc, "verb_ends", path, dict)
    for k, v in verbs.items():
        if not (isinstance(k, str) and len(k) == 1 and isinstance(v, str)):
            raise DataFileError(f"short_county.verb_ends: {k!r}: {v!r} is no character: characters", source=str(path))
    return {"county_next": frozenset(require(sc, "next_chars", path, str)),
            "county_conjunctions": frozenset(require(sc, "conjunctions", path, str)),
            "county_verb_ends": {k: frozenset(v) for k, v in verbs.items()}}


@lru_cache(maxsize=1)
def rules() -> EntityRules:
    return load_rules(data_path(ENTITIES_FILE))


@dataclass(slots=True)
class _Stems:
    names: WordGroups                     # seven groups of names, by first character
    divisions: dict[str, list[Division]]


@lru_cache(maxsize=1)
def _province_city_stems() -> _Stems:
    """Short forms of provinces and prefecture-level cities (上海, 南通), each with
    its divisions; a regex over them and their full names."""
    g = gazetteer()
    r = rules()
    table: dict[str, list[Division]] = {}
    for s, ds in g.stems(("province", "city")).items():
        if s not in r.not_place_stems and len(s) >= 2:
            table[s] = ds
    names = list(table) + list(r.countries) + list(r.known_orgs)
    # seven groups of about fifty first characters each, as when each group was a regex (the
    # engine tries a position's alternatives one by one, so seven small scans cost half of one
    # big one): a group's matches never overlap, two groups' may, and the entities found keep that
    firsts = sorted({n[0] for n in names})
    groups = [set(firsts[i::7]) for i in range(7)]
    return _Stems(WordGroups([[n for n in names if n[0] in g] for g in groups if g]), table)


# --- candidates ---------------------------------------------------------------------

# A candidate, as a plain tuple (the stage makes some forty a page): (start, end, bucket
# "org" | "place", kind, the canonical name it stands for, priority (lower wins an overlap),
# division or None).
_Cand = tuple


class _Entity:
    __slots__ = ("bucket", "name", "kind", "forms", "mentions", "division", "order")

    def __init__(self, bucket: str, name: str, kind: str | None, division: Division | None = None,
                 order: tuple[int, int] = (0, 0)) -> None:
        self.bucket, self.name, self.kind = bucket, name, kind
        self.forms: dict[str, None] = {}
        # (field << 32) + start -> mention: sorted, the keys give the mentions in text order
        self.mentions: dict[int, dict[str, Any]] = {}
        self.division, self.order = division, order


class _Extractor:
    def __init__(self, edition: Edition, r: EntityRules, g: Gazetteer) -> None:
        self.ed, self.r, self.g = edition, r, g
        # data years run to 2024: a later page reads the latest divisions
        self.year = min(edition.date.year, g.last_year) if edition.date else None
        self.entities: dict[tuple[str, str], _Entity] = {}
        self.fields: list[tuple[Article, str, int | None, str]] = []
        for page in edition.pages:
            for art in page.articles:
                # paragraphs only: every mention is paragraphs[index][start:end] (titles and
                # captions repeat what the body names)
                for i, p in enumerate(art.paragraphs):
                    if p:
                        self.fields.append((art, "paragraph", i, p))
        self.jurisdiction: dict[str, str] = {}       # level char -> place name (区 -> 港闸区)
        self.title_orgs: dict[str, str] = {}         # org name of a title -> kind
        self._stem_pick: dict[str, Any] = {}
        self.nouns = common_nouns()
        self.posts = titles().posts
        # what back_to_start must look at: a stop or 和/与, the last two characters of a stop word
        self._left_special = _left_special(r)
        self._lengths2 = g._lengths2          # (what g.lengths_ending2 reads, without the call)

    # --- names --------------------------------------------------------------------

    def back_to_start(self, text: str, a: int, floor: int, limit: int, org: bool = False) -> int:
        """Where a name ending in a suffix at ``a`` starts, scanning back.  An
        organization's name runs on through 和/与 joining two topics of its own
        (港澳台侨和外事委员会, 计算机辅助设计与图形系统…实验室), not past one that ends
        a name (市委和市政府) nor past a verb (受罢工和国家电力公司)."""
        j = a
        lo = max(floor, a - limit)
        stops, words, word_ends = self.r.left_stops, self.r.left_stop_words, self.r.left_stop_ends
        special, pairs = self._left_special
        while j > lo:
            c = text[j - 1]
            # the common case, where none of the tests below can stop: a Han character, no stop,
            # and no stop word of two or three characters ends here (its last two are no pair's)
            if "\u4e00" <= c <= "\u9fff" and c not in special and j >= 3 \
                    and (c not in word_ends or text[j - 2:j] not in pairs):
                j -= 1
                continue
            if org and c in "和与" and a - j >= 2 and j - 3 >= lo and self.joins_topics(text, j - 1):
                j -= 1
                continue
            if c in stops and not (c in _STOP_UNLESS and text[j:j + 1] in _STOP_UNLESS[c]) \
                    or not ("\u4e00" <= c <= "\u9fff" or c == "·" or c.isalnum()):
                break
            if c in word_ends and (text[j - 2:j] in words or text[j - 3:j] in words):
                break
            j -= 1
        return j

    def past_stop_for_core(self, text: str, s: int, a: int, floor: int, limit: int) -> int:
        """A company's name whose scan stopped before it has a core of its own
        (中国交通建设|集团有限公司, 深圳市得|润电子股份有限公司, 到恒|达机械…): with fewer than two
        characters left once its trade words (``company_tail_words``) go, the stop word or
        character belongs to the name; the scan goes on past it, once."""
        core = text[s:a]
        for tail in self.r.company_tails:
            while core.endswith(tail) and len(core) > len(tail):
                core = core[:-len(tail)]
            if core == tail:
                core = ""
        if len(core) >= 2:
            return s
        r = self.r
        k = s
        if text[s - 3:s] in r.left_stop_words:
            k = s - 3
        elif text[s - 2:s] in r.left_stop_words:
            k = s - 2
        elif text[s - 1:s] in r.left_stops and "\u4e00" <= text[s - 1] <= "\u9fff" and text[s - 1] not in r.not_in_company_names:
            k = s - 1
        if k == s or k < floor:
            return s
        t = self.back_to_start(text, k, floor, max(0, limit - (a - k)), True) if k > floor else k
        return t if (s - t) + len(core) >= 2 else s

    def joins_topics(self, text: str, k: int) -> bool:
        """Whether the 和/与 at ``k`` joins two topics inside one organization's name
        (文化和旅游部, 贸易和工业委员会, 世界经济与政治研究所) rather than two names or a
        name and a verb (市委和市政府, 中国与跨国公司, 肖捷和国家能源委员会, 深化与…): the
        word before it is a common noun (jieba's n/vn/an/nz/j: no verb, adverb or name;
        no title, no place, no name's end), and
        what follows does not open with a place or a body of its own (国家, 中国, 全国…)."""
        left, right = text[k - 2:k], text[k + 1:k + 3]
        if left not in self.nouns or left in self.posts or self.ends_name(text, k):
            return False
        lead = _prefix_places().names
        if left in lead or right in lead or right in self.r.org_heads or text[k + 1:k + 4] in lead:
            return False
        return True

    def ends_name(self, text: str, j: int) -> bool:
        """Whether an organization's or place's suffix word ends at ``j`` (市委|和)."""
        kinds = self.r.suffix_kind
        return any(text[j - k:j] in kinds for k in (1, 2, 3, 4) if j - k >= 0)

    def is_description(self, stem_: str) -> bool:
        m = self.r.generic_re.fullmatch(stem_)
        return m is not None

    def division_ending(self, text: str, a: int, b: int, floor: int) -> Division | None:
        """The longest gazetteer name ending at ``b`` (the suffix at ``a``) not reaching before ``floor``."""
        get = self.g.by_name.get
        # longest first; only lengths some name ending in these two characters has
        for k in self._lengths2.get(text[b - 2:b] if b >= 2 else "", ()):
            if k > b - floor:
                continue
            if k <= b - a:
                break
            ds = get(text[b - k:b])
            if ds:
                return ds[0] if len(ds) == 1 else self.pick(ds)
        return None

    def pick(self, ds: list[Division]) -> Division:
        """The division meant, among namesakes: the one in use in the issue year, of
        the highest level, then the one whose parent the edition names."""
        if len(ds) == 1:
            return ds[0]
        year = self.year
        best = _best_namesakes(ds, year)
        if len(best) > 1 and self.entities:
            named = {e.division.code for e in self.entities.values() if e.division}
            for d in best:
                if any(p.code in named for p in self.g.parents(d, year)):
                    return d
        return best[0]

    # --- passes -------------------------------------------------------------------

    def suffix_candidates(self, text: str, hits: list[tuple[int, int, str]]) -> list[_Cand]:
        out: list[_Cand] = []
        floor = 0
        r = self.r
        year = self.year
        lead = _prefix_places()
        lead_names, not_before, suffix_kind = lead.names, r.not_before, r.suffix_kind
        jurisdiction = self.jurisdiction
        for a, b, word in hits:
            pair = text[b - 1:b + 1]
            if pair in not_before:
                continue                  # 决策部署, 中心城区, 河道: the suffix starts another word
            if b - a == 1 and (pair in lead_names or text[b - 1:b + 2] in lead_names):
                continue                  # 新华书店江|苏: 江苏 is a place
            bucket, kind = suffix_kind[word]
            if bucket == "admin":
                d = self.division_ending(text, a, b, floor)
                if d is not None and (len(d.name) >= 3 or (d.name[-1] in "县旗" and not _glued_short(
                        text, b, floor, r, lambda k: self.place_before(text, k, lead)))) \
                        and not (d.level == "town" and b - len(d.name) > floor
                                 and self.continues_left(text, b - len(d.name))
                                 and not self.place_before(text, b - len(d.name), lead)):
                    out.append((b - len(d.name), b, "place", d.kind, d.name, 1, d))
                    floor = b
                elif word in _TOWN_KIND:
                    # a town the gazetteer lacks (北四平镇; not 四平镇): a short, cleanly bounded name
                    s = self.back_to_start(text, a, floor, 4)
                    if 2 <= a - s < 4 or (a - s == 4 and not self.continues_left(text, s)):
                        name = text[s:b]
                        if not _COUNTED.search(name) and not self.is_description(text[s:a]) \
                                and name not in r.not_names and text[b - 2:b] not in r.not_names:
                            out.append((s, b, "place", _TOWN_KIND[word], name, 1, None))
                            floor = b
                continue
            if bucket == "org" and len(word) >= 2 and word[0] in LEVEL_CHARS:
                # 港闸区委, 区政府, 市委办: the place written before, else the edition's, else none
                d = self.division_ending(text, a, a + 1, floor)
                if d is not None and (len(d.name) >= 3 or d.name[-1] in "县旗"):
                    out.append((a + 1 - len(d.name), b, "org", kind, d.name + word[1:], 1, None))
                elif word[0] in self.jurisdiction and (a == floor or not _NAME_CHAR.match(text[a - 1])
                                                       or text[a - 1] in r.left_stops):
                    out.append((a, b, "org", kind, self.jurisdiction[word[0]] + word[1:], 1, None))
                floor = b
                continue
            short = len(word) == 1     # 村, 路, 河; 局, 部, 委: only short, cleanly bounded names
            limit = (8 if short else _MAX_ORG) if bucket == "org" else (3 if short else _MAX_PLACE)
            s = self.back_to_start(text, a, floor, limit, bucket == "org")
            if word in r.legal_forms and s > floor:
                s = self.past_stop_for_core(text, s, a, floor, limit)
            if (short or bucket == "place") and a - s >= limit and s > floor and self.continues_left(text, s):
                continue                  # 问起周台子村: no clean start (the full name is read as a known one later)
            if bucket == "org":
                s = self.extend_left(text, s, floor, out, lead)
            elif text[s:s + 1] in lead.firsts:
                for k in (4, 3, 2):      # 比利时|天堂动物园, 河北|雄安新区: a place before is its address
                    if text[s:s + k] in lead.names and a - s - k >= 2:
                        s += k
                        break
            if len(word) == 1 and (text[a - 1:a] == word or text[b - 2:b] in r.not_names):
                continue                  # 检察厅|厅长
            if word == "市场" and not (text[s - 1:s] in _AT or text[s - 2:s] in r.go_to):
                continue                  # 发挥市场, 增强市场: a bare 市场 is a place only where one goes (在/来到…)
            name = text[s:b]
            # what the name alone decides, the same wherever it is written
            verdict = _VERDICTS.get((name, word, year), False)
            if verdict is False:
                verdict = _VERDICTS[(name, word, year)] = self.name_verdict(name, text[s:a], word, bucket, kind, lead)
            if verdict is None:
                continue
            if verdict is not True:
                out.append((s, b, "place", verdict.kind, verdict.name, 1, verdict))
                floor = b
                continue
            c = name[0]                   # self.local(name), inlined
            if c in jurisdiction and c in LEVEL_CHARS and len(name) >= 2:
                resolved = jurisdiction[c] + name[1:]
            elif c in _LEVEL_OR_VILLAGE and a - s <= 1:
                continue                  # 市XX局 with no 市 named: not a name
            else:
                resolved = name
            out.append((s, b, bucket, kind, resolved, 1, None))
            floor = b
        return out

    def name_verdict(self, name: str, stem_: str, word: str, bucket: str, kind: str | None,
                     lead: _Lead) -> Division | bool | None:
        """What a suffix name's own text says: None (no name), its division, or True (a name)."""
        r = self.r
        if _COUNTED.search(stem_):
            return None                   # 31个村, 3所学校
        if not stem_ or (len(word) == 1 and len(stem_) < 2):
            return None
        if name in r.not_names:
            return None
        if self.is_description(stem_) or stem_[-1] == "之":
            return None                   # 一批|企业; 友谊之桥
        if word in _PLACE_BOUND and not (stem_ in lead.names or stem_ in self.g.by_name):
            return None                   # 地方政府, 服务型政府: a government is a place's (中国政府, 南通市政府)
        if kind == "market" and (stem_ in lead.names or r.generic2_re.search(stem_)):
            return None                   # 中国市场, 国际市场, 资本市场: the economy, not a place
        if bucket == "place":
            ds = self.g.lookup(name, self.year) or _Stems_lookup(name)
            if ds:
                return self.pick(ds)      # (no entity is known yet: the year decides)
        return True

    def place_before(self, text: str, s: int, lead: _Lead) -> bool:
        """Whether a place's name (萧山, 杭州市) ends at ``s``: an address goes on to the right."""
        counties = self.g.stems(("county",))
        for k in (4, 3, 2):
            w = text[s - k:s] if s >= k else ""
            if w and (w in lead.names or w in counties or w in self.g.by_name):
                return True
        return False

    def continues_left(self, text: str, s: int) -> bool:
        """Whether the text at ``s`` could go on to the left (no delimiter or stop there)."""
        return bool(_NAME_CHAR.match(text[s - 1])) and text[s - 1] not in self.r.left_stops \
            and text[s - 2:s] not in self.r.left_stop_words and text[s - 3:s] not in self.r.left_stop_words

    def extend_left(self, text: str, s: int, floor: int, out: list[_Cand], lead: _Lead) -> int:
        """An organization's name takes in the places and the organization written right
        before it: 杭州市|钱塘区|农业农村局, 比利时|布鲁盖尔研究所, 中国国务院|新闻办公室."""
        while True:
            if out and out[-1][1] == s and s == floor:
                s = out.pop()[0]
                floor = out[-1][1] if out else 0
                continue
            if s - 2 < floor or text[s - 1] not in lead.lasts:
                return s                  # no place name can end at s
            for k in (4, 3, 2):
                if s - k >= floor and text[s - k:s] in lead.names:
                    s -= k
                    break
            else:
                return s

    def local(self, name: str) -> str:
        """区住建局 → 港闸区住建局 when the edition's 区 is known."""
        if len(name) >= 2 and name[0] in LEVEL_CHARS and name[0] in self.jurisdiction:
            return self.jurisdiction[name[0]] + name[1:]
        return name

    def list_candidates(self, text: str) -> list[_Cand]:
        if self.r.list_re is None or "等" not in text:
            return []
        out: list[_Cand] = []
        for m in self.r.list_re.finditer(text):
            head_kind = self.r.list_heads[m.group("head")]
            s0 = m.start("list")
            items: list[tuple[int, str]] = []
            pos = 0
            body = m.group("list")
            for part in _LIST_SEP.split(body):
                k = body.find(part, pos)
                pos = k + len(part)
                items.append((s0 + k, part))
            if len(items) < 2:
                continue
            last_at, last = items[-1]
            split = _LAST_SEP.search(last)
            if split:
                items[-1:] = [(last_at, last[:split.start()]), (last_at + split.end(), last[split.end():])]
            for at, part in items:
                lead = len(part) - len(part.lstrip("了"))
                at, part = at + lead, part[lead:]
                if not 2 <= len(part) <= _MAX_ORG or not all(_NAME_CHAR.match(c) for c in part) \
                        or part in self.r.not_names or self.is_description(part):
                    continue
                bucket, kind = self.classify(part, head_kind)
                ds = self.g.lookup(part, self.year) if bucket == "place" else []
                d = self.pick(ds) if ds else None
                out.append((at, at + len(part), bucket, d.kind if d else kind, d.name if d else part, 0, d))
        return out

    def classify(self, name: str, default: str | None = None) -> tuple[str, str | None]:
        """("org" | "place", kind) of a name by its last word; ``default`` (a kind) otherwise."""
        ds = self.g.lookup(name, self.year)
        if ds:
            return "place", self.pick(ds).kind
        for k in range(min(len(name) - 1, 10), 0, -1):
            hit = self.r.suffix_kind.get(name[-k:])
            if hit and hit[0] != "admin":
                return hit[0], hit[1]
        if default in PLACE_KINDS:
            return "place", (None if default == "place" else default)
        return "org", default

    # --- bookkeeping ----------------------------------------------------------------

    def people_spans(self) -> dict[tuple[str, str, int | None], list[tuple[int, int]]]:
        out: dict[tuple[str, str, int | None], list[tuple[int, int]]] = {}
        for p in self.ed.people:
            for m in p.get("mentions", ()):
                out.setdefault((m["article"], m["field"], m.get("index")), []).append((m["start"], m["end"]))
        return out

    def run(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        self.learn_titles()
        people = self.people_spans()
        texts = [f[3] for f in self.fields]
        # the whole edition as one string: each word list is scanned once, not once per paragraph
        big = "\n".join(texts)
        starts: list[int] = []
        pos = 0
        for t in texts:
            starts.append(pos)
            pos += len(t) + 1
        suffix_hits = self.suffix_hits(big, starts)
        fields = self.fields
        # only the paragraphs with a suffix word or a list (等) have candidates
        todo = sorted(set(suffix_hits).union(k for k, t in enumerate(texts) if "等" in t))
        found: list[tuple[int, list[_Cand]]] = []
        for k in todo:
            art, fname, index, text = fields[k]
            cands = self.list_candidates(text) if "等" in text else []
            hits = suffix_hits.get(k)
            if hits:
                cands += self.suffix_candidates(text, hits)
            if cands:
                spans = people.get((art.id, fname, index))
                if spans:
                    cands = [c for c in cands if not any(c[0] < e and s < c[1] for s, e in spans)]
                if cands:
                    found.append((k, _non_overlapping(cands)))
        # first pass: the entities named in full, so that short forms can be read
        taken: dict[int, list[tuple[int, int]]] = {}      # field -> spans taken (built when needed)
        entities = self.entities
        for k, cands in found:
            art, fname, index, text = fields[k]
            aid = art.id
            for start, end, bucket, kind, name, _, d in cands:
                key = ("place", "#" + d.code) if d is not None else (bucket, name)
                _add_mention(entities, key, bucket, kind, name, d, k, start, end, text, aid, fname, index)
            taken[k] = [c[:2] for c in cands] + people.get((art.id, fname, index), [])
        self.people = people
        # second pass: provinces, cities, countries by name; short forms of what the first pass found.
        # Candidates here are plain tuples (priority, start - end, start, end, what): the hot path of the stage.
        stems = _province_city_stems()
        more: dict[int, list[tuple]] = {}
        picks = self._stem_pick
        n_fields = len(starts)
        for group in stems.names.matches(big):
            # split by field as suffix_hits does, and each name's target is looked up right away
            # (the names repeat)
            nxt, at, lst = 0, 0, []
            for s, e, w in group:
                if s >= nxt:                     # matches come in text order: a later field
                    k = bisect_right(starts, s) - 1
                    at = starts[k]
                    nxt = starts[k + 1] if k + 1 < n_fields else len(big) + 1
                    lst = more.setdefault(k, [])
                t = picks.get(w, False)
                if t is False:
                    t = self.stem_target(w, stems)
                if t is not None:
                    lst.append((2, s - e, s - at, e - at, t))
        extra = self.short_forms()
        for k, hits in _find_all(extra, big, starts).items():
            lst = more.setdefault(k, [])
            for s, e, w in hits:
                ent = self.entities.get(extra[w])
                if ent is not None:
                    lst.append((2, s - e, s, e, (extra[w], ent.bucket, ent.kind, ent.name, ent.division)))
        self.add_free(more, taken)
        # districts and counties by their short form once the page names their city (萧山, 桐庐 on a
        # page about 杭州)
        counties = self.county_forms()
        if counties is not None:
            more = {}
            forms = counties.divisions
            for k, hits in counties.find_all(big, starts).items():
                more[k] = [(3, s - e, s, e, (("place", "#" + forms[w].code), "place", forms[w].kind, forms[w].name,
                                      forms[w])) for s, e, w in hits]
            if more:
                self.add_free(more, taken)
        return self.emit()

    def add_free(self, more: dict[int, list[tuple]], taken: dict[int, list[tuple[int, int]]]) -> None:
        """Add the candidates (priority, start - end, start, end, (key, bucket, kind, name, division))
        that overlap nothing taken, by priority, then longest first (then leftmost)."""
        fields = self.fields
        entities = self.entities
        for k, cands in more.items():
            if not cands:
                continue
            art, fname, index, text = fields[k]
            aid = art.id
            spans = taken.get(k)
            if spans is None:
                spans = taken[k] = list(self.people.get((art.id, fname, index), ()))
            if len(cands) > 1:
                cands.sort(key=_RANK3)        # (stable: two of one span keep their order)
            for _, _, cs, ce, t in cands:
                for s, e in spans:
                    if cs < e and s < ce:
                        break
                else:
                    spans.append((cs, ce))
                    key, bucket, kind, name, d = t
                    _add_mention(entities, key, bucket, kind, name, d, k, cs, ce, text, aid, fname, index)

    def suffix_hits(self, big: str, starts: list[int]) -> dict[int, list[tuple[int, int, str]]]:
        """The suffix words in the joined text, as (start, end, word) per field, in text order:
        the reversed words found in the reversed text (from each word's last character: rarer
        than first ones, so a regex tries fewer positions); skip words (干部) and words right
        after a delimiter (，江|苏) are dropped here, before any other work."""
        out: dict[int, list[tuple[int, int, str]]] = {}
        if not starts:
            return out
        n = len(big)
        delim = _DELIMITERS
        k = len(starts) - 1
        at = starts[k]
        lst = out.setdefault(k, [])
        # (word index, start, end) of the matches: each index's (word, free) is looked up in a list
        raw = self.r.suffix_rev.indexed(big[::-1])
        if raw is None:
            index = {w: i for i, w in enumerate(self.r.suffix_rev.groups[0])}
            raw = [(index[w], ms, me) for ms, me, w in self.r.suffix_rev.matches(big[::-1])[0]]
        info = _suffix_info(self.r)
        for i, ms, me in raw:
            word, free = info[i]               # free: a word kept even right after a delimiter
            if word is None:
                continue                         # a skip word (干部)
            s, e = n - me, n - ms
            if not free and (s == 0 or big[s - 1] in delim):
                continue
            if s < at:                           # matches come last field first
                k = bisect_right(starts, s) - 1
                at = starts[k]
                lst = out.setdefault(k, [])
            lst.append((s - at, e - at, word))
        for key in [key for key, v in out.items() if not v]:
            del out[key]
        for v in out.values():
            v.reverse()
        return out

    def stem_target(self, w: str, stems: _Stems) -> tuple | None:
        """(key, bucket, kind, name, division) of a province, city or country name, or of a
        national body (教育部), or None."""
        t = self._stem_pick.get(w, False)
        if t is False:
            t = _STEM_TARGETS.get((w, self.year), False)
            if t is not False:
                self._stem_pick[w] = t
                return t
            foreign = self.r.countries.get(w)
            known = self.r.known_orgs.get(w)
            if foreign is not None:
                t = _STEM_TARGETS[(w, self.year)] = (("place", w), "place", foreign, w, None)
            elif known is not None:
                t = _STEM_TARGETS[(w, self.year)] = (("org", w), "org", known, w, None)
            else:
                ds = stems.divisions[w]
                if self.year is not None:
                    ds = [x for x in ds if x.first <= self.year <= x.last + 1]
                d = self.pick(ds) if ds else None
                t = (("place", "#" + d.code), "place", d.kind, d.name, d) if d is not None else None
                if ds and not _namesakes(ds, self.year):
                    _STEM_TARGETS[(w, self.year)] = t   # the page's other places do not matter
            self._stem_pick[w] = t
        return t

    def ends_in_suffix(self, name: str) -> bool:
        hit = _ENDS_IN_SUFFIX.get(name)
        if hit is None:
            sk = self.r.suffix_kind
            hit = _ENDS_IN_SUFFIX[name] = any(name[-k:] in sk for k in range(1, min(len(name), 6) + 1))
        return hit

    def county_forms(self) -> _CountyForms | None:
        """County and district short forms (萧山) of the city the page names most."""
        # the city the page names most, twice or more (a national page naming many cities reads none)
        cities = sorted(((len(e.mentions), e.division.code) for e in self.entities.values()
                         if e.division is not None and len(e.mentions) >= 2 and e.division.level in ("city", "province")
                         and (e.division.level == "city" or e.division.name.endswith("市"))), reverse=True)
        if not cities or not (len(cities) == 1 or cities[0][0] > cities[1][0]):
            return None
        code = cities[0][1]
        key = (code, self.year)
        if key not in _COUNTY_FORMS:
            out: dict[str, Division] = {}
            for d in self.g.children(code):
                if d.level != "county" or (self.year is not None and not d.first <= self.year <= d.last + 1):
                    continue
                st = stem(d.name)
                if st and len(st) >= 2 and st not in self.r.not_place_stems and st not in self.r.not_names \
                        and st not in self.r.generic and st not in out:
                    out[st] = d
            _COUNTY_FORMS[key] = _CountyForms(out) if out else None
        return _COUNTY_FORMS[key]

    def learn_titles(self) -> None:
        """Jurisdictions and organizations from the titles of ``edition.people``
        (港闸区委 → 区 is 港闸区)."""
        seen: set[str] = set()
        for p in self.ed.people:
            for t in p.get("titles", []):
                org = t.get("organization")
                if not org or org in seen:
                    continue
                seen.add(org)
                info = _TITLE_ORGS.get((org, self.year))
                if info is None:
                    # the page's entities are none yet: what an org name gives depends on the year alone
                    bucket, kind = self.classify(org, "organization")
                    heads = [org[:k] for k in range(2, min(len(org), 8) + 1)
                             if org[k - 1] in LEVEL_CHARS and self.g.by_name.get(org[:k])]
                    info = _TITLE_ORGS[(org, self.year)] = (bucket, kind, heads)
                bucket, kind, heads = info
                if bucket == "org":
                    self.title_orgs.setdefault(org, kind or "organization")
                for head in heads:
                    self.jurisdiction.setdefault(head[-1], head)
        paper = self.ed.paper or ""
        stem_ = _PAPER_SUFFIX.sub("", paper)
        if len(stem_) >= 2:
            for lv in "区县市":
                if self.g.lookup(stem_ + lv, self.year):
                    self.jurisdiction.setdefault(lv, stem_ + lv)
                    break

    def short_forms(self) -> dict[str, tuple[str, str]]:
        """Short form -> (bucket, canonical name) for the entities named in full:
        county stems (港闸) and company cores (赋助智能)."""
        out: dict[str, tuple[str, str]] = {}
        ends = _ENDS_IN_SUFFIX
        for key, ent in list(self.entities.items()):
            bucket, name = ent.bucket, ent.name
            if ent.division is None and len(name) >= 2 and not (ends.get(name) or (
                    name not in ends and self.ends_in_suffix(name))):
                out.setdefault(name, key)     # 众联能创: a list member the suffix pass cannot find again
            if bucket == "place" and ent.division is not None and ent.division.level in ("county", "town"):
                s = stem(ent.division.name)
                if s and len(s) >= 2 and s not in self.r.not_place_stems and s not in self.r.not_names:
                    out.setdefault(s, key)
            elif bucket == "org" and ent.kind == "company" and LEGAL_SUFFIX.search(name):
                forms = _COMPANY_FORMS.get(name)
                if forms is None:
                    forms = _COMPANY_FORMS[name] = company_short_forms(name, self.r, self.g)
                for form in forms:
                    out.setdefault(form, key)
        for lv, place in self.jurisdiction.items():
            s = stem(place)
            ds = self.g.lookup(place, self.year)
            if s and len(s) >= 2 and ds:
                d = self.pick(ds)
                key = ("place", "#" + d.code)
                if key not in self.entities:
                    self.entities[key] = _Entity("place", place, d.kind, division=d, order=(len(self.fields), 0))
                out.setdefault(s, key)
        return out

    def merge_tails(self) -> None:
        """An organization named by the tail of a longer one's name is that one
        (第十检察厅 of 最高检第十检察厅, 中原区检察院 of 郑州中原区检察院)."""
        orgs = sorted((e for e in self.entities.values() if e.bucket == "org"), key=lambda e: -len(e.name))
        # a name of four characters or more can be merged only into a longer one that ends
        # with the same four characters: only those are tried, longest first as in ``orgs``
        by_last4: dict[str, list[_Entity]] = {}
        for e in orgs:
            if len(e.name) > 4:
                by_last4.setdefault(e.name[-4:], []).append(e)
        for short in orgs:
            n = len(short.name)
            if n < 4:
                continue
            for long_ in by_last4.get(short.name[-4:], ()):
                if len(long_.name) <= n:
                    break
                if long_.name.endswith(short.name) and long_.mentions:
                    for key, m in short.mentions.items():
                        long_.mentions.setdefault(key, m)
                    for f in short.forms:
                        long_.forms.setdefault(f, None)
                    short.mentions = {}
                    break

    def emit(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        self.merge_tails()
        orgs: list[dict[str, Any]] = []
        places: list[dict[str, Any]] = []
        paper = self.ed.paper
        for ent in sorted(self.entities.values(), key=_ORDER):
            ms = ent.mentions
            if not ms:
                continue
            forms, dv = ent.forms, ent.division
            if dv is not None:               # the fullest form seen: 港闸区 over 港闸, 上海 when alone
                ent.name = max(forms, key=len) if forms else ent.name
            name = ent.name
            mentions = list(map(ms.__getitem__, sorted(ms))) if len(ms) > 1 else list(ms.values())
            # (the commonest case: one form, the name itself)
            aliases = [] if len(forms) == 1 and name in forms else [f for f in forms if f != name]
            org = ent.bucket == "org"
            if dv is None:
                d: dict[str, Any] = {"id": entity_id("o" if org else "l", paper, name), "name": name,
                                     "kind": ent.kind, "aliases": aliases, "mentions": mentions}
            else:                            # the same keys, in the same order, and the division's
                d = {"id": entity_id("o" if org else "l", paper, name), "name": name,
                     "kind": ent.kind, "aliases": aliases, "mentions": mentions,
                     "code": dv.code, "division": dv.name, "level": dv.level,
                     "parents": self.g.parent_names(dv, self.year)}
            (orgs if org else places).append(d)
        return orgs, places


class _CountyForms:
    """A city's county short forms (萧山 -> 萧山区) and an Aho-Corasick DFA over them, built
    once per city and year: a page's occurrences of all of them from one scan, where a
    ``str.find`` per form costs one scan each.  (A regex over them, which said which forms
    to look for, cost 0.7-1.4 ms a city to compile, the automaton 0.05 ms; a scan of a
    page by the automaton costs some 10 us more than by the regex.)"""

    __slots__ = ("divisions", "_names", "_dfa")

    def __init__(self, divisions: dict[str, Division]) -> None:
        self.divisions = divisions
        self._names = list(divisions)
        # one automaton (some 26 KB) per list of forms, shared by the years that have the same
        key = tuple(self._names)
        if key not in _COUNTY_AUTOMATA:
            _COUNTY_AUTOMATA[key] = _automaton(self._names)
        self._dfa = _COUNTY_AUTOMATA[key]

    def find_all(self, big: str, starts: list[int]) -> dict[int, list[tuple[int, int, str]]]:
        """What :func:`_find_all` gives for the forms, in the same order."""
        if self._dfa is None:
            return _find_all(self.divisions, big, starts)
        at: dict[int, list[int]] = {}            # form index -> its starts (by end: for one form, by start)
        for i, s, _ in _find(self._dfa, big, overlapping=True):
            at.setdefault(i, []).append(s)
        names = self._names
        return _by_field(((names[i], at[i]) for i in sorted(at)), starts)


# (organization of a title, year) -> (bucket, kind, the division names it starts with)
_TITLE_ORGS: dict[tuple[str, int | None], tuple[str, str | None, list[str]]] = {}
# (city code, year) -> its counties' short forms (None when it has none); their automata by the forms
_COUNTY_FORMS: dict[tuple[str, int | None], _CountyForms | None] = {}
_COUNTY_AUTOMATA: dict[tuple[str, ...], Any] = {}
# (suffix name, suffix word, year) -> what the name alone decides (see name_verdict)
_VERDICTS: dict[tuple[str, str, int | None], Any] = {}
# name -> whether it ends in a suffix word; company name -> its short forms
_ENDS_IN_SUFFIX: dict[str, bool] = {}


def _add_mention(entities: dict, key: tuple[str, str], bucket: str, kind: str | None, name: str,
                 division: Division | None, k: int, start: int, end: int, text: str, aid: str,
                 fname: str, index: int | None) -> None:
    """Record a mention of the entity ``key`` (made on its first mention) at field ``k``,
    text[start:end]; a kind learnt later fills one still unknown."""
    ent = entities.get(key)
    if ent is None:
        ent = entities[key] = _Entity(bucket, name, kind, division, (k, start))
    elif ent.kind is None and kind:
        ent.kind = kind
    form = text[start:end]
    ent.forms.setdefault(form, None)
    mk = (k << 32) + start          # (sorted, the keys give the mentions in text order)
    if mk not in ent.mentions:
        mention = {"article": aid, "field": fname, "start": start, "end": end, "text": form}
        if index is not None:
            mention["index"] = index
        ent.mentions[mk] = mention
_COMPANY_FORMS: dict[str, list[str]] = {}
# (name, year) -> what stem_target gives, where it does not depend on the page
_STEM_TARGETS: dict[tuple[str, int | None], tuple | None] = {}


def _best_namesakes(ds: list[Division], year: int | None) -> list[Division]:
    """Among namesakes: those in use in ``year``, of the highest level."""
    in_use = [d for d in ds if year is None or d.first <= year <= d.last] or ds
    top = min(_LEVEL_ORDER[d.level] for d in in_use)
    return [d for d in in_use if _LEVEL_ORDER[d.level] == top]


def _namesakes(ds: list[Division], year: int | None) -> bool:
    """Whether ``pick`` among ``ds`` depends on what else the page names."""
    return len(ds) > 1 and len(_best_namesakes(ds, year)) > 1


@dataclass(slots=True)
class _Lead:
    names: frozenset[str]
    firsts: frozenset[str] = frozenset()     # the first and last characters of the names
    lasts: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def _prefix_places() -> _Lead:
    """Short names a place may be written with before an organization's name: province
    and city stems (江苏, 南通) and countries (比利时)."""
    names = frozenset(_province_city_stems().divisions) | frozenset(rules().countries)
    return _Lead(names, frozenset(n[0] for n in names if n), frozenset(n[-1] for n in names if n))


def _Stems_lookup(name: str) -> list[Division]:
    """Divisions a short form (上海, 南通) stands for."""
    st = _province_city_stems()
    return st.divisions.get(name, [])


def _find_all(names: dict[str, Any], big: str, starts: list[int]) -> dict[int, list[tuple[int, int, str]]]:
    """Every occurrence of each name in the joined text (str.find), as (start, end, name) per field."""
    def occurrences(name: str) -> list[int]:
        found = []
        i = big.find(name)
        while i >= 0:
            found.append(i)
            i = big.find(name, i + len(name))
        return found
    return _by_field(((name, occurrences(name)) for name in names), starts)


def _by_field(found, starts: list[int]) -> dict[int, list[tuple[int, int, str]]]:
    """(start, end, name) per field of each name's occurrences in the joined text, given as
    (name, starts in the text, overlapping ones too): name by name, each one's left to right
    and none overlapping the one kept before (as a ``str.find`` loop finds them)."""
    out: dict[int, list[tuple[int, int, str]]] = {}
    for name, positions in found:
        n = len(name)
        nxt = 0
        for i in positions:
            if i < nxt:
                continue
            nxt = i + n
            k = bisect_right(starts, i) - 1
            s = i - starts[k]
            out.setdefault(k, []).append((s, s + n, name))
    return out


def _glued_short(text: str, b: int, floor: int, r: EntityRules, place_before) -> bool:
    """Is the two-character county name ending at ``b`` (和县, 任县) more likely two words'
    pieces (``short_county`` in entities.yaml: 出任|县长, 项目|和|县物流园)?  Over the 488
    corpus pages this drops 7 such mentions, all wrong, and keeps the 11 that are the
    counties (落户和县。, 河北任县智慧办…)."""
    if text[b:b + 1] in r.county_next:
        return True
    s = b - 2
    if s <= floor or _NAME_CHAR.match(text[s - 1]) is None or place_before(s):
        return False
    first, before = text[s], text[s - 1]
    if first in r.county_verb_ends:
        return before in r.county_verb_ends[first]
    return first in r.county_conjunctions and _NAME_CHAR.match(text[b:b + 1] or " ") is not None


def _left_special(r: EntityRules) -> tuple[frozenset[str], frozenset[str]]:
    """What back_to_start's scan may stop or turn at: the characters (its stops, 和 and 与),
    and the last two characters of its stop words of two or three characters (the
    lengths it tests); at any other Han character it just goes on."""
    got = r.derived.get("left_special")
    if got is None:
        got = r.derived["left_special"] = (frozenset(c for c in r.left_stops if len(c) == 1) | frozenset("和与"),
                                           frozenset(w[-2:] for w in r.left_stop_words if len(w) in (2, 3)))
    return got


_RANK3 = itemgetter(0, 1, 2)


def _suffix_info(r: EntityRules) -> list[tuple[str | None, bool]]:
    """``suffix_words`` of each word of ``suffix_rev``'s group, by its index there."""
    got = r.derived.get("suffix_info")
    if got is None:
        got = r.derived["suffix_info"] = [r.suffix_words[w] for w in r.suffix_rev.groups[0]]
    return got


_START = itemgetter(0)
_ORDER = attrgetter("order")


def _rank(c: _Cand) -> tuple[int, int, int]:
    return (c[5], c[0] - c[1], c[0])


def _non_overlapping(cands: list[_Cand]) -> list[_Cand]:
    """Candidates by priority, then length; none overlapping one kept before."""
    if len(cands) == 1:
        return cands
    by_start = sorted(cands, key=_START)
    prev = by_start[0]
    for c in by_start[1:]:
        if c[0] < prev[1]:
            break
        prev = c
    else:
        return by_start           # none overlaps another: all are kept
    kept: list[_Cand] = []
    for c in sorted(cands, key=_rank):
        if not any(c[0] < k[1] and k[0] < c[1] for k in kept):
            kept.append(c)
    return sorted(kept, key=_START)


def company_short_forms(name: str, r: EntityRules, g: Gazetteer) -> list[str]:
    """江苏赋助智能科技有限公司 → [赋助智能科技, 赋助智能]: without place prefix and legal
    suffix, then without industry words."""
    core = LEGAL_SUFFIX.sub("", name)
    for k in range(min(len(core) - 2, 10), 1, -1):
        head = core[:k]
        if g.lookup(head) or _Stems_lookup(head):
            core = core[k:]
            break
    forms = []
    if len(core) >= 2 and core != name:
        forms.append(core)
    for w in r.company_tails:          # one industry word: 赋助智能|科技
        if core.endswith(w) and len(core) - len(w) >= 2:
            core = core[: -len(w)]
            break
    if len(core) >= 2 and core not in forms and core != name:
        forms.append(core)
    return [f for f in forms if f not in r.not_names and f not in r.generic]


@lru_cache(maxsize=65536)
def entity_id(prefix: str, paper: str | None, name: str) -> str:
    """The id events.py gives an entity: prefix + 16 hex digits of BLAKE2b over paper and name."""
    return prefix + hashlib.blake2b("\x1f".join(map(str, (paper, name))).encode("utf-8"), digest_size=8).hexdigest()


_CACHES = (_TITLE_ORGS, _COUNTY_FORMS, _COUNTY_AUTOMATA, _VERDICTS, _ENDS_IN_SUFFIX, _COMPANY_FORMS, _STEM_TARGETS)
_CACHE_LIMIT = 200_000        # entries over all caches (a long ingest meets ever new names)


def extract_entities(edition: Edition) -> None:
    """Fill ``edition.organizations`` and ``edition.places`` (see the module docstring)."""
    if sum(map(len, _CACHES)) > _CACHE_LIMIT:
        for c in _CACHES:
            c.clear()
    orgs, places = _Extractor(edition, rules(), gazetteer()).run()
    edition.organizations = orgs
    edition.places = places


def find_entity(edition: Edition, name: str) -> dict[str, Any] | None:
    """The organization or place called ``name`` (by name or alias), if any."""
    for e in edition.organizations:
        if e["name"] == name or name in e.get("aliases", ()):
            return e
    for e in edition.places:
        if e["name"] == name or name in e.get("aliases", ()):
            return e
    return None


def kind_of(name: str, bucket: str) -> str | None:
    """The kind a name's last word gives (秦灶街道 → street, 东洲集团 → company), or None."""
    g = gazetteer()
    ds = g.lookup(name)
    if ds:
        return ds[0].kind
    r = rules()
    for k in range(min(len(name) - 1, 10), 0, -1):
        hit = r.suffix_kind.get(name[-k:])
        if hit and hit[0] != "admin" and (hit[0] == bucket or bucket not in ("org", "place")):
            return hit[1]
    return None
