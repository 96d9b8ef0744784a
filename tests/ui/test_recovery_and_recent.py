"""Start screen: "Forgot passphrase" sets a new one with the recovery key (wrong key: a clear
message, nothing changed), and the vaults opened lately are listed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt

from pp_desktop.store import Vault, WrongPassphrase
from pp_desktop.ui.controller import AppController
from pp_desktop.ui.recovery_dialog import RecoveryDialog
from pp_desktop.ui.start_screen import StartScreen
from tests.conftest import PASSPHRASE
from tests.ui.test_lock import unlock

NEW_PASSPHRASE = "lantern orchard glacier tambourine"


@pytest.fixture
def start(qtbot: Any, vault_dir: Path) -> StartScreen:
    screen = StartScreen(vault_dir)
    qtbot.addWidget(screen)
    screen.show()
    return screen


def _fill(dialog: RecoveryDialog, key: str, passphrase: str, repeat: str | None = None) -> None:
    dialog.key_edit.setText(key)
    dialog.pass_edit.setText(passphrase)
    dialog.repeat_edit.setText(passphrase if repeat is None else repeat)
    dialog.update_feedback()


def test_recovery_sets_a_new_passphrase_and_unlocks(
    qtbot: Any, start: StartScreen, vault_dir: Path, recovery_key: str
) -> None:
    start.forgot_button.click()
    dialog = start.recovery_dialog
    assert isinstance(dialog, RecoveryDialog) and dialog.isVisible()
    _fill(dialog, recovery_key, NEW_PASSPHRASE)
    assert dialog.recover_button.isEnabled()
    with qtbot.waitSignal(start.unlocked, timeout=20_000) as opened:
        qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
    vault = opened.args[0]
    assert isinstance(vault, Vault) and not vault.is_locked
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, PASSPHRASE)  # the old passphrase stopped working
    Vault.unlock(vault_dir, NEW_PASSPHRASE).lock()


def test_wrong_recovery_key_says_so_and_changes_nothing(
    qtbot: Any, start: StartScreen, vault_dir: Path
) -> None:
    dialog = start.open_recovery_dialog()
    assert dialog is not None
    _fill(dialog, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", NEW_PASSPHRASE)
    qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=20_000)
    assert "Wrong recovery key." in dialog.message.text()
    assert dialog.isVisible() and dialog.vault is None
    Vault.unlock(vault_dir, PASSPHRASE).lock()  # the passphrase still opens it
    dialog.reject()


def test_recovery_needs_a_policy_passphrase_typed_twice(
    qtbot: Any, start: StartScreen, recovery_key: str
) -> None:
    dialog = start.open_recovery_dialog()
    assert dialog is not None
    _fill(dialog, recovery_key, "password")
    assert not dialog.recover_button.isEnabled()
    assert "at least 12 characters" in dialog.policy_label.text()
    _fill(dialog, recovery_key, NEW_PASSPHRASE, repeat=NEW_PASSPHRASE + "x")
    assert not dialog.recover_button.isEnabled()
    assert dialog.policy_label.text() == "The two passphrases do not match yet."
    dialog.reject()
    qtbot.waitUntil(lambda: start.recovery_dialog is None)


def test_forgot_without_a_folder_asks_for_one(qtbot: Any) -> None:
    screen = StartScreen(None)
    qtbot.addWidget(screen)
    assert screen.open_recovery_dialog() is None
    assert screen.message_text() == "Choose the vault folder first."


def test_recent_vaults_are_listed_newest_first(
    qtbot: Any, seizure_vault_dir: Path, vault_dir: Path
) -> None:
    settings = QSettings()
    first = AppController(vault_dir, settings)
    qtbot.addWidget(first.start)
    assert first.start.recent() == [] and first.start.recent_list.isHidden()
    unlock(qtbot, first)
    first.lock()
    first.start.folder_edit.setText(str(seizure_vault_dir))
    unlock(qtbot, first)
    first.quit()

    later = AppController(None, settings)  # a new start of the application
    qtbot.addWidget(later.start)
    assert later.start.recent() == [str(seizure_vault_dir), str(vault_dir)]
    assert later.start.folder == seizure_vault_dir  # the last one is preselected
    later.start.recent_list.itemClicked.emit(later.start.recent_list.item(1))
    assert later.start.folder == vault_dir
    later.quit()
