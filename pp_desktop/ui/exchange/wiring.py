"""Connect the exchange actions of the main window's registry to their dialogs; the main
window calls :func:`install` once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from pp_desktop.ui.exchange.common import show_message
from pp_desktop.ui.exchange.export_dialog import open_export
from pp_desktop.ui.exchange.iati_export_dialog import open_iati_export
from pp_desktop.ui.exchange.iati_import_dialog import open_iati_import
from pp_desktop.ui.exchange.import_dialog import open_import
from pp_desktop.ui.list_specs import ui_title
from pp_desktop.ui.page_sources import EntitySource
from pp_desktop.ui.record_list_page import RecordListPage

if TYPE_CHECKING:
    from pp_desktop.ui.main_window import MainWindow


class ExchangeActions:
    """The dialogs of the exchange actions of one main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: QDialog | None = None  # the last dialog opened (tests look at it)
        r = window.registry
        r.on("file.export", self.export)
        r.on("file.export_list", self.export_list)
        r.on("file.export_template", self.export_template)
        r.on("file.import", self.import_)
        r.on("iati.export", self.iati_export)
        r.on("iati.import", self.iati_import)
        self.opened: list[QDialog] = []
        # a preview holds record data: it must not outlive the key
        window.session.vault.on_lock(self.close_all)

    def _track(self, dialog: QDialog) -> QDialog:
        self.opened = [d for d in self.opened if shiboken6.isValid(d)] + [dialog]
        self.dialog = dialog
        return dialog

    def close_all(self) -> None:
        """Close every exchange dialog still open (the vault is locking)."""
        for dialog in self.opened:
            if shiboken6.isValid(dialog):
                dialog.close()
        self.opened = []

    def _changed(self, _result: Any = None) -> None:
        # records were written: the lists and the dashboard read the vault again
        self.window.session.forget_names()
        self.window.refresh()

    def export(self) -> QDialog:
        """Export dialog over the whole vault."""
        return self._track(open_export(self.window.session, self.window))

    def export_template(self) -> QDialog:
        """The blank template."""
        return self._track(open_export(self.window.session, self.window, template=True))

    def export_list(self) -> QDialog | None:
        """Export the list shown, with its current search and filters."""
        page = self.window.current_page()
        source = page.model.latest_source if isinstance(page, RecordListPage) else None
        if not isinstance(page, RecordListPage) or not isinstance(source, EntitySource):
            show_message(
                self.window,
                QCoreApplication.translate("exchange", "Export this list"),
                QCoreApplication.translate(
                    "exchange", "Open a list of records first (seizures, prices, projects…)."
                ),
            )
            return None
        query = source.query
        dialog = open_export(
            self.window.session,
            self.window,
            queries={query.entity: query},
            list_title=ui_title(page.spec.title),
        )
        return self._track(dialog)

    def import_(self) -> QDialog:
        """Import dialog; asks for the workbook at once."""
        dialog = open_import(self.window.session, self.window)
        dialog.imported.connect(self._changed)
        self._track(dialog)
        dialog.choose_file()
        return dialog

    def iati_export(self) -> QDialog:
        """IATI export dialog."""
        return self._track(open_iati_export(self.window.session, self.window))

    def iati_import(self) -> QDialog:
        """IATI import dialog; asks for the file at once."""
        dialog = open_iati_import(self.window.session, self.window)
        dialog.imported.connect(self._changed)
        self._track(dialog)
        dialog.choose_file()
        return dialog


def install(window: MainWindow) -> ExchangeActions:
    """Wire the exchange actions of ``window``."""
    return ExchangeActions(window)
