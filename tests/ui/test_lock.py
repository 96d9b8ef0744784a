"""Locking: by action and by closing the window; the key and every view are forgotten."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from pp_desktop.ui.controller import AppController
from pp_desktop.ui.main_window import MainWindow
from pp_desktop.ui.record_list_page import RecordListPage
from tests.conftest import PASSPHRASE


@pytest.fixture
def controller(qtbot: Any, seizure_vault_dir: Path) -> Iterator[AppController]:
    c = AppController(seizure_vault_dir)
    qtbot.addWidget(c.start)
    c.show()
    yield c
    c.quit()  # the controller owns (and deletes) its main windows


def unlock(qtbot: Any, controller: AppController) -> MainWindow:
    """Unlock through the start screen, as the officer does."""
    start = controller.start
    start.passphrase_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(start.unlocked, timeout=10_000):
        qtbot.mouseClick(start.unlock_button, Qt.MouseButton.LeftButton)
    window = controller.window
    assert window is not None
    qtbot.waitExposed(window)
    return window


def test_lock_action_returns_to_the_start_screen_and_forgets(
    qtbot: Any, controller: AppController
) -> None:
    window = unlock(qtbot, controller)
    assert not controller.start.isVisible()
    session = controller.session
    assert session is not None
    page = window.navigate("seizures")
    assert isinstance(page, RecordListPage)
    page.view.selectRow(0)
    page.open_current()
    model = page.model
    assert model.rowCount() > 0 and model.cached_pages()

    window.findChild(QAction, "lock_vault").trigger()

    assert session.vault.is_locked
    assert controller.session is None and controller.window is None
    assert model.rowCount() == 0 and model.cached_pages() == [] and model.source is None
    assert page.detail_dialog is None
    assert controller.start.isVisible()
    assert controller.start.passphrase_edit.text() == ""
    assert controller.start.message_text().startswith("The vault is locked.")
    qtbot.waitUntil(lambda: not window.isVisible())


def test_unlocking_again_returns_to_the_same_page(qtbot: Any, controller: AppController) -> None:
    window = unlock(qtbot, controller)
    window.findChild(QAction, "nav_prices").trigger()
    window.findChild(QAction, "lock_vault").trigger()
    again = unlock(qtbot, controller)
    assert again is not window
    assert again.current_page_key() == "prices"
    again.findChild(QAction, "lock_vault").trigger()


def test_closing_the_window_locks_and_quits(qtbot: Any, controller: AppController) -> None:
    window = unlock(qtbot, controller)
    session = controller.session
    assert session is not None
    window.close()
    assert session.vault.is_locked
    assert not controller.start.isVisible()
    assert controller.window is None


def test_quit_action_locks(qtbot: Any, controller: AppController) -> None:
    window = unlock(qtbot, controller)
    session = controller.session
    assert session is not None
    window.findChild(QAction, "quit").trigger()
    assert session.vault.is_locked
    qtbot.waitUntil(lambda: not window.isVisible())
