"""HQ receives a device bundle: verification in the order of DESIGN §5, then apply in order.

parse -> sender enrolled, key id bound to it, not revoked for this seq (enrolment: a valid,
unused token) -> signature and trusted comment -> hash -> (sender, seq): replay (the stored
receipt, same bytes) or fork (rejected, reported) -> decrypt -> inner header -> limits, shapes ->
apply (or hold until the gap before it fills). A rejection leaves the sequence number free.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import IntegrityError

from pp_desktop.sync import bundle, minisign
from pp_desktop.sync.enrolment_file import check_enrol_proof
from pp_desktop.sync.errors import BundleRejected
from pp_hq.context import Hq
from pp_hq.db import hq_cursor, hq_device, hq_inbound, lock_writes
from pp_hq.fast_apply import apply_changes

_dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


@dataclass
class Received:
    """What HQ did with one bundle."""

    device: str
    seq: int
    hash: str
    status: str  # "applied" | "held" | "replay"
    applied: list[int] = field(default_factory=list)  # seqs applied now (this + released held)
    gap: tuple[int, int] | None = None


def _device(conn: Connection, device_id: str) -> Any:
    row = conn.execute(select(hq_device).where(hq_device.c.id == device_id)).mappings().first()
    if row is None:
        raise BundleRejected("unknown-sender", f"device {device_id}")
    return row


def last_applied(conn: Connection, device_id: str) -> int:
    """The last seq applied from ``device_id`` (0 before any)."""
    n = conn.execute(
        select(func.coalesce(func.max(hq_inbound.c.seq), 0)).where(
            hq_inbound.c.device == device_id, hq_inbound.c.status == "applied"
        )
    ).scalar()
    return int(n or 0)


def _replay_or_fork(conn: Connection, header: bundle.Header) -> bool:
    row = conn.execute(
        select(hq_inbound.c.bundle_hash).where(
            hq_inbound.c.device == header.sender, hq_inbound.c.seq == header.seq
        )
    ).first()
    if row is None:
        return False
    if str(row[0]) == header.sha256:
        return True
    raise BundleRejected(
        "fork", f"seq {header.seq} of {header.sender} was already accepted with another hash"
    )


def verify(
    conn: Connection, hq: Hq, age: bytes, minisig: bytes
) -> tuple[bundle.Header, list[dict[str, Any]], bool]:
    """Every check before "apply"; returns (header, items, is_replay)."""
    header = bundle.read_outer(age, minisig)
    if header.kind not in ("up", "enrol") or header.to != bundle.HQ:
        raise BundleRejected("wrong-kind", f"a {header.kind} bundle to {header.to}")
    device = _device(conn, header.sender)
    if header.kind == "enrol":
        return _verify_enrol(conn, hq, device, header, age, minisig)
    if device["sign_pub"] is None:
        raise BundleRejected("unknown-sender", f"device {header.sender} is not enrolled yet")
    if device["revoked_at"] is not None and header.seq > int(device["revoked_after_seq"] or 0):
        raise BundleRejected(
            "revoked", f"device {header.sender} after seq {device['revoked_after_seq']}"
        )
    key = minisign.VerifyKey.from_b64(device["sign_pub"])
    if minisign.signature_key_id(minisig) != key.key_id:
        raise BundleRejected("wrong-key", f"not the key of {header.sender}")
    bundle.verify_outer(header, age, minisig, key)
    if _replay_or_fork(conn, header):
        return header, [], True
    items = bundle.open_inner(header, age, hq.keys.age_identity)
    return header, items, False


def _verify_enrol(
    conn: Connection, hq: Hq, device: Any, header: bundle.Header, age: bytes, minisig: bytes
) -> tuple[bundle.Header, list[dict[str, Any]], bool]:
    """Enrolment: the token (not a known key) authenticates; the key inside signs the bundle."""
    if device["token_used_at"] is not None:
        if device["sign_pub"] is not None:
            key = minisign.VerifyKey.from_b64(device["sign_pub"])
            if minisign.signature_key_id(minisig) == key.key_id:
                bundle.verify_outer(header, age, minisig, key)
                if _replay_or_fork(conn, header):
                    return header, [], True
        raise BundleRejected("token-used", f"device {header.sender}")
    if device["revoked_at"] is not None:
        raise BundleRejected("revoked", f"device {header.sender}")
    if bundle.utc_now() > device["token_expires"]:
        raise BundleRejected("bad-token", f"the token expired {device['token_expires']}")
    if header.seq != 1:
        raise BundleRejected("malformed", "an enrolment is a device's first bundle")
    items = bundle.open_inner(header, age, hq.keys.age_identity)
    enrol = [i for i in items if i["t"] == "enrol"]
    if len(enrol) != 1 or enrol[0]["device"] != header.sender:
        raise BundleRejected(
            "bad-item", "an enrolment bundle carries one enrol item for its sender"
        )
    item = enrol[0]
    key = minisign.VerifyKey.from_b64(item["sign_pub"])
    bundle.verify_outer(header, age, minisig, key)
    check_enrol_proof(
        device["token"], header.sender, item["sign_pub"], item["age_recipient"], item["proof"]
    )
    return header, items, False


def receive(
    conn: Connection, hq: Hq, age: bytes, minisig: bytes, now_ms: int | None = None
) -> Received:
    """Verify one device bundle and apply it (or hold it); inside the caller's transaction."""
    lock_writes(conn)  # one writer at a time: a concurrent copy of this bundle waits, then replays
    header, items, replay = verify(conn, hq, age, minisig)
    result = Received(header.sender, header.seq, header.sha256, "replay")
    if replay:
        return result
    last = last_applied(conn, header.sender)
    status = "applied" if header.seq == last + 1 else "held"
    if header.seq <= last:  # below what was applied, yet unknown: cannot happen without a fork
        raise BundleRejected("fork", f"seq {header.seq} is before the last applied {last}")
    try:
        with conn.begin_nested():
            conn.execute(
                hq_inbound.insert().values(
                    device=header.sender,
                    seq=header.seq,
                    kind=header.kind,
                    bundle_hash=header.sha256,
                    status="held",
                    received_at=hq.now(),
                    audit_head=header.audit_head,
                    age=age,
                    minisig=minisig,
                )
            )
    except IntegrityError:  # another process took this (device, seq) meanwhile
        raise BundleRejected("fork", f"seq {header.seq} is being applied elsewhere") from None
    result.status = status
    if status == "held":
        result.gap = (last + 1, header.seq - 1)
        return result
    _apply(conn, hq, header, items, now_ms)
    result.applied.append(header.seq)
    _release_held(conn, hq, header.sender, result, now_ms)
    return result


