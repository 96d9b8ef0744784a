"""Editors of plain fields: one-line text, notes, numbers and yes/no."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget

from pp_desktop.ui.forms.editor import FieldEditor


def _bare(layout: QHBoxLayout) -> QHBoxLayout:
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    return layout


class TextField(FieldEditor):
    """One line of text (names, places, e-mail)."""

    def __init__(self, name: str, parent: QWidget | None = None, max_length: int = 500) -> None:
        super().__init__((name,), parent)
        self.edit = QLineEdit(self)
        self.edit.setMaxLength(max_length)
        _bare(QHBoxLayout(self)).addWidget(self.edit)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self.changed)

    def values(self) -> dict[str, Any]:
        return {self.names[0]: self.edit.text()}

    def set_values(self, values: dict[str, Any]) -> None:
        if self.names[0] in values:
            self.edit.setText(str(values[self.names[0]] or ""))


class NotesField(FieldEditor):
    """Several lines of text; Tab leaves the field (keyboard-first), Enter adds a line."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__((name,), parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(60)
        self.edit.setMaximumHeight(110)
        _bare(QHBoxLayout(self)).addWidget(self.edit)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self.changed)

    def values(self) -> dict[str, Any]:
        return {self.names[0]: self.edit.toPlainText()}

    def set_values(self, values: dict[str, Any]) -> None:
        if self.names[0] in values:
            self.edit.setPlainText(str(values[self.names[0]] or ""))


def parse_number(text: str, integer: bool = False) -> Any:
    """A number typed by an officer: blank is None; a decimal comma or spaces between thousands
    are accepted; anything else stays text, and the services call it "not a number"."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if not cleaned:
        return None
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        if integer:
            return int(cleaned)
        return float(cleaned)
    except ValueError:
        return text.strip()


def show_number(value: Any) -> str:
    """A stored number as the officer typed it (no trailing ``.0``)."""
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class NumberField(FieldEditor):
    """A decimal or whole number; blank means "not recorded"."""

    def __init__(self, name: str, integer: bool = False, parent: QWidget | None = None) -> None:
        super().__init__((name,), parent)
        self.integer = integer
        self.edit = QLineEdit(self)
        self.edit.setMaximumWidth(160)
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("0" * 10) + 12)
        layout = _bare(QHBoxLayout(self))
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self.changed)

    def values(self) -> dict[str, Any]:
        return {self.names[0]: parse_number(self.edit.text(), self.integer)}

    def set_values(self, values: dict[str, Any]) -> None:
        if self.names[0] in values:
            self.edit.setText(show_number(values[self.names[0]]))


class CheckField(FieldEditor):
    """Yes or no."""

    def __init__(self, name: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__((name,), parent)
        self.box = QCheckBox(text, self)
        _bare(QHBoxLayout(self)).addWidget(self.box)
        self.setFocusProxy(self.box)
        self.box.toggled.connect(self.changed)

    def values(self) -> dict[str, Any]:
        return {self.names[0]: self.box.isChecked()}

    def set_values(self, values: dict[str, Any]) -> None:
        if self.names[0] in values:
            self.box.setChecked(bool(values[self.names[0]]))


def show_kg(kg: float) -> str:
    """Kilograms with thousands separators, three decimals at most from one kilogram up and to
    the milligram below (``12.5``, ``1,200``, ``0.0125``)."""
    text = f"{kg:,.3f}" if abs(kg) >= 1 else f"{kg:.6f}"
    return text.rstrip("0").rstrip(".")
