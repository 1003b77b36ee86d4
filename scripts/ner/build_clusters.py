#!/usr/bin/env python3
"""Build the word clusters of the tagger's ``clus`` feature group from unlabeled text.

    pip install -e '.[train]'        # numpy, scipy, scikit-learn: build time only
    python scripts/ner/build_clusters.py [--corpora ../shared/corpora] [--out FILE] [--check]

Distributional word clusters as CRF features (Turian, Ratinov & Bengio 2010; Ratinov & Roth
2009), made the way Levy, Goldberg & Dagan (2015) recommend for count vectors:

1. Text: the msra-ner training text (characters only, no tags; filtered against the People's
   Daily dev/test splits, see its SOURCE.md) and rmrb-2019-10 (People's Daily, October 2019),
   cut into sentences.  Any sentence equal to a dev/test sentence or sharing a 20-character
   window with one (after NFKC) is dropped, as the msra filtering did.
2. Words: jieba (the tagger's own segmentation: width-normalized text, HMM on), each word
   normalized as the tagger's features see it (``NORM_TABLE``: digits 0, Latin lowercased).
   Words seen ``--min-count`` times or more are clustered.
3. Vectors: positive PMI of each word with the words at -2, -1, +1, +2 (the 20,000 most frequent
   words as contexts, position kept; context counts smoothed with the 0.75 power), truncated SVD
   to 100 dimensions (U·√S), rows L2-normalized.
4. Clusters: k-means (k = 1024) over the vectors, then k-means over those centroids (weighted by
   cluster size) into 256 and those into 64: three nested granularities, like the prefixes of a
   Brown cluster bit string.  Cluster ids are renumbered by their most frequent word's rank.

Writes ``scripts/ner/data/word_clusters.txt``: ``word<TAB>c64<TAB>c256<TAB>c1024`` (words
and cluster numbers only; no corpus text).  The run is deterministic (fixed seeds, one thread).
``--check`` compares with the shipped file instead of writing (exit 1 when it differs); the
tests run it when the corpora and numpy / scipy / scikit-learn are present.
"""

from __future__ import annotations

import os

# one thread: deterministic sums, and the second core stays free
for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_v] = "1"

import argparse  # noqa: E402
import logging  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import unicodedata  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from banmian.ner.corpus import read_bio  # noqa: E402
from banmian.ner.features import NORM_TABLE, WIDTH_TABLE  # noqa: E402

DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
DEFAULT_OUT = ROOT / "scripts" / "ner" / "data" / "word_clusters.txt"
SOURCES = ("msra-ner/train.bio (text only)", "rmrb-2019-10 (People's Daily, October 2019)")

MIN_COUNT = 5
CONTEXTS = 20_000
WINDOW = 2
DIM = 100
KS = (64, 256, 1024)
SEED = 0
OVERLAP_WINDOW = 20

_SENT = re.compile(r"(?<=[。！？；!?;])")


