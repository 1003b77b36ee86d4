"""Pages of sectioned papers: the section letter (A04 and B04 are two pages).

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _has_section() -> bool:
    return any(c["name"] == "section" for c in sa.inspect(op.get_bind()).get_columns("pages"))


def upgrade() -> None:
    # 0001 creates the pages table from the current schema (with the column already):
    # only an archive made before this revision needs it added
    if not _has_section():
        with op.batch_alter_table("pages") as batch:
            batch.add_column(sa.Column("section", sa.String(), nullable=True))


def downgrade() -> None:
    if _has_section():
        with op.batch_alter_table("pages") as batch:
            batch.drop_column("section")
