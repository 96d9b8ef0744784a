"""Sync state: device identity, bundles, receipts, conflicts (issue 4).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28

Placeholder reserved so that parallel work keeps one linear history; no release has shipped it yet.
"""

from __future__ import annotations

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
