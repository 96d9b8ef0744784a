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

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

# Calls in flight by token: each stays alive until its outcome was delivered, whatever its
# owner does. Workers never hold a reference to a call: they report through the relay with
# the token, so the last reference to a call (a QObject of the UI thread) is never dropped in
# a pool thread, where deleting it would crash.
_IN_FLIGHT: dict[int, QObject] = {}
_TOKENS = itertools.count(1)


class _Relay(QObject):
    """Lives for the whole process on the UI thread; queues the workers' reports to it."""

    arrived = Signal(int, object, object)
    progressed = Signal(int, float, str)

    def __init__(self) -> None:
        super().__init__()
        self.arrived.connect(self._arrived)
        self.progressed.connect(self._progressed)

    @Slot(int, object, object)
    def _arrived(self, token: int, result: Any, error: object) -> None:
        call = _IN_FLIGHT.pop(token, None)
        if isinstance(call, BackgroundCall | Task):
            call._deliver(result, error)

    @Slot(int, float, str)
    def _progressed(self, token: int, fraction: float, text: str) -> None:
        call = _IN_FLIGHT.get(token)
        if isinstance(call, Task):
            call._on_progress(fraction, text)


_RELAY: _Relay | None = None


def _relay() -> _Relay:
    """The relay (made on first use, which is on the UI thread: calls start there)."""
    global _RELAY
    if _RELAY is None:
        _RELAY = _Relay()
    return _RELAY


def _enlist(call: QObject) -> int:
    token = next(_TOKENS)
    _IN_FLIGHT[token] = call
    return token


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
    """Calls ``fn`` in a pool thread and reports the outcome to the relay under ``token``."""

    def __init__(self, fn: Callable[[], Any], token: int) -> None:
        super().__init__()
        self._fn: Callable[[], Any] | None = fn
        self._token = token
        self._emit = _relay().arrived.emit  # bound on the UI thread, before the pool runs it

    def run(self) -> None:  # pool thread
        fn, self._fn = self._fn, None
        try:
            assert fn is not None
            result: Any = fn()
            error: Exception | None = None
        except Exception as exc:  # reported on the UI thread, never raised in the pool
            log.debug("background call failed: %s", type(exc).__name__)
            result, error = None, exc
        del fn
        try:
            self._emit(self._token, result, error)
        except RuntimeError:  # the application is shutting down: drop it
            log.debug("background outcome dropped: the relay was deleted")


class BackgroundCall(QObject):
    """One call of ``fn`` in the global thread pool; emits ``succeeded`` or ``failed``.

    The worker reports to the relay (a QObject of the UI thread), which hands the outcome to
    this object there; the public signals are emitted from the UI thread, so plain Python
    callbacks connected to them always run on it (a lambda has no thread affinity of its
    own). The call is kept alive in ``_IN_FLIGHT`` until then, and the worker holds no
    reference to it; when its ``owner`` widget is gone by the time the outcome arrives
    (window closed, vault locked), the outcome is dropped.
    """

    succeeded = Signal(object)
    failed = Signal(object)  # the exception instance
    finished = Signal()

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

    def start(self) -> None:
        """Queue the call in its thread pool (the global one unless given)."""
        self.running = True
        pool = self._pool or QThreadPool.globalInstance()
        pool.start(_Runnable(self._fn, _enlist(self)))

    def _deliver(self, result: Any, error: object) -> None:
        """The outcome, on the UI thread (from the relay)."""
        self.running = False
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

    def __init__(
        self, fn: Callable[[TaskControl], Any], title: str = "", owner: QObject | None = None
    ) -> None:
        super().__init__()
        self.title = title
        self._fn = fn
        self._owner = owner
        self.control = TaskControl(lambda _fraction, _text: None)  # wired in start()
        self.running = False
        self.fraction = -1.0
        self.text = ""
        self.outcome = ""  # "succeeded", "failed" or "cancelled" once finished

    def start(self) -> Task:
        """Queue the work in the global thread pool; returns the task."""
        self.running = True
        token = _enlist(self)
        progressed = _relay().progressed.emit
        fn, control = self._fn, self.control
        control._report = lambda fraction, text: progressed(token, fraction, text)
        QThreadPool.globalInstance().start(_Runnable(lambda: fn(control), token))
        return self

    def cancel(self) -> None:
        """Ask the worker to stop; ``cancelled`` follows once it did."""
        self.control.request_cancel()

    def _on_progress(self, fraction: float, text: str) -> None:
        self.fraction, self.text = fraction, text
        if self.running:
            self.progressed.emit(fraction, text)

    def _deliver(self, result: Any, error: object) -> None:
        self.running = False
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
