"""Running the Sync page's work on the shared task mechanism, and wording its errors.

A task the officer waits for gets the shared progress dialog (Cancel stops between bundles);
errors become a message box with the sync layer's own officer-facing text, never a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from pp_desktop.services.errors import ServiceError
from pp_desktop.store.errors import VaultError
from pp_desktop.sync.errors import REASONS, BundleRejected, SyncError
from pp_desktop.ui import message_box
from pp_desktop.ui.background import Task, TaskControl, start_task
from pp_desktop.ui.i18n import service_message
from pp_desktop.ui.sync.sync_texts import sync_text
from pp_desktop.ui.task_progress import TaskProgressDialog

log = logging.getLogger(__name__)


def run_with_progress(
    parent: QWidget,
    title: str,
    work: Callable[[TaskControl], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    on_cancel: Callable[[], None],
    *,
    cancellable: bool = True,
) -> tuple[Task, TaskProgressDialog]:
    """Start ``work`` as a task owned by ``parent``, its progress shown window-modally.

    ``cancellable`` False: the work is one transaction (enrolment), so Cancel is disabled
    rather than reporting "cancelled" for something that was written.
    """
    task = start_task(work, title, owner=parent)
    dialog = TaskProgressDialog(task, parent) if cancellable else _CommitProgress(task, parent)
    dialog.setObjectName("syncProgress")
    # not deleted on close: a deferred delete racing the owner's destruction crashes Qt
    task.succeeded.connect(on_success)
    task.failed.connect(on_failure)
    task.cancelled.connect(on_cancel)
    if task.running:
        dialog.open()
    return task, dialog


class _CommitProgress(TaskProgressDialog):
    """Progress of work that cannot stop half-way: no Cancel, Esc ignored while it runs."""

    def __init__(self, task: Task, parent: QWidget | None = None) -> None:
        super().__init__(task, parent)
        self.cancel_button.setEnabled(False)

    def reject(self) -> None:
        """Ignore Esc while the transaction runs."""
        if not self.task.running:
            super().reject()


def error_text(exc: BaseException) -> str:
    """What the officer reads for ``exc``: the layer's own message for typed errors, a file
    problem with its file, anything else in general words (logged for support)."""
    if isinstance(exc, BundleRejected):
        return rejection_text(exc.reason, exc.detail)
    if isinstance(exc, SyncError) and exc.message == exc.default_message:
        return sync_text(exc.message)
    if isinstance(exc, SyncError | ServiceError | VaultError):
        return service_message(str(getattr(exc, "message", "") or exc))
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        return QCoreApplication.translate(
            "sync", "A file or folder could not be read or written{where}: {reason}."
        ).format(where=where, reason=exc.strerror or str(exc))
    log.error("unexpected sync failure", exc_info=exc)
    return QCoreApplication.translate(
        "sync",
        "Something unexpected went wrong ({kind}); nothing was applied. The details are in the "
        "application log.",
    ).format(kind=type(exc).__name__)


def rejection_text(reason: str, detail: str = "") -> str:
    """Why a bundle or root was refused, in the interface's language (the reason code stays
    in English: it is what HQ's operator looks up)."""
    if reason not in REASONS:
        return reason
    return f"{sync_text(REASONS[reason])} ({reason}{': ' + detail if detail else ''})."


def show_message(
    parent: QWidget,
    heading: str,
    detail: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Information,
    name: str = "syncMessage",
) -> QMessageBox:
    """A window-modal message that does not block (deleted on close)."""
    return message_box.show_message(parent, heading, detail, icon, name)
