"""Downstream bundles, HQ -> one device (DESIGN §5).

One bundle carries: HQ's receipts for the device's bundles applied since the last one, HQ's state
for the device (its last accepted seq and hash: what a restored vault reconciles with), a newer
root document, revocations, reference-data updates loaded by the operator, and the shared records
(organisations, projects, recommendations and what hangs off them) the device does not hold in
their current version — from every device, but never another officer's confidential records.
Signed with the online key of the root version the device knows, encrypted to the device.
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, func, select

from pp_desktop.services.fields import field_names
from pp_desktop.sync import bundle
from pp_hq.apply import PROVENANCE, SHARED, record_table, set_view
from pp_hq.context import HQ_ID, Hq
from pp_hq.db import (
    hq_change,
    hq_cursor,
    hq_device,
    hq_inbound,
    hq_outbound,
    hq_owner,
    hq_reference,
    hq_view,
)
from pp_hq.replace import inherited_changes

CONFIDENTIAL = "CONFIDENTIAL"
EXPIRY_DAYS = 30


def _expires(days: int = EXPIRY_DAYS) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _value(v: Any) -> Any:
    return base64.b64encode(bytes(v)).decode() if isinstance(v, bytes | memoryview) else v


def shared_changes(conn: Connection, device: str) -> list[dict[str, Any]]:
    """Change items for every shared record whose current version ``device`` does not hold."""
    items: list[dict[str, Any]] = []
    for entity in SHARED:
        t = record_table(entity)
        view = hq_view.alias("v")
        owner = hq_owner.alias("o")
        stmt = (
            select(
                t,
                view.c.version.label("_vv"),
                view.c.hlc.label("_vh"),
                owner.c.device.label("_owner"),
            )
            .select_from(
                t.outerjoin(
                    view,
                    and_(
                        view.c.device == device, view.c.entity == entity, view.c.entity_id == t.c.id
                    ),
                ).outerjoin(owner, and_(owner.c.entity == entity, owner.c.entity_id == t.c.id))
            )
            .where(
                (view.c.version.is_(None))
                | (view.c.hlc != t.c.hlc)
                | (view.c.version != t.c.version)
            )
            .order_by(t.c.hlc)
        )
        names = field_names(entity)
        for row in conn.execute(stmt).mappings():
            confidential = "confidentiality" in names and row["confidentiality"] == CONFIDENTIAL
            if confidential and row["_owner"] != device:
                continue  # never another officer's confidential record
            if row["_vv"] is None and row["deleted_at"] is not None:
                continue  # a tombstone of a record the device never had
            sent = names if row["_vv"] is None else _changed_since(conn, entity, row, names)
            fields = {n: _value(row[n]) for n in sent}
            fields.update({p: row[p] for p in PROVENANCE})
            items.append(
                {
                    "t": "change",
                    "entity": entity,
                    "id": row["id"],
                    "version": int(row["version"]),
                    "hlc": str(row["hlc"]),
                    "base_version": int(row["_vv"] or 0),
                    "base_hlc": str(row["_vh"] or ""),
                    "fields": fields,
                    "deleted": row["deleted_at"] is not None,
                }
            )
    return items


def _changed_since(
    conn: Connection, entity: str, row: Any, names: tuple[str, ...]
) -> tuple[str, ...]:
    """The fields changed at HQ after the version the device holds: only those travel, so the
    device's own unsent edits of other fields merge silently instead of looking overwritten."""
    changed: set[str] = set()
    for (fields,) in conn.execute(
        select(hq_change.c.fields).where(
            hq_change.c.entity == entity,
            hq_change.c.entity_id == row["id"],
            hq_change.c.version > row["_vv"],
        )
    ):
        changed.update(json.loads(fields))
    return tuple(n for n in names if n in changed) or names


def _state(conn: Connection, device: str) -> dict[str, Any]:
    row = conn.execute(
        select(hq_inbound.c.seq, hq_inbound.c.bundle_hash)
        .where(hq_inbound.c.device == device, hq_inbound.c.status == "applied")
        .order_by(hq_inbound.c.seq.desc())
        .limit(1)
    ).first()
    return {
        "t": "state",
        "device": device,
        "last_seq": int(row[0]) if row else 0,
        "last_hash": str(row[1]) if row else "",
    }


def _cursor(conn: Connection, hq: Hq, device: str) -> tuple[int, int]:
    row = conn.execute(select(hq_cursor).where(hq_cursor.c.device == device)).mappings().first()
    if row is None:
        conn.execute(
            hq_cursor.insert().values(
                device=device, reference_id=0, root_version=hq.keys.root.version
            )
        )
        return 0, hq.keys.root.version
    return int(row["reference_id"]), int(row["root_version"])


