"""The write commands of the main window: New, Edit, Delete (with confirmation), Undo and Redo.

Forms open window-modal and non-blocking; what they save, and every delete, is pushed on the
session's undo stack. After a change the lists of that kind of record re-read their rows and keep
their scroll position. Locking closes an open form, forgets the undo history (it names records)
and empties the folder of opened attachments.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from pp_desktop.services import records
from pp_desktop.services.errors import ServiceError
from pp_desktop.store.errors import VaultError
from pp_desktop.ui.forms import FORMS, RecordForm, SaveResult
from pp_desktop.ui.forms.names import record_name
from pp_desktop.ui.forms.private_files import OPENED
from pp_desktop.ui.i18n import service_message
from pp_desktop.ui.list_specs import ListSpec
from pp_desktop.ui.paged_table_model import PagedTableModel
from pp_desktop.ui.record_list_page import RecordListPage
from pp_desktop.ui.undo import DeleteCommand, command_for, new_stack

if TYPE_CHECKING:
    from pp_desktop.ui.main_window import MainWindow

DEFAULT_ENTITY = "seizure"  # New from the dashboard: the record officers enter most


class WriteActions(QObject):
    """Connects the registry's write actions of ``window`` to forms, services and undo."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.stack = new_stack(self)
        self.form: RecordForm | None = None
        r = window.registry
        r.on("record.new", self.new_record)
        r.on("record.edit", self.edit_current)
        r.on("record.delete", self.delete_selected)
        r.on("edit.undo", self.undo)
        r.on("edit.redo", self.redo)
        undo, redo = r["edit.undo"], r["edit.redo"]
        undo.setEnabled(False)
        redo.setEnabled(False)
        self.stack.canUndoChanged.connect(undo.setEnabled)
        self.stack.canRedoChanged.connect(redo.setEnabled)
        self._undo_tip, self._redo_tip = undo.toolTip(), redo.toolTip()
        self.stack.undoTextChanged.connect(
            lambda t: undo.setToolTip(f"{self._undo_tip}: {t}" if t else self._undo_tip)
        )
        self.stack.redoTextChanged.connect(
            lambda t: redo.setToolTip(f"{self._redo_tip}: {t}" if t else self._redo_tip)
        )
        self.session.vault.on_lock(self.forget)

    # --- lists ------------------------------------------------------------------------------

    def attach(self, page: QWidget) -> None:
        """Let ``page`` open its records in the edit form (double-click, Enter) and select
        several rows; lists of entities without a form stay read-only."""
        if isinstance(page, RecordListPage) and page.spec.entity in FORMS:
            page.edit_opener = self.open_from_list
            page.view.setSelectionMode(page.view.SelectionMode.ExtendedSelection)

    def open_from_list(self, spec: ListSpec, record_id: str) -> RecordForm | None:
        """Open ``record_id`` of a list in its edit form (None: the caller shows it read-only)."""
        return self.open_form(spec.entity, record_id, quiet=True)

    def current_list(self) -> RecordListPage | None:
        """The list shown, when its records can be edited."""
        page = self.window.current_page()
        if isinstance(page, RecordListPage) and page.spec.entity in FORMS:
            return page
        return None

    @staticmethod
    def selected_ids(page: RecordListPage) -> list[str]:
        """Ids of the selected rows, in list order (the current row when none is selected)."""
        model = page.model
        selection = page.view.selectionModel()
        rows = sorted({i.row() for i in selection.selectedRows()}) if selection else []
        if not rows and page.current_row() >= 0:
            rows = [page.current_row()]
        ids = [model.data(model.index(r, 0), PagedTableModel.RecordIdRole) for r in rows]
        return [str(i) for i in ids if i]

    def refresh(self, entity: str) -> None:
        """Re-read every open list of ``entity`` (and the audit log), keeping the scroll."""
        for page in self.window.pages.values():
            if not isinstance(page, RecordListPage):
                continue
            if page.spec.entity == entity or page.spec.entity == "audit":
                position = page.view.verticalScrollBar().value()
                page.refresh()
                self._scroll_back(page, position)
        self.window.status.update_from(self.session)

    @staticmethod
    def _scroll_back(page: RecordListPage, position: int) -> None:
        """Return the list to ``position`` once its new rows are there and counted: a list may
        read its first page off the UI thread, and until a background count ends a long list
        has only its first page (a short scroll bar)."""
        model = page.model
        view = page.view
        bar = view.verticalScrollBar()

        def restore() -> None:
            view.updateGeometries()  # the scroll range follows the new row count now, not later
            bar.setValue(min(position, bar.maximum()))

        def when_counted() -> None:
            if model.is_counted:
                restore()
                return

            def counted(_n: int) -> None:
                model.counted.disconnect(counted)
                restore()

            model.counted.connect(counted)

        if not getattr(model, "loading", False):
            when_counted()
            return

        def shown() -> None:
            model.sourceChanged.disconnect(shown)
            when_counted()

        model.sourceChanged.connect(shown)

    # --- forms ------------------------------------------------------------------------------

    def open_form(self, entity: str, record_id: str = "", quiet: bool = False) -> RecordForm | None:
        """Open the form of ``entity`` (a new record when ``record_id`` is empty)."""
        if self.form is not None:
            self.form.close()
        try:
            form = FORMS[entity](self.session, record_id, self.window)
        except (ServiceError, VaultError) as exc:
            if not quiet:
                self._inform(service_message(exc.message))
            return None
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.setWindowModality(Qt.WindowModality.WindowModal)
        form.saved.connect(self._saved)
        form.finished.connect(lambda _r, f=form: self._form_gone(f))
        self.form = form
        form.open()
        return form

    def _form_gone(self, form: RecordForm) -> None:
        if self.form is form:
            self.form = None

    def new_record(self) -> RecordForm | None:
        """A new record of the list shown (a seizure elsewhere)."""
        page = self.current_list()
        return self.open_form(page.spec.entity if page else DEFAULT_ENTITY)

    def edit_current(self) -> RecordForm | None:
        """Edit the selected record of the list shown."""
        page = self.current_list()
        if page is None:
            return None
        ids = self.selected_ids(page)
        return self.open_form(page.spec.entity, ids[0]) if ids else None

    def _saved(self, result: SaveResult) -> None:
        command = command_for(self.session.ctx, result, self._report)
        if command is not None:
            self.stack.push(command)
        self.refresh(result.entity)

    # --- delete, undo, redo ---------------------------------------------------------------

    def delete_selected(self) -> list[str]:
        """Delete the selected records of the list shown, after confirmation."""
        page = self.current_list()
        if page is None:
            return []
        ids = self.selected_ids(page)
        if not ids:
            return []
        entity = page.spec.entity
        if len(ids) == 1:
            question = self.tr("Delete the selected %1?").replace("%1", record_name(entity))
        else:
            question = (
                self.tr("Delete the %1 selected %2?")
                .replace("%1", str(len(ids)))
                .replace("%2", record_name(entity, len(ids)))
            )
        answer = QMessageBox.question(
            self.window,
            self.tr("Delete records"),
            question
            + "\n\n"
            + self.tr(
                "They disappear from every list; the audit log keeps them, and Undo "
                "(Ctrl+Z) brings them back."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return []
        try:
            changes = records.delete(self.session.ctx, entity, ids)
        except (ServiceError, VaultError) as exc:
            self._warn(self.tr("Nothing was deleted"), service_message(exc.message))
            self.refresh(entity)
            return []
        self.stack.push(DeleteCommand(self.session.ctx, entity, changes.deleted, self._report))
        self.refresh(entity)
        return changes.deleted

    def undo(self) -> None:
        """Undo the last change of the session."""
        self.stack.undo()

    def redo(self) -> None:
        """Redo the change last undone."""
        self.stack.redo()

    def _report(self, entity: str, error: str) -> None:
        if error:
            self._warn(
                self.tr("Cannot undo or redo"),
                service_message(error)
                + "\n\n"
                + self.tr("The step was dropped from the undo list; nothing was overwritten."),
            )
        self.refresh(entity)

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, text)

    def _inform(self, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("WriteActions", "Record not available"),
            text,
            QMessageBox.StandardButton.Close,
            self.window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def forget(self) -> None:
        """The vault is locking: close the form, drop the history and opened files."""
        if self.form is not None:
            self.form.close()
            self.form = None
        self.stack.clear()
        OPENED.clear()
