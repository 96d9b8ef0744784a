"""Settings: the officer profile (kept in the vault), auto-lock and language (kept on this
laptop, in QSettings).

The profile is the "who" and "device" of every new audit entry, so it lives in the vault; the
auto-lock delay and the language belong to the laptop. The language applies at once: the
controller rebuilds its windows in the new language (the officer stays on the same page).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt, Signal

__all__ = ["AUTO_LOCK_KEY", "SettingsChange", "SettingsDialog", "auto_lock_minutes"]
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pp_desktop.services.errors import ServiceError
from pp_desktop.store.errors import VaultError
from pp_desktop.store.vault import OfficerProfile
from pp_desktop.ui import i18n, theme
from pp_desktop.ui.code_combo import CodeComboBox
from pp_desktop.ui.create_vault_dialog import country_options
from pp_desktop.ui.error_messages import service_message
from pp_desktop.ui.idle_lock import AUTO_LOCK_KEY, MAX_AUTO_LOCK_MINUTES, auto_lock_minutes
from pp_desktop.ui.session import Session


@dataclass(frozen=True)
class SettingsChange:
    """What the officer saved."""

    profile: OfficerProfile
    auto_lock_minutes: int
    language: str
    language_changed: bool


class SettingsDialog(QDialog):
    """Window-modal settings; ``saved`` carries a :class:`SettingsChange`."""

    saved = Signal(object)

    def __init__(
        self, session: Session, settings: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings or QSettings()
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(500)
        profile = session.vault.profile

        self.name_edit = QLineEdit(profile.name, self)
        self.name_edit.setObjectName("settingsOfficerName")
        self.name_edit.setPlaceholderText(self.tr("Your name, as it will appear in the audit log"))
        self.country_combo = CodeComboBox(None, country_options(), self)
        self.country_combo.setObjectName("settingsHomeCountry")
        self.country_combo.set_code(profile.home_country or None)
        self.device_edit = QLineEdit(profile.device_label, self)
        self.device_edit.setObjectName("settingsDeviceLabel")
        profile_box = QGroupBox(self.tr("Officer profile (stored in the vault)"), self)
        profile_form = QFormLayout(profile_box)
        profile_form.addRow(self.tr("Name"), self.name_edit)
        profile_form.addRow(self.tr("Home country"), self.country_combo)
        profile_form.addRow(self.tr("Device label"), self.device_edit)

        self.lock_spin = QSpinBox(self)
        self.lock_spin.setObjectName("settingsAutoLock")
        self.lock_spin.setRange(1, MAX_AUTO_LOCK_MINUTES)
        self.lock_spin.setSuffix(self.tr(" min"))
        self.lock_spin.setValue(auto_lock_minutes(self.settings))
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("settingsLanguage")
        for code, name in i18n.LANGUAGES:
            self.language_combo.addItem(name, code)
        current = i18n.language_setting(self.settings)
        self.language_combo.setCurrentIndex([c for c, _n in i18n.LANGUAGES].index(current))
        language_hint = QLabel(self.tr("Applied at once: the windows are redrawn."), self)
        language_hint.setProperty("role", "hint")
        laptop_box = QGroupBox(self.tr("This laptop"), self)
        laptop_form = QFormLayout(laptop_box)
        laptop_form.addRow(self.tr("Lock after inactivity"), self.lock_spin)
        laptop_form.addRow(self.tr("Language"), self.language_combo)
        laptop_form.addRow("", language_hint)

        self.message = QLabel(self)
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("settingsButtons")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(profile_box)
        layout.addWidget(laptop_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def problem(self) -> str | None:
        """Why the settings cannot be saved (None: they can)."""
        if not self.name_edit.text().strip():
            return self.tr("Enter your name.")
        if not self.device_edit.text().strip():
            return self.tr("Enter a label for this laptop.")
        return None

    def save(self) -> None:
        """Write the profile to the vault and the rest to QSettings, then close."""
        problem = self.problem()
        if problem:
            theme.set_message(self.message, problem, "warning")
            return
        profile = OfficerProfile(
            self.name_edit.text().strip(),
            self.country_combo.code() or "",
            self.device_edit.text().strip(),
        )
        try:
            if profile != self.session.vault.profile:
                self.session.vault.set_profile(profile)
        except (VaultError, ServiceError) as exc:
            theme.set_message(self.message, service_message(exc.message), "error")
            return
        minutes = self.lock_spin.value()
        self.settings.setValue(AUTO_LOCK_KEY, minutes)
        language = str(self.language_combo.currentData())
        changed = language != i18n.language_setting(self.settings)
        i18n.save_language(language, self.settings)
        self.settings.sync()
        self.accept()
        self.saved.emit(SettingsChange(profile, minutes, language, changed))
