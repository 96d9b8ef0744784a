"""Create a new vault: who keeps it, a passphrase that meets the policy, then the recovery key.

Two steps in one dialog. The recovery key is shown once, and the dialog cannot be left until
the officer confirms having written it down (the vault exists by then; leaving early would lose
the only way back from a forgotten passphrase).
"""

from __future__ import annotations

import socket
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pp_desktop.paths import resource
from pp_desktop.store import keyfile as kf
from pp_desktop.store.passphrase_policy import policy_problem
from pp_desktop.store.reference_seed import read_reference_csv
from pp_desktop.store.vault import DB_NAME, OfficerProfile, Vault
from pp_desktop.ui import theme
from pp_desktop.ui.background import BackgroundCall, run_in_background
from pp_desktop.ui.code_combo import CodeComboBox
from pp_desktop.ui.error_messages import create_error, service_message
from pp_desktop.ui.passphrase_meter import PassphraseMeter

FEEDBACK_DELAY_MS = 150  # zxcvbn runs after a short pause in typing


def country_options() -> list[tuple[str, str]]:
    """ISO countries as (code, ``CODE — Name``), by name, from the shipped reference list."""
    rows = read_reference_csv(resource("reference", "country.csv"))
    rows.sort(key=lambda r: str(r["label_en"]).casefold())
    return [(str(r["code"]), f"{r['code']} — {r['label_en']}") for r in rows]


def vault_exists(folder: Path) -> bool:
    """True when ``folder`` already holds a vault (database or key file)."""
    return (folder / DB_NAME).exists() or kf.keyfile_exists(folder)


