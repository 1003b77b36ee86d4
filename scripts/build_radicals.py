"""Rebuild src/banmian/data/radicals.tsv: NFKC rows from unicodedata, 'hand' rows kept.

Usage: python scripts/build_radicals.py [--check]
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

PATH = Path(__file__).resolve().parents[1] / "src" / "banmian" / "data" / "radicals.tsv"


def build(current: str) -> str:
    header = [ln for ln in current.splitlines() if ln.startswith("#")]
    hand = {}
    for ln in current.splitlines():
        if ln and not ln.startswith("#"):
            radical, ideograph, source = ln.split("\t")
            if source == "hand":
                hand[radical] = ideograph
    rows = []
    for cp in list(range(0x2F00, 0x2FD6)) + list(range(0x2E80, 0x2EF4)):
        c = chr(cp)
        folded = unicodedata.normalize("NFKC", c)
        if folded != c:
            rows.append(f"{c}\t{folded}\tNFKC")
        elif c in hand:
            rows.append(f"{c}\t{hand[c]}\thand")
    return "\n".join(header + rows) + "\n"


if __name__ == "__main__":
    current = PATH.read_text(encoding="utf-8")
    fresh = build(current)
    if "--check" in sys.argv:
        sys.exit(0 if fresh == current else "radicals.tsv is out of date: run scripts/build_radicals.py")
    PATH.write_text(fresh, encoding="utf-8")
