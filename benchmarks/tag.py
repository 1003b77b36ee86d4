"""Tagging throughput of the PER/ORG/LOC tagger, against a baseline measured in the same run.

The text is the People's Daily 1998 NER test split
(../shared/corpora/peoples-daily-1998-ner/example.test, 4,636 sentences,
219,197 characters), one sentence per call, single process.  The baseline is
``jieba.lcut`` of the same sentences: segmentation is the least a word-aware
Chinese tagger does, so the ratio says what the CRF and its features cost.

    python benchmarks/tag.py [--corpus DIR] [--repeat 3] [--model FILE]

Prints the model load time (a fresh process: jieba's dictionary, the lexicons
and the CRF), characters/s of ``Tagger.tag`` and of ``jieba.lcut`` (best of
--repeat runs), and their ratio.
"""

from __future__ import annotations

import argparse
import logging
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "peoples-daily-1998-ner"

LOAD_SNIPPET = """
import time
t0 = time.perf_counter()
from banmian.ner import Tagger
t = Tagger.load({model!r})
t1 = time.perf_counter()
t.tag("市委书记徐惠民在港闸区调研")
print(t1 - t0)
"""


def load_seconds(model: str | None) -> float:
    """Import + load in a fresh interpreter (no warm caches but the OS's and jieba's own cache file)."""
    out = subprocess.run([sys.executable, "-c", LOAD_SNIPPET.format(model=model)], capture_output=True,
                         text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def best_rate(fn, texts: list[str], repeat: int) -> float:
    chars = sum(map(len, texts))
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for x in texts:
            fn(x)
        best = min(best, time.perf_counter() - t0)
    return chars / best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder holding example.test")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each; the best counts")
    ap.add_argument("--model", help="a .crfsuite model file (default: the shipped one)")
    args = ap.parse_args()

    from banmian.ner.corpus import read_bio
    from banmian.ner.tagger import Tagger

    path = args.corpus / "example.test"
    if not path.exists():
        print(f"tag.py: {path} not found (pass --corpus DIR)", file=sys.stderr)
        return 2
    texts = [s.text for s in read_bio(path)]
    chars = sum(map(len, texts))

    loads = sorted(load_seconds(args.model) for _ in range(3))
    tagger = Tagger.load(args.model)

    import jieba

    jieba.setLogLevel(logging.WARNING)
    seg = jieba.Tokenizer()
    seg.initialize()

    tag_rate = best_rate(tagger.tag, texts, args.repeat)
    jieba_rate = best_rate(seg.lcut, texts, args.repeat)
    print(f"text: {path} ({len(texts)} sentences, {chars} characters), single process")
    print(f"model load (fresh process, median of 3): {loads[1]:.2f} s")
    print(f"Tagger.tag   {tag_rate:>10,.0f} chars/s")
    print(f"jieba.lcut   {jieba_rate:>10,.0f} chars/s   (baseline, same run)")
    print(f"ratio tag/jieba: {tag_rate / jieba_rate:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
