"""Quantity and unit of a seizure with its kilogram equivalent, updated as the officer types."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from pp_desktop.ui.code_combo import CodeComboBox
from pp_desktop.ui.forms.editor import FieldEditor
from pp_desktop.ui.forms.reference_field import Options
from pp_desktop.ui.forms.simple_fields import parse_number, show_kg, show_number


class QuantityField(FieldEditor):
    """``quantity``, ``unit`` and ``quantity_known``; ``factor_kg`` gives kilograms per unit."""

    def __init__(
        self,
        options: Options,
        factor_kg: Callable[[str], float | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(("quantity", "unit", "quantity_known"), parent)
        self.factor_kg = factor_kg
        self.amount = QLineEdit(self)
        self.amount.setObjectName("quantityEdit")
        self.amount.setMaximumWidth(130)
        # room for "1,250,000.5" whatever the captions around it take in a language
        self.amount.setMinimumWidth(self.amount.fontMetrics().horizontalAdvance("0" * 11) + 12)
        self.unit = CodeComboBox(None, options, self)
        self.unit.setObjectName("unitCombo")
        self.unit.setMinimumContentsLength(12)
        self.unknown = QCheckBox(self.tr("Not known"), self)
        self.unknown.setObjectName("quantityUnknown")
        self.kg = QLabel(self)
        self.kg.setObjectName("kgEquivalent")
        self.kg.setProperty("role", "hint")
        self.kg.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.amount)
        layout.addWidget(self.unit)
        layout.addWidget(self.unknown)
        layout.addWidget(self.kg, 1)
        self.setFocusProxy(self.amount)
        self.amount.textEdited.connect(self._edited)
        self.unit.currentIndexChanged.connect(self._edited)
        self.unknown.toggled.connect(self._unknown_toggled)
        self._show_kg()

    def _unknown_toggled(self, checked: bool) -> None:
        self.amount.setEnabled(not checked)
        self.unit.setEnabled(not checked)
        self._edited()

    def _edited(self) -> None:
        self._show_kg()
        self.changed.emit()

    def kg_equivalent(self) -> float | None:
        """Kilograms for what is typed (None when unknown or not a number)."""
        if self.unknown.isChecked():
            return None
        amount = parse_number(self.amount.text())
        factor = self.factor_kg(self.unit.code() or "KG")
        if not isinstance(amount, float) or factor is None:
            return None
        return round(amount * factor, 6)

    def _show_kg(self) -> None:
        kg = self.kg_equivalent()
        if kg is None:
            self.kg.setText("")
        else:
            self.kg.setText(self.tr("= %1 kg equivalent").replace("%1", show_kg(kg)))

    def values(self) -> dict[str, Any]:
        known = not self.unknown.isChecked()
        return {
            "quantity_known": known,
            "quantity": parse_number(self.amount.text()) if known else None,
            "unit": self.unit.code() or "KG",
        }

    def set_values(self, values: dict[str, Any]) -> None:
        if "quantity" in values:
            self.amount.setText(show_number(values["quantity"]))
        if "unit" in values:
            self.unit.set_code(str(values["unit"] or "KG"))
        if "quantity_known" in values:
            self.unknown.setChecked(not values["quantity_known"])
        self._show_kg()
