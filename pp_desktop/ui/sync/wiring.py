"""Connect the Sync page and the Conflicts view to the main window: their navigation pages,
the sync actions of the registry, the open-conflicts field of the status bar, locking.

The main window calls :func:`install` once and asks :meth:`SyncWiring.make_page` for the
"sync" and "conflicts" pages the first time they are shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QPushButton, QWidget

from pp_desktop.services.conflicts import count_open
from pp_desktop.services.errors import ServiceError
from pp_desktop.store.errors import VaultError
from pp_desktop.ui import i18n
from pp_desktop.ui.actions import SYNC_PAGES as NAV_SYNC_PAGES
from pp_desktop.ui.background import Task, run_in_background
from pp_desktop.ui.sync import glyphs
from pp_desktop.ui.sync.conflicts_view import ConflictsView
from pp_desktop.ui.sync.sync_page import PERIODIC_KEY, SyncPage

if TYPE_CHECKING:
    from pp_desktop.ui.main_window import MainWindow

glyphs.register()  # the navigation icons exist before the window builds its side bar

SYNC_PAGES = tuple(key for key, _title in NAV_SYNC_PAGES)


class SyncWiring:
    """The sync pages and actions of one main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.sync_page: SyncPage | None = None
        self.conflicts_view: ConflictsView | None = None
        self.open_conflicts = 0
        bar = window.status
        self.conflicts_field = QPushButton(bar)
        self.conflicts_field.setObjectName("statusConflicts")
        self.conflicts_field.setProperty("flat", True)
        self.conflicts_field.setToolTip(
            QCoreApplication.translate(
                "sync", "Records changed here and elsewhere that wait for your decision"
            )
        )
        self.conflicts_field.clicked.connect(self.show_conflicts)
        self.conflicts_field.hide()
        bar.addPermanentWidget(self.conflicts_field)
        r = window.registry
        r.on("sync.now", self.sync_now)
        r.on("sync.export", self.export)
        r.on("sync.import", self.import_)
        r.on("sync.enrol", self.enrol)
        r.on("conflicts.show", self.show_conflicts)
        r.on("refresh", self._refresh_current)
        window.session.vault.on_lock(self.clear)
        self.update_conflicts()
        # the periodic sync runs while the window is open, whichever page is shown
        # (made once the window holds this object: the page is made through window.page)
        if int(str(window.settings.value(PERIODIC_KEY, 0) or 0)) > 0:
            QTimer.singleShot(0, self._start_periodic)

    def _start_periodic(self) -> None:
        if not self.window.session.is_locked:
            self.page_sync()

    # --- pages --------------------------------------------------------------------------------

    def make_page(self, key: str, parent: QWidget) -> QWidget:
        """The widget of page ``key`` ("sync" or "conflicts"), made once."""
        if key == "sync":
            if self.sync_page is None:
                page = SyncPage(self.window.session, parent, self.window.settings)
                page.changed.connect(self._changed)
                page.showConflicts.connect(self.show_conflicts)
                page.taskStarted.connect(self._follow)
                self.sync_page = page
            self.sync_page.refresh()
            return self.sync_page
        if self.conflicts_view is None:
            view = ConflictsView(self.window.session, parent)
            view.changed.connect(self._changed)
            view.refreshed.connect(self._show_count)
            self.conflicts_view = view
        self.conflicts_view.refresh()
        return self.conflicts_view

    def page_sync(self) -> SyncPage:
        """The Sync page (made, not shown, when needed)."""
        page = self.window.page("sync")
        assert isinstance(page, SyncPage)
        return page

    def show_sync(self) -> SyncPage:
        """Show the Sync page."""
        page = self.window.navigate("sync")
        assert isinstance(page, SyncPage)
        return page

    def show_conflicts(self) -> ConflictsView:
        """Show the Conflicts view (re-read)."""
        view = self.window.navigate("conflicts")
        assert isinstance(view, ConflictsView)
        view.refresh()
        return view

    # --- actions ------------------------------------------------------------------------------

    def sync_now(self) -> Task | None:
        """Sync now, from the Sync page (shown)."""
        return self.show_sync().sync_now()

    def export(self) -> Task | None:
        """Export to folder… (asks for the folder)."""
        return self.show_sync().export_to_folder()

    def import_(self) -> Task | None:
        """Import from folder… (asks for the folder)."""
        return self.show_sync().import_from_folder()

    def enrol(self) -> None:
        """Enrol from file… (asks for the file)."""
        self.show_sync().enrol_from_file()

    def _refresh_current(self) -> None:
        current = self.window.stack.currentWidget()
        if isinstance(current, SyncPage | ConflictsView):
            current.refresh()
        self.update_conflicts()

    def _follow(self, task: Task) -> None:
        self.window.status.task_indicator.follow(task)

    def _changed(self) -> None:
        """Records or sync state changed: the page shown, the sync pages and the status bar
        read again."""
        self.window.session.forget_names()
        # the page shown and the status bar, as the exchange dialogs do (a list over a million
        # rows is not re-counted behind the officer's back; F5 re-reads any list)
        self.window.refresh()
        if self.sync_page is not None and self.window.stack.currentWidget() is not self.sync_page:
            self.sync_page.refresh()
        if self.conflicts_view is not None:
            self.conflicts_view.refresh()
        self.update_conflicts()

    # --- status bar ---------------------------------------------------------------------------

    def update_conflicts(self) -> None:
        """Re-count the open conflicts for the status bar (off the UI thread)."""
        session = self.window.session
        if session.is_locked:
            return
        ctx = session.ctx

        def count() -> int:
            try:
                return count_open(ctx)
            except (VaultError, ServiceError):
                return 0

        run_in_background(count, self._show_count, lambda _e: None, owner=self.conflicts_field)

    def _show_count(self, n: int) -> None:
        self.open_conflicts = n
        self.conflicts_field.setText(
            QCoreApplication.translate("sync", "Open conflicts: {n}").format(n=i18n.number(n))
        )
        self.conflicts_field.setVisible(n > 0)

    def clear(self) -> None:
        """The vault locks: forget what the pages show."""
        for widget in (self.sync_page, self.conflicts_view):
            if widget is not None:
                widget.clear()
        self.conflicts_field.hide()


def install(window: MainWindow) -> SyncWiring:
    """Wire the sync pages and actions of ``window``."""
    return SyncWiring(window)
