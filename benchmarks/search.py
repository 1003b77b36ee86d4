"""Search latency on a large archive, against a baseline in the same run.

Builds (or reuses, with --db) an archive of at least --articles articles from
generated pages (benchmarks/generate_pages.py), then times `search()` for a
query mix of 1- to 4-character strings and two-term queries drawn from the
corpus text, and prints p50/p95/p99 latency.  The baseline is the same number
of primary-key lookups of an article (the floor of any query), timed in the
same run; the naive alternative, `LIKE '%…%'` over bodies, is timed on a few
queries to show what the index saves.

    python benchmarks/search.py [--articles 100000] [--queries 300] [--db PATH]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate_pages import generate  # noqa: E402
from sqlalchemy import text  # noqa: E402

from banmian.archive.db import open_archive  # noqa: E402
from banmian.archive.ingest import ingest  # noqa: E402
from banmian.archive.search import counts, search  # noqa: E402

ARTICLES_PER_PAGE = 4.8  # measured on the corpus pages


def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def queries(engine, n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    with engine.connect() as conn:
        bodies = [r[0] for r in conn.execute(text("SELECT text FROM paragraphs ORDER BY random() LIMIT 2000"))]
    out = []
    while len(out) < n:
        body = rng.choice(bodies)
        runs = [r for r in "".join(c if "\u4e00" <= c <= "\u9fff" else " " for c in body).split() if len(r) >= 4]
        if not runs:
            continue
        run = rng.choice(runs)
        k = rng.choice([1, 2, 2, 3, 3, 4])
        i = rng.randrange(0, len(run) - k + 1)
        q = run[i : i + k]
        if rng.random() < 0.15 and len(runs) > 1:
            q += " " + rng.choice(runs)[:2]
        out.append(q)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--db", type=Path, help="reuse (or build) this archive")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "search.db"
    engine = open_archive(db)
    if counts(engine)["articles"] < args.articles:
        pages = int(args.articles / ARTICLES_PER_PAGE * 1.05) + 8
        files = generate(Path(tmp.name) / "pages", pages)
        t = time.perf_counter()
        ingest(engine, files, paper="人民日报", workers=2)
        print(f"built archive: {len(files)} pages in {time.perf_counter() - t:.0f} s")
    n_articles = counts(engine)["articles"]
    qs = queries(engine, args.queries)
    for q in qs[:20]:  # warm the page cache
        search(engine, q)
    lat = []
    for q in qs:
        t = time.perf_counter()
        search(engine, q, limit=20)
        lat.append((time.perf_counter() - t) * 1000)
    with engine.connect() as conn:
        ids = [r[0] for r in conn.execute(text("SELECT id FROM articles ORDER BY random() LIMIT :n"), {"n": len(qs)})]
        base = []
        for i in ids:
            t = time.perf_counter()
            conn.execute(text("SELECT headline, body FROM articles WHERE id = :i"), {"i": i}).first()
            base.append((time.perf_counter() - t) * 1000)
        like = []
        for q in qs[:5]:
            t = time.perf_counter()
            conn.execute(text("SELECT id FROM articles WHERE body LIKE :p LIMIT 20"), {"p": f"%{q.split()[0]}%"}).all()
            like.append((time.perf_counter() - t) * 1000)
    size = sum(p.stat().st_size for p in Path(db).parent.glob(Path(db).name + "*"))
    print(f"archive: {n_articles} articles, {size / 1048576:.0f} MB; queries: {len(qs)} (1–4 chars, some two-term)")
    print(f"search:   p50 {percentile(lat, .5):6.1f} ms  p95 {percentile(lat, .95):6.1f} ms  "
          f"p99 {percentile(lat, .99):6.1f} ms  mean {statistics.mean(lat):6.1f} ms")
    print(f"baseline (primary-key lookup): p50 {percentile(base, .5):6.2f} ms  p95 {percentile(base, .95):6.2f} ms")
    print(f"naive LIKE '%q%' scan: mean {statistics.mean(like):6.1f} ms over {len(like)} queries")


if __name__ == "__main__":
    main()
