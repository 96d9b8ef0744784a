"""Applying one device change to HQ's consolidated records (three-way merge, DESIGN §5).

What HQ changed since a change's base comes from HQ's change log (``hq_change``): every change
applied at HQ, from any device, by a merge or by a resolution. A change HQ has already applied
(same record, version and HLC: a re-sent bundle after a restore) is recognised and skipped.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import uuid_utils
from sqlalchemy import Connection, Table, and_, select

from pp_desktop.models import ENTITIES
from pp_desktop.services.fields import field_names
from pp_desktop.services.merge import (
    CONFLICT,
    FAST_FORWARD,
    INSERT,
    SKIP,
    Change,
    Local,
    Plan,
    clamp_hlc,
    merged_version,
    plan,
)
from pp_desktop.services.records import derive
from pp_desktop.services.remote import decode_data
from pp_desktop.services.validation import ReferenceCache, validate
from pp_hq.context import HQ_ID, Hq
from pp_hq.db import hq_change, hq_conflict, hq_owner, hq_quarantine, hq_view

# Records every device receives from HQ (the rest is one officer's field data)
SHARED = (
    "organisation",
    "project",
    "project_donor",
    "recommendation",
    "progress_note",
    "recommendation_project",
)
PROVENANCE = ("origin_device", "created_at", "created_by", "updated_at", "updated_by")
_dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, default=str).encode


@dataclass(frozen=True)
class Outcome:
    """What happened to one change."""

    action: str  # insert / skip / fast_forward / merge / conflict / quarantined
    reason: str = ""
    conflict_fields: tuple[str, ...] = ()


def record_table(entity: str) -> Table:
    """HQ's table of ``entity`` (the device's columns)."""
    tbl = ENTITIES[entity].__table__  # type: ignore[attr-defined]
    assert isinstance(tbl, Table)
    return tbl


def _local_changes(
    conn: Connection, change: Change, sender: str
) -> tuple[frozenset[str], bool, bool]:
    """(fields changed at HQ since the change's base by others, deleted since, change seen)."""
    rows = conn.execute(
        select(hq_change.c.fields, hq_change.c.deleted, hq_change.c.sender).where(
            hq_change.c.entity == change.entity,
            hq_change.c.entity_id == change.id,
            hq_change.c.version > change.base_version,
        )
    ).all()
    names: set[str] = set()
    deleted = False
    for fields, was_deleted, who in rows:
        if who == sender:
            continue  # the sender's own earlier changes are part of what it built on
        names.update(json.loads(fields))
        deleted = deleted or bool(was_deleted)
    seen = (
        conn.execute(
            select(hq_change.c.id).where(
                hq_change.c.entity == change.entity,
                hq_change.c.entity_id == change.id,
                hq_change.c.version == change.version,
                hq_change.c.hlc == change.hlc,
            )
        ).first()
        is not None
    )
    return frozenset(names), deleted, seen


def _quarantine(
    conn: Connection, hq: Hq, change: Change, sender: str, seq: int, reason: str
) -> Outcome:
    conn.execute(
        hq_quarantine.insert().values(
            device=sender,
            bundle_seq=seq,
            entity=change.entity,
            entity_id=change.id,
            reason=reason,
            item=_dumps(change.to_item()),
            at=hq.now(),
        )
    )
    return Outcome("quarantined", reason)


def apply_change(
    conn: Connection,
    hq: Hq,
    refs: ReferenceCache,
    change: Change,
    sender: str,
    seq: int,
    now_ms: int | None = None,
) -> Outcome:
    """Merge one change from device ``sender`` (bundle ``seq``) into HQ's records."""
    now_ms = int(time.time() * 1000) if now_ms is None else now_ms
    values, problem = decode_data(change)
    if problem:
        return _quarantine(conn, hq, change, sender, seq, problem)
    t = record_table(change.entity)
    names = field_names(change.entity)
    row = conn.execute(select(t).where(t.c.id == change.id)).mappings().first()
    local = None
    if row is not None:
        local = Local(
            int(row["version"]),
            str(row["hlc"]),
            {k: row[k] for k in names},
            row["deleted_at"] is not None,
        )
    mine, mine_deleted, seen = _local_changes(conn, change, sender)
    # a creation of a record HQ holds is the same creation sent again (ids are UUIDs)
    seen = seen or (row is not None and change.base_version == 0)
    p = plan(local, change, mine, mine_deleted, now_ms, seen)
    if p.action == SKIP:
        if change.entity in SHARED:
            set_view(conn, sender, change.entity, change.id, change.version, change.hlc)
        return Outcome(SKIP)
    before = {k: row[k] for k in names} if row is not None else {}
    full = {**before, **{k: v for k, v in p.write.items() if k in names}}
    derive(change.entity, full, refs)
    if not p.deleted:
        # HQ tolerates a day of difference in "today"; references across devices not checked
        issues = validate(change.entity, full, refs, hq.today() + timedelta(days=1))
        errors = [i for i in issues if i.is_error]
        if errors:
            reason = "; ".join(f"{i.field}: {i.message}" for i in errors[:5])
            return _quarantine(conn, hq, change, sender, seq, reason)
    hq.clock.observe(clamp_hlc(change.hlc, now_ms)[0])
    version = merged_version(local, change, p.action)
    hlc = change.hlc if p.action in (INSERT, FAST_FORWARD) else hq.clock.now()
    _write(conn, hq, t, change, row, p, full, values, version, hlc)
    written = sorted(k for k in p.write if k in names)
    conn.execute(
        hq_change.insert().values(
            entity=change.entity,
            entity_id=change.id,
            version=change.version,
            hlc=change.hlc,
            fields=_dumps(written),
            deleted=int(change.deleted),
            sender=sender,
            bundle_seq=seq,
        )
    )
    if (version, hlc) != (change.version, change.hlc):  # HQ made a new, merged state
        conn.execute(
            hq_change.insert().values(
                entity=change.entity,
                entity_id=change.id,
                version=version,
                hlc=hlc,
                fields=_dumps(sorted(set(written) | set(mine))),
                deleted=int(p.deleted),
                sender=HQ_ID,
                bundle_seq=None,
            )
        )
    if change.entity in SHARED:  # only shared records travel downstream
        if row is None:
            conn.execute(
                hq_owner.insert().values(entity=change.entity, entity_id=change.id, device=sender)
            )
        set_view(conn, sender, change.entity, change.id, change.version, change.hlc)
    if p.action == CONFLICT:
        assert local is not None
        _record_conflict(conn, hq, change, sender, local, p)
    return Outcome(p.action, conflict_fields=p.conflict_fields)


def _write(
    conn: Connection,
    hq: Hq,
    t: Table,
    change: Change,
    row: Any,
    p: Plan,
    full: dict[str, Any],
    values: dict[str, Any],
    version: int,
    hlc: str,
) -> None:
    names = field_names(change.entity)
    at = hq.now()
    deleted_at = (row["deleted_at"] if row is not None else None) or at
    sync_cols = {"version": version, "hlc": hlc, "deleted_at": deleted_at if p.deleted else None}
    prov = {k: str(change.fields[k]) for k in PROVENANCE if k in change.fields}
    if row is None:
        record: dict[str, Any] = {n: full.get(n) for n in names}
        record["id"] = change.id
        if change.entity == "attachment":
            record["data"] = values.get("data", b"")
        defaults = dict.fromkeys(("created_at", "updated_at"), at) | {
            "origin_device": "",
            "created_by": "",
            "updated_by": "",
        }
        conn.execute(t.insert().values(**{**record, **defaults, **prov, **sync_cols}))
        return
    changed = {k: full[k] for k in names if full.get(k) != row[k]}
    if change.entity == "attachment" and "data" in p.write:
        changed["data"] = values["data"]
    upd = {k: v for k, v in prov.items() if k.startswith("updated")}
    conn.execute(t.update().where(t.c.id == change.id).values(**changed, **upd, **sync_cols))


def set_view(conn: Connection, device: str, entity: str, rid: str, version: int, hlc: str) -> None:
    """Remember the state ``device`` holds of a record (the base of what HQ sends it next)."""
    cond = and_(hq_view.c.device == device, hq_view.c.entity == entity, hq_view.c.entity_id == rid)
    done = conn.execute(hq_view.update().where(cond).values(version=version, hlc=hlc)).rowcount
    if not done:
        conn.execute(
            hq_view.insert().values(
                device=device, entity=entity, entity_id=rid, version=version, hlc=hlc
            )
        )


def _record_conflict(
    conn: Connection, hq: Hq, change: Change, sender: str, local: Local, p: Plan
) -> None:
    names = list(p.conflict_fields)
    if p.delete_conflict and not change.deleted:
        names = sorted(change.fields)
    conn.execute(
        hq_conflict.insert().values(
            id=str(uuid_utils.uuid7()),
            entity=change.entity,
            entity_id=change.id,
            fields=_dumps(names),
            mine=_dumps({k: local.values.get(k) for k in names}),
            theirs=_dumps({k: change.fields.get(k) for k in names}),
            mine_hlc=local.hlc,
            theirs_hlc=change.hlc,
            mine_deleted=int(local.deleted),
            theirs_deleted=int(change.deleted),
            sender=sender,
            detected_at=hq.now(),
        )
    )
