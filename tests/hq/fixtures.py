"""Fixtures: a real HQ home (SQLite or PostgreSQL), a USB folder, two enrolled real vaults."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pp_hq.context import Hq
from tests.hq.helpers import Device, enrolled_device
from tests.hq.pg_fixture import hq_db_url  # noqa: F401 (the sync tests import * from here)


@pytest.fixture
def hq(tmp_path: Path, hq_db_url: str) -> Iterator[Hq]:  # noqa: F811 (the fixture)
    """A fresh HQ home (keys, root document, database with the shipped code lists), once on
    SQLite and once on PostgreSQL (``hq_db_url``)."""
    h = Hq.init(tmp_path / "hq", url=hq_db_url)
    yield h
    h.dispose()


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    """The folder standing for the USB stick."""
    p = tmp_path / "usb"
    p.mkdir()
    return p


@pytest.fixture
def alpha(hq: Hq, template_vault: tuple[Path, str], tmp_path: Path) -> Iterator[Device]:
    """Device "alpha", enrolled (its request waits in its outbox)."""
    d = enrolled_device(hq, template_vault[0], tmp_path, "alpha")
    yield d
    d.vault.lock()


@pytest.fixture
def bravo(hq: Hq, template_vault: tuple[Path, str], tmp_path: Path) -> Iterator[Device]:
    """Device "bravo", enrolled."""
    d = enrolled_device(hq, template_vault[0], tmp_path, "bravo")
    yield d
    d.vault.lock()
