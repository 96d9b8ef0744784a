"""Run the vault's Alembic migrations on an open connection; refuse a vault from a newer app."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text

from pp_desktop.store.errors import VaultTooNew

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    """An Alembic config pointing at the bundled migrations (no alembic.ini needed)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest schema revision this app knows."""
    head = _script().get_current_head()
    assert head is not None
    return head


def known_revisions() -> frozenset[str]:
    """Every revision this app knows."""
    return frozenset(rev.revision for rev in _script().walk_revisions())


def current_revision(conn: Connection) -> str | None:
    """The vault's schema revision, or None for an empty database."""
    has_table = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
    ).first()
    if not has_table:
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return str(row[0]) if row else None


def upgrade(conn: Connection, target: str = "head") -> bool:
    """Upgrade the schema to ``target``; True when something ran. VaultTooNew on an unknown rev."""
    from alembic import command  # imported lazily: only needed when the schema is behind

    current = current_revision(conn)
    if current is not None and current not in known_revisions():
        raise VaultTooNew()
    wanted = head_revision() if target == "head" else target
    if current == wanted:
        return False
    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, target)
    return True
