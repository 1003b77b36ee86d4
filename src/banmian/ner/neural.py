"""A small character CNN whose per-character tag guesses become features of the CRF (the fifth
round of the ORG target, see the model card; off unless ``tagger.json`` names an ``"neural"`` file).

Inputs per character: the normalized character and one "aux" id (its jieba word position and
length, the jieba dictionary tag of its word, its character class).  Layer 1 is a convolution
over ±3 characters; since its input is a sum of embeddings, it is stored as one lookup table per
offset (``tc``: character, ``ta``: aux), so at run time it is a gather and a sum.  Layer 2 is a
dilated convolution (width 3, dilation 2) over layer 1; the output layer reads both.  Inference is
numpy only (the weights are trained by ``scripts/ner/train_neural.py`` with torch, build time
only).  The CRF sees the network's best tag at the character and its neighbours, and its
confidence bucketed (``neural_features``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

if "numpy" not in sys.modules:  # one core: BLAS threads only slow the small products down
    for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(_v, "1")

WIDTH1 = 3  # layer 1 reads characters at -3..+3
DIL2 = 2  # layer 2: width 3, dilation 2

TAGS = ("O", "B-PER", "I-PER", "E-PER", "S-PER", "B-ORG", "I-ORG", "E-ORG", "S-ORG",
        "B-LOC", "I-LOC", "E-LOC", "S-LOC")
_CLASSES = "HDLPSNO"
_WORD_TAGS = ("", "nr", "ns", "nt", "nz", "oov")
N_WPOS = 10  # S, B2..B5, M, E2..E5
N_AUX = 1 + N_WPOS * len(_WORD_TAGS) * len(_CLASSES)  # 0: padding


def aux_ids(norm: str, words: list[str] | None, word_tags: Mapping[str, str], freq: Mapping[str, int],
            classes: Mapping[str, str], cache: dict | None = None) -> list[int]:
    """The aux id of every character (1..N_AUX-1): jieba word position, word tag, character class.

    ``cache`` (word -> its ids) may be shared between calls: the ids depend on the word alone."""
    if words is None:
        words = list(norm)
    out: list[int] = []
    pos = 0
    for w in words:
        wl = len(w)
        ids = cache.get(w) if cache is not None else None
        if ids is None:
            ids = _word_aux(w, norm[pos:pos + wl], word_tags, freq, classes)
            if cache is not None and len(cache) < 200_000:
                cache[w] = ids
        out += ids
        pos += wl
    return out


def _word_aux(w: str, nw: str, word_tags, freq, classes) -> tuple[int, ...]:
    nt = len(_WORD_TAGS)
    nc = len(_CLASSES)
    wl = len(w)
    cls = [_CLASSES.index(classes[c]) for c in nw]
    t = word_tags.get(w)
    if t is None and wl > 1 and not freq.get(w):
        t = "oov"
    ti = _WORD_TAGS.index(t) if t in _WORD_TAGS else 0
    base = 1 + ti * nc
    if wl == 1:
        return (base + cls[0],)
    k = min(wl, 5) - 2  # 0..3
    return (base + (1 + k) * nt * nc + cls[0], *(base + 5 * nt * nc + c for c in cls[1:-1]),
            base + (6 + k) * nt * nc + cls[-1])


def neural_features(top: list[str], conf: list[str]) -> list[list[str]]:
    """The CRF features from the network's best tags and their bucketed confidence (h / m / l)."""
    n = len(top)
    out = []
    for i in range(n):
        t = top[i]
        out.append(["nn" + t, "nc" + t + conf[i],
                    "np" + (top[i - 1] if i else "<"), "nx" + (top[i + 1] if i + 1 < n else ">")])
    return out


_NN = ["nn" + t for t in TAGS]
_NC = ["nc" + t + b for t in TAGS for b in "hml"]
_NP = ["np" + t for t in TAGS] + ["np<"]
_NX = ["nx" + t for t in TAGS] + ["nx>"]


