"""People across issues: people, person_titles (the title timeline's evidence), mentions.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

from banmian.archive.schema import metadata

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLES = ["people", "person_titles", "mentions"]


def upgrade() -> None:
    metadata.create_all(op.get_bind(), tables=[metadata.tables[t] for t in TABLES])


def downgrade() -> None:
    metadata.drop_all(op.get_bind(), tables=[metadata.tables[t] for t in reversed(TABLES)])
