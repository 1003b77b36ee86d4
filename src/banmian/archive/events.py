"""Events in the archive: who did what, where and when."""

from __future__ import annotations

from datetime import date as Date
from typing import Any

from sqlalchemy import Engine, text

from ..cliutil import iso


def list_events(engine: Engine, *, person: str | None = None, org: str | None = None, type_: str | None = None,
                date_from: Date | None = None, date_to: Date | None = None, limit: int = 1000) -> list[dict[str, Any]]:
    """Events, oldest first; an event counts for a date range when its span overlaps it."""
    where, params = ["1=1"], {"limit": limit}
    if type_:
        where.append("e.type = :type")
        params["type"] = type_
    if date_from:
        where.append("coalesce(e.date_end, e.date_start, a.date) >= :date_from")
        params["date_from"] = date_from.isoformat()
    if date_to:
        where.append("coalesce(e.date_start, a.date) <= :date_to")
        params["date_to"] = date_to.isoformat()
    if person:
        where.append("EXISTS (SELECT 1 FROM event_actors x JOIN people p ON p.id = x.person_id "
                     "WHERE x.event_id = e.id AND p.name LIKE :person)")
        params["person"] = f"%{person}%"
    if org:
        where.append("EXISTS (SELECT 1 FROM event_targets t WHERE t.event_id = e.id AND t.name LIKE :org)")
        params["org"] = f"%{org}%"
    sql = text(
        "SELECT e.id, e.type, e.trigger, e.date_text, e.date_start, e.date_end, e.part_of_day, e.article_id, "
        "a.paper, a.date AS issue_date, a.page, a.headline, pl.name AS location "
        "FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN places pl ON pl.id = e.location_id "
        f"WHERE {' AND '.join(where)} ORDER BY coalesce(e.date_start, a.date), e.id LIMIT :limit")
    with engine.connect() as conn:
        rows = conn.execute(sql, params).mappings().all()
        ids = [r["id"] for r in rows]
        actors: dict[str, list[dict[str, str]]] = {}
        targets: dict[str, list[str]] = {}
        if ids:
            marks = ",".join(f":i{k}" for k in range(len(ids)))
            binds = {f"i{k}": v for k, v in enumerate(ids)}
            for r in conn.execute(text(f"SELECT x.event_id, p.name, x.role FROM event_actors x JOIN people p "
                                       f"ON p.id = x.person_id WHERE x.event_id IN ({marks}) "
                                       "ORDER BY x.role, p.name"), binds):
                actors.setdefault(r.event_id, []).append({"name": r.name, "role": r.role})
            for r in conn.execute(text(f"SELECT event_id, name FROM event_targets WHERE event_id IN ({marks}) "
                                       "ORDER BY event_id, idx"), binds):
                targets.setdefault(r.event_id, []).append(r.name)
    return [event_row(r, actors.get(r["id"], []), targets.get(r["id"], [])) for r in rows]


def event_row(r, actors: list[dict[str, str]], targets: list[str]) -> dict[str, Any]:
    return {"id": r["id"], "type": r["type"], "trigger": r["trigger"],
            "date": {"text": r["date_text"], "start": iso(r["date_start"]), "end": iso(r["date_end"]),
                     "part_of_day": r["part_of_day"]},
            "lead": [a["name"] for a in actors if a["role"] == "lead"],
            "participants": [a["name"] for a in actors if a["role"] == "participant"],
            "targets": targets, "location": r["location"], "article": r["article_id"],
            "paper": r["paper"], "issue_date": iso(r["issue_date"]), "page": r["page"], "headline": r["headline"]}
