#!/usr/bin/env python3
"""Classify the tagger's ORG errors on a People's Daily split (dev: selection is done there).

    python scripts/ner/org_errors.py [--split dev] [--model FILE] [--examples 15] [--dump FILE]

Each gold ORG span and each predicted ORG span that do not match exactly falls in one class:

``split``      the gold ORG is covered by two or more predicted spans (日本|大藏省: LOC + ORG)
``short``      one predicted ORG lies inside the gold ORG (the model stopped early / started late)
``long``       one predicted ORG holds the gold ORG and more
``part``       only one span of another type lies inside the gold ORG (秦皇岛市|土地局: LOC, nothing)
``cross``      anything else: a predicted span overlaps the gold ORG on one side only
``type``       a predicted span of the same extent but another type (PER / LOC)
``inside``     the gold ORG lies inside a predicted span of another type
``missed``     no predicted span overlaps the gold ORG
``spurious``   a predicted ORG overlaps no gold ORG (``spurious-<T>`` if it overlaps a gold of type T)

For each class: counts, the words that end the gold name / follow the prediction, and examples,
so post-decoding rules and features are picked by evidence.  --dump writes the predictions
(JSON lines: text, gold, predicted) for replaying rules without re-tagging.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from banmian.ner.corpus import read_bio  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "peoples-daily-1998-ner"


def classify(text: str, gold: list[tuple[int, int, str]], pred: list[tuple[int, int, str]]):
    """Yield (class, detail) for every ORG error of one sentence."""
    gset, pset = set(gold), set(pred)
    for g in gold:
        if g[2] != "ORG" or g in pset:
            continue
        gs, ge = g[0], g[1]
        over = [p for p in pred if p[0] < ge and p[1] > gs]
        orgs = [p for p in over if p[2] == "ORG"]
        same = [p for p in over if (p[0], p[1]) == (gs, ge)]
        if not over:
            yield "missed", {"gold": text[gs:ge]}
        elif same:
            yield "type", {"gold": text[gs:ge], "as": same[0][2]}
        elif len(over) >= 2 and all(gs <= p[0] and p[1] <= ge for p in over):
            yield "split", {"gold": text[gs:ge], "parts": "|".join(f"{text[p[0]:p[1]]}/{p[2]}" for p in over)}
        elif any(p[0] <= gs and ge <= p[1] and p[2] != "ORG" for p in over):
            p = next(p for p in over if p[0] <= gs and ge <= p[1])
            yield "inside", {"gold": text[gs:ge], "in": f"{text[p[0]:p[1]]}/{p[2]}"}
        elif len(orgs) == 1 and gs <= orgs[0][0] and orgs[0][1] <= ge:
            p = orgs[0]
            yield "short", {"gold": text[gs:ge], "pred": text[p[0]:p[1]],
                            "missing": text[gs:p[0]] + "…" + text[p[1]:ge]}
        elif len(orgs) == 1 and orgs[0][0] <= gs and ge <= orgs[0][1]:
            p = orgs[0]
            yield "long", {"gold": text[gs:ge], "pred": text[p[0]:p[1]]}
        elif not orgs and len(over) == 1 and gs <= over[0][0] and over[0][1] <= ge:
            p = over[0]
            yield "part", {"gold": text[gs:ge], "found": f"{text[p[0]:p[1]]}/{p[2]}"}
        else:
            yield "cross", {"gold": text[gs:ge], "parts": "|".join(f"{text[p[0]:p[1]]}/{p[2]}" for p in over)}
    for p in pred:
        if p[2] != "ORG" or p in gset:
            continue
        ps, pe = p[0], p[1]
        over = [g for g in gold if g[0] < pe and g[1] > ps]
        if not over:
            yield "spurious", {"pred": text[ps:pe], "next": text[pe:pe + 3]}
        elif not any(g[2] == "ORG" for g in over):
            yield "spurious-" + over[0][2], {"pred": text[ps:pe], "gold": text[over[0][0]:over[0][1]]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev", choices=["dev"], help="only dev: test is not for analysis")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--model", type=Path, help="a .crfsuite file (default: the shipped model)")
    ap.add_argument("--examples", type=int, default=15)
    ap.add_argument("--dump", type=Path, help="write text/gold/predicted as JSON lines")
    ap.add_argument("--load", type=Path, help="read predictions from a --dump file instead of tagging")
    args = ap.parse_args(argv)

    if args.load:
        rows = [json.loads(line) for line in args.load.read_text(encoding="utf-8").splitlines()]
        data = [(r["text"], [tuple(s) for s in r["gold"]], [tuple(s) for s in r["pred"]]) for r in rows]
    else:
        from banmian.ner.tagger import Tagger

        tagger = Tagger.load(args.model)
        gold = read_bio(args.corpus / f"example.{args.split}")
        data = [(s.text, s.spans, tagger.spans(s.text)) for s in gold]
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            for text, g, p in data:
                f.write(json.dumps({"text": text, "gold": g, "pred": p}, ensure_ascii=False) + "\n")

    by_class: dict[str, list[dict]] = defaultdict(list)
    n_gold = n_pred = 0
    for text, g, p in data:
        n_gold += sum(1 for s in g if s[2] == "ORG")
        n_pred += sum(1 for s in p if s[2] == "ORG")
        for cls, detail in classify(text, g, p):
            by_class[cls].append(detail)
    print(f"gold ORG {n_gold}, predicted ORG {n_pred}")
    for cls, items in sorted(by_class.items(), key=lambda kv: -len(kv[1])):
        print(f"\n== {cls}: {len(items)}")
        if "gold" in items[0]:
            tails = Counter(d["gold"][-2:] for d in items)
            print("  gold ends:", " ".join(f"{w}:{c}" for w, c in tails.most_common(12)))
        if cls == "split":
            pattern = Counter("+".join(x.rsplit("/", 1)[1] for x in d["parts"].split("|")) for d in items)
            print("  parts:", " ".join(f"{w}:{c}" for w, c in pattern.most_common(8)))
        if cls == "short":
            side = Counter(("L" if d["missing"][0] != "…" else "") + ("R" if d["missing"][-1] != "…" else "")
                           for d in items)
            print("  missing side:", dict(side))
        for d in items[: args.examples]:
            print("  ", "  ".join(f"{k}={v}" for k, v in d.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
