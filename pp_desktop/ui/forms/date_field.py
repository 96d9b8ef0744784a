"""A calendar date with a pop-up calendar, and "Not known" where the record allows no date."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from pp_desktop.ui.forms.editor import FieldEditor

DATE_FORMAT = "yyyy-MM-dd"  # the stored form, unambiguous in every language


class DateField(FieldEditor):
    """``YYYY-MM-DD`` typed or picked; optional dates have a "Not known" box."""

    def __init__(
        self, name: str, today: date, optional: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__((name,), parent)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(DATE_FORMAT)
        self.edit.setMinimumDate(QDate(1900, 1, 1))
        self.edit.setDate(QDate(today.year, today.month, today.day))
        self.edit.setMinimumWidth(130)
        self.unknown: QCheckBox | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.edit)
        if optional:
            self.unknown = QCheckBox(self.tr("Not known"), self)
            self.unknown.setObjectName(f"{name}Unknown")
            self.unknown.toggled.connect(self._unknown_toggled)
            layout.addWidget(self.unknown)
            self.unknown.setChecked(True)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)
        self.edit.dateChanged.connect(self.changed)

    def _unknown_toggled(self, checked: bool) -> None:
        self.edit.setEnabled(not checked)
        self.changed.emit()

    def values(self) -> dict[str, Any]:
        if self.unknown is not None and self.unknown.isChecked():
            return {self.names[0]: None}
        return {self.names[0]: self.edit.date().toString(DATE_FORMAT)}

    def set_values(self, values: dict[str, Any]) -> None:
        name = self.names[0]
        if name not in values:
            return
        value = values[name]
        if value:
            parsed = QDate.fromString(str(value), DATE_FORMAT)
            if parsed.isValid():
                self.edit.setDate(parsed)
        if self.unknown is not None:
            self.unknown.setChecked(not value)
