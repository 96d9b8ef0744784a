"""Sync conflicts on the device: list them, resolve them (keep mine / keep theirs / per field).

A resolution is itself a change: it bumps the record's version, writes an audit entry and a
journal entry for every field it settles, so it travels to HQ with the next bundle.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text

from pp_desktop.services.context import Services, WriteScope
from pp_desktop.services.errors import Issue, NotFound, ValidationFailed
from pp_desktop.services.fields import field_names
from pp_desktop.services.ledger import dumps
from pp_desktop.services.records import ChangeSet, derive, table
from pp_desktop.services.validation import validate

MINE, THEIRS = "mine", "theirs"


@dataclass(frozen=True)
class Conflict:
    """One conflict as the UI and the command line show it (plain data)."""

    id: str
    entity: str
    entity_id: str
    fields: tuple[str, ...]
    mine: dict[str, Any]
    theirs: dict[str, Any]
    mine_hlc: str
    theirs_hlc: str
    mine_deleted: bool
    theirs_deleted: bool
    source: str
    detected_at: str
    resolved_at: str | None
    resolution: str | None


_COLUMNS = (
    "id, entity, entity_id, fields, mine, theirs, mine_hlc, theirs_hlc, mine_deleted, "
    "theirs_deleted, source, detected_at, resolved_at, resolution"
)


def _conflict(row: Any) -> Conflict:
    return Conflict(
        str(row[0]),
        str(row[1]),
        str(row[2]),
        tuple(json.loads(row[3])),
        dict(json.loads(row[4])),
        dict(json.loads(row[5])),
        str(row[6]),
        str(row[7]),
        bool(row[8]),
        bool(row[9]),
        str(row[10]),
        str(row[11]),
        row[12],
        row[13],
    )


def list_conflicts(ctx: Services, include_resolved: bool = False) -> list[Conflict]:
    """Open conflicts (oldest first); resolved ones too when asked."""
    where = "" if include_resolved else " WHERE resolved_at IS NULL"
    with ctx.reading() as conn:
        rows = conn.execute(
            text(f"SELECT {_COLUMNS} FROM sync_conflict{where} ORDER BY detected_at, id")
        ).all()
    return [_conflict(r) for r in rows]


def count_open(ctx: Services) -> int:
    """How many conflicts wait for a person."""
    with ctx.reading() as conn:
        n = conn.execute(text("SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL"))
        return int(n.scalar() or 0)


def _choice_values(c: Conflict, choice: str, per_field: Mapping[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in c.fields:
        side = per_field.get(name, choice) if choice == "fields" else choice
        if side not in (MINE, THEIRS):
            raise ValidationFailed(
                c.entity, [Issue(name, "choose 'mine' or 'theirs' for every conflicting field.")]
            )
        source = c.mine if side == MINE else c.theirs
        if name in source:
            values[name] = source[name]
    return values


def resolve(
    ctx: Services,
    conflict_id: str,
    choice: str,
    per_field: Mapping[str, str] | None = None,
) -> ChangeSet:
    """Settle a conflict: ``choice`` is ``"mine"``, ``"theirs"`` or ``"fields"`` (then
    ``per_field`` maps each conflicting field to ``"mine"`` or ``"theirs"``)."""
    if choice not in (MINE, THEIRS, "fields"):
        raise ValidationFailed("conflict", [Issue("choice", "must be mine, theirs or fields.")])
    with ctx.writing() as scope:
        row = scope.conn.execute(
            text(f"SELECT {_COLUMNS} FROM sync_conflict WHERE id = :id"), {"id": conflict_id}
        ).first()
        if row is None or row[12] is not None:
            raise NotFound("That conflict does not exist or was already resolved.")
        c = _conflict(row)
        values = _choice_values(c, choice, per_field or {})
        deleted = c.mine_deleted if choice == MINE else c.theirs_deleted
        if choice == "fields":
            deleted = c.mine_deleted and c.theirs_deleted
        _write_resolution(ctx, scope, c, values, deleted)
        scope.conn.execute(
            text("UPDATE sync_conflict SET resolved_at = :at, resolution = :r WHERE id = :id"),
            {"at": scope.at, "r": choice, "id": conflict_id},
        )
    return ChangeSet(c.entity, updated=[c.entity_id])


def _write_resolution(
    ctx: Services, scope: WriteScope, c: Conflict, values: dict[str, Any], deleted: bool
) -> None:
    """A new version of the record with the chosen values; journalled even when the chosen
    values are already the provisional ones, so the decision reaches the other side."""
    conn = scope.conn
    t = table(c.entity)
    current = conn.execute(select(t).where(t.c.id == c.entity_id)).mappings().first()
    if current is None:
        raise NotFound(f"The {c.entity.replace('_', ' ')} of this conflict no longer exists.")
    names = field_names(c.entity)
    before = {k: current[k] for k in names}
    full = {**before, **values}
    refs = ctx.refs(conn)
    derive(c.entity, full, refs)
    if not deleted:
        issues = validate(c.entity, full, refs, ctx.today())
        if any(i.is_error for i in issues):
            raise ValidationFailed(c.entity, issues)
    hlc = ctx.clock.now()
    version = int(current["version"]) + 1
    was_deleted = current["deleted_at"] is not None
    deleted_at = (current["deleted_at"] or scope.at) if deleted else None
    changed = {k: full[k] for k in names if full[k] != before[k]}
    conn.execute(
        t.update().where(t.c.id == c.entity_id),
        {
            **changed,
            "version": version,
            "hlc": hlc,
            "deleted_at": deleted_at,
            "updated_at": scope.at,
            "updated_by": scope.ledger.who,
        },
    )
    audit = {k: [before[k], full[k]] for k in changed}
    if was_deleted != deleted:
        audit["deleted_at"] = [current["deleted_at"], deleted_at]
    scope.ledger.audit(scope.at, "resolve", c.entity, c.entity_id, dumps(audit))
    # every conflicting field travels (and every field after an undelete)
    sent = sorted(set(c.fields) | set(changed) | (set(names) if was_deleted else set()))
    scope.ledger.journal(
        c.entity,
        c.entity_id,
        version,
        hlc,
        int(current["version"]),
        str(current["hlc"]),
        dumps(sent),
        deleted=deleted,
    )
