"""Replacement laptops: ``pp-hq device add NAME --replaces OLD_ID``.

The old device is revoked (its bundles after the last accepted one are refused) and the new one
inherits what the old one had delivered:

* its officer's field records (seizures, prices, contacts, ... - records that never travel to
  other devices), read from the old device's accepted bundles kept raw at HQ, are listed in
  ``hq_inherit`` and travel in the new device's downstream bundles, ``CHUNK`` at a time, once
  each (HQ notes them in the new device's view as it sends them);
* its ownership of shared records moves to the new device, so its confidential shared records
  (which other devices never receive) reach the new laptop with the other shared records.

The inheritance is written in the same transaction as the new device and its enrolment file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    delete,
    select,
)

from pp_desktop.services.fields import field_names
from pp_desktop.sync import bundle
from pp_desktop.sync.enrolment_file import EnrolmentFile
from pp_hq.apply import PROVENANCE, SHARED, record_table
from pp_hq.context import Hq
from pp_hq.db import hq_device, hq_inbound, hq_owner
from pp_hq.registry import RegistryError, add_device, revoke_device

CHUNK = 2000  # inherited records per downstream bundle (well under the bundle caps)

_meta = MetaData()
hq_inherit = Table(
    "hq_inherit",
    _meta,
    Column("device", String(64), nullable=False),  # the new device
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("from_device", String(64), nullable=False),
    PrimaryKeyConstraint("device", "entity", "entity_id", name="pk_hq_inherit"),
)


def ensure_table(engine: Engine) -> None:
    """Create ``hq_inherit`` when missing (idempotent)."""
    _meta.create_all(engine, checkfirst=True)


def delivered_records(conn: Connection, hq: Hq, device: str) -> set[tuple[str, str]]:
    """(entity, id) of every non-shared record in the device's accepted bundles."""
    out: set[tuple[str, str]] = set()
    rows = conn.execute(
        select(hq_inbound.c.age, hq_inbound.c.minisig)
        .where(hq_inbound.c.device == device, hq_inbound.c.status == "applied")
        .order_by(hq_inbound.c.seq)
    )
    for age, sig in rows:
        header = bundle.read_outer(bytes(age), bytes(sig))  # verified when it arrived
        for item in bundle.open_inner(header, bytes(age), hq.keys.age_identity):
            if item.get("t") == "change" and item["entity"] not in SHARED:
                out.add((str(item["entity"]), str(item["id"])))
    return out


def replace_device(
    hq: Hq, name: str, old_id: str, out: Path, hq_url: str | None = None
) -> tuple[EnrolmentFile, int]:
    """Revoke ``old_id`` (unless already revoked), register the new device, hand it the old
    one's records. Returns the enrolment file and how many field records it inherits."""
    ensure_table(hq.engine)
    with hq.engine.connect() as conn:
        row = conn.execute(select(hq_device).where(hq_device.c.id == old_id)).mappings().first()
    if row is None:
        raise RegistryError(f"No device {old_id} to replace. 'pp-hq device list' shows them.")
    if row["sign_pub"] is None:
        raise RegistryError(f"Device {old_id} never enrolled: there is nothing to hand over.")
    if out.exists():  # checked before revoking, so a wrong --out changes nothing
        raise RegistryError(f"{out} exists already; choose another file name.")
    if row["revoked_at"] is None:
        revoke_device(hq, old_id)
    count = 0

    def inherit(conn: Connection, new_id: str) -> None:
        nonlocal count
        records = sorted(delivered_records(conn, hq, old_id))
        if records:
            conn.execute(
                hq_inherit.insert(),
                [
                    {"device": new_id, "entity": e, "entity_id": i, "from_device": old_id}
                    for e, i in records
                ],
            )
        conn.execute(hq_owner.update().where(hq_owner.c.device == old_id).values(device=new_id))
        count = len(records)

    ef = add_device(hq, name, out, hq_url, on_added=inherit)
    return ef, count


def inherited_changes(conn: Connection, device: str) -> list[dict[str, Any]]:
    """The next ``CHUNK`` inherited records for ``device`` as change items (full records, base
    0: the new laptop has none of them); their ``hq_inherit`` rows go in the same transaction."""
    if not conn.dialect.has_table(conn, "hq_inherit"):
        return []
    items: list[dict[str, Any]] = []
    while not items:
        rows = conn.execute(
            select(hq_inherit.c.entity, hq_inherit.c.entity_id)
            .where(hq_inherit.c.device == device)
            .order_by(hq_inherit.c.entity, hq_inherit.c.entity_id)
            .limit(CHUNK)
        ).all()
        if not rows:
            return []
        by_entity: dict[str, list[str]] = {}
        for entity, rid in rows:
            by_entity.setdefault(str(entity), []).append(str(rid))
        for entity, ids in by_entity.items():
            t = record_table(entity)
            names = field_names(entity)
            for r in conn.execute(select(t).where(t.c.id.in_(ids), t.c.deleted_at.is_(None))):
                m = r._mapping
                fields = {n: _value(m[n]) for n in names}
                fields.update({p: m[p] for p in PROVENANCE})
                items.append(
                    {
                        "t": "change",
                        "entity": entity,
                        "id": m["id"],
                        "version": int(m["version"]),
                        "hlc": str(m["hlc"]),
                        "base_version": 0,
                        "base_hlc": "",
                        "fields": fields,
                        "deleted": False,
                    }
                )
            conn.execute(
                delete(hq_inherit).where(
                    hq_inherit.c.device == device,
                    hq_inherit.c.entity == entity,
                    hq_inherit.c.entity_id.in_(ids),
                )
            )
    return items


def pending_inheritance(conn: Connection, device: str) -> int:
    """How many inherited records still wait to be sent to ``device``."""
    if not conn.dialect.has_table(conn, "hq_inherit"):
        return 0
    from sqlalchemy import func

    n = conn.execute(
        select(func.count()).select_from(hq_inherit).where(hq_inherit.c.device == device)
    ).scalar()
    return int(n or 0)


def _value(v: Any) -> Any:
    import base64

    return base64.b64encode(bytes(v)).decode() if isinstance(v, bytes | memoryview) else v
