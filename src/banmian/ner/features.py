"""Per-character features for the CRF tagger.

One function turns a text into one list of feature strings per character; the
training script and the run-time tagger share it, so what the model learned
is exactly what it sees.  Groups (each can be switched off, which is how they
were selected on the People's Daily dev split):

``char``    normalized characters at -2..+2 and the bigrams around the position
``tri``     the trigram centred on the position
``class``   character classes (Han, digit, Latin, punctuation…) at -1..+1
``word``    jieba word boundaries: position in its word (B/M/E/S) and length;
            the word itself; the words before and after a word boundary
``pos``     the jieba dictionary's tag of the word (person, place,
            organization, other proper name) and whether a word of two or
            more characters is missing from the dictionary (found by the HMM)
``lex``     lexicon matches (surnames, titles, organization and place
            suffixes, names): inside a match (B/I/E/S), and a match ending
            right before or starting right after the position
``skip``    the characters at -1 and +1 together; the characters at ±3
``ahead``   distance (bucketed) to the next organization suffix, place
            suffix or title ahead in the same clause, and to the last one
            behind: evidence for long names beyond the ±2 window
``orgw``    organization-headed jieba words: a word ending in an organization suffix
            after a name part (土地局, 供销社), a word that is a bare suffix
            (办事处, 中心), and the one and two words before such a word in
            the same clause: evidence for names longer than the ±2 window
            (tried, off by default: see the model card)
``orgc``    like ``orgw`` but binary over the whole clause: whether an organization-headed
            word comes later in the same clause (word distance bucketed 1, 2, 3, 4-6,
            farther), the organization-headed word itself, and a jieba dictionary place
            word (ns) right before one (日本|大藏省) (in the shipped model since its second
            round; see the model card)
``cpos``    the character joined with its position in its jieba word (B/M/E/S) (tried, off
            by default: see the model card)
``wpos``    the jieba dictionary part-of-speech tag of the word (v, a, m, t, f, j…; n for
            other dictionary words, x outside it) on all its characters, and of the words
            before and after it at its edges (tried, off by default: see the model card)
``clus``    distributional clusters of the jieba word (``word_clusters.txt``, built from unlabeled
            text by ``scripts/ner/build_clusters.py``) at 64 / 256 / 1024 clusters on each of
            its characters, and the 256-cluster of the word before at its first character and of
            the word after at its last (see the model card)
``clusn``   with ``clus``: the 64- and 256-clusters of the words before and after on every
            character of the word
``clusp``   with ``clus``: the word's own clusters joined with the character's position in the
            word (B/M/E/S) instead of alone
``translit`` runs of characters used in transliterated foreign names
            (阿维兰热): position in the run and its length
``name``    name patterns: a surname that jieba leaves as a one-character
            word, followed by one or two Han characters; surname after a title

``stack_features`` makes the features of a stacked second stage from the first stage's tags
(``train.py --stack``; tried, not in the shipped model: see the model card).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping

DEFAULT_GROUPS = frozenset({"char", "tri", "class", "word", "pos", "lex", "name", "translit", "orgc"})

# fullwidth ASCII -> ASCII, ideographic space -> space, letters lowercased,
# every digit -> 0 (numbers matter by shape, not value)
_NORM: dict[int, str] = {}
for _c in range(0xFF01, 0xFF5F):
    _NORM[_c] = chr(_c - 0xFEE0)
_NORM[0x3000] = " "
for _c in range(ord("A"), ord("Z") + 1):
    _NORM[_c] = chr(_c + 32)
    _NORM[_c + 0xFEE0] = chr(_c + 32)
for _c in range(10):
    _NORM[ord("0") + _c] = "0"
    _NORM[0xFF10 + _c] = "0"
NORM_TABLE = str.maketrans(_NORM)
# only fullwidth -> ASCII: what jieba segments (it groups ASCII digits and letters)
WIDTH_TABLE = str.maketrans({c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)} | {0x3000: " "})

_PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】『』「」—…·．,.;:?!\"'()[]<>-/／%％～~∶")


def _char_class(ch: str) -> str:
    o = ord(ch)
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FFFF or 0xF900 <= o <= 0xFAFF:
        return "H"
    if ch == "0":
        return "D"
    if "a" <= ch <= "z":
        return "L"
    if ch in _PUNCT:
        return "P"
    if ch.isspace():
        return "S"
    if ch in "〇零一二三四五六七八九十百千万亿两":
        return "N"  # never reached for 一…: Han wins; kept for clarity
    return "O"


class _ClassCache(dict):
    def __missing__(self, ch: str) -> str:
        v = _char_class(ch)
        self[ch] = v
        return v


_CLASS = _ClassCache()

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


class Lexicon:
    """Word lists by category, matched as substrings of the normalized text."""

    def __init__(self, lists: Mapping[str, Iterable[str]]):
        table: dict[str, list[str]] = {}
        for cat, words in lists.items():
            for w in words:
                w = w.translate(NORM_TABLE)
                if w:
                    cats = table.setdefault(w, [])
                    if cat not in cats:
                        cats.append(cat)
        self.words = {w: tuple(sorted(c)) for w, c in table.items()}
        # every prefix of a word maps to the word's categories, or () when only a prefix
        self.table: dict[str, tuple[str, ...]] = {}
        for w in self.words:
            for k in range(1, len(w)):
                self.table.setdefault(w[:k], ())
        self.table.update(self.words)

    def matches(self, norm: str) -> list[tuple[int, int, str]]:
        """(start, end, category) of every lexicon word occurring in ``norm``, by start then end."""
        out: list[tuple[int, int, str]] = []
        get = self.table.get
        n = len(norm)
        for i in range(n):
            j = i + 1
            cats = get(norm[i:j])
            while cats is not None:
                for cat in cats:
                    out.append((i, j, cat))
                j += 1
                if j > n:
                    break
                cats = get(norm[i:j])
        return out


def _quiet_jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    return jieba


class Featurizer:
    def __init__(self, lexicon: Lexicon, surnames: Iterable[str], groups: Iterable[str] = DEFAULT_GROUPS,
                 hmm: bool = True, translit: Iterable[str] = (), word_tags: Mapping[str, str] | None = None,
                 word_pos: Mapping[str, str] | None = None,
                 word_clusters: Mapping[str, tuple[str, ...]] | None = None):
        self.lexicon = lexicon
        self.word_clusters = word_clusters or {}
        self.word_tags = word_tags or {}
        self.word_pos = word_pos or {}
        self.translit = frozenset(translit) | {"·"}
        self.surnames = frozenset(s for s in surnames if len(s) == 1)
        self.groups = frozenset(groups)
        self.hmm = hmm
        self._jieba = None
        # (the orgw group's state: built only when the group is on, off in the shipped model)
        self._org_suffixes = self._suffixes(lexicon) if self.groups & {"orgw", "orgc"} else {}
        self._org_kinds: dict[str, str] = {}
        self._clus = self._cluster_features(self.word_clusters) if "clus" in self.groups else {}

    @staticmethod
    def _cluster_features(clusters: Mapping[str, tuple[str, ...]]) -> dict[str, tuple]:
        """word -> (own features, own features by position B/M/E/S, as the word before (its 256-
        cluster), as the word after, as the word before / after on every character (64, 256)),
        built once so the featurizer does one dict lookup per word."""
        out = {}
        for w, ids in clusters.items():
            a, b, c = ids[-3:]
            own = ("qa" + a, "qb" + b, "qc" + c)
            by_pos = {p: (f"qa{p}{a}", f"qb{p}{b}", f"qc{p}{c}") for p in "BMES"}
            out[w] = (own, by_pos, "qp" + b, "qn" + b, ("qpa" + a, "qpb" + b), ("qna" + a, "qnb" + b))
        return out

    @staticmethod
    def _suffixes(lexicon: Lexicon) -> dict[int, frozenset[str]]:
        """Organization-suffix words of the lexicon by length."""
        by_len: dict[int, set[str]] = {}
        for w, cats in lexicon.words.items():
            if "O" in cats:
                by_len.setdefault(len(w), set()).add(w)
        return {k: frozenset(v) for k, v in sorted(by_len.items(), reverse=True)}

    def with_lexicon(self, lexicon: Lexicon) -> Featurizer:
        """The same featurizer (sharing its jieba tokenizer) over another lexicon."""
        other = Featurizer(lexicon, (), groups=self.groups, hmm=self.hmm)
        other.surnames, other.translit, other._jieba = self.surnames, self.translit, self._jieba
        other.word_tags = self.word_tags
        other.word_pos = self.word_pos
        other.word_clusters = self.word_clusters
        other._clus = self._clus
        other._org_suffixes = self._org_suffixes
        return other

    AHEAD = ("O", "P", "T")

    @staticmethod
    def _bucket(d: int) -> str:
        return "1" if d <= 1 else "2" if d == 2 else "4" if d <= 4 else "8" if d <= 8 else "9"

    def _ahead(self, norm: str, feats: list[list[str]], matches: list[tuple[int, int, str]]) -> None:
        """For O/P/T matches: distance from each char to the end of the nearest match ending at or
        after it, and from the end of the last match before it, within a clause (no punctuation
        or space between)."""
        n = len(norm)
        cnt = [0] * (n + 1)
        for i, ch in enumerate(norm):
            cnt[i + 1] = cnt[i] + (_CLASS[ch] in "PS")
        bucket = self._bucket
        for cat in self.AHEAD:
            last_chars = sorted({e - 1 for s, e, c in matches if c == cat})
            if not last_chars:
                continue
            k = len(last_chars) - 1
            nxt = -1
            for i in range(n - 1, -1, -1):
                while k >= 0 and last_chars[k] >= i:
                    nxt = last_chars[k]
                    k -= 1
                if nxt >= 0 and cnt[nxt + 1] == cnt[i]:
                    feats[i].append("A" + cat + bucket(nxt - i + 1))
            k = 0
            last = -1
            for i in range(n):
                while k < len(last_chars) and last_chars[k] < i:
                    last = last_chars[k] + 1
                    k += 1
                if last >= 0 and cnt[i + 1] == cnt[last]:
                    feats[i].append("Z" + cat + bucket(i - last + 1))

    def _org_kind(self, word: str) -> str:
        """"X" for a bare organization suffix of two or more characters (办事处), "W" for a word
        ending in one after a name part (土地局; a one-character suffix needs a two-character
        name part), else ""."""
        kind = self._org_kinds.get(word)
        if kind is None:
            wn = word.translate(NORM_TABLE)
            sfx = self._org_suffixes
            kind = ""
            if len(wn) > 1:
                if wn in sfx.get(len(wn), ()):
                    kind = "X"
                else:
                    for k, ws in sfx.items():
                        if k < len(wn) and (k > 1 or len(wn) > 2) and wn[-k:] in ws:
                            kind = "W"
                            break
            if len(self._org_kinds) > 200_000:
                self._org_kinds.clear()
            self._org_kinds[word] = kind
        return kind

    def _orgw(self, words: list[str], feats: list[list[str]]) -> None:
        """Mark organization-headed words and the two words before each (within a clause)."""
        starts = []
        pos = 0
        for w in words:
            starts.append(pos)
            pos += len(w)
        org_kind = self._org_kind
        for wi, w in enumerate(words):
            kind = org_kind(w)
            if not kind:
                continue
            s = starts[wi]
            f = "o" + kind
            for j in range(s, s + len(w)):
                feats[j].append(f)
            for back in (1, 2):
                pj = wi - back
                if pj < 0 or _CLASS[words[pj][0].translate(NORM_TABLE)] in "PS":
                    break
                f = f"o{kind}+{back}"
                for j in range(starts[pj], starts[pj] + len(words[pj])):
                    feats[j].append(f)

    def _wpos(self, words: list[str], feats: list[list[str]]) -> None:
        """The dictionary tag of each word (proper-name tag first, then part of speech; n for other
        dictionary words, P punctuation or space, x unknown) and of its neighbours at its edges."""
        tags, ptags, freq = self.word_tags, self.word_pos, self.jieba.FREQ
        wt = []
        for w in words:
            t = tags.get(w) or ptags.get(w)
            if t is None:
                t = "n" if freq.get(w) else "P" if _CLASS[w[0].translate(NORM_TABLE)] in "PS" else "x"
            wt.append(t)
        pos = 0
        nw = len(words)
        for wi, w in enumerate(words):
            f = "wp=" + wt[wi]
            for j in range(pos, pos + len(w)):
                feats[j].append(f)
            feats[pos].append("wp-1=" + (wt[wi - 1] if wi else "<s>"))
            feats[pos + len(w) - 1].append("wp+1=" + (wt[wi + 1] if wi + 1 < nw else "</s>"))
            pos += len(w)

    _NO_CLUS = ((), None, "qp-", "qn-", ("qpa-", "qpb-"), ("qna-", "qnb-"))
    _EDGE_CLUS = ((), None, "qp<s>", "qn</s>", ("qpa<s>", "qpb<s>"), ("qna</s>", "qnb</s>"))

    def _clusters(self, nws: list[str], feats: list[list[str]]) -> None:
        """The ``clus`` features (``clusn``, ``clusp`` variants) of every word's characters."""
        get = self._clus.get
        none, edge = self._NO_CLUS, self._EDGE_CLUS
        cl = [get(w, none) for w in nws]
        g = self.groups
        every, by_pos = "clusn" in g, "clusp" in g
        nw = len(nws)
        pos = 0
        for wi, w in enumerate(nws):
            wl = len(w)
            own, posf, *_ = cl[wi]
            prev = cl[wi - 1] if wi else edge
            nxt = cl[wi + 1] if wi + 1 < nw else edge
            if own:
                if by_pos:
                    if wl == 1:
                        feats[pos].extend(posf["S"])
                    else:
                        feats[pos].extend(posf["B"])
                        for j in range(pos + 1, pos + wl - 1):
                            feats[j].extend(posf["M"])
                        feats[pos + wl - 1].extend(posf["E"])
                else:
                    for j in range(pos, pos + wl):
                        feats[j].extend(own)
            feats[pos].append(prev[2])
            feats[pos + wl - 1].append(nxt[3])
            if every:
                both = prev[4] + nxt[5]
                for j in range(pos, pos + wl):
                    feats[j].extend(both)
            pos += wl

    def _orgc(self, words: list[str], feats: list[list[str]]) -> None:
        """Mark organization-headed words (oc0X bare suffix, oc0W name + suffix) and every word by
        the word distance to the next one in its clause."""
        org_kind = self._org_kind
        tags = self.word_tags
        nxt = -1  # index of the next organization-headed word in this clause, -1 if none
        pos = len(feats)
        for wi in range(len(words) - 1, -1, -1):
            w = words[wi]
            pos -= len(w)
            if _CLASS[w[0].translate(NORM_TABLE)] in "PS":
                nxt = -1
                continue
            if nxt >= 0:
                d = nxt - wi
                b = "1" if d == 1 else "2" if d == 2 else "3" if d == 3 else "6" if d <= 6 else "9"
                f = "oc" + b
                extra = "ocns" if d == 1 and tags.get(w) == "ns" else None
                for j in range(pos, pos + len(w)):
                    feats[j].append(f)
                    if extra:
                        feats[j].append(extra)
            kind = org_kind(w)
            if kind:
                nxt = wi
                for j in range(pos, pos + len(w)):
                    feats[j].append("oc0" + kind)

    @property
    def jieba(self):
        if self._jieba is None:
            jieba = _quiet_jieba()
            tok = jieba.Tokenizer()
            tok.initialize()
            self._jieba = tok
        return self._jieba

    def words(self, text: str) -> list[str]:
        toks = self.jieba.lcut(text.translate(WIDTH_TABLE), HMM=self.hmm)
        if sum(map(len, toks)) != len(text):  # jieba drops nothing we know of; be safe
            return list(text)
        return toks

    def __call__(self, text: str) -> list[list[str]]:
        return self.featurize(text)[0]

    def featurize(self, text: str) -> tuple[list[list[str]], list[str] | None]:
        """The features of every character, and the jieba words (None when the word group is off)."""
        g = self.groups
        words: list[str] | None = None
        norm = text.translate(NORM_TABLE)
        n = len(norm)
        p = ["<s2", "<s1", *norm, "</s1", "</s2"]
        cols: list[list[str]] = [["bias"] * n]
        if "char" in g:
            bg = [x + y for x, y in zip(p, p[1:])]
            cols += (["a" + c for c in p[:n]], ["b" + c for c in p[1:n + 1]], ["c" + c for c in norm],
                     ["d" + c for c in p[3:n + 3]], ["e" + c for c in p[4:]],
                     ["ab" + x for x in bg[:n]], ["bc" + x for x in bg[1:n + 1]],
                     ["cd" + x for x in bg[2:n + 2]], ["de" + x for x in bg[3:]])
            if "tri" in g:
                cols.append(["bcd" + x + y for x, y in zip(bg[1:n + 1], p[3:])])
        if "class" in g:
            k = ["B", *(_CLASS[ch] for ch in norm), "E"]
            cols.append(["k" + x + y + z for x, y, z in zip(k, k[1:], k[2:])])
        feats: list[list[str]] = [list(t) for t in zip(*cols)] if n else []
        if "skip" in g:
            p3 = ["<s3", *p, "</s3"]
            for i, f in enumerate(feats):
                f += ("bd" + p[i + 1] + p[i + 3], "z" + p3[i], "y" + p3[i + 6])
        if "word" in g and n:
            words = self.words(text)
            tags = self.word_tags if "pos" in g else None
            freq = self.jieba.FREQ
            # the normalized words: slices of norm (jieba's words are slices of the width-normalized
            # text, and NORM_TABLE of it equals NORM_TABLE of the text, character by character)
            nws = []
            pos = 0
            for w in words:
                nws.append(norm[pos:pos + len(w)])
                pos += len(w)
            pos = 0
            nw = len(words)
            for wi, w in enumerate(words):
                wl = len(w)
                wn = nws[wi]
                lbl = str(wl) if wl < 5 else "5"
                if wl == 1:
                    f = feats[pos]
                    f.append("wS")
                else:
                    feats[pos].append("wB" + lbl)
                    for j in range(pos + 1, pos + wl - 1):
                        feats[j].append("wM" + lbl)
                    feats[pos + wl - 1].append("wE" + lbl)
                if wl > 1 or _CLASS[wn[0]] == "H":
                    for j in range(pos, pos + wl):
                        feats[j].append("w=" + wn)
                if tags is not None:
                    t = tags.get(w)
                    if t is None and wl > 1 and not freq.get(w):
                        t = "oov"
                    if t is not None:
                        for j in range(pos, pos + wl):
                            feats[j].append("wt=" + t)
                prev = nws[wi - 1] if wi else "<s>"
                nxt = nws[wi + 1] if wi + 1 < nw else "</s>"
                feats[pos].append("w-1=" + prev)
                feats[pos + wl - 1].append("w+1=" + nxt)
                pos += wl
            if "clus" in g:
                self._clusters(nws, feats)
            if "wpos" in g:
                self._wpos(words, feats)
            if "cpos" in g:
                pos = 0
                for w in words:
                    wl = len(w)
                    if wl == 1:
                        feats[pos].append("cS" + norm[pos])
                    else:
                        feats[pos].append("cB" + norm[pos])
                        for j in range(pos + 1, pos + wl - 1):
                            feats[j].append("cM" + norm[j])
                        feats[pos + wl - 1].append("cE" + norm[pos + wl - 1])
                    pos += wl
            if "orgw" in g:
                self._orgw(words, feats)
            if "orgc" in g:
                self._orgc(words, feats)
        lex_at: list[set[str]] | None = None
        if ("lex" in g or "name" in g) and n:
            lex_at = [set() for _ in range(n)]
            matches = self.lexicon.matches(norm)
            for s, e, cat in matches:
                if e - s == 1:
                    lex_at[s].add(cat + "S")
                else:
                    lex_at[s].add(cat + "B")
                    for j in range(s + 1, e - 1):
                        lex_at[j].add(cat + "I")
                    lex_at[e - 1].add(cat + "E")
                if s > 0:
                    lex_at[s - 1].add(cat + ">")
                if e < n:
                    lex_at[e].add(cat + "<")
            if "lex" in g:
                for f, cats in zip(feats, lex_at):
                    if cats:
                        f.extend(sorted("L" + c for c in cats))
            if "ahead" in g:
                self._ahead(norm, feats, matches)
        if "translit" in g:
            tr = self.translit
            i = 0
            while i < n:
                if norm[i] not in tr or norm[i] == "·":
                    i += 1
                    continue
                j = i + 1
                while j < n and norm[j] in tr:
                    j += 1
                while norm[j - 1] == "·":
                    j -= 1
                run = j - i
                if run >= 2:
                    lbl = str(run) if run < 6 else "6"
                    feats[i].append("trB" + lbl)
                    for m in range(i + 1, j - 1):
                        feats[m].append("trI" + lbl)
                    feats[j - 1].append("trE" + lbl)
                i = j
        if "name" in g and n:
            sur = self.surnames
            for i, ch in enumerate(norm):
                if ch in sur:
                    f = feats[i]
                    f.append("sur")
                    nxt = norm[i + 1:i + 3]
                    han = sum(1 for c in nxt if _CLASS[c] == "H")
                    f.append(f"surH{han}")
                    if lex_at is not None and ("T<" in lex_at[i]):
                        f.append("T<sur")
                    if "word" in g and "wS" in f:
                        f.append("surS")
                    if i and norm[i - 1] in sur:
                        f.append("sur-1")
                if i and norm[i - 1] in sur:
                    feats[i].append("sur<")
                if i > 1 and norm[i - 2] in sur:
                    feats[i].append("sur<<")
        return feats, words


