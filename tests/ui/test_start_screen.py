"""The start screen: unlock, the distinct error messages, and creating a vault."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from pp_desktop.store import (
    DatabaseDamaged,
    KeyFileError,
    Vault,
    VaultNotFound,
    VaultTooNew,
    WrongPassphrase,
)
from pp_desktop.store.keyfile import KEYFILE_NAMES
from pp_desktop.ui.error_messages import unlock_error
from pp_desktop.ui.start_screen import StartScreen
from tests.conftest import FAST_ARGON2, PASSPHRASE

NEW_PASSPHRASE = "lantern orchard glacier tambourine"


@pytest.fixture
def start(qtbot: Any, vault_dir: Path) -> StartScreen:
    screen = StartScreen(vault_dir)
    qtbot.addWidget(screen)
    screen.show()
    return screen


def _try(qtbot: Any, screen: StartScreen, passphrase: str) -> None:
    screen.passphrase_edit.setText(passphrase)
    qtbot.keyClick(screen.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not screen.busy, timeout=10_000)


def test_wrong_then_right_passphrase(qtbot: Any, start: StartScreen) -> None:
    _try(qtbot, start, "not the passphrase at all")
    assert start.message.isVisible()
    assert start.message_text().startswith("Wrong passphrase.")
    assert "Caps Lock" in start.message_text()
    assert start.unlock_button.isEnabled() and start.passphrase_edit.isEnabled()
    assert start.passphrase_edit.hasSelectedText()  # ready to type again

    with qtbot.waitSignal(start.unlocked, timeout=10_000) as blocker:
        _try(qtbot, start, PASSPHRASE)
    vault = blocker.args[0]
    assert isinstance(vault, Vault) and not vault.is_locked
    assert start.passphrase_edit.text() == ""
    assert not start.message.isVisible()
    vault.lock()


def test_damaged_key_file_has_its_own_message(
    qtbot: Any, start: StartScreen, vault_dir: Path
) -> None:
    for name in KEYFILE_NAMES:
        (vault_dir / name).write_bytes(b'{"format": "pp-desktop-vault-key", garbage')
    _try(qtbot, start, PASSPHRASE)
    assert start.message_text().startswith("The key file is missing or damaged.")
    assert "Wrong passphrase" not in start.message_text()


def test_damaged_database_has_its_own_message(
    qtbot: Any, start: StartScreen, vault_dir: Path
) -> None:
    db = vault_dir / "vault.db"
    db.write_bytes(bytes(range(256)) * (db.stat().st_size // 256 + 1))
    _try(qtbot, start, PASSPHRASE)
    assert start.message_text().startswith("The vault database is damaged.")


def test_missing_vault(qtbot: Any, start: StartScreen, tmp_path: Path) -> None:
    start.folder_edit.setText(str(tmp_path / "nowhere"))
    _try(qtbot, start, PASSPHRASE)
    assert start.message_text().startswith("No vault in ")
    assert "create a new vault" in start.message_text()


def test_empty_passphrase_is_not_tried(qtbot: Any, start: StartScreen) -> None:
    qtbot.mouseClick(start.unlock_button, Qt.MouseButton.LeftButton)
    assert not start.busy
    assert start.message_text() == "Enter your passphrase."


@pytest.mark.parametrize(
    ("error", "heading"),
    [
        (WrongPassphrase(), "Wrong passphrase."),
        (KeyFileError(), "The key file is missing or damaged."),
        (DatabaseDamaged(), "The vault database is damaged."),
        (VaultTooNew(), "This vault needs a newer pp-desktop."),
        (VaultNotFound(), "No vault in "),
        (RuntimeError("secret detail"), "The vault could not be opened."),
    ],
)
def test_every_error_has_a_heading_and_no_traceback(error: Exception, heading: str) -> None:
    text = unlock_error(error, Path("/data/vault"))
    assert text.heading.startswith(heading)
    assert "Traceback" not in text.text and "secret detail" not in text.text


def test_create_a_vault_then_confirm_the_recovery_key(
    qtbot: Any, start: StartScreen, tmp_path: Path
) -> None:
    folder = tmp_path / "new-vault"
    start.folder_edit.setText(str(folder))
    start.create_argon2 = FAST_ARGON2
    dialog = start.open_create_dialog()
    assert dialog.folder_edit.text() == str(folder)
    dialog.officer_edit.setText("Nodira Rahimova")
    dialog.country_combo.set_code("UZB")

    dialog.pass_edit.setText("password1234")  # long enough, but common
    dialog.update_feedback()
    assert not dialog.create_button.isEnabled()
    assert "too common" in dialog.policy_label.text()
    assert dialog.meter.estimate.score < 3

    dialog.pass_edit.setText(NEW_PASSPHRASE)
    dialog.repeat_edit.setText(NEW_PASSPHRASE[:-1])
    dialog.update_feedback()
    assert dialog.policy_label.text() == "The two passphrases do not match yet."
    dialog.repeat_edit.setText(NEW_PASSPHRASE)
    dialog.update_feedback()
    assert dialog.create_button.isEnabled()
    assert dialog.meter.word.text().startswith("Strength: ")

    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.steps.currentIndex() == 1, timeout=20_000)
    key = dialog.key_label.text()
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4})+", key)
    assert dialog.pass_edit.text() == ""  # the passphrase does not linger in the widgets

    dialog.reject()  # Escape / Cancel: refused until the key is confirmed
    assert dialog.isVisible()
    assert not dialog.continue_button.isEnabled()
    dialog.confirm_box.setChecked(True)
    with qtbot.waitSignal(start.unlocked) as blocker:
        qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    vault = blocker.args[0]
    try:
        assert vault.folder == folder and not vault.is_locked
        assert vault.profile.name == "Nodira Rahimova"
        assert vault.profile.home_country == "UZB"
    finally:
        vault.lock()
    # the recovery key really opens it
    Vault.recover(folder, key, "a brand new passphrase for tests").lock()


def test_create_refuses_a_folder_that_holds_a_vault(
    qtbot: Any, start: StartScreen, vault_dir: Path
) -> None:
    dialog = start.open_create_dialog()
    dialog.officer_edit.setText("Officer")
    dialog.pass_edit.setText(NEW_PASSPHRASE)
    dialog.repeat_edit.setText(NEW_PASSPHRASE)
    dialog.update_feedback()
    assert "already holds a vault" in dialog.policy_label.text()
    assert not dialog.create_button.isEnabled()
    dialog.reject()
    qtbot.waitUntil(lambda: start.create_dialog is None)


def test_unlock_runs_off_the_ui_thread_with_a_busy_state(qtbot: Any, start: StartScreen) -> None:
    start.passphrase_edit.setText(PASSPHRASE)
    start.unlock()
    # the outcome needs the event loop: until then the screen shows it is working
    assert start.busy
    assert start.unlock_button.text() == "Unlocking…"
    assert not start.passphrase_edit.isEnabled() and not start.unlock_button.isEnabled()
    cursor = QGuiApplication.overrideCursor()
    assert cursor is not None and cursor.shape() == Qt.CursorShape.WaitCursor
    with qtbot.waitSignal(start.unlocked, timeout=10_000) as blocker:
        pass
    blocker.args[0].lock()
    assert QGuiApplication.overrideCursor() is None
    assert start.unlock_button.text() == "Unlock"
