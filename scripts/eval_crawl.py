"""Silver evaluation on web-crawl layout: every People's Daily page of the corpus.

../shared/corpora/rmrb-2019-10 holds each article as the paper's web e-paper
gave it (kicker, headline, subtitle on lines 1–3, then indented paragraphs).
Joining the articles of a page gives the page as a crawler leaves it; the
source files say what its kickers and headlines are.  This scores headline and
kicker detection on all ~490 pages (or every Nth with --step), pages used as
gold in tests/gold excluded.  Silver, not gold: bylines and paragraph
conventions are not checked here.

    python scripts/eval_crawl.py [--step 1] [--show 10]
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

from banmian.evaluation.parse_eval import Score, norm
from banmian.pipeline import parse_text

ROOT = Path(__file__).resolve().parents[1]
# The parser writes a Chinese title's ASCII brackets and punctuation full-width (the
# normalize stage); the corpus keeps them as crawled: compare both folded the same way.
_WIDTH = str.maketrans({"(": "（", ")": "）", ",": "，", ";": "；", ":": "：", "?": "？", "!": "！"})


def fold(text: str | None) -> str:
    return norm(text).translate(_WIDTH)


def gold_page_keys() -> set[str]:
    """The People's Daily pages (YYYYMMDD-PP) a gold file uses: silver sets leave them out."""
    return {m.group(1) for f in (ROOT / "tests" / "gold").glob("rmrb-*.gold.json")
            if (m := re.match(r"rmrb-(\d{8}-\d{2})", f.name))}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "rmrb-2019-10")
    ap.add_argument("--step", type=int, default=1, help="every Nth page")
    ap.add_argument("--show", type=int, default=0, help="print this many pages with errors")
    args = ap.parse_args()
    gold = gold_page_keys()
    groups: dict[str, list[Path]] = defaultdict(list)
    for f in sorted(args.corpus.glob("*/*.txt")):
        day, page, _ = f.stem.split("-")
        if f"{day}-{page}" not in gold:
            groups[f"{day}-{page}"].append(f)
    headline, kicker, shown, pages = Score(), Score(), 0, 0
    for key, files in sorted(groups.items())[:: args.step]:
        texts = [f.read_text(encoding="utf-8") for f in files]
        rows = [[ln.strip() for ln in t.split("\n")[:3]] + ["", ""] for t in texts]
        gold_h = [fold(r[1]) for r in rows if r[1]]
        gold_k = [(fold(r[1]), fold(r[0])) for r in rows if r[0] and r[1]]
        page = parse_text("\n\n".join(texts), f"rmrb-{key}.txt")
        pred_h = [fold(a.headline) for a in page.articles if a.headline]
        pred_k = [(fold(a.headline), fold(a.kicker)) for a in page.articles if a.kicker and a.headline]
        headline.add(pred_h, gold_h)
        kicker.add(pred_k, gold_k)
        pages += 1
        if shown < args.show and set(pred_h) != set(gold_h):
            shown += 1
            print(key, "missed:", sorted(set(gold_h) - set(pred_h))[:3], "extra:", sorted(set(pred_h) - set(gold_h))[:3])
    print(f"{pages} crawl-layout pages")
    for name, s in (("headline", headline), ("kicker", kicker)):
        print(f"{name:<9} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  (gold {s.gold}, pred {s.pred})")


if __name__ == "__main__":
    main()
