"""A combo box of reference codes that can be searched by typing part of a code or label."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget


class CodeComboBox(QComboBox):
    """A combo of codes shown as ``CODE — Label``; type any part of a code or label to find one.

    With ``all_text``, a first entry without a code means "any" (a filter that is not set).
    """

    def __init__(
        self,
        all_text: str | None,
        options: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        if all_text is not None:
            self.addItem(all_text, None)
        for code, text in options:
            self.addItem(text, code)
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.setMinimumContentsLength(16)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        line = self.lineEdit()
        assert line is not None  # editable
        line.editingFinished.connect(self._settle)

    def _settle(self) -> None:
        """Typed text that names no entry goes back to the current entry."""
        i = self.findText(self.currentText(), Qt.MatchFlag.MatchFixedString)
        if i < 0:
            self.setEditText(self.itemText(self.currentIndex()))
        elif i != self.currentIndex():
            self.setCurrentIndex(i)

    def set_options(self, options: list[tuple[str, str]]) -> None:
        """Replace the codes offered (the "All" entry stays); the choice is kept when it is
        still offered, else "All" (no signal is emitted for the refill itself)."""
        keep = self.code()
        all_entry = self.itemData(0) is None and self.count() > 0
        first = self.itemText(0) if all_entry else None
        self.blockSignals(True)
        try:
            self.clear()
            if first is not None:
                self.addItem(first, None)
            for code, text in options:
                self.addItem(text, code)
            self.set_code(keep)
        finally:
            self.blockSignals(False)

    def code(self) -> str | None:
        """The chosen code (None for "All")."""
        value = self.currentData()
        return str(value) if value else None

    def set_code(self, code: str | None) -> None:
        """Choose ``code`` (None or unknown: the first entry)."""
        i = self.findData(code) if code else 0
        self.setCurrentIndex(max(i, 0))
