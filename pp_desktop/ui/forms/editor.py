"""The common shape of every field editor of a form: the stored fields it edits, their values,
a ``changed`` signal, and a place to show a validation finding."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class FieldEditor(QWidget):
    """Edits one or more stored fields (``names``): a quantity editor also edits its unit."""

    changed = Signal()

    def __init__(self, names: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = names
        self.setObjectName(f"field_{names[0]}")

    def values(self) -> dict[str, Any]:
        """Field name -> value as the services take it."""
        raise NotImplementedError

    def set_values(self, values: dict[str, Any]) -> None:
        """Show the stored ``values`` (only this editor's names are read)."""
        raise NotImplementedError

    def set_issue(self, severity: str) -> None:
        """Mark the editor ("error", "warning" or "" for none); the form's style sheet colours
        widgets by this property."""
        for widget in (self, *self.findChildren(QWidget)):
            if widget.property("issue") != severity:
                widget.setProperty("issue", severity)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
