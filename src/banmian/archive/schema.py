"""Tables of the archive (SQLAlchemy Core).  Documented in docs/archive.md.

Ids are the parser's content-derived ids (articles) or hashes of natural keys
(editions, pages), so the same input always lands on the same rows and exported
files join across runs.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, ForeignKey, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

editions = Table(
    "editions", metadata,
    Column("id", String, primary_key=True),  # e + hash(paper, date)
    Column("paper", String),
    Column("date", Date),
)

pages = Table(
    "pages", metadata,
    Column("id", String, primary_key=True),  # p + hash(paper, date, source)
    Column("edition_id", String, ForeignKey("editions.id", ondelete="CASCADE"), nullable=False),
    Column("number", Integer),
    Column("section", String),  # a sectioned paper's page letter (A, B…), else NULL (migration 0004)
    Column("name", String),
    Column("source", String, nullable=False),  # file name as given, not a machine path
    Column("sha256", String, nullable=False),  # of the file's bytes: re-ingesting the same file adds nothing
    Column("encoding", String),
    Column("parser_version", String, nullable=False),
    Column("ingested_at", DateTime, nullable=False),
    Column("boilerplate", Text),  # JSON list of removed furniture lines
    Index("ix_pages_edition", "edition_id"),
    Index("ix_pages_sha256", "sha256"),
)

articles = Table(
    "articles", metadata,
    Column("rowid", Integer, primary_key=True, autoincrement=True),  # FTS row key
    Column("id", String, nullable=False, unique=True),
    Column("page_id", String, ForeignKey("pages.id", ondelete="CASCADE"), nullable=False),
    Column("edition_id", String, nullable=False),
    Column("paper", String),
    Column("date", Date),
    Column("page", Integer),
    Column("ord", Integer, nullable=False),  # reading order on the page
    Column("kind", String, nullable=False),
    Column("kicker", Text),
    Column("headline", Text),
    Column("subtitle", Text),
    Column("caption", Text),
    Column("body", Text, nullable=False),  # paragraphs joined by newlines
    Column("continues_to_page", Integer),
    Column("continues_to_article", String),
    Column("continued_from_page", Integer),
    Column("continued_from_article", String),
    Column("refers_to_page", Integer),
    Column("refers_to_article", String),
    Index("ix_articles_date", "date"),
    Index("ix_articles_page", "page_id"),
    Index("ix_articles_paper_date", "paper", "date"),
)

paragraphs = Table(
    "paragraphs", metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("text", Text, nullable=False),
)

bylines = Table(
    "bylines", metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("name", String, nullable=False),
    Column("role", String, nullable=False),
    Index("ix_bylines_name", "name"),
)


people = Table(
    "people", metadata,
    Column("id", String, primary_key=True),  # h + hash(name, scope): one record per person across issues
    Column("name", String, nullable=False),
    Column("role", String, nullable=False),  # official, journalist, other
    Column("scope", String),  # what tells namesakes apart: the jurisdiction of an official, a journalist's paper
    Index("ix_people_name", "name"),
)

person_titles = Table(
    "person_titles", metadata,
    # One row per (person, title, organization, article): the title timeline is
    # aggregated from these at query time, so replacing a page never leaves stale spans.
    Column("person_id", String, ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    Column("title", String, primary_key=True),
    Column("organization", String, primary_key=True, default=""),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("date", Date),
    Index("ix_person_titles_article", "article_id"),
)

mentions = Table(
    "mentions", metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("field", String, primary_key=True),  # kicker, headline, subtitle, paragraph, caption
    Column("idx", Integer, primary_key=True, default=-1),  # paragraph index, -1 for other fields
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
    Column("text", String, nullable=False),
    Column("entity_type", String, nullable=False),  # person (organizations, places, events later)
    Column("entity_id", String, nullable=False),
    Index("ix_mentions_entity", "entity_type", "entity_id"),
)


organizations = Table(
    "organizations", metadata,
    Column("id", String, primary_key=True),  # the extraction's id: hash of paper and canonical name
    Column("name", String, nullable=False),
    Column("kind", String),
    Index("ix_organizations_name", "name"),
)

places = Table(
    "places", metadata,
    Column("id", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("kind", String),
    Index("ix_places_name", "name"),
)

events = Table(
    "events", metadata,
    Column("id", String, primary_key=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("type", String, nullable=False),
    Column("trigger", String, nullable=False),
    Column("date_text", String),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("part_of_day", String),
    Column("location_id", String),
    Column("evidence_idx", Integer),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Index("ix_events_article", "article_id"),
    Index("ix_events_date", "date_start"),
)

event_actors = Table(
    "event_actors", metadata,
    Column("event_id", String, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", String, primary_key=True),
    Column("role", String, nullable=False),  # lead, participant
    Index("ix_event_actors_person", "person_id"),
)

event_targets = Table(
    "event_targets", metadata,
    Column("event_id", String, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("target_id", String),  # an organization or place id; null for a meeting's name
    Column("name", String, nullable=False),
)
