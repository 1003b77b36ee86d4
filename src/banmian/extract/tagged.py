"""People, organizations and places the rules missed, from the statistical tagger
(opt-in: ``--ner``).

``add_tagged_people`` reads ``edition.pages`` (article fields) and
``edition.people`` (from the rule-based people stage) and assigns more
``edition.people`` entries with role ``other`` and more mentions for people
already found; ``add_tagged_entities`` does the same for
``edition.organizations`` / ``edition.places`` after the rule-based entities
stage (kinds from the names' suffixes).  Each field is tagged once per
edition (``TagCache``).

Rules win where they are sure: a span the tagger calls PER is only added when
it does not overlap a mention the rules already placed, and a name already
known (an official, a journalist) only gains a mention — the tagger never
changes anyone's role or titles.  The CRF costs ~10 ms per 1,000 characters,
far more than every other stage together, which is why it runs only when
asked for (``banmian parse --ner``, ``banmian ingest --ner``).
"""

from __future__ import annotations

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


class TagCache:
    """The tagger's scored spans of each article field, computed once per edition."""

    def __init__(self, tagger) -> None:
        self.tagger = tagger
        self._spans: dict[tuple, list[tuple[int, int, str, float]]] = {}

    def __call__(self, article: Article, field: str, index: int | None, text: str):
        key = (article.id, field, index)
        got = self._spans.get(key)
        if got is None:
            got = self._spans[key] = self.tagger.scored_spans(text)
        return got


def _taken(buckets: list[list[dict[str, Any]]]) -> dict[tuple, list[tuple[int, int]]]:
    taken: dict[tuple, list[tuple[int, int]]] = {}
    for bucket in buckets:
        for x in bucket:
            for m in x["mentions"]:
                taken.setdefault(_key(m), []).append((m["start"], m["end"]))
    return taken


def _free_spans(edition: Edition, cache: TagCache, kinds: set[str], min_confidence: float,
                taken: dict[tuple, list[tuple[int, int]]]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(type, name, mention) of each sure tagger span of these types that overlaps no span
    in ``taken`` (the rules' mentions, then those handed out before); rules win."""
    for page in edition.pages:
        for article in page.articles:
            for field, index, text in _fields(article):
                for start, end, kind, confidence in cache(article, field, index, text):
                    if kind not in kinds or confidence < min_confidence:
                        continue
                    mention: dict[str, Any] = {"article": article.id, "field": field, "start": start, "end": end,
                                               "text": text[start:end]}
                    if index is not None:
                        mention["index"] = index
                    spans = taken.setdefault(_key(mention), [])
                    if any(s < end and start < e for s, e in spans):
                        continue
                    spans.append((start, end))
                    yield kind, mention["text"], mention


def add_tagged_people(edition: Edition, tagger, min_confidence: float = MIN_CONFIDENCE,
                      cache: TagCache | None = None) -> int:
    """Add the tagger's PER spans to ``edition.people``; returns how many people were added."""
    from .people import person_id

    people = edition.people
    by_name = {p["name"]: p for p in people}
    added = 0
    for _, name, mention in _free_spans(edition, cache or TagCache(tagger), {"PER"}, min_confidence,
                                        _taken([people])):
        if not _plausible(name):
            continue
        person = by_name.get(name)
        if person is None:
            person = by_name[name] = {"id": person_id(name, "other"), "name": name, "role": "other",
                                      "titles": [], "mentions": []}
            people.append(person)
            added += 1
        person["mentions"].append(mention)
    return added


def add_tagged_entities(edition: Edition, tagger, min_confidence: float = MIN_CONFIDENCE,
                        cache: TagCache | None = None) -> int:
    """Add the tagger's ORG / LOC spans to ``edition.organizations`` / ``places`` where no
    person, organization or place of the rules is mentioned; returns how many were added."""
    from .entities import entity_id, kind_of

    buckets = {"ORG": ("org", "o", edition.organizations), "LOC": ("place", "l", edition.places)}
    by_name: dict[tuple[str, str], dict[str, Any]] = {}
    for t, (_, _, bucket) in buckets.items():
        for e in bucket:
            by_name[(t, e["name"])] = e
        for e in bucket:
            for alias in e.get("aliases", ()):
                by_name.setdefault((t, alias), e)
    taken = _taken([edition.people, edition.organizations, edition.places])
    added = 0
    for kind, name, mention in _free_spans(edition, cache or TagCache(tagger), set(buckets), min_confidence, taken):
        if len(name) < 2:
            continue
        entity = by_name.get((kind, name))
        if entity is None:
            bucket_name, prefix, bucket = buckets[kind]
            entity = by_name[(kind, name)] = {"id": entity_id(prefix, edition.paper, name), "name": name,
                                              "kind": kind_of(name, bucket_name), "aliases": [], "mentions": []}
            bucket.append(entity)
            added += 1
        entity["mentions"].append(mention)
    return added
