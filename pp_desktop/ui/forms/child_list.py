"""Records that belong to the one in the form (a project's donors, a recommendation's progress
notes and linked projects): listed, added and removed in the form, written when it saves."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pp_desktop.services import records
from pp_desktop.services.context import Services, WriteScope
from pp_desktop.ui import theme
from pp_desktop.ui.forms.date_field import DateField
from pp_desktop.ui.forms.editor import FieldEditor
from pp_desktop.ui.forms.record_choices import children
from pp_desktop.ui.forms.record_field import RecordField
from pp_desktop.ui.forms.simple_fields import NumberField, TextField
from pp_desktop.ui.i18n import service_message

Row = dict[str, Any]


class ChildList(QWidget):
    """Child records of ``entity`` pointing at the form's record through ``parent_field``.

    ``editors`` enter the values of a new child; ``describe`` turns a child into a list line.
    """

    changed = Signal()

    def __init__(
        self,
        ctx: Services,
        entity: str,
        parent_field: str,
        editors: list[tuple[str, FieldEditor]],
        describe: Callable[[Row], str],
        parent_id: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"children_{entity}")
        self.ctx = ctx
        self.entity = entity
        self.parent_field = parent_field
        self.editors = [e for _caption, e in editors]
        self.captions = {n: c for c, e in editors for n in e.names if c}
        self.describe = describe
        self.rows: list[Row] = children(ctx, entity, parent_field, parent_id) if parent_id else []
        self.removed: list[str] = []
        self._written: list[tuple[Row, str]] = []  # (queued row, its id) until the commit
        self.list = QListWidget(self)
        self.list.setObjectName(f"{entity}List")
        self.list.setMaximumHeight(100)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setObjectName(f"{entity}Add")
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName(f"{entity}Remove")
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        entry = QHBoxLayout()
        entry.setSpacing(8)
        for caption, editor in editors:
            label = QLabel(caption, self)
            label.setBuddy(editor)
            entry.addWidget(label)
            # text and pickers take the width; a date or an amount needs only its own
            entry.addWidget(editor, 0 if isinstance(editor, DateField | NumberField) else 1)
        entry.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        listed = QHBoxLayout()
        listed.addWidget(self.list, 1)
        listed.addWidget(self.remove_button, 0)
        layout.addLayout(listed)
        layout.addLayout(entry)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.add_entered)
        # Enter in an entry field adds the child: pressing the form's Save instead would leave
        # what was just typed behind, unsaved
        for editor in self.editors:
            for line in editor.findChildren(QLineEdit):
                line.installEventFilter(self)
        self.remove_button.clicked.connect(self.remove_selected)
        self._show()

    def _show(self) -> None:
        self.list.clear()
        for row in self.rows:
            text = self.describe(row)
            if not row.get("id"):
                text += "  " + self.tr("— added when you save")
            self.list.addItem(text)
        self.remove_button.setEnabled(bool(self.rows))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in an entry field: Add (an open completion pop-up keeps Enter for itself)."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            completer = watched.completer() if isinstance(watched, QLineEdit) else None
            popup = completer.popup() if completer is not None else None
            if popup is None or not popup.isVisible():
                self.add_entered()
                return True
        return super().eventFilter(watched, event)

    def entered(self) -> Row:
        """The values typed into the entry editors."""
        values: Row = {}
        for editor in self.editors:
            values.update(editor.values())
        return values

    def add_entered(self) -> bool:
        """Check the entered child (the parent link aside: the parent may be new) and queue it."""
        values = self.entered()
        issues = [
            i
            for i in records.check(self.ctx, self.entity, values)
            if i.is_error and i.field != self.parent_field
        ]
        if issues:
            lines = [
                f"• {self.captions.get(i.field, i.field)}: {service_message(i.message)}"
                for i in issues
            ]
            theme.set_message(self.message, "\n".join(lines), "error")
            return False
        self.message.hide()
        self.rows.append(values)
        for editor in self.editors:  # ready for the next one; dates and currencies stay
            if isinstance(editor, TextField | NumberField | RecordField):
                editor.set_values(dict.fromkeys(editor.names))
        self._show()
        self.changed.emit()
        return True

    def remove_selected(self) -> None:
        """Take the selected child off the list (a stored one is deleted on save)."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.rows):
            return
        gone = self.rows.pop(row)
        if gone.get("id"):
            self.removed.append(str(gone["id"]))
        self._show()
        self.changed.emit()

    def apply(self, scope: WriteScope, parent_id: str) -> None:
        """Write the queued additions and removals inside the form's save transaction."""
        self._written = []
        for rid in self.removed:
            records.delete_one(self.ctx, scope, self.entity, rid)
        for row in self.rows:
            if not row.get("id"):
                rid, _warnings = records.insert_one(
                    self.ctx, scope, self.entity, {**row, self.parent_field: parent_id}
                )
                self._written.append((row, rid))

    def saved(self) -> tuple[list[str], list[str]]:
        """After the transaction committed: returns the ids (added, deleted) by the save."""
        added = []
        for row, rid in self._written:
            row["id"] = rid
            added.append(rid)
        deleted = list(self.removed)
        self._written = []
        self.removed.clear()
        self._show()
        return added, deleted

    def reset(self) -> None:
        """Empty the list (Save & New)."""
        self.rows.clear()
        self.removed.clear()
        self._show()
