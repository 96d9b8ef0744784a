"""A list page: title and row count, quick search, filters, the SQL-paged table."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pp_desktop.ui.filter_bar import FilterBar
from pp_desktop.ui.list_specs import ListSpec
from pp_desktop.ui.page_sources import source_for
from pp_desktop.ui.paged_table_model import PagedTableModel
from pp_desktop.ui.record_detail_dialog import RecordDetailDialog
from pp_desktop.ui.session import Session

SEARCH_DELAY_MS = 250  # typing pauses this long before the list re-queries


class RecordListPage(QWidget):
    """One entity's list. Double-click or Enter opens the record read-only."""

    recordOpened = Signal(object)  # the detail dialog

    def __init__(self, spec: ListSpec, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.session = session
        self.setObjectName(f"page_{spec.key}")
        self.detail_dialog: RecordDetailDialog | None = None
        self._user_sized = False  # the officer resized a column: stop fitting
        self._sizing = False

        self.title = QLabel(spec.title, self)
        self.title.setObjectName("pageTitle")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("rowCount")

        self.search = QLineEdit(self)
        self.search.setObjectName(f"{spec.key}Search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(spec.search_hint or "")
        self.search.setMinimumWidth(260)
        self.search.setVisible(spec.search_hint is not None)
        self.search.setToolTip("Quick search (Ctrl+F); Enter jumps to the list")
        self.filters = FilterBar(spec, session.labels, self) if spec.filters else None

        self.model = PagedTableModel(spec, session, parent=self)
        self.view = QTableView(self)
        self.view.setObjectName(f"{spec.key}Table")
        self._setup_view()

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
        if self.filters is not None:
            tools.addWidget(self.filters, 1)
        else:
            tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addLayout(tools)
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
        self._fit_columns()
        header.setSortIndicatorShown(True)
        header.sortIndicatorChanged.connect(self._keep_sort_indicator)
        view.setSortingEnabled(True)
        view.doubleClicked.connect(self._open_index)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.open_current)

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
        current = self.model.source
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
        if self.model.rowCount():
            self.view.setFocus()
            self.view.selectRow(0)

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
        n = self.model.rowCount()
        if not self.model.is_counted:
            self.count_label.setText(f"Counting {self.spec.plural}…")
            self.stack.setCurrentWidget(self.view)
            return
        narrowed = bool(self.search.text().strip()) or bool(
            self.filters and self.filters.is_active()
        )
        text = self.spec.count_text(n)
        self.count_label.setText(f"{text} match" if narrowed and n != 1 else text)
        if n == 0 and self.model.source is not None:
            self.empty_label.setText(
                f"No {self.spec.plural} match the search or filters."
                if narrowed
                else f"No {self.spec.plural} yet."
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
        self.open_row(index.row())

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
