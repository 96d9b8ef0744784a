"""``pp-hq --db postgresql://…`` as an operator runs it: real processes, a real PostgreSQL."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from pp_hq.db import database_url
from tests.hq.pg_fixture import drop_database, new_database


def pp_hq(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    code = "import sys, pp_hq.cli as c; sys.exit(c.main())"
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def pg_url() -> Iterator[str]:
    url = new_database()
    yield url
    drop_database(url)


@pytest.mark.slow
def test_an_hq_on_postgresql_from_the_command_line(tmp_path: Path, pg_url: str) -> None:
    home = tmp_path / "hq"
    done = pp_hq("init", "--home", home, "--db", pg_url)
    assert done.returncode == 0, done.stderr
    assert not (home / "hq.db").exists()  # the data is on the server, not in the home
    added = pp_hq("device", "add", "Officer TJK", "--home", home, "--out", tmp_path / "e.json",
                  "--db", pg_url)  # fmt: skip
    assert added.returncode == 0, added.stderr
    # the same URL from the environment, as a service unit would give it
    listed = pp_hq("device", "list", "--home", home, "--json", env={"PP_HQ_DB": pg_url})
    assert listed.returncode == 0, listed.stderr
    assert [d["name"] for d in json.loads(listed.stdout)] == ["Officer TJK"]
    stats = pp_hq("stats", "--home", home, "--json", "--db", pg_url)
    assert json.loads(stats.stdout)["seizures"] == 0
    with create_engine(database_url(home, pg_url)).connect() as conn:
        assert conn.execute(text("SELECT name FROM hq_device")).scalar() == "Officer TJK"
        assert conn.execute(text("SELECT count(*) FROM reference_code")).scalar() > 100

    # a forgotten --db never opens an empty HQ beside the real one
    forgot = pp_hq("device", "list", "--home", home)
    assert forgot.returncode == 44 and "give that URL with --db" in forgot.stderr
    assert not (home / "hq.db").exists()
    elsewhere = new_database()
    try:
        wrong = pp_hq("device", "list", "--home", home, "--db", elsewhere)
        assert wrong.returncode == 44 and "keeps its data in" in wrong.stderr
    finally:
        drop_database(elsewhere)

    again = pp_hq("init", "--home", tmp_path / "other", "--db", pg_url)
    assert again.returncode == 44
    assert "already holds an HQ" in again.stderr and "Traceback" not in again.stderr
    assert not (tmp_path / "other").exists()  # refused before any key was made


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("postgresql://postgres:s3cret@127.0.0.1:1/nowhere", "Cannot open HQ's database"),
        ("mysql://u@h/db", "SQLite or PostgreSQL"),
        ("not a url", "is not a database URL"),
    ],
)
def test_a_database_hq_cannot_use_is_a_clear_error(tmp_path: Path, url: str, words: str) -> None:
    done = pp_hq("init", "--home", tmp_path / "hq", "--db", url)
    assert done.returncode == 44, done.stderr
    assert words in done.stderr and "Traceback" not in done.stderr
    assert "s3cret" not in done.stderr  # a password in the URL is never printed
    assert not (tmp_path / "hq").exists()


def test_a_server_gone_is_a_clear_error_for_an_existing_home(tmp_path: Path) -> None:
    url = new_database()
    home = tmp_path / "hq"
    assert pp_hq("init", "--home", home, "--db", url).returncode == 0
    drop_database(url)  # the operator's server lost the database
    done = pp_hq("device", "list", "--home", home, "--db", url)
    assert done.returncode == 44
    assert "Cannot open HQ's database" in done.stderr and "Traceback" not in done.stderr


def test_a_home_moved_with_its_sqlite_file_stays_itself(tmp_path: Path) -> None:
    """The default database is named relative to the home: a moved (or restored) home opens;
    a home refuses a database that is not its own."""
    from pp_hq.context import Hq
    from pp_hq.db import HqDatabaseError

    Hq.init(tmp_path / "a").dispose()
    shutil.move(tmp_path / "a", tmp_path / "b")
    Hq(tmp_path / "b").dispose()
    Hq(tmp_path / "b", url=f"sqlite:///{tmp_path / 'b' / 'hq.db'}").dispose()
    with pytest.raises(HqDatabaseError, match="keeps its data in"):
        Hq(tmp_path / "b", url=f"sqlite:///{tmp_path / 'other.db'}")
