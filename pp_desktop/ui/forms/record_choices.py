"""Reads the forms need: the records a reference field can point at, the attachments and child
records of one record. Plain queries through ``Services.reading()``; nothing here writes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from pp_desktop.services.context import Services
from pp_desktop.services.records import table

# How a record reads in a picker: the columns joined with " — ".
_NAMED_BY = {
    "organisation": ("name", "acronym"),
    "contact": ("name", "role"),
    "project": ("identifier", "title"),
    "recommendation": ("code",),
}


def record_choices(ctx: Services, entity: str) -> list[tuple[str, str]]:
    """(id, shown name) of every live record of ``entity``, sorted by name."""
    t = table(entity)
    columns = _NAMED_BY[entity]
    with ctx.reading() as conn:
        rows = conn.execute(
            select(t.c.id, *(t.c[c] for c in columns))
            .where(t.c.deleted_at.is_(None))
            .order_by(t.c[columns[0]])
        ).all()
    return [(str(r[0]), " — ".join(str(v) for v in r[1:] if v)) for r in rows]


def children(ctx: Services, entity: str, parent_field: str, parent_id: str) -> list[dict[str, Any]]:
    """The live ``entity`` records whose ``parent_field`` is ``parent_id`` (without bytes)."""
    t = table(entity)
    columns = [c for c in t.c if c.name != "data"]
    with ctx.reading() as conn:
        rows = conn.execute(
            select(*columns)
            .where(t.c[parent_field] == parent_id, t.c.deleted_at.is_(None))
            .order_by(t.c.created_at, t.c.id)
        ).mappings()
        return [dict(r) for r in rows]


def attachments_of(ctx: Services, entity: str, owner_id: str) -> list[dict[str, Any]]:
    """The live attachments of one record (name, size, type; not the bytes)."""
    return [
        row
        for row in children(ctx, "attachment", "owner_id", owner_id)
        if row["owner_entity"] == entity
    ]
