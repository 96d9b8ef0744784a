"""Which window is up: the start screen while locked, the main window while unlocked.

Locking (Ctrl+L) locks the vault — its on-lock callbacks clear every view — destroys the main
window with everything it held, and shows the start screen again. Closing the main window
locks and quits. Unlocking the same vault again returns to the page the officer left.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings

from pp_desktop.store.vault import Vault
from pp_desktop.ui.main_window import MainWindow
from pp_desktop.ui.session import Session
from pp_desktop.ui.start_screen import StartScreen

LAST_VAULT_KEY = "start/last_vault"


class AppController(QObject):
    """Owns the start screen, the current session and its main window."""

    def __init__(self, folder: Path | None = None, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings
        if folder is None and settings is not None:
            remembered = settings.value(LAST_VAULT_KEY, "")
            folder = Path(str(remembered)) if remembered else None
        self.start = StartScreen(folder)
        self.start.unlocked.connect(self.open_vault)
        self.session: Session | None = None
        self.window: MainWindow | None = None
        self._resume: tuple[Path, str] | None = None  # (vault folder, page) at the last lock

    def show(self) -> None:
        """Show the start screen."""
        self.start.show()
        self.start.raise_()

    def open_vault(self, vault: Vault) -> MainWindow:
        """Open the main window over a freshly unlocked ``vault``."""
        self.session = Session(vault)
        page = "dashboard"
        if self._resume and self._resume[0] == vault.folder:
            page = self._resume[1]
        window = MainWindow(self.session, page)
        window.lockRequested.connect(self.lock)
        window.quitRequested.connect(self.quit)
        self.window = window
        window.show()
        self.start.hide()
        if self.settings is not None:
            self.settings.setValue(LAST_VAULT_KEY, str(vault.folder))
        return window

    def lock(self) -> None:
        """Lock the vault, clear and close the main window, show the start screen."""
        session, window = self.session, self.window
        if session is None:
            return
        self.session, self.window = None, None
        if window is not None:
            self._resume = (session.folder, window.current_page_key())
        self.start.show_locked(session.folder)
        self.show()  # before the main window closes, or the app would quit with it
        session.lock()
        if window is not None:
            window.close_quietly()
            window.deleteLater()

    def quit(self) -> None:
        """Lock and close everything; the application ends with its last window."""
        session, window = self.session, self.window
        self.session, self.window = None, None
        if session is not None:
            session.lock()
        if window is not None:
            window.close_quietly()
            window.deleteLater()
        self.start.close()
