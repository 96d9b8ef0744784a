"""Full-text search (FTS5) over seizures and price observations.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

External-content FTS5 tables keyed by the record's rowid, kept current by triggers. The rowid of
a table without an INTEGER PRIMARY KEY may change on VACUUM: run
``INSERT INTO <t>_fts(<t>_fts) VALUES('rebuild')`` after one (the app never vacuums; backups use
the online backup API, which copies pages and keeps rowids).
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# table -> indexed text columns
FTS = {
    "seizure": ("place", "notes", "source_ref"),
    "price_observation": ("place", "notes", "source"),
}


def upgrade() -> None:
    for table, cols in FTS.items():
        fts = f"{table}_fts"
        col_list = ", ".join(cols)
        new_vals = ", ".join(f"new.{c}" for c in cols)
        old_vals = ", ".join(f"old.{c}" for c in cols)
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({col_list}, content='{table}', "
            "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {col_list}) VALUES (new.rowid, {new_vals}); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {col_list}) VALUES ('delete', old.rowid, {old_vals}); "
            "END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {col_list} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {col_list}) VALUES ('delete', old.rowid, {old_vals}); "
            f"INSERT INTO {fts}(rowid, {col_list}) VALUES (new.rowid, {new_vals}); END"
        )
        op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def downgrade() -> None:
    for table in FTS:
        fts = f"{table}_fts"
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {fts}")