class _Prefixed(dict):
    """prefix + key, built once per key."""

    def __init__(self, prefix: str):
        super().__init__()
        self.prefix = prefix

    def __missing__(self, key: str) -> str:
        v = self[key] = self.prefix + key
        return v


_STACK_Y = (_Prefixed("y="), _Prefixed("y-1="), _Prefixed("y+1="))
_STACK_T = tuple(_Prefixed(p) for p in ("t-2=", "t+2=", "t-3=", "t+3=", "t-4=", "t+4="))
_STACK_CF = _Prefixed("cf")


def _len_bucket(k: int) -> str:
    return str(k) if k <= 3 else "5" if k <= 5 else "8" if k <= 8 else "9"


def stack_features(norm: str, words: list[str] | None, tags: list[str], conf: list[float] | None = None,
                   org_kind=None) -> list[list[str]]:
    """The second-stage features of every character, from the first stage's BIOES tags:
    the predicted tag here and at ±1, the predicted entity type at ±2..±4, the first stage's
    confidence (marginal of its tag, bucketed), the predicted span holding the character (type with
    its length, first and last character, the types of spans touching it on either side), and for
    every jieba word the predicted type right before and right after it, whether a predicted span
    boundary cuts it, and an organization-headed word right after a predicted entity."""
    n = len(tags)
    types = [t[2:] if len(t) > 2 else "O" for t in tags]
    y0, ym, yp = _STACK_Y
    tm2, tp2, tm3, tp3, tm4, tp4 = _STACK_T
    ty = ["<s>"] * 4 + types + ["</s>"] * 4
    tg = ["<s>", *tags, "</s>"]
    out: list[list[str]] = [
        [y0[tg[i + 1]], ym[tg[i]], yp[tg[i + 2]], tm2[ty[i + 2]], tp2[ty[i + 6]], tm3[ty[i + 1]], tp3[ty[i + 7]],
         tm4[ty[i]], tp4[ty[i + 8]]] for i in range(n)]
    if conf is not None:
        for f, c, t in zip(out, conf, types):
            f.append(_STACK_CF[("9" if c >= 0.9 else "7" if c >= 0.7 else "5" if c >= 0.5 else "0") + t])
    # spans (BIOES, conlleval rules as in corpus.spans_from_tags)
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, t in enumerate(tags):
        pre, typ = t[:1], t[2:]
        if pre in "BS" or pre == "O" or typ != kind:
            if kind:
                spans.append((start, i, kind))
            start, kind = (i, typ) if pre != "O" else (-1, "")
        if pre in "ES" and kind:
            spans.append((start, i + 1, kind))
            start, kind = -1, ""
    if kind:
        spans.append((start, n, kind))
    bounds = set()
    for k, (s, e, t) in enumerate(spans):
        bounds.add(s)
        bounds.add(e)
        adjp = spans[k - 1][2] if k and spans[k - 1][1] == s else "-"
        adjn = spans[k + 1][2] if k + 1 < len(spans) and spans[k + 1][0] == e else "-"
        fs = ("sl=" + t + _len_bucket(e - s), "se=" + t + norm[e - 1], "sb=" + t + norm[s], "sa=" + adjp + t + adjn)
        for j in range(s, e):
            out[j].extend(fs)
    if words:
        pos = 0
        for w in words:
            e = pos + len(w)
            pt = types[pos - 1] if pos else "<s>"
            fs = ["pw=" + pt, "nw=" + (types[e] if e < n else "</s>")]
            if any(b in bounds for b in range(pos + 1, e)):
                fs.append("cut")
            if org_kind is not None and pt not in ("O", "<s>"):
                k = org_kind(w)
                if k:
                    fs.append("ok" + k + pt)
            for j in range(pos, e):
                out[j].extend(fs)
            pos = e
    return out
