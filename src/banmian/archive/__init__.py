"""The archive: parsed editions stored in a database, searchable and exportable.

SQLite is the embedded default (one file, WAL mode); the schema is managed by
Alembic migrations so the same tables can live on PostgreSQL later.
"""
