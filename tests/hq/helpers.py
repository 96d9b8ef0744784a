"""Helpers of the sync and HQ tests: a real HQ home, real enrolled vaults, real folders.

Nothing is mocked: vaults are SQLCipher copies of the session template, bundles are real
minisign + age files in a folder, HQ is an SQLite database in its home.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import uuid_utils
from sqlalchemy import select, text

from pp_desktop.services import Services
from pp_desktop.services import records as rec
from pp_desktop.services.fields import field_names
from pp_desktop.store import Vault
from pp_desktop.sync import device
from pp_hq.apply import record_table
from pp_hq.context import Hq
from pp_hq.exchange import ExchangeReport, exchange_folder
from pp_hq.registry import add_device

PASSPHRASE = "correct horse battery staple"
TODAY = date(2026, 11, 28)


@dataclass
class Device:
    """An enrolled device: its vault folder, open vault and services."""

    name: str
    folder: Path
    vault: Vault
    ctx: Services

    @property
    def device_id(self) -> str:
        with self.ctx.reading() as conn:
            return str(conn.execute(text("SELECT device_id FROM sync_identity")).scalar())

    def reopen(self) -> None:
        """Lock and unlock again (a new session)."""
        self.vault.lock()
        self.vault = Vault.unlock(self.folder, PASSPHRASE)
        self.ctx = Services(self.vault, today=lambda: TODAY)

    def export(self, usb: Path) -> device.ExportResult:
        return device.export(self.ctx, usb)

    def import_(self, usb: Path) -> device.FolderImport:
        return device.import_folder(self.ctx, usb)


def new_vault(template: Path, target: Path) -> tuple[Vault, Services]:
    """A copy of the template vault with its own device id (two laptops never share one)."""
    shutil.copytree(template, target)
    v = Vault.unlock(target, PASSPHRASE)
    v.set_meta({"device_id": str(uuid_utils.uuid7())})
    return v, Services(v, today=lambda: TODAY)


def enrolled_device(hq: Hq, template: Path, tmp: Path, name: str) -> Device:
    """Register ``name`` at HQ, make its vault and enrol it with the enrolment file."""
    enrol_file = tmp / f"{name}.enrol"
    add_device(hq, name, enrol_file)
    v, ctx = new_vault(template, tmp / f"vault-{name}")
    device.enrol(ctx, enrol_file)
    return Device(name, tmp / f"vault-{name}", v, ctx)


def sync_round(hq: Hq, usb: Path, *devices: Device) -> ExchangeReport:
    """Every device exports, HQ exchanges, every device imports (one trip of the USB stick)."""
    for d in devices:
        d.export(usb)
    report = exchange_folder(hq, usb)
    for d in devices:
        result = d.import_(usb)
        assert not result.rejected, result.rejected
    return report


def seizure(ctx: Services, **over: Any) -> str:
    values = {
        "seized_on": "2026-10-01",
        "country": "TJK",
        "drug": "HEROIN",
        "quantity": 1.5,
        "unit": "KG",
        **over,
    }
    return rec.create(ctx, "seizure", values).created[0]


def project(ctx: Services, identifier: str, **over: Any) -> str:
    values = {"identifier": identifier, "title": f"Project {identifier}", **over}
    return rec.create(ctx, "project", values).created[0]


def _rows(conn: Any, entity: str, where: Any = None) -> list[tuple[Any, ...]]:
    t = record_table(entity)
    cols = [t.c.id, *(t.c[n] for n in field_names(entity)), t.c.deleted_at.is_(None)]
    stmt = select(*cols).order_by(t.c.id)
    if where is not None:
        stmt = stmt.where(where(t))
    return [tuple(r) for r in conn.execute(stmt)]


def content_hash(rows: list[tuple[Any, ...]]) -> str:
    """SHA-256 of rows (id, every user field, alive) in id order."""
    return hashlib.sha256(json.dumps(rows, default=str).encode()).hexdigest()


def device_table(d: Device, entity: str, where: Any = None) -> list[tuple[Any, ...]]:
    with d.ctx.reading() as conn:
        return _rows(conn, entity, where)


def hq_table(hq: Hq, entity: str, where: Any = None) -> list[tuple[Any, ...]]:
    with hq.engine.connect() as conn:
        return _rows(conn, entity, where)


def outbound_count(hq: Hq) -> int:
    with hq.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM hq_outbound")).scalar() or 0)


def hq_scalar(hq: Hq, sql: str, **params: Any) -> Any:
    with hq.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()
