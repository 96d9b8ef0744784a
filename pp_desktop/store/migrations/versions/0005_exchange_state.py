"""Excel exchange state: column mappings remembered per source (issue 6).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28

Placeholder reserved so that parallel work keeps one linear history; no release has shipped it yet.
"""

from __future__ import annotations

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