def _release_held(
    conn: Connection, hq: Hq, device: str, result: Received, now_ms: int | None
) -> None:
    while True:
        nxt = last_applied(conn, device) + 1
        row = conn.execute(
            select(hq_inbound.c.age).where(
                hq_inbound.c.device == device,
                hq_inbound.c.seq == nxt,
                hq_inbound.c.status == "held",
            )
        ).first()
        if row is None:
            return
        age = bytes(row[0])
        sig = conn.execute(
            select(hq_inbound.c.minisig).where(
                hq_inbound.c.device == device, hq_inbound.c.seq == nxt
            )
        ).scalar_one()
        header = bundle.read_outer(age, bytes(sig))  # verified when it arrived
        items = bundle.open_inner(header, age, hq.keys.age_identity)
        _apply(conn, hq, header, items, now_ms)
        result.applied.append(nxt)


def _apply(
    conn: Connection,
    hq: Hq,
    header: bundle.Header,
    items: list[dict[str, Any]],
    now_ms: int | None,
) -> None:
    """Apply the items of one verified bundle and keep its receipt."""
    now_ms = int(time.time() * 1000) if now_ms is None else now_ms
    accepted: list[str] = []
    conflicts: list[dict[str, Any]] = []
    quarantined: list[dict[str, str]] = []
    refs = hq.refs(conn)
    changes: list[dict[str, Any]] = []  # the change items, as verified (see fast_apply)
    for item in items:
        if item["t"] == "enrol":
            conn.execute(
                hq_device.update()
                .where(hq_device.c.id == header.sender)
                .values(
                    sign_pub=item["sign_pub"],
                    age_recipient=item["age_recipient"],
                    enrolled_at=hq.now(),
                    token_used_at=hq.now(),
                )
            )
            if (
                conn.execute(select(hq_cursor).where(hq_cursor.c.device == header.sender)).first()
                is None
            ):
                conn.execute(
                    hq_cursor.insert().values(
                        device=header.sender, reference_id=0, root_version=hq.keys.root.version
                    )
                )
            continue
        changes.append(item)
    for entity, rid, outcome in apply_changes(
        conn, hq, refs, changes, header.sender, header.seq, now_ms
    ):
        if outcome.action == "quarantined":
            quarantined.append({"entity": entity, "id": rid, "reason": outcome.reason})
            continue
        if outcome.action == "conflict":
            conflicts.append({"entity": entity, "id": rid, "fields": list(outcome.conflict_fields)})
        accepted.append(f"{entity}:{rid}")
    receipt = {
        "t": "receipt",
        "bundle": header.sha256,
        "sender": header.sender,
        "seq": header.seq,
        "accepted": accepted,
        "conflicts": conflicts,
        "quarantined": quarantined,
    }
    conn.execute(
        hq_inbound.update()
        .where(hq_inbound.c.device == header.sender, hq_inbound.c.seq == header.seq)
        .values(status="applied", applied_at=hq.now(), receipt=_dumps(receipt))
    )
    hq.save_clock(conn)
