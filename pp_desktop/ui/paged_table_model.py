"""The one table model behind every list: rows are read from SQL a page at a time.

The model never holds the table (DESIGN §7, §8: an eager model over a million rows costs
seconds and a gigabyte). The first page is shown at once; the SQL count, which over a million
encrypted rows takes seconds, runs in the background and then grows the list to its real size
(counts are remembered per filter, so re-sorting does not count again). ``data`` asks for the
page holding the row, which comes from a small LRU of pages or from the database:

* page 0, and any page whose preceding row's key is known (an *anchor*, remembered for every
  page ever read), is read with keyset pagination — as cheap at row 900,000 as at row 0;
* any other page is read by position, counted from whichever end is nearer (the mirror order
  is exact, so the last row of a million costs what the first does).

Dragging the scrollbar therefore reads only the pages the view paints.

A new source (search text, filter, sort) is read off the UI thread too (``background_reads``):
most first pages take a few milliseconds and the model waits that long for them
(:data:`FIRST_PAGE_WAIT_S`), so the view never flickers; a slow one (a one-letter prefix search,
an unindexed sort over a filter) leaves the UI responsive, the old rows shown and ``loading``
true until it arrives. Only one first-page read runs at a time: typing on while one runs
replaces the waiting request, so a burst of keystrokes costs two queries, not one per key.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from sqlalchemy.exc import SQLAlchemyError

from pp_desktop.services.errors import ServiceError
from pp_desktop.store.errors import VaultError
from pp_desktop.ui import theme
from pp_desktop.ui.background import BackgroundCall, interactive_pool, run_in_background
from pp_desktop.ui.list_specs import ListSpec, Row, ui_title
from pp_desktop.ui.page_sources import Key, PageSource
from pp_desktop.ui.session import Session

log = logging.getLogger(__name__)

PAGE_SIZE = 200
MAX_CACHED_PAGES = 8  # 1,600 rows: a few screens around the viewport
FIRST_PAGE_WAIT_S = 0.06  # wait this long for a first page before showing "loading"
COUNT_DELAY_MS = 100  # let the first page paint before the (long) count starts


class _FirstPageRead:
    """One first-page read in a pool thread; ``done`` is set when ``rows`` are there."""

    def __init__(self, source: PageSource, limit: int, key: str) -> None:
        self.source = source
        self.limit = limit
        self.key = key
        self.rows: list[Row] = []
        self.done = threading.Event()
        self.consumed = False  # shown already (by the UI thread's short wait)

    def run(self) -> None:  # pool thread
        try:
            self.rows = self.source.rows_after(None, self.limit)
        except (VaultError, ServiceError, SQLAlchemyError) as exc:
            log.warning("reading %s failed: %s", self.key, type(exc).__name__)
            self.rows = []
        finally:
            self.done.set()


AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class PagedTableModel(QAbstractTableModel):
    """A read-only table over a :class:`PageSource`, shaped by a :class:`ListSpec`."""

    RecordIdRole = Qt.ItemDataRole.UserRole + 1
    RowRole = Qt.ItemDataRole.UserRole + 2

    pageFetched = Signal(int)  # page number, after it was read from the database
    sourceChanged = Signal()  # after every reset (new filter, sort, refresh or clear)
    counted = Signal(int)  # the row count is known (at once, or after a background count)
    loadingChanged = Signal(bool)  # a new source's first page is being read

    def __init__(
        self,
        spec: ListSpec,
        session: Session | None = None,
        source: PageSource | None = None,
        *,
        page_size: int = PAGE_SIZE,
        max_pages: int = MAX_CACHED_PAGES,
        background_count: bool = True,
        background_reads: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.session = session
        self.page_size = page_size
        self.max_pages = max_pages
        self.background_count = background_count
        self.background_reads = background_reads
        self.first_page_wait = FIRST_PAGE_WAIT_S
        self._read: _FirstPageRead | None = None  # the first-page read in flight
        self._pending: PageSource | None = None  # the newest source, waiting for that read
        self._loading = False
        self._source: PageSource | None = None
        self._count = 0
        self._counted = True
        self._counts: dict[Hashable, int] = {}  # rows per filter set: a new sort re-uses it
        self._generation = 0  # outcomes of counts started for an older source are dropped
        self._count_call: BackgroundCall | None = None
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self._anchors: dict[int, Key] = {}  # page -> key of the row just before it
        # alignment per column, made once: a Qt flag combined in Python costs ~100 µs, and a
        # painted screen asks for it hundreds of times
        self._align = [
            (Qt.AlignmentFlag.AlignRight if c.numeric else Qt.AlignmentFlag.AlignLeft)
            | Qt.AlignmentFlag.AlignVCenter
            for c in spec.columns
        ]
        self.fetch_log: list[tuple[int, str]] = []  # (page, how) of every database read
        if source is not None:
            self.set_source(source)

    # --- source, count and cache --------------------------------------------------------------

    @property
    def source(self) -> PageSource | None:
        """Where the rows come from (None once cleared)."""
        return self._source

    @property
    def is_counted(self) -> bool:
        """False while the row count is still being computed (the list shows what it has)."""
        return self._counted

    @property
    def loading(self) -> bool:
        """True while a new source's first page is read (the old rows are still shown)."""
        return self._loading

    @property
    def latest_source(self) -> PageSource | None:
        """The source asked for last (shown, being read, or waiting to be read)."""
        if self._pending is not None:
            return self._pending
        if self._read is not None and not self._read.consumed:
            return self._read.source
        return self._source

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loadingChanged.emit(loading)

    def set_source(self, source: PageSource | None) -> None:
        """Show ``source`` (a new filter, search or sort): forget every page, show the first
        one, and learn the row count (remembered, in the background, or — when the first
        page is not full — from the first page itself).

        With ``background_reads`` the first page is read in a pool thread; the model waits
        up to :attr:`first_page_wait` seconds for it, then returns and shows it on arrival.
        """
        self._generation += 1
        self._pending = None
        if source is None or not self.background_reads:
            rows = self._read_first_page(source) if source is not None else []
            self._show(source, rows)
            return
        if self._read is not None and not self._read.done.is_set():
            self._pending = source  # one read at a time: this one starts when it ends
            self._set_loading(True)
            return
        self._start_read(source, wait=True)

    def _start_read(self, source: PageSource, *, wait: bool) -> None:
        generation = self._generation
        read = _FirstPageRead(source, self.page_size, self.spec.key)
        self._read = read
        run_in_background(
            read.run,
            lambda _none: self._read_arrived(read, generation),
            lambda _exc: self._read_arrived(read, generation),
            self,
            interactive_pool(),
        )
        if wait and read.done.wait(self.first_page_wait):
            read.consumed = True
            self._show(source, read.rows)
        else:
            self._set_loading(True)

    def _read_arrived(self, read: _FirstPageRead, generation: int) -> None:
        if self._read is read:
            self._read = None
        if not read.consumed and generation == self._generation:
            read.consumed = True
            self._show(read.source, read.rows)
        if self._pending is not None and self._read is None:
            source, self._pending = self._pending, None
            self._start_read(source, wait=False)

    def _read_first_page(self, source: PageSource) -> list[Row]:
        try:
            return source.rows_after(None, self.page_size)
        except (VaultError, ServiceError, SQLAlchemyError) as exc:
            log.warning("reading %s failed: %s", self.spec.key, type(exc).__name__)
            return []

    def _show(self, source: PageSource | None, first: list[Row]) -> None:
        """Reset the model to ``source`` with its first page ``first`` already read."""
        self._set_loading(False)
        self.beginResetModel()
        self._source = source
        self._pages.clear()
        self._anchors.clear()
        self._count, self._counted = 0, True
        pending = False
        if source is not None:
            self._keep_first_page(source, first)
            known = self._counts.get(source.count_key)
            if len(first) < self.page_size:
                self._count = len(first)  # the whole list is on the first page
            elif known is not None:
                self._count = known
            elif self.background_count:
                self._count, self._counted, pending = len(first), False, True
            else:
                self._count = self._safe_count(source)
            if self._counted:
                self._counts[source.count_key] = self._count
        self.endResetModel()
        self.sourceChanged.emit()
        if pending and source is not None:
            self._count_in_background(source)
        elif self._counted:
            self.counted.emit(self._count)

    def refresh(self) -> None:
        """Re-read the same list (records may have changed): counts are recomputed."""
        self._counts.clear()
        self.set_source(self.latest_source)

    def clear(self) -> None:
        """Forget the source, every cached row and count (the vault is locking); a read in
        flight is dropped when it arrives."""
        self.session = None
        self._counts.clear()
        self._pending = None
        self.set_source(None)

    def _keep_first_page(self, source: PageSource, rows: list[Row]) -> None:
        self._pages[0] = rows
        if len(rows) == self.page_size:
            self._anchors[1] = source.key_of(rows[-1])
        self.fetch_log.append((0, "keyset"))

    def _safe_count(self, source: PageSource) -> int:
        try:
            return source.count()
        except (VaultError, ServiceError, SQLAlchemyError) as exc:
            log.warning("counting %s failed: %s", self.spec.key, type(exc).__name__)
            return len(self._pages.get(0, []))

    def _count_in_background(self, source: PageSource) -> None:
        # Started a moment later: over a million rows the count reads the whole date index
        # (seconds), and on two cores it would slow the first paint of the page just read.
        generation = self._generation
        QTimer.singleShot(COUNT_DELAY_MS, self, lambda: self._start_count(generation, source))

    def _start_count(self, generation: int, source: PageSource) -> None:
        if generation != self._generation:
            return  # the officer typed on: this list is gone already
        self._count_call = run_in_background(
            lambda: source.count(),
            lambda n: self._apply_count(generation, source, int(n)),
            lambda exc: self._count_failed(generation, exc),
            self,
        )

    def _count_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            log.warning("counting %s failed: %s", self.spec.key, type(exc).__name__)
            self._counted = True  # what is shown is all there will be
            self.counted.emit(self._count)

    def _apply_count(self, generation: int, source: PageSource, n: int) -> None:
        """Grow (or shrink) the list to the real count once it is known."""
        if generation != self._generation:
            return  # the officer already typed on: this count is for an older list
        self._counts[source.count_key] = n
        if n > self._count:
            self.beginInsertRows(_ROOT, self._count, n - 1)
            self._count = n
            self.endInsertRows()
        elif n < self._count:
            self.beginRemoveRows(_ROOT, n, self._count - 1)
            self._count = n
            self.endRemoveRows()
        self._counted = True
        self.counted.emit(n)

    def _page(self, number: int) -> list[Row]:
        cached = self._pages.get(number)
        if cached is not None:
            self._pages.move_to_end(number)
            return cached
        rows = self._read_page(number)
        self._pages[number] = rows
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)
        return rows

    def _read_page(self, number: int) -> list[Row]:
        source = self._source
        if source is None:
            return []
        start = number * self.page_size
        limit = min(self.page_size, self._count - start)
        if limit <= 0:
            return []
        try:
            if number == 0:
                how, rows = "keyset", source.rows_after(None, limit)
            elif number in self._anchors:
                how, rows = "keyset", source.rows_after(self._anchors[number], limit)
            elif start > self._count - (start + limit):
                how, rows = "from-end", source.rows_from_end(self._count - start - limit, limit)
            else:
                how, rows = "offset", source.rows_at(start, limit)
        except (VaultError, ServiceError, SQLAlchemyError) as exc:
            # A locked vault or a damaged page must not take the window down: show blanks.
            log.warning("reading page %d of %s failed: %s", number, self.spec.key, type(exc))
            return []
        if rows and len(rows) == limit:
            self._anchors[number + 1] = source.key_of(rows[-1])
        self.fetch_log.append((number, how))
        self.pageFetched.emit(number)
        return rows

    def row(self, row: int) -> Row | None:
        """The stored values of row ``row`` (None outside the list)."""
        if not 0 <= row < self._count or self._source is None:
            return None
        rows = self._page(row // self.page_size)
        i = row % self.page_size
        return rows[i] if i < len(rows) else None

    def cached_pages(self) -> list[int]:
        """Page numbers currently held, least recently used first."""
        return list(self._pages)

    def sort_column(self) -> int:
        """Index of the column the list is sorted by (-1 when not shown)."""
        if self._source is None:
            return -1
        for i, c in enumerate(self.spec.columns):
            if c.key == self._source.sort_key:
                return i
        return -1

    # --- QAbstractTableModel --------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        """The SQL count (a table has no children)."""
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        """The spec's columns."""
        return 0 if parent.isValid() else len(self.spec.columns)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Selectable, read-only (editing is done in forms, through the services)."""
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, tooltip, alignment, highlight, id or the whole row of a cell."""
        if not index.isValid() or role not in _ROLES:
            return None
        record = self.row(index.row())
        if record is None:
            return None
        column = self.spec.columns[index.column()]
        session = cast(Session, self.session)  # renderers of entity lists need its labels
        if role == Qt.ItemDataRole.DisplayRole:
            return column.render(record, session)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.tooltip is not None:
                return column.tooltip(record, session) or None
            text = column.render(record, session)
            return text if len(text) > column.width else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._align[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.spec.highlight and self.spec.highlight(record, session) == "warning":
                return QColor(theme.WARN_BG)
            return None
        if role == self.RecordIdRole:
            return record.get("id", record.get("seq"))
        if role == self.RowRole:
            return dict(record)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles (and sortability in the tooltip); row numbers vertically."""
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.spec.columns):
                return None
            column = self.spec.columns[section]
            title = ui_title(column.title)
            if role == Qt.ItemDataRole.DisplayRole:
                return title
            if role == Qt.ItemDataRole.ToolTipRole:
                sortable = QCoreApplication.translate("PagedTableModel", "{title} — click to sort")
                return sortable.format(title=title) if column.sortable else title
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return self._align[section]
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < self._count:
            return f"{section + 1:,}"
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL by a sortable column (others are ignored: the list keeps its order)."""
        if self._source is None or not 0 <= column < len(self.spec.columns):
            return
        spec_column = self.spec.columns[column]
        if not spec_column.sortable:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if spec_column.key == self._source.sort_key and descending == self._source.descending:
            return
        self.set_source(self._source.sorted_by(spec_column.key, descending))


# made once: combining Qt flags in Python costs ~50 µs, and the view asks for every cell it paints
_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)

_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.BackgroundRole,
        PagedTableModel.RecordIdRole,
        PagedTableModel.RowRole,
    }
)
