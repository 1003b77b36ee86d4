"""Organizations, places, events with their actors and targets.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

from banmian.archive.schema import metadata

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = ["organizations", "places", "events", "event_actors", "event_targets"]


def upgrade() -> None:
    metadata.create_all(op.get_bind(), tables=[metadata.tables[t] for t in TABLES])


def downgrade() -> None:
    metadata.drop_all(op.get_bind(), tables=[metadata.tables[t] for t in reversed(TABLES)])
