"""Wrong passphrase, damaged or missing key file, damaged database, vault from a newer app:
distinct typed errors with officer-readable messages (issue 2, DESIGN §3)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from pp_desktop.store import (
    DatabaseDamaged,
    KeyFileError,
    Vault,
    VaultError,
    VaultTooNew,
    WrongPassphrase,
)
from pp_desktop.store import keyfile as kf
from pp_desktop.store.engine import connect_raw
from pp_desktop.store.errors import VaultNotFound
from tests.conftest import PASSPHRASE
from tests.store.vaulttest_helpers import assert_officer_message, flip_bit

KEY, BAK = kf.KEYFILE_NAMES
PAGE = 4096  # SQLCipher 4 default page size


def _unlock_error(folder: Path, passphrase: str = PASSPHRASE) -> VaultError:
    with pytest.raises(VaultError) as info:
        Vault.unlock(folder, passphrase)
    return info.value


# --- the three errors are different things -------------------------------------------------------


def test_three_errors_are_distinct_classes() -> None:
    trio = (WrongPassphrase, KeyFileError, DatabaseDamaged)
    for a in trio:
        assert issubclass(a, VaultError)
        for b in trio:
            if a is not b:
                assert not issubclass(a, b), (a, b)
    assert len({c.exit_code for c in trio}) == 3
    assert len({c.default_message for c in trio}) == 3
    for cls in (*trio, VaultTooNew):
        assert_officer_message(cls())


def test_wrong_passphrase(vault_dir: Path) -> None:
    key_before = (vault_dir / KEY).read_bytes()
    err = _unlock_error(vault_dir, "correct horse battery stapler")
    assert type(err) is WrongPassphrase
    assert_officer_message(err)
    assert (vault_dir / KEY).read_bytes() == key_before  # nothing written
    Vault.unlock(vault_dir, PASSPHRASE).lock()  # and the right one still works


# --- key file ------------------------------------------------------------------------------------


def test_both_key_files_missing(vault_dir: Path) -> None:
    (vault_dir / KEY).unlink()
    (vault_dir / BAK).unlink()
    err = _unlock_error(vault_dir)
    assert type(err) is KeyFileError
    assert_officer_message(err)


def _bitflip(p: Path) -> None:
    flip_bit(p, len(p.read_bytes()) // 2, 3)


def _truncate(p: Path) -> None:
    p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 3])


def _garbage(p: Path) -> None:
    p.write_bytes(bytes(range(256)) * 3)


def _empty(p: Path) -> None:
    p.write_bytes(b"")


def _wrong_checksum(p: Path) -> None:
    doc = json.loads(p.read_text())
    doc["generation"] += 1  # well-formed JSON, but the checksum no longer matches
    p.write_text(json.dumps(doc))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "bitflip": _bitflip,
    "truncated": _truncate,
    "garbage": _garbage,
    "empty": _empty,
    "wrong-checksum": _wrong_checksum,
    "missing": lambda p: p.unlink(),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
@pytest.mark.parametrize("which", [KEY, BAK])
def test_one_key_copy_damaged_opens_and_is_repaired(
    vault_dir: Path, which: str, damage: str
) -> None:
    other = BAK if which == KEY else KEY
    DAMAGE[damage](vault_dir / which)
    vault = Vault.unlock(vault_dir, PASSPHRASE)
    try:
        assert vault.meta()["vault_id"] == vault.vault_id
    finally:
        vault.lock()
    repaired = (vault_dir / which).read_bytes()
    assert repaired == (vault_dir / other).read_bytes()
    assert kf.loads(repaired).vault_id == vault.vault_id


@pytest.mark.parametrize("damage", sorted(set(DAMAGE) - {"missing"}))
def test_both_key_copies_damaged(vault_dir: Path, damage: str) -> None:
    DAMAGE[damage](vault_dir / KEY)
    DAMAGE[damage](vault_dir / BAK)
    err = _unlock_error(vault_dir)
    assert type(err) is KeyFileError
    assert_officer_message(err)


def test_every_single_bit_flip_of_a_key_file_is_detected(vault_dir: Path) -> None:
    """Exhaustive: no one-bit change of the key file parses as a key file."""
    data = (vault_dir / KEY).read_bytes()
    kf.loads(data)  # the intact file parses
    for i in range(len(data)):
        for bit in range(8):
            damaged = bytearray(data)
            damaged[i] ^= 1 << bit
            with pytest.raises((ValueError, KeyError, TypeError)):
                kf.loads(bytes(damaged))


def test_key_file_from_the_future(vault_dir: Path) -> None:
    for name in kf.KEYFILE_NAMES:
        doc = json.loads((vault_dir / name).read_text())
        doc.pop("checksum")
        doc["format_version"] = kf.FORMAT_VERSION + 1
        doc["checksum"] = "sha256:" + hashlib.sha256(kf._canonical(doc)).hexdigest()
        (vault_dir / name).write_text(json.dumps(doc))
    before = (vault_dir / KEY).read_bytes()
    err = _unlock_error(vault_dir)
    assert type(err) is VaultTooNew
    assert_officer_message(err)
    assert (vault_dir / KEY).read_bytes() == before  # not "repaired" into the old format


# --- database ------------------------------------------------------------------------------------


def _db_bitflip(offset: int) -> Callable[[Path], None]:
    return lambda p: flip_bit(p, offset, 5)


def _db_truncate(length: int | None) -> Callable[[Path], None]:
    def do(p: Path) -> None:
        data = p.read_bytes()
        p.write_bytes(data[: length if length is not None else len(data) // 2])

    return do


def _db_plaintext(p: Path) -> None:
    p.unlink()
    conn = sqlite3.connect(p)
    conn.execute("CREATE TABLE vault_meta(key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("INSERT INTO vault_meta VALUES ('vault_id', 'x')")
    conn.commit()
    conn.close()


DB_DAMAGE: dict[str, Callable[[Path], None]] = {
    "page1-salt-bitflip": _db_bitflip(3),
    "page1-content-bitflip": _db_bitflip(200),
    "page1-hmac-bitflip": _db_bitflip(PAGE - 10),
    "truncated-in-page1": _db_truncate(1000),
    "truncated-to-one-page": _db_truncate(PAGE),
    "truncated-to-half": _db_truncate(None),
    "truncated-by-one-page": lambda p: p.write_bytes(p.read_bytes()[:-PAGE]),
    # an interrupted copy stops anywhere, usually not at a page boundary
    "truncated-by-one-byte": lambda p: p.write_bytes(p.read_bytes()[:-1]),
    "truncated-mid-last-page": lambda p: p.write_bytes(p.read_bytes()[: -PAGE // 2]),
    "plaintext-sqlite": _db_plaintext,
    "zero-bytes": lambda p: p.write_bytes(b""),
    "random-bytes": lambda p: p.write_bytes(bytes(range(256)) * 64),
    "missing": lambda p: p.unlink(),
}


@pytest.mark.parametrize("damage", sorted(DB_DAMAGE))
def test_damaged_database(vault_dir: Path, damage: str) -> None:
    db = vault_dir / "vault.db"
    DB_DAMAGE[damage](db)
    err = _unlock_error(vault_dir)
    assert type(err) is DatabaseDamaged, repr(err)
    assert_officer_message(err)


def test_damage_in_a_later_page_is_found_by_integrity_check(vault: Vault) -> None:
    # fill the file with data pages, then damage one near the end (not needed to unlock)
    with vault.write() as conn:
        conn.exec_driver_sql("CREATE TABLE filler(id INTEGER PRIMARY KEY, body TEXT)")
        conn.exec_driver_sql(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) "
            "INSERT INTO filler(body) SELECT printf('%0500d', i) FROM n"
        )
    assert vault.integrity_check() == []
    folder = vault.folder
    vault.lock()
    db = folder / "vault.db"
    pages = db.stat().st_size // PAGE
    flip_bit(db, (pages - 2) * PAGE + 1234, 2)

    damaged = Vault.unlock(folder, PASSPHRASE)  # page 1 and the schema are fine
    try:
        problems = damaged.integrity_check()
        assert problems, "a flipped bit in a data page went unnoticed"
        assert any(str(pages - 1) in p for p in problems), problems  # names the page (1-based)
    finally:
        damaged.lock()


def test_database_with_unknown_schema_revision(vault_dir: Path) -> None:
    vault = Vault.unlock(vault_dir, PASSPHRASE)
    dek = vault.dek
    vault.lock()
    conn = connect_raw(vault_dir / "vault.db", dek)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
    conn.commit()
    conn.close()

    err = _unlock_error(vault_dir)
    assert type(err) is VaultTooNew
    assert_officer_message(err)
    conn = connect_raw(vault_dir / "vault.db", dek)
    try:  # refused, not opened half-understood: nothing was migrated or written
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("ffff",)]
    finally:
        conn.close()


def test_key_file_of_another_vault(vault_dir: Path, tmp_path: Path) -> None:
    """A key file of a different vault beside this database: the passphrase unwraps its data
    key, which does not open this database, so the app cannot tell it from a damaged database
    (SQLCipher page 1 fails its HMAC either way): DatabaseDamaged."""
    from tests.conftest import FAST_ARGON2, PROFILE

    other, _ = Vault.create(tmp_path / "other", PASSPHRASE, PROFILE, argon2=FAST_ARGON2)
    other.lock()
    for name in kf.KEYFILE_NAMES:
        (vault_dir / name).write_bytes((tmp_path / "other" / name).read_bytes())
    err = _unlock_error(vault_dir)
    assert type(err) is DatabaseDamaged
    assert_officer_message(err)


def test_not_found_is_not_one_of_the_three(tmp_path: Path) -> None:
    err = _unlock_error(tmp_path)
    assert type(err) is VaultNotFound
    assert_officer_message(err)


def test_vault_meta_id_must_match_key_file(vault_dir: Path) -> None:
    """A database whose stored vault id differs from the key file's (e.g. a key file from a
    copy of the vault made before a re-key... or a tampered meta row) is a key-file problem."""
    vault = Vault.unlock(vault_dir, PASSPHRASE)
    dek = vault.dek
    with vault.write() as conn:
        conn.execute(text("UPDATE vault_meta SET value = 'someone-else' WHERE key = 'vault_id'"))
    vault.lock()
    err = _unlock_error(vault_dir)
    assert type(err) is KeyFileError
    assert_officer_message(err)
    assert connect_raw(vault_dir / "vault.db", dek)  # the data key itself still opens it
