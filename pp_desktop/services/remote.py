"""Applying a change that came from HQ to the device's vault (DESIGN §5).

The service rule holds for remote data too: one transaction writes the record and an audit entry.
No journal entry is made: what came from HQ is not sent back to it. When the officer has changes
HQ has not seen yet, the record is merged field by field (:mod:`pp_desktop.services.merge`), a
conflict keeps both versions (:mod:`pp_desktop.services.conflicts` lists and resolves them), and
the pending journal entries are re-based on the version just merged, so HQ receives them as a
plain continuation of what it sent.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import time
from dataclasses import dataclass
from typing import Any

import uuid_utils
from sqlalchemy import Connection, select, text

from pp_desktop.services.context import Services, WriteScope
from pp_desktop.services.fields import field_names
from pp_desktop.services.ledger import dumps
from pp_desktop.services.merge import (
    CONFLICT,
    INSERT,
    SKIP,
    Change,
    Local,
    Plan,
    clamp_hlc,
    merged_version,
    plan,
)
from pp_desktop.services.records import derive, table
from pp_desktop.services.validation import validate

PROVENANCE = ("origin_device", "created_at", "created_by", "updated_at", "updated_by")


@dataclass(frozen=True)
class Applied:
    """The outcome of one remote change."""

    action: str  # insert / skip / fast_forward / merge / conflict / quarantined
    conflict_id: str | None = None
    reason: str = ""  # why it was quarantined
    clamped: bool = False  # its HLC was more than a day ahead of this clock


def pending_local_changes(conn: Connection, entity: str, rid: str) -> tuple[frozenset[str], bool]:
    """Fields the officer changed that HQ has not acknowledged (journal entries not covered by a
    receipted bundle), and whether the record was deleted here meanwhile."""
    rows = conn.execute(
        text(
            "SELECT j.fields, j.deleted FROM sync_journal j "
            "LEFT JOIN sync_outbound o ON o.seq = j.bundle_seq "
            "WHERE j.entity = :e AND j.entity_id = :i "
            "AND (j.bundle_seq IS NULL OR o.receipt_at IS NULL)"
        ),
        {"e": entity, "i": rid},
    ).all()
    names: set[str] = set()
    deleted = False
    for fields, was_deleted in rows:
        names.update(json.loads(fields))
        deleted = deleted or bool(was_deleted)
    return frozenset(names), deleted


def _rebase_pending(conn: Connection, entity: str, rid: str, version: int, hlc: str) -> None:
    """The officer's unsent changes now sit on top of (version, hlc), the state just merged in."""
    conn.execute(
        text(
            "UPDATE sync_journal SET base_version = :v, base_hlc = :h WHERE seq = ("
            "SELECT min(j.seq) FROM sync_journal j LEFT JOIN sync_outbound o "
            "ON o.seq = j.bundle_seq WHERE j.entity = :e AND j.entity_id = :i "
            "AND (j.bundle_seq IS NULL OR o.receipt_at IS NULL))"
        ),
        {"v": version, "h": hlc, "e": entity, "i": rid},
    )


def _unknown_fields(change: Change) -> list[str]:
    allowed = set(field_names(change.entity)) | set(PROVENANCE)
    if change.entity == "attachment":
        allowed.add("data")
    return sorted(set(change.fields) - allowed)


def _quarantine(scope: WriteScope, change: Change, source: str, reason: str) -> Applied:
    item = change.to_item()
    scope.conn.execute(
        text(
            "INSERT INTO sync_quarantine(entity, entity_id, reason, item, source, at) "
            "VALUES (:e, :i, :r, :item, :s, :at)"
        ),
        {
            "e": change.entity,
            "i": change.id,
            "r": reason,
            "item": dumps(item),
            "s": source,
            "at": scope.at,
        },
    )
    return Applied("quarantined", reason=reason)


