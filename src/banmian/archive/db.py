"""Open an archive: create or migrate its schema, set SQLite up for ingest + reading.

``BANMIAN_DB`` or ``./banmian.db`` by default.  WAL journal mode lets readers
(search, the web reader) work while an ingest writes; ``busy_timeout`` makes a
second writer wait instead of failing.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect

from ..errors import BanmianError

DEFAULT_DB = "banmian.db"
BUSY_TIMEOUT_MS = 60_000


class ArchiveError(BanmianError):
    code = "E500"


def default_db_path() -> str:
    return os.environ.get("BANMIAN_DB") or DEFAULT_DB


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def engine_for(db: str | Path) -> Engine:
    url = str(db)
    if "://" not in url:
        path = Path(url)
        if path.exists() and path.is_dir():
            raise ArchiveError("is a directory, not a database file", source=str(path))
        url = f"sqlite:///{path}"
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        # pysqlite's own transaction handling is switched off so that writers can
        # take the write lock up front (BEGIN IMMEDIATE) and never deadlock on an
        # upgrade from a read lock; readers begin deferred and never wait for a writer.
        event.listen(engine, "connect", lambda c, r: setattr(c, "isolation_level", None))
        event.listen(engine, "begin", _begin)
    return engine


def _begin(conn) -> None:
    immediate = conn.get_execution_options().get("sqlite_immediate")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def write_connection(engine: Engine):
    """A connection whose transactions take the write lock when they begin."""
    return engine.connect().execution_options(sqlite_immediate=True)


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("banmian.archive").joinpath("migrations")))
    return cfg


def open_archive(db: str | Path | None = None) -> Engine:
    """Engine on an archive whose schema is at the newest migration."""
    engine = engine_for(db or default_db_path())
    try:
        with write_connection(engine) as conn, conn.begin():
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except Exception as e:  # noqa: BLE001 - any failure here is the database's, say so in one line
        if isinstance(e, BanmianError):
            raise
        raise ArchiveError(f"cannot open archive: {e.__class__.__name__}: {str(e).splitlines()[0]}",
                           source=str(db)) from None
    return engine


def table_names(engine: Engine) -> list[str]:
    return inspect(engine).get_table_names()
