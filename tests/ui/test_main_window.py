"""The main window: actions by name, navigation, status bar, lists, details, dashboard."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from pp_desktop.services import records
from pp_desktop.ui.actions import ACTIONS, PAGES
from pp_desktop.ui.dashboard_page import DashboardPage, month_axis_labels, month_window
from pp_desktop.ui.main_window import MainWindow
from pp_desktop.ui.record_detail_dialog import RecordDetailDialog
from pp_desktop.ui.record_list_page import RecordListPage
from pp_desktop.ui.session import Session

from .conftest import MARKED_EVERY, MARKER, SEIZURES


def trigger(window: MainWindow, name: str) -> None:
    """Trigger the action whose objectName is ``name``."""
    action = window.findChild(QAction, name)
    assert action is not None, name
    action.trigger()


@pytest.fixture
def window(qtbot: Any, seizure_session: Session) -> MainWindow:
    w = MainWindow(seizure_session)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _list(window: MainWindow, key: str) -> RecordListPage:
    page = window.page(key)
    assert isinstance(page, RecordListPage)
    return page


def test_every_action_is_named_with_a_tooltip_and_unique_shortcut(window: MainWindow) -> None:
    shortcuts = []
    for spec in ACTIONS:
        action = window.findChild(QAction, spec.name)
        assert action is not None and action.toolTip()
        if spec.shortcut:
            shortcuts.append(action.shortcut().toString())
    assert len(shortcuts) == len(set(shortcuts))
    assert window.findChild(QAction, "lock_vault").shortcut() == QKeySequence("Ctrl+L")
    assert window.findChild(QAction, "refresh").shortcut() == QKeySequence("F5")
    assert window.findChild(QAction, "find").shortcut() == QKeySequence("Ctrl+F")


def test_navigation_by_action_and_by_list(qtbot: Any, window: MainWindow) -> None:
    assert window.current_page_key() == "dashboard"
    for key, title in PAGES:
        trigger(window, f"nav_{key}")
        assert window.current_page_key() == key
        assert window.nav.currentItem().text() == title
    window.nav.setCurrentRow(1)
    assert window.current_page_key() == "seizures"
    page = _list(window, "seizures")
    qtbot.waitUntil(lambda: page.count_label.text() == f"Seizures: {SEIZURES:,}")


def test_status_bar(window: MainWindow, seizure_session: Session) -> None:
    with seizure_session.ctx.reading() as conn:
        pending = conn.execute(
            text("SELECT count(*) FROM sync_journal WHERE bundle_seq IS NULL")
        ).scalar()
    assert pending >= SEIZURES
    status = window.status
    assert status.officer_label.text() == "Officer: Test Officer · test-laptop"
    assert status.pending_label.text() == f"Waiting to sync: {pending:,}"
    assert status.sync_label.text() == "Last sync: never"
    assert str(seizure_session.folder) == status.vault_label.toolTip()


def test_find_focuses_the_search_and_search_narrows_the_list(
    qtbot: Any, window: MainWindow
) -> None:
    trigger(window, "find")  # from the dashboard: goes to seizures
    page = _list(window, "seizures")
    assert window.current_page_key() == "seizures"
    qtbot.waitUntil(page.search.hasFocus)
    qtbot.keyClicks(page.search, MARKER)
    qtbot.waitUntil(lambda: page.model.rowCount() == SEIZURES // MARKED_EVERY)  # debounced
    assert page.count_label.text() == f"Matching: {SEIZURES // MARKED_EVERY}"
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == SEIZURES)


def test_filter_bar_narrows_the_seizures(qtbot: Any, window: MainWindow) -> None:
    page = _list(window, "seizures")
    assert page.filters is not None
    page.filters.combo("country").set_code("IRN")
    qtbot.waitUntil(lambda: page.model.rowCount() == SEIZURES // 4)  # counted in the background
    page.filters.combo("drug").set_code("HEROIN")
    qtbot.waitUntil(lambda: page.model.is_counted)
    rows = [page.model.row(r) or {} for r in range(page.model.rowCount())]
    assert rows and all(r["country"] == "IRN" and r["drug"] == "HEROIN" for r in rows)
    assert page.filters.combo("country").currentText() == "IRN — Iran (Islamic Republic of)"
    qtbot.mouseClick(page.filters.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == SEIZURES)


def test_header_click_sorts(qtbot: Any, window: MainWindow) -> None:
    page = _list(window, "seizures")
    header = page.view.horizontalHeader()
    kg = [c.key for c in page.spec.columns].index("kg_equivalent")
    header.setSortIndicator(kg, Qt.SortOrder.DescendingOrder)  # what a click does
    values = [(page.model.row(r) or {})["kg_equivalent"] for r in range(5)]
    assert values == sorted(values, reverse=True)
    place = [c.key for c in page.spec.columns].index("place")
    header.setSortIndicator(place, Qt.SortOrder.AscendingOrder)  # not sortable: no change
    assert header.sortIndicatorSection() == kg
    assert [(page.model.row(r) or {})["kg_equivalent"] for r in range(5)] == values


def test_open_record_action_shows_a_read_only_detail(qtbot: Any, window: MainWindow) -> None:
    page = window.navigate("seizures")
    assert isinstance(page, RecordListPage)
    page.view.setFocus()
    page.view.selectRow(3)
    expected = page.model.row(3) or {}
    trigger(window, "open_record")  # Ctrl+O; Enter and double-click open the edit form
    dialog = page.detail_dialog
    assert isinstance(dialog, RecordDetailDialog)
    qtbot.waitExposed(dialog)
    assert dialog.values["Date"] == expected["seized_on"]
    assert dialog.values["Country"].startswith(f"{expected['country']} — ")
    assert dialog.values["Place"] == expected["place"]
    assert dialog.values["Id"] == expected["id"]
    dialog.reject()
    qtbot.waitUntil(lambda: page.detail_dialog is None)


def test_enter_on_the_audit_log_opens_the_entry(qtbot: Any, window: MainWindow) -> None:
    page = window.navigate("audit")
    assert isinstance(page, RecordListPage)
    page.view.setFocus()
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)  # no form for audit entries: read-only
    dialog = page.detail_dialog
    assert isinstance(dialog, RecordDetailDialog)
    assert dialog.values["Sequence"] == f"{SEIZURES:,}"
    dialog.close()


def test_every_list_opens(qtbot: Any, window: MainWindow, qtmodeltester: Any) -> None:
    for key, _title in PAGES[1:]:
        page = window.navigate(key)
        assert isinstance(page, RecordListPage)
        qtmodeltester.check(page.model)
    audit = _list(window, "audit")
    qtbot.waitUntil(lambda: audit.model.rowCount() >= SEIZURES)  # one entry per seizure
    first = audit.model.row(0) or {}
    assert first["action"] == "create" and first["entity"] == "seizure"
    dialog = audit.open_row(0)
    assert dialog is not None and "Hash" in dialog.values
    dialog.close()


def test_refresh_rereads_the_list(qtbot: Any, window: MainWindow, seizure_session: Session) -> None:
    page = window.navigate("seizures")
    assert isinstance(page, RecordListPage)
    qtbot.waitUntil(lambda: page.model.is_counted)
    assert page.model.rowCount() == SEIZURES
    records.create(  # behind the list's back: it shows what it read until refreshed
        seizure_session.ctx,
        "seizure",
        {"seized_on": "2026-11-28", "country": "TJK", "drug": "OPIUM", "quantity": 3.0},
    )
    assert page.model.rowCount() == SEIZURES
    trigger(window, "refresh")
    qtbot.waitUntil(lambda: page.model.rowCount() == SEIZURES + 1)
    assert window.status.pending_label.text() == f"Waiting to sync: {SEIZURES + 1:,}"


def test_dashboard_shows_counts_charts_and_overdue_follow_ups(
    qtbot: Any, qapp: QApplication, seizure_session: Session
) -> None:
    ctx = seizure_session.ctx
    for code, due, status in (
        ("EWG-1", "2026-01-10", "OPEN"),
        ("EWG-2", "2026-10-01", "IN_PROGRESS"),
        ("EWG-3", "2026-01-10", "IMPLEMENTED"),  # done: not overdue
        ("EWG-4", "2027-01-10", "OPEN"),  # not yet due
    ):
        records.create(
            ctx,
            "recommendation",
            {"code": code, "text": f"Recommendation {code}", "status": status,
             "follow_up_due": due},
        )  # fmt: skip
    window = MainWindow(seizure_session)
    qtbot.addWidget(window)
    window.show()
    dashboard = window.page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=10_000)

    assert dashboard.tiles["seizures"].value.text() == f"{SEIZURES:,}"
    assert dashboard.tiles["recommendations"].value.text() == "4"
    assert 0 < len(dashboard.drug_chart.bars) <= 8
    assert {b.label for b in dashboard.drug_chart.bars} <= {"Heroin", "Opium", "Cannabis resin"}
    assert len(dashboard.month_chart.bars) == 12
    assert dashboard.month_chart.bars[-1].label == "Nov"
    kg = sum(b.value for b in dashboard.month_chart.bars)
    assert kg == pytest.approx(sum(b.value for b in dashboard.drug_chart.bars))

    table = dashboard.overdue_table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["EWG-1", "EWG-2"]
    assert table.item(0, 3).text() == "322"  # 2026-01-10 -> 2026-11-28
    assert table.item(0, 0).background().color().name() == "#fdf1dc"
    assert dashboard.overdue_title.text() == "Overdue follow-ups (2)"
    dialog = dashboard.open_overdue(0)
    assert dialog is not None and dialog.values["Code"] == "EWG-1"
    dialog.close()

    # tiles open their lists
    qtbot.mouseClick(dashboard.tiles["prices"], Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "prices"
    # the recommendations list highlights the overdue rows
    recs = _list(window, "recommendations")
    overdue_rows = [
        (recs.model.row(r) or {})["code"]
        for r in range(recs.model.rowCount())
        if recs.model.data(recs.model.index(r, 0), Qt.ItemDataRole.BackgroundRole) is not None
    ]
    assert sorted(overdue_rows) == ["EWG-1", "EWG-2"]


def test_month_axis() -> None:
    from datetime import date

    months = month_window(date(2026, 3, 15))
    assert months[0] == "2025-04" and months[-1] == "2026-03" and len(months) == 12
    labels = month_axis_labels(months)
    assert labels[0] == "Apr\n2025" and labels[9] == "Jan\n2026" and labels[-1] == "Mar"


def test_empty_vault_lists_say_so(qtbot: Any, session: Session) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    page = window.navigate("contacts")
    assert isinstance(page, RecordListPage)
    assert page.stack.currentWidget() is page.empty_label
    assert page.empty_label.text() == "Nothing recorded here yet."
    dashboard = window.page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    qtbot.waitUntil(lambda: dashboard.data is not None)
    assert dashboard.overdue_empty.isVisibleTo(dashboard)
    assert not dashboard.overdue_table.isVisibleTo(dashboard)
