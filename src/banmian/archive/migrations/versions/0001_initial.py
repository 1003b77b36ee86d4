"""Editions, pages, articles, paragraphs, bylines, and the full-text index.

Revision ID: 0001
Revises:
"""

from alembic import op

from banmian.archive.schema import metadata

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TABLES = ["editions", "pages", "articles", "paragraphs", "bylines"]


def upgrade() -> None:
    bind = op.get_bind()
    metadata.create_all(bind, tables=[metadata.tables[t] for t in TABLES])
    if bind.dialect.name == "sqlite":
        # Chinese full-text search: character bigrams and unigrams written as
        # space-separated tokens (see banmian.archive.fts), indexed by FTS5's
        # default tokenizer.  rowid = articles.rowid.
        op.execute("CREATE VIRTUAL TABLE articles_fts USING fts5("
                   "title_bi, body_bi, title_uni, body_uni, content='', columnsize=0, detail=full)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS articles_fts")
    metadata.drop_all(bind, tables=[metadata.tables[t] for t in reversed(TABLES)])
