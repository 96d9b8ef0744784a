"""Alembic environment: always runs on the vault connection handed over by pp_desktop.store."""

from __future__ import annotations

from alembic import context

from pp_desktop.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the vault opens migrations
    raise RuntimeError("pp-desktop migrations run only through pp_desktop.store.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: batch mode copies the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
