"""People across issues, with their title timelines."""

from __future__ import annotations

from datetime import date as Date
from typing import Any

from sqlalchemy import Engine, text

from ..cliutil import iso


def list_people(engine: Engine, *, role: str | None = None, name: str | None = None,
                date_from: Date | None = None, date_to: Date | None = None,
                limit: int = 1000) -> list[dict[str, Any]]:
    """People with ``titles`` = [{title, organization, first_seen, last_seen, articles}], by name.

    A title's span is the first and last issue date of the articles where the
    person appears with it: "曹金海 was 区长 from … to …".
    """
    where, params = ["1=1"], {"limit": limit}
    if role:
        where.append("p.role = :role")
        params["role"] = role
    if name:
        where.append("p.name LIKE :name")
        params["name"] = f"%{name}%"
    date_where = ""
    if date_from:
        date_where += " AND t.date >= :date_from"
        params["date_from"] = date_from.isoformat()
    if date_to:
        date_where += " AND t.date <= :date_to"
        params["date_to"] = date_to.isoformat()
    sql = text(
        "SELECT p.id, p.name, p.role, p.scope, t.title, t.organization, min(t.date) AS first_seen, "
        "max(t.date) AS last_seen, count(DISTINCT t.article_id) AS articles "
        f"FROM people p LEFT JOIN person_titles t ON t.person_id = p.id {date_where} "
        f"WHERE {' AND '.join(where)} "
        "GROUP BY p.id, t.title, t.organization ORDER BY p.name, p.id, first_seen, t.title")
    out: dict[str, dict[str, Any]] = {}
    with engine.connect() as conn:
        for r in conn.execute(sql, params):
            person = out.setdefault(r.id, {"id": r.id, "name": r.name, "role": r.role, "scope": r.scope or None,
                                           "titles": []})
            if r.title is not None:
                person["titles"].append({"title": r.title, "organization": r.organization or None,
                                         "first_seen": iso(r.first_seen), "last_seen": iso(r.last_seen),
                                         "articles": r.articles})
            if len(out) > limit:
                break
    return list(out.values())[:limit]
