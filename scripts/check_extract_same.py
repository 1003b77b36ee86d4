"""Digest of what the people and events stages find, to check that a speed change keeps it.

Parses every People's Daily corpus page (../shared/corpora/rmrb-2019-10, grouped as
``benchmarks/parse.py``'s ``corpus_pages`` does) and every gold page (tests/gold/*.gold.json,
with its date, paper and page number; again without a date, and the example page with a
district paper, so that the no-year and jurisdiction paths run too), runs people, entities
and events, and prints the SHA-256 of ``edition.people`` and of ``edition.events``
(``json.dumps(..., sort_keys=True)``), per input set and over all.

    python scripts/check_extract_same.py                  # parse + people + entities + events
    python scripts/check_extract_same.py --save F.pkl     # also keep the editions after entities
    python scripts/check_extract_same.py --load F.pkl     # people on the kept parses; events on
                                                          # the kept editions after entities
    python scripts/check_extract_same.py --expect-people HEX --expect-events HEX
    python scripts/check_extract_same.py --dump F.json / --diff F.json   # per-input outputs

Others edit the parser and the entities stage in the same tree: ``--save`` once, then
``--load`` checks people on the same parsed pages and events on the same input (the
saved people + entities), whatever they change.  Events' target ids come from the
entities stage, so without ``--load`` a change there shows in the events digest too.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import pickle
import sys
from datetime import date as Date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from parse import DEFAULT_CORPUS, corpus_pages  # noqa: E402

from banmian.extract.entities import extract_entities  # noqa: E402
from banmian.extract.events import extract_events  # noqa: E402
from banmian.extract.people import extract_people  # noqa: E402
from banmian.model import Edition  # noqa: E402
from banmian.pipeline import parse_source, parse_text  # noqa: E402
from banmian.stages.read import read_source  # noqa: E402

GOLD = ROOT / "tests" / "gold"


def parsed() -> list[tuple[str, str, Edition]]:
    """(set, name, parsed edition) for every input."""
    out: list[tuple[str, str, Edition]] = []
    for name, text in corpus_pages(DEFAULT_CORPUS):
        page = parse_text(text, name)
        out.append(("corpus", name, Edition(paper=page.paper, date=page.date, pages=[page])))
    for path in sorted(GOLD.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        src = read_source(GOLD / gold["input"])
        day = Date.fromisoformat(gold["date"]) if gold.get("date") else None
        variants = [("gold", day, gold.get("paper")), ("gold-nodate", None, gold.get("paper"))]
        if path.name.startswith("example-"):
            variants.append(("gold-paper", day, "港闸报"))
        for label, d, paper in variants:
            page = parse_source(src, day=d, paper=paper, page_number=gold.get("page"))
            out.append((label, path.name, Edition(paper=paper, date=d or page.date if label != "gold-nodate" else None,
                                                  pages=[page])))
    return out


def _blob(value) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--save", type=Path, help="pickle the parsed editions and those after entities")
    ap.add_argument("--load", type=Path, help="people on the kept parsed editions, events on the kept ones after entities")
    ap.add_argument("--expect-people", help="the expected people digest (exit 1 when it differs)")
    ap.add_argument("--expect-events", help="the expected events digest (exit 1 when it differs)")
    ap.add_argument("--dump", type=Path, help="write each input's people and events to this JSON file")
    ap.add_argument("--diff", type=Path, help="compare each input's people and events with this --dump file")
    args = ap.parse_args()
    if args.load:
        kept = pickle.loads(args.load.read_bytes())
        eds, after = kept["parsed"], kept["entities"]
    else:
        eds, after = parsed(), None
        if args.save:
            before = copy.deepcopy(eds)
    people_h, events_h = hashlib.sha256(), hashlib.sha256()
    per_set: dict[str, list] = {}
    dump: dict[str, object] = {}
    saved = []
    for n, (label, name, ed) in enumerate(eds):
        extract_people(ed)
        pb = _blob(ed.people)
        if after is not None:
            if _blob(after[n][2].people) != pb:
                print("people differ from the saved run:", label, name)
            ed = copy.deepcopy(after[n][2])          # events on the saved input
        else:
            extract_entities(ed)
            if args.save:
                saved.append((label, name, copy.deepcopy(ed)))
        extract_events(ed)
        eb = _blob(ed.events)
        people_h.update(pb)
        events_h.update(eb)
        s = per_set.setdefault(label, [hashlib.sha256(), hashlib.sha256()])
        s[0].update(pb)
        s[1].update(eb)
        if args.dump or args.diff:
            dump[f"{label}/{name}"] = {"people": json.loads(pb), "events": json.loads(eb)}
    if args.save and not args.load:
        args.save.write_bytes(pickle.dumps({"parsed": before, "entities": saved}))
    for label, (p, e) in per_set.items():
        print(f"{label:<12} people {p.hexdigest()[:16]}  events {e.hexdigest()[:16]}")
    print(f"people {people_h.hexdigest()}")
    print(f"events {events_h.hexdigest()}  ({len(eds)} inputs)")
    if args.dump:
        args.dump.write_text(json.dumps(dump, ensure_ascii=False, indent=0), encoding="utf-8")
    bad_n = 0
    if args.diff:
        old = json.loads(args.diff.read_text(encoding="utf-8"))
        bad = [k for k in old if old[k] != dump.get(k)] + [k for k in dump if k not in old]
        for k in bad[:20]:
            parts = [p for p in ("people", "events") if old.get(k, {}).get(p) != dump.get(k, {}).get(p)]
            print("differs:", k, ",".join(parts))
        print(f"{len(bad)} inputs differ")
        bad_n = len(bad)
    fail = False
    if args.expect_people and people_h.hexdigest() != args.expect_people:
        print("people DIFFERENT from", args.expect_people)
        fail = True
    if args.expect_events and events_h.hexdigest() != args.expect_events:
        print("events DIFFERENT from", args.expect_events)
        fail = True
    return 1 if fail or bad_n else 0


if __name__ == "__main__":
    raise SystemExit(main())
