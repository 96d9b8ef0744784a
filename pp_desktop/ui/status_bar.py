"""The main window's status bar: which vault, whose, what is waiting to sync, last sync."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QStatusBar, QWidget

from pp_desktop.services.errors import ServiceError
from pp_desktop.store.errors import VaultError
from pp_desktop.ui import vault_reads
from pp_desktop.ui.session import Session


class VaultStatusBar(QStatusBar):
    """Permanent fields on the right; transient messages (action tips) on the left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("vaultStatus")
        self.setSizeGripEnabled(False)
        self._fields = 0
        self.vault_label = self._field("statusVault")
        self.officer_label = self._field("statusOfficer")
        self.pending_label = self._field("statusPending")
        self.sync_label = self._field("statusLastSync")

    def _field(self, name: str) -> QLabel:
        if self._fields:
            divider = QFrame(self)
            divider.setFrameShape(QFrame.Shape.VLine)
            divider.setFrameShadow(QFrame.Shadow.Plain)
            divider.setStyleSheet("color: #d9dee5;")
            self.addPermanentWidget(divider)
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.addPermanentWidget(label)
        self._fields += 1
        return label

    def update_from(self, session: Session) -> None:
        """Re-read the four fields from the unlocked vault."""
        folder = str(session.folder)
        self.vault_label.setText(f"Vault: {_shorten(folder, 48)}")
        self.vault_label.setToolTip(folder)
        try:
            profile = session.vault.profile
            pending = vault_reads.changes_waiting_to_sync(session.ctx)
            last = vault_reads.last_sync(session.ctx)
        except (VaultError, ServiceError):
            return  # locked meanwhile: the window is about to go
        officer = profile.name or "unknown officer"
        self.officer_label.setText(
            f"Officer: {officer}" + (f" · {profile.device_label}" if profile.device_label else "")
        )
        self.pending_label.setText(
            f"{pending:,} change{'s' if pending != 1 else ''} waiting to sync"
        )
        self.pending_label.setToolTip(
            "Changes recorded on this laptop that have not yet been delivered to HQ"
        )
        self.sync_label.setText(f"Last sync: {_when(last) if last else 'never'}")


def _shorten(path: str, limit: int) -> str:
    """``…/end/of/a/long/path`` when longer than ``limit`` characters."""
    return path if len(path) <= limit else "…" + path[-(limit - 1) :]


def _when(value: str) -> str:
    return value[:16].replace("T", " ")