def build_for(conn: Connection, hq: Hq, device: str) -> bundle.Sealed | None:
    """Seal the next downstream bundle for ``device`` (None when there is nothing to say)."""
    dev = conn.execute(select(hq_device).where(hq_device.c.id == device)).mappings().first()
    if dev is None or dev["age_recipient"] is None or dev["revoked_at"] is not None:
        return None
    unreceipted = conn.execute(
        select(hq_inbound.c.seq, hq_inbound.c.receipt)
        .where(
            hq_inbound.c.device == device,
            hq_inbound.c.status == "applied",
            hq_inbound.c.receipt_down_seq.is_(None),
        )
        .order_by(hq_inbound.c.seq)
    ).all()
    receipts = [json.loads(r[1]) for r in unreceipted]
    ref_cursor, root_version = _cursor(conn, hq, device)
    items: list[dict[str, Any]] = []
    if root_version < hq.keys.root.version:
        items.append({"t": "root", "document": hq.keys.root.to_dict()})
    items += [
        {"t": "revocation", "device": r[0], "last_seq": int(r[1] or 0)}
        for r in conn.execute(
            select(hq_device.c.id, hq_device.c.revoked_after_seq).where(
                hq_device.c.revoked_at.is_not(None)
            )
        ).all()
    ]
    refs = (
        conn.execute(
            select(hq_reference).where(hq_reference.c.id > ref_cursor).order_by(hq_reference.c.id)
        )
        .mappings()
        .all()
    )
    items += [
        {
            "t": "reference",
            "kind": r["kind"],
            "code": r["code"],
            "label_en": r["label_en"],
            "label_ru": r["label_ru"],
            "parent": r["parent"],
            "factor_kg": r["factor_kg"],
            "sort": int(r["sort"]),
            "deleted": bool(r["deleted"]),
        }
        for r in refs
    ]
    changes = shared_changes(conn, device)
    changes += inherited_changes(conn, device)  # a replacement laptop's records (pp_hq.replace)
    if not receipts and not changes and not refs and root_version >= hq.keys.root.version:
        return None
    items += receipts + changes + [_state(conn, device)]
    last = conn.execute(
        select(hq_outbound.c.seq, hq_outbound.c.bundle_hash)
        .where(hq_outbound.c.device == device)
        .order_by(hq_outbound.c.seq.desc())
        .limit(1)
    ).first()
    seq = int(last[0]) + 1 if last else 1
    sealed = bundle.seal(
        kind="down",
        sender=HQ_ID,
        to=device,
        seq=seq,
        prev=str(last[1]) if last else "",
        audit_head="",
        items=items,
        signer=hq.keys.signer_for(root_version),
        recipients=[str(dev["age_recipient"])],
        expires=_expires(),
    )
    conn.execute(
        hq_outbound.insert().values(
            device=device,
            seq=seq,
            bundle_hash=sealed.hash,
            created_at=hq.now(),
            expires=sealed.header.expires,
            age=sealed.age,
            minisig=sealed.minisig,
        )
    )
    for r in unreceipted:
        conn.execute(
            hq_inbound.update()
            .where(hq_inbound.c.device == device, hq_inbound.c.seq == r[0])
            .values(receipt_down_seq=seq)
        )
    for c in changes:
        set_view(conn, device, c["entity"], c["id"], c["version"], c["hlc"])
    new_ref = max([int(r["id"]) for r in refs], default=ref_cursor)
    conn.execute(
        hq_cursor.update()
        .where(hq_cursor.c.device == device)
        .values(reference_id=new_ref, root_version=max(root_version, hq.keys.root.version))
    )
    return sealed


def stored(conn: Connection, device: str, seq: int) -> bundle.Sealed:
    """A downstream bundle HQ already made (a replay is answered with the same bytes)."""
    row = conn.execute(
        select(hq_outbound.c.age, hq_outbound.c.minisig).where(
            hq_outbound.c.device == device, hq_outbound.c.seq == seq
        )
    ).one()
    age, sig = bytes(row[0]), bytes(row[1])
    return bundle.Sealed(bundle.read_outer(age, sig), age, sig)


def count_outbound(conn: Connection, device: str) -> int:
    """How many downstream bundles ``device`` has been sent."""
    n = conn.execute(select(func.count()).where(hq_outbound.c.device == device)).scalar()
    return int(n or 0)
