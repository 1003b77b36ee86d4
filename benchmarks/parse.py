"""Parse throughput and memory, against a baseline measured in the same run.

Pages are built from the People's Daily corpus (../shared/corpora/rmrb-2019-10):
the articles of each (date, page) joined as a text page, as crawls leave
them.  The baseline reads the same texts and splits them into lines — the
least any parser must do — so the ratio says what banmian's stages cost.

    python benchmarks/parse.py [--pages 1000] [--corpus DIR]

Prints pages/s for both, the ratio, pages/s with extraction (people, events)
and what extraction adds to parse time, and peak memory (tracemalloc) of
parsing all pages while keeping every parsed page in memory.
"""

from __future__ import annotations

import argparse
import gc
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

from banmian.extract.events import extract_events
from banmian.extract.people import extract_people
from banmian.model import Edition
from banmian.pipeline import parse_text

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "rmrb-2019-10"


def corpus_pages(corpus: Path) -> list[tuple[str, str]]:
    groups: dict[tuple[str, str], list[Path]] = defaultdict(list)
    for f in sorted(corpus.glob("*/*.txt")):
        day, page, _ = f.stem.split("-")
        groups[(day, page)].append(f)
    pages = []
    for (day, page), files in sorted(groups.items()):
        text = "\n\n".join(f.read_text(encoding="utf-8") for f in files)
        pages.append((f"rmrb-{day}-{page}.txt", text))
    return pages


def baseline(pages: list[tuple[str, str]]) -> int:
    n = 0
    for _, text in pages:
        n += len(text.encode("utf-8").decode("utf-8").splitlines())
    return n


def run(pages: list[tuple[str, str]]) -> list:
    return [parse_text(text, name) for name, text in pages]


def run_with_extraction(pages: list[tuple[str, str]]) -> list:
    """Parse, then extract people and events, page by page (as ingest does)."""
    out = []
    for name, text in pages:
        page = parse_text(text, name)
        edition = Edition(date=page.date, pages=[page])
        extract_people(edition)
        extract_events(edition)
        out.append(edition)
    return out


def timed(fn, pages, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        fn(pages)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=1000, help="pages to parse (the corpus repeats to reach it)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()
    source = corpus_pages(args.corpus)
    pages = [source[i % len(source)] for i in range(args.pages)]
    kb = sum(len(t.encode("utf-8")) for _, t in pages) / len(pages) / 1024
    run(pages[:20])  # warm caches (data files, regexes)
    t_base = timed(baseline, pages)
    t_parse = timed(run, pages)
    run_with_extraction(pages[:20])
    t_extract = timed(run_with_extraction, pages)
    tracemalloc.start()
    kept = run(pages)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    n = len(pages)
    print(f"pages: {n} (from {len(source)} corpus pages, mean {kb:.1f} KB of UTF-8 each)")
    print(f"baseline read+splitlines: {n / t_base:10.0f} pages/s")
    print(f"banmian parse_text:       {n / t_parse:10.0f} pages/s  ({t_parse / t_base:.0f}x the baseline's time)")
    print(f"parse + people + events:  {n / t_extract:10.0f} pages/s  (extraction adds "
          f"{(t_extract - t_parse) / t_parse:.0%} to parse time)")
    print(f"parse peak memory (tracemalloc, all {len(kept)} pages kept): {peak / 1048576:.1f} MB")


if __name__ == "__main__":
    main()
