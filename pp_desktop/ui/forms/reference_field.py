"""A reference code (country, drug, unit…) chosen by typing part of its code or label."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QWidget

from pp_desktop.ui.code_combo import CodeComboBox
from pp_desktop.ui.forms.editor import FieldEditor

Options = list[tuple[str, str]]  # (code, shown text)


class ReferenceField(FieldEditor):
    """One code of a reference list; the first, empty entry means "none chosen"."""

    def __init__(self, name: str, options: Options, parent: QWidget | None = None) -> None:
        super().__init__((name,), parent)
        self.combo = CodeComboBox("", options, self)
        self.combo.setObjectName(f"{name}Combo")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        self.setFocusProxy(self.combo)
        self.combo.currentIndexChanged.connect(self.changed)

    def code(self) -> str:
        """The chosen code ("" when none)."""
        return self.combo.code() or ""

    def set_code(self, code: str) -> None:
        """Choose ``code`` (unknown or "": the empty entry)."""
        self.combo.set_code(code or None)

    def set_options(self, options: Options) -> None:
        """Offer other codes (a province list narrowed to a country), keeping the choice when
        it is still offered."""
        current = self.code()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem("", None)
        for code, text in options:
            self.combo.addItem(text, code)
        self.combo.set_code(current or None)
        self.combo.blockSignals(False)
        if self.code() != current:
            self.changed.emit()

    def values(self) -> dict[str, Any]:
        return {self.names[0]: self.code()}

    def set_values(self, values: dict[str, Any]) -> None:
        if self.names[0] in values:
            self.set_code(str(values[self.names[0]] or ""))
