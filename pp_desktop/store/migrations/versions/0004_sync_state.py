"""Sync state: device identity, bundles out and in, conflicts, quarantine (issue 4).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_identity",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("device_name", sa.String(length=200), nullable=False),
        sa.Column("sign_key", sa.Text(), nullable=False),
        sa.Column("age_identity", sa.Text(), nullable=False),
        sa.Column("age_recipient", sa.Text(), nullable=False),
        sa.Column("root", sa.Text(), nullable=False),
        sa.Column("root_fingerprint", sa.String(length=200), nullable=False),
        sa.Column("enrolled_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_identity")),
    )
    op.create_table(
        "sync_outbound",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("bundle_hash", sa.String(length=64), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("change_count", sa.Integer(), nullable=False),
        sa.Column("age", sa.LargeBinary(), nullable=True),
        sa.Column("minisig", sa.LargeBinary(), nullable=True),
        sa.Column("receipt_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_outbound")),
        sa.UniqueConstraint("bundle_hash", name=op.f("uq_sync_outbound_bundle_hash")),
    )
    op.create_table(
        "sync_inbound",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("bundle_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("received_at", sa.String(length=32), nullable=False),
        sa.Column("applied_at", sa.String(length=32), nullable=True),
        sa.Column("age", sa.LargeBinary(), nullable=True),
        sa.Column("minisig", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_inbound")),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("mine", sa.Text(), nullable=False),
        sa.Column("theirs", sa.Text(), nullable=False),
        sa.Column("mine_hlc", sa.String(length=64), nullable=False),
        sa.Column("theirs_hlc", sa.String(length=64), nullable=False),
        sa.Column("mine_deleted", sa.Integer(), nullable=False),
        sa.Column("theirs_deleted", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("detected_at", sa.String(length=32), nullable=False),
        sa.Column("resolved_at", sa.String(length=32), nullable=True),
        sa.Column("resolution", sa.String(length=16), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.create_index(
            "ix_sync_conflict_open", ["resolved_at", "entity", "entity_id"], unique=False
        )
    op.create_table(
        "sync_quarantine",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("item", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_quarantine")),
    )


def downgrade() -> None:
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_conflict_open")
    for name in (
        "sync_quarantine",
        "sync_conflict",
        "sync_inbound",
        "sync_outbound",
        "sync_identity",
    ):
        op.drop_table(name)
