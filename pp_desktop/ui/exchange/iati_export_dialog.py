"""The IATI export dialog: every shareable project, or the ones ticked (confidential ones only
after a confirmation), written as an IATI 2.03 activity file in the background."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import text

from pp_desktop.exchange.iati import ExportResult, ReportingOrg, export_projects, reporting_org
from pp_desktop.services import Services
from pp_desktop.ui.background import TaskCancelled, TaskControl
from pp_desktop.ui.exchange.common import confirm, run_task, save_path, show_error, show_message
from pp_desktop.ui.exchange.iati_org_dialog import ReportingOrgDialog
from pp_desktop.ui.session import Session
from pp_desktop.ui.task_progress import TaskProgressDialog


def project_choices(ctx: Services) -> list[tuple[str, str, str, str]]:
    """(id, IATI identifier, title, confidentiality) of every live project."""
    with ctx.reading() as conn:
        rows = conn.execute(
            text(
                "SELECT id, identifier, title, confidentiality FROM project "
                "WHERE deleted_at IS NULL ORDER BY identifier"
            )
        )
        return [(str(r[0]), str(r[1] or ""), str(r[2] or ""), str(r[3] or "NORMAL")) for r in rows]


def run_iati_export(
    ctx: Services,
    target: Path,
    projects: list[str] | None,
    confirmed: bool,
    control: TaskControl,
) -> ExportResult:
    """Write the file beside ``target`` first and move it in place only if not cancelled, so a
    cancel leaves no file."""
    control.progress(-1.0, "")
    partial = target.with_name(f".{target.name}.partial")
    try:
        result = export_projects(ctx, partial, projects, confirmed)
        control.check()
        partial.replace(target)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    result.path = target
    return result


class IatiExportDialog(QDialog):
    """Export assistance projects to IATI 2.03 XML."""

    exported = Signal(object)  # ExportResult

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.outcome: ExportResult | None = None
        self.task_dialog: TaskProgressDialog | None = None
        self.setObjectName("iatiExportDialog")
        self.setWindowTitle(self.tr("Export projects to IATI"))
        self.resize(620, 520)
        hint = QLabel(
            self.tr(
                "Projects are written as activities of an IATI 2.03 file, the standard donors "
                "publish their aid in. Restricted and confidential projects are written only "
                "when you tick them."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.all_radio = QRadioButton(self.tr("All shareable projects"), self)
        self.all_radio.setObjectName("iatiAll")
        self.selected_radio = QRadioButton(self.tr("Only the projects ticked below"), self)
        self.selected_radio.setObjectName("iatiSelected")
        group = QButtonGroup(self)
        group.addButton(self.all_radio)
        group.addButton(self.selected_radio)
        self.all_radio.setChecked(True)
        self.projects = QListWidget(self)
        self.projects.setObjectName("iatiProjects")
        self.confidential: set[str] = set()
        for rid, ident, title, level in project_choices(session.ctx):
            mark = "" if level == "NORMAL" else f" [{self._level(level)}]"
            item = QListWidgetItem(f"{ident} — {title}{mark}", self.projects)
            item.setData(Qt.ItemDataRole.UserRole, rid)
            item.setToolTip(f"{ident}\n{title}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            if level == "CONFIDENTIAL":
                self.confidential.add(rid)
        self.projects.itemChanged.connect(self._ticked)
        self.all_radio.toggled.connect(self._update)

        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("iatiExportPath")
        self.path_edit.setPlaceholderText(self.tr("Choose where to save the file"))
        self.path_edit.textChanged.connect(self._update)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.setObjectName("iatiExportBrowse")
        browse.clicked.connect(self.choose_target)
        path_row = QHBoxLayout()
        path_row.addWidget(QLabel(self.tr("Save to:"), self))
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        self.org_label = QLabel(self)
        self.org_label.setObjectName("iatiOrg")
        self.org_label.setWordWrap(True)
        org_button = QPushButton(self.tr("Change…"), self)
        org_button.setObjectName("iatiOrgChange")
        org_button.setToolTip(self.tr("Who publishes the exported activities"))
        org_button.clicked.connect(self.edit_org)
        self.org_dialog: ReportingOrgDialog | None = None
        org_row = QHBoxLayout()
        org_row.addWidget(self.org_label, 1)
        org_row.addWidget(org_button)
        self._show_org(reporting_org(session.vault))

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("iatiExportRun")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.addWidget(hint)
        layout.addWidget(self.all_radio)
        layout.addWidget(self.selected_radio)
        layout.addWidget(self.projects, 1)
        layout.addLayout(org_row)
        layout.addLayout(path_row)
        layout.addWidget(self.buttons)
        self._update()

    def _show_org(self, org: ReportingOrg) -> None:
        self.org_label.setText(
            self.tr("Reported by: {name} ({ref})").format(name=org.name, ref=org.ref)
        )

    def edit_org(self) -> ReportingOrgDialog:
        """Open the reporting organisation setting (window-modal, non-blocking)."""
        dialog = ReportingOrgDialog(self.session.vault, reporting_org(self.session.vault), self)
        dialog.accepted.connect(lambda: self._show_org(dialog.saved or dialog.value()))
        self.org_dialog = dialog
        dialog.open()
        return dialog

    def _level(self, level: str) -> str:
        return self.tr("confidential") if level == "CONFIDENTIAL" else self.tr("restricted")

    def _ticked(self, _item: QListWidgetItem) -> None:
        if self.checked():
            self.selected_radio.setChecked(True)
        self._update()

    def checked(self) -> list[str]:
        """Ids of the projects ticked."""
        out = []
        for i in range(self.projects.count()):
            item = self.projects.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def set_checked(self, ids: list[str]) -> None:
        """Tick exactly the projects ``ids``."""
        for i in range(self.projects.count()):
            item = self.projects.item(i)
            wanted = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def target(self) -> Path | None:
        """The file chosen (.xml added when missing)."""
        raw = self.path_edit.text().strip()
        if not raw:
            return None
        path = Path(raw)
        return path if path.suffix.lower() == ".xml" else path.with_suffix(".xml")

    def _update(self) -> None:
        chosen = self.all_radio.isChecked() or bool(self.checked())
        self.export_button.setEnabled(
            chosen and self.target() is not None and self.projects.count() > 0
        )

    def choose_target(self) -> None:
        """Ask where to save the file."""
        start = self.target() or self.session.folder.parent / "iati-activities.xml"
        path = save_path(
            self, self.tr("Save the IATI file as"), start, self.tr("XML files (*.xml)")
        )
        if path is not None:
            self.path_edit.setText(str(path))

    def start_export(self) -> None:
        """Confirm confidential projects, then write the file in the background."""
        target = self.target()
        if target is None:
            return
        projects = None if self.all_radio.isChecked() else self.checked()
        confidential = [p for p in projects or [] if p in self.confidential]
        if confidential and not confirm(
            self,
            self.tr("Export confidential projects?"),
            self.tr(
                "{n} confidential project(s) will be written to {name}, a file anyone can read. "
                "Export them?"
            ).format(n=len(confidential), name=target.name),
        ):
            return
        ctx = self.session.ctx
        self.export_button.setEnabled(False)
        _task, self.task_dialog = run_task(
            self,
            self.tr("Writing {name}").format(name=target.name),
            lambda control: run_iati_export(ctx, target, projects, bool(confidential), control),
            self._done,
            self._failed,
            self._cancelled,
        )

    def _done(self, result: ExportResult) -> None:
        self.outcome = result
        self.exported.emit(result)
        lines = [
            self.tr("{n} project(s) written to {path}.").format(
                n=len(result.exported), path=result.path
            )
        ]
        if result.skipped:
            lines.append(self.tr("Left out:"))
            lines.extend(f"• {ident}: {reason}" for ident, reason in result.skipped[:20])
        if result.warnings:
            lines.append(self.tr("Notes:"))
            lines.extend(f"• {ident}: {message}" for ident, message in result.warnings[:20])
        show_message(self.parentWidget() or self, self.tr("IATI export finished"), "\n".join(lines))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._update()
        if isinstance(exc, TaskCancelled):
            self._cancelled()
            return
        show_error(self, self.tr("The IATI export failed; no file was written"), exc)

    def _cancelled(self) -> None:
        self._update()
        show_message(self, self.tr("Export cancelled"), self.tr("No file was written."))


def open_iati_export(session: Session, parent: QWidget) -> IatiExportDialog:
    """Open the IATI export dialog (window-modal, non-blocking)."""
    dialog = IatiExportDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
