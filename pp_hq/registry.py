"""HQ's device registry: add (an enrolment file with a one-time token), list, revoke."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import uuid_utils
from sqlalchemy import Connection, func, select

from pp_desktop.sync.enrolment_file import EnrolmentFile, new_token
from pp_desktop.sync.errors import SyncError
from pp_hq.context import Hq
from pp_hq.db import hq_device, hq_inbound, lock_writes

TOKEN_DAYS = 14
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,63}")


class RegistryError(SyncError):
    """A device registry operation was refused."""

    exit_code = 41


@dataclass(frozen=True)
class DeviceRow:
    """One device as ``pp-hq device list`` shows it."""

    id: str
    name: str
    status: str  # "waiting for enrolment" | "enrolled" | "revoked"
    last_seq: int
    enrolled_at: str | None
    revoked_at: str | None
    revoked_after_seq: int | None


def _new_device_id() -> str:
    return "d" + uuid_utils.uuid7().hex[-12:]


def add_device(
    hq: Hq,
    name: str,
    out: Path,
    hq_url: str | None = None,
    on_added: Callable[[Connection, str], None] | None = None,
) -> EnrolmentFile:
    """Register a device and write its enrolment file (one-time token, expiring) to ``out``.

    ``on_added(conn, device_id)`` runs in the same transaction (a replacement's inheritance)."""
    if not name.strip():
        raise RegistryError("A device needs a name (e.g. the officer and the laptop).")
    if out.exists():
        raise RegistryError(f"{out} exists already; choose another file name.")
    device_id = _new_device_id()
    token = new_token()
    expires = (datetime.now(UTC) + timedelta(days=TOKEN_DAYS)).strftime("%Y-%m-%dT%H:%M:%SZ")
    ef = EnrolmentFile(device_id, name.strip(), token, expires, hq.keys.root, hq_url)
    with hq.engine.begin() as conn:
        lock_writes(conn)
        conn.execute(
            hq_device.insert().values(
                id=device_id,
                name=name.strip(),
                token=token,
                token_expires=expires,
                created_at=hq.now(),
            )
        )
        if on_added is not None:
            on_added(conn, device_id)
        ef.write(out)  # inside the transaction: no device without its file, no file without it
    return ef


def list_devices(hq: Hq) -> list[DeviceRow]:
    """Every registered device, oldest first."""
    last = (
        select(hq_inbound.c.device, func.max(hq_inbound.c.seq).label("last"))
        .where(hq_inbound.c.status == "applied")
        .group_by(hq_inbound.c.device)
        .subquery()
    )
    with hq.engine.connect() as conn:
        rows = (
            conn.execute(
                select(hq_device, last.c.last)
                .select_from(hq_device.outerjoin(last, last.c.device == hq_device.c.id))
                .order_by(hq_device.c.created_at, hq_device.c.id)
            )
            .mappings()
            .all()
        )
    out = []
    for r in rows:
        status = (
            "revoked"
            if r["revoked_at"]
            else ("enrolled" if r["sign_pub"] else "waiting for enrolment")
        )
        out.append(
            DeviceRow(
                r["id"],
                r["name"],
                status,
                int(r["last"] or 0),
                r["enrolled_at"],
                r["revoked_at"],
                r["revoked_after_seq"],
            )
        )
    return out


def revoke_device(hq: Hq, device_id: str, after_seq: int | None = None) -> int:
    """Revoke ``device_id``: bundles after ``after_seq`` (default: the last applied) are refused,
    whatever their clock says. Returns the last accepted seq."""
    with hq.engine.begin() as conn:
        lock_writes(conn)
        row = conn.execute(select(hq_device).where(hq_device.c.id == device_id)).mappings().first()
        if row is None:
            raise RegistryError(f"No device {device_id}. 'pp-hq device list' shows them.")
        if row["revoked_at"] is not None:
            raise RegistryError(f"Device {device_id} is already revoked.")
        last = conn.execute(
            select(func.coalesce(func.max(hq_inbound.c.seq), 0)).where(
                hq_inbound.c.device == device_id, hq_inbound.c.status == "applied"
            )
        ).scalar()
        keep = int(last or 0) if after_seq is None else min(after_seq, int(last or 0))
        conn.execute(
            hq_device.update()
            .where(hq_device.c.id == device_id)
            .values(revoked_at=hq.now(), revoked_after_seq=keep, token_used_at=hq.now())
        )
        # held bundles past the revocation point will never be applied
        conn.execute(
            hq_inbound.delete().where(
                hq_inbound.c.device == device_id,
                hq_inbound.c.status == "held",
                hq_inbound.c.seq > keep,
            )
        )
    return keep
