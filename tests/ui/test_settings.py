"""Settings: the officer profile is written to the vault, auto-lock and language to QSettings;
a language change rebuilds the windows in Russian on the same page."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox

from pp_desktop.store.vault import OfficerProfile, Vault
from pp_desktop.ui import i18n
from pp_desktop.ui.controller import AppController
from pp_desktop.ui.settings_dialog import AUTO_LOCK_KEY, SettingsDialog
from tests.conftest import PASSPHRASE
from tests.ui.test_lock import unlock

VENV_BIN = Path(__file__).resolve().parents[2] / ".venv" / "bin"
TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "pp_desktop_ru.ts"


@pytest.fixture
def russian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The Russian catalogue compiled by lrelease into this test's folder; English again after."""
    out = tmp_path / "translations"
    out.mkdir()
    subprocess.run(
        [str(VENV_BIN / "pyside6-lrelease"), str(TS), "-qm", str(out / "pp_desktop_ru.qm")],
        check=True,
        capture_output=True,
    )
    monkeypatch.setattr(i18n, "translations_dir", lambda: out)
    yield out
    i18n.install_language("en")


@pytest.fixture
def controller(qtbot: Any, seizure_vault_dir: Path) -> Iterator[AppController]:
    c = AppController(seizure_vault_dir, QSettings())
    c.show()  # not registered with qtbot: a language switch replaces the start screen
    yield c
    c.quit()
    c.start.deleteLater()


def _open_settings(controller: AppController) -> SettingsDialog:
    window = controller.window
    assert window is not None
    window.findChild(QAction, "settings").trigger()
    dialog = window.settings_dialog
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
    return dialog


def _save(dialog: SettingsDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_settings_change_the_profile_and_auto_lock(
    qtbot: Any, controller: AppController, seizure_vault_dir: Path
) -> None:
    window = unlock(qtbot, controller)
    dialog = _open_settings(controller)
    assert dialog.name_edit.text() == "Test Officer"
    dialog.name_edit.setText("Aziz Karimov")
    dialog.country_combo.set_code("UZB")
    dialog.device_edit.setText("field-laptop-7")
    dialog.lock_spin.setValue(3)
    _save(dialog)
    qtbot.waitUntil(lambda: window.settings_dialog is None)

    assert window.windowTitle() == "pp-desktop — Aziz Karimov"
    assert window.status.officer_label.text() == "Officer: Aziz Karimov · field-laptop-7"
    assert controller.idle.timeout_ms == 3 * 60_000
    assert int(str(QSettings().value(AUTO_LOCK_KEY))) == 3
    window.findChild(QAction, "lock_vault").trigger()
    vault = Vault.unlock(seizure_vault_dir, PASSPHRASE)  # stored in the vault itself
    try:
        assert vault.profile == OfficerProfile("Aziz Karimov", "UZB", "field-laptop-7")
    finally:
        vault.lock()


def test_settings_refuse_an_empty_name(qtbot: Any, controller: AppController) -> None:
    unlock(qtbot, controller)
    dialog = _open_settings(controller)
    dialog.name_edit.setText("  ")
    _save(dialog)
    assert dialog.isVisible() and dialog.message.text() == "Enter your name."
    assert controller.session is not None
    assert controller.session.vault.profile.name == "Test Officer"
    dialog.reject()


def test_switching_to_russian_rebuilds_the_windows_on_the_same_page(
    qtbot: Any, controller: AppController, russian: Path
) -> None:
    window = unlock(qtbot, controller)
    window.navigate("seizures")
    dialog = _open_settings(controller)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ru"))
    _save(dialog)

    new = controller.window
    assert new is not None and new is not window
    assert new.current_page_key() == "seizures"
    assert i18n.language_setting() == "ru" and i18n.current_language() == "ru"
    assert new.nav.item(1).text() == "Изъятия"
    assert new.findChild(QAction, "lock_vault").text() == "&Заблокировать"
    page = new.current_page()
    qtbot.waitUntil(lambda: page.count_label.text().startswith("Изъятия: "))  # type: ignore[attr-defined]
    assert controller.start.unlock_button.text() == "Разблокировать"
    # the session survived: same vault, still unlocked
    assert controller.session is not None and not controller.session.vault.is_locked
