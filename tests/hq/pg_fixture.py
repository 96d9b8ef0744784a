"""The ``hq_db_url`` fixture: HQ tests run on SQLite and on a real PostgreSQL server.

The server is started once per test process by ``scripts/pg_test_server.sh`` (initdb in a
temporary folder, run as the ``postgres`` user when we are root, 127.0.0.1 on a free port) and
stopped when the process ends; ``PP_TEST_PG_URL`` (an admin URL of a server of your own) skips
the start. Each test gets a database of its own, made by ``CREATE DATABASE`` and dropped after.
Nothing is skipped: without PostgreSQL the PostgreSQL variants fail, naming what to install.
"""

from __future__ import annotations

import atexit
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import uuid_utils
from sqlalchemy.engine import make_url

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "pg_test_server.sh"
BACKENDS = ["sqlite", "postgresql"]

_server: dict[str, str] = {}


def _stop() -> None:
    folder = _server.pop("folder", "")
    if folder:
        subprocess.run(["bash", str(SCRIPT), "stop", folder], check=False, timeout=60)


def admin_url() -> str:
    """The admin URL of the test server (started on first use, once per process)."""
    given = os.environ.get("PP_TEST_PG_URL")
    if given:
        return given
    if "url" not in _server:
        try:
            done = subprocess.run(
                ["bash", str(SCRIPT), "start"], capture_output=True, text=True, timeout=120
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            pytest.fail(f"scripts/pg_test_server.sh could not run: {exc}")
        if done.returncode != 0:
            pytest.fail(
                "The PostgreSQL variant of the HQ tests needs a PostgreSQL server: "
                "install Debian's 'postgresql' package (scripts/system_deps.sh does as root) "
                f"or set PP_TEST_PG_URL.\n{done.stderr}"
            )
        url, folder = done.stdout.split()[:2]
        _server.update(url=url, folder=folder)
        atexit.register(_stop)
    return _server["url"]


def _admin(url: str) -> psycopg.Connection:
    return psycopg.connect(
        make_url(url).set(drivername="postgresql").render_as_string(hide_password=False),
        autocommit=True,
    )


def new_database(prefix: str = "hq") -> str:
    """A new empty database on the test server; returns its URL."""
    admin = admin_url()
    name = f"{prefix}_{uuid_utils.uuid7().hex}"
    with _admin(admin) as conn:
        conn.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
    return make_url(admin).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    """Drop a database made by :func:`new_database` (its connections cut first)."""
    name = make_url(url).database
    with _admin(admin_url()) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=BACKENDS)
def hq_db_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """HQ's database URL, once per backend: an SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('hqdb') / 'hq.db'}"
        return
    url = new_database()
    yield url
    drop_database(url)
