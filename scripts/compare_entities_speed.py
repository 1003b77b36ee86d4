"""The organizations/places stage of another revision against the working tree's, in one process.

Separate ``benchmarks/parse.py`` runs differ by more than a 20% change on a shared machine;
this runs both modules on the same corpus pages in the same loop (parse and people in
between, as ``benchmarks/parse.py`` times them), alternating which runs first and which gets
the parsed edition (the other a copy), checks that they give the same entities, and prints
the sum over pages of each page's best time of ``--repeat`` passes.

    python scripts/compare_entities_speed.py [--old REV] [--pages 300] [--repeat 5] [--same]

``--old``: a git revision whose ``src/banmian/extract/entities.py`` is the old module
(default df262b8, before the 2026-11-25 speed pass); ``--same``: the old module against
itself (how fair the harness is).
"""

from __future__ import annotations

import argparse
import copy
import gc
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from parse import DEFAULT_CORPUS, corpus_pages  # noqa: E402

import banmian.extract.entities as current  # noqa: E402
from banmian.extract.people import extract_people  # noqa: E402
from banmian.model import Edition  # noqa: E402
from banmian.pipeline import parse_text  # noqa: E402


def load_revision(rev: str, name: str):
    source = subprocess.run(["git", "show", f"{rev}:src/banmian/extract/entities.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp()) / "entities_old.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(f"banmian.extract.{name}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", default="df262b8")
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--same", action="store_true", help="the old module against itself")
    args = ap.parse_args()
    old = load_revision(args.old, "entities_old")
    new = load_revision(args.old, "entities_old2") if args.same else current
    pages = corpus_pages(DEFAULT_CORPUS)[: args.pages]
    best = {k: [float("inf")] * len(pages) for k in ("parse", "old", "new")}
    clock = time.perf_counter
    for rep in range(args.repeat):
        gc.collect()
        kept = []
        for i, (name, text) in enumerate(pages):
            t = clock()
            page = parse_text(text, name)
            best["parse"][i] = min(best["parse"][i], clock() - t)
            ed = Edition(paper=page.paper, date=page.date, pages=[page])
            extract_people(ed)
            ed2 = copy.deepcopy(ed)
            pair = [("old", old), ("new", new)]
            if (i + rep) % 2:
                pair.reverse()
            for (label, module), edition in zip(pair, (ed, ed2)):
                t = clock()
                module.extract_entities(edition)
                best[label][i] = min(best[label][i], clock() - t)
            assert ed.organizations == ed2.organizations and ed.places == ed2.places, name
            kept.append(ed)
    n = len(pages)
    total = {k: sum(v) for k, v in best.items()}
    print(f"{n} pages, best of {args.repeat} per page: parse {total['parse'] / n * 1e3:.3f} ms/page")
    for label, what in (("old", f"entities at {args.old}"), ("new", "entities now" if not args.same else "again")):
        print(f"  {what:<22} {total[label] / n * 1e3:.3f} ms/page  {total[label] / total['parse']:5.1%} of parse")
    print(f"  new / old: {total['new'] / total['old']:.2f}")


if __name__ == "__main__":
    main()
