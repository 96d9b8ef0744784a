"""The audit log page: the SQL-paged list of entries (newest first) and "Verify chain".

Verifying recomputes every entry's hash (DESIGN §3: the audit log is hash-chained); over a
long-kept vault that is many thousand entries, so it runs as a :class:`Task` with progress
and cancel, and the outcome stays on the page in a banner until the next check.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pp_desktop.services.ledger import ChainReport
from pp_desktop.ui import icons, theme
from pp_desktop.ui.background import Task, start_task
from pp_desktop.ui.error_messages import service_message
from pp_desktop.ui.list_specs import ListSpec
from pp_desktop.ui.record_list_page import RecordListPage
from pp_desktop.ui.session import Session
from pp_desktop.ui.task_progress import TaskProgressDialog
from pp_desktop.ui.vault_reads import verify_audit_chain


class AuditLogPage(RecordListPage):
    """The audit list with a Verify chain button and its result banner."""

    verified = Signal(object)  # the ChainReport (None when cancelled or failed)

    def __init__(self, spec: ListSpec, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(spec, session, parent)
        self.task: Task | None = None
        self.progress_dialog: TaskProgressDialog | None = None
        self.report: ChainReport | None = None
        self.verify_button = QPushButton(icons.icon("shield"), self.tr("Verify chain"), self)
        self.verify_button.setObjectName("verifyChainButton")
        self.verify_button.setToolTip(
            self.tr("Recompute every entry's hash and check that none was altered or removed")
        )
        self.verify_button.clicked.connect(self.verify_chain)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("chainResult")
        self.result_label.setWordWrap(True)
        self.result_label.hide()
        page = self.layout()
        assert isinstance(page, QVBoxLayout)
        item = page.itemAt(0)
        header = item.layout() if item is not None else None
        assert isinstance(header, QHBoxLayout)  # title, stretch, row count
        header.insertWidget(header.count() - 1, self.verify_button)
        header.insertSpacing(header.count() - 1, 12)
        page.insertWidget(1, self.result_label)

    def verify_chain(self) -> Task:
        """Start verifying in the background, with a progress dialog; returns the task."""
        if self.task is not None and self.task.running:
            return self.task
        ctx = self.session.ctx
        task = start_task(
            lambda control: verify_audit_chain(ctx, control),
            self.tr("Verifying the audit chain"),
            self,
        )
        task.succeeded.connect(self._verified)
        task.failed.connect(self._failed)
        task.cancelled.connect(self._cancelled)
        self.task = task
        self.verify_button.setEnabled(False)
        task.finished.connect(lambda: self.verify_button.setEnabled(True))
        self.progress_dialog = TaskProgressDialog(task, self)
        self.progress_dialog.open()
        return task

    def _verified(self, report: ChainReport) -> None:
        self.report = report
        if report.ok:
            text = self.tr("The audit chain is intact: {n} entries checked, none altered.")
            theme.set_message(self.result_label, text.format(n=f"{report.entries:,}"), "success")
        else:
            text = self.tr(
                "The audit chain is broken at entry {seq}: {reason}. Entries before it are "
                "intact. Report this to HQ and keep the vault as it is."
            )
            theme.set_message(
                self.result_label,
                text.format(seq=report.first_broken, reason=service_message(report.reason)),
                "error",
            )
        self.verified.emit(report)

    def _failed(self, exc: BaseException) -> None:
        message = service_message(getattr(exc, "message", "") or type(exc).__name__)
        theme.set_message(
            self.result_label,
            self.tr("The chain could not be verified: {message}").format(message=message),
            "error",
        )
        self.verified.emit(None)

    def _cancelled(self) -> None:
        theme.set_message(
            self.result_label, self.tr("Verification cancelled; nothing was checked fully."), "info"
        )
        self.verified.emit(None)

    def clear(self) -> None:
        """Forget rows and the last result (the vault is locking); stop a running check."""
        if self.task is not None and self.task.running:
            self.task.cancel()
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog = None
        self.result_label.hide()
        self.report = None
        super().clear()
