"""The lexicons of people extraction: titles (``data/titles.yaml``) and name
cues (``data/people.yaml``), loaded once and compiled into regexes.

Every entry is checked; a bad one raises :class:`~banmian.errors.DataFileError`
naming the file and the line (``titles.yaml: E200 line 12: …``), as the other
data loaders do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any

try:
    import ahocorasick_rs as _acrs
except ImportError:          # pragma: no cover - a declared dependency; the regexes then
    _acrs = None

from ..errors import DataFileError
from ..resources import data_path, load_yaml, require, surnames

HAN = "\u3400-\u4dbf\u4e00-\u9fff"
# Characters a title may be written with: Han, Latin letters (IMF), and the
# dashes and dots of foreign names (摩洛哥—中国友好交流协会).
_TITLE_WORD = re.compile(rf"[{HAN}A-Za-z·—]+")
_HAN_WORD = re.compile(rf"[{HAN}]+")
LEVELS = ("省", "市", "区", "县", "州", "盟", "镇", "乡", "街道")


def _line(value: Any) -> Any:
    return getattr(value, "line", "?")


def _fail(path: Path, value: Any, message: str) -> DataFileError:
    return DataFileError(f"line {_line(value)}: {message}", source=str(path))


def word_list(data: dict[str, Any], key: str, path: Path, pattern: re.Pattern[str] = _TITLE_WORD,
              optional: bool = False, label: str | None = None) -> list[str]:
    """A list of distinct words under ``key``, each matching ``pattern``; a bad entry
    names its line (``label`` names the list in messages, e.g. ``suffixes.company``)."""
    if optional and key not in data:
        return []
    items = require(data, key, path, list)
    label = label or key
    out: list[str] = []
    seen: set[str] = set()
    for item in items:
        if not isinstance(item, str) or not pattern.fullmatch(item):
            raise _fail(path, item, f"{label}: bad entry {item!r} (expected a word of Han characters)")
        if item in seen:
            raise _fail(path, item, f"{label}: duplicate entry {item!r}")
        seen.add(item)
        out.append(item)          # a LineStr: later checks still name its line
    return out




def _alternation(words) -> str:
    """A regex matching any of ``words``, longest first, as a trie: one branch per
    first character, which the regex engine tries far faster than a flat list of
    hundreds of alternatives."""
    trie: dict[str, Any] = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if ends:
            body = (f"(?:{body})?" if len(alts) == 1 and len(alts[0]) > 1 else f"{body}?")
        return body

    return build(trie)


def _automaton(words: list[str], longest: bool = False) -> Any:
    """An Aho-Corasick DFA (ahocorasick-rs) over ``words``, reporting every occurrence
    (``longest``: the leftmost-longest ones, as a trie regex does), or None without
    ahocorasick-rs.

    One scan of a page costs the same whatever the words: sre's alternations pay, at
    every position whose character may start a word, for each first character the words
    have when the rest does not follow (a page of province, city and country names
    takes seven regexes of fifty first characters each, four times the DFA's time)."""
    if _acrs is None:
        return None
    kind = _acrs.MatchKind.LeftmostLongest if longest else _acrs.MatchKind.Standard
    return _acrs.AhoCorasick(words, matchkind=kind, implementation=_acrs.Implementation.DFA)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _find(automaton: Any, text: str, overlapping: bool = False) -> list[tuple[int, int, int]]:
    """(word index, start, end) of the automaton's matches in ``text``.  A lone surrogate,
    which ahocorasick-rs cannot encode, is read as U+FFFD: no word holds one, and the
    offsets stay those of ``text``."""
    try:
        return automaton.find_matches_as_indexes(text, overlapping=overlapping)
    except UnicodeEncodeError:
        return automaton.find_matches_as_indexes(_SURROGATE.sub("\ufffd", text), overlapping=overlapping)


_KEYS = ((itemgetter(0), itemgetter(1)), (itemgetter(1), itemgetter(2)))


def by_start_longest_first(found: list[tuple], indexed: bool = False) -> list[tuple]:
    """Sort occurrences (start, end, …), or an automaton's (index, start, end) when
    ``indexed``, by start, at one start the longest first, in place."""
    start, end = _KEYS[indexed]
    found.sort(key=end, reverse=True)
    found.sort(key=start)             # stable: the end order stays within one start
    return found


class WordFinder:
    """Finds the words of a list in a text exactly as ``re.compile(_alternation(words))
    .finditer`` does (leftmost first, the longest word there, no overlaps), from every
    occurrence of every word: an Aho-Corasick DFA's (:func:`_automaton`), else a
    backwards regex scan, from each word's last character.

    The regex engine pays for every position whose character could start a word.
    Posts start with some of the commonest characters of news (国, 中, 大, 一: a
    regex tries about one position in eight) and end with rarer ones (长, 记, 任:
    one in thirty), so the backwards scan is several times faster for them.  It finds
    every occurrence (for each end position the longest word, then the words that are
    its suffixes); the forward, non-overlapping choice is made from them.
    """

    __slots__ = ("words", "_listed", "_dfa", "_rev", "_ending")

    def __init__(self, words) -> None:
        self.words = frozenset(words)
        self._listed = sorted(self.words)
        self._dfa = _automaton(self._listed)
        if self._dfa is None:
            self._rev = re.compile(_alternation(w[::-1] for w in self.words))
            suffixes = {w: [w[k:] for k in range(1, len(w)) if w[k:] in self.words] for w in self.words}
            # the reversed match -> (length, word) of it and of each of its suffixes that is a word
            self._ending = {w[::-1]: [(len(x), x) for x in [w, *suffixes[w]]] for w in self.words}

    def spans(self, text: str, reversed_text: str | None = None) -> list[tuple[int, int, str]]:
        """(start, end, word) of the matches, in text order; ``reversed_text`` is
        ``text[::-1]`` when the caller has it already."""
        return self.pick(self.occurrences(text, reversed_text))

    def indexed_occurrences(self, text: str) -> list[tuple[int, int, int]] | None:
        """With the DFA: :meth:`occurrences` as (index in ``self.listed``, start, end), in the
        same order, without building the strings' tuples; else None."""
        if self._dfa is None:
            return None
        return by_start_longest_first(_find(self._dfa, text, overlapping=True), indexed=True)

    @property
    def listed(self) -> list[str]:
        """The words, in the order of the automaton's indexes."""
        return self._listed

    def occurrences(self, text: str, reversed_text: str | None = None) -> list[tuple[int, int, str]]:
        """Every occurrence (start, end, word) of every word, overlapping ones too: by start,
        at one start the longest first.  The occurrences of a sublist's words are among
        them: one scan of a finder for several lists serves each (:meth:`pick` on its words)."""
        if self._dfa is not None:
            words = self._listed
            return by_start_longest_first(
                [(s, e, words[i]) for i, s, e in _find(self._dfa, text, overlapping=True)])
        rev = text[::-1] if reversed_text is None else reversed_text
        n = len(rev)
        found: list[tuple[int, int, str]] = []
        append = found.append
        search = self._rev.search
        ending = self._ending
        m = search(rev)
        while m:
            st = m.start()
            end = n - st
            for k, w in ending[m.group()]:
                append((end - k, end, w))
            m = search(rev, st + 1)
        # found by end, the last first, and at one end the longest first: a stable sort by
        # start keeps the longest first at one start
        found.sort(key=itemgetter(0))
        return found

    @staticmethod
    def choose(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """The forward regex's choice among occurrences: leftmost, longest there, no overlaps."""
        return WordFinder.pick(sorted(found, key=lambda x: (x[0], -x[1])))

    @staticmethod
    def pick(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """:meth:`choose` on occurrences already ordered by start, the longest first."""
        out = []
        pos = 0
        for x in found:
            if x[0] >= pos:
                out.append(x)
                pos = x[1]
        return out


class WordGroups:
    """Each group's words in a text as ``re.compile(_alternation(group)).finditer`` finds
    them (leftmost, the longest there, no overlaps within a group; a group's match may
    overlap another's): with ahocorasick-rs from one scan for all groups, else from one
    regex scan per group (groups of fewer first characters each: see :func:`_automaton`)."""

    __slots__ = ("groups", "_words", "_group_of", "_dfa", "_regexes")

    def __init__(self, groups) -> None:
        self.groups = [sorted(set(g)) for g in groups]
        self._words = [w for g in self.groups for w in g]
        self._group_of = [k for k, g in enumerate(self.groups) for _ in g]
        # one group: the DFA makes the leftmost-longest choice itself
        self._dfa = _automaton(self._words, longest=len(self.groups) == 1)
        self._regexes = [re.compile(_alternation(g)) for g in self.groups] if self._dfa is None else []

    def indexed(self, text: str) -> list[tuple[int, int, int]] | None:
        """With one group and the DFA: (index in ``groups[0]``, start, end) of its matches in text
        order, what :meth:`matches` gives without building the strings; else None."""
        if self._dfa is None or len(self.groups) != 1:
            return None
        return _find(self._dfa, text)

    def matches(self, text: str) -> list[list[tuple[int, int, str]]]:
        """Per group, (start, end, word) of its matches in text order."""
        words = self._words
        if self._dfa is None:
            return [[(m.start(), m.end(), m.group()) for m in rx.finditer(text)] for rx in self._regexes]
        if len(self.groups) == 1:
            return [[(s, e, words[i]) for i, s, e in _find(self._dfa, text)]]
        out: list[list[tuple[int, int, str]]] = [[] for _ in self.groups]
        pos = [0] * len(out)
        group_of = self._group_of
        found = by_start_longest_first(_find(self._dfa, text, overlapping=True), indexed=True)
        for i, s, e in found:
            g = group_of[i]
            if s >= pos[g]:
                out[g].append((s, e, words[i]))
                pos[g] = e
        return out


@dataclass(frozen=True)
class Post:
    post: str
    body: str | None = None          # 区长 -> 区政府
    org_suffix: str | None = None    # 大使 -> 大使馆


@dataclass
class TitleLexicon:
    posts: dict[str, Post]
    after_name: frozenset[str]
    collective: frozenset[str]
    modifiers: tuple[str, ...]
    sub_bodies: frozenset[str]
    party_groups: frozenset[str]
    national_bodies: frozenset[str]
    local_bodies: dict[str, str]      # abbreviation -> level (区委 -> 区)
    foreign_bodies: tuple[str, ...]
    post_re: re.Pattern[str] = field(init=False)         # a post or collective title, anywhere
    post_suffix_re: re.Pattern[str] = field(init=False)  # the longest post ending a title
    after_re: re.Pattern[str] = field(init=False)        # posts written after a name
    modifier_re: re.Pattern[str] = field(init=False)
    local_re: re.Pattern[str] = field(init=False)
    foreign_re: re.Pattern[str] = field(init=False)
    foreign_end_re: re.Pattern[str] = field(init=False)
    post_start_re: re.Pattern[str] = field(init=False)   # text starting with a post
    post_finder: WordFinder = field(init=False)          # every post or collective title, as post_re finds them
    after_finder: WordFinder = field(init=False)         # as after_re finds them

    def __post_init__(self) -> None:
        heads = list(self.posts) + list(self.collective)
        self.post_re = re.compile(_alternation(heads))
        self.post_start_re = re.compile(_alternation(heads))
        self.post_suffix_re = re.compile(f"(?:{_alternation(heads)})$")
        self.after_re = re.compile(_alternation(self.after_name))
        self.post_finder = WordFinder(heads)
        self.after_finder = WordFinder(self.after_name)
        subs = _alternation(self.sub_bodies | self.party_groups)
        self.modifier_re = re.compile(f"(?:{_alternation(self.modifiers)})(?=(?:{subs})?$)")
        self.local_re = re.compile(f"(?:{_alternation(self.local_bodies)})")
        self.foreign_re = re.compile(_alternation(self.foreign_bodies))
        self.foreign_end_re = re.compile(f"(?:{_alternation(self.foreign_bodies)})$")


def load_titles(path: str | Path | None = None) -> TitleLexicon:
    """Load and check a titles lexicon (default: the shipped ``data/titles.yaml``)."""
    path = Path(path) if path else data_path("titles.yaml")
    data = load_yaml(path)
    posts: dict[str, Post] = {}
    for item in require(data, "posts", path, list):
        if isinstance(item, dict):
            word = item.get("post")
            unknown = set(item) - {"post", "body", "org_suffix"}
            if unknown:
                raise _fail(path, word, f"posts: unknown key(s) {sorted(unknown)} for {word!r}")
            extra = {k: item.get(k) for k in ("body", "org_suffix")}
            for k, v in extra.items():
                if v is not None and not (isinstance(v, str) and _HAN_WORD.fullmatch(v)):
                    raise _fail(path, word, f"posts: {k} of {word!r} must be Han characters, got {v!r}")
        else:
            word, extra = item, {}
        if not isinstance(word, str) or not _TITLE_WORD.fullmatch(word):
            raise _fail(path, word if isinstance(word, str) else item,
                        f"posts: bad entry {item!r} (expected a post word or {{post: …}})")
        if word in posts:
            raise _fail(path, word, f"posts: duplicate entry {word!r}")
        posts[str(word)] = Post(str(word), **{k: (str(v) if v else None) for k, v in extra.items()})
    after = word_list(data, "after_name", path)
    for w in after:
        if w not in posts:
            raise _fail(path, w, f"after_name: {w!r} is not one of the posts")
    collective = word_list(data, "collective", path)
    for w in collective:
        if w in posts:
            raise _fail(path, w, f"collective: {w!r} is also a post")
    local: dict[str, str] = {}
    table = require(data, "local_bodies", path, dict)
    for level, abbrs in table.items():
        if level not in LEVELS:
            raise DataFileError(f"local_bodies: unknown level {level!r} (one of {', '.join(LEVELS)})", source=str(path))
        if not isinstance(abbrs, list):
            raise DataFileError(f"local_bodies: {level} must be a list", source=str(path))
        for a in abbrs:
            if not isinstance(a, str) or not _HAN_WORD.fullmatch(a) or not a.startswith(level) or len(a) <= len(level):
                raise _fail(path, a, f"local_bodies: {a!r} must be Han characters starting with its level {level}")
            if a in local:
                raise _fail(path, a, f"local_bodies: duplicate entry {a!r}")
            local[str(a)] = level
    return TitleLexicon(
        posts=posts,
        after_name=frozenset(after),
        collective=frozenset(collective),
        modifiers=tuple(word_list(data, "modifiers", path)),
        sub_bodies=frozenset(word_list(data, "sub_bodies", path)),
        party_groups=frozenset(word_list(data, "party_groups", path)),
        national_bodies=frozenset(word_list(data, "national_bodies", path)),
        local_bodies=local,
        foreign_bodies=tuple(word_list(data, "foreign_bodies", path)),
    )


@dataclass
class NameCues:
    follow_words: frozenset[str]
    stop_chars: frozenset[str]
    not_final_chars: frozenset[str]
    closed_final_chars: frozenset[str]
    given_start_chars: frozenset[str]
    not_given_names: tuple[str, ...]
    not_names: frozenset[str]
    org_end_chars: frozenset[str]
    org_end_words: frozenset[str]
    left_words: tuple[str, ...]
    conjunctions: frozenset[str]
    name_left_chars: frozenset[str]
    post_body_words: frozenset[str]
    role_nouns: tuple[str, ...]
    journalist_nouns: tuple[str, ...]
    after_nouns: tuple[str, ...]
    weak_surnames: frozenset[str]
    speech_words: tuple[str, ...]
    transliteration: frozenset[str]
    not_place_stems: frozenset[str]
    national_papers: frozenset[str]
    paper_suffixes: tuple[str, ...]
    surnames: frozenset[str]
    compound_surnames: frozenset[str]


def _chars(data: dict[str, Any], key: str, path: Path) -> frozenset[str]:
    """A list of single characters (or one string of them)."""
    value = require(data, key, path, (list, str))
    items = list(value) if isinstance(value, str) else value
    seen: set[str] = set()
    for item in items:
        where = value if isinstance(value, str) else item
        if not isinstance(item, str) or len(item) != 1 or not _HAN_WORD.fullmatch(item):
            raise _fail(path, where, f"{key}: bad entry {item!r} (expected single Han characters)")
        if item in seen:
            raise _fail(path, where, f"{key}: duplicate entry {item!r}")
        seen.add(item)
    return frozenset(map(str, items))


def load_cues(path: str | Path | None = None) -> NameCues:
    """Load and check the name cues (default: the shipped ``data/people.yaml``)."""
    path = Path(path) if path else data_path("people.yaml")
    data = load_yaml(path)
    sn = surnames()
    return NameCues(
        follow_words=frozenset(word_list(data, "follow_words", path, _HAN_WORD)),
        stop_chars=_chars(data, "stop_chars", path),
        not_final_chars=_chars(data, "not_final_chars", path),
        closed_final_chars=_chars(data, "closed_final_chars", path),
        given_start_chars=_chars(data, "given_start_chars", path),
        not_given_names=tuple(word_list(data, "not_given_names", path, _HAN_WORD)),
        not_names=frozenset(word_list(data, "not_names", path, _HAN_WORD)),
        org_end_chars=_chars(data, "org_end_chars", path),
        org_end_words=frozenset(word_list(data, "org_end_words", path, _HAN_WORD, optional=True)),
        left_words=tuple(word_list(data, "left_words", path, _HAN_WORD)),
        conjunctions=_chars(data, "conjunctions", path),
        name_left_chars=_chars(data, "name_left_chars", path),
        post_body_words=frozenset(word_list(data, "post_body_words", path, _HAN_WORD)),
        role_nouns=tuple(word_list(data, "role_nouns", path, _HAN_WORD)),
        journalist_nouns=tuple(word_list(data, "journalist_nouns", path, _HAN_WORD)),
        after_nouns=tuple(word_list(data, "after_nouns", path, _HAN_WORD)),
        weak_surnames=_chars(data, "weak_surnames", path),
        speech_words=tuple(word_list(data, "speech_words", path, _HAN_WORD)),
        transliteration=_chars(data, "transliteration_chars", path),
        not_place_stems=frozenset(word_list(data, "not_place_stems", path, _HAN_WORD)),
        national_papers=frozenset(word_list(data, "national_papers", path, _HAN_WORD)),
        paper_suffixes=tuple(sorted(word_list(data, "paper_suffixes", path, _HAN_WORD), key=len, reverse=True)),
        surnames=frozenset(s for s in sn if len(s) == 1),
        compound_surnames=frozenset(s for s in sn if len(s) > 1),
    )


@lru_cache(maxsize=None)
def titles() -> TitleLexicon:
    return load_titles()


@lru_cache(maxsize=None)
def cues() -> NameCues:
    return load_cues()
