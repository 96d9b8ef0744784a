"""Enrol from file: HQ's root fingerprint is shown and confirmed before anything is written.

The officer reads the fingerprint to HQ by phone (or compares it with the paper HQ handed
over); only after ticking "I have confirmed" does Enrol become available. Cancel leaves the
vault exactly as it was.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pp_desktop.ui.sync.work import EnrolmentPreview


class EnrolDialog(QDialog):
    """Shows an enrolment file's device and HQ root fingerprint; accepted = enrol now."""

    def __init__(self, preview: EnrolmentPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setObjectName("enrolDialog")
        self.setWindowTitle(self.tr("Enrol this vault with HQ"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(520)

        heading = QLabel(self.tr("Check HQ's root fingerprint"), self)
        heading.setObjectName("sectionTitle")
        explain = QLabel(
            self.tr(
                "Read this fingerprint to HQ by phone, or compare it with the one on the paper HQ "
                "gave you. Enrol only if every group matches: a different fingerprint means the "
                "file did not come from your HQ."
            ),
            self,
        )
        explain.setWordWrap(True)
        explain.setProperty("role", "hint")
        self.fingerprint = QLabel(preview.fingerprint, self)
        self.fingerprint.setObjectName("recoveryKey")  # the large monospaced style of key texts
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprint.setWordWrap(True)

        details = QFormLayout()
        details.addRow(self.tr("Device:"), QLabel(f"{preview.device_name} ({preview.device_id})"))
        details.addRow(
            self.tr("HQ address:"), QLabel(preview.hq_url or self.tr("none (USB stick only)"))
        )
        details.addRow(
            self.tr("File valid until:"), QLabel(preview.token_expires.replace("T", " "))
        )
        if preview.pinned:
            details.addRow(
                self.tr("Built-in check:"),
                QLabel(self.tr("matches the fingerprint built into this app")),
            )

        self.confirmed = QCheckBox(self.tr("I have confirmed this fingerprint with HQ"), self)
        self.confirmed.setObjectName("enrolConfirmed")
        buttons = QDialogButtonBox(self)
        self.enrol_button = QPushButton(self.tr("Enrol"), self)
        self.enrol_button.setObjectName("enrolButton")
        self.enrol_button.setProperty("primary", True)
        self.enrol_button.setEnabled(False)
        buttons.addButton(self.enrol_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.confirmed.toggled.connect(self.enrol_button.setEnabled)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addWidget(self.fingerprint)
        layout.addLayout(details)
        layout.addWidget(self.confirmed)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Only a confirmed fingerprint enrols."""
        if self.confirmed.isChecked():
            super().accept()