class CreateVaultDialog(QDialog):
    """The two-step creation; ``vault`` holds the unlocked new vault once accepted."""

    def __init__(
        self,
        folder: Path | None = None,
        parent: QWidget | None = None,
        *,
        argon2: kf.Argon2Params = kf.DEFAULT_ARGON2,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("createVault")
        self.setWindowTitle(self.tr("Create a new vault"))
        self.setModal(True)
        self.setMinimumWidth(560)
        self.argon2 = argon2
        self.vault: Vault | None = None
        self.recovery_key = ""
        self._call: BackgroundCall | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FEEDBACK_DELAY_MS)

        self.steps = QStackedWidget(self)
        self.form_page = self._build_form(folder)
        self.steps.addWidget(self.form_page)
        self.steps.addWidget(self._build_recovery())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.addWidget(self.steps)

        self._timer.timeout.connect(self.update_feedback)
        self.update_feedback()

    # --- step 1: the form ---------------------------------------------------------------------

    def _build_form(self, folder: Path | None) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "The vault keeps your records encrypted on this laptop. Choose where it lives "
                "and a passphrase: at least 12 characters, not a common password — several "
                "unrelated words work well."
            ),
            page,
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")

        self.folder_edit = QLineEdit(str(folder) if folder else "", page)
        self.folder_edit.setObjectName("newVaultFolder")
        browse = QPushButton(self.tr("Browse…"), page)
        browse.setObjectName("newVaultBrowse")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)

        self.officer_edit = QLineEdit(page)
        self.officer_edit.setObjectName("officerName")
        self.officer_edit.setPlaceholderText(
            self.tr("Your name, as it will appear in the audit log")
        )
        self.country_combo = CodeComboBox(None, country_options(), page)
        self.country_combo.setObjectName("homeCountry")
        self.device_edit = QLineEdit(socket.gethostname(), page)
        self.device_edit.setObjectName("deviceLabel")
        self.pass_edit = QLineEdit(page)
        self.pass_edit.setObjectName("newPassphrase")
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit(page)
        self.repeat_edit.setObjectName("repeatPassphrase")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = PassphraseMeter(page)
        self.policy_label = QLabel(page)
        self.policy_label.setObjectName("policyMessage")
        self.policy_label.setWordWrap(True)
        self.message = QLabel(page)
        self.message.setObjectName("createMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        form = QFormLayout()
        form.setVerticalSpacing(8)
        form.addRow(self.tr("Vault folder:"), folder_row)
        form.addRow(self.tr("Officer name:"), self.officer_edit)
        form.addRow(self.tr("Home country:"), self.country_combo)
        form.addRow(self.tr("Device label:"), self.device_edit)
        form.addRow(self.tr("Passphrase:"), self.pass_edit)
        form.addRow("", self.meter)
        form.addRow(self.tr("Repeat:"), self.repeat_edit)
        form.addRow("", self.policy_label)

        self.cancel_button = QPushButton(self.tr("Cancel"), page)
        self.cancel_button.clicked.connect(self.reject)
        self.create_button = QPushButton(self.tr("Create vault"), page)
        self.create_button.setObjectName("createVaultButton")
        self.create_button.setProperty("primary", True)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_vault)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.create_button)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        title = QLabel(self.tr("Create a new vault"), page)
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        for edit in (self.folder_edit, self.officer_edit, self.device_edit, self.repeat_edit):
            edit.textChanged.connect(self._timer.start)
        self.pass_edit.textChanged.connect(self._timer.start)
        return page

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder of the new vault"), self.folder_edit.text()
        )
        if chosen:
            self.folder_edit.setText(chosen)

    def problem(self) -> str | None:
        """Why the vault cannot be created yet (None: ready)."""
        folder = self.folder_edit.text().strip()
        if not folder:
            return self.tr("Choose a folder for the vault.")
        if vault_exists(Path(folder)):
            return self.tr("That folder already holds a vault. Choose an empty or new folder.")
        if not self.officer_edit.text().strip():
            return self.tr("Enter your name.")
        if not self.device_edit.text().strip():
            return self.tr("Enter a label for this laptop.")
        passphrase = self.pass_edit.text()
        if not passphrase:
            return self.tr("Choose a passphrase.")
        policy = policy_problem(passphrase)
        if policy:
            return service_message(policy)
        if passphrase != self.repeat_edit.text():
            return self.tr("The two passphrases do not match yet.")
        return None

    def update_feedback(self) -> None:
        """Refresh the strength meter, the policy line and the Create button."""
        self._timer.stop()
        self.meter.show_passphrase(self.pass_edit.text())
        problem = self.problem()
        if problem:
            theme.set_message(self.policy_label, problem, "warning")
        else:
            theme.set_message(
                self.policy_label, self.tr("Ready: the passphrase meets the policy."), "info"
            )
        busy = self._call is not None and self._call.running
        self.create_button.setEnabled(problem is None and not busy)

    def create_vault(self) -> None:
        """Create the vault off the UI thread (Argon2id, schema, reference data)."""
        self.update_feedback()
        if self.problem() is not None or (self._call is not None and self._call.running):
            return
        folder = Path(self.folder_edit.text().strip())
        profile = OfficerProfile(
            self.officer_edit.text().strip(),
            self.country_combo.code() or "",
            self.device_edit.text().strip(),
        )
        passphrase, argon2 = self.pass_edit.text(), self.argon2
        self._set_busy(True)
        self._call = run_in_background(
            lambda: Vault.create(folder, passphrase, profile, argon2=argon2),
            self._created,
            self._failed,
            self,
        )

    def _set_busy(self, busy: bool) -> None:
        self.form_page.setEnabled(not busy)
        self.create_button.setText(self.tr("Creating…") if busy else self.tr("Create vault"))
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QGuiApplication.restoreOverrideCursor()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        theme.set_message(self.message, create_error(exc).text, "error")
        self.update_feedback()

    def _created(self, result: tuple[Vault, str]) -> None:
        self._set_busy(False)
        self.vault, self.recovery_key = result
        self.pass_edit.clear()
        self.repeat_edit.clear()
        self.key_label.setText(self.recovery_key)
        self.steps.setCurrentIndex(1)
        self.confirm_box.setFocus()

    # --- step 2: the recovery key ----------------------------------------------------------------

    def _build_recovery(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(self.tr("Your recovery key"), page)
        title.setObjectName("sectionTitle")
        text = QLabel(
            self.tr(
                "The vault is created. Below is its recovery key: it is shown only this once. "
                "Write it down on paper and keep it apart from this laptop. If you ever forget "
                "your passphrase, the recovery key lets you set a new one; without both, "
                "nobody — not even HQ — can open the vault."
            ),
            page,
        )
        text.setWordWrap(True)
        self.key_label = QLabel(page)
        self.key_label.setObjectName("recoveryKey")
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confirm_box = QCheckBox(self.tr("I have written the recovery key down."), page)
        self.confirm_box.setObjectName("confirmRecoveryKey")
        self.continue_button = QPushButton(self.tr("Open the vault"), page)
        self.continue_button.setObjectName("continueButton")
        self.continue_button.setProperty("primary", True)
        self.continue_button.setEnabled(False)
        self.confirm_box.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(self.key_label)
        layout.addWidget(self.confirm_box)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    # --- leaving -------------------------------------------------------------------------

    def _must_stay(self) -> bool:
        """On the recovery step, the dialog stays until the key is confirmed."""
        return self.vault is not None and not self.confirm_box.isChecked()

    def reject(self) -> None:
        """Cancel (not while the recovery key waits for confirmation, nor while creating)."""
        if self._must_stay() or (self._call is not None and self._call.running):
            return
        super().reject()

    def accept(self) -> None:
        """Continue into the new vault once the recovery key is confirmed."""
        if self.vault is None or not self.confirm_box.isChecked():
            return
        self.key_label.clear()  # do not keep the key on screen longer than needed
        self.recovery_key = ""
        super().accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The window's close button follows the same rule as Cancel."""
        if self._must_stay():
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the form creates; Escape follows :meth:`reject`."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.steps.currentIndex() == 0:
            self.create_vault()
            return
        super().keyPressEvent(event)
