"""Long work off the UI thread: the one mechanism every slow operation uses.

* :class:`BackgroundCall` / :func:`run_in_background`: one blocking call (unlock, a count),
  its result or exception delivered on the UI thread.
* :class:`Task` / :func:`start_task`: long work that reports progress and can be cancelled
  (Verify chain, the dashboard load; the Excel import/export and sync dialogs use it next).
  The worker function receives a :class:`TaskControl`: it calls ``control.progress(fraction,
  text)`` now and then and ``control.check()`` between steps, which raises
  :class:`TaskCancelled` once the officer pressed Cancel. Progress, result, error and
  cancellation all arrive on the UI thread as signals of the :class:`Task`.
  :mod:`pp_desktop.ui.task_progress` shows a task in a dialog or in the status bar.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

# Calls in flight: each stays alive until its outcome was delivered, whatever its owner does.
_IN_FLIGHT: set[QObject] = set()

_INTERACTIVE: QThreadPool | None = None


def interactive_pool() -> QThreadPool:
    """Threads for reads the officer is waiting for (a list's first page after a keystroke).

    Kept apart from the global pool, where counts, the dashboard and tasks can run for
    seconds: a first page must never queue behind them.
    """
    global _INTERACTIVE
    if _INTERACTIVE is None:
        _INTERACTIVE = QThreadPool()
        _INTERACTIVE.setMaxThreadCount(1)  # one read at a time (the model keeps the newest)
        _INTERACTIVE.setExpiryTimeout(-1)  # keep the thread (and its connection) warm
    return _INTERACTIVE


class _Runnable(QRunnable):
    """Calls ``fn`` in a pool thread and hands the outcome to ``report``."""

    def __init__(self, fn: Callable[[], Any], report: Callable[[Any, object], None]) -> None:
        super().__init__()
        self._fn = fn
        self._report = report

    def run(self) -> None:  # pool thread
        try:
            result: Any = self._fn()
            error: Exception | None = None
        except Exception as exc:  # reported on the UI thread, never raised in the pool
            log.debug("background call failed: %s", type(exc).__name__)
            result, error = None, exc
        try:
            self._report(result, error)
        except RuntimeError:  # the receiver is gone (application shutting down): drop it
            log.debug("background outcome dropped: its receiver was deleted")


class BackgroundCall(QObject):
    """One call of ``fn`` in the global thread pool; emits ``succeeded`` or ``failed``.

    The worker emits a private signal that is queued to this object's (UI) thread; the public
    signals are emitted from there, so plain Python callbacks connected to them always run on
    the UI thread (a lambda has no thread affinity of its own). The object has no Qt parent,
    so it cannot be deleted under the worker; when its ``owner`` widget is gone by the time the
    outcome arrives (window closed, vault locked), the outcome is dropped.
    """

    succeeded = Signal(object)
    failed = Signal(object)  # the exception instance
    finished = Signal()
    _arrived = Signal(object, object)

    def __init__(
        self,
        fn: Callable[[], Any],
        owner: QObject | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__()
        self._fn = fn
        self._owner = owner
        self._pool = pool
        self.running = False
        self._arrived.connect(self._deliver)

    def start(self) -> None:
        """Queue the call in its thread pool (the global one unless given)."""
        self.running = True
        _IN_FLIGHT.add(self)
        pool = self._pool or QThreadPool.globalInstance()
        pool.start(_Runnable(self._fn, self._arrived.emit))

    @Slot(object, object)
    def _deliver(self, result: Any, error: object) -> None:
        self.running = False
        _IN_FLIGHT.discard(self)
        if self._owner is not None and not shiboken6.isValid(self._owner):
            log.debug("background call outlived its owner")
            return
        if error is None:
            self.succeeded.emit(result)
        else:
            self.failed.emit(error)
        self.finished.emit()


def run_in_background(
    fn: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    owner: QObject | None = None,
    pool: QThreadPool | None = None,
) -> BackgroundCall:
    """Start ``fn`` off the UI thread and route its outcome to the two callbacks.

    Pass the widget that waits for the outcome as ``owner``: if it is deleted first, the
    callbacks are not called. ``pool``: :func:`interactive_pool` for reads the officer waits
    for; the global pool otherwise.
    """
    call = BackgroundCall(fn, owner, pool)
    call.succeeded.connect(on_success)
    call.failed.connect(on_failure)
    call.start()
    return call


class TaskCancelled(Exception):
    """Raised by :meth:`TaskControl.check` in the worker once cancel was requested."""


class TaskControl:
    """What the worker function of a :class:`Task` sees: progress out, cancel in.

    Thread-safe: the worker calls it from a pool thread, the UI cancels from its own.
    """

    def __init__(self, report: Callable[[float, str], None]) -> None:
        self._report = report
        self._cancel = threading.Event()

    def progress(self, fraction: float, text: str = "") -> None:
        """Report how far the work is (0.0 to 1.0; negative: unknown) and what it does now."""
        self._report(min(float(fraction), 1.0), text)

    @property
    def cancelled(self) -> bool:
        """True once cancel was requested."""
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`TaskCancelled` when cancel was requested (call between steps)."""
        if self._cancel.is_set():
            raise TaskCancelled

    def request_cancel(self) -> None:
        """Ask the worker to stop at its next :meth:`check`."""
        self._cancel.set()


class Task(QObject):
    """Long work ``fn(control)`` in the global thread pool, with progress and cancel.

    Signals (UI thread): ``progressed(fraction, text)``; then exactly one of ``succeeded(result)``,
    ``failed(exception)`` or ``cancelled()``; then ``finished()``. Like :class:`BackgroundCall`
    the task keeps itself alive while it runs and drops its outcome when ``owner`` is gone.
    """

    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()
    _progress_arrived = Signal(float, str)
    _arrived = Signal(object, object)

    def __init__(
        self, fn: Callable[[TaskControl], Any], title: str = "", owner: QObject | None = None
    ) -> None:
        super().__init__()
        self.title = title
        self._fn = fn
        self._owner = owner
        self.control = TaskControl(self._progress_arrived.emit)
        self.running = False
        self.fraction = -1.0
        self.text = ""
        self.outcome = ""  # "succeeded", "failed" or "cancelled" once finished
        self._progress_arrived.connect(self._on_progress)
        self._arrived.connect(self._deliver)

    def start(self) -> Task:
        """Queue the work in the global thread pool; returns the task."""
        self.running = True
        _IN_FLIGHT.add(self)
        fn, control = self._fn, self.control
        QThreadPool.globalInstance().start(_Runnable(lambda: fn(control), self._arrived.emit))
        return self

    def cancel(self) -> None:
        """Ask the worker to stop; ``cancelled`` follows once it did."""
        self.control.request_cancel()

    @Slot(float, str)
    def _on_progress(self, fraction: float, text: str) -> None:
        self.fraction, self.text = fraction, text
        if self.running:
            self.progressed.emit(fraction, text)

    @Slot(object, object)
    def _deliver(self, result: Any, error: object) -> None:
        self.running = False
        _IN_FLIGHT.discard(self)
        if self._owner is not None and not shiboken6.isValid(self._owner):
            log.debug("task outlived its owner")
            return
        if isinstance(error, TaskCancelled) or (error is None and self.control.cancelled):
            self.outcome = "cancelled"
            self.cancelled.emit()
        elif error is None:
            self.outcome = "succeeded"
            self.succeeded.emit(result)
        else:
            self.outcome = "failed"
            self.failed.emit(error)
        self.finished.emit()


def start_task(
    fn: Callable[[TaskControl], Any], title: str = "", owner: QObject | None = None
) -> Task:
    """Make and start a :class:`Task`; connect to its signals right after (delivery is queued,
    so nothing is missed)."""
    return Task(fn, title, owner).start()
