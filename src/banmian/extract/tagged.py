"""People the rules missed, from the statistical tagger (opt-in: ``--ner``).

Reads ``edition.pages`` (article fields) and ``edition.people`` (from the
rule-based people stage); assigns more ``edition.people`` entries with role
``other`` and more mentions for people already found.

Rules win where they are sure: a span the tagger calls PER is only added when
it does not overlap a mention the rules already placed, and a name already
known (an official, a journalist) only gains a mention — the tagger never
changes anyone's role or titles.  The CRF costs ~10 ms per 1,000 characters,
far more than every other stage together, which is why it runs only when
asked for (``banmian parse --ner``, ``banmian ingest --ner``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from ..model import Article, Edition

_FIELDS = ("kicker", "headline", "subtitle")
# CRF PER spans that are never names on their own
_MIN_LEN, _MAX_LEN = 2, 12
# lowest marginal probability of a span's tags for a new person (selected on the dev gold pages)
MIN_CONFIDENCE = 0.9


def _fields(article: Article) -> Iterator[tuple[str, int | None, str]]:
    for name in _FIELDS:
        text = getattr(article, name)
        if text:
            yield name, None, text
    for i, p in enumerate(article.paragraphs):
        yield "paragraph", i, p
    if article.caption:
        yield "caption", None, article.caption


def _plausible(name: str) -> bool:
    """A person's name as the tagger may return it: 2–12 characters, no digits or punctuation
    other than the interpunct of foreign names."""
    if not _MIN_LEN <= len(name) <= _MAX_LEN:
        return False
    return all(ch == "·" or ch.isalpha() for ch in name) and not name.startswith("·") and not name.endswith("·")


def _key(m: dict[str, Any]) -> tuple:
    return (m["article"], m["field"], m.get("index"))


def add_tagged_people(edition: Edition, tagger, min_confidence: float = MIN_CONFIDENCE) -> int:
    """Add the tagger's PER spans to ``edition.people``; returns how many people were added."""
    people = edition.people
    by_name = {p["name"]: p for p in people}
    taken: dict[tuple, list[tuple[int, int]]] = {}
    for p in people:
        for m in p["mentions"]:
            taken.setdefault(_key(m), []).append((m["start"], m["end"]))
    added = 0
    for page in edition.pages:
        for article in page.articles:
            for field, index, text in _fields(article):
                for start, end, kind, confidence in tagger.scored_spans(text):
                    if kind != "PER" or confidence < min_confidence:
                        continue
                    name = text[start:end]
                    if not _plausible(name):
                        continue
                    mention: dict[str, Any] = {"article": article.id, "field": field, "start": start, "end": end,
                                               "text": name}
                    if index is not None:
                        mention["index"] = index
                    spans = taken.setdefault(_key(mention), [])
                    if any(s < end and start < e for s, e in spans):
                        continue  # the rules placed a mention here: they win
                    spans.append((start, end))
                    person = by_name.get(name)
                    if person is None:
                        pid = "p" + hashlib.blake2b(f"{name}|other".encode(), digest_size=8).hexdigest()
                        person = {"id": pid, "name": name, "role": "other", "titles": [], "mentions": []}
                        people.append(person)
                        by_name[name] = person
                        added += 1
                    person["mentions"].append(mention)
    return added