def _fast_features(top: list[int], conf: list[int]) -> list[list[str]]:
    """``neural_features`` from tag and bucket numbers (the same strings, fewer operations)."""
    n = len(top)
    prev = [len(TAGS)] + top[:-1]
    nxt = top[1:] + [len(TAGS)]
    return [[_NN[t], _NC[3 * t + c], _NP[p], _NX[x]] for t, c, p, x in zip(top, conf, prev, nxt)] if n else []


class NeuralTagger:
    """The exported network (an .npz written by ``scripts/ner/train_neural.py``)."""

    def __init__(self, path: str | Path):
        import numpy as np

        self.np = np
        z = np.load(str(path), allow_pickle=False)
        chars = str(z["chars"])
        self.char_id = {c: i + 2 for i, c in enumerate(chars)}  # 0 padding, 1 unknown
        self.tc = z["tc"].astype(np.float32)  # (7 * V, H1): offset-major
        self.ta = z["ta"].astype(np.float32)  # (7 * A, H1)
        self.b1 = z["b1"].astype(np.float32)
        self.w2 = z["w2"].astype(np.float32)  # (3 * H1, H2)
        self.b2 = z["b2"].astype(np.float32)
        self.wo1 = z["wo1"].astype(np.float32)  # (H1, T)
        self.wo2 = z["wo2"].astype(np.float32)  # (H2, T)
        self.bo = z["bo"].astype(np.float32)
        self.n_chars = self.tc.shape[0] // (2 * WIDTH1 + 1)
        self.n_aux = self.ta.shape[0] // (2 * WIDTH1 + 1)
        k = 2 * WIDTH1 + 1
        self._offc = np.arange(k) * self.n_chars
        self._offa = np.arange(k) * self.n_aux + self.tc.shape[0]
        self.t1 = np.concatenate((self.tc, self.ta))  # one gather for both
        del self.tc, self.ta
        self._win = np.arange(k)
        self.h1 = self.b1.shape[0]

    def logits(self, norm: str, aux: list[int]):
        np = self.np
        n = len(norm)
        get = self.char_id.get
        pad = [0] * WIDTH1
        c = np.array(pad + [get(ch, 1) for ch in norm] + pad, dtype=np.intp)
        a = np.array(pad + aux + pad, dtype=np.intp)
        win = np.arange(n)[:, None] + self._win
        idx = np.concatenate((c[win] + self._offc, a[win] + self._offa), axis=1)
        h1 = self.t1[idx].sum(1)
        h1 += self.b1
        np.maximum(h1, 0, out=h1)
        z = np.zeros((n + 2 * DIL2, self.h1), dtype=np.float32)
        z[DIL2:DIL2 + n] = h1
        x2 = np.concatenate((z[:n], h1, z[2 * DIL2:]), axis=1)
        h2 = x2 @ self.w2
        h2 += self.b2
        np.maximum(h2, 0, out=h2)
        return h1 @ self.wo1 + h2 @ self.wo2 + self.bo

    def best(self, norm: str, aux: list[int]) -> tuple[list[str], list[str]]:
        """The best tag of every character and its probability bucketed (h / m / l)."""
        np = self.np
        lg = self.logits(norm, aux)
        top = lg.argmax(1)
        mx = lg.max(1)
        p = 1.0 / np.exp(lg - mx[:, None]).sum(1)
        tags = [TAGS[i] for i in top.tolist()]
        conf = ["h" if x >= 0.9 else "m" if x >= 0.6 else "l" for x in p.tolist()]
        return tags, conf

    def features(self, norm: str, aux: list[int]) -> list[list[str]]:
        """``neural_features(*self.best(norm, aux))``, faster."""
        np = self.np
        lg = self.logits(norm, aux)
        top = lg.argmax(1)
        mx = lg.max(1)
        p = 1.0 / np.exp(lg - mx[:, None]).sum(1)
        conf = (p < 0.9).astype(np.intp) + (p < 0.6)
        return _fast_features(top.tolist(), conf.tolist())
