"""Files attached to a record: add, open, remove. Nothing is written until the form saves; a file
over the size cap is refused at once with a message saying how big it is."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pp_desktop.models import MAX_ATTACHMENT_BYTES
from pp_desktop.services import attachments, records
from pp_desktop.services.context import Services, WriteScope
from pp_desktop.services.errors import ServiceError
from pp_desktop.store.errors import VaultError
from pp_desktop.ui import theme
from pp_desktop.ui.forms.private_files import OPENED
from pp_desktop.ui.forms.record_choices import attachments_of
from pp_desktop.ui.i18n import service_message


@dataclass
class AttachmentItem:
    """A file in the list: stored (``id``) or waiting for the save (``data``)."""

    name: str
    size: int
    id: str = ""
    data: bytes = b""


def size_text(size: int) -> str:
    """A file size for people (KB below a megabyte)."""
    if size < 1_000_000:
        return QCoreApplication.translate("AttachmentsPanel", "%1 KB").replace(
            "%1", f"{max(size / 1000, 0.1):.1f}"
        )
    return QCoreApplication.translate("AttachmentsPanel", "%1 MB").replace(
        "%1", f"{size / 1e6:.1f}"
    )


class AttachmentsPanel(QWidget):
    """The attachments of one record, with pending additions and removals."""

    changed = Signal()

    def __init__(
        self, ctx: Services, entity: str, owner_id: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentsPanel")
        self.ctx = ctx
        self.entity = entity
        self.items: list[AttachmentItem] = []
        self.removed: list[str] = []  # ids of stored attachments to delete on save
        self.added: list[str] = []  # ids stored by the last save
        self.deleted: list[str] = []  # ids deleted by the last save
        self._stored: list[tuple[AttachmentItem, str]] = []  # written by the open save
        self.list = QListWidget(self)
        self.list.setObjectName("attachmentList")
        self.list.setMaximumHeight(90)
        self.add_button = QPushButton(self.tr("Add file…"), self)
        self.add_button.setObjectName("attachmentAdd")
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("attachmentOpen")
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("attachmentRemove")
        for button in (self.add_button, self.open_button, self.remove_button):
            button.setAutoDefault(False)
        self.add_button.setToolTip(
            self.tr("Attach a file (at most %1 MB); it is stored encrypted in the vault").replace(
                "%1", f"{MAX_ATTACHMENT_BYTES / 1e6:.0f}"
            )
        )
        self.message = QLabel(self)
        self.message.setObjectName("attachmentMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        if owner_id:
            for row_ in attachments_of(ctx, entity, owner_id):
                self.items.append(
                    AttachmentItem(str(row_["file_name"]), int(row_["size"] or 0), str(row_["id"]))
                )
        self._show()

    def _show(self) -> None:
        self.list.clear()
        for item in self.items:
            text = f"{item.name}  ({size_text(item.size)})"
            if not item.id:
                text += "  " + self.tr("— added when you save")
            entry = QListWidgetItem(text)
            entry.setToolTip(item.name)
            self.list.addItem(entry)
        has = bool(self.items)
        self.open_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def _say(self, text: str, severity: str = "error") -> None:
        theme.set_message(self.message, text, severity)

    def choose_files(self) -> None:
        """Ask for files to attach."""
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        """Queue ``paths`` for the save; a file over the cap or unreadable gets a message."""
        problems: list[str] = []
        for path in paths:
            try:
                size = path.stat().st_size
                if size > MAX_ATTACHMENT_BYTES:
                    problems.append(
                        self.tr(
                            "%1 is %2; attachments are limited to %3 MB. Reduce or compress "
                            "the file, or keep it outside the vault."
                        )
                        .replace("%1", path.name)
                        .replace("%2", size_text(size))
                        .replace("%3", f"{MAX_ATTACHMENT_BYTES / 1e6:.0f}")
                    )
                    continue
                data = path.read_bytes()
            except OSError as exc:
                problems.append(
                    self.tr("%1 cannot be read: %2")
                    .replace("%1", path.name)
                    .replace("%2", exc.strerror or type(exc).__name__)
                )
                continue
            self.items.append(AttachmentItem(path.name, len(data), data=data))
        self._say("\n".join(problems))
        self._show()
        if paths:
            self.changed.emit()

    def _selected(self) -> AttachmentItem | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def open_selected(self) -> Path | None:
        """Decrypt the selected file into the private folder and open it with its application."""
        item = self._selected()
        if item is None:
            return None
        try:
            data = item.data if not item.id else attachments.attachment_bytes(self.ctx, item.id)
        except (ServiceError, VaultError) as exc:
            self._say(service_message(exc.message))
            return None
        path = OPENED.write(item.name, data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def remove_selected(self) -> None:
        """Take the selected file off the list (a stored one is deleted on save)."""
        item = self._selected()
        if item is None:
            return
        self.items.remove(item)
        if item.id:
            self.removed.append(item.id)
        self._show()
        self.changed.emit()

    def apply(self, scope: WriteScope, owner_id: str) -> None:
        """Delete the removed files and store the queued ones on record ``owner_id``, inside the
        form's save transaction (a failure rolls the record back too: nothing half-saved)."""
        self.deleted = list(self.removed)
        for rid in self.removed:
            records.delete_one(self.ctx, scope, "attachment", rid)
        self._stored = []
        for item in self.items:
            if not item.id:
                rid, _warnings = attachments.add_attachment_in(
                    self.ctx, scope, self.entity, owner_id, item.name, item.data
                )
                self._stored.append((item, rid))

    def committed(self) -> None:
        """The save transaction committed: the queued files are now stored records."""
        self.added = []
        for item, rid in self._stored:
            item.id, item.data = rid, b""
            self.added.append(rid)
        self._stored = []
        self.removed.clear()
        self._show()

    def reset(self) -> None:
        """Empty the list (Save & New)."""
        self.items.clear()
        self.removed.clear()
        self.message.hide()
        self._show()
