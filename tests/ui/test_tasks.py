"""The long-operation mechanism: a Task reports progress on the UI thread, can be cancelled,
and delivers exactly one outcome; its dialog and status-bar views follow it."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from pp_desktop.ui.background import TaskControl, start_task
from pp_desktop.ui.task_progress import StatusTaskIndicator, TaskProgressDialog


def test_progress_and_result_arrive_on_the_ui_thread(qtbot: Any) -> None:
    seen: list[tuple[float, str, bool]] = []
    ui_thread = QApplication.instance().thread()  # type: ignore[union-attr]

    def work(control: TaskControl) -> int:
        for i in range(1, 5):
            control.check()
            control.progress(i / 4, f"step {i}")
        return 42

    task = start_task(work, "Counting")
    task.progressed.connect(lambda f, t: seen.append((f, t, QThread.currentThread() is ui_thread)))
    with qtbot.waitSignal(task.succeeded, timeout=5000) as result:
        pass
    assert result.args == [42]
    assert task.outcome == "succeeded" and not task.running
    assert seen and all(on_ui for _f, _t, on_ui in seen)
    assert [t for _f, t, _ui in seen] == sorted(t for _f, t, _ui in seen)  # in order


def test_cancel_stops_the_worker_at_its_next_check(qtbot: Any) -> None:
    started, release = threading.Event(), threading.Event()
    steps: list[int] = []

    def work(control: TaskControl) -> str:
        started.set()
        release.wait(5)
        for i in range(1000):
            control.check()
            steps.append(i)
        return "finished"

    task = start_task(work, "Long")
    outcomes: list[str] = []
    task.succeeded.connect(lambda _r: outcomes.append("succeeded"))
    task.cancelled.connect(lambda: outcomes.append("cancelled"))
    assert started.wait(5)
    task.cancel()
    release.set()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert outcomes == ["cancelled"] and task.outcome == "cancelled"
    assert steps == []  # the very first check saw the request


def test_a_failure_is_delivered_not_raised(qtbot: Any) -> None:
    def work(control: TaskControl) -> None:
        raise ValueError("broken input")

    task = start_task(work)
    with qtbot.waitSignal(task.failed, timeout=5000) as failure:
        pass
    assert isinstance(failure.args[0], ValueError) and task.outcome == "failed"


def test_progress_dialog_cancels_and_closes_itself(qtbot: Any) -> None:
    release = threading.Event()

    def work(control: TaskControl) -> None:
        control.progress(0.25, "a quarter done")
        while not release.wait(0.01):
            control.check()

    task = start_task(work, "Exporting")
    dialog = TaskProgressDialog(task)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.detail.text() == "a quarter done", timeout=5000)
    assert dialog.bar.value() == 250
    dialog.reject()  # Esc: cancels rather than hiding the work
    assert not dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert task.outcome == "cancelled"
    release.set()


def test_status_indicator_shows_only_while_running(qtbot: Any) -> None:
    release = threading.Event()
    indicator = StatusTaskIndicator()
    qtbot.addWidget(indicator)
    task = start_task(lambda control: release.wait(5), "Dashboard figures")
    indicator.follow(task)
    assert indicator.isVisibleTo(indicator.parentWidget() or indicator) or not indicator.isHidden()
    assert indicator.label.text() == "Dashboard figures"
    release.set()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert indicator.isHidden() and indicator.task is None
