"""The filter row above a list: reference-code combos and a date range, built from the spec."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
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
                combo = CodeComboBox(self.tr("All"), self._options(f, labels), self)
                combo.setObjectName(f"filter_{f.name}")
                title = _title(f.title)
                combo.setToolTip(
                    self.tr("Show only records with this value: {title}").format(title=title)
                )
                combo.currentIndexChanged.connect(self.changed)
                label = QLabel(self.tr("{title}:").format(title=title), self)
                label.setBuddy(combo)
                layout.addWidget(label)
                layout.addWidget(combo)
                self._combos[f.name] = combo
        self._labels = labels
        self._children = {f.parent: f for f in spec.filters if f.parent}
        for parent_name, child in self._children.items():
            if parent_name in self._combos:
                self._combos[parent_name].currentIndexChanged.connect(
                    lambda _i, c=child: self._narrow(c)
                )
                self._narrow(child)
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setProperty("flat", True)
        self.clear_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)

    @staticmethod
    def _options(
        f: FilterSpec, labels: ReferenceLabels, parent: str | None = None
    ) -> list[tuple[str, str]]:
        if f.kind == "choice":
            return [(code, _title(text)) for code, text in f.choices]
        by_label = f.ref in ("country", "drug", "province")  # long lists read best by name
        return [
            (o.code, labels.display(f.ref, o.code))
            for o in labels.options(f.ref, by_label=by_label, parent=parent)
        ]

    def _narrow(self, child: FilterSpec) -> None:
        """Offer only the provinces of the chosen country (all of them while none is)."""
        combo = self._combos.get(child.name)
        if combo is None:
            return
        before = combo.code()
        parent = self._combos[child.parent].code()
        # no country: nothing to offer (the combo is disabled), and hundreds of provinces
        # would cost the list's first paint ~80 ms to fill
        combo.set_options(self._options(child, self._labels, parent) if parent else [])
        combo.setEnabled(parent is not None)
        combo.setToolTip(self.tr("Choose a country first") if parent is None else combo.toolTip())
        if combo.code() != before:
            self.changed.emit()

    def _add_dates(self, layout: QHBoxLayout, f: FilterSpec) -> None:
        def date_edit(name: str, tip: str) -> QDateEdit:
            edit = QDateEdit(self)
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText(self.tr("any"))  # shown at the minimum date: no limit
            edit.setDate(NO_DATE)
            edit.setToolTip(tip)
            edit.dateChanged.connect(self.changed)
            return edit

        self._date_from = date_edit("filter_date_from", self.tr("Earliest date (any: no limit)"))
        self._date_to = date_edit("filter_date_to", self.tr("Latest date (any: no limit)"))
        label = QLabel(self.tr("{title} from:").format(title=_title(f.title)), self)
        label.setBuddy(self._date_from)
        layout.addWidget(label)
        layout.addWidget(self._date_from)
        layout.addWidget(QLabel(self.tr("to"), self))
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


def _title(text: str) -> str:
    """A filter title from :mod:`list_specs` in the interface's language."""
    return QCoreApplication.translate("lists", text)
