"""Incoming downstream bundles from HQ: verified in the order of DESIGN §5, applied in sequence.

parse -> sender is HQ and the bundle is addressed to this device -> HQ's online signature, hash,
expiry -> (seq, hash) replay / fork -> decrypt, inner header, shapes -> apply (or hold, when an
earlier bundle is missing). Any failure before "apply" rejects the whole bundle and changes nothing.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text

from pp_desktop.services import Services
from pp_desktop.services.context import WriteScope
from pp_desktop.services.merge import Change
from pp_desktop.services.remote import apply_remote, drop_dangling_references
from pp_desktop.sync import bundle
from pp_desktop.sync.errors import BundleRejected
from pp_desktop.sync.reconcile import reconcile
from pp_desktop.sync.state import (
    HQ_LAST_HASH,
    HQ_LAST_SEQ,
    LAST_RECEIPT,
    NEEDS_RECONCILE,
    REVOKED,
    Identity,
    get_meta,
    require_identity,
    root_to_text,
    set_meta,
    store_identity,
)
from pp_desktop.sync.trust import RootDocument, verify_root


@dataclass
class ImportResult:
    """What one downstream bundle did."""

    seq: int
    status: str  # "applied" | "held" | "replay" | "old"
    applied_seqs: list[int] = field(default_factory=list)  # this one and held ones it released
    receipts: int = 0
    changes: int = 0
    conflicts: int = 0
    quarantined: int = 0
    references: int = 0
    gap: tuple[int, int] | None = None  # (first missing, last missing) when held


def _last_applied(conn: Connection) -> int:
    n = conn.execute(
        text("SELECT coalesce(max(seq), 0) FROM sync_inbound WHERE status = 'applied'")
    ).scalar()
    return int(n or 0)


def verify(
    conn: Connection, ident: Identity, age: bytes, minisig: bytes
) -> tuple[bundle.Header, list[dict[str, Any]], str]:
    """Every check before "apply"; returns (header, items, "new" | "replay")."""
    header = bundle.read_outer(age, minisig)
    if header.kind != "down" or header.sender != bundle.HQ:
        raise BundleRejected("wrong-kind", f"a {header.kind} bundle from {header.sender}")
    if header.to != ident.device_id:
        raise BundleRejected("not-for-us", f"addressed to {header.to}")
    known = conn.execute(
        text("SELECT bundle_hash FROM sync_inbound WHERE seq = :s"), {"s": header.seq}
    ).scalar()
    if known == header.sha256:
        # the very bundle applied or held before (the stick still carries it): a replay changes
        # nothing, so it needs no check (it may be signed by an online key rotated since)
        return header, [], "replay"
    bundle.verify_outer(header, age, minisig, ident.root.online_verify_key())
    row = conn.execute(
        text("SELECT bundle_hash FROM sync_inbound WHERE seq = :s"), {"s": header.seq}
    ).first()
    if row is not None:
        if str(row[0]) == header.sha256:
            return header, [], "replay"
        raise BundleRejected("fork", f"seq {header.seq}")
    items = bundle.open_inner(header, age, ident.age_identity)
    return header, items, "new"


def import_bundle(
    ctx: Services, age: bytes, minisig: bytes, now_ms: int | None = None
) -> ImportResult:
    """Verify one downstream bundle and apply it (or hold it until the gap before it fills)."""
    with ctx.writing() as scope:
        conn = scope.conn
        ident = require_identity(conn)
        header, items, kind = verify(conn, ident, age, minisig)
        result = ImportResult(header.seq, "replay")
        if kind == "replay":
            return result
        last = _last_applied(conn)
        reconciling = get_meta(conn, NEEDS_RECONCILE) == "1"
        if header.seq <= last:
            result.status = "old"  # older than what was applied (e.g. pruned): nothing to do
            return result
        if header.seq > last + 1 and not reconciling:
            conn.execute(
                text(
                    "INSERT INTO sync_inbound(seq, bundle_hash, status, received_at, age, minisig) "
                    "VALUES (:s, :h, 'held', :at, :a, :m)"
                ),
                {"s": header.seq, "h": header.sha256, "at": scope.at, "a": age, "m": minisig},
            )
            result.status = "held"
            result.gap = (last + 1, header.seq - 1)
            return result
        _apply(ctx, scope, ident, header, items, result, now_ms)
        _release_held(ctx, scope, result, now_ms)
        if get_meta(conn, NEEDS_RECONCILE) == "1" and get_meta(conn, HQ_LAST_SEQ) is not None:
            reconcile(conn)
    ctx.invalidate_refs()
    return result


def _release_held(
    ctx: Services, scope: WriteScope, result: ImportResult, now_ms: int | None
) -> None:
    conn = scope.conn
    while True:
        nxt = _last_applied(conn) + 1
        row = conn.execute(
            text("SELECT age, minisig FROM sync_inbound WHERE seq = :s AND status = 'held'"),
            {"s": nxt},
        ).first()
        if row is None:
            return
        ident = require_identity(conn)  # a root in the previous bundle may have changed it
        age, sig = bytes(row[0]), bytes(row[1])
        conn.execute(text("DELETE FROM sync_inbound WHERE seq = :s"), {"s": nxt})
        # verified (signature, hash, expiry) when it arrived; only opened now
        header = bundle.read_outer(age, sig)
        items = bundle.open_inner(header, age, ident.age_identity)
        _apply(ctx, scope, ident, header, items, result, now_ms)


def _apply(
    ctx: Services,
    scope: WriteScope,
    ident: Identity,
    header: bundle.Header,
    items: list[dict[str, Any]],
    result: ImportResult,
    now_ms: int | None,
) -> None:
    conn = scope.conn
    now_ms = int(time.time() * 1000) if now_ms is None else now_ms
    # references are checked when the bundle is complete, whatever the order of its items
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    touched: dict[str, set[str]] = {}
    order = {"root": 0, "revocation": 1, "receipt": 2, "reference": 3, "change": 4, "state": 5}
    for item in sorted(items, key=lambda i: order.get(str(i["t"]), 9)):
        t = item["t"]
        if t == "root":
            _install_root(conn, ident, item["document"])
        elif t == "revocation":
            if item["device"] == ident.device_id:
                set_meta(conn, REVOKED, "1")
        elif t == "receipt":
            if _apply_receipt(conn, item, scope.at):
                result.receipts += 1
        elif t == "reference":
            _apply_reference(conn, item)
            result.references += 1
            ctx.invalidate_refs()
        elif t == "change":
            change = Change.from_item(item)
            outcome = apply_remote(ctx, scope, change, bundle.HQ, now_ms)
            if outcome.action not in ("skip", "quarantined"):
                touched.setdefault(change.entity, set()).add(change.id)
            result.changes += 1
            result.conflicts += outcome.action == "conflict"
            result.quarantined += outcome.action == "quarantined"
        elif t == "state" and item["device"] == ident.device_id:
            set_meta(conn, HQ_LAST_SEQ, str(int(item["last_seq"])))
            set_meta(conn, HQ_LAST_HASH, str(item["last_hash"]))
    drop_dangling_references(scope, touched)
    conn.execute(
        text(
            "INSERT INTO sync_inbound(seq, bundle_hash, status, received_at, applied_at) "
            "VALUES (:s, :h, 'applied', :at, :at)"
        ),
        {"s": header.seq, "h": header.sha256, "at": scope.at},
    )
    result.status = "applied"
    result.applied_seqs.append(header.seq)


def _apply_receipt(conn: Connection, item: dict[str, Any], at: str) -> bool:
    """Mark delivered only the bundle whose exact hash the verified receipt names."""
    done = conn.execute(
        text(
            "UPDATE sync_outbound SET receipt_at = :at, age = NULL, minisig = NULL "
            "WHERE bundle_hash = :h AND seq = :s AND receipt_at IS NULL"
        ),
        {"at": at, "h": item["bundle"], "s": int(item["seq"])},
    ).rowcount
    if done:
        set_meta(conn, LAST_RECEIPT, at)
        # what HQ refused from that bundle, with HQ's reason, for the officer to review
        for q in item.get("quarantined") or []:
            conn.execute(
                text(
                    "INSERT INTO sync_quarantine(entity, entity_id, reason, item, source, at) "
                    "VALUES (:e, :i, :r, '{}', 'hq-receipt', :at)"
                ),
                {"e": str(q["entity"]), "i": str(q["id"]), "r": str(q["reason"]), "at": at},
            )
    return bool(done)


def _apply_reference(conn: Connection, item: dict[str, Any]) -> None:
    conn.execute(
        text(
            "INSERT INTO reference_code(kind, code, label_en, label_ru, parent, factor_kg, sort, "
            "active) VALUES (:kind, :code, :en, :ru, :parent, :f, :sort, :active) "
            "ON CONFLICT(kind, code) DO UPDATE SET label_en = excluded.label_en, "
            "label_ru = excluded.label_ru, parent = excluded.parent, "
            "factor_kg = excluded.factor_kg, sort = excluded.sort, active = excluded.active"
        ),
        {
            "kind": item["kind"],
            "code": item["code"],
            "en": item["label_en"],
            "ru": item["label_ru"],
            "parent": item["parent"],
            "f": item["factor_kg"],
            "sort": item["sort"],
            "active": not item["deleted"],
        },
    )


def _install_root(conn: Connection, ident: Identity, document: dict[str, Any]) -> None:
    """A new root replaces the installed one only when the old and new thresholds signed it."""
    current = ident.root
    new = RootDocument.from_dict(document)
    if new.version <= current.version:
        return  # the same or an older root travels again: nothing to install
    verify_root(new, current)
    store_identity(
        conn,
        Identity(
            ident.device_id,
            ident.device_name,
            ident.signer,
            ident.age_identity,
            ident.age_recipient,
            root_to_text(new),
            new.fingerprint(),
            ident.enrolled_at,
        ),
    )
