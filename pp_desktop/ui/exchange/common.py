"""What the exchange dialogs share: running a task behind a progress dialog, showing a typed
error as a message (never a traceback), and choosing files."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from pp_desktop.services.errors import ServiceError
from pp_desktop.ui import message_box
from pp_desktop.ui.background import Task, TaskControl, start_task
from pp_desktop.ui.i18n import service_message
from pp_desktop.ui.task_progress import TaskProgressDialog

log = logging.getLogger(__name__)


translate = QCoreApplication.translate  # with literal texts, so that lupdate finds them


class CommitProgressDialog(TaskProgressDialog):
    """Progress of a write that runs in one transaction: it cannot be stopped half-way, so
    Cancel is disabled and Esc does nothing (a cancel flag raised after the commit would
    otherwise report "cancelled" for data that was written)."""

    def __init__(self, task: Task, parent: QWidget | None = None) -> None:
        super().__init__(task, parent)
        self.cancel_button.setEnabled(False)
        self.cancel_button.setToolTip(
            translate(
                "exchange",
                "An import is written in one transaction: it cannot be stopped half-way.",
            )
        )

    def reject(self) -> None:
        """Ignore Esc while the transaction runs."""
        if not self.task.running:
            super().reject()


def run_task(
    parent: QWidget,
    title: str,
    work: Callable[[TaskControl], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    on_cancel: Callable[[], None] | None = None,
    *,
    cancellable: bool = True,
) -> tuple[Task, TaskProgressDialog]:
    """Start ``work`` as a task owned by ``parent`` and show its progress window-modally."""
    task = start_task(work, title, owner=parent)
    dialog_type = TaskProgressDialog if cancellable else CommitProgressDialog
    # not deleted on close: it closes itself from the task's signal, and a deferred delete
    # racing the owner's own destruction crashed Qt; it lives as long as its owner dialog
    dialog = dialog_type(task, parent)
    task.succeeded.connect(on_success)
    task.failed.connect(on_failure)
    if on_cancel is not None:
        task.cancelled.connect(on_cancel)
    if task.running:
        dialog.open()
    return task, dialog


def error_text(exc: BaseException) -> str:
    """The officer-facing text of ``exc``: a typed error's own message (translated when the
    catalogue has it), a file-system error with its file, anything else in general words."""
    if isinstance(exc, ServiceError):
        return service_message(exc.message)
    if isinstance(exc, OSError):
        name = exc.filename or ""
        reason = exc.strerror or str(exc)
        if name:
            return translate(
                "exchange", "The file {name} could not be written or read: {reason}."
            ).format(name=name, reason=reason)
        return translate("exchange", "A file could not be written or read: {reason}.").format(
            reason=reason
        )
    log.error("unexpected exchange failure", exc_info=exc)
    return translate(
        "exchange",
        "Something unexpected went wrong ({kind}); nothing was changed. The details are in the "
        "application log.",
    ).format(kind=type(exc).__name__)


def show_message(
    parent: QWidget,
    heading: str,
    detail: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Information,
    name: str = "exchangeMessage",
) -> QMessageBox:
    """A non-blocking message box (window-modal, deleted on close)."""
    return message_box.show_message(parent, heading, detail, icon, name)


def show_error(parent: QWidget, heading: str, exc: BaseException) -> QMessageBox:
    """``exc`` as a warning message under ``heading``."""
    return show_message(parent, heading, error_text(exc), QMessageBox.Icon.Warning, "exchangeError")


def confirm(parent: QWidget, heading: str, question: str) -> bool:
    """Ask a yes/no question (No is the default)."""
    answer = QMessageBox.question(
        parent,
        heading,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def save_path(parent: QWidget, caption: str, start: Path, filters: str) -> Path | None:
    """Ask where to save; None when the officer cancelled."""
    name, _chosen = QFileDialog.getSaveFileName(parent, caption, str(start), filters)
    return Path(name) if name else None


def open_path(parent: QWidget, caption: str, start: Path, filters: str) -> Path | None:
    """Ask which file to open; None when the officer cancelled."""
    name, _chosen = QFileDialog.getOpenFileName(parent, caption, str(start), filters)
    return Path(name) if name else None


def fraction(done: int, total: int) -> float:
    """``done`` of ``total`` as 0..1 (unknown: -1)."""
    return done / total if total > 0 else -1.0
