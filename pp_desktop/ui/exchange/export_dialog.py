"""The Export dialog: which records, which language and format, redaction, restricted and
confidential records (DESIGN §4), where to write — then the export runs as a task."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pp_desktop.exchange.excel.columns import GROUPS
from pp_desktop.exchange.excel.csv_export import csv_targets
from pp_desktop.services.queries import ListQuery
from pp_desktop.ui.exchange.common import (
    confirm,
    run_task,
    save_path,
    show_error,
    show_message,
)
from pp_desktop.ui.exchange.export_work import ExportDone, ExportRequest, run_export
from pp_desktop.ui.i18n import current_language
from pp_desktop.ui.session import Session
from pp_desktop.ui.task_progress import TaskProgressDialog

# (group, default ticked) in the order of the workbook; contacts only when ticked by hand
GROUP_ORDER = (
    ("seizure", True),
    ("price", True),
    ("organisation", True),
    ("project", True),
    ("recommendation", True),
    ("contact", False),
)


class ExportDialog(QDialog):
    """Export records to a workbook (or CSV), a list's current view, or the blank template.

    ``queries``: the filters of the list the export was started from (entity -> query); the
    entity choice is then fixed to that list. ``template``: the blank workbook to fill in.
    """

    exported = Signal(object)  # ExportDone

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        queries: Mapping[str, ListQuery] | None = None,
        template: bool = False,
        list_title: str = "",
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.queries = dict(queries or {})
        self.template = template
        self.task_dialog: TaskProgressDialog | None = None
        self._replace_asked = ""
        self.outcome: ExportDone | None = None
        self.setObjectName("exportDialog")
        if template:
            self.setWindowTitle(self.tr("Export blank template"))
        elif self.queries:
            self.setWindowTitle(self.tr("Export this list"))
        else:
            self.setWindowTitle(self.tr("Export to Excel"))
        self.setMinimumWidth(560)

        intro = QLabel(self)
        intro.setObjectName("exportIntro")
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        if template:
            intro.setText(
                self.tr(
                    "A workbook with the headers and drop-down lists only, for a counterpart "
                    "to fill in and send back."
                )
            )
        elif self.queries:
            intro.setText(
                self.tr(
                    "The records of the list {title}, with its current search and filters."
                ).format(title=list_title)
            )
        else:
            intro.setText(
                self.tr(
                    "A workbook with a Summary sheet, one sheet per kind of record and an About "
                    "sheet saying what was exported, when and by whom."
                )
            )

        self.entity_boxes: dict[str, QCheckBox] = {}
        what = QGroupBox(self.tr("Records to include"), self)
        what_layout = QVBoxLayout(what)
        labels = {
            "seizure": self.tr("Seizures"),
            "price": self.tr("Prices"),
            "organisation": self.tr("Organisations"),
            "project": self.tr("Projects (with their donors)"),
            "recommendation": self.tr("Recommendations (with progress notes)"),
            "contact": self.tr("Contacts (personal data: only when you need them)"),
        }
        fixed = set(self.queries)
        for group, ticked in GROUP_ORDER:
            box = QCheckBox(labels[group], what)
            box.setObjectName(f"export_{group}")
            if fixed:
                box.setChecked(group in fixed)
                box.setEnabled(False)
            else:
                box.setChecked(ticked)
            box.toggled.connect(self._update)
            self.entity_boxes[group] = box
            what_layout.addWidget(box)

        self.lang_combo = QComboBox(self)
        self.lang_combo.setObjectName("exportLanguage")
        self.lang_combo.addItem(self.tr("English"), "en")
        self.lang_combo.addItem(self.tr("Russian"), "ru")
        self.lang_combo.setCurrentIndex(1 if current_language() == "ru" else 0)
        self.lang_combo.setToolTip(self.tr("Language of the headers, sheet names and labels"))

        self.xlsx_radio = QRadioButton(self.tr("Excel workbook (.xlsx)"), self)
        self.xlsx_radio.setObjectName("exportXlsx")
        self.csv_radio = QRadioButton(self.tr("CSV, one file per sheet (.csv)"), self)
        self.csv_radio.setObjectName("exportCsv")
        self.xlsx_radio.setChecked(True)
        formats = QButtonGroup(self)
        formats.addButton(self.xlsx_radio)
        formats.addButton(self.csv_radio)
        self.xlsx_radio.toggled.connect(self._format_changed)
        format_row = QHBoxLayout()
        format_row.addWidget(self.xlsx_radio)
        format_row.addWidget(self.csv_radio)
        format_row.addStretch(1)

        self.redact_box = QCheckBox(self.tr("Leave out notes and personal fields"), self)
        self.redact_box.setObjectName("exportRedact")
        self.redact_box.setToolTip(
            self.tr("Free-text notes and personal data (names, phones, e-mails) are not written")
        )
        self.restricted_box = QCheckBox(self.tr("Include restricted records"), self)
        self.restricted_box.setObjectName("exportRestricted")
        self.restricted_box.setToolTip(
            self.tr("Restricted records are left out of exports unless you ask for them")
        )
        self.confidential_box = QCheckBox(self.tr("Include confidential records"), self)
        self.confidential_box.setObjectName("exportConfidential")
        self.confidential_box.setToolTip(
            self.tr("Confidential records are exported only after you confirm it")
        )

        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("exportPath")
        self.path_edit.setPlaceholderText(self.tr("Choose where to save the file"))
        self.path_edit.textChanged.connect(self._update)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.setObjectName("exportBrowse")
        browse.clicked.connect(self.choose_target)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("Language:"), self.lang_combo)
        form.addRow(self.tr("Format:"), format_row)
        form.addRow(self.tr("Save to:"), path_row)
        privacy = QVBoxLayout()
        privacy.addWidget(self.redact_box)
        privacy.addWidget(self.restricted_box)
        privacy.addWidget(self.confidential_box)

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("exportRun")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addLayout(privacy)
        layout.addWidget(self.buttons)
        if template:
            for widget in (self.redact_box, self.restricted_box, self.confidential_box):
                widget.hide()
            self.csv_radio.setEnabled(False)
        self._update()

    # --- choices ----------------------------------------------------------------------------

    def entities(self) -> list[str]:
        """The entities (sheets) ticked, in workbook order."""
        chosen = [g for g, _d in GROUP_ORDER if self.entity_boxes[g].isChecked()]
        return [e for g in chosen for e in GROUPS[g]] if not self.queries else list(self.queries)

    def levels(self) -> frozenset[str]:
        """The confidentiality levels exported."""
        levels = {"NORMAL"}
        if self.restricted_box.isChecked():
            levels.add("RESTRICTED")
        if self.confidential_box.isChecked():
            levels.add("CONFIDENTIAL")
        return frozenset(levels)

    def target(self) -> Path | None:
        """The file chosen (None when the field is empty)."""
        text = self.path_edit.text().strip()
        return Path(text) if text else None

    def request(self) -> ExportRequest | None:
        """The export asked for (None when incomplete)."""
        target = self.target()
        entities = self.entities()
        if target is None or not entities:
            return None
        suffix = ".csv" if self.csv_radio.isChecked() else ".xlsx"
        if target.suffix.lower() != suffix:
            target = target.with_suffix(suffix)
        return ExportRequest(
            target,
            entities,
            str(self.lang_combo.currentData()),
            self.redact_box.isChecked(),
            self.levels(),
            self.template,
            self.queries,
        )

    def _format_changed(self) -> None:
        target = self.target()
        if target is not None:
            suffix = ".xlsx" if self.xlsx_radio.isChecked() else ".csv"
            self.path_edit.setText(str(target.with_suffix(suffix)))
        self._update()

    def _update(self) -> None:
        self.export_button.setEnabled(self.request() is not None)

    def choose_target(self) -> None:
        """Ask where to save the export."""
        csv = self.csv_radio.isChecked()
        start = self.target() or self.session.folder.parent / (
            "pp-template.xlsx" if self.template else "pp-export.csv" if csv else "pp-export.xlsx"
        )
        filters = self.tr("CSV files (*.csv)") if csv else self.tr("Excel workbooks (*.xlsx)")
        path = save_path(self, self.tr("Save the export as"), start, filters)
        if path is not None:
            self.path_edit.setText(str(path))
            self._replace_asked = str(path)  # the file dialog asked about replacing it

    # --- the export ------------------------------------------------------------------------

    def start_export(self) -> None:
        """Confirm what needs confirming, then write the export in the background."""
        request = self.request()
        if request is None:
            return
        if "CONFIDENTIAL" in request.levels and not confirm(
            self,
            self.tr("Export confidential records?"),
            self.tr(
                "Confidential records will be written to {name}. Anyone who gets the file can "
                "read them. Export them?"
            ).format(name=request.target.name),
        ):
            return
        if not self._may_replace(request):
            return
        ctx = self.session.ctx
        self.export_button.setEnabled(False)
        title = self.tr("Writing {name}").format(name=request.target.name)
        _task, self.task_dialog = run_task(
            self,
            title,
            lambda control: run_export(ctx, request, control),
            self._done,
            self._failed,
            self._cancelled,
        )

    def _may_replace(self, request: ExportRequest) -> bool:
        """Ask before replacing files the file dialog did not already ask about."""
        if request.is_csv:
            targets = list(csv_targets(request.target, list(request.entities)).values())
        else:
            targets = [request.target]
        existing = [p for p in targets if p.exists() and str(p) != self._replace_asked]
        if not existing:
            return True
        return confirm(
            self,
            self.tr("Replace the existing file?"),
            self.tr("{names} already exists. Replace it with the export?").format(
                names=", ".join(p.name for p in existing)
            ),
        )

    def _done(self, done: ExportDone) -> None:
        self.outcome = done
        self.exported.emit(done)
        lines = "\n".join(
            self.tr("{name}: {rows} rows").format(name=p.name, rows=f"{n:,}")
            for p, n in done.files.items()
        )
        folder = next(iter(done.files)).parent if done.files else Path()
        show_message(
            self.parentWidget() or self,
            self.tr("Export finished"),
            self.tr("Written to {folder}:\n{lines}").format(folder=folder, lines=lines),
        )
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._update()
        show_error(self, self.tr("The export failed; no file was written"), exc)

    def _cancelled(self) -> None:
        self._update()
        show_message(
            self,
            self.tr("Export cancelled"),
            self.tr("The export was stopped; no file was written."),
        )


def open_export(
    session: Session,
    parent: QWidget,
    *,
    queries: Mapping[str, ListQuery] | None = None,
    template: bool = False,
    list_title: str = "",
) -> ExportDialog:
    """Open the Export dialog (window-modal, non-blocking)."""
    dialog = ExportDialog(
        session, parent, queries=queries, template=template, list_title=list_title
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
