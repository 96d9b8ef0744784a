"""``pp-desktop gui --vault DIR``: the application starts on the start screen and exits 0."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from pp_desktop.app import main
from pp_desktop.ui.start_screen import StartScreen


@pytest.fixture
def private_settings(tmp_path: Path) -> Iterator[None]:
    """QSettings written under tmp_path, not in the tester's home."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


def test_gui_command_shows_the_start_screen_and_exits_zero(
    qtbot: Any, vault_dir: Path, private_settings: None
) -> None:
    seen: list[StartScreen] = []

    def close_start_screen() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, StartScreen) and widget.isVisible():
                seen.append(widget)
                widget.close()  # the last window: the event loop ends

    QTimer.singleShot(0, close_start_screen)
    assert main(["gui", "--vault", str(vault_dir)]) == 0
    assert len(seen) == 1
    assert seen[0].folder == vault_dir