def sentences(corpora: Path) -> list[str]:
    """The unlabeled sentences, in a fixed order: msra first, then rmrb by file name."""
    out = [s.text for s in read_bio(corpora / "msra-ner" / "train.bio")]
    for path in sorted((corpora / "rmrb-2019-10").glob("*/*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip().strip("\u3000").strip()
            if line:
                out.extend(s for s in _SENT.split(line) if s.strip())
    return out


def drop_overlap(sents: list[str], corpora: Path) -> tuple[list[str], int]:
    """Sentences sharing nothing with the dev/test splits (exact or a 20-character window, NFKC)."""
    exact: set[str] = set()
    windows: set[str] = set()
    for split in ("example.dev", "example.test"):
        for s in read_bio(corpora / "peoples-daily-1998-ner" / split):
            t = unicodedata.normalize("NFKC", s.text)
            exact.add(t)
            for i in range(len(t) - OVERLAP_WINDOW + 1):
                windows.add(t[i:i + OVERLAP_WINDOW])
    kept = []
    for s in sents:
        t = unicodedata.normalize("NFKC", s)
        if t in exact or any(t[i:i + OVERLAP_WINDOW] in windows for i in range(len(t) - OVERLAP_WINDOW + 1)):
            continue
        kept.append(s)
    return kept, len(sents) - len(kept)


def tokenize(sents: list[str]) -> list[list[str]]:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    out = []
    for s in sents:
        words = tok.lcut(s.translate(WIDTH_TABLE), HMM=True)
        out.append([w.translate(NORM_TABLE) for w in words if w.strip()])
    return out


def build(corpora: Path, log=print) -> str:
    import numpy as np
    from scipy.sparse import coo_matrix, csr_matrix, diags
    from scipy.sparse.linalg import svds
    from sklearn.cluster import KMeans

    t0 = time.time()
    sents = sentences(corpora)
    sents, dropped = drop_overlap(sents, corpora)
    log(f"{len(sents)} sentences, {sum(map(len, sents))} characters ({dropped} dropped: overlap with dev/test)")
    toks = tokenize(sents)
    counts = Counter(w for ws in toks for w in ws)
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    vocab = [w for w in ranked if counts[w] >= MIN_COUNT]
    vid = {w: i for i, w in enumerate(vocab)}
    ctx = ranked[:CONTEXTS] + ["<s>", "</s>"]
    cid = {w: i for i, w in enumerate(ctx)}
    nc = len(ctx)
    log(f"{len(counts)} word types, {len(vocab)} seen {MIN_COUNT}+ times; tokenized in {time.time() - t0:.0f}s")

    rows: list[int] = []
    cols: list[int] = []
    for ws in toks:
        padded = ["<s>"] * WINDOW + ws + ["</s>"] * WINDOW
        for i, w in enumerate(ws):
            r = vid.get(w)
            if r is None:
                continue
            for k, off in enumerate((*range(-WINDOW, 0), *range(1, WINDOW + 1))):
                c = cid.get(padded[i + WINDOW + off])
                if c is not None:
                    rows.append(r)
                    cols.append(k * nc + c)
    m = coo_matrix((np.ones(len(rows), dtype=np.float64), (np.array(rows), np.array(cols))),
                   shape=(len(vocab), 2 * WINDOW * nc)).tocsr()
    m.sum_duplicates()
    total = m.sum()
    pw = np.asarray(m.sum(axis=1)).ravel() / total
    pc = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    pc /= pc.sum()
    m = m.tocoo()
    pmi = np.log(m.data / total / (pw[m.row] * pc[m.col]))
    keep = pmi > 0
    ppmi = csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    log(f"PPMI {ppmi.shape[0]}x{ppmi.shape[1]}, {ppmi.nnz} entries; {time.time() - t0:.0f}s")

    v0 = np.random.RandomState(SEED).uniform(-1, 1, min(ppmi.shape))
    u, s, _ = svds(ppmi, k=DIM, v0=v0, solver="arpack")
    x = u * np.sqrt(s)
    # a fixed sign per dimension (ARPACK's is arbitrary): the largest entry positive
    x *= np.sign(x[np.abs(x).argmax(axis=0), np.arange(x.shape[1])])
    x = diags(1.0 / np.maximum(np.linalg.norm(x, axis=1), 1e-12)) @ x
    log(f"SVD {x.shape}; {time.time() - t0:.0f}s")

    ks = sorted(KS, reverse=True)
    km = KMeans(n_clusters=ks[0], n_init=1, random_state=SEED, max_iter=100).fit(x)
    labels = {ks[0]: km.labels_}
    centers, weights = km.cluster_centers_, np.bincount(km.labels_, minlength=ks[0])
    prev = ks[0]
    for k in ks[1:]:
        km2 = KMeans(n_clusters=k, n_init=1, random_state=SEED, max_iter=300).fit(centers, sample_weight=weights)
        labels[k] = km2.labels_[labels[prev]]
        centers = km2.cluster_centers_
        weights = np.bincount(km2.labels_, weights=weights, minlength=k)
        prev = k
    log(f"k-means {ks}; {time.time() - t0:.0f}s")

    # renumber each granularity by the rank of its most frequent word (vocab is frequency order)
    order = sorted(KS)
    renum = {}
    for k in order:
        first: dict[int, int] = {}
        for lab in labels[k]:
            first.setdefault(int(lab), len(first))
        renum[k] = first
    lines = [f"# Word clusters for the tagger's `clus` features: word<TAB>{'<TAB>'.join(f'c{k}' for k in order)}\n",
             f"# Generated by scripts/ner/build_clusters.py from {'; '.join(SOURCES)}: {len(sents)} sentences,\n",
             f"# words seen {MIN_COUNT}+ times; PPMI (+-{WINDOW} words) + SVD {DIM} + nested k-means. Do not edit.\n"]
    for i, w in enumerate(vocab):
        lines.append(w + "\t" + "\t".join(str(renum[k][int(labels[k][i])]) for k in order) + "\n")
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA,
                    help="folder holding msra-ner/, rmrb-2019-10/, peoples-daily-1998-ner/")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="cluster file to write")
    ap.add_argument("--check", action="store_true", help="compare with --out; write nothing")
    args = ap.parse_args(argv)
    for need in ("msra-ner/train.bio", "rmrb-2019-10", "peoples-daily-1998-ner/example.dev"):
        if not (args.corpora / need).exists():
            print(f"build_clusters.py: {args.corpora / need} not found", file=sys.stderr)
            return 2

    def log(msg: str) -> None:
        print(msg, file=sys.stderr)

    text = build(args.corpora, log)
    if args.check:
        if not args.out.exists() or args.out.read_text(encoding="utf-8") != text:
            print(f"{args.out}: differs from what the script builds", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({text.count(chr(10)) - 3} words)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
