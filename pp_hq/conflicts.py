"""Conflicts on HQ's consolidated records: list them, resolve them (mine = HQ's, theirs = the
device's, or per field). A resolution is a new version that every device receives downstream."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from pp_desktop.services.fields import field_names
from pp_desktop.services.records import derive
from pp_desktop.services.validation import validate
from pp_desktop.sync.errors import SyncError
from pp_hq.apply import record_table
from pp_hq.context import HQ_ID, Hq
from pp_hq.db import hq_change, hq_conflict, lock_writes

MINE, THEIRS, FIELDS = "mine", "theirs", "fields"


class ConflictError(SyncError):
    """A conflict cannot be resolved as asked."""

    exit_code = 43


@dataclass(frozen=True)
class HqConflict:
    """One conflict as ``pp-hq conflicts list`` shows it."""

    id: str
    entity: str
    entity_id: str
    fields: list[str]
    mine: dict[str, Any]
    theirs: dict[str, Any]
    mine_deleted: bool
    theirs_deleted: bool
    sender: str
    detected_at: str
    resolved_at: str | None
    resolution: str | None


def _row(r: Any) -> HqConflict:
    return HqConflict(
        r["id"], r["entity"], r["entity_id"], json.loads(r["fields"]), json.loads(r["mine"]),
        json.loads(r["theirs"]), bool(r["mine_deleted"]), bool(r["theirs_deleted"]),
        r["sender"], r["detected_at"], r["resolved_at"], r["resolution"],
    )  # fmt: skip


def list_conflicts(hq: Hq, include_resolved: bool = False) -> list[HqConflict]:
    """Open conflicts, oldest first (resolved ones too when asked)."""
    stmt = select(hq_conflict).order_by(hq_conflict.c.detected_at, hq_conflict.c.id)
    if not include_resolved:
        stmt = stmt.where(hq_conflict.c.resolved_at.is_(None))
    with hq.engine.connect() as conn:
        return [_row(r) for r in conn.execute(stmt).mappings()]


def resolve(
    hq: Hq, conflict_id: str, choice: str, per_field: Mapping[str, str] | None = None
) -> HqConflict:
    """Settle a conflict at HQ with ``mine`` (HQ's values), ``theirs`` (the device's) or
    ``fields`` (``per_field``: field -> mine | theirs)."""
    if choice not in (MINE, THEIRS, FIELDS):
        raise ConflictError("Choose mine, theirs or fields.")
    per_field = per_field or {}
    with hq.engine.begin() as conn:
        lock_writes(conn)
        r = (
            conn.execute(select(hq_conflict).where(hq_conflict.c.id == conflict_id))
            .mappings()
            .first()
        )
        if r is None or r["resolved_at"] is not None:
            raise ConflictError(
                f"No open conflict {conflict_id}. 'pp-hq conflicts list' shows them."
            )
        c = _row(r)
        values: dict[str, Any] = {}
        for name in c.fields:
            side = per_field.get(name) if choice == FIELDS else choice
            if side not in (MINE, THEIRS):
                raise ConflictError(f"Say mine or theirs for the field {name}.")
            source = c.mine if side == MINE else c.theirs
            if name in source:
                values[name] = source[name]
        deleted = c.mine_deleted if choice == MINE else c.theirs_deleted
        if choice == FIELDS:
            deleted = c.mine_deleted and c.theirs_deleted
        t = record_table(c.entity)
        row = conn.execute(select(t).where(t.c.id == c.entity_id)).mappings().one()
        names = field_names(c.entity)
        full = {**{k: row[k] for k in names}, **values}
        refs = hq.refs(conn)
        derive(c.entity, full, refs)
        if not deleted:
            errors = [i for i in validate(c.entity, full, refs, hq.today()) if i.is_error]
            if errors:
                raise ConflictError(
                    "That choice does not make a valid record: "
                    + "; ".join(f"{i.field}: {i.message}" for i in errors[:3])
                )
        version, hlc, at = int(row["version"]) + 1, hq.clock.now(), hq.now()
        conn.execute(
            t.update()
            .where(t.c.id == c.entity_id)
            .values(
                **{k: full[k] for k in names},
                version=version,
                hlc=hlc,
                updated_at=at,
                updated_by="HQ",
                deleted_at=(row["deleted_at"] or at) if deleted else None,
            )
        )
        conn.execute(
            hq_change.insert().values(
                entity=c.entity,
                entity_id=c.entity_id,
                version=version,
                hlc=hlc,
                fields=json.dumps(sorted(c.fields)),
                deleted=int(deleted),
                sender=HQ_ID,
                bundle_seq=None,
            )
        )
        conn.execute(
            hq_conflict.update()
            .where(hq_conflict.c.id == conflict_id)
            .values(resolved_at=at, resolution=choice)
        )
        hq.save_clock(conn)
    return c
