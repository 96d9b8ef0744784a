"""Several codes in order (transit countries, nationalities): chips the officer adds and
removes from the keyboard."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QWidget

from pp_desktop.ui.code_combo import CodeComboBox
from pp_desktop.ui.forms.editor import FieldEditor
from pp_desktop.ui.forms.reference_field import Options


class CodeListField(FieldEditor):
    """An ordered list of codes: pick one and press Enter (or Add); Delete removes a chip."""

    def __init__(self, name: str, options: Options, parent: QWidget | None = None) -> None:
        super().__init__((name,), parent)
        self._texts = dict(options)
        self.picker = CodeComboBox("", options, self)
        self.picker.setObjectName(f"{name}Picker")
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setObjectName(f"{name}Add")
        self.add_button.setAutoDefault(False)
        self.add_button.setToolTip(self.tr("Add the chosen country (Enter in the box)"))
        self.chips = QListWidget(self)
        self.chips.setObjectName(f"{name}Chips")
        self.chips.setFlow(QListWidget.Flow.LeftToRight)
        self.chips.setWrapping(True)
        self.chips.setSpacing(3)
        self.chips.setFixedHeight(self.fontMetrics().height() * 2 + 14)
        self.chips.setToolTip(
            self.tr("Click a country, or select it and press Delete, to remove it")
        )
        self.chips.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.picker, 2)
        layout.addWidget(self.add_button)
        layout.addWidget(self.chips, 3)
        self.setFocusProxy(self.picker)
        self.add_button.clicked.connect(self.add_current)
        self.chips.itemClicked.connect(self._remove_item)
        line = self.picker.lineEdit()
        assert line is not None
        line.installEventFilter(self)  # Enter adds a country here; it must not save the form
        for key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            shortcut = QShortcut(QKeySequence(key), self.chips)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.remove_selected)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the picker adds the chosen code instead of pressing the form's default
        button (an open completion pop-up keeps Enter for itself)."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            completer = self.picker.completer()
            popup = completer.popup() if completer is not None else None
            if popup is None or not popup.isVisible():
                self.add_current()
                return True
        return super().eventFilter(watched, event)

    def codes(self) -> list[str]:
        """The codes, in the order given."""
        return [
            str(self.chips.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.chips.count())
        ]

    def add_code(self, code: str) -> None:
        """Append ``code`` (a code already listed is not repeated)."""
        if not code or code in self.codes():
            return
        item = QListWidgetItem(self._texts.get(code, code).split(" — ")[0] + "  ✕")
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setToolTip(self._texts.get(code, code))
        self.chips.addItem(item)
        self.changed.emit()

    def add_current(self) -> None:
        """Add the code chosen in the picker and empty the picker for the next one."""
        # typed text that names an entry exactly counts even before the box settles
        i = self.picker.findText(self.picker.currentText(), Qt.MatchFlag.MatchFixedString)
        code = str(self.picker.itemData(i) or "") if i >= 0 else self.picker.code()
        if code:
            self.add_code(code)
            self.picker.set_code(None)

    def _remove_item(self, item: QListWidgetItem) -> None:
        self.chips.takeItem(self.chips.row(item))
        self.changed.emit()

    def remove_selected(self) -> None:
        """Remove the selected chips."""
        for item in self.chips.selectedItems():
            self.chips.takeItem(self.chips.row(item))
        self.changed.emit()

    def values(self) -> dict[str, Any]:
        return {self.names[0]: self.codes()}

    def set_values(self, values: dict[str, Any]) -> None:
        if self.names[0] not in values:
            return
        self.chips.clear()
        for code in str(values[self.names[0]] or "").split():
            self.add_code(code)
