"""Auto-lock: an application-wide event filter that notices the officer's input and fires
``idle`` after a quiet period (DESIGN §3: a laptop left open must not stay unlocked).

Only input counts (keys, mouse buttons and moves, wheel, touch): a background count finishing
or a timer firing is not the officer being there. The delay is injectable so tests need not
wait minutes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer, Signal

AUTO_LOCK_KEY = "security/auto_lock_minutes"
DEFAULT_AUTO_LOCK_MINUTES = 10
MAX_AUTO_LOCK_MINUTES = 240


def auto_lock_minutes(settings: QSettings | None = None) -> int:
    """Minutes of inactivity before the vault locks itself (default 10)."""
    raw = (settings or QSettings()).value(AUTO_LOCK_KEY, DEFAULT_AUTO_LOCK_MINUTES)
    try:
        minutes = int(str(raw))
    except ValueError:
        return DEFAULT_AUTO_LOCK_MINUTES
    return min(max(minutes, 1), MAX_AUTO_LOCK_MINUTES)


INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.InputMethod,
        QEvent.Type.Shortcut,
    }
)


class IdleWatcher(QObject):
    """Fires ``idle`` once after ``timeout_ms`` without input, while started."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.idle)
        self._installed = False

    @property
    def timeout_ms(self) -> int:
        """The quiet period before ``idle``."""
        return self._timer.interval()

    def set_timeout(self, timeout_ms: int) -> None:
        """Change the quiet period (counts from now when running)."""
        self._timer.setInterval(timeout_ms)
        if self._timer.isActive():
            self._timer.start()

    @property
    def active(self) -> bool:
        """True while watching."""
        return self._timer.isActive()

    def start(self) -> None:
        """Watch input from now on (the vault was unlocked)."""
        app = QCoreApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self._timer.start()

    def stop(self) -> None:
        """Stop watching (the vault is locked)."""
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Any input restarts the countdown; nothing is filtered out."""
        if event.type() in INPUT_EVENTS and self._timer.isActive():
            self._timer.start()
        return False
