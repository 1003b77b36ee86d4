"""The typed model every stage reads and writes: Edition → Page → Article.

Plain dataclasses, cheap to build (parsing runs at hundreds of pages per
second).  Mentions point into article fields by character offsets (Python
``str`` indices, i.e. code points), never by copies, so ``mention.resolve``
always slices back to the same text.  ``to_dict`` gives the JSON contract of
``banmian parse`` (``shared/spec/edition.schema.json``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any, Literal

ArticleKind = Literal["news", "photo", "teaser", "brief", "notice", "advertisement", "other"]
BylineRole = Literal["reporter", "correspondent", "photographer", "editor", "author", "unknown"]
ARTICLE_KINDS: tuple[str, ...] = ArticleKind.__args__  # type: ignore[attr-defined]
BYLINE_ROLES: tuple[str, ...] = BylineRole.__args__  # type: ignore[attr-defined]


@dataclass(slots=True)
class Byline:
    name: str
    role: BylineRole = "unknown"
    # a name with no role word at all (方聿 许应田): its role is read from where it stands
    # (a news body's reporters); 版式设计：X says its role is unknown
    bare: bool = field(default=False, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role}


@dataclass(slots=True)
class PageRef:
    """A pointer to another page (and article, once linked) of the edition."""

    page: int | None
    article: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"page": self.page, "article": self.article}


@dataclass(slots=True)
class Article:
    id: str = ""
    kind: ArticleKind = "news"
    kicker: str | None = None
    headline: str | None = None
    subtitle: str | None = None
    bylines: list[Byline] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    caption: str | None = None
    continues_to: PageRef | None = None
    continued_from: PageRef | None = None
    refers_to: PageRef | None = None
    # 1-based line numbers of the source text this article came from (first, last).
    source_lines: tuple[int, int] | None = None

    def field_text(self, name: str, index: int | None = None) -> str | None:
        """The text a Mention with ``field=name`` (and ``index``) points into."""
        if name == "paragraph":
            if index is None or not 0 <= index < len(self.paragraphs):
                return None
            return self.paragraphs[index]
        if name in ("kicker", "headline", "subtitle", "caption"):
            return getattr(self, name)
        raise ValueError(f"unknown article field {name!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "kicker": self.kicker,
            "headline": self.headline,
            "subtitle": self.subtitle,
            "bylines": [b.to_dict() for b in self.bylines],
            "paragraphs": list(self.paragraphs),
            "caption": self.caption,
            "continues_to": self.continues_to.to_dict() if self.continues_to else None,
            "continued_from": self.continued_from.to_dict() if self.continued_from else None,
            "refers_to": self.refers_to.to_dict() if self.refers_to else None,
        }


@dataclass(slots=True)
class Mention:
    """A view into an article field: ``(article, field, index, start, end)``."""

    article: str
    field: Literal["kicker", "headline", "subtitle", "paragraph", "caption"]
    start: int
    end: int
    text: str
    index: int | None = None

    def resolve(self, article: Article) -> str | None:
        base = article.field_text(self.field, self.index)
        return None if base is None else base[self.start : self.end]

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "article": self.article,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }
        if self.index is not None:
            d["index"] = self.index
        return d


@dataclass(slots=True)
class Page:
    source: str
    number: int | None = None
    # A sectioned paper's page letter (A04, B04: both page 4, of sections A and B);
    # None where pages are numbered straight through.
    section: str | None = None
    name: str | None = None
    date: Date | None = None
    paper: str | None = None
    encoding: str | None = None
    boilerplate: list[str] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    # The decoded text exactly as read (before normalization), so that every
    # normalization stays recoverable; not part of the JSON contract.
    original_text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "section": self.section,
            "name": self.name,
            "source": self.source,
            "date": self.date.isoformat() if self.date else None,
            "encoding": self.encoding,
            "boilerplate": list(self.boilerplate),
            "articles": [a.to_dict() for a in self.articles],
        }


@dataclass(slots=True)
class Edition:
    paper: str | None = None
    date: Date | None = None
    pages: list[Page] = field(default_factory=list)
    # Filled by the extraction stages (people, organizations, places, events).
    people: list[dict[str, Any]] = field(default_factory=list)
    organizations: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    def articles(self):
        for page in self.pages:
            yield from page.articles

    def to_dict(self) -> dict[str, Any]:
        return {
            "paper": self.paper,
            "date": self.date.isoformat() if self.date else None,
            "pages": [p.to_dict() for p in self.pages],
            "people": list(self.people),
            "organizations": list(self.organizations),
            "places": list(self.places),
            "events": list(self.events),
        }
