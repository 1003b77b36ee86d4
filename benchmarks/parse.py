"""Parse throughput and memory, against a baseline measured in the same run.

Pages are built from the People's Daily corpus (../shared/corpora/rmrb-2019-10):
the articles of each (date, page) joined as a text page, as crawls leave
them.  The baseline reads the same texts and splits them into lines — the
least any parser must do — so the ratio says what banmian's stages cost.

    python benchmarks/parse.py [--pages 1000] [--corpus DIR] [--repeat 3]

Prints pages/s for both and the ratio; then pages/s with the extraction
stages (whatever ``pipeline.extract`` runs: people, organizations and places,
events), what extraction adds to parse time and each stage's share; and peak
memory (tracemalloc) of parsing all pages while keeping every parsed page in
memory; and the gazetteer's load time next to reading its file.  Extraction is timed page by page in the same loop as its parse
(best of ``--repeat`` passes per stage), so a machine shared with other jobs
slows both alike and the added percentage stays comparable between runs.  The
first pass is printed too: stages cache results per string (names, title
chains), and later passes over the same pages find them all cached.
"""

from __future__ import annotations

import argparse
import gc
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path
from typing import Callable

from banmian import pipeline
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


def extraction_stages() -> list[tuple[str, Callable[[Edition], None]]]:
    """The stages ``pipeline.extract`` (or, before it existed, ``parse_files``) runs on
    a parsed edition, in order: every global ``extract_*`` function it calls."""
    fn = getattr(pipeline, "extract", None) or pipeline.parse_files
    names = [n for n in fn.__code__.co_names if n.startswith("extract_") and callable(getattr(pipeline, n, None))]
    return [(n.removeprefix("extract_"), getattr(pipeline, n)) for n in dict.fromkeys(names)]


def run_with_extraction(pages: list[tuple[str, str]], stages, seconds: dict[str, float]) -> list:
    """Parse, then run the extraction stages, page by page (as ingest does);
    adds each step's time to ``seconds``."""
    out = []
    clock = time.perf_counter
    for name, text in pages:
        t = clock()
        page = parse_text(text, name)
        t1 = clock()
        seconds["parse"] += t1 - t
        edition = Edition(paper=page.paper, date=page.date, pages=[page])
        for stage, fn in stages:
            t = clock()
            fn(edition)
            t1 = clock()
            seconds[stage] += t1 - t
        out.append(edition)
    return out


def timed_stages(pages, stages, repeat: int = 3, first: dict[str, float] | None = None) -> dict[str, float]:
    """Best of ``repeat`` passes, step by step; ``first`` gets the first pass's times
    (the stages' per-string caches still filling, as on pages never seen before)."""
    best: dict[str, float] = {}
    for n in range(repeat):
        gc.collect()
        seconds = dict.fromkeys(["parse", *(s for s, _ in stages)], 0.0)
        run_with_extraction(pages, stages, seconds)
        if n == 0 and first is not None:
            first.update(seconds)
        for k, v in seconds.items():
            best[k] = min(best.get(k, v), v)
    return best


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
    ap.add_argument("--repeat", type=int, default=3, help="passes; the best time of each step counts")
    args = ap.parse_args()
    source = corpus_pages(args.corpus)
    pages = [source[i % len(source)] for i in range(args.pages)]
    kb = sum(len(t.encode("utf-8")) for _, t in pages) / len(pages) / 1024
    stages = extraction_stages()
    run(pages[:20])  # warm caches (data files, regexes)
    t_base = timed(baseline, pages, args.repeat)
    t_parse = timed(run, pages, args.repeat)
    run_with_extraction(pages[:20], stages, dict.fromkeys(["parse", *(s for s, _ in stages)], 0.0))
    first: dict[str, float] = {}
    steps = timed_stages(pages, stages, args.repeat, first)
    tracemalloc.start()
    kept = run(pages)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    n = len(pages)
    t_same = steps["parse"]
    t_extract = sum(v for k, v in steps.items() if k != "parse")
    names = " + ".join(s for s, _ in stages)
    print(f"pages: {n} (from {len(source)} corpus pages, mean {kb:.1f} KB of UTF-8 each)")
    print(f"baseline read+splitlines: {n / t_base:10.0f} pages/s")
    print(f"banmian parse_text:       {n / t_parse:10.0f} pages/s  ({t_parse / t_base:.0f}x the baseline's time)")
    print(f"parse + {names}: {n / (t_same + t_extract):10.0f} pages/s  (extraction adds "
          f"{t_extract / t_same:.0%} to parse time, both timed page by page in the same loop)")
    for stage, _ in stages:
        v = steps[stage]
        print(f"  {stage:<10} {v / n * 1000:6.3f} ms/page  {v / t_same:5.1%} of parse time  "
              f"{v / t_extract if t_extract else 0:5.1%} of extraction  "
              f"(first pass {first[stage] / n * 1000:.3f} ms/page, {first[stage] / first['parse']:.1%})")
    print(f"parse peak memory (tracemalloc, all {len(kept)} pages kept): {peak / 1048576:.1f} MB")
    print(gazetteer_load())


def gazetteer_load() -> str:
    """The gazetteer's load time (paid once per process, on the first page with a place),
    next to reading the same file: decompressing it and splitting it into lines."""
    import gzip

    from banmian.extract import gazetteer as gmod
    from banmian.resources import data_path

    raw = data_path("gazetteer.tsv.gz").read_bytes()
    t = time.perf_counter()
    n = len(gzip.decompress(raw).decode("utf-8").splitlines())
    base = time.perf_counter() - t
    t = time.perf_counter()
    gmod.load_gazetteer(raw, "gazetteer.tsv.gz")
    load = time.perf_counter() - t
    return f"gazetteer load: {load:.2f} s ({n} lines; decompress + splitlines {base:.3f} s, {load / base:.0f}x)"


if __name__ == "__main__":
    main()
