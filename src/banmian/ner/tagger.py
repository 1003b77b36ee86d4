"""The shipped PER / ORG / LOC tagger: a character CRF (python-crfsuite).

>>> from banmian.ner import Tagger
>>> tagger = Tagger.load()
>>> [(e.text, e.type) for e in tagger.tag("市委书记徐惠民在港闸区调研")]  # doctest: +SKIP
[('徐惠民', 'PER'), ('港闸区', 'LOC')]

Offsets are code points into the string given; texts of any length and
script are accepted (long texts are tagged in sentence-sized pieces).
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from . import gazetteer
from .corpus import spans_from_tags
from .features import DEFAULT_GROUPS, NORM_TABLE, Featurizer, Lexicon, stack_features
from .lexicons import jieba_pos, jieba_tags, translit_chars, word_clusters, word_lists

MODEL_PACKAGE = "banmian.ner.model"
MODEL_NAME = "tagger.crfsuite"
META_NAME = "tagger.json"

# a piece longer than this is cut at a comma, else hard (training sentences average ~50 chars)
MAX_PIECE = 400
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;\n])")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SOFT_BREAK = re.compile(r"(?<=[，、,：:\s])")


@dataclass(frozen=True, order=True)
class Entity:
    start: int
    end: int
    type: str
    text: str

    def to_dict(self) -> dict:
        return asdict(self)


def default_model_path() -> Path:
    return Path(str(resources.files(MODEL_PACKAGE).joinpath(MODEL_NAME)))


def pieces(text: str, max_len: int = MAX_PIECE) -> list[tuple[int, str]]:
    """Cut text into (offset, piece) at sentence ends; long pieces at commas, then hard."""
    out: list[tuple[int, str]] = []
    pos = 0
    for sent in _SENTENCE_END.split(text):
        if not sent:
            continue
        if len(sent) <= max_len:
            out.append((pos, sent))
            pos += len(sent)
            continue
        buf_start, buf = pos, ""
        for part in _SOFT_BREAK.split(sent):
            while len(part) > max_len:  # no break at all: hard cut
                if buf:
                    out.append((buf_start, buf))
                    buf_start, buf = buf_start + len(buf), ""
                out.append((buf_start, part[:max_len]))
                buf_start += max_len
                part = part[max_len:]
            if len(buf) + len(part) > max_len and buf:
                out.append((buf_start, buf))
                buf_start, buf = buf_start + len(buf), ""
            buf += part
        if buf:
            out.append((buf_start, buf))
        pos += len(sent)
    return out


_PAIRS = {"《": "》", "“": "”", "（": "）", "「": "」", "『": "』", "〈": "〉", "(": ")"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}


def balance_brackets(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Widen a span by one character to close a quote or title bracket it opens or closes.

    A character CRF often stops one short of a bracket (``时代潮》杂志`` for
    ``《时代潮》杂志``, ``晋察冀区《晋察冀日报`` for ``…日报》``): names do not hold
    half a bracket pair, so the missing half next to the span is taken in, unless
    another span holds it.
    """
    out = list(spans)
    for k, (start, end, kind) in enumerate(out):
        name = text[start:end]
        depth: dict[str, int] = {}
        for ch in name:
            if ch in _PAIRS:
                depth[ch] = depth.get(ch, 0) + 1
            elif ch in _CLOSERS:
                depth[_CLOSERS[ch]] = depth.get(_CLOSERS[ch], 0) - 1
        for opener, d in depth.items():
            if d < 0 and start > 0 and text[start - 1] == opener and (k == 0 or out[k - 1][1] < start):
                start -= 1
            elif d > 0 and end < len(text) and text[end] == _PAIRS[opener] and (
                    k + 1 == len(out) or out[k + 1][0] > end):
                end += 1
        out[k] = (start, end, kind)
    return out


