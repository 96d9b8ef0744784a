"""The Import dialog: choose a workbook → preview per sheet (new / updated / unchanged /
warnings / errors, with the findings) → map a counterpart's own layout if needed → Import
(all or nothing) or, when rows have errors, "Save error report…"."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pp_desktop.exchange.excel.preview import ImportPlan
from pp_desktop.exchange.excel.reader import SheetMapping
from pp_desktop.exchange.excel.report import write_error_report
from pp_desktop.services.records import ChangeSet
from pp_desktop.ui.exchange.common import (
    error_text,
    open_path,
    run_task,
    save_path,
    show_error,
    show_message,
)
from pp_desktop.ui.exchange.import_work import Preview, run_commit, run_preview
from pp_desktop.ui.exchange.mapping_dialog import ColumnMappingDialog
from pp_desktop.ui.i18n import service_message
from pp_desktop.ui.session import Session
from pp_desktop.ui.task_progress import TaskProgressDialog

SHOWN_FINDINGS = 500  # the error report has every one


class ImportDialog(QDialog):
    """Import a workbook sent back by a counterpart."""

    imported = Signal(object)  # dict[str, ChangeSet]

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path: Path | None = None
        self.preview: Preview | None = None
        self.mappings: list[SheetMapping] = []
        self.source = ""
        self.task_dialog: TaskProgressDialog | None = None
        self.mapping_dialog: ColumnMappingDialog | None = None
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import from Excel"))
        self.resize(860, 600)

        self.kinds = {
            "seizure": self.tr("Seizures"),
            "price": self.tr("Prices"),
            "organisation": self.tr("Organisations"),
            "project": self.tr("Projects"),
            "project_donor": self.tr("Project donors"),
            "recommendation": self.tr("Recommendations"),
            "progress_note": self.tr("Progress notes"),
            "contact": self.tr("Contacts"),
        }
        self.file_label = QLabel(self.tr("No file chosen yet."), self)
        self.file_label.setObjectName("importFile")
        self.file_label.setWordWrap(True)
        choose = QPushButton(self.tr("Choose file…"), self)
        choose.setObjectName("importChoose")
        choose.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)

        self.summary = QLabel(
            self.tr(
                "Nothing is written until you press Import, and then every row is imported or none."
            ),
            self,
        )
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "hint")

        self.sheets_table = QTableWidget(0, 7, self)
        self.sheets_table.setObjectName("importSheets")
        self.sheets_table.setHorizontalHeaderLabels(
            [
                self.tr("Sheet"),
                self.tr("Kind"),
                self.tr("New"),
                self.tr("Updated"),
                self.tr("Unchanged"),
                self.tr("Warnings"),
                self.tr("Errors"),
            ]
        )
        self._table_defaults(self.sheets_table)
        # the sheet name takes the spare width; the counts stay next to each other
        self.sheets_table.horizontalHeader().setStretchLastSection(False)
        self.sheets_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.findings = QTableWidget(0, 5, self)
        self.findings.setObjectName("importFindings")
        self.findings.setHorizontalHeaderLabels(
            [
                self.tr("Finding"),
                self.tr("Sheet"),
                self.tr("Row"),
                self.tr("Column"),
                self.tr("Message"),
            ]
        )
        self._table_defaults(self.findings)
        self.findings.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.notes = QLabel(self)
        self.notes.setObjectName("importNotes")
        self.notes.setWordWrap(True)
        self.notes.setProperty("role", "hint")

        self.map_button = QPushButton(self.tr("Map columns…"), self)
        self.map_button.setObjectName("importMap")
        self.map_button.setToolTip(
            self.tr("Say which field each column of a sheet in the counterpart's own layout is")
        )
        self.map_button.clicked.connect(self.open_mapping)
        self.report_button = QPushButton(self.tr("Save error report…"), self)
        self.report_button.setObjectName("importReport")
        self.report_button.setToolTip(
            self.tr("A workbook with the rows as read, the bad cells marked, and every finding")
        )
        self.report_button.clicked.connect(self.save_report)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setObjectName("importRun")
        self.import_button.setDefault(True)
        self.import_button.setToolTip(
            self.tr("Write every new and changed row in one transaction: all or nothing")
        )
        self.import_button.clicked.connect(self.start_import)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("importClose")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.map_button)
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.sheets_table, 2)
        layout.addWidget(self.findings, 3)
        layout.addWidget(self.notes)
        layout.addLayout(buttons)
        self._update_buttons()

    @staticmethod
    def _table_defaults(table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)

    @property
    def plan(self) -> ImportPlan | None:
        """The previewed plan (None before a preview)."""
        return self.preview.plan if self.preview is not None else None

    def _update_buttons(self) -> None:
        plan = self.plan
        busy = self.task_dialog is not None
        changes = bool(plan and (plan.totals()["new"] or plan.totals()["updated"]))
        self.import_button.setEnabled(
            bool(plan) and not busy and changes and plan is not None and not plan.error_count
        )
        self.report_button.setEnabled(bool(plan and plan.issues) and not busy)
        self.map_button.setEnabled(bool(self.preview and self.preview.unread) and not busy)

    # --- preview ------------------------------------------------------------------------------

    def choose_file(self) -> None:
        """Ask for a workbook and preview it."""
        start = self.path.parent if self.path else self.session.folder.parent
        path = open_path(
            self,
            self.tr("Choose the workbook to import"),
            start,
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> None:
        """Preview ``path`` from scratch (no mapping given yet)."""
        self.path = path
        self.mappings, self.source = [], ""
        self.file_label.setText(
            self.tr("<b>{name}</b> in {folder}").format(
                name=html.escape(path.name), folder=html.escape(str(path.parent))
            )
        )
        self.run_preview()

    def run_preview(self) -> None:
        """Check every row of the chosen file in the background."""
        if self.path is None:
            return
        ctx, path, extra, source = self.session.ctx, self.path, list(self.mappings), self.source
        self.preview = None
        self._show(None)
        _task, self.task_dialog = run_task(
            self,
            self.tr("Checking {name}").format(name=path.name),
            lambda control: run_preview(ctx, path, extra, source, control),
            self._previewed,
            self._preview_failed,
            self._preview_cancelled,
        )
        self._update_buttons()

    def _task_over(self) -> None:
        self.task_dialog = None

    def _previewed(self, preview: Preview) -> None:
        self._task_over()
        self.preview = preview
        self._show(preview)
        if preview.plan is None:
            self.summary.setText(
                service_message(preview.refusal)
                + " "
                + self.tr("If a sheet holds records in another layout, use Map columns….")
            )

    def _preview_failed(self, exc: BaseException) -> None:
        self._task_over()
        self._show(None)
        self.summary.setText(error_text(exc))
        show_error(self, self.tr("This file cannot be imported"), exc)

    def _preview_cancelled(self) -> None:
        self._task_over()
        self._show(None)
        self.summary.setText(self.tr("The check was cancelled; nothing was imported."))

    def _show(self, preview: Preview | None) -> None:
        plan = preview.plan if preview is not None else None
        sheets = plan.sheets if plan is not None else []
        self.sheets_table.setRowCount(len(sheets) + (1 if sheets else 0))
        for r, sp in enumerate(sheets):
            values = [
                sp.sheet,
                self.kinds.get(sp.entity, sp.entity),
                sp.new,
                sp.updated,
                sp.unchanged,
                sp.warnings,
                sp.errors,
            ]
            self._row(self.sheets_table, r, values)
        if plan is not None and sheets:
            t = plan.totals()
            total = [self.tr("Total"), "", t["new"], t["updated"], t["unchanged"]]
            self._row(self.sheets_table, len(sheets), [*total, t["warnings"], t["errors"]])
        issues = plan.issues[:SHOWN_FINDINGS] if plan is not None else []
        self.findings.setRowCount(len(issues))
        for r, issue in enumerate(issues):
            kind = self.tr("Error") if issue.severity == "error" else self.tr("Warning")
            values = [kind, issue.sheet, issue.row, issue.column, issue.message]
            self._row(self.findings, r, values)
        self.notes.setText("\n".join(plan.notes) if plan is not None else "")
        if plan is not None:
            self.summary.setText(self._summary_text(preview))
        self._update_buttons()

    def _summary_text(self, preview: Preview | None) -> str:
        plan = preview.plan if preview is not None else None
        if plan is None:
            return ""
        t = plan.totals()
        counts = self.tr(
            "{new} new, {updated} updated, {unchanged} unchanged; {warnings} with warnings, "
            "{errors} with errors."
        ).format(**{k: f"{v:,}" for k, v in t.items()})
        if plan.error_count:
            return (
                counts
                + " "
                + self.tr(
                    "Rows with errors block the import: save the error report, correct the rows "
                    "and import the file again."
                )
            )
        if not (t["new"] or t["updated"]):
            return counts + " " + self.tr("Nothing to import: the vault already has every row.")
        more = ""
        if preview is not None and preview.unread:
            more = " " + self.tr(
                "Some sheets were not read; use Map columns… if they hold records."
            )
        return counts + " " + self.tr("Press Import to write them in one go.") + more

    @staticmethod
    def _row(table: QTableWidget, r: int, values: list[object]) -> None:
        for c, value in enumerate(values):
            text = f"{value:,}" if isinstance(value, int) else str(value)
            item = QTableWidgetItem(text)
            if isinstance(value, int):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)

    # --- mapping -----------------------------------------------------------------------------

    def open_mapping(self) -> ColumnMappingDialog | None:
        """Open the column-mapping step for the sheets the preview could not read."""
        if self.preview is None or not self.preview.unread:
            return None
        dialog = ColumnMappingDialog(self.preview.unread, self.source, self)
        dialog.accepted.connect(lambda: self._mapped(dialog))
        dialog.finished.connect(lambda _r: setattr(self, "mapping_dialog", None))
        self.mapping_dialog = dialog
        dialog.open()
        return dialog

    def _mapped(self, dialog: ColumnMappingDialog) -> None:
        source, mapping = dialog.mapping()
        self.source = source
        self.mappings = [m for m in self.mappings if m.sheet != mapping.sheet] + [mapping]
        self.run_preview()

    # --- report and import --------------------------------------------------------------------

    def save_report(self) -> Path | None:
        """Write the error report workbook where the officer says."""
        plan = self.plan
        if plan is None:
            return None
        start = plan.path.with_name(f"{plan.path.stem}-errors.xlsx")
        target = save_path(
            self, self.tr("Save the error report as"), start, self.tr("Excel workbooks (*.xlsx)")
        )
        if target is None:
            return None
        if target.suffix.lower() != ".xlsx":
            target = target.with_suffix(".xlsx")
        try:
            written = write_error_report(plan, target)
        except Exception as exc:  # typed or file-system error: a message, never a traceback
            show_error(self, self.tr("The error report could not be written"), exc)
            return None
        show_message(
            self,
            self.tr("Error report saved"),
            self.tr("The rows with findings are marked in {name}.").format(name=written.name),
        )
        return written

    def start_import(self) -> None:
        """Write the previewed plan in one transaction, in the background."""
        plan = self.plan
        if plan is None or plan.error_count:
            return
        ctx = self.session.ctx
        _task, self.task_dialog = run_task(
            self,
            self.tr("Importing {name}").format(name=plan.path.name),
            lambda control: run_commit(ctx, plan, control),
            self._committed,
            self._commit_failed,
            cancellable=False,
        )
        self._update_buttons()

    def _committed(self, changes: dict[str, ChangeSet]) -> None:
        self._task_over()
        created = sum(len(c.created) for c in changes.values())
        updated = sum(len(c.updated) for c in changes.values())
        self.preview = None
        self._show(None)
        text = self.tr("{new} new and {updated} updated records were imported.").format(
            new=f"{created:,}", updated=f"{updated:,}"
        )
        self.summary.setText(text)
        self.imported.emit(changes)
        show_message(self, self.tr("Import finished"), text)

    def _commit_failed(self, exc: BaseException) -> None:
        self._task_over()
        self._update_buttons()
        show_error(self, self.tr("Nothing was imported"), exc)


def open_import(session: Session, parent: QWidget) -> ImportDialog:
    """Open the Import dialog (window-modal, non-blocking) and ask for the file."""
    dialog = ImportDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
