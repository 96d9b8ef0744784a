"""The Conflicts view: both versions of a record side by side, field by field.

A record changed on this laptop and elsewhere (HQ or another officer) before either side heard
of the other is kept in both versions; the record shows the later edit until the officer
decides. Rows whose values differ are highlighted; the officer keeps this laptop's version,
the other version, or chooses field by field. The resolution is itself a change: it is
journalled and travels to HQ with the next sync. Below: changes HQ or this laptop quarantined,
with the reason given.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pp_desktop.services.conflicts import MINE, THEIRS, resolve
from pp_desktop.ui.background import run_in_background
from pp_desktop.ui.session import Session
from pp_desktop.ui.sync import reads
from pp_desktop.ui.sync.conflict_rows import conflict_rows, field_title, value_text
from pp_desktop.ui.sync.running import error_text, show_message
from pp_desktop.ui.theme import set_message
from pp_desktop.ui.tr_marks import QT_TRANSLATE_NOOP

DIFFERENT = QColor("#fff1d6")  # a soft amber: the rows the officer must look at
ENTITY_TITLES = {
    "seizure": QT_TRANSLATE_NOOP("sync", "Seizure"),
    "price": QT_TRANSLATE_NOOP("sync", "Price observation"),
    "organisation": QT_TRANSLATE_NOOP("sync", "Organisation"),
    "contact": QT_TRANSLATE_NOOP("sync", "Contact"),
    "project": QT_TRANSLATE_NOOP("sync", "Project"),
    "project_donor": QT_TRANSLATE_NOOP("sync", "Project donor"),
    "recommendation": QT_TRANSLATE_NOOP("sync", "Recommendation"),
    "progress_note": QT_TRANSLATE_NOOP("sync", "Progress note"),
    "recommendation_project": QT_TRANSLATE_NOOP("sync", "Recommendation–project link"),
    "attachment": QT_TRANSLATE_NOOP("sync", "Attachment"),
}
# the field that names a record best, per entity (the list shows it next to the type)
NAMING_FIELDS = {
    "seizure": ("seized_on", "place"),
    "price": ("observed_on", "place"),
    "organisation": ("name",),
    "contact": ("name",),
    "project": ("identifier", "title"),
    "recommendation": ("code", "title"),
}


def entity_title(entity: str) -> str:
    """The translated name of a kind of record."""
    return QCoreApplication.translate("sync", ENTITY_TITLES.get(entity, entity))


class ConflictsView(QWidget):
    """Open conflicts on the left; the chosen one field by field on the right."""

    refreshed = Signal(int)  # open conflicts shown
    resolved = Signal(str)  # conflict id: a change was written
    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("conflictsView")
        self.cases: list[reads.ConflictCase] = []
        self.quarantined: list[reads.QuarantineRow] = []
        self.current: reads.ConflictCase | None = None
        self.choices: dict[str, QComboBox] = {}
        self.dialog: QMessageBox | None = None
        self.busy = False

        title = QLabel(self.tr("Conflicts"), self)
        title.setObjectName("pageTitle")
        intro = QLabel(
            self.tr(
                "These records were changed on this laptop and elsewhere before either side "
                "heard of the other. Both versions are kept; the record shows the later edit "
                "until you decide. Your decision is sent to HQ with the next sync."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        self.message = QLabel(self)
        self.message.setObjectName("conflictMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.list = QListWidget(self)
        self.list.setObjectName("conflictList")
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(self._select)
        self.empty = QLabel(self.tr("No open conflicts."), self)
        self.empty.setObjectName("conflictsEmpty")
        self.empty.setProperty("role", "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.heading = QLabel(self)
        self.heading.setObjectName("sectionTitle")
        self.detail = QLabel(self)
        self.detail.setObjectName("conflictDetail")
        self.detail.setProperty("role", "hint")
        self.detail.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("conflictFields")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        # long values wrap: rows grow when a column's width changes
        header.sectionResized.connect(lambda *_a: self.table.resizeRowsToContents())

        self.keep_mine = QPushButton(self.tr("Keep mine"), self)
        self.keep_mine.setObjectName("conflictKeepMine")
        self.keep_mine.setToolTip(self.tr("Keep this laptop's version of every conflicting field"))
        self.keep_mine.clicked.connect(lambda: self.resolve_current(MINE))
        self.keep_theirs = QPushButton(self.tr("Keep theirs"), self)
        self.keep_theirs.setObjectName("conflictKeepTheirs")
        self.keep_theirs.setToolTip(self.tr("Take the other version of every conflicting field"))
        self.keep_theirs.clicked.connect(lambda: self.resolve_current(THEIRS))
        self.apply_fields = QPushButton(self.tr("Apply my choices"), self)
        self.apply_fields.setObjectName("conflictApplyFields")
        self.apply_fields.setProperty("primary", True)
        self.apply_fields.setToolTip(
            self.tr("Keep, field by field, the version chosen in the last column")
        )
        self.apply_fields.clicked.connect(lambda: self.resolve_current("fields"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_mine)
        buttons.addWidget(self.keep_theirs)
        buttons.addWidget(self.apply_fields)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(12, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.detail)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(buttons)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([300, 900])

        q_title = QLabel(self.tr("Quarantined changes"), self)
        q_title.setObjectName("sectionTitle")
        q_hint = QLabel(
            self.tr(
                "Changes refused by validation are kept here with the reason, never dropped. "
                "Correct the record and sync again."
            ),
            self,
        )
        q_hint.setProperty("role", "hint")
        q_hint.setWordWrap(True)
        self.quarantine = QTableWidget(0, 5, self)
        self.quarantine.setObjectName("quarantineTable")
        self.quarantine.setHorizontalHeaderLabels(
            [
                self.tr("Record type"),
                self.tr("Record"),
                self.tr("Reason"),
                self.tr("From"),
                self.tr("When"),
            ]
        )
        self.quarantine.verticalHeader().hide()
        self.quarantine.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.quarantine.setAlternatingRowColors(True)
        qh = self.quarantine.horizontalHeader()
        qh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        qh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.quarantine.setMaximumHeight(170)
        self.no_quarantine = QLabel(self.tr("No quarantined changes."), self)
        self.no_quarantine.setObjectName("quarantineEmpty")
        self.no_quarantine.setProperty("role", "hint")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        layout.addWidget(q_title)
        layout.addWidget(q_hint)
        layout.addWidget(self.quarantine)
        layout.addWidget(self.no_quarantine)
        self._show_case(None)
        self._fill_quarantine([])

    # --- reading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the open conflicts and the quarantine off the UI thread."""
        ctx = self.session.ctx
        run_in_background(
            lambda: (reads.conflict_cases(ctx), reads.quarantine(ctx)),
            self._show,
            self._read_failed,
            owner=self,
        )

    def clear(self) -> None:
        """Forget every value shown (the vault locks)."""
        self.cases, self.quarantined, self.current = [], [], None
        self.list.clear()
        self.quarantine.setRowCount(0)
        self._show_case(None)

    def _read_failed(self, exc: BaseException) -> None:
        if not self.session.is_locked:
            set_message(self.message, error_text(exc), "error")
            self.message.show()

    def _show(self, data: tuple[list[reads.ConflictCase], list[reads.QuarantineRow]]) -> None:
        cases, quarantined = data
        keep = self.current.conflict.id if self.current else None
        self.cases, self.quarantined = cases, quarantined
        self.list.blockSignals(True)
        self.list.clear()
        row = 0
        for i, case in enumerate(cases):
            item = QListWidgetItem(self._list_text(case))
            item.setToolTip(
                self.tr("Fields in conflict: {fields}").format(
                    fields=", ".join(
                        field_title(case.conflict.entity, n) for n in case.conflict.fields
                    )
                )
            )
            self.list.addItem(item)
            if case.conflict.id == keep:
                row = i
        self.list.blockSignals(False)
        self.list.setVisible(bool(cases))
        self.empty.setVisible(not cases)
        if cases:
            self.list.setCurrentRow(row)
            self._select(row)
        else:
            self._show_case(None)
        self._fill_quarantine(quarantined)
        self.refreshed.emit(len(cases))

    def _fill_quarantine(self, rows: list[reads.QuarantineRow]) -> None:
        self.quarantine.setVisible(bool(rows))
        self.no_quarantine.setVisible(not rows)
        self.quarantine.setRowCount(len(rows))
        for r, q in enumerate(rows):
            cells = (
                entity_title(q.entity),
                q.entity_id,
                q.reason,
                self._source_text(q.source),
                q.at[:16].replace("T", " "),
            )
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if c == 2:
                    item.setToolTip(q.reason)
                self.quarantine.setItem(r, c, item)

    def _source_text(self, source: str) -> str:
        """Who quarantined the change: this laptop (a change from HQ that failed here) or HQ
        (this laptop's change, refused there and reported in HQ's receipt)."""
        if source == "hq-receipt":
            return self.tr("HQ (refused there)")
        if source == "hq":
            return self.tr("HQ (refused here)")
        return source

    def _case_title(self, case: reads.ConflictCase) -> str:
        c = case.conflict
        values = case.current or {**c.theirs, **c.mine}
        names = [
            value_text(self.session, c.entity, n, values.get(n))
            for n in NAMING_FIELDS.get(c.entity, ())
            if values.get(n) not in (None, "")
        ]
        label = " · ".join(names) or c.entity_id[:8]
        return f"{entity_title(c.entity)}: {label}"

    def _list_text(self, case: reads.ConflictCase) -> str:
        """Two lines in the list: what kind of record, then which one."""
        return self._case_title(case).replace(": ", "\n", 1)

    # --- one conflict -------------------------------------------------------------------------

    def _select(self, row: int) -> None:
        self._show_case(self.cases[row] if 0 <= row < len(self.cases) else None)

    def _show_case(self, case: reads.ConflictCase | None) -> None:
        self.current = case
        self.choices = {}
        for button in (self.keep_mine, self.keep_theirs, self.apply_fields):
            button.setEnabled(case is not None and not self.busy)
        if case is None:
            self.heading.setText(self.tr("Nothing to decide"))
            self.detail.setText("")
            self.table.setRowCount(0)
            return
        c = case.conflict
        self.heading.setText(self._case_title(case))
        self.detail.setText(
            self.tr(
                "Detected {when}. Other version from: {source}. Fields that differ: {n} "
                "(highlighted)."
            ).format(
                when=c.detected_at[:16].replace("T", " "),
                source=self.tr("HQ") if c.source == "hq" else c.source,
                n=len(c.fields),
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Field"),
                self.tr("This laptop (mine)"),
                self.tr("Other version (theirs)"),
                self.tr("Keep"),
            ]
        )
        rows = conflict_rows(self.session, case)
        self.table.setRowCount(len(rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for r, (name, title, mine, theirs) in enumerate(rows):
            conflicting = name in c.fields
            differs = mine != theirs
            cells = (title, mine, theirs)
            for col, text_ in enumerate(cells):
                item = QTableWidgetItem(text_)
                if differs:
                    item.setBackground(QBrush(DIFFERENT))
                if conflicting and col == 0:
                    item.setFont(bold)
                item.setToolTip(text_)
                self.table.setItem(r, col, item)
            if conflicting:
                combo = QComboBox(self.table)
                combo.setObjectName(f"keep_{name}")
                combo.addItem(self.tr("Mine"), MINE)
                combo.addItem(self.tr("Theirs"), THEIRS)
                self.table.setCellWidget(r, 3, combo)
                self.choices[name] = combo
            else:
                self.table.setItem(r, 3, QTableWidgetItem(""))
        self.apply_fields.setEnabled(bool(self.choices) and not self.busy)
        self.table.resizeRowsToContents()

    # --- resolving ----------------------------------------------------------------------------

    def per_field_choice(self) -> dict[str, str]:
        """The side chosen in each conflicting field's Keep column."""
        return {name: str(combo.currentData()) for name, combo in self.choices.items()}

    def resolve_current(self, choice: str) -> bool:
        """Resolve the conflict shown: ``mine``, ``theirs`` or ``fields`` (the Keep column)."""
        case = self.current
        if case is None or self.busy:
            return False
        ctx = self.session.ctx
        cid = case.conflict.id
        per_field = self.per_field_choice() if choice == "fields" else None
        self.busy = True
        for button in (self.keep_mine, self.keep_theirs, self.apply_fields):
            button.setEnabled(False)
        run_in_background(
            lambda: resolve(ctx, cid, choice, per_field),
            lambda _r: self._resolved(cid),
            self._resolve_failed,
            owner=self,
        )
        return True

    def _resolved(self, cid: str) -> None:
        self.busy = False
        set_message(
            self.message,
            self.tr("Resolved. Your decision is sent to HQ with the next sync."),
            "success",
        )
        self.message.show()
        self.resolved.emit(cid)
        self.changed.emit()
        self.refresh()

    def _resolve_failed(self, exc: BaseException) -> None:
        self.busy = False
        self._show_case(self.current)
        self.dialog = show_message(
            self,
            self.tr("This conflict could not be resolved"),
            error_text(exc),
            QMessageBox.Icon.Warning,
            "conflictError",
        )
