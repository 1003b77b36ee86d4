"""Entity-name lists learned from the training text, matched as tagger features.

The training script counts the PER / ORG / LOC names of its training text and
writes them next to the model (``model/tagger.gazetteer.tsv``): names only,
never sentences.  While training, each sentence sees only the names of the
*other* folds (jackknife), so the model learns how much a match is worth on
text it has not seen instead of trusting the list blindly.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from .corpus import Sentence

CATEGORY = {"PER": "GP", "ORG": "GO", "LOC": "GL"}


def count_names(sentences: Iterable[Sentence]) -> Counter[tuple[str, str]]:
    c: Counter[tuple[str, str]] = Counter()
    for s in sentences:
        for start, end, kind in s.spans:
            c[(s.text[start:end], kind)] += 1
    return c


def select(counts: Counter[tuple[str, str]], min_len: int = 2, min_count: int = 1,
           min_share: float = 0.2, types: Iterable[str] = tuple(CATEGORY)) -> dict[str, list[str]]:
    """Names of at least ``min_len`` characters, each with the types it takes at least ``min_share`` of the time."""
    by_name: dict[str, Counter[str]] = defaultdict(Counter)
    for (name, kind), n in counts.items():
        if len(name) >= min_len and not any(ch.isspace() for ch in name):
            by_name[name][kind] += n
    out: dict[str, list[str]] = {k: [] for k in types}
    for name, kinds in by_name.items():
        total = sum(kinds.values())
        for kind, n in kinds.items():
            if kind in out and n >= min_count and n >= min_share * total:
                out[kind].append(name)
    return {k: sorted(v) for k, v in out.items()}


def as_categories(names: dict[str, list[str]]) -> dict[str, list[str]]:
    return {CATEGORY[k]: v for k, v in names.items() if k in CATEGORY}


HEADER = ("PER / ORG / LOC names of the training text (msra-ner/train.bio), written by\n"
          "scripts/ner/train.py with the model: names only, no text. TYPE<TAB>name.")


def render(names: dict[str, list[str]], header: str = HEADER) -> str:
    lines = [f"# {line}" for line in header.splitlines()]
    for kind in sorted(names):
        lines.extend(f"{kind}\t{n}" for n in names[kind])
    return "\n".join(lines) + "\n"


def write(path: Path, names: dict[str, list[str]], header: str = HEADER) -> None:
    path.write_text(render(names, header), encoding="utf-8")


def read(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        kind, _, name = line.partition("\t")
        if kind in CATEGORY and name:
            out.setdefault(kind, []).append(name)
    return out
