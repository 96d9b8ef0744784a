"""The IATI reporting organisation of exports (who publishes the activities): shown in the IATI
export dialog, changed here. A vault setting, checked by the IATI layer before it is stored."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pp_desktop.exchange.iati import IatiSettingRefused, ReportingOrg, set_reporting_org
from pp_desktop.store.vault import Vault
from pp_desktop.ui.exchange.common import error_text


class ReportingOrgDialog(QDialog):
    """Edit the reporting organisation; Save stores it only when IATI would accept it."""

    def __init__(self, vault: Vault, current: ReportingOrg, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.saved: ReportingOrg | None = None
        self.setObjectName("iatiOrgDialog")
        self.setWindowTitle(self.tr("IATI reporting organisation"))
        self.setMinimumWidth(520)
        self.ref_edit = QLineEdit(current.ref, self)
        self.ref_edit.setObjectName("iatiOrgRef")
        self.ref_edit.setToolTip(self.tr("IATI organisation identifier, e.g. XM-DAC-41128 (UNODC)"))
        self.name_edit = QLineEdit(current.name, self)
        self.name_edit.setObjectName("iatiOrgName")
        self.type_combo = QComboBox(self)
        self.type_combo.setObjectName("iatiOrgType")
        types = (
            ("10", self.tr("10 Government")),
            ("15", self.tr("15 Other public sector")),
            ("21", self.tr("21 International NGO")),
            ("22", self.tr("22 National NGO")),
            ("40", self.tr("40 Multilateral")),
            ("80", self.tr("80 Academic, training and research")),
            ("90", self.tr("90 Other")),
        )
        for code, label in types:
            self.type_combo.addItem(label, code)
        if self.type_combo.findData(current.type) < 0:
            self.type_combo.addItem(current.type, current.type)
        self.type_combo.setCurrentIndex(self.type_combo.findData(current.type))
        self.lang_edit = QLineEdit(current.lang, self)
        self.lang_edit.setObjectName("iatiOrgLang")
        self.lang_edit.setMaxLength(2)
        self.lang_edit.setToolTip(self.tr("Language of your texts (ISO 639-1, e.g. en or ru)"))
        self.error = QLabel(self)
        self.error.setObjectName("iatiOrgError")
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Identifier:"), self.ref_edit)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Type:"), self.type_combo)
        form.addRow(self.tr("Language of your texts:"), self.lang_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def value(self) -> ReportingOrg:
        """The organisation as entered."""
        return ReportingOrg(
            self.ref_edit.text().strip(),
            self.name_edit.text().strip(),
            str(self.type_combo.currentData()),
            self.lang_edit.text().strip().lower(),
        )

    def save(self) -> None:
        """Store the setting, or say why IATI would refuse it (the dialog stays open)."""
        org = self.value()
        try:
            set_reporting_org(self.vault, org)
        except IatiSettingRefused as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return
        self.saved = org
        self.accept()
