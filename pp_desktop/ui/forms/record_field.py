"""A reference to another record (an organisation, a contact, a project) picked by name."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QWidget

from pp_desktop.ui.code_combo import CodeComboBox
from pp_desktop.ui.forms.editor import FieldEditor


class RecordField(FieldEditor):
    """The id of a live record, chosen by typing part of its name; empty means none."""

    def __init__(
        self, name: str, choices: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__((name,), parent)
        self.combo = CodeComboBox("", choices, self)
        self.combo.setObjectName(f"{name}Combo")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        self.setFocusProxy(self.combo)
        self.combo.currentIndexChanged.connect(self.changed)

    def record_id(self) -> str | None:
        """The chosen record's id (None when none)."""
        return self.combo.code()

    def set_record_id(self, rid: str | None) -> None:
        """Choose record ``rid`` (None: none)."""
        self.combo.set_code(rid)

    def values(self) -> dict[str, Any]:
        return {self.names[0]: self.record_id()}

    def set_values(self, values: dict[str, Any]) -> None:
        if self.names[0] in values:
            self.set_record_id(values[self.names[0]])
