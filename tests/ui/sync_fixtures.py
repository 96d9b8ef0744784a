"""Fixtures of the Sync page and Conflicts view tests: a real HQ home (SQLite) in a temp folder,
a folder standing for the USB stick, real enrolled SQLCipher vaults, and a conflict made the
way it happens in the field (two officers edit the same project before hearing of each other).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from pp_desktop.services import records as rec
from pp_hq.context import Hq
from pp_hq.exchange import exchange_folder
from tests.hq.helpers import Device, enrolled_device, project, sync_round


@pytest.fixture
def hq_home(tmp_path: Path) -> Iterator[Hq]:
    """A fresh HQ (keys, root document, SQLite database) in a temp folder."""
    h = Hq.init(tmp_path / "hq")
    yield h
    h.dispose()


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    """The folder standing for the USB stick."""
    p = tmp_path / "usb"
    p.mkdir()
    return p


@pytest.fixture
def alpha(hq_home: Hq, template_vault: tuple[Path, str], tmp_path: Path) -> Iterator[Device]:
    """Device "alpha", enrolled (its enrolment request waits in its outbox)."""
    d = enrolled_device(hq_home, template_vault[0], tmp_path, "alpha")
    yield d
    if not d.vault.is_locked:
        d.vault.lock()


@pytest.fixture
def bravo(hq_home: Hq, template_vault: tuple[Path, str], tmp_path: Path) -> Iterator[Device]:
    """Device "bravo", enrolled."""
    d = enrolled_device(hq_home, template_vault[0], tmp_path, "bravo")
    yield d
    if not d.vault.is_locked:
        d.vault.lock()


def make_device_conflict(hq: Hq, usb: Path, alpha: Device, bravo: Device) -> str:
    """A shared project edited on both laptops (title and budget on each side); alpha hears of
    bravo's edit while its own is still unconfirmed, so the conflict opens on alpha.
    Returns the project id."""
    shared = project(alpha.ctx, "XM-DAC-41114-7", budget=500.0)
    sync_round(hq, usb, alpha, bravo)  # bravo now has the project
    sync_round(hq, usb, alpha, bravo)  # every receipt home: nothing pending
    alpha.export(usb)  # alpha's trip to HQ leaves before its next edit
    rec.update(alpha.ctx, "project", shared, {"title": "Alpha title", "budget": 750.0})
    rec.update(bravo.ctx, "project", shared, {"title": "Bravo title", "budget": 900.0})
    bravo.export(usb)
    exchange_folder(hq, usb)
    result = alpha.import_(usb)
    assert not result.rejected, result.rejected
    return shared


def scalar(d: Device, sql: str, **params: Any) -> Any:
    """One value read from a device's vault."""
    with d.ctx.reading() as conn:
        return conn.execute(text(sql), params).scalar()
