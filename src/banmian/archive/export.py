"""Export the archive as CSV, JSON Lines or Parquet, one file per table.

Columns are documented in docs/archive.md.  Ids are the archive's stable ids,
so files join across tables and across exports of the same input.  Parquet
carries real types (dates as ``date32``, integers as ``int64``) via pyarrow.
"""

from __future__ import annotations

import csv
import json
from datetime import date as Date
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import Engine, text

from ..errors import UsageError

EXPORTS: dict[str, str] = {
    "editions": "SELECT id, paper, date FROM editions ORDER BY date, paper",
    "pages": "SELECT id, edition_id, number, name, source, sha256, encoding, parser_version, ingested_at "
             "FROM pages ORDER BY edition_id, number, source",
    "articles": "SELECT id, page_id, edition_id, paper, date, page, ord, kind, kicker, headline, subtitle, caption, "
                "continues_to_page, continues_to_article, continued_from_page, continued_from_article, "
                "refers_to_page, refers_to_article FROM articles ORDER BY date, page, ord",
    "paragraphs": "SELECT article_id, idx, text FROM paragraphs ORDER BY article_id, idx",
    "bylines": "SELECT article_id, idx, name, role FROM bylines ORDER BY article_id, idx",
    "people": "SELECT id, name, role, scope FROM people ORDER BY name, id",
    "titles": "SELECT person_id, title, nullif(organization, '') AS organization, min(date) AS first_seen, "
              "max(date) AS last_seen, count(DISTINCT article_id) AS articles FROM person_titles "
              "GROUP BY person_id, title, organization ORDER BY person_id, first_seen, title",
    "organizations": "SELECT id, name, kind FROM organizations ORDER BY name, id",
    "places": "SELECT id, name, kind FROM places ORDER BY name, id",
    "events": "SELECT id, article_id, type, trigger, date_text, date_start, date_end, part_of_day, location_id, "
              "evidence_idx, evidence_start, evidence_end FROM events ORDER BY date_start, id",
    "event_actors": "SELECT event_id, person_id, role FROM event_actors ORDER BY event_id, role, person_id",
    "event_targets": "SELECT event_id, idx, target_id, name FROM event_targets ORDER BY event_id, idx",
    "mentions": "SELECT article_id, field, idx, start, \"end\", text, entity_type, entity_id FROM mentions "
                "ORDER BY article_id, field, idx, start",
}
DATE_COLUMNS = {"date", "first_seen", "last_seen", "date_start", "date_end"}
TIMESTAMP_COLUMNS = {"ingested_at"}
INT_COLUMNS = {"number", "page", "ord", "idx", "continues_to_page", "continued_from_page", "refers_to_page",
               "articles", "evidence_idx", "evidence_start", "evidence_end", "start", "end"}
FORMATS = ("csv", "jsonl", "parquet")


def _rows(engine: Engine, sql: str) -> tuple[list[str], list[tuple]]:
    with engine.connect() as conn:
        result = conn.execute(text(sql))
        return list(result.keys()), [tuple(r) for r in result]


def _plain(value: Any) -> Any:
    if isinstance(value, (Date, datetime)):
        return value.isoformat()
    return value


def export(engine: Engine, out_dir: str | Path, fmt: str, tables: list[str] | None = None) -> dict[str, Path]:
    """Write each table to ``out_dir/<table>.<fmt>``; returns the files written."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r} (choose {', '.join(FORMATS)})")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for table in tables or list(EXPORTS):
        if table not in EXPORTS:
            raise UsageError(f"no table {table!r} to export (tables: {', '.join(EXPORTS)})")
        columns, rows = _rows(engine, EXPORTS[table])
        path = out / f"{table}.{fmt}"
        tmp = path.with_suffix(path.suffix + ".part")
        if fmt == "csv":
            with tmp.open("w", encoding="utf-8", newline="") as f:
                w = csv.writer(f)
                w.writerow(columns)
                w.writerows([_plain(v) for v in r] for r in rows)
        elif fmt == "jsonl":
            with tmp.open("w", encoding="utf-8") as f:
                for r in rows:
                    f.write(json.dumps(dict(zip(columns, map(_plain, r))), ensure_ascii=False) + "\n")
        else:
            _write_parquet(tmp, columns, rows)
        tmp.replace(path)  # no half-written file under the final name
        written[table] = path
    return written


def _write_parquet(path: Path, columns: list[str], rows: list[tuple]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrays = []
    fields = []
    for k, name in enumerate(columns):
        values = [r[k] for r in rows]
        if name in DATE_COLUMNS:
            typ = pa.date32()
            values = [Date.fromisoformat(v) if isinstance(v, str) else v for v in values]
        elif name in TIMESTAMP_COLUMNS:
            typ = pa.timestamp("us")
            values = [datetime.fromisoformat(v) if isinstance(v, str) else v for v in values]
        elif name in INT_COLUMNS:
            typ = pa.int64()
        else:
            typ = pa.string()
        arrays.append(pa.array(values, type=typ))
        fields.append(pa.field(name, typ))
    pq.write_table(pa.Table.from_arrays(arrays, schema=pa.schema(fields)), path)


def iter_table(engine: Engine, table: str) -> Iterator[dict[str, Any]]:
    columns, rows = _rows(engine, EXPORTS[table])
    for r in rows:
        yield dict(zip(columns, map(_plain, r)))
