"""Fixtures of the HTTP tests: a real HQ home served by a real uvicorn (SQLite and PostgreSQL),
real enrolled vaults (SQLCipher copies of the session template)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pp_hq.context import Hq
from tests.hq.helpers import Device, new_vault
from tests.hq.pg_fixture import hq_db_url  # noqa: F401 (the fixture, both backends)
from tests.hq_http.server import HqServer


@pytest.fixture
def hq_home(tmp_path: Path, hq_db_url: str) -> Iterator[tuple[Path, str]]:  # noqa: F811
    """An initialised HQ home and its database URL."""
    home = tmp_path / "hq"
    Hq.init(home, url=hq_db_url).dispose()
    yield home, hq_db_url


@pytest.fixture
def hq_server(hq_home: tuple[Path, str], tmp_path: Path) -> Iterator[HqServer]:
    """``pp-hq serve`` in a child process, ready (``/health`` 200); killed after the test."""
    server = HqServer(hq_home[0], hq_home[1], tmp_path / "hq-server.log")
    server.start()
    yield server
    server.kill()


@pytest.fixture
def hq_view(hq_home: tuple[Path, str]) -> Iterator[Hq]:
    """The same HQ opened in the test process (to register devices and read its tables)."""
    hq = Hq(hq_home[0], url=hq_home[1])
    yield hq
    hq.dispose()


@pytest.fixture
def devices(template_vault: tuple[Path, str], tmp_path: Path) -> Iterator[list[Device]]:
    """Devices made by ``make_device`` in this test, locked after it."""
    made: list[Device] = []
    yield made
    for d in made:
        d.vault.lock()


def make_device(
    hq: Hq, template: Path, tmp: Path, name: str, url: str, made: list[Device]
) -> tuple[Device, Path]:
    """Register ``name`` at HQ (enrolment file carrying ``url``), make its vault, do not enrol
    yet; returns the device and its enrolment file."""
    from pp_hq.registry import add_device

    enrol_file = tmp / f"{name}.enrol"
    add_device(hq, name, enrol_file, url)
    v, ctx = new_vault(template, tmp / f"vault-{name}")
    d = Device(name, tmp / f"vault-{name}", v, ctx)
    made.append(d)
    return d, enrol_file
