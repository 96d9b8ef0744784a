"""Create, unlock, lock, officer profile; connection settings; core dumps (DESIGN §3)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import text

from pp_desktop.store import (
    OfficerProfile,
    Vault,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    WeakPassphrase,
    migrate,
)
from pp_desktop.store import keyfile as kf
from pp_desktop.store.engine import SQLITE_PLAIN_HEADER
from tests.conftest import FAST_ARGON2, PASSPHRASE, PROFILE
from tests.store.vaulttest_helpers import run_child


def test_create_makes_an_encrypted_vault_with_two_key_copies(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    vault, recovery = Vault.create(folder, PASSPHRASE, PROFILE, argon2=FAST_ARGON2)
    try:
        assert re.fullmatch(r"([A-Z2-7]{4}-){7}[A-Z2-7]{4}", recovery)
        assert (folder / "vault.key").read_bytes() == (folder / "vault.key.bak").read_bytes()
        doc = json.loads((folder / "vault.key").read_text())
        assert doc["format_version"] == kf.FORMAT_VERSION
        assert doc["pending"] is None
        # the cheap test parameters are what the key file records
        assert (doc["current"]["passphrase"]["t"], doc["current"]["passphrase"]["m_kib"]) == (
            1,
            8192,
        )
        meta = vault.meta()
        assert meta["vault_id"] == doc["vault_id"] == vault.vault_id
        assert meta["officer_name"] == PROFILE.name
        assert meta["home_country"] == PROFILE.home_country
        assert meta["device_label"] == PROFILE.device_label
        assert meta["device_id"] and meta["created_at"]
        with vault.read() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            assert conn.execute(text("SELECT count(*) FROM reference_code")).scalar() > 100
        assert not vault.is_locked
    finally:
        vault.lock()
    assert (folder / "vault.db").read_bytes()[:16] != SQLITE_PLAIN_HEADER
    if hasattr(folder, "stat"):
        assert folder.stat().st_mode & 0o077 == 0  # private folder


def test_create_refuses_to_overwrite_and_weak_passphrase(tmp_path: Path, vault_dir: Path) -> None:
    before = {p.name: p.read_bytes() for p in vault_dir.iterdir()}
    with pytest.raises(VaultExists):
        Vault.create(vault_dir, PASSPHRASE, PROFILE, argon2=FAST_ARGON2)
    assert {p.name: p.read_bytes() for p in vault_dir.iterdir()} == before

    with pytest.raises(WeakPassphrase):
        Vault.create(tmp_path / "weak", "password1234", PROFILE, argon2=FAST_ARGON2)
    assert not (tmp_path / "weak" / "vault.db").exists()
    assert not kf.keyfile_exists(tmp_path / "weak")


def test_unlock_empty_folder_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound):
        Vault.unlock(tmp_path, PASSPHRASE)


def test_unlock_lock_cycle(vault_dir: Path) -> None:
    vault = Vault.unlock(vault_dir, PASSPHRASE)
    calls: list[str] = []
    vault.on_lock(lambda: calls.append("cleared"))
    conn = vault.engine.connect()
    assert conn.exec_driver_sql("SELECT count(*) FROM vault_meta").scalar()
    conn.close()

    vault.lock()
    assert vault.is_locked
    assert calls == ["cleared"]
    with pytest.raises(VaultLocked):
        _ = vault.engine
    with pytest.raises(VaultLocked):
        _ = vault.dek
    with pytest.raises(VaultLocked), vault.read():
        pass
    with pytest.raises(VaultLocked), vault.write():
        pass
    vault.lock()  # a second lock is harmless and does not re-run callbacks
    assert calls == ["cleared"]
    # every connection is gone: SQLite removed the WAL and SHM on the last close
    assert not (vault_dir / "vault.db-wal").exists()
    assert not (vault_dir / "vault.db-shm").exists()

    again = Vault.unlock(vault_dir, PASSPHRASE)
    assert again.meta()["officer_name"] == PROFILE.name
    again.lock()


def test_profile_is_stored_and_editable(vault_dir: Path) -> None:
    vault = Vault.unlock(vault_dir, PASSPHRASE)
    assert vault.profile == PROFILE
    edited = OfficerProfile("Dilnoza Rakhimova", "UZB", "Tashkent office laptop")
    vault.set_profile(edited)
    assert vault.profile == edited
    vault.lock()
    reopened = Vault.unlock(vault_dir, PASSPHRASE)
    try:
        assert reopened.profile == edited
        assert reopened.meta()["officer_name"] == "Dilnoza Rakhimova"
    finally:
        reopened.lock()


def _pragma(conn: object, name: str) -> object:
    return conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # type: ignore[attr-defined]


def test_connection_settings(vault: Vault) -> None:
    # pooled connections (several at once) and background connections have the same settings
    with vault.read() as a, vault.engine.connect() as b:
        for conn in (a, b):
            assert str(_pragma(conn, "journal_mode")).lower() == "wal"
            assert int(_pragma(conn, "cache_size")) <= -65536  # >= 64 MiB
            assert int(_pragma(conn, "temp_store")) == 2  # memory
            assert int(_pragma(conn, "foreign_keys")) == 1
            assert str(_pragma(conn, "cipher_log_level")).upper() == "NONE"
    raw = vault.connect_raw()
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"  # type: ignore[attr-defined]
        assert raw.execute("PRAGMA temp_store").fetchone()[0] == 2  # type: ignore[attr-defined]
    finally:
        raw.close()  # type: ignore[attr-defined]
    with vault.db_path.open("rb") as fh:
        header = fh.read(16)
    assert header != SQLITE_PLAIN_HEADER
    assert not header.startswith(b"SQLite")


def test_core_dumps_disabled_after_unlock(vault_dir: Path) -> None:
    # in a child: this process's limit is already (0, 0) since the template vault was made
    rc, out, err = run_child("rlimit", str(vault_dir), passphrase=PASSPHRASE)
    assert rc == 0, err
    lines = dict(line.split(" ", 1) for line in out.splitlines())
    before = tuple(int(x) for x in lines["BEFORE"].split())
    after = tuple(int(x) for x in lines["AFTER"].split())
    if before[1] != 0:  # the child could raise its limit: the test is meaningful
        assert before != (0, 0)
    assert after == (0, 0)