def decode_data(change: Change) -> tuple[dict[str, Any], str]:
    """Field values to store; attachment bytes decoded and checked against their SHA-256."""
    values = dict(change.fields)
    if change.entity == "attachment" and "data" in values:
        try:
            data = base64.b64decode(str(values["data"]), validate=True)
        except (binascii.Error, ValueError):
            return values, "the attachment bytes are not valid base64"
        if "sha256" in values and hashlib.sha256(data).hexdigest() != values["sha256"]:
            return values, "the attachment bytes do not match their SHA-256"
        values["data"] = data
    return values, ""


def apply_remote(
    ctx: Services, scope: WriteScope, change: Change, source: str, now_ms: int | None = None
) -> Applied:
    """Apply one change from ``source`` (HQ) inside an open write scope.

    Unknown entities are refused by the bundle layer before this runs; a change that fails this
    vault's validation is quarantined (kept, reported) and the rest of the bundle goes on.
    """
    conn = scope.conn
    now_ms = int(time.time() * 1000) if now_ms is None else now_ms
    unknown = _unknown_fields(change)
    if unknown:
        return _quarantine(scope, change, source, "unknown fields: " + ", ".join(unknown))
    values, problem = decode_data(change)
    if problem:
        return _quarantine(scope, change, source, problem)
    t = table(change.entity)
    row = conn.execute(select(t).where(t.c.id == change.id)).mappings().first()
    names = field_names(change.entity)
    local = None
    if row is not None:
        local = Local(
            int(row["version"]),
            str(row["hlc"]),
            {k: row[k] for k in names},
            row["deleted_at"] is not None,
        )
    mine, mine_deleted = pending_local_changes(conn, change.entity, change.id)
    seen = (
        conn.execute(
            text(
                "SELECT 1 FROM sync_journal WHERE entity=:e AND entity_id=:i "
                "AND version=:v AND hlc=:h"
            ),
            {"e": change.entity, "i": change.id, "v": change.version, "h": change.hlc},
        ).first()
        is not None
    )
    p = plan(local, change, mine, mine_deleted, now_ms, seen)
    if p.action == SKIP:
        return Applied(SKIP)
    clamped = clamp_hlc(change.hlc, now_ms)[1]
    ctx.clock.observe(change.hlc)
    return _write(ctx, scope, change, source, row, local, p, values, clamped)


def _write(
    ctx: Services,
    scope: WriteScope,
    change: Change,
    source: str,
    row: Any,
    local: Local | None,
    p: Plan,
    values: dict[str, Any],
    clamped: bool,
) -> Applied:
    conn = scope.conn
    t = table(change.entity)
    names = field_names(change.entity)
    user = {k: v for k, v in p.write.items() if k in names}
    if change.entity == "attachment" and "data" in values and "data" in p.write:
        user["data"] = values["data"]
    before = {k: row[k] for k in names} if row is not None else {}
    full = {**before, **user}
    derive(change.entity, full, ctx.refs(conn))
    user = {k: full[k] for k in user} | (
        {"kg_equivalent": full["kg_equivalent"]} if "kg_equivalent" in full else {}
    )
    if not p.deleted:
        # cross-device references (a project's contact) may live on another laptop: no fk check
        issues = validate(change.entity, {**full}, ctx.refs(conn), ctx.today())
        errors = [i for i in issues if i.is_error]
        if errors:
            reason = "; ".join(f"{i.field}: {i.message}" for i in errors[:5])
            return _quarantine(scope, change, source, reason)
    version = merged_version(local, change, p.action)
    # a merged state is new: it gets its own clock value
    hlc = change.hlc if p.action in (INSERT, "fast_forward") else ctx.clock.now()
    deleted_at = (row["deleted_at"] if row is not None else None) or scope.at
    sync_cols: dict[str, Any] = {
        "version": version,
        "hlc": hlc,
        "deleted_at": deleted_at if p.deleted else None,
    }
    prov = {k: str(change.fields[k]) for k in PROVENANCE if k in change.fields}
    if row is None:
        defaults = {
            "origin_device": source,
            "created_at": scope.at,
            "created_by": source,
            "updated_at": scope.at,
            "updated_by": source,
        }
        record = {name: full.get(name) for name in names} | {"id": change.id}
        if change.entity == "attachment":
            record["data"] = values.get("data", b"")
        conn.execute(t.insert(), {**record, **defaults, **prov, **sync_cols})
    else:
        upd = {k: v for k, v in prov.items() if k.startswith("updated")}
        conn.execute(t.update().where(t.c.id == change.id), {**user, **upd, **sync_cols})
    changed = {k: [before.get(k), v] for k, v in user.items() if before.get(k) != v}
    if p.deleted != (local.deleted if local else False):
        changed["deleted_at"] = [None, deleted_at] if p.deleted else [deleted_at, None]
    if clamped:
        changed["hlc_clamped"] = [change.hlc, None]
    action = "sync" if p.action in (INSERT, "fast_forward") else "merge"
    scope.ledger.audit(scope.at, action, change.entity, change.id, dumps(changed))
    conflict_id = None
    if p.action == CONFLICT:
        conflict_id = _record_conflict(scope, change, source, local, p)
    if p.action in ("merge", CONFLICT):
        _rebase_pending(conn, change.entity, change.id, change.version, change.hlc)
    return Applied(p.action, conflict_id, clamped=clamped)


