"""Ingest throughput, peak memory and database size, against a baseline in the same run.

Generates pages (benchmarks/generate_pages.py), then measures in one run:
- baseline: reading every file and hashing it (SHA-256), the least ingest does;
- parse only, with the same number of worker processes;
- ``banmian ingest`` into a fresh SQLite archive (`--workers`);
and prints pages/s for each, peak RSS of the ingesting process (parent and
children), and database size per 1,000 pages.

    python benchmarks/ingest.py [--pages 10000] [--workers 2]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate_pages import generate  # noqa: E402

from banmian.archive.db import open_archive  # noqa: E402
from banmian.archive.ingest import ingest, parse_one  # noqa: E402


def _hash(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=10000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        files = generate(tmp / "pages", args.pages)
        n = len(files)
        t = time.perf_counter()
        for f in files:
            _hash(str(f))
        t_base = time.perf_counter() - t

        t = time.perf_counter()
        with ProcessPoolExecutor(args.workers) as pool:
            for _ in pool.map(parse_one, map(str, files), [None] * n, [None] * n, [None] * n, chunksize=8):
                pass  # results dropped: this process's RSS should speak for ingest
        t_parse = time.perf_counter() - t

        db = tmp / "bench.db"
        engine = open_archive(db)
        t = time.perf_counter()
        report = ingest(engine, files, paper="人民日报", workers=args.workers)
        t_ingest = time.perf_counter() - t
        engine.dispose()
        size = sum(p.stat().st_size for p in tmp.glob("bench.db*"))
        rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rss_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"pages: {n}, workers: {args.workers}, cpus: {os.cpu_count()}")
    print(f"baseline read+sha256:     {n / t_base:9.0f} pages/s")
    print(f"parse only ({args.workers} procs):     {n / t_parse:9.0f} pages/s")
    print(f"banmian ingest:           {n / t_ingest:9.0f} pages/s  ({report.summary()})")
    print(f"peak RSS: writer {rss_self:.0f} MB, largest worker {rss_children:.0f} MB")
    print(f"database: {size / 1048576:.1f} MB, {size / 1048576 / n * 1000:.1f} MB per 1,000 pages")


if __name__ == "__main__":
    main()
