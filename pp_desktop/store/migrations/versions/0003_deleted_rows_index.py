"""Partial indexes of the soft-deleted seizures and price observations.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

Counts of a list ("live rows matching C") are computed as "rows matching C" minus "deleted rows
matching C": the first is answered by an index (or the FTS index) without reading the table,
the second by these indexes, which hold only the deleted rows (few, and tiny: nothing to
maintain on insert). Without them a count reads every row of the table (~2 s for 1,000,000
encrypted seizures). Partial on purpose: a list query (``deleted_at IS NULL``) cannot pick them
instead of its (filter, sort, id) index.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

INDEXES = {"ix_seizure_deleted": "seizure", "ix_price_deleted": "price_observation"}


def upgrade() -> None:
    for name, table in INDEXES.items():
        op.create_index(
            name, table, ["deleted_at"], sqlite_where=sa.text("deleted_at IS NOT NULL")
        )


def downgrade() -> None:
    for name, table in INDEXES.items():
        op.drop_index(name, table_name=table)
