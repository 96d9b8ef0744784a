"""The Sync page over real vaults, a real HQ in a temp folder (folder route) and a real uvicorn
HQ (Sync now): enrolment with the fingerprint confirmed first, export and import through a
folder, Sync now against a live HQ, an unreachable HQ, cancel, the periodic-sync setting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from pp_desktop.services import Services
from pp_desktop.store import Vault
from pp_desktop.sync.state import status
from pp_desktop.sync.trust import RootDocument
from pp_desktop.ui.background import TaskCancelled, TaskControl
from pp_desktop.ui.main_window import MainWindow
from pp_desktop.ui.session import Session
from pp_desktop.ui.sync import work
from pp_desktop.ui.sync.enrol_dialog import EnrolDialog
from pp_desktop.ui.sync.sync_page import PERIODIC_KEY, SyncPage
from pp_hq.context import Hq
from pp_hq.exchange import exchange_folder
from pp_hq.registry import add_device
from tests.hq.helpers import Device, new_vault, seizure
from tests.hq_http.server import HqServer, free_port
from tests.ui.sync_fixtures import *  # noqa: F403 (hq_home, stick, alpha, bravo)
from tests.ui.sync_fixtures import scalar

WAIT_MS = 30_000


def root_fingerprint(hq: Hq) -> str:
    """HQ's root fingerprint read from its home (not through the app's enrolment code)."""
    return RootDocument.from_json((hq.home / "root.json").read_text(encoding="utf-8")).fingerprint()


def _page(qtbot: QtBot, vault: Vault, ctx: Services) -> SyncPage:
    page = SyncPage(Session(vault, ctx))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.refresh()
    return page


def _wait_refreshed(qtbot: QtBot, page: SyncPage, work_done: Any) -> list[Any]:
    """Wait for a command to finish and the page to show the vault as it is afterwards."""
    with qtbot.waitSignal(page.finishedWork, timeout=WAIT_MS) as finished:
        work_done()
    qtbot.waitUntil(lambda: page.task is None, timeout=WAIT_MS)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.refresh()
    return list(finished.args or [])


def _enrol_through_dialog(qtbot: QtBot, page: SyncPage, enrol_file: Path, hq: Hq) -> EnrolDialog:
    page.enrol_from_file(enrol_file)
    qtbot.waitUntil(lambda: isinstance(page.dialog, EnrolDialog), timeout=WAIT_MS)
    dialog = page.dialog
    assert isinstance(dialog, EnrolDialog)
    assert dialog.fingerprint.text() == root_fingerprint(hq)
    # nothing is written before the officer confirmed the fingerprint
    assert not status(page.session.ctx)["enrolled"]
    assert not dialog.enrol_button.isEnabled()
    dialog.accept()  # Enter without the confirmation does nothing
    assert dialog.isVisible()
    dialog.confirmed.setChecked(True)
    assert dialog.enrol_button.isEnabled()
    with qtbot.waitSignal(page.finishedWork, timeout=WAIT_MS):
        dialog.enrol_button.click()
    return dialog


@pytest.fixture
def fresh(template_vault: tuple[Path, str], tmp_path: Path) -> Any:
    """A vault not enrolled yet (its own device id), locked after the test."""
    vault, ctx = new_vault(template_vault[0], tmp_path / "vault-fresh")
    yield vault, ctx
    if not vault.is_locked:
        vault.lock()


def test_enrol_from_file_shows_the_fingerprint_before_anything_is_written(
    qtbot: QtBot, hq_home: Hq, fresh: Any, tmp_path: Path
) -> None:
    vault, ctx = fresh
    enrol_file = tmp_path / "charlie.enrol"
    add_device(hq_home, "charlie", enrol_file)
    page = _page(qtbot, vault, ctx)
    assert page.values["enrolment"].text().startswith("Not enrolled")
    assert page.enrol_button.isEnabled()
    assert not page.export_button.isEnabled() and not page.sync_button.isEnabled()

    # cancelling the confirmation leaves the vault as it was
    page.enrol_from_file(enrol_file)
    qtbot.waitUntil(lambda: isinstance(page.dialog, EnrolDialog), timeout=WAIT_MS)
    assert isinstance(page.dialog, EnrolDialog)
    page.dialog.reject()
    assert not status(ctx)["enrolled"]
    assert scalar_ctx(ctx, "SELECT count(*) FROM sync_outbound") == 0

    _enrol_through_dialog(qtbot, page, enrol_file, hq_home)
    s = status(ctx)
    assert s["enrolled"] and s["root_fingerprint"] == root_fingerprint(hq_home)
    qtbot.waitUntil(lambda: page.task is None, timeout=WAIT_MS)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.refresh()
    assert page.values["enrolment"].text() == f"Enrolled as device {s['device_id']}"
    assert page.values["fingerprint"].text() == s["root_fingerprint"]
    assert not page.enrol_button.isEnabled() and page.export_button.isEnabled()
    assert page.history.rowCount() == 1  # the enrolment request, waiting for HQ
    assert "enrolment request" in page.history.item(0, 4).text()
    assert page.outcome is not None and page.outcome["ok"] is True


def test_a_damaged_enrolment_file_is_a_message_and_nothing_is_written(
    qtbot: QtBot, hq_home: Hq, fresh: Any, tmp_path: Path
) -> None:
    vault, ctx = fresh
    enrol_file = tmp_path / "delta.enrol"
    add_device(hq_home, "delta", enrol_file)
    raw = enrol_file.read_text(encoding="utf-8")
    enrol_file.write_text(raw.replace('"delta"', '"delta2"', 1), encoding="utf-8")
    page = _page(qtbot, vault, ctx)
    page.enrol_from_file(enrol_file)
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=WAIT_MS)
    box = page.dialog
    assert box.objectName() == "syncError"
    assert "enrolment file is damaged" in box.informativeText()
    box.close()
    assert not status(ctx)["enrolled"]
    assert page.outcome is not None and page.outcome["ok"] is False


def test_export_and_import_through_a_folder_update_the_status(
    qtbot: QtBot, hq_home: Hq, stick: Path, alpha: Device
) -> None:
    seizure(alpha.ctx, quantity=3.0)
    seizure(alpha.ctx, quantity=4.0)
    page = _page(qtbot, alpha.vault, alpha.ctx)
    assert page.values["pending"].text().startswith("2 records changed")
    assert page.values["last"].text().startswith("never")

    _wait_refreshed(qtbot, page, lambda: page.export_to_folder(stick))
    written = sorted(p.name for p in stick.glob("*.age"))
    assert len(written) == 2  # the enrolment request and the seizures
    assert page.outcome is not None and page.outcome["message"].endswith(": 2. Take them to HQ.")
    assert page.history.rowCount() == 2
    assert all("waiting" in page.history.item(r, 4).text() for r in range(2))

    report = exchange_folder(hq_home, stick)
    assert not report.rejected
    _wait_refreshed(qtbot, page, lambda: page.import_from_folder(stick))
    s = status(alpha.ctx)
    assert s["pending"] == 0 and s["last_receipt"]
    assert page.values["pending"].text().startswith("0 records changed")
    assert page.values["last"].text().endswith("(last receipt from HQ)")
    assert page.values["result"].text().startswith("Import from folder")
    assert "succeeded" in page.values["result"].text()
    texts = [page.history.item(r, 4).text() for r in range(page.history.rowCount())]
    assert sum(t.startswith("confirmed by HQ") for t in texts) == 2
    assert any(t.startswith("applied") for t in texts)
    # the status bar's "Last sync" reads what the import recorded
    assert scalar(alpha, "SELECT value FROM vault_meta WHERE key='last_sync'")


def test_a_refused_bundle_is_reported_and_applies_nothing(
    qtbot: QtBot, hq_home: Hq, stick: Path, alpha: Device
) -> None:
    seizure(alpha.ctx)
    alpha.export(stick)
    exchange_folder(hq_home, stick)
    for down in stick.glob("hq-*.age"):
        data = bytearray(down.read_bytes())
        data[-5] ^= 0xFF  # one byte flipped on the stick
        down.write_bytes(bytes(data))
    page = _page(qtbot, alpha.vault, alpha.ctx)
    _wait_refreshed(qtbot, page, lambda: page.import_from_folder(stick))
    assert page.outcome is not None and page.outcome["ok"] is False
    assert "Refused hq-" in page.outcome["message"]
    assert page.dialog is not None and page.dialog.objectName() == "syncError"
    page.dialog.close()
    assert status(alpha.ctx)["pending"] == 1  # nothing marked delivered


def test_cancel_between_bundles_applies_nothing_more(
    hq_home: Hq, stick: Path, alpha: Device
) -> None:
    seizure(alpha.ctx)
    alpha.export(stick)
    exchange_folder(hq_home, stick)
    control = TaskControl(lambda _f, _t: None)
    control.request_cancel()
    with pytest.raises(TaskCancelled):
        work.import_from_folder(alpha.ctx, stick, control)
    assert status(alpha.ctx)["last_received_seq"] == 0
    assert status(alpha.ctx)["pending"] == 1
    out = stick.parent / "second-stick"
    out.mkdir()
    with pytest.raises(TaskCancelled):
        work.export_to_folder(alpha.ctx, out, control)
    assert list(out.iterdir()) == []


def test_periodic_sync_setting_is_remembered_and_starts_the_timer(
    qtbot: QtBot, alpha: Device
) -> None:
    page = _page(qtbot, alpha.vault, alpha.ctx)
    assert not page.timer.isActive()
    page.period.setValue(20)
    page.periodic.setChecked(True)
    assert page.timer.isActive() and page.timer.interval() == 20 * 60_000
    assert int(str(QSettings().value(PERIODIC_KEY))) == 20
    again = _page(qtbot, alpha.vault, alpha.ctx)
    assert again.periodic.isChecked() and again.period.value() == 20
    page.periodic.setChecked(False)
    assert not page.timer.isActive() and int(str(QSettings().value(PERIODIC_KEY))) == 0


def scalar_ctx(ctx: Services, sql: str) -> Any:
    from sqlalchemy import text

    with ctx.reading() as conn:
        return conn.execute(text(sql)).scalar()


@pytest.mark.slow
def test_sync_now_against_a_live_local_hq_updates_the_status(
    qtbot: QtBot, tmp_path: Path, fresh: Any
) -> None:
    vault, ctx = fresh
    home = tmp_path / "hq-live"
    hq = Hq.init(home)
    server = HqServer(home, None, tmp_path / "hq-server.log")
    try:
        server.start()
        enrol_file = tmp_path / "echo.enrol"
        add_device(hq, "echo", enrol_file, server.url)
        window = MainWindow(Session(vault, ctx))
        qtbot.addWidget(window)
        window.show()
        page = window.sync.show_sync()
        qtbot.waitUntil(lambda: page.data is not None, timeout=WAIT_MS)
        _enrol_through_dialog(qtbot, page, enrol_file, hq)
        qtbot.waitUntil(lambda: page.task is None, timeout=WAIT_MS)
        seizure(ctx, quantity=12.0)

        action = window.findChild(QAction, "sync.now")
        assert action is not None and action.shortcut().toString() == "F9"
        with qtbot.waitSignal(page.finishedWork, timeout=WAIT_MS) as done:
            action.trigger()
        assert done.args == ["sync", True], page.outcome
        qtbot.waitUntil(lambda: page.task is None, timeout=WAIT_MS)
        with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
            page.refresh()
        assert page.values["hq"].text() == server.url
        assert page.values["pending"].text().startswith("0 records changed")
        assert "Sync now" in page.values["result"].text()
        assert "succeeded" in page.values["result"].text()
        assert window.status.sync_label.text() != "Last sync: never"
        assert window.status.online_label.text() == "Online"
        with hq.engine.connect() as conn:
            from sqlalchemy import text

            assert conn.execute(text("SELECT count(*) FROM seizure")).scalar() == 1

        # HQ goes away: a clear status, nothing lost, the next sync succeeds
        server.kill()
        seizure(ctx, quantity=13.0)
        with qtbot.waitSignal(page.finishedWork, timeout=60_000) as down:
            page.sync_now()
        assert down.args == ["sync", False]
        assert page.outcome is not None and "Nothing is lost" in page.outcome["message"]
        assert window.status.online_label.text() == "Offline"
        assert status(ctx)["pending"] == 1
        qtbot.waitUntil(lambda: page.task is None, timeout=WAIT_MS)
        server.start()
        with qtbot.waitSignal(page.finishedWork, timeout=WAIT_MS) as back:
            page.sync_now()
        assert back.args == ["sync", True]
        assert status(ctx)["pending"] == 0

        # the periodic tick: HQ answers its health check, a quiet sync runs in the status bar
        seizure(ctx, quantity=14.0)
        qtbot.waitUntil(lambda: page.task is None, timeout=WAIT_MS)
        with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
            page.refresh()
        with qtbot.waitSignal(page.taskStarted, timeout=WAIT_MS) as started:
            page.periodic_sync()
        assert window.status.task_indicator.task is started.args[0] or not started.args[0].running
        with qtbot.waitSignal(page.finishedWork, timeout=WAIT_MS) as quiet:
            pass
        assert quiet.args == ["sync", True]
        assert status(ctx)["pending"] == 0
    finally:
        server.kill()
        hq.dispose()


def test_sync_now_to_a_closed_port_says_hq_is_unreachable(qtbot: QtBot, alpha: Device) -> None:
    seizure(alpha.ctx)
    page = _page(qtbot, alpha.vault, alpha.ctx)
    before = status(alpha.ctx)
    url = f"http://127.0.0.1:{free_port()}"
    assert page.sync_now() is None  # enrolled by USB stick: HQ's address is asked first
    dialog = page.dialog
    assert isinstance(dialog, QInputDialog) and dialog.objectName() == "syncAskUrl"
    dialog.setTextValue(url)
    with qtbot.waitSignal(page.finishedWork, timeout=60_000) as done:
        dialog.accept()
    assert done.args == ["sync", False]
    assert page.outcome is not None and page.outcome["status"] == "unreachable"
    qtbot.waitUntil(lambda: page.task is None, timeout=WAIT_MS)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.refresh()
    assert "failed" in page.values["result"].text()
    after = status(alpha.ctx)  # nothing lost, nothing marked delivered
    assert (after["pending"], after["last_receipt"]) == (before["pending"], None)
    assert after["pending"] == 1


def test_locking_clears_the_sync_page_and_the_conflicts_field(qtbot: QtBot, alpha: Device) -> None:
    seizure(alpha.ctx)
    window = MainWindow(Session(alpha.vault, alpha.ctx))
    qtbot.addWidget(window)
    window.show()
    page = window.sync.show_sync()
    qtbot.waitUntil(lambda: page.data is not None, timeout=WAIT_MS)
    assert page.values["fingerprint"].text() != ""
    window.session.lock()
    assert page.data is None
    assert all(label.text() == "" for label in page.values.values())
    assert page.history.rowCount() == 0 and not page.timer.isActive()
    assert window.sync.conflicts_field.isHidden()


def test_every_sync_reason_and_default_message_is_marked_for_translation() -> None:
    from pp_desktop.sync.device import AlreadyEnrolled
    from pp_desktop.sync.errors import REASONS, EnrolmentFileError, KeyFileError, SyncError
    from pp_desktop.sync.state import NeedsReconcile, NotEnrolled
    from pp_desktop.ui.sync.sync_texts import MARKED

    defaults = {
        cls.default_message
        for cls in (SyncError, KeyFileError, EnrolmentFileError, NotEnrolled, NeedsReconcile)
    } | {AlreadyEnrolled.default_message}
    assert set(REASONS.values()) | defaults <= set(MARKED)
