"""The IATI import dialog: choose an activity file, narrow it by recipient country and DAC
sector, preview (new / updated / skipped with the reason), then import in one transaction."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pp_desktop.exchange.iati import Action, ImportPreview, import_activities
from pp_desktop.services import Services
from pp_desktop.ui.background import TaskControl
from pp_desktop.ui.exchange.common import (
    error_text,
    open_path,
    run_task,
    show_error,
    show_message,
)
from pp_desktop.ui.session import Session
from pp_desktop.ui.task_progress import TaskProgressDialog


def run_iati_import(
    ctx: Services, path: Path, country: str, sector: str, dry_run: bool, control: TaskControl
) -> ImportPreview:
    """Preview (``dry_run``) or import the activities of ``path`` matching the filters."""
    control.progress(-1.0, "")
    preview = import_activities(ctx, path, country, sector, dry_run=dry_run)
    if dry_run:
        control.check()  # a preview can be dropped; nothing was written
    return preview


class IatiImportDialog(QDialog):
    """Import donors' activities from an IATI 2.01–2.03 file."""

    imported = Signal(object)  # ImportPreview (applied)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.task_dialog: TaskProgressDialog | None = None
        self.setObjectName("iatiImportDialog")
        self.setWindowTitle(self.tr("Import projects from IATI"))
        self.resize(860, 560)
        self.file_label = QLabel(self.tr("No file chosen yet."), self)
        self.file_label.setObjectName("iatiImportFile")
        self.file_label.setWordWrap(True)
        choose = QPushButton(self.tr("Choose file…"), self)
        choose.setObjectName("iatiImportChoose")
        choose.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)
        self.country_edit = QLineEdit(self)
        self.country_edit.setObjectName("iatiCountry")
        self.country_edit.setPlaceholderText(self.tr("all countries (or e.g. AFG)"))
        self.country_edit.setToolTip(
            self.tr("Only activities for this recipient country (ISO code)")
        )
        self.sector_edit = QLineEdit(self)
        self.sector_edit.setObjectName("iatiSector")
        self.sector_edit.setPlaceholderText(self.tr("all sectors (or e.g. 16063)"))
        self.sector_edit.setToolTip(self.tr("Only activities of this DAC sector code"))
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.preview_button.setObjectName("iatiPreview")
        self.preview_button.clicked.connect(self.run_preview)
        filters = QFormLayout()
        filters.addRow(self.tr("Recipient country:"), self.country_edit)
        filters.addRow(self.tr("Sector:"), self.sector_edit)
        self.country_edit.textChanged.connect(self._filters_changed)
        self.sector_edit.textChanged.connect(self._filters_changed)
        self.country_edit.returnPressed.connect(self.run_preview)
        self.sector_edit.returnPressed.connect(self.run_preview)
        self.summary = QLabel(self.tr("Nothing is written until you press Import."), self)
        self.summary.setObjectName("iatiSummary")
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "hint")
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("iatiItems")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Decision"), self.tr("Identifier"), self.tr("Title"), self.tr("Details")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        # the title and the details share the spare width; decision and identifier fit
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setObjectName("iatiImportRun")
        self.import_button.clicked.connect(self.start_import)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("iatiImportClose")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.task_dialog is not None
        preview = self.preview
        changes = bool(preview and (preview.counts[Action.NEW] or preview.counts[Action.UPDATE]))
        self.preview_button.setEnabled(self.path is not None and not busy)
        self.import_button.setEnabled(changes and not busy)

    def _filters_changed(self) -> None:
        # the preview shown no longer matches the filters: import only what was previewed
        if self.preview is not None:
            self.preview = None
            self._show(None)
            self.summary.setText(self.tr("The filters changed: press Preview again."))

    def choose_file(self) -> None:
        """Ask for an IATI file and preview it."""
        start = self.path.parent if self.path else self.session.folder.parent
        path = open_path(
            self, self.tr("Choose the IATI activity file"), start, self.tr("XML files (*.xml)")
        )
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> None:
        """Preview ``path`` with the current filters."""
        self.path = path
        self.file_label.setText(
            self.tr("<b>{name}</b> in {folder}").format(
                name=html.escape(path.name), folder=html.escape(str(path.parent))
            )
        )
        self.run_preview()

    def _filters(self) -> tuple[str, str]:
        return self.country_edit.text().strip().upper(), self.sector_edit.text().strip()

    def _start(self, dry_run: bool) -> None:
        if self.path is None:
            return
        ctx, path = self.session.ctx, self.path
        country, sector = self._filters()
        title = (self.tr("Reading {name}") if dry_run else self.tr("Importing {name}")).format(
            name=path.name
        )
        _task, self.task_dialog = run_task(
            self,
            title,
            lambda control: run_iati_import(ctx, path, country, sector, dry_run, control),
            self._previewed if dry_run else self._committed,
            self._failed,
            self._cancelled,
            cancellable=dry_run,
        )
        self._update_buttons()

    def run_preview(self) -> None:
        """Read the file and decide, activity by activity, without writing."""
        self.preview = None
        self._show(None)
        self._start(dry_run=True)

    def start_import(self) -> None:
        """Import the activities matching the filters, in one transaction."""
        if self.preview is not None:
            self._start(dry_run=False)

    def _over(self) -> None:
        self.task_dialog = None
        self._update_buttons()

    def _previewed(self, preview: ImportPreview) -> None:
        self.task_dialog = None
        self.preview = preview
        self._show(preview)

    def _committed(self, preview: ImportPreview) -> None:
        self.task_dialog = None
        self.preview = None
        self._show(preview)
        self.preview = None
        self._update_buttons()
        self.imported.emit(preview)
        show_message(self, self.tr("IATI import finished"), self._counts(preview))

    def _failed(self, exc: BaseException) -> None:
        self._over()
        self.summary.setText(error_text(exc))
        show_error(self, self.tr("This file cannot be imported"), exc)

    def _cancelled(self) -> None:
        self._over()
        self.summary.setText(self.tr("The preview was cancelled; nothing was imported."))

    def _counts(self, preview: ImportPreview) -> str:
        c = preview.counts
        text = (
            self.tr("Imported: {new} new, {updated} updated, {skipped} skipped.")
            if preview.applied
            else self.tr("{new} new, {updated} to update, {skipped} skipped.")
        )
        out = text.format(new=c[Action.NEW], updated=c[Action.UPDATE], skipped=c[Action.SKIP])
        if preview.new_organisations:
            out += " " + self.tr("New organisations: {names}.").format(
                names=", ".join(preview.new_organisations[:10])
            )
        return out

    def _show(self, preview: ImportPreview | None) -> None:
        items = preview.items if preview is not None else []
        names = {
            Action.NEW: self.tr("New project"),
            Action.UPDATE: self.tr("Update"),
            Action.SKIP: self.tr("Skipped"),
        }
        self.table.setRowCount(len(items))
        for r, item in enumerate(items):
            # a new project sets every field: only an update's changed fields say something
            changed = ", ".join(item.changed) if item.action is Action.UPDATE else ""
            details = item.reason or changed
            if item.notes:
                details += (" — " if details else "") + "; ".join(item.notes)
            for c, value in enumerate((names[item.action], item.identifier, item.title, details)):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.table.setItem(r, c, cell)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        if preview is not None:
            self.summary.setText(self._counts(preview))
        self._update_buttons()


def open_iati_import(session: Session, parent: QWidget) -> IatiImportDialog:
    """Open the IATI import dialog (window-modal, non-blocking)."""
    dialog = IatiImportDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
