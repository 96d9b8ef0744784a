"""Right to left: with the application's layout direction reversed (as for Arabic or Persian),
the main window mirrors — navigation on the right, the list's columns from right to left —
and keeps working."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from pp_desktop.ui.main_window import MainWindow
from pp_desktop.ui.record_list_page import RecordListPage
from pp_desktop.ui.session import Session
from tests.ui.conftest import MARKER


@pytest.fixture
def rtl(qapp: QApplication) -> Iterator[None]:
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    yield
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def _x(widget: Any, window: MainWindow) -> int:
    return int(widget.mapTo(window, QPoint(0, 0)).x())


def test_the_main_window_mirrors(qtbot: Any, seizure_session: Session, rtl: None) -> None:
    window = MainWindow(seizure_session, "seizures")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    page = window.current_page()
    assert isinstance(page, RecordListPage)
    assert window.isRightToLeft()
    assert _x(window.nav, window) > _x(window.stack, window)  # navigation on the right
    header = page.view.horizontalHeader()
    first, second = header.sectionViewportPosition(0), header.sectionViewportPosition(1)
    assert first > second  # the date column is the rightmost
    assert _x(page.search, window) > _x(page.columns_button, window)
    qtbot.waitUntil(lambda: page.model.is_counted)
    page.view.setCurrentIndex(page.model.index(2, 0))  # still a working list
    assert page.current_row() == 2
    assert page.model.data(page.model.index(2, 0))
    page.search.setText(MARKER)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # Enter: to the list, first match selected
    qtbot.waitUntil(lambda: page.current_row() == 0)
    assert [i.row() for i in page.view.selectionModel().selectedRows()] == [0]
    assert MARKER in str((page.model.row(0) or {}).get("notes"))
    window.close_quietly()
