"""A full re-key interrupted at any point loses nothing: the vault opens with the passphrase, every
row is there, and a re-key that was rolled forward answers to the NEW recovery key (DESIGN §3).

The re-key runs in a child process (tests/store/vault_child.py) that dies either at one of
``Vault.rekey``'s ``_crash_at`` steps (``os._exit(77)``) or by SIGKILL at a moment spread over
the re-key of a 50,000-row vault, so that it lands inside ``PRAGMA rekey`` and the checkpoints.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from pp_desktop.services import Services, records
from pp_desktop.store import Vault, WrongRecoveryKey
from pp_desktop.store import keyfile as kf
from pp_desktop.store.engine import DBError, connect_raw
from tests.conftest import FAST_ARGON2, PASSPHRASE, PROFILE, TODAY
from tests.store.vaulttest_helpers import run_child, seizure_digest, start_child

NEW_PASSPHRASE = "plinth marzipan violet ossuary"


def _recovery_line(out: str) -> str:
    keys = [line.split(" ", 1)[1] for line in out.splitlines() if line.startswith("RECOVERY ")]
    assert len(keys) == 1, out
    return keys[0]


def _opens_with(db: Path, dek: bytes) -> bool:
    try:
        connect_raw(db, dek).close()
    except DBError:
        return False
    return True


def _check_after_crash(
    folder: Path,
    digest: tuple[int, str],
    old_key_id: str,
    old_recovery: str,
    new_recovery: str | None,
) -> str:
    """Unlock, compare every row, check the recovery keys; returns "forward" or "back"."""
    vault = Vault.unlock(folder, PASSPHRASE)
    try:
        with vault.read() as conn:
            assert seizure_digest(conn) == digest
        assert vault.integrity_check() == []
    finally:
        vault.lock()
    keys = kf.read_keyfile(folder)
    assert keys.pending is None  # finished, one way or the other
    assert (folder / "vault.key").read_bytes() == (folder / "vault.key.bak").read_bytes()
    rolled_forward = keys.current.key_id != old_key_id
    if rolled_forward:
        assert new_recovery is not None
        with pytest.raises(WrongRecoveryKey):
            Vault.recover(folder, old_recovery, NEW_PASSPHRASE)
        Vault.recover(folder, new_recovery, NEW_PASSPHRASE).lock()
    else:
        if new_recovery is not None:
            with pytest.raises(WrongRecoveryKey):
                Vault.recover(folder, new_recovery, NEW_PASSPHRASE)
        Vault.recover(folder, old_recovery, NEW_PASSPHRASE).lock()
    return "forward" if rolled_forward else "back"


def _fill_through_services(folder: Path, n: int = 20) -> tuple[int, str]:
    vault = Vault.unlock(folder, PASSPHRASE)
    try:
        ctx = Services(vault, today=lambda: TODAY)
        for i in range(n):
            records.create(
                ctx,
                "seizure",
                {
                    "seized_on": "2026-02-14",
                    "country": "AFG",
                    "drug": "OPIUM",
                    "quantity": 10.0 + i,
                    "unit": "KG",
                    "notes": f"rekey crash record {i}",
                },
            )
        with vault.read() as conn:
            return seizure_digest(conn)
    finally:
        vault.lock()


# --- the _crash_at steps -------------------------------------------------------------------------


@pytest.mark.parametrize("crash_at", ["after-pending-written", "after-database-rekeyed"])
def test_rekey_interrupted_at_step(vault_dir: Path, recovery_key: str, crash_at: str) -> None:
    digest = _fill_through_services(vault_dir)
    old_key_id = kf.read_keyfile(vault_dir).current.key_id
    vault = Vault.unlock(vault_dir, PASSPHRASE)
    old_dek = vault.dek
    vault.lock()

    rc, out, err = run_child("rekey", str(vault_dir), crash_at, passphrase=PASSPHRASE)
    assert rc == 77, err  # died at the step, without cleanup
    assert "DONE" not in out
    new_recovery = _recovery_line(out)

    staged = kf.read_keyfile(vault_dir, repair=False)
    assert staged.pending is not None  # the next key set was written first
    assert staged.current.key_id == old_key_id
    db = vault_dir / "vault.db"
    assert _opens_with(db, old_dek) is (crash_at == "after-pending-written")

    assert _check_after_crash(vault_dir, digest, old_key_id, recovery_key, new_recovery) == (
        "forward"
    )


@pytest.mark.parametrize("crash_at", ["after-pending-written", "after-database-rekeyed"])
def test_recover_after_interrupted_rekey(vault_dir: Path, recovery_key: str, crash_at: str) -> None:
    """The officer forgot the passphrase AND the re-key was interrupted: the recovery key must
    still open the vault. Before the database is re-encrypted, the key that opens the database
    is the OLD one (whose recovery key the officer has on paper); after it, the NEW one (which
    was shown before anything was written)."""
    digest = _fill_through_services(vault_dir, 5)
    rc, out, err = run_child("rekey", str(vault_dir), crash_at, passphrase=PASSPHRASE)
    assert rc == 77, err
    new_recovery = _recovery_line(out)
    usable = recovery_key if crash_at == "after-pending-written" else new_recovery

    vault = Vault.recover(vault_dir, usable, NEW_PASSPHRASE)
    try:
        with vault.read() as conn:
            assert seizure_digest(conn) == digest
    finally:
        vault.lock()
    assert kf.read_keyfile(vault_dir).pending is None
    Vault.unlock(vault_dir, NEW_PASSPHRASE).lock()


def test_during_rekey_hook_does_not_crash(vault_dir: Path) -> None:
    """Documents the ``during-rekey`` hook: it only shrinks the page cache so that the re-key
    spills pages to the WAL before it commits; it does not stop the process. The SIGKILL tests
    below are the real mid-rekey crash tests (and use the hook for their spilling variant)."""
    digest = _fill_through_services(vault_dir, 3)
    rc, out, err = run_child("rekey", str(vault_dir), "during-rekey", passphrase=PASSPHRASE)
    assert rc == 0, err
    assert "DONE" in out
    new_recovery = _recovery_line(out)
    Vault.recover(vault_dir, new_recovery, NEW_PASSPHRASE).lock()
    vault = Vault.unlock(vault_dir, NEW_PASSPHRASE)
    try:
        with vault.read() as conn:
            assert seizure_digest(conn) == digest
    finally:
        vault.lock()


# --- SIGKILL at random moments during the re-key of a big vault ----------------------------------

BIG_ROWS = 50_000


@pytest.fixture(scope="module")
def big_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, bytes, str]:
    """A vault with 50,000 seizures (~40 MB): (folder, recovery key, data key, key id)."""
    folder = tmp_path_factory.mktemp("bigvault") / "vault"
    vault, recovery = Vault.create(folder, PASSPHRASE, PROFILE, argon2=FAST_ARGON2)
    cols = (
        "id, version, hlc, origin_device, created_at, created_by, updated_at, updated_by, "
        "seized_on, country, province, place, site_type, agency, drug, quantity_known, quantity, "
        "unit, kg_equivalent, transport_mode, concealment, origin_country, departure_country, "
        "transit_countries, destination_country, nationalities, source_ref, confidentiality, "
        "notes"
    )
    rng = random.Random(20261128)
    rows = [
        (
            str(uuid.UUID(int=rng.getrandbits(128))),
            1,
            f"{i:013d}-00000-dev",
            "dev",
            "2026-01-01T00:00:00.000+00:00",
            "Test Officer",
            "2026-01-01T00:00:00.000+00:00",
            "Test Officer",
            f"202{i % 6}-0{1 + i % 9}-1{i % 10}",
            "TJK",
            "",
            f"checkpoint {i % 97}",
            "NOT_KNOWN",
            "",
            "HEROIN",
            1,
            round(rng.uniform(0.01, 900), 3),
            "KG",
            None,
            "NOT_KNOWN",
            "NOT_KNOWN",
            "AFG",
            "",
            "",
            "RUS",
            "",
            f"case {i}",
            "NORMAL",
            f"row {i} " + "".join(rng.choice("abcdefghij ") for _ in range(120)),
        )
        for i in range(BIG_ROWS)
    ]
    with vault.write() as conn:
        conn.exec_driver_sql(f"INSERT INTO seizure ({cols}) VALUES ({', '.join('?' * 29)})", rows)
    dek = vault.dek
    vault.lock()
    return folder, recovery, dek, kf.read_keyfile(folder).current.key_id


def _digest_of(folder: Path, dek: bytes) -> tuple[int, str]:
    conn = connect_raw(folder / "vault.db", dek)
    try:
        return seizure_digest(conn)
    finally:
        conn.close()


def _timed_full_rekey(folder: Path, mode: str) -> float:
    """Seconds from the recovery key being shown to the end of a complete re-key."""
    proc = start_child("rekey", str(folder), mode, passphrase=PASSPHRASE)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("RECOVERY "):
            t0 = time.monotonic()
        if line.startswith("DONE"):
            elapsed = time.monotonic() - t0
            break
    else:
        raise AssertionError(proc.stderr.read() if proc.stderr else "no DONE")
    proc.wait(timeout=60)
    return elapsed


def _kill_during_rekey(folder: Path, mode: str, delay: float) -> tuple[str, bool]:
    """SIGKILL the re-keying child ``delay`` s after it showed the key; (new key, finished?)."""
    proc = start_child("rekey", str(folder), mode, passphrase=PASSPHRASE)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    while line and not line.startswith("RECOVERY "):
        line = proc.stdout.readline()
    assert line, proc.stderr.read() if proc.stderr else ""
    new_recovery = line.split(" ", 1)[1].strip()
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    rest, _ = proc.communicate(timeout=60)
    return new_recovery, "DONE" in rest


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["-", "during-rekey"], ids=["default-cache", "spilling-cache"])
def test_sigkill_during_rekey(
    big_vault: tuple[Path, str, bytes, str], tmp_path: Path, mode: str
) -> None:
    template, old_recovery, old_dek, old_key_id = big_vault
    digest = _digest_of(template, old_dek)
    assert digest[0] == BIG_ROWS

    calib = tmp_path / "calibration"
    shutil.copytree(template, calib)
    window = _timed_full_rekey(calib, mode)
    shutil.rmtree(calib)

    seed = int(os.environ.get("PP_TEST_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    fractions = [0.02, 0.25, 0.5, 0.7, 0.9, rng.random()]
    outcomes = []
    for n, frac in enumerate(fractions):
        folder = tmp_path / f"kill{n}"
        shutil.copytree(template, folder)
        new_recovery, finished = _kill_during_rekey(folder, mode, frac * window)
        staged = kf.read_keyfile(folder, repair=False)
        state = (
            "finished"
            if finished
            else "key-file-pending"
            if staged.pending is not None
            else "key-file-promoted"
            if staged.current.key_id != old_key_id
            else "before-pending"
        )
        if state == "key-file-pending":
            state += "/db-old-key" if _opens_with(folder / "vault.db", old_dek) else "/db-new-key"
        way = _check_after_crash(folder, digest, old_key_id, old_recovery, new_recovery)
        outcomes.append((round(frac * window, 3), state, way))
        shutil.rmtree(folder)
    print(f"seed={seed} window={window:.3f}s outcomes={outcomes}")
    # the kills really landed inside the re-key, not only before or after it
    assert any(state.startswith("key-file-pending") for _, state, _ in outcomes), outcomes


@pytest.mark.slow
def test_big_vault_fixture_is_plausible(big_vault: tuple[Path, str, bytes, str]) -> None:
    folder, _, dek, _ = big_vault
    assert (folder / "vault.db").stat().st_size > 20 * 1024 * 1024  # re-key takes a while
    vault = Vault.unlock(folder, PASSPHRASE)
    try:
        with vault.read() as conn:
            n = conn.execute(text("SELECT count(*) FROM seizure")).scalar()
        assert n == BIG_ROWS
    finally:
        vault.lock()
    assert _digest_of(folder, dek)[0] == BIG_ROWS
