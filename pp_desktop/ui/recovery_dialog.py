"""Forgot passphrase: open the vault with its recovery key and set a new passphrase.

The recovery key was shown once when the vault was created (or re-keyed). ``Vault.recover``
checks the new passphrase against the policy first, then unwraps the data key with the recovery
key and re-wraps it under the new passphrase; the vault opens unlocked. The strength meter and
the policy line are those of the creation dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pp_desktop.store.passphrase_policy import policy_problem
from pp_desktop.store.vault import Vault
from pp_desktop.ui import theme
from pp_desktop.ui.background import BackgroundCall, run_in_background
from pp_desktop.ui.error_messages import recovery_error, service_message
from pp_desktop.ui.passphrase_meter import PassphraseMeter


class RecoveryDialog(QDialog):
    """Recovery key + new passphrase twice; ``vault`` holds the opened vault once accepted."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.vault: Vault | None = None
        self._call: BackgroundCall | None = None
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("Set a new passphrase"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(520)

        intro = QLabel(
            self.tr(
                "Enter the recovery key you wrote down when the vault was created, then choose "
                "a new passphrase. The records stay as they are; the old passphrase stops "
                "working."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        where = QLabel(self.tr("Vault: {folder}").format(folder=folder), self)
        where.setObjectName("recoveryFolder")
        where.setWordWrap(True)

        self.key_edit = QLineEdit(self)
        self.key_edit.setObjectName("recoveryKeyInput")
        self.key_edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.pass_edit = QLineEdit(self)
        self.pass_edit.setObjectName("newPassphrase")
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit(self)
        self.repeat_edit.setObjectName("repeatPassphrase")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = PassphraseMeter(self)
        self.policy_label = QLabel(self)
        self.policy_label.setObjectName("policyMessage")
        self.policy_label.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("recoveryMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.hide()

        form = QFormLayout()
        form.setSpacing(8)
        form.addRow(self.tr("Recovery key"), self.key_edit)
        form.addRow(self.tr("New passphrase"), self.pass_edit)
        form.addRow("", self.meter)
        form.addRow(self.tr("Repeat it"), self.repeat_edit)
        form.addRow("", self.policy_label)

        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("recoveryCancel")
        self.cancel_button.clicked.connect(self.reject)
        self.recover_button = QPushButton(self.tr("Set passphrase and unlock"), self)
        self.recover_button.setObjectName("recoverButton")
        self.recover_button.setProperty("primary", True)
        self.recover_button.setDefault(True)
        self.recover_button.clicked.connect(self.recover)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.recover_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        # zxcvbn takes a few ms per call: estimate once typing pauses
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.update_feedback)
        for edit in (self.key_edit, self.pass_edit, self.repeat_edit):
            edit.textChanged.connect(self._timer.start)
        self.update_feedback()

    def problem(self) -> str | None:
        """Why recovery cannot start yet (None: ready)."""
        if not self.key_edit.text().strip():
            return self.tr("Enter the recovery key.")
        passphrase = self.pass_edit.text()
        if not passphrase:
            return self.tr("Choose a new passphrase.")
        policy = policy_problem(passphrase)
        if policy:
            return service_message(policy)
        if passphrase != self.repeat_edit.text():
            return self.tr("The two passphrases do not match yet.")
        return None

    @property
    def busy(self) -> bool:
        """True while the vault is being opened."""
        return self._call is not None and self._call.running

    def update_feedback(self) -> None:
        """Refresh the meter, the policy line and the button."""
        self._timer.stop()
        self.meter.show_passphrase(self.pass_edit.text())
        problem = self.problem()
        if problem:
            theme.set_message(self.policy_label, problem, "warning")
        else:
            theme.set_message(
                self.policy_label, self.tr("Ready: the passphrase meets the policy."), "info"
            )
        self.recover_button.setEnabled(problem is None and not self.busy)

    def recover(self) -> None:
        """Open the vault with the recovery key off the UI thread (Argon2id on purpose)."""
        self.update_feedback()
        if self.problem() is not None or self.busy:
            return
        folder, key, passphrase = self.folder, self.key_edit.text().strip(), self.pass_edit.text()
        self._set_busy(True)
        self._call = run_in_background(
            lambda: Vault.recover(folder, key, passphrase), self._recovered, self._failed, self
        )

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.key_edit, self.pass_edit, self.repeat_edit, self.cancel_button):
            widget.setEnabled(not busy)
        self.recover_button.setEnabled(not busy)
        self.recover_button.setText(
            self.tr("Opening…") if busy else self.tr("Set passphrase and unlock")
        )
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QGuiApplication.restoreOverrideCursor()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        theme.set_message(self.message, recovery_error(exc, self.folder).text, "error")
        self.key_edit.setFocus()
        self.update_feedback()

    def _recovered(self, vault: Vault) -> None:
        self._set_busy(False)
        self.pass_edit.clear()
        self.repeat_edit.clear()
        self.key_edit.clear()
        self.vault = vault
        self.accept()

    def reject(self) -> None:
        """Esc and Cancel close the dialog, except while the vault is being opened."""
        if not self.busy:
            super().reject()
