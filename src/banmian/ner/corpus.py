"""Character-tagged NER corpora and entity-level scoring.

Readers for the formats under ``../shared/corpora`` (character BIO files,
CLUENER JSON lines) and an exact-span precision / recall / F1 scorer.  Nothing
here is needed to *run* the tagger; it backs ``banmian eval ner``, the
training script and the tests.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

TYPES = ("PER", "ORG", "LOC")

Span = tuple[int, int, str]  # start, end (exclusive), type


@dataclass
class Sentence:
    text: str
    spans: list[Span]


def read_bio(path: str | Path) -> list[Sentence]:
    """Read one character per line, ``char<TAB or space>tag``, blank line between sentences."""
    sentences: list[Sentence] = []
    chars: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\r\n")
            if not line.strip():
                if chars:
                    sentences.append(Sentence("".join(chars), spans_from_tags(tags)))
                    chars, tags = [], []
                continue
            if "\t" in line:
                ch, tag = line.split("\t", 1)
            else:
                ch, _, tag = line.rpartition(" ")
            if len(ch) != 1:  # a space character itself, or a damaged line
                ch = ch[:1] or " "
            chars.append(ch)
            tags.append(tag.strip())
    if chars:
        sentences.append(Sentence("".join(chars), spans_from_tags(tags)))
    return sentences


def spans_from_tags(tags: Iterable[str]) -> list[Span]:
    """Entity spans from BIO / BIOES tags (conlleval rules: a stray ``I-X`` opens an entity)."""
    spans: list[Span] = []
    start, kind = -1, ""
    i = -1
    for i, tag in enumerate(tags):
        prefix, _, t = tag.partition("-")
        if prefix in ("B", "S") or prefix == "O" or not t or (prefix in ("I", "M", "E") and t != kind):
            if kind:
                spans.append((start, i, kind))
                start, kind = -1, ""
            if prefix != "O" and t:
                start, kind = i, t
        if prefix in ("E", "S") and kind:
            spans.append((start, i + 1, kind))
            start, kind = -1, ""
    if kind:
        spans.append((start, i + 1, kind))
    return spans


def tags_from_spans(n: int, spans: Iterable[Span], scheme: str = "BIO") -> list[str]:
    tags = ["O"] * n
    for start, end, kind in spans:
        if scheme == "BIOES" and end - start == 1:
            tags[start] = f"S-{kind}"
            continue
        tags[start] = f"B-{kind}"
        for j in range(start + 1, end):
            tags[j] = f"I-{kind}"
        if scheme == "BIOES":
            tags[end - 1] = f"E-{kind}"
    return tags


CLUENER_MAP = {"name": "PER", "organization": "ORG", "government": "ORG", "company": "ORG", "address": "LOC"}


def read_cluener(path: str | Path, mapping: dict[str, str] | None = None) -> list[Sentence]:
    """CLUENER2020 JSON lines mapped to PER/ORG/LOC (its other labels become O)."""
    mapping = CLUENER_MAP if mapping is None else mapping
    out: list[Sentence] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            text = rec["text"]
            spans: list[Span] = []
            for label, surfaces in rec.get("label", {}).items():
                kind = mapping.get(label)
                if not kind:
                    continue
                for positions in surfaces.values():
                    for s, e in positions:
                        spans.append((s, e + 1, kind))
            spans.sort()
            # drop overlaps (rare), keeping the earlier, longer span
            kept: list[Span] = []
            for sp in spans:
                if kept and sp[0] < kept[-1][1]:
                    continue
                kept.append(sp)
            out.append(Sentence(text, kept))
    return out


def cluener_mentions(path: str | Path) -> Iterator[tuple[str, str]]:
    """(label, surface) for every mention in a CLUENER file, all ten labels."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            for label, surfaces in rec.get("label", {}).items():
                for surface, positions in surfaces.items():
                    for _ in positions:
                        yield label, surface


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    by_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    overall: Counts = field(default_factory=Counts)
    sentences: int = 0
    chars: int = 0

    def add(self, gold: Iterable[Span], predicted: Iterable[Span]) -> None:
        g, p = set(gold), set(predicted)
        for kind in {s[2] for s in g | p}:
            c = self.by_type.setdefault(kind, Counts())
            gk = {s for s in g if s[2] == kind}
            pk = {s for s in p if s[2] == kind}
            c.tp += len(gk & pk)
            c.fp += len(pk - gk)
            c.fn += len(gk - pk)
        self.overall.tp += len(g & p)
        self.overall.fp += len(p - g)
        self.overall.fn += len(g - p)

    def to_dict(self) -> dict:
        rows = {k: c for k, c in self.by_type.items()}
        rows["overall"] = self.overall
        return {
            k: {"precision": round(c.precision, 4), "recall": round(c.recall, 4), "f1": round(c.f1, 4),
                "gold": c.tp + c.fn, "predicted": c.tp + c.fp}
            for k, c in rows.items()
        } | {"sentences": self.sentences, "chars": self.chars}

    def table(self) -> str:
        lines = [f"{'type':<8} {'gold':>6} {'pred':>6} {'P':>7} {'R':>7} {'F1':>7}"]
        rows = [(k, self.by_type[k]) for k in sorted(self.by_type, key=lambda t: (t not in TYPES, TYPES.index(t) if t in TYPES else 0, t))]
        rows.append(("overall", self.overall))
        for name, c in rows:
            lines.append(f"{name:<8} {c.tp + c.fn:>6} {c.tp + c.fp:>6} {c.precision:>7.4f} {c.recall:>7.4f} {c.f1:>7.4f}")
        return "\n".join(lines)


def score(gold: Iterable[Sentence], predict) -> Score:
    """Score ``predict(text) -> spans`` against gold sentences."""
    s = Score()
    for sent in gold:
        s.add(sent.spans, predict(sent.text))
        s.sentences += 1
        s.chars += len(sent.text)
    return s
