"""A vault restored from an old backup reconciles with HQ before it sends (DESIGN §5)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from pp_desktop.services import Services
from pp_desktop.services import records as rec
from pp_desktop.store import Vault
from pp_desktop.store.backup import backup, restore
from pp_desktop.sync.state import NeedsReconcile, status
from pp_hq.context import Hq
from pp_hq.exchange import exchange_folder
from pp_hq.stats import live_counts
from tests.hq.fixtures import *  # noqa: F403 (the real HQ, folder and device fixtures)
from tests.hq.helpers import PASSPHRASE, TODAY, Device, hq_scalar, hq_table, seizure, sync_round


def test_restored_vault_reconciles_and_hq_has_every_record_once(
    hq: Hq, usb: Path, alpha: Device, tmp_path: Path
) -> None:
    sync_round(hq, usb, alpha)
    before_backup = [seizure(alpha.ctx, quantity=float(q)) for q in (1, 2)]
    sync_round(hq, usb, alpha)  # HQ has bundle 2
    unsent_at_backup = seizure(alpha.ctx, quantity=3.0)  # journalled, not yet exported
    backup(alpha.vault, tmp_path / "backup")
    after_backup = [seizure(alpha.ctx, quantity=float(q)) for q in (4, 5)]
    rec.update(alpha.ctx, "seizure", before_backup[0], {"quantity": 1.5})
    sync_round(hq, usb, alpha)  # HQ has bundle 3: seizures 3, 4, 5 and the edit
    assert live_counts(hq)["seizures"] == 5

    # the laptop dies; the officer restores the old backup and goes on working
    alpha.vault.lock()
    shutil.rmtree(alpha.folder)
    restore(tmp_path / "backup", alpha.folder)
    alpha.vault = Vault.unlock(alpha.folder, PASSPHRASE)
    alpha.ctx = Services(alpha.vault, today=lambda: TODAY)
    assert status(alpha.ctx)["needs_reconcile"] is True
    new_after_restore = seizure(alpha.ctx, quantity=6.0)
    with pytest.raises(NeedsReconcile):  # never reuse a sequence number silently
        alpha.export(usb)

    got = alpha.import_(usb)  # HQ's latest bundles carry its state for this device
    assert not got.rejected
    s = status(alpha.ctx)
    assert s["needs_reconcile"] is False and s["last_sent_seq"] == 3
    written = alpha.export(usb)
    assert written.new_bundles == [4]  # continues after HQ's last, chained to its hash
    report = exchange_folder(hq, usb)
    assert not report.rejected
    assert {r.seq: r.status for r in report.received}[4] == "applied"

    expected = {*before_backup, unsent_at_backup, *after_backup, new_after_restore}
    ids = [r[0] for r in hq_table(hq, "seizure")]
    assert sorted(ids) == sorted(expected)  # every record exactly once
    assert live_counts(hq)["seizures"] == 6
    # the edit made after the backup is not undone by the re-sent older change
    quantity = hq_scalar(hq, "SELECT quantity FROM seizure WHERE id = :i", i=before_backup[0])
    assert quantity == 1.5
    alpha.import_(usb)
    assert status(alpha.ctx)["pending"] == 0
    with alpha.ctx.reading() as conn:
        assert conn.execute(text("SELECT count(*) FROM seizure")).scalar() == 4


def test_restored_vault_reconciles_from_hqs_latest_bundle_alone(
    hq: Hq, usb: Path, alpha: Device, tmp_path: Path
) -> None:
    sync_round(hq, usb, alpha)
    backup(alpha.vault, tmp_path / "backup")
    made = [seizure(alpha.ctx, quantity=float(q)) for q in (1, 2, 3)]
    for _ in range(2):  # several exchanges after the backup: HQ's bundles 2.. for alpha
        sync_round(hq, usb, alpha)
        made.append(seizure(alpha.ctx))
    sync_round(hq, usb, alpha)
    alpha.vault.lock()
    shutil.rmtree(alpha.folder)
    restore(tmp_path / "backup", alpha.folder)
    alpha.reopen()
    stick = tmp_path / "stick"
    stick.mkdir()
    downs = sorted(
        usb.glob(f"hq-{alpha.device_id}-*.age"), key=lambda p: int(p.stem.rsplit("-", 1)[1])
    )
    newest = downs[-1]
    for f in (newest, Path(f"{newest}.minisig")):
        shutil.copy(f, stick / f.name)
    got = alpha.import_(stick)  # the bundles before it are gone: a reconciling vault goes on
    assert [r.status for r in got.results] == ["applied"] and not got.rejected
    assert status(alpha.ctx)["needs_reconcile"] is False
    extra = seizure(alpha.ctx, quantity=9.0)
    alpha.export(stick)
    assert not exchange_folder(hq, stick).rejected
    assert sorted(r[0] for r in hq_table(hq, "seizure")) == sorted([*made, extra])
