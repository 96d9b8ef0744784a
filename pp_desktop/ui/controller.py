"""Which window is up: the start screen while locked, the main window while unlocked.

Locking (Ctrl+L, or the idle timer) locks the vault — its on-lock callbacks clear every view —
destroys the main window with everything it held, and shows the start screen again. Closing
the main window locks and quits. Unlocking the same vault again returns to the page the
officer left. A language change in Settings rebuilds both windows in the new language.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings

from pp_desktop.store.vault import Vault
from pp_desktop.ui import i18n
from pp_desktop.ui.idle_lock import IdleWatcher, auto_lock_minutes
from pp_desktop.ui.start_screen import StartScreen

if TYPE_CHECKING:  # imported when a vault opens: the start screen stays light (see open_vault)
    from pp_desktop.ui.main_window import MainWindow
    from pp_desktop.ui.session import Session
    from pp_desktop.ui.settings_dialog import SettingsChange

log = logging.getLogger(__name__)

LAST_VAULT_KEY = "start/last_vault"
RECENT_KEY = "start/recent_vaults"
MAX_RECENT = 5


class AppController(QObject):
    """Owns the start screen, the current session, its main window and the idle timer.

    ``idle_ms`` overrides the auto-lock delay of the settings (tests); ``settings`` is where
    the recent vaults, the auto-lock delay and the language are kept.
    """

    def __init__(
        self,
        folder: Path | None = None,
        settings: QSettings | None = None,
        *,
        idle_ms: int | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        if folder is None and settings is not None:
            remembered = settings.value(LAST_VAULT_KEY, "")
            folder = Path(str(remembered)) if remembered else None
        self._idle_override = idle_ms
        self.idle = IdleWatcher(self._idle_timeout_ms(), self)
        self.idle.idle.connect(self.lock_idle)
        self.start = self._make_start(folder)
        self.session: Session | None = None
        self.window: MainWindow | None = None
        self._resume: tuple[Path, str] | None = None  # (vault folder, page) at the last lock

    def _idle_timeout_ms(self) -> int:
        if self._idle_override is not None:
            return self._idle_override
        return auto_lock_minutes(self.settings) * 60_000

    def _make_start(self, folder: Path | None) -> StartScreen:
        start = StartScreen(folder)
        start.unlocked.connect(self.open_vault)
        start.set_recent(self.recent_vaults())
        return start

    def show(self) -> None:
        """Show the start screen."""
        self.start.show()
        self.start.raise_()

    # --- recent vaults ------------------------------------------------------------------------

    def recent_vaults(self) -> list[Path]:
        """Vaults opened lately, newest first (only those still on disk)."""
        if self.settings is None:
            return []
        raw = self.settings.value(RECENT_KEY, [])
        items = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list) else []
        folders = [Path(str(p)) for p in items if str(p)]
        return [f for f in folders if (f / "vault.key").exists() or (f / "vault.db").exists()]

    def _remember(self, folder: Path) -> None:
        if self.settings is None:
            return
        folders = [str(folder), *(str(f) for f in self.recent_vaults() if f != folder)]
        self.settings.setValue(RECENT_KEY, folders[:MAX_RECENT])
        self.settings.setValue(LAST_VAULT_KEY, str(folder))

    # --- unlocking and locking ----------------------------------------------------------------

    def open_vault(self, vault: Vault) -> MainWindow:
        """Open the main window over a freshly unlocked ``vault``."""
        # The main window's modules (services, models, every page) are imported only now:
        # before the first unlock the process stays small, so Argon2id's 64 MiB come on top
        # of less (DESIGN §8 memory budget).
        from pp_desktop.ui.session import Session

        self.session = Session(vault)
        page = "dashboard"
        if self._resume and self._resume[0] == vault.folder:
            page = self._resume[1]
        window = self._make_window(self.session, page)
        window.show()
        self.start.hide()
        self._remember(vault.folder)
        self.start.set_recent(self.recent_vaults())
        self.idle.set_timeout(self._idle_timeout_ms())
        self.idle.start()
        return window

    def _make_window(self, session: Session, page: str) -> MainWindow:
        from pp_desktop.ui.main_window import MainWindow

        window = MainWindow(session, page, settings=self.settings)
        window.lockRequested.connect(self.lock)
        window.quitRequested.connect(self.quit)
        window.settingsSaved.connect(self.apply_settings)
        self.window = window
        return window

    def lock_idle(self) -> None:
        """The idle timer fired: lock, and say why on the start screen."""
        if self.session is None:
            return
        self.lock()
        self.start.show_message(
            self.tr(
                "The vault was locked after {minutes} minutes without activity. Enter the "
                "passphrase to continue."
            ).format(minutes=max(1, round(self.idle.timeout_ms / 60_000))),
            "info",
        )

    def lock(self) -> None:
        """Lock the vault, clear and close the main window, show the start screen."""
        self.idle.stop()
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
        self.idle.stop()
        session, window = self.session, self.window
        self.session, self.window = None, None
        if session is not None:
            session.lock()
        if window is not None:
            window.close_quietly()
            window.deleteLater()
        self.start.close()

    # --- settings -----------------------------------------------------------------------------

    def apply_settings(self, change: SettingsChange) -> None:
        """Saved settings take effect: the idle delay now, the language by rebuilding."""
        self.idle.set_timeout(self._idle_timeout_ms())
        if change.language_changed:
            self.switch_language(change.language)

    def switch_language(self, language: str) -> None:
        """Install ``language`` and rebuild the windows in it (same vault, same page)."""
        try:
            i18n.install_language(language)
        except i18n.CatalogueMissing as exc:
            log.warning("%s", exc)
            if self.window is not None:
                self.window.statusBar().showMessage(str(exc), 10_000)
            return
        folder = self.start.folder
        old_start = self.start
        self.start = self._make_start(folder)
        old_start.close()
        old_start.deleteLater()
        session, window = self.session, self.window
        if session is None or window is None:
            self.show()
            return
        page = window.current_page_key()
        session.forget_labels()  # reference lists have Russian labels: read them again
        new_window = self._make_window(session, page)
        new_window.setGeometry(window.geometry())
        new_window.show()
        window.close_quietly()
        window.deleteLater()
