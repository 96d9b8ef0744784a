"""Auto-lock: the idle timer locks like the Lock action (views cleared, key forgotten, start
screen), input postpones it, and unlocking returns to the page the officer was on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction

from pp_desktop.ui.controller import AppController
from pp_desktop.ui.record_list_page import RecordListPage
from pp_desktop.ui.settings_dialog import AUTO_LOCK_KEY, auto_lock_minutes
from tests.ui.test_lock import unlock

IDLE_MS = 400


@pytest.fixture
def controller(qtbot: Any, seizure_vault_dir: Path) -> Iterator[AppController]:
    c = AppController(seizure_vault_dir, QSettings(), idle_ms=IDLE_MS)
    qtbot.addWidget(c.start)
    c.show()
    yield c
    c.quit()


def test_idle_timer_locks_and_unlock_returns_to_the_page(
    qtbot: Any, controller: AppController
) -> None:
    window = unlock(qtbot, controller)
    assert controller.idle.active
    page = window.navigate("seizures")
    assert isinstance(page, RecordListPage) and page.model.rowCount() > 0
    session = controller.session
    assert session is not None

    qtbot.waitUntil(lambda: session.vault.is_locked, timeout=5_000)

    assert controller.session is None and not controller.idle.active
    assert page.model.rowCount() == 0 and page.model.source is None
    assert controller.start.isVisible()
    assert "without activity" in controller.start.message_text()
    again = unlock(qtbot, controller)
    assert again.current_page_key() == "seizures"


def test_input_postpones_the_idle_lock(qtbot: Any, controller: AppController) -> None:
    window = unlock(qtbot, controller)
    session = controller.session
    assert session is not None
    page = window.navigate("seizures")
    assert isinstance(page, RecordListPage)
    controller.idle.set_timeout(800)  # counts from now
    for _ in range(8):  # 8 × 200 ms of typing: twice the idle delay in total
        qtbot.keyClick(page.search, Qt.Key.Key_A)
        qtbot.wait(200)
        assert not session.vault.is_locked
    qtbot.waitUntil(lambda: session.vault.is_locked, timeout=5_000)


def test_lock_action_stops_the_idle_timer(qtbot: Any, controller: AppController) -> None:
    window = unlock(qtbot, controller)
    window.findChild(QAction, "lock_vault").trigger()
    assert not controller.idle.active
    qtbot.wait(IDLE_MS * 2)  # nothing more happens on the start screen
    assert controller.start.message_text().startswith("The vault is locked.")


def test_default_delay_is_ten_minutes_and_settings_change_it() -> None:
    settings = QSettings()
    assert auto_lock_minutes(settings) == 10
    settings.setValue(AUTO_LOCK_KEY, 3)
    assert auto_lock_minutes(settings) == 3
    assert AppController(None, settings).idle.timeout_ms == 3 * 60_000
    settings.setValue(AUTO_LOCK_KEY, "nonsense")
    assert auto_lock_minutes(settings) == 10