def drop_dangling_references(scope: WriteScope, touched: dict[str, set[str]]) -> int:
    """After a downstream bundle: clear references the bundle left pointing nowhere.

    A shared record can name a record HQ never sends to this laptop (a project's contact is
    another officer's personal data). Foreign keys are deferred while a bundle applies (so the
    order of its items does not matter); what still dangles at the end is stored as empty here,
    with an audit entry. HQ keeps its value: a later local edit sends only the fields it changed.
    Returns how many references were cleared.
    """
    conn = scope.conn
    cleared = 0
    for entity, ids in touched.items():
        t = table(entity)
        for fk in t.foreign_keys:
            col, target = fk.parent, fk.column.table
            dangling = conn.execute(
                select(t.c.id, col).where(
                    t.c.id.in_(ids),
                    col.is_not(None),
                    ~select(target.c.id).where(target.c.id == col).exists(),
                )
            ).all()
            for rid, value in dangling:
                conn.execute(t.update().where(t.c.id == rid), {col.name: None})
                note = {col.name: [value, None], "reason": ["not shared with this laptop", None]}
                scope.ledger.audit(scope.at, "sync", entity, str(rid), dumps(note))
                cleared += 1
    return cleared


def _record_conflict(
    scope: WriteScope, change: Change, source: str, local: Local | None, p: Plan
) -> str:
    assert local is not None
    names = list(p.conflict_fields)
    if p.delete_conflict:
        names = sorted(set(change.fields) | set(local.values)) if not change.deleted else []
    mine = {k: local.values.get(k) for k in names}
    theirs = {k: change.fields.get(k) for k in names if k in change.fields}
    cid = str(uuid_utils.uuid7())
    scope.conn.execute(
        text(
            "INSERT INTO sync_conflict(id, entity, entity_id, fields, mine, theirs, mine_hlc, "
            "theirs_hlc, mine_deleted, theirs_deleted, source, detected_at) VALUES "
            "(:id, :e, :i, :f, :m, :t, :mh, :th, :md, :td, :s, :at)"
        ),
        {
            "id": cid,
            "e": change.entity,
            "i": change.id,
            "f": dumps(names),
            "m": dumps(mine),
            "t": dumps(theirs),
            "mh": local.hlc,
            "th": change.hlc,
            "md": int(local.deleted),
            "td": int(change.deleted),
            "s": source,
            "at": scope.at,
        },
    )
    return cid
