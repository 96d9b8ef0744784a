"""Outgoing bundles from the change journal (DESIGN §5).

Journal entries not yet in a bundle are coalesced per record (several edits before a sync make one
change with the first entry's base), their values read from the record, chunked by the size caps
and sealed with consecutive per-device sequence numbers, each bundle chained to the previous one
by hash. Sealed bundles are kept raw in the vault until HQ's receipt names their exact hash, so a
retry sends the same bytes (HQ answers a replay with the same receipt).
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from pp_desktop.models import ENTITIES
from pp_desktop.services import Services
from pp_desktop.services.fields import field_names
from pp_desktop.services.ledger import GENESIS
from pp_desktop.sync import bundle
from pp_desktop.sync.errors import SyncError
from pp_desktop.sync.state import (
    NEEDS_RECONCILE,
    REVOKED,
    Identity,
    NeedsReconcile,
    get_meta,
    require_identity,
)

CREATE_PROVENANCE = ("origin_device", "created_at", "created_by", "updated_at", "updated_by")
UPDATE_PROVENANCE = ("updated_at", "updated_by")


@dataclass(frozen=True)
class Outgoing:
    """A sealed bundle waiting for its receipt."""

    seq: int
    hash: str
    age: bytes
    minisig: bytes
    names: tuple[str, str]


def _value(v: Any) -> Any:
    if isinstance(v, bytes | memoryview):
        return base64.b64encode(bytes(v)).decode("ascii")
    return v


def pending_items(conn: Connection) -> tuple[list[dict[str, Any]], list[int]]:
    """Change items for every journal entry not yet in a bundle, and those entries' seqs."""
    rows = conn.execute(
        text(
            "SELECT seq, entity, entity_id, base_version, base_hlc, fields, deleted "
            "FROM sync_journal WHERE bundle_seq IS NULL ORDER BY seq"
        )
    ).all()
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    for _seq, entity, rid, base_v, base_h, fields, _deleted in rows:
        g = grouped.get((entity, rid))
        if g is None:
            g = grouped[(entity, rid)] = {"base": (int(base_v), str(base_h)), "fields": set()}
        g["fields"].update(json.loads(fields))
    items: list[dict[str, Any]] = []
    for (entity, rid), g in grouped.items():
        tbl = ENTITIES[entity].__table__  # type: ignore[attr-defined]
        record = conn.execute(tbl.select().where(tbl.c.id == rid)).mappings().first()
        if record is None:  # cannot happen: records are never hard-deleted
            continue
        base_v, base_h = g["base"]
        names = set(g["fields"]) & set(field_names(entity))
        if base_v == 0:
            names = set(field_names(entity))
        prov = CREATE_PROVENANCE if base_v == 0 else UPDATE_PROVENANCE
        values = {n: _value(record[n]) for n in sorted(names)}
        values.update({p: record[p] for p in prov})
        if entity == "attachment" and (base_v == 0 or "sha256" in names):
            values["data"] = _value(record["data"] or b"")
        items.append(
            {
                "t": "change",
                "entity": entity,
                "id": rid,
                "version": int(record["version"]),
                "hlc": str(record["hlc"]),
                "base_version": base_v,
                "base_hlc": base_h,
                "fields": values,
                "deleted": record["deleted_at"] is not None,
            }
        )
    return items, [int(r[0]) for r in rows]


def audit_head(conn: Connection) -> str:
    """The hash of the newest audit entry (travels in every bundle header)."""
    row = conn.execute(text("SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1")).first()
    return str(row[0]) if row else GENESIS


def last_outbound(conn: Connection) -> tuple[int, str]:
    """(seq, hash) of this device's newest bundle, (0, "") before the first."""
    row = conn.execute(
        text("SELECT seq, bundle_hash FROM sync_outbound ORDER BY seq DESC LIMIT 1")
    ).first()
    return (int(row[0]), str(row[1])) if row else (0, "")


def store_sealed(conn: Connection, sealed: bundle.Sealed, kind: str, count: int, at: str) -> None:
    """Keep a sealed bundle raw until its receipt arrives."""
    conn.execute(
        text(
            "INSERT INTO sync_outbound(seq, kind, bundle_hash, prev_hash, created_at, "
            "change_count, age, minisig, receipt_at) VALUES (:s, :k, :h, :p, :at, :n, :a, :m, "
            "NULL)"
        ),
        {
            "s": sealed.header.seq,
            "k": kind,
            "h": sealed.hash,
            "p": sealed.header.prev,
            "at": at,
            "n": count,
            "a": sealed.age,
            "m": sealed.minisig,
        },
    )


def hq_recipients(ident: Identity) -> list[str]:
    """HQ's age recipients, from the installed root document."""
    return list(ident.root.hq_recipients)


def build(ctx: Services) -> list[Outgoing]:
    """Seal every unbundled journal entry into new bundles (none when nothing changed)."""
    with ctx.writing() as scope:
        conn = scope.conn
        ident = require_identity(conn)
        if get_meta(conn, REVOKED) == "1":
            raise SyncError("HQ has revoked this device: it cannot send bundles any more.")
        if get_meta(conn, NEEDS_RECONCILE) == "1":
            raise NeedsReconcile()
        items, seqs = pending_items(conn)
        if not items:
            return []
        last_seq, last_hash = last_outbound(conn)
        sealed = bundle.seal_series(
            kind="up",
            sender=ident.device_id,
            first_seq=last_seq + 1,
            prev=last_hash,
            audit_head=audit_head(conn),
            items=items,
            signer=ident.signer,
            recipients=hq_recipients(ident),
        )
        # which journal entries went into which bundle: by record, in item order
        record_bundle: dict[tuple[str, str], int] = {}
        position = 0
        for s in sealed:
            for item in items[position : position + s.header.count]:
                record_bundle[(item["entity"], item["id"])] = s.header.seq
            position += s.header.count
            store_sealed(conn, s, "up", s.header.count, scope.at)
        included = set(seqs)
        rows = conn.execute(
            text("SELECT seq, entity, entity_id FROM sync_journal WHERE bundle_seq IS NULL")
        ).all()
        marks = [
            {"b": record_bundle[(str(e), str(i))], "s": int(s)}
            for s, e, i in rows
            if (str(e), str(i)) in record_bundle and int(s) in included
        ]
        if marks:
            conn.execute(text("UPDATE sync_journal SET bundle_seq = :b WHERE seq = :s"), marks)
    return [Outgoing(s.header.seq, s.hash, s.age, s.minisig, s.names) for s in sealed]


def unsent(ctx: Services) -> list[Outgoing]:
    """Every bundle HQ has not yet acknowledged with a verified receipt (oldest first)."""
    with ctx.reading() as conn:
        rows = conn.execute(
            text(
                "SELECT seq, bundle_hash, age, minisig FROM sync_outbound "
                "WHERE receipt_at IS NULL AND age IS NOT NULL ORDER BY seq"
            )
        ).all()
    out = []
    for seq, h, age, sig in rows:
        header = bundle.read_outer(bytes(age), bytes(sig))
        out.append(Outgoing(int(seq), str(h), bytes(age), bytes(sig), bundle.file_names(header)))
    return out
