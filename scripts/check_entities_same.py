"""Digest of what the organizations/places stage finds, to check that a change keeps it.

Parses every People's Daily corpus page (../shared/corpora/rmrb-2019-10, grouped as
``benchmarks/parse.py``'s ``corpus_pages`` does) and every gold page (tests/gold/*.gold.json,
with its date, paper and page number; again without a date, and the example page with a
district paper, so that the no-year and jurisdiction paths run too), runs people and then
``extract_entities`` and prints the SHA-256 of ``edition.organizations`` + ``edition.places``
(``json.dumps(..., sort_keys=True)``), one line per input set and one over all (and one
with the keys in their own order, as ``banmian parse`` prints them).

    python scripts/check_entities_same.py                 # parse + people + entities, digest
    python scripts/check_entities_same.py --save F.pkl    # also keep the editions after people
    python scripts/check_entities_same.py --load F.pkl    # entities only, on the kept editions
    python scripts/check_entities_same.py --expect HEX    # exit 1 unless the total digest is HEX
    python scripts/check_entities_same.py --diff OLD.json # write/compare per-page outputs (--dump)

Other people edit the parser and the people stage in the same tree: ``--save`` once, then
``--load`` compares the entity stage alone on fixed input, whatever they change.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

sys.path.insert(0, str(ROOT / "scripts"))
from check_extract_same import parsed  # noqa: E402

from banmian.extract.entities import extract_entities  # noqa: E402
from banmian.extract.people import extract_people  # noqa: E402
from banmian.model import Edition  # noqa: E402



def inputs() -> list[tuple[str, str, Edition]]:
    """(set, name, edition after people) for every input: the inputs of check_extract_same.py."""
    out = parsed()
    for _, _, ed in out:
        extract_people(ed)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--save", type=Path, help="pickle the editions after people to this file")
    ap.add_argument("--load", type=Path, help="read the editions after people from this file (no parsing)")
    ap.add_argument("--expect", help="the expected total digest (exit 1 when it differs)")
    ap.add_argument("--dump", type=Path, help="write each input's entities to this JSON file")
    ap.add_argument("--diff", type=Path, help="compare each input's entities with this --dump file")
    args = ap.parse_args()
    if args.load:
        eds = pickle.loads(args.load.read_bytes())
    else:
        eds = inputs()
        if args.save:
            args.save.write_bytes(pickle.dumps(eds))
    total = hashlib.sha256()
    ordered = hashlib.sha256()           # the same with keys in their own order (what `parse` prints)
    per_set: dict[str, hashlib._Hash] = {}
    dump: dict[str, object] = {}
    for label, name, ed in eds:
        ed = copy.deepcopy(ed) if args.load else ed
        extract_entities(ed)
        blob = json.dumps({"organizations": ed.organizations, "places": ed.places}, sort_keys=True,
                          ensure_ascii=False, default=str)
        total.update(blob.encode("utf-8"))
        ordered.update(json.dumps([ed.organizations, ed.places], ensure_ascii=False, default=str).encode("utf-8"))
        per_set.setdefault(label, hashlib.sha256()).update(blob.encode("utf-8"))
        if args.dump or args.diff:
            dump[f"{label}/{name}"] = json.loads(blob)
    for label, h in per_set.items():
        print(f"{label:<12} {h.hexdigest()}")
    digest = total.hexdigest()
    print(f"{'key order':<12} {ordered.hexdigest()}")
    print(f"{'total':<12} {digest}  ({len(eds)} inputs)")
    if args.dump:
        args.dump.write_text(json.dumps(dump, ensure_ascii=False, indent=0), encoding="utf-8")
    if args.diff:
        old = json.loads(args.diff.read_text(encoding="utf-8"))
        bad = [k for k in old if old[k] != dump.get(k)] + [k for k in dump if k not in old]
        for k in bad[:20]:
            print("differs:", k)
        print(f"{len(bad)} inputs differ")
    if args.expect and digest != args.expect:
        print("DIFFERENT from", args.expect)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
