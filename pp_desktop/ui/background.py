"""Run one blocking call (unlock, create, dashboard statistics) off the UI thread.

The result or the exception comes back on the UI thread. This is the seed of the
long-operation mechanism of issue 3 (progress and cancel come with export and sync).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

# Calls in flight: each stays alive until its outcome was delivered, whatever its owner does.
_IN_FLIGHT: set[BackgroundCall] = set()


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
        self._report(result, error)


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

    def __init__(self, fn: Callable[[], Any], owner: QObject | None = None) -> None:
        super().__init__()
        self._fn = fn
        self._owner = owner
        self.running = False
        self._arrived.connect(self._deliver)

    def start(self) -> None:
        """Queue the call in the global thread pool."""
        self.running = True
        _IN_FLIGHT.add(self)
        QThreadPool.globalInstance().start(_Runnable(self._fn, self._arrived.emit))

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
) -> BackgroundCall:
    """Start ``fn`` off the UI thread and route its outcome to the two callbacks.

    Pass the widget that waits for the outcome as ``owner``: if it is deleted first, the
    callbacks are not called.
    """
    call = BackgroundCall(fn, owner)
    call.succeeded.connect(on_success)
    call.failed.connect(on_failure)
    call.start()
    return call
