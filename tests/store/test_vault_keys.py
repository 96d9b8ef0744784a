"""Passphrase change, recovery key, passphrase policy, full re-key (DESIGN §3)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pp_desktop.services import Services, records
from pp_desktop.store import (
    DatabaseDamaged,
    Vault,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from pp_desktop.store import keyfile as kf
from pp_desktop.store.engine import SQLITE_PLAIN_HEADER, DBError, connect_raw
from pp_desktop.store.passphrase_policy import check_passphrase, policy_problem
from tests.conftest import PASSPHRASE, TODAY
from tests.store.vaulttest_helpers import assert_officer_message, seizure_digest

NEW_PASSPHRASE = "plinth marzipan violet ossuary"
OTHER_PASSPHRASE = "gravel lantern osprey quorum"
KEY, BAK = kf.KEYFILE_NAMES


def _add_data(vault: Vault, n: int = 5) -> tuple[int, str]:
    ctx = Services(vault, today=lambda: TODAY)
    for i in range(n):
        records.create(
            ctx,
            "seizure",
            {
                "seized_on": "2026-05-0" + str(i + 1),
                "country": "TJK",
                "drug": "HEROIN",
                "quantity": 2.5 + i,
                "unit": "KG",
                "place": "Nizhny Pyanj",
                "notes": f"key test record {i}",
            },
        )
    with vault.read() as conn:
        return seizure_digest(conn)


def _digest(folder: Path, passphrase: str) -> tuple[int, str]:
    vault = Vault.unlock(folder, passphrase)
    try:
        assert vault.integrity_check() == []
        with vault.read() as conn:
            return seizure_digest(conn)
    finally:
        vault.lock()


def _generation(folder: Path, name: str = KEY) -> int:
    return int(json.loads((folder / name).read_text())["generation"])


# --- passphrase policy -------------------------------------------------------------------------


@pytest.mark.parametrize("weak", ["", "short", "elevenchars", "password1234", "qwertyuiop123"])
def test_policy_refuses_short_and_common(weak: str) -> None:
    assert policy_problem(weak)
    with pytest.raises(WeakPassphrase) as info:
        check_passphrase(weak)
    assert_officer_message(info.value)


def test_policy_length_message_names_the_minimum() -> None:
    assert "12" in (policy_problem("Zq7#pLm2!x") or "")


@pytest.mark.parametrize(
    "good", [NEW_PASSPHRASE, OTHER_PASSPHRASE, "Tashkent-Dushanbe 2026 ferry!"]
)
def test_policy_accepts_a_good_passphrase(good: str) -> None:
    assert policy_problem(good) is None
    check_passphrase(good)


# --- passphrase change -------------------------------------------------------------------------


def test_change_passphrase(vault_dir: Path, recovery_key: str) -> None:
    vault = Vault.unlock(vault_dir, PASSPHRASE)
    digest = _add_data(vault)
    gen = _generation(vault_dir)
    dek = vault.dek
    vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    assert vault.dek == dek  # a re-wrap, not a re-key
    with vault.read() as conn:  # the open vault keeps working
        assert seizure_digest(conn) == digest
    vault.lock()

    assert _generation(vault_dir) == gen + 1
    assert (vault_dir / KEY).read_bytes() == (vault_dir / BAK).read_bytes()  # both copies
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, PASSPHRASE)
    assert _digest(vault_dir, NEW_PASSPHRASE) == digest
    # the backup copy alone carries the new passphrase too
    (vault_dir / KEY).unlink()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, PASSPHRASE)
    assert _digest(vault_dir, NEW_PASSPHRASE) == digest
    # the recovery key stays valid
    Vault.recover(vault_dir, recovery_key, OTHER_PASSPHRASE).lock()
    assert _digest(vault_dir, OTHER_PASSPHRASE) == digest


def test_change_passphrase_refusals_change_nothing(vault: Vault) -> None:
    before = (vault.folder / KEY).read_bytes()
    with pytest.raises(WrongPassphrase):
        vault.change_passphrase("not the passphrase at all", NEW_PASSPHRASE)
    with pytest.raises(WeakPassphrase):
        vault.change_passphrase(PASSPHRASE, "password1234")
    assert (vault.folder / KEY).read_bytes() == before


# --- recovery ----------------------------------------------------------------------------------


def test_recover_sets_a_new_passphrase(vault_dir: Path, recovery_key: str) -> None:
    vault = Vault.unlock(vault_dir, PASSPHRASE)
    digest = _add_data(vault)
    vault.lock()

    recovered = Vault.recover(vault_dir, recovery_key, NEW_PASSPHRASE)
    try:
        with recovered.read() as conn:  # returned unlocked
            assert seizure_digest(conn) == digest
    finally:
        recovered.lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, PASSPHRASE)
    assert _digest(vault_dir, NEW_PASSPHRASE) == digest


@pytest.mark.parametrize(
    "typed",
    [
        lambda k: k.lower().replace("-", ""),
        lambda k: " ".join(k.split("-")),
        lambda k: f"  {k.lower()}\n",
    ],
    ids=["lowercase-no-dashes", "spaces", "padded-lowercase"],
)
def test_recovery_key_as_typed(vault_dir: Path, recovery_key: str, typed: object) -> None:
    Vault.recover(vault_dir, typed(recovery_key), NEW_PASSPHRASE).lock()  # type: ignore[operator]
    Vault.unlock(vault_dir, NEW_PASSPHRASE).lock()


def test_wrong_recovery_key(vault_dir: Path, recovery_key: str) -> None:
    before = (vault_dir / KEY).read_bytes()
    other = kf.new_recovery_key()
    assert other != recovery_key
    for wrong in (
        other,
        "ABCD-EFGH",
        recovery_key[:-1] + ("A" if recovery_key[-1] != "A" else "B"),
    ):
        with pytest.raises(WrongRecoveryKey) as info:
            Vault.recover(vault_dir, wrong, NEW_PASSPHRASE)
        assert_officer_message(info.value)
    assert (vault_dir / KEY).read_bytes() == before
    Vault.unlock(vault_dir, PASSPHRASE).lock()


def test_recover_refuses_a_weak_new_passphrase(vault_dir: Path, recovery_key: str) -> None:
    with pytest.raises(WeakPassphrase):
        Vault.recover(vault_dir, recovery_key, "qwertyuiop123")
    Vault.unlock(vault_dir, PASSPHRASE).lock()


# --- full re-key -------------------------------------------------------------------------------


def test_full_rekey(vault_dir: Path, recovery_key: str, tmp_path: Path) -> None:
    vault = Vault.unlock(vault_dir, PASSPHRASE)
    digest = _add_data(vault)
    old_dek = vault.dek
    old_keyfile = (vault_dir / KEY).read_bytes()
    old_copy = tmp_path / "before-rekey"
    shutil.copytree(vault_dir, old_copy)  # what an old backup holds
    shown: list[str] = []

    vault.rekey(PASSPHRASE, shown.append)
    assert len(shown) == 1 and shown[0] != recovery_key
    new_recovery = shown[0]
    assert vault.dek != old_dek
    with vault.read() as conn:  # the open vault keeps working under the new key
        assert seizure_digest(conn) == digest
    assert vault.integrity_check() == []
    vault.lock()

    # the database is re-encrypted: the old data key opens nothing, the file is still encrypted
    with pytest.raises(DBError):
        connect_raw(vault_dir / "vault.db", old_dek).close()
    assert (vault_dir / "vault.db").read_bytes()[:16] != SQLITE_PLAIN_HEADER
    keys = kf.read_keyfile(vault_dir)
    assert keys.pending is None
    assert keys.current.key_id != kf.loads(old_keyfile).current.key_id
    assert (vault_dir / KEY).read_bytes() == (vault_dir / BAK).read_bytes()

    # same passphrase, data intact
    assert _digest(vault_dir, PASSPHRASE) == digest

    # an old key file (from a backup) beside the re-keyed database: the passphrase unwraps the
    # OLD data key, which cannot open the database any more -> DatabaseDamaged
    stale = tmp_path / "stale"
    shutil.copytree(vault_dir, stale)
    for name in kf.KEYFILE_NAMES:
        (stale / name).write_bytes(old_keyfile)
    with pytest.raises(DatabaseDamaged):
        Vault.unlock(stale, PASSPHRASE)
    # ...and the old backup as a whole still opens with its own key file (it is a snapshot)
    assert _digest(old_copy, PASSPHRASE) == digest

    # recovery keys: the old one is dead, the new one works
    with pytest.raises(WrongRecoveryKey):
        Vault.recover(vault_dir, recovery_key, NEW_PASSPHRASE)
    Vault.recover(vault_dir, new_recovery, NEW_PASSPHRASE).lock()
    assert _digest(vault_dir, NEW_PASSPHRASE) == digest


def test_rekey_refusals_change_nothing(vault: Vault, recovery_key: str) -> None:
    folder = vault.folder
    before = (folder / KEY).read_bytes()
    dek = vault.dek
    with pytest.raises(WrongPassphrase):
        vault.rekey("not the passphrase at all", lambda k: None)

    def cancel(_key: str) -> None:
        raise KeyboardInterrupt  # the officer closed the dialog showing the new recovery key

    with pytest.raises(KeyboardInterrupt):
        vault.rekey(PASSPHRASE, cancel)
    assert (folder / KEY).read_bytes() == before
    assert vault.dek == dek
    vault.lock()
    Vault.recover(folder, recovery_key, NEW_PASSPHRASE).lock()


def test_two_rekeys_in_a_row(vault: Vault) -> None:
    digest = _add_data(vault, 2)
    keys: list[str] = []
    vault.rekey(PASSPHRASE, keys.append)
    vault.rekey(PASSPHRASE, keys.append)
    folder = vault.folder
    vault.lock()
    assert len(set(keys)) == 2
    assert _digest(folder, PASSPHRASE) == digest
    with pytest.raises(WrongRecoveryKey):
        Vault.recover(folder, keys[0], NEW_PASSPHRASE)
    Vault.recover(folder, keys[1], NEW_PASSPHRASE).lock()
