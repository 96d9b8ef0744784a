"""How a running :class:`~pp_desktop.ui.background.Task` looks: a small dialog (work the
officer waits for: Verify chain, import, export, sync) or a compact status-bar field (work
that happens while the officer goes on: the dashboard figures)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pp_desktop.ui.background import Task


def _show_fraction(bar: QProgressBar, fraction: float) -> None:
    if fraction < 0:
        bar.setRange(0, 0)  # busy indicator: how far is not known
    else:
        bar.setRange(0, 1000)
        bar.setValue(int(fraction * 1000))


class TaskProgressDialog(QDialog):
    """Window-modal progress of one task with a Cancel button; closes itself when the task
    ends (the caller shows the result)."""

    def __init__(self, task: Task, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = task
        self.setObjectName("taskProgress")
        self.setWindowTitle(task.title or self.tr("Working…"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)
        self.heading = QLabel(task.title, self)
        self.heading.setObjectName("taskTitle")
        self.detail = QLabel(task.text or self.tr("Starting…"), self)
        self.detail.setObjectName("taskDetail")
        self.detail.setProperty("role", "hint")
        self.detail.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("taskBar")
        self.bar.setTextVisible(False)
        _show_fraction(self.bar, task.fraction)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("taskCancel")
        self.cancel_button.clicked.connect(self.request_cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.bar)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        task.progressed.connect(self._progressed)
        task.finished.connect(self.accept)
        if not task.running:
            self.accept()

    def _progressed(self, fraction: float, text: str) -> None:
        _show_fraction(self.bar, fraction)
        if text:
            self.detail.setText(text)

    def request_cancel(self) -> None:
        """Cancel the task (the dialog closes once the worker has stopped)."""
        self.task.cancel()
        self.cancel_button.setEnabled(False)
        self.detail.setText(self.tr("Cancelling…"))

    def reject(self) -> None:
        """Esc or the close button cancel the task rather than hide it."""
        if self.task.running:
            self.request_cancel()
        else:
            super().reject()


class StatusTaskIndicator(QWidget):
    """A status-bar field: what runs in the background, a thin bar and a cancel button.
    Hidden when nothing runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusTask")
        self.task: Task | None = None
        self.label = QLabel(self)
        self.label.setObjectName("statusTaskText")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("statusTaskBar")
        self.bar.setTextVisible(False)
        self.bar.setFixedSize(90, 8)
        self.cancel_button = QPushButton("×", self)
        self.cancel_button.setObjectName("statusTaskCancel")
        self.cancel_button.setProperty("flat", True)
        self.cancel_button.setToolTip(self.tr("Cancel"))
        self.cancel_button.setFixedWidth(22)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.hide()

    def follow(self, task: Task) -> None:
        """Show ``task`` until it finishes (a newer task replaces an older one)."""
        self.task = task
        self.label.setText(task.title)
        _show_fraction(self.bar, task.fraction)
        task.progressed.connect(lambda f, _t, t=task: self._progressed(t, f))
        task.finished.connect(lambda t=task: self._finished(t))
        self.setVisible(task.running)

    def _progressed(self, task: Task, fraction: float) -> None:
        if task is self.task:
            _show_fraction(self.bar, fraction)

    def _finished(self, task: Task) -> None:
        if task is self.task:
            self.task = None
            self.hide()

    def cancel(self) -> None:
        """Cancel the task shown."""
        if self.task is not None:
            self.task.cancel()
