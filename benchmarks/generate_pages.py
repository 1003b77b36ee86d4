"""Generate N page files from the People's Daily corpus pages, with varied dates.

Not committed data: pages are rebuilt from ../shared/corpora/rmrb-2019-10 on
each run.  Page k takes the text of corpus page k mod M and an issue date of
2015-01-01 + k // 8 days (eight pages an issue), written as
``rmrb-YYYYMMDD-PP.txt`` so the date and page come from the file name.

    python benchmarks/generate_pages.py OUT_DIR [--pages 10000]
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

from parse import DEFAULT_CORPUS, corpus_pages

PAGES_PER_ISSUE = 8


def generate(out: Path, n: int, corpus: Path = DEFAULT_CORPUS) -> list[Path]:
    source = corpus_pages(corpus)
    out.mkdir(parents=True, exist_ok=True)
    files = []
    start = date(2015, 1, 1)
    for k in range(n):
        day = start + timedelta(days=k // PAGES_PER_ISSUE)
        page = k % PAGES_PER_ISSUE + 1
        # Vary the text a little so that every page hashes differently.
        text = source[k % len(source)][1] + f"\n\n（第{k}号）\n"
        f = out / f"rmrb-{day:%Y%m%d}-{page:02d}.txt"
        f.write_text(text, encoding="utf-8")
        files.append(f)
    return files


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--pages", type=int, default=10000)
    args = ap.parse_args()
    print(f"wrote {len(generate(args.out, args.pages))} pages to {args.out}")
