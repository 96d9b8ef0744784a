"""The start screen: unlock a vault (or create one). The only window shown while locked."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pp_desktop import __version__
from pp_desktop.store import keyfile as kf
from pp_desktop.store.vault import Vault
from pp_desktop.ui import icons, theme
from pp_desktop.ui.background import BackgroundCall, run_in_background

if TYPE_CHECKING:
    from pp_desktop.ui.create_vault_dialog import CreateVaultDialog
from pp_desktop.ui.error_messages import unlock_error
from pp_desktop.ui.recovery_dialog import RecoveryDialog

CARD_WIDTH = 520


class StartScreen(QWidget):
    """Vault folder, passphrase, Unlock; ``unlocked`` carries the opened :class:`Vault`."""

    unlocked = Signal(object)

    def __init__(self, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startBackground")
        self.setWindowTitle(self.tr("pp-desktop — unlock"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.resize(960, 680)
        self._call: BackgroundCall | None = None
        self.create_dialog: CreateVaultDialog | None = None
        self.create_argon2 = kf.DEFAULT_ARGON2  # tests make new vaults with cheap parameters

        card = QFrame(self)
        card.setObjectName("card")
        card.setFixedWidth(CARD_WIDTH)

        mark = QLabel(card)
        mark.setPixmap(icons.icon("lock").pixmap(40, 40))
        title = QLabel(self.tr("Paris Pact field vault"), card)
        title.setWordWrap(True)  # Russian and other languages run longer
        title.setObjectName("appTitle")
        subtitle = QLabel(self.tr("Field records, encrypted on this laptop."), card)
        subtitle.setObjectName("appSubtitle")
        subtitle.setWordWrap(True)

        self.folder_edit = QLineEdit(str(folder) if folder else "", card)
        self.folder_edit.setObjectName("vaultFolder")
        self.folder_edit.setPlaceholderText(self.tr("Folder that holds vault.db and vault.key"))
        self.browse_button = QPushButton(self.tr("Browse…"), card)
        self.browse_button.setObjectName("browseButton")
        self.browse_button.clicked.connect(self._browse)
        self.passphrase_edit = QLineEdit(card)
        self.passphrase_edit.setObjectName("passphrase")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setPlaceholderText(self.tr("Passphrase"))
        self.message = QLabel(card)
        self.message.setObjectName("unlockMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.hide()
        self.unlock_button = QPushButton(self.tr("Unlock"), card)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setProperty("primary", True)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.create_button = QPushButton(self.tr("Create a new vault…"), card)
        self.create_button.setObjectName("createButton")
        self.create_button.setProperty("flat", True)
        self.create_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.create_button.clicked.connect(self.open_create_dialog)

        self.forgot_button = QPushButton(self.tr("Forgot passphrase?"), card)
        self.forgot_button.setObjectName("forgotButton")
        self.forgot_button.setProperty("flat", True)
        self.forgot_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.forgot_button.setToolTip(self.tr("Set a new passphrase with your recovery key"))
        self.forgot_button.clicked.connect(self.open_recovery_dialog)
        self.recovery_dialog: RecoveryDialog | None = None
        self.recent_caption = QLabel(self.tr("Recent vaults"), card)
        self.recent_caption.setProperty("role", "hint")
        self.recent_list = QListWidget(card)
        self.recent_list.setObjectName("recentVaults")
        self.recent_list.setMaximumHeight(84)
        self.recent_list.itemClicked.connect(self._recent_chosen)
        self.recent_list.itemActivated.connect(self._recent_chosen)

        self.folder_edit.returnPressed.connect(self.passphrase_edit.setFocus)
        self.passphrase_edit.returnPressed.connect(self.unlock)

        folder_caption = QLabel(self.tr("Vault folder"), card)
        folder_caption.setBuddy(self.folder_edit)
        pass_caption = QLabel(self.tr("Passphrase"), card)
        pass_caption.setBuddy(self.passphrase_edit)
        folder_row = QHBoxLayout()
        folder_row.setSpacing(6)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        actions = QHBoxLayout()
        actions.addWidget(self.create_button)
        actions.addStretch(1)
        actions.addWidget(self.unlock_button)
        forgot_row = QHBoxLayout()  # under the passphrase, where the officer looks for it
        forgot_row.addStretch(1)
        forgot_row.addWidget(self.forgot_button)

        heading = QHBoxLayout()
        heading.setSpacing(14)
        heading.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(title)
        texts.addWidget(subtitle)
        heading.addLayout(texts, 1)

        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 26, 28, 24)
        inner.setSpacing(8)
        inner.addLayout(heading)
        inner.addSpacing(14)
        inner.addWidget(folder_caption)
        inner.addLayout(folder_row)
        inner.addWidget(self.recent_caption)
        inner.addWidget(self.recent_list)
        inner.addSpacing(6)
        inner.addWidget(pass_caption)
        inner.addWidget(self.passphrase_edit)
        inner.addLayout(forgot_row)
        inner.addWidget(self.message)
        inner.addSpacing(10)
        inner.addLayout(actions)

        footer = QLabel(
            self.tr("pp-desktop {version} · UNODC Paris Pact Initiative · works offline").format(
                version=__version__
            ),
            self,
        )
        footer.setProperty("role", "hint")
        outer = QVBoxLayout(self)
        outer.addStretch(3)
        centred = QHBoxLayout()  # not an alignment flag: wrapped texts need height-for-width
        centred.addStretch(1)
        centred.addWidget(card)
        centred.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(4)
        outer.addWidget(footer, 0, Qt.AlignmentFlag.AlignHCenter)

        self.setTabOrder(self.folder_edit, self.browse_button)
        self.setTabOrder(self.browse_button, self.passphrase_edit)
        self.setTabOrder(self.passphrase_edit, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.create_button)
        self.setTabOrder(self.create_button, self.forgot_button)
        self.set_recent([])

    # --- state --------------------------------------------------------------------------------

    @property
    def folder(self) -> Path | None:
        """The folder typed or chosen (None when empty)."""
        text = self.folder_edit.text().strip()
        return Path(text).expanduser() if text else None

    @property
    def busy(self) -> bool:
        """True while an unlock runs."""
        return self._call is not None and self._call.running

    def show_message(self, text: str, severity: str = "error") -> None:
        """Show an inline message under the passphrase ("" hides it)."""
        theme.set_message(self.message, text, severity)

    def message_text(self) -> str:
        """The message shown, as plain text (tests)."""
        doc = self.message.text()
        for tag in ("<b>", "</b>"):
            doc = doc.replace(tag, "")
        return doc.replace("<br>", "\n").replace("&amp;", "&").replace("&lt;", "<")

    def show_locked(self, folder: Path | None) -> None:
        """Back after locking: the folder kept, the passphrase gone."""
        if folder is not None:
            self.folder_edit.setText(str(folder))
        self.passphrase_edit.clear()
        self.show_message(self.tr("The vault is locked. Enter the passphrase to continue."), "info")
        self.passphrase_edit.setFocus()

    def showEvent(self, event: object) -> None:
        """Focus where typing starts: the passphrase, or the folder when it is empty."""
        super().showEvent(event)  # type: ignore[arg-type]
        (self.passphrase_edit if self.folder_edit.text() else self.folder_edit).setFocus()

    # --- unlock ---------------------------------------------------------------------------------

    def unlock(self) -> None:
        """Open the vault off the UI thread (Argon2id takes a moment on purpose)."""
        if self.busy:
            return
        folder = self.folder
        passphrase = self.passphrase_edit.text()
        if folder is None:
            self.show_message(self.tr("Choose the vault folder first."), "warning")
            self.folder_edit.setFocus()
            return
        if not passphrase:
            self.show_message(self.tr("Enter your passphrase."), "warning")
            self.passphrase_edit.setFocus()
            return
        self.show_message("")
        self._set_busy(True)
        self._call = run_in_background(
            lambda: Vault.unlock(folder, passphrase),
            self._unlocked,
            lambda exc: self._failed(exc, folder),
            self,
        )

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.folder_edit,
            self.browse_button,
            self.passphrase_edit,
            self.unlock_button,
            self.create_button,
            self.forgot_button,
            self.recent_list,
        ):
            widget.setEnabled(not busy)
        self.unlock_button.setText(self.tr("Unlocking…") if busy else self.tr("Unlock"))
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QGuiApplication.restoreOverrideCursor()

    def _failed(self, exc: BaseException, folder: Path) -> None:
        self._set_busy(False)
        self.show_message(unlock_error(exc, folder).text, "error")
        self.passphrase_edit.selectAll()
        self.passphrase_edit.setFocus()

    def _unlocked(self, vault: Vault) -> None:
        self._set_busy(False)
        self.passphrase_edit.clear()
        self.show_message("")
        self.unlocked.emit(vault)

    # --- recent vaults and recovery ----------------------------------------------------------

    def set_recent(self, folders: list[Path]) -> None:
        """List the vaults opened lately (newest first); hidden when there are none."""
        self.recent_list.clear()
        for folder in folders:
            item = QListWidgetItem(str(folder))
            item.setData(Qt.ItemDataRole.UserRole, str(folder))
            item.setToolTip(str(folder))
            self.recent_list.addItem(item)
        self.recent_list.setVisible(bool(folders))
        self.recent_caption.setVisible(bool(folders))

    def recent(self) -> list[str]:
        """The folders listed as recent (tests)."""
        return [
            str(self.recent_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.recent_list.count())
        ]

    def _recent_chosen(self, item: QListWidgetItem) -> None:
        self.folder_edit.setText(str(item.data(Qt.ItemDataRole.UserRole)))
        self.show_message("")
        self.passphrase_edit.setFocus()

    def open_recovery_dialog(self) -> RecoveryDialog | None:
        """Open "Forgot passphrase" for the chosen folder (window-modal, non-blocking)."""
        folder = self.folder
        if folder is None:
            self.show_message(self.tr("Choose the vault folder first."), "warning")
            self.folder_edit.setFocus()
            return None
        dialog = RecoveryDialog(folder, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog: self._recovered(d))
        dialog.finished.connect(lambda _r, d=dialog: self._recovery_gone(d))
        self.recovery_dialog = dialog
        dialog.open()
        return dialog

    def _recovery_gone(self, dialog: RecoveryDialog) -> None:
        if self.recovery_dialog is dialog:
            self.recovery_dialog = None

    def _recovered(self, dialog: RecoveryDialog) -> None:
        if dialog.vault is None:
            return
        self.passphrase_edit.clear()
        self.show_message("")
        self.unlocked.emit(dialog.vault)

    # --- folder and creation --------------------------------------------------------------------

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Vault folder"), self.folder_edit.text() or str(Path.home())
        )
        if chosen:
            self.folder_edit.setText(chosen)
            self.passphrase_edit.setFocus()

    def open_create_dialog(self) -> CreateVaultDialog:
        """Open the creation dialog (window-modal, non-blocking); returns it."""
        # imported here: it loads the reference lists and the ORM models (~16 MB), which an
        # unlock does not need before Argon2id's 64 MiB peak
        from pp_desktop.ui.create_vault_dialog import CreateVaultDialog

        dialog = CreateVaultDialog(self.folder, self, argon2=self.create_argon2)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog: self._created(d))
        dialog.finished.connect(lambda _r, d=dialog: self._create_dialog_gone(d))
        self.create_dialog = dialog
        dialog.open()
        return dialog

    def _create_dialog_gone(self, dialog: CreateVaultDialog) -> None:
        if self.create_dialog is dialog:
            self.create_dialog = None

    def _created(self, dialog: CreateVaultDialog) -> None:
        vault = dialog.vault
        if vault is None:
            return
        self.folder_edit.setText(str(vault.folder))
        self.show_message("")
        self.unlocked.emit(vault)
