"""The audit log page: entries newest first, Verify chain in the background with a clear
result — intact on a fresh vault, broken (with the entry named) after tampering."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QAction
from sqlalchemy import text

from pp_desktop.ui.audit_page import AuditLogPage
from pp_desktop.ui.main_window import MainWindow
from pp_desktop.ui.paged_table_model import PagedTableModel
from pp_desktop.ui.session import Session
from tests.ui.conftest import SEIZURES


@pytest.fixture
def window(qtbot: Any, seizure_session: Session) -> Iterator[MainWindow]:
    w = MainWindow(seizure_session, "dashboard")
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close_quietly()


def _verify(qtbot: Any, window: MainWindow) -> AuditLogPage:
    action = window.findChild(QAction, "verify_chain")
    page = window.page("audit")
    assert isinstance(page, AuditLogPage)
    with qtbot.waitSignal(page.verified, timeout=20_000):
        action.trigger()
    return page


def test_audit_page_lists_entries_newest_first(qtbot: Any, window: MainWindow) -> None:
    window.findChild(QAction, "nav_audit").trigger()
    page = window.current_page()
    assert isinstance(page, AuditLogPage)
    qtbot.waitUntil(lambda: page.model.is_counted, timeout=10_000)
    assert page.model.rowCount() == SEIZURES  # one entry per bulk-inserted seizure
    seqs = [page.model.row(r)["seq"] for r in range(5)]  # type: ignore[index]
    assert seqs == sorted(seqs, reverse=True) and seqs[0] == SEIZURES
    assert page.model.data(page.model.index(0, 0), PagedTableModel.RecordIdRole) == SEIZURES


def test_verify_chain_reports_intact(qtbot: Any, window: MainWindow) -> None:
    page = _verify(qtbot, window)
    assert window.current_page() is page
    assert page.report is not None and page.report.ok and page.report.entries == SEIZURES
    assert page.result_label.isVisible()
    assert page.result_label.text() == (
        f"The audit chain is intact: {SEIZURES:,} entries checked, none altered."
    )
    qtbot.waitUntil(lambda: page.progress_dialog is None or not page.progress_dialog.isVisible())
    assert page.verify_button.isEnabled()


def test_verify_chain_names_the_altered_entry(
    qtbot: Any, window: MainWindow, seizure_session: Session
) -> None:
    # an edit behind the services' back: the stored hash no longer matches the content
    with seizure_session.vault.write() as conn:
        conn.execute(text("UPDATE audit_entry SET who = 'someone else' WHERE seq = 1234"))
    page = _verify(qtbot, window)
    assert page.report is not None and not page.report.ok
    assert page.report.first_broken == 1234
    assert "broken at entry 1234" in page.result_label.text()
    assert page.result_label.property("severity") == "error"


def test_locking_during_verification_forgets_the_result(qtbot: Any, window: MainWindow) -> None:
    page = _verify(qtbot, window)
    assert page.report is not None
    page.clear()
    assert page.report is None and not page.result_label.isVisible()
    assert page.model.rowCount() == 0
