"""The main window's status bar: which vault, whose, what is waiting to sync, last sync."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QStatusBar, QWidget

from pp_desktop.services.errors import ServiceError
from pp_desktop.store.errors import VaultError
from pp_desktop.ui import i18n, vault_reads
from pp_desktop.ui.session import Session
from pp_desktop.ui.task_progress import StatusTaskIndicator


class VaultStatusBar(QStatusBar):
    """Permanent fields on the right; transient messages (action tips) on the left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("vaultStatus")
        self.setSizeGripEnabled(False)
        self._fields = 0
        self.task_indicator = StatusTaskIndicator(self)
        self.addPermanentWidget(self.task_indicator)
        self.vault_label = self._field("statusVault")
        self.officer_label = self._field("statusOfficer")
        self.pending_label = self._field("statusPending")
        self.sync_label = self._field("statusLastSync")
        # online/offline: shown once the sync issue can tell (a placeholder until then)
        self.online_label = QLabel(self)
        self.online_label.setObjectName("statusOnline")
        self.addPermanentWidget(self.online_label)
        self.online_label.hide()

    def set_online(self, online: bool | None) -> None:
        """Show whether HQ is reachable (None: unknown, the field is hidden)."""
        if online is None:
            self.online_label.hide()
            return
        self.online_label.setText(self.tr("Online") if online else self.tr("Offline"))
        self.online_label.show()

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
        self.vault_label.setText(self.tr("Vault: {folder}").format(folder=_shorten(folder, 48)))
        self.vault_label.setToolTip(folder)
        try:
            profile = session.vault.profile
            pending = vault_reads.changes_waiting_to_sync(session.ctx)
            last = vault_reads.last_sync(session.ctx)
        except (VaultError, ServiceError):
            return  # locked meanwhile: the window is about to go
        officer = profile.name or self.tr("unknown officer")
        self.officer_label.setText(
            self.tr("Officer: {name}").format(name=officer)
            + (f" · {profile.device_label}" if profile.device_label else "")
        )
        self.pending_label.setText(self.tr("Waiting to sync: {n}").format(n=i18n.number(pending)))
        self.pending_label.setToolTip(
            self.tr("Changes recorded on this laptop that have not yet been delivered to HQ")
        )
        self.sync_label.setText(
            self.tr("Last sync: {when}").format(when=_when(last) if last else self.tr("never"))
        )


def _shorten(path: str, limit: int) -> str:
    """``…/end/of/a/long/path`` when longer than ``limit`` characters."""
    return path if len(path) <= limit else "…" + path[-(limit - 1) :]


def _when(value: str) -> str:
    return value[:16].replace("T", " ")
