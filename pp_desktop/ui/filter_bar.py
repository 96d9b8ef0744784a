"""The filter row above a list: reference-code combos and a date range, built from the spec."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from pp_desktop.ui.code_combo import CodeComboBox
from pp_desktop.ui.list_specs import FilterSpec, ListSpec
from pp_desktop.ui.vault_reads import ReferenceLabels

NO_DATE = QDate(1900, 1, 1)  # the minimum of a date edit stands for "no limit"


class FilterBar(QWidget):
    """Filters of one list; ``changed`` fires whenever the officer changes one."""

    changed = Signal()

    def __init__(self, spec: ListSpec, labels: ReferenceLabels, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"{spec.key}Filters")
        self._combos: dict[str, CodeComboBox] = {}
        self._date_from: QDateEdit | None = None
        self._date_to: QDateEdit | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for f in spec.filters:
            if f.kind == "dates":
                self._add_dates(layout, f)
            else:
                combo = CodeComboBox("All", self._options(f, labels), self)
                combo.setObjectName(f"filter_{f.name}")
                combo.setToolTip(f"Show only records with this {f.title.lower()}")
                combo.currentIndexChanged.connect(self.changed)
                label = QLabel(f"{f.title}:", self)
                label.setBuddy(combo)
                layout.addWidget(label)
                layout.addWidget(combo)
                self._combos[f.name] = combo
        self.clear_button = QPushButton("Clear filters", self)
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setProperty("flat", True)
        self.clear_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)

    @staticmethod
    def _options(f: FilterSpec, labels: ReferenceLabels) -> list[tuple[str, str]]:
        if f.kind == "choice":
            return list(f.choices)
        by_label = f.ref in ("country", "drug")  # long lists: alphabetical reads best
        return [
            (o.code, labels.display(f.ref, o.code))
            for o in labels.options(f.ref, by_label=by_label)
        ]

    def _add_dates(self, layout: QHBoxLayout, f: FilterSpec) -> None:
        def date_edit(name: str, tip: str) -> QDateEdit:
            edit = QDateEdit(self)
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText("any")  # shown at the minimum date: no limit
            edit.setDate(NO_DATE)
            edit.setToolTip(tip)
            edit.dateChanged.connect(self.changed)
            return edit

        self._date_from = date_edit("filter_date_from", "Earliest date (any: no limit)")
        self._date_to = date_edit("filter_date_to", "Latest date (any: no limit)")
        label = QLabel(f"{f.title} from:", self)
        label.setBuddy(self._date_from)
        layout.addWidget(label)
        layout.addWidget(self._date_from)
        layout.addWidget(QLabel("to", self))
        layout.addWidget(self._date_to)

    def combo(self, name: str) -> CodeComboBox:
        """The combo of filter ``name`` (tests and keyboard shortcuts)."""
        return self._combos[name]

    def set_dates(self, start: QDate | None, end: QDate | None) -> None:
        """Set the date range (None: no limit)."""
        if self._date_from is not None:
            self._date_from.setDate(start or NO_DATE)
        if self._date_to is not None:
            self._date_to.setDate(end or NO_DATE)

    def values(self) -> dict[str, Any]:
        """The filters as :class:`ListQuery` ``filters`` (unset ones left out)."""
        out: dict[str, Any] = {}
        for name, combo in self._combos.items():
            code = combo.code()
            if code:
                out[name] = code
        for key, edit in (("date_from", self._date_from), ("date_to", self._date_to)):
            if edit is not None and edit.date() != NO_DATE:
                out[key] = edit.date().toString("yyyy-MM-dd")
        return out

    def is_active(self) -> bool:
        """True when any filter is set."""
        return bool(self.values())

    def clear(self) -> None:
        """Unset every filter (one ``changed`` signal)."""
        self.blockSignals(True)
        try:
            for combo in self._combos.values():
                combo.set_code(None)
            self.set_dates(None, None)
        finally:
            self.blockSignals(False)
        self.changed.emit()
