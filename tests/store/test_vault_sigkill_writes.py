"""A SIGKILL during writes loses no committed record (WAL, synchronous=NORMAL; DESIGN §3)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from sqlalchemy import text

from pp_desktop.services.ledger import verify_chain
from pp_desktop.store import Vault
from tests.conftest import PASSPHRASE
from tests.store.vaulttest_helpers import start_child


@pytest.mark.parametrize("after", [1, 37, 150])
def test_sigkill_during_writes_keeps_every_committed_record(vault_dir: Path, after: int) -> None:
    proc = start_child("write", str(vault_dir), passphrase=PASSPHRASE)
    assert proc.stdout is not None
    committed: list[str] = []
    for line in proc.stdout:
        if line.startswith("ID "):
            committed.append(line.split()[1])
            if len(committed) == after:
                os.kill(proc.pid, signal.SIGKILL)  # the child is already in its next write
                break
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL, err
    assert len(committed) == after, err
    assert (vault_dir / "vault.db-wal").exists()  # it died with the vault open

    vault = Vault.unlock(vault_dir, PASSPHRASE)
    try:
        with vault.read() as conn:
            stored = {
                r[0]: r[1]
                for r in conn.execute(
                    text("SELECT id, notes FROM seizure WHERE notes LIKE 'crash test record %'")
                )
            }
            missing = [rid for rid in committed if rid not in stored]
            assert missing == []
            # at most the one transaction in flight may also have landed
            assert len(stored) - len(committed) in (0, 1)
            # every record came with its audit and journal entries, and the chain is whole
            journaled = {r[0] for r in conn.execute(text("SELECT entity_id FROM sync_journal"))}
            assert set(stored) <= journaled
            report = verify_chain(conn)
            assert report.ok, report
            assert report.entries >= len(stored)
        assert vault.integrity_check() == []
    finally:
        vault.lock()
