"""One non-blocking message box for every page and dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def show_message(
    parent: QWidget,
    heading: str,
    detail: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Information,
    name: str = "message",
) -> QMessageBox:
    """A window-modal message that does not block (deleted on close); ``name`` is its
    objectName, which tests look it up by."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(icon)
    box.setWindowTitle(heading)
    box.setText(heading)
    box.setInformativeText(detail)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
