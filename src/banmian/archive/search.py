"""Search and read the archive."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from typing import Any

from sqlalchemy import Engine, select, text

from . import schema as S
from .fts import match_query, query_terms

SNIPPET_CHARS = 40
# A query matching at least this many articles is ranked among its most recently ingested matches.
BROAD_QUERY_MATCHES = 2000
HIGHLIGHT = ("【", "】")


@dataclass
class Hit:
    id: str
    headline: str | None
    paper: str | None
    date: Date | None
    page: int | None
    kind: str
    snippet: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "headline": self.headline, "paper": self.paper,
                "date": self.date.isoformat() if self.date else None, "page": self.page,
                "kind": self.kind, "snippet": self.snippet, "score": round(self.score, 4)}


def snippet(body: str, terms: list[str], width: int = SNIPPET_CHARS) -> str:
    """The stretch of ``body`` around the first hit, hits marked 【】."""
    flat = body.replace("\n", " ")
    positions = [flat.find(t) for t in terms if t and flat.find(t) >= 0]
    if not positions:
        return flat[: 2 * width] + ("…" if len(flat) > 2 * width else "")
    start = max(0, min(positions) - width // 3)
    end = min(len(flat), min(positions) + 2 * width)
    piece = flat[start:end]
    for t in sorted(set(terms), key=len, reverse=True):
        if t:
            piece = piece.replace(t, f"{HIGHLIGHT[0]}{t}{HIGHLIGHT[1]}")
    return ("…" if start > 0 else "") + piece + ("…" if end < len(flat) else "")


def search(engine: Engine, query: str, *, limit: int = 20, paper: str | None = None,
           date_from: Date | None = None, date_to: Date | None = None, page: int | None = None,
           kind: str | None = None, byline: str | None = None) -> list[Hit]:
    """Ranked articles (bm25, titles weighted 5×) whose headline or body contain the query."""
    match = match_query(query)
    if match is None:
        return []
    where = ["articles_fts MATCH :match"]
    params: dict[str, Any] = {"match": match, "limit": limit}
    for column, value in (("paper", paper), ("page", page), ("kind", kind)):
        if value is not None:
            where.append(f"a.{column} = :{column}")
            params[column] = value
    if date_from:
        where.append("a.date >= :date_from")
        params["date_from"] = date_from.isoformat()
    if date_to:
        where.append("a.date <= :date_to")
        params["date_to"] = date_to.isoformat()
    if byline:
        where.append("EXISTS (SELECT 1 FROM bylines b WHERE b.article_id = a.id AND b.name = :byline)")
        params["byline"] = byline
    select_ = ("SELECT a.id, a.headline, a.kicker, a.paper, a.date, a.page, a.kind, a.body, a.caption, "
               "bm25(articles_fts, 5.0, 1.0, 5.0, 1.0) AS score "
               "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
               f"WHERE {' AND '.join(where)} ")
    terms = query_terms(query)
    with engine.connect() as conn:
        # Ranking scans every match: for a query as broad as a common character
        # (thousands of articles) take the most recently ingested matches and rank those, which
        # keeps latency flat while bm25 order among so many would say little.
        probe = conn.execute(text("SELECT count(*) FROM (SELECT rowid FROM articles_fts "
                                  "WHERE articles_fts MATCH :match LIMIT :cap)"),
                             {"match": match, "cap": BROAD_QUERY_MATCHES}).scalar_one()
        if probe >= BROAD_QUERY_MATCHES:
            sql = text(f"SELECT * FROM ({select_} ORDER BY articles_fts.rowid DESC LIMIT :limit) ORDER BY score")
        else:
            sql = text(select_ + "ORDER BY score LIMIT :limit")
        rows = conn.execute(sql, params).all()
    hits = []
    for r in rows:
        day = Date.fromisoformat(r.date) if isinstance(r.date, str) else r.date
        hits.append(Hit(r.id, r.headline, r.paper, day, r.page, r.kind,
                        snippet(r.body or r.caption or "", terms), -float(r.score)))
    return hits


def get_article(engine: Engine, article_id: str) -> dict[str, Any] | None:
    """One article with its paragraphs and bylines, or ``None``."""
    with engine.connect() as conn:
        row = conn.execute(select(S.articles).where(S.articles.c.id == article_id)).first()
        if row is None:
            return None
        paras = conn.execute(select(S.paragraphs.c.text).where(S.paragraphs.c.article_id == article_id)
                             .order_by(S.paragraphs.c.idx)).scalars().all()
        names = conn.execute(select(S.bylines.c.name, S.bylines.c.role)
                             .where(S.bylines.c.article_id == article_id).order_by(S.bylines.c.idx)).all()
        source = conn.execute(select(S.pages.c.source, S.pages.c.sha256, S.pages.c.parser_version)
                              .where(S.pages.c.id == row.page_id)).first()
    d = {k: v for k, v in row._mapping.items() if k not in ("rowid", "body")}
    d["date"] = d["date"].isoformat() if d["date"] else None
    d["paragraphs"] = list(paras)
    d["bylines"] = [{"name": n, "role": r} for n, r in names]
    d["source"] = {"file": source.source, "sha256": source.sha256, "parser_version": source.parser_version} if source else None
    return d


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                for t in ("editions", "pages", "articles", "paragraphs", "bylines")}