class Tagger:
    """Load with :meth:`Tagger.load` (cached); call :meth:`tag`."""

    def __init__(self, model_path: str | Path, meta: dict | None = None):
        import pycrfsuite

        self.model_path = Path(model_path)
        if meta is None:
            meta_path = self.model_path.with_suffix(".json")
            meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        self.meta = meta
        lists = dict(word_lists())
        if meta.get("gazetteer"):
            lists |= gazetteer.as_categories(gazetteer.read(self.model_path.parent / meta["gazetteer"]))
        groups = meta.get("groups", DEFAULT_GROUPS)
        self.featurizer = Featurizer(Lexicon({c: lists[c] for c in meta.get("lexicons", lists)}),
                                     lists["S"], groups=groups,
                                     hmm=meta.get("hmm", True), translit=translit_chars(),
                                     word_tags=jieba_tags(), word_pos=jieba_pos() if "wpos" in groups else None,
                                     word_clusters=word_clusters() if "clus" in groups else None)
        if "word" in self.featurizer.groups:
            self.featurizer.jieba  # noqa: B018 - load the dictionary now, not on the first call
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(self.model_path))
        # a stacked second stage (see the model card): a CRF over the first stage's features and
        # the first stage's predicted tags around each character
        stage2 = meta.get("stage2")
        self._crf2 = None
        self._stack_conf = False
        if stage2:
            self._crf2 = pycrfsuite.Tagger()
            self._crf2.open(str(self.model_path.parent / stage2["model"]))
            self._stack_conf = bool(stage2.get("conf", True))
        # a character CNN whose best tags are features (fifth round, see the model card; the
        # shipped model has none)
        self._nn = None
        if meta.get("neural"):
            from .neural import NeuralTagger

            self._nn = NeuralTagger(self.model_path.parent / meta["neural"])
        self._aux_cache: dict = {}
        self._lock = threading.Lock()

    @classmethod
    def load(cls, model_path: str | Path | None = None) -> Tagger:
        """The tagger for a model file (default: the shipped one), loaded once per process."""
        return _load(str(model_path or default_model_path()))

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, type) spans, sorted and non-overlapping."""
        return [(s, e, t) for s, e, t, _ in self._spans(text, confidence=False)]

    def scored_spans(self, text: str) -> list[tuple[int, int, str, float]]:
        """(start, end, type, confidence): confidence is the lowest marginal probability
        of the span's tags, so a caller can keep only the spans the model is sure of."""
        return self._spans(text, confidence=True)

    def _spans(self, text: str, confidence: bool) -> list[tuple[int, int, str, float]]:
        if not text:
            return []
        out: list[tuple[int, int, str, float]] = []
        for offset, piece in pieces(text):
            if not piece.strip():
                continue
            # a lone surrogate (from broken input) cannot be handed to crfsuite: same length, no name
            clean = _SURROGATE.sub("\ufffd", piece)
            xseq, words = self.featurizer.featurize(clean)
            if self._nn is not None:
                xseq = self._nn_features(clean, xseq, words)
            with self._lock:  # a crfsuite tagger is not thread-safe
                crf = self._crf
                tags = crf.tag(xseq)
                if self._crf2 is not None:
                    conf = [crf.marginal(t, i) for i, t in enumerate(tags)] if self._stack_conf else None
                    extra = stack_features(clean.translate(NORM_TABLE), words, tags, conf,
                                           self.featurizer._org_kind)
                    crf = self._crf2
                    tags = crf.tag([a + b for a, b in zip(xseq, extra)])
                found = spans_from_tags(tags)
                probs = [min(crf.marginal(tags[i], i) for i in range(s, e)) if confidence else 1.0
                         for s, e, _ in found]
            for (s, e, t), p in zip(balance_brackets(piece, found), probs):
                out.append((offset + s, offset + e, t, p))
        return out

    def _nn_features(self, text: str, xseq: list[list[str]], words: list[str] | None) -> list[list[str]]:
        from .features import _CLASS
        from .neural import aux_ids

        norm = text.translate(NORM_TABLE)
        f = self.featurizer
        aux = aux_ids(norm, words, f.word_tags, f.jieba.FREQ, _CLASS, self._aux_cache)
        for a, b in zip(xseq, self._nn.features(norm, aux)):
            a += b
        return xseq

    def tag(self, text: str) -> list[Entity]:
        """Entities in ``text``: offsets in code points into it, ``text[start:end] == entity.text``."""
        if not isinstance(text, str):
            raise TypeError(f"tag() needs a str, got {type(text).__name__}")
        return [Entity(s, e, t, text[s:e]) for s, e, t in self.spans(text)]


@lru_cache(maxsize=4)
def _load(path: str) -> Tagger:
    return Tagger(path)


def tag(text: str) -> list[Entity]:
    """Tag with the shipped model."""
    return Tagger.load().tag(text)
