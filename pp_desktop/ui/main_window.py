"""The main window: navigation on the left, the current page, menus and toolbar from the action
registry, and the vault status bar."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from pp_desktop import __version__
from pp_desktop.ui import icons
from pp_desktop.ui.actions import NAV_PAGES, SYNC_PAGES, ActionRegistry
from pp_desktop.ui.audit_page import AuditLogPage
from pp_desktop.ui.dashboard_page import DashboardPage
from pp_desktop.ui.exchange.wiring import install as install_exchange
from pp_desktop.ui.list_specs import LISTS
from pp_desktop.ui.record_list_page import RecordListPage
from pp_desktop.ui.session import Session
from pp_desktop.ui.settings_dialog import SettingsChange, SettingsDialog
from pp_desktop.ui.status_bar import VaultStatusBar
from pp_desktop.ui.sync.wiring import install as install_sync
from pp_desktop.ui.write_actions import WriteActions

NAV_WIDTH = 190


class MainWindow(QMainWindow):
    """Everything the officer works with while the vault is unlocked."""

    lockRequested = Signal()
    quitRequested = Signal()
    settingsSaved = Signal(object)  # SettingsChange

    def __init__(
        self,
        session: Session,
        start_page: str = "dashboard",
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings or QSettings()
        self.settings_dialog: SettingsDialog | None = None
        self.setObjectName("mainWindow")
        profile_name = session.vault.profile.name
        self.setWindowTitle(f"pp-desktop — {profile_name}" if profile_name else "pp-desktop")
        self.resize(1280, 800)
        self.setMinimumSize(1000, 620)
        self._closing_quietly = False

        self.registry = ActionRegistry(self)
        self.registry.build_menus(self.menuBar())
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.registry.build_toolbar(toolbar)
        self.addToolBar(toolbar)

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setSpacing(1)
        for key, title in NAV_PAGES:
            item = QListWidgetItem(icons.icon(key), QCoreApplication.translate("pages", title))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(self.registry[f"nav_{key}"].toolTip())
            self.nav.addItem(item)
        self.stack = QStackedWidget(self)
        self.pages: dict[str, QWidget] = {}

        central = QWidget(self)
        central.setObjectName("workspace")
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.status = VaultStatusBar(self)
        self.setStatusBar(self.status)

        self._connect_actions()
        self.writes = WriteActions(self)  # New, Edit, Delete, Undo, Redo (forms)
        self.exchange = install_exchange(self)  # Excel and IATI export / import dialogs
        self.sync = install_sync(self)  # Sync page, Conflicts view, sync actions
        self.nav.currentRowChanged.connect(self._nav_changed)
        session.vault.on_lock(self.clear_views)
        session.preload()
        self.navigate(start_page if start_page in dict(NAV_PAGES) else "dashboard")
        self.status.update_from(session)

    def _connect_actions(self) -> None:
        r = self.registry
        r.on("lock_vault", self.lockRequested.emit)
        r.on("quit", self.quitRequested.emit)
        r.on("refresh", self.refresh)
        r.on("find", self.find_in_list)
        r.on("open_record", self.open_record)
        r.on("about", self.about)
        r.on("settings", self.open_settings)
        r.on("verify_chain", self.verify_chain)
        for key, _title in NAV_PAGES:
            r.on(f"nav_{key}", partial(self.navigate, key))

    # --- pages ------------------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page ``key``, made at first use (a list counts its rows when made)."""
        if key not in self.pages:
            widget: QWidget
            if key == "dashboard":
                dashboard = DashboardPage(self.session, self.stack)
                dashboard.navigate.connect(self.navigate)
                dashboard.taskStarted.connect(self.status.task_indicator.follow)
                dashboard.refresh()
                widget = dashboard
            elif key == "audit":
                widget = AuditLogPage(LISTS[key], self.session, self.stack)
            elif key in dict(SYNC_PAGES):
                widget = self.sync.make_page(key, self.stack)
            else:
                widget = RecordListPage(LISTS[key], self.session, self.stack)
            self.pages[key] = widget
            self.writes.attach(widget)
            self.stack.addWidget(widget)
        return self.pages[key]

    def navigate(self, key: str) -> QWidget:
        """Show page ``key`` and select it in the navigation."""
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        row = [k for k, _t in NAV_PAGES].index(key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        return widget

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(NAV_PAGES):
            self.navigate(NAV_PAGES[row][0])

    def current_page_key(self) -> str:
        """Key of the page shown."""
        current = self.stack.currentWidget()
        for key, widget in self.pages.items():
            if widget is current:
                return key
        return "dashboard"

    def current_page(self) -> QWidget:
        """The page shown."""
        return self.page(self.current_page_key())

    # --- actions ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the current page and the status bar (F5)."""
        page = self.current_page()
        if isinstance(page, DashboardPage | RecordListPage):
            page.refresh()
        self.status.update_from(self.session)

    def find_in_list(self) -> None:
        """Focus the search box of the current list (the seizures list from the dashboard)."""
        page = self.current_page()
        if not isinstance(page, RecordListPage) or page.spec.search_hint is None:
            page = self.navigate("seizures")
        assert isinstance(page, RecordListPage)
        page.focus_search()

    def open_record(self) -> None:
        """Open the selected record of the current list."""
        page = self.current_page()
        if isinstance(page, RecordListPage):
            page.open_current()

    def open_settings(self) -> SettingsDialog:
        """Open Settings (window-modal, non-blocking); returns the dialog."""
        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            return self.settings_dialog
        dialog = SettingsDialog(self.session, self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._settings_saved)
        dialog.finished.connect(lambda _r: setattr(self, "settings_dialog", None))
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _settings_saved(self, change: SettingsChange) -> None:
        name = change.profile.name
        self.setWindowTitle(f"pp-desktop — {name}" if name else "pp-desktop")
        self.status.update_from(self.session)
        self.settingsSaved.emit(change)

    def verify_chain(self) -> AuditLogPage:
        """Show the audit log and verify its hash chain in the background."""
        page = self.navigate("audit")
        assert isinstance(page, AuditLogPage)
        page.verify_chain()
        return page

    def about(self) -> QMessageBox:
        """A short About box (non-blocking)."""
        box = QMessageBox(self)
        box.setObjectName("aboutBox")
        box.setWindowTitle(self.tr("About pp-desktop"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(f"<b>pp-desktop {__version__}</b>")
        box.setInformativeText(
            self.tr(
                "The offline field tool of the Paris Pact Research and Liaison Officers "
                "(UNODC Paris Pact Initiative). Records are kept in an encrypted vault on this "
                "laptop."
            )
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    # --- locking and closing --------------------------------------------------------------------

    def clear_views(self) -> None:
        """Forget every row, figure and open record (runs when the vault locks)."""
        for widget in self.pages.values():
            if isinstance(widget, DashboardPage | RecordListPage):
                widget.clear()
        for dialog in self.findChildren(QMessageBox):
            dialog.close()
        if self.settings_dialog is not None:
            self.settings_dialog.close()

    def close_quietly(self) -> None:
        """Close without asking to quit (the controller is locking)."""
        self._closing_quietly = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window locks the vault and quits."""
        if not self._closing_quietly:
            self.quitRequested.emit()
        super().closeEvent(event)
