"""A list page: title and row count, quick search, filters, the SQL-paged table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QModelIndex, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pp_desktop.ui.filter_bar import FilterBar
from pp_desktop.ui.list_specs import ListSpec, ui_title
from pp_desktop.ui.page_sources import source_for
from pp_desktop.ui.paged_table_model import PagedTableModel
from pp_desktop.ui.record_detail_dialog import RecordDetailDialog
from pp_desktop.ui.session import Session

SEARCH_DELAY_MS = 250  # typing pauses this long before the list re-queries
LAYOUT_KEY = "lists/{key}/header"  # QSettings: the officer's column layout of each list
LAYOUT_VERSION = 1  # bump when a list's columns change: an old layout would misplace them


class RecordListPage(QWidget):
    """One entity's list. Double-click or Enter opens the record read-only."""

    recordOpened = Signal(object)  # the detail dialog

    def __init__(self, spec: ListSpec, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.session = session
        self.setObjectName(f"page_{spec.key}")
        self.detail_dialog: RecordDetailDialog | None = None
        # set by the main window's write actions: a record opens in its edit form instead
        self.edit_opener: Callable[[ListSpec, str], QWidget | None] | None = None
        self._user_sized = False  # the officer resized a column: stop fitting
        self._sizing = False

        self.title = QLabel(ui_title(spec.title), self)
        self.title.setObjectName("pageTitle")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("rowCount")

        self.search = QLineEdit(self)
        self.search.setObjectName(f"{spec.key}Search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(ui_title(spec.search_hint) if spec.search_hint else "")
        self.search.setMinimumWidth(260)
        self.search.setVisible(spec.search_hint is not None)
        self.search.setToolTip(self.tr("Quick search (Ctrl+F); Enter jumps to the list"))
        self.filters = FilterBar(spec, session.labels, self) if spec.filters else None

        # first pages off the UI thread: a slow query never freezes typing (see the model)
        self.model = PagedTableModel(spec, session, background_reads=True, parent=self)
        self.view = QTableView(self)
        self.view.setObjectName(f"{spec.key}Table")
        self._setup_view()
        self.columns_button = QPushButton(self.tr("Columns"), self)
        self.columns_button.setObjectName("columnsButton")
        self.columns_button.setToolTip(
            self.tr("Choose the columns shown (or right-click a column header)")
        )
        self.columns_button.setMenu(self.column_menu())
        self._restore_layout()

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setProperty("role", "hint")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty_label)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_now)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self._search_entered)
        if self.filters is not None:
            self.filters.changed.connect(self.apply_now)
        self.model.sourceChanged.connect(self._update_count)
        self.model.sourceChanged.connect(self._sync_sort_indicator)
        self.model.loadingChanged.connect(self._loading_changed)
        self.model.counted.connect(self._update_count)

        self._layout()
        self.apply_now()

    # --- construction ---------------------------------------------------------------------

    def _layout(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        tools = QHBoxLayout()
        tools.setSpacing(12)
        tools.addWidget(self.search)
        tools.addStretch(1)
        tools.addWidget(self.columns_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addLayout(tools)
        if self.filters is not None:  # a row of its own: four filters fit at 1366 px
            layout.addWidget(self.filters)
        layout.addWidget(self.stack, 1)

    def _setup_view(self) -> None:
        view = self.view
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setShowGrid(False)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Fixed row heights: the view never measures rows, so a million costs what ten do.
        vertical = view.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(view.fontMetrics().height() + 12)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._section_resized)
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sectionMoved.connect(lambda *_a: self.save_layout())
        self._fit_columns()
        header.setSortIndicatorShown(True)
        header.sortIndicatorChanged.connect(self._keep_sort_indicator)
        view.setSortingEnabled(True)
        view.doubleClicked.connect(self._open_index)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.activate_current)

    def _natural_widths(self) -> list[int]:
        char = self.view.fontMetrics().averageCharWidth()
        return [c.width * char + 18 for c in self.spec.columns]

    def _fit_columns(self) -> None:
        """Size the columns to their natural widths, shrunk in proportion when the view is
        narrower — until the officer resizes a column by hand."""
        if self._user_sized:
            return
        widths = self._natural_widths()
        available = self.view.viewport().width()
        if available > 100 and sum(widths) > available:
            scale = available / sum(widths)
            widths = [max(int(w * scale), 60) for w in widths]
        header = self.view.horizontalHeader()
        self._sizing = True
        try:
            for i, width in enumerate(widths):
                header.resizeSection(i, width)
        finally:
            self._sizing = False

    def _section_resized(self, index: int, _old: int, _new: int) -> None:
        # the header stretches the last section itself on every view resize: not the officer
        if not self._sizing and index != len(self.spec.columns) - 1:
            self._user_sized = True
            self.save_layout()

    # --- column chooser and remembered layout ----------------------------------------------------

    def column_menu(self, parent: QWidget | None = None) -> QMenu:
        """A menu with one checkable entry per column (the first column always stays)."""
        menu = QMenu(parent or self)
        menu.setObjectName("columnMenu")
        header = self.view.horizontalHeader()
        menu.aboutToShow.connect(lambda m=menu: self._sync_column_menu(m))
        for i, column in enumerate(self.spec.columns):
            action = QAction(ui_title(column.title), menu)
            action.setObjectName(f"column_{column.key}")
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.setEnabled(i != 0)
            action.toggled.connect(lambda on, i=i: self.set_column_visible(i, on))
            menu.addAction(action)
        return menu

    def _sync_column_menu(self, menu: QMenu) -> None:
        header = self.view.horizontalHeader()
        for i, action in enumerate(a for a in menu.actions() if a.isCheckable()):
            action.blockSignals(True)
            action.setChecked(not header.isSectionHidden(i))
            action.blockSignals(False)

    def _header_menu(self, pos: QPoint) -> None:
        menu = self.column_menu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.view.horizontalHeader().mapToGlobal(pos))

    def set_column_visible(self, index: int, visible: bool) -> None:
        """Show or hide column ``index`` (never the first) and remember the layout."""
        if index == 0 or not 0 <= index < len(self.spec.columns):
            return
        self.view.horizontalHeader().setSectionHidden(index, not visible)
        self.save_layout()

    def hidden_columns(self) -> list[str]:
        """Keys of the hidden columns."""
        header = self.view.horizontalHeader()
        return [c.key for i, c in enumerate(self.spec.columns) if header.isSectionHidden(i)]

    def _layout_key(self) -> str:
        return LAYOUT_KEY.format(key=self.spec.key)

    def save_layout(self) -> None:
        """Remember column order, widths and visibility (QHeaderView.saveState)."""
        if self._sizing:
            return
        state = self.view.horizontalHeader().saveState()
        QSettings().setValue(
            self._layout_key(),
            [LAYOUT_VERSION, len(self.spec.columns), bytes(state.data()).hex()],
        )

    def _restore_layout(self) -> None:
        raw = QSettings().value(self._layout_key())
        if not isinstance(raw, list) or len(raw) != 3:
            return
        try:
            version, columns, state = int(raw[0]), int(raw[1]), bytes.fromhex(str(raw[2]))
        except ValueError:
            return
        if version != LAYOUT_VERSION or columns != len(self.spec.columns):
            return  # the list changed since: the default layout is safer
        header = self.view.horizontalHeader()
        self._sizing = True
        try:
            if header.restoreState(QByteArray(state)):
                self._user_sized = True  # the officer's widths, not the fitted ones
        finally:
            self._sizing = False
        header.setSectionHidden(0, False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the columns fitted while the officer has not sized them."""
        super().resizeEvent(event)
        self._fit_columns()

    def showEvent(self, event: QShowEvent) -> None:
        """Fit the columns once the view has its real width."""
        super().showEvent(event)
        self._fit_columns()

    # --- behaviour -----------------------------------------------------------------------

    def apply_now(self) -> None:
        """Re-query with the current search text and filters (keeps the sort)."""
        self._timer.stop()
        current = self.model.latest_source  # the sort asked for last, even if still loading
        source = source_for(
            self.spec,
            self.session.ctx,
            filters=self.filters.values() if self.filters else None,
            text=self.search.text(),
            sort=current.sort_key if current else "",
            descending=current.descending if current else None,
        )
        self.model.set_source(source)
        self._sync_sort_indicator()

    def refresh(self) -> None:
        """Re-read the list (after changes elsewhere)."""
        self.session.forget_names()
        self.model.refresh()

    def clear(self) -> None:
        """Forget every row (the vault is locking)."""
        self._timer.stop()
        if self.detail_dialog is not None:
            self.detail_dialog.close()
            self.detail_dialog = None
        self.model.clear()

    def focus_search(self) -> None:
        """Put the cursor in the search box (Find, Ctrl+F)."""
        target = self.search if self.search.isVisible() else self.view
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if target is self.search:
            self.search.selectAll()

    def _search_entered(self) -> None:
        self.apply_now()
        if self.model.loading:  # jump once the rows are there
            self.model.sourceChanged.connect(
                self._jump_to_list, Qt.ConnectionType.SingleShotConnection
            )
        else:
            self._jump_to_list()

    def _jump_to_list(self) -> None:
        if self.model.rowCount():
            self.view.setFocus()
            # not selectRow(): right to left, Qt looks for its column at the viewport's far
            # edge, finds none and selects nothing; the current index selects the row anyway
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _loading_changed(self, loading: bool) -> None:
        if loading:
            self.count_label.setText(self.tr("Searching…"))
        else:
            self._update_count()

    def _keep_sort_indicator(self, section: int, order: Qt.SortOrder) -> None:
        """Clicking a column that cannot be sorted leaves the indicator where the sort is."""
        if not 0 <= section < len(self.spec.columns) or not self.spec.columns[section].sortable:
            self._sync_sort_indicator()

    def _sync_sort_indicator(self) -> None:
        source = self.model.source
        if source is None:
            return
        header = self.view.horizontalHeader()
        order = Qt.SortOrder.DescendingOrder if source.descending else Qt.SortOrder.AscendingOrder
        header.blockSignals(True)
        header.setSortIndicator(self.model.sort_column(), order)
        header.blockSignals(False)

    def _update_count(self) -> None:
        if self.model.loading:
            return  # "Searching…" stays until the new rows are there
        n = self.model.rowCount()
        if not self.model.is_counted:
            self.count_label.setText(self.tr("Counting…"))
            self.stack.setCurrentWidget(self.view)
            return
        narrowed = bool(self.search.text().strip()) or bool(
            self.filters and self.filters.is_active()
        )
        self.count_label.setText(self.spec.count_text(n, narrowed))
        if n == 0 and self.model.source is not None:
            self.empty_label.setText(
                self.tr("Nothing matches the search or filters.")
                if narrowed
                else self.tr("Nothing recorded here yet.")
            )
            self.stack.setCurrentWidget(self.empty_label)
        else:
            self.stack.setCurrentWidget(self.view)

    def current_row(self) -> int:
        """The selected row (-1 when none)."""
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def open_current(self) -> RecordDetailDialog | None:
        """Open the selected record."""
        row = self.current_row()
        return self.open_row(row) if row >= 0 else None

    def _open_index(self, index: QModelIndex) -> None:
        self.activate_row(index.row())

    def activate_current(self) -> None:
        """Enter on a row: like a double-click."""
        row = self.current_row()
        if row >= 0:
            self.activate_row(row)

    def activate_row(self, row: int) -> None:
        """Double-click or Enter: the edit form where the window offers one (the write
        actions), else — or when the record was deleted meanwhile — the read-only view."""
        record_id = self.model.data(self.model.index(row, 0), PagedTableModel.RecordIdRole)
        if record_id is None:
            return
        if self.edit_opener is not None:
            form = self.edit_opener(self.spec, str(record_id))
            if form is not None:
                self.recordOpened.emit(form)
                return
        self.open_row(row)

    def open_row(self, row: int) -> RecordDetailDialog | None:
        """Open row ``row`` read-only in a window-modal dialog (non-blocking)."""
        record_id = self.model.data(self.model.index(row, 0), PagedTableModel.RecordIdRole)
        if record_id is None:
            return None
        if self.detail_dialog is not None:
            self.detail_dialog.close()
        dialog = RecordDetailDialog(self.spec, self.session, record_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result, d=dialog: self._dialog_gone(d))
        self.detail_dialog = dialog
        dialog.open()
        self.recordOpened.emit(dialog)
        return dialog

    def _dialog_gone(self, dialog: RecordDetailDialog) -> None:
        if self.detail_dialog is dialog:
            self.detail_dialog = None
