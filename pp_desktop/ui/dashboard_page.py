"""The dashboard: record counts, seizures by drug and by month, overdue follow-ups.

The figures are aggregated in SQL off the UI thread (a million seizures take a moment to sum),
then drawn; ``loaded`` fires when they are on screen.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pp_desktop.services import stats
from pp_desktop.services.context import Services
from pp_desktop.services.queries import ListQuery
from pp_desktop.ui import formatting as fmt
from pp_desktop.ui import i18n, theme
from pp_desktop.ui.background import Task, TaskControl, start_task
from pp_desktop.ui.bar_chart import Bar, BarChart
from pp_desktop.ui.list_specs import RECOMMENDATIONS
from pp_desktop.ui.record_detail_dialog import RecordDetailDialog
from pp_desktop.ui.session import Session
from pp_desktop.ui.tr_marks import QT_TRANSLATE_NOOP

TOP_DRUGS = 8
MONTHS = 12
# (stats.live_counts key, tile caption, list page it opens)
TILES = (
    ("seizures", QT_TRANSLATE_NOOP("DashboardPage", "Seizures"), "seizures"),
    ("prices", QT_TRANSLATE_NOOP("DashboardPage", "Price observations"), "prices"),
    ("projects", QT_TRANSLATE_NOOP("DashboardPage", "Projects"), "projects"),
    ("recommendations", QT_TRANSLATE_NOOP("DashboardPage", "Recommendations"), "recommendations"),
    ("organisations", QT_TRANSLATE_NOOP("DashboardPage", "Organisations"), "organisations"),
    ("contacts", QT_TRANSLATE_NOOP("DashboardPage", "Contacts"), "contacts"),
)


translate = QCoreApplication.translate  # the name lupdate looks for


def _tr(text: str) -> str:
    return QCoreApplication.translate("DashboardPage", text)


def month_window(today: date, months: int = MONTHS) -> list[str]:
    """The last ``months`` months as ``YYYY-MM``, oldest first, ending with today's month."""
    y, m = today.year, today.month
    out = []
    for _ in range(months):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out[::-1]


@dataclass(frozen=True)
class DashboardData:
    """Everything the dashboard shows, computed in one background call."""

    counts: dict[str, int]
    months: list[str]
    kg_by_drug: list[tuple[str, float, int]]  # (drug, kg, seizures), largest first
    kg_by_month: list[tuple[str, float, int]]  # (YYYY-MM, kg, seizures), oldest first
    overdue: list[stats.FollowUp]


def load_dashboard(ctx: Services, control: TaskControl | None = None) -> DashboardData:
    """Read the dashboard figures (runs off the UI thread; ``control``: progress and cancel
    between the queries)."""

    def step(fraction: float, text: str) -> None:
        if control is not None:
            control.check()
            control.progress(fraction, text)

    months = month_window(ctx.today())
    summing = translate("DashboardPage", "Summing seizures of {month}…")
    rows: list[tuple[str, str, float, int]] = []
    # One month per query: the same rows are read, but SQLite groups ~30,000 of them at a
    # time instead of a year's worth at once (over a million seizures that one sort held
    # ~56 MB, which put the window over its memory budget); and cancel works between months.
    for i, month in enumerate(months):
        step(0.6 * i / len(months), summing.format(month=month_label(month)))
        window = {"date_from": f"{month}-01", "date_to": f"{month}-31"}  # ISO dates sort
        rows.extend(stats.seizures_by_drug_month(ctx, ListQuery("seizure", filters=window)))
    step(0.6, translate("DashboardPage", "Counting records…"))
    counts = stats.live_counts(ctx)
    step(0.85, translate("DashboardPage", "Finding overdue follow-ups…"))
    by_drug: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
    by_month: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
    for drug, month, kg, n in rows:
        by_drug[drug][0] += kg
        by_drug[drug][1] += n
        by_month[month][0] += kg
        by_month[month][1] += n
    drugs = sorted(by_drug.items(), key=lambda kv: kv[1][0], reverse=True)[:TOP_DRUGS]
    return DashboardData(
        counts=counts,
        months=months,
        kg_by_drug=[(d, v[0], int(v[1])) for d, v in drugs],
        kg_by_month=[(m, by_month[m][0], int(by_month[m][1])) for m in months],
        overdue=stats.overdue_follow_ups(ctx),
    )


MONTH_NAMES = (
    QT_TRANSLATE_NOOP("DashboardPage", "Jan"),
    QT_TRANSLATE_NOOP("DashboardPage", "Feb"),
    QT_TRANSLATE_NOOP("DashboardPage", "Mar"),
    QT_TRANSLATE_NOOP("DashboardPage", "Apr"),
    QT_TRANSLATE_NOOP("DashboardPage", "May"),
    QT_TRANSLATE_NOOP("DashboardPage", "Jun"),
    QT_TRANSLATE_NOOP("DashboardPage", "Jul"),
    QT_TRANSLATE_NOOP("DashboardPage", "Aug"),
    QT_TRANSLATE_NOOP("DashboardPage", "Sep"),
    QT_TRANSLATE_NOOP("DashboardPage", "Oct"),
    QT_TRANSLATE_NOOP("DashboardPage", "Nov"),
    QT_TRANSLATE_NOOP("DashboardPage", "Dec"),
)


def month_label(month: str) -> str:
    """``Jan 2026`` from ``2026-01``."""
    year, m = month.split("-")
    return f"{_tr(MONTH_NAMES[int(m) - 1])} {year}"


def month_axis_labels(months: list[str]) -> list[str]:
    """Axis labels of a run of months: the month, with its year under the first and January."""
    out = []
    for i, month in enumerate(months):
        year, m = month.split("-")
        name = _tr(MONTH_NAMES[int(m) - 1])
        out.append(f"{name}\n{year}" if i == 0 or m == "01" else name)
    return out


class Tile(QFrame):
    """A count with its caption; clicking it opens the list."""

    clicked = Signal(str)

    def __init__(self, key: str, caption: str, target: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tile")
        self.key, self.target = key, target
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(
            translate("DashboardPage", "Open the list: {caption}").format(caption=_tr(caption))
        )
        self.value = QLabel("…", self)
        self.value.setObjectName("tileValue")
        caption_label = QLabel(_tr(caption), self)
        caption_label.setObjectName("tileLabel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(caption_label)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Open the list of this tile."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.target)
        super().mouseReleaseEvent(event)


def card(title: str, content: QWidget, parent: QWidget | None = None) -> tuple[QFrame, QLabel]:
    """A white panel with a title above ``content``; returns the panel and its title label."""
    frame = QFrame(parent)
    frame.setObjectName("card")
    heading = QLabel(title, frame)
    heading.setObjectName("sectionTitle")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 12)
    layout.setSpacing(8)
    layout.addWidget(heading)
    layout.addWidget(content, 1)
    return frame, heading


class DashboardPage(QWidget):
    """The first page after unlocking."""

    loaded = Signal()
    navigate = Signal(str)  # list page key
    taskStarted = Signal(object)  # the Task loading the figures (the status bar follows it)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_dashboard")
        self.session = session
        self.data: DashboardData | None = None
        self.detail_dialog: RecordDetailDialog | None = None
        self.task: Task | None = None
        self._generation = 0

        title = QLabel(self.tr("Dashboard"), self)
        title.setObjectName("pageTitle")
        self.subtitle = QLabel(self)
        self.subtitle.setProperty("role", "hint")

        self.tiles = {key: Tile(key, caption, target, self) for key, caption, target in TILES}
        tiles = QHBoxLayout()
        tiles.setSpacing(10)
        for tile in self.tiles.values():
            tile.clicked.connect(self.navigate)
            tiles.addWidget(tile)

        self.drug_chart = BarChart(
            horizontal=True,
            value_text=fmt.compact_kilograms,
            empty_text=self.tr("Loading…"),
            parent=self,
        )
        self.drug_chart.setObjectName("chartByDrug")
        self.month_chart = BarChart(
            horizontal=False,
            value_text=fmt.compact_kilograms,
            empty_text=self.tr("Loading…"),
            parent=self,
        )
        self.month_chart.setObjectName("chartByMonth")
        drug_card, _ = card(
            self.tr("Seizures by drug — kilogram equivalent, top 8"), self.drug_chart
        )
        month_card, _ = card(self.tr("Seizures by month — kilogram equivalent"), self.month_chart)

        self.overdue_table = QTableWidget(0, 5, self)
        self.overdue_table.setObjectName("overdueTable")
        self._setup_overdue_table()
        self.overdue_empty = QLabel(self.tr("No recommendation is overdue for follow-up."), self)
        self.overdue_empty.setProperty("role", "hint")
        self.overdue_empty.hide()
        overdue_box = QWidget(self)
        box = QVBoxLayout(overdue_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.overdue_table)
        box.addWidget(self.overdue_empty)
        overdue_card, self.overdue_title = card(self.tr("Overdue follow-ups"), overdue_box)

        grid = QGridLayout()
        grid.setSpacing(12)
        grid.addWidget(drug_card, 0, 0)
        grid.addWidget(month_card, 0, 1)
        grid.addWidget(overdue_card, 1, 0, 1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.subtitle, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addLayout(tiles)
        layout.addLayout(grid, 1)

    def _setup_overdue_table(self) -> None:
        t = self.overdue_table
        t.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Status"),
                self.tr("Follow-up due"),
                self.tr("Days overdue"),
                self.tr("Last progress note"),
            ]
        )
        t.verticalHeader().setVisible(False)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setShowGrid(False)
        t.setWordWrap(False)
        header = t.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        days = t.horizontalHeaderItem(3)
        if days is not None:
            days.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        char = t.fontMetrics().averageCharWidth()
        titles = header.fontMetrics()
        for i, width in enumerate((16, 18, 14, 13)):
            item = t.horizontalHeaderItem(i)
            title = titles.horizontalAdvance(item.text()) + 28 if item is not None else 0
            header.resizeSection(i, max(width * char + 18, title))  # titles differ by language
        t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 10)
        t.doubleClicked.connect(lambda index: self.open_overdue(index.row()))

    # --- loading -------------------------------------------------------------------------------

    @property
    def is_loading(self) -> bool:
        """True while figures are being read."""
        return self.task is not None and self.task.running

    def refresh(self) -> Task:
        """Re-read every figure in the background (a :class:`Task`: progress in the status
        bar, cancel there); a refresh while one runs cancels the older one."""
        if self.task is not None and self.task.running:
            self.task.cancel()
        self._generation += 1
        generation = self._generation
        ctx = self.session.ctx
        task = start_task(
            lambda control: load_dashboard(ctx, control), self.tr("Dashboard figures"), self
        )
        task.succeeded.connect(lambda data: self._show(generation, data))
        task.failed.connect(lambda exc: self._failed(generation, exc))
        task.cancelled.connect(lambda: self._cancelled(generation))
        self.task = task
        self.taskStarted.emit(task)
        return task

    def _cancelled(self, generation: int) -> None:
        if generation == self._generation and not self.session.is_locked:
            self.subtitle.setText(self.tr("Loading cancelled: press F5 to load the figures."))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation or self.session.is_locked:
            return
        message = i18n.service_message(getattr(exc, "message", type(exc).__name__))
        self.subtitle.setText(
            self.tr("The figures could not be read: {message}").format(message=message)
        )

    def _show(self, generation: int, data: DashboardData) -> None:
        if generation != self._generation or self.session.is_locked:
            return  # a newer refresh is on its way, or the vault locked meanwhile
        self.data = data
        labels = self.session.labels
        for key, tile in self.tiles.items():
            tile.value.setText(i18n.number(data.counts.get(key, 0)))
        self.subtitle.setText(
            self.tr("Last 12 months: {first} – {last}").format(
                first=month_label(data.months[0]), last=month_label(data.months[-1])
            )
        )
        self.drug_chart.empty_text = self.tr("No seizures in the last 12 months.")
        self.drug_chart.set_bars(
            [
                Bar(
                    fmt.short_label(labels.label("drug", drug)),
                    kg,
                    self.tr("{drug}: {kg} in {n} seizures").format(
                        drug=labels.display("drug", drug), kg=fmt.kilograms(kg), n=i18n.number(n)
                    ),
                )
                for drug, kg, n in data.kg_by_drug
            ]
        )
        self.month_chart.empty_text = self.tr("No seizures in the last 12 months.")
        axis = month_axis_labels([m for m, _kg, _n in data.kg_by_month])
        self.month_chart.set_bars(
            [
                Bar(
                    label,
                    kg,
                    self.tr("{month}: {kg} in {n} seizures").format(
                        month=month_label(m), kg=fmt.kilograms(kg), n=i18n.number(n)
                    ),
                )
                for label, (m, kg, n) in zip(axis, data.kg_by_month, strict=True)
            ]
        )
        self._fill_overdue(data.overdue)
        self.loaded.emit()

    def _fill_overdue(self, overdue: list[stats.FollowUp]) -> None:
        t = self.overdue_table
        t.setRowCount(len(overdue))
        labels = self.session.labels
        for r, f in enumerate(overdue):
            cells = (
                f.code,
                labels.label("recommendation_status", f.status),
                f.follow_up_due,
                i18n.number(f.days_overdue),
                f.last_note or self.tr("no progress note"),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setBackground(theme.WARN_BG)
                if c == 3:
                    item.setForeground(theme.WARN_INK)
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                item.setData(Qt.ItemDataRole.UserRole, f.id)
                t.setItem(r, c, item)
        self.overdue_title.setText(
            self.tr("Overdue follow-ups ({n})").format(n=i18n.number(len(overdue)))
            if overdue
            else self.tr("Overdue follow-ups")
        )
        t.setVisible(bool(overdue))
        self.overdue_empty.setVisible(not overdue)

    def open_overdue(self, row: int) -> RecordDetailDialog | None:
        """Open the overdue recommendation of ``row`` read-only."""
        item = self.overdue_table.item(row, 0)
        if item is None:
            return None
        dialog = RecordDetailDialog(
            RECOMMENDATIONS, self.session, item.data(Qt.ItemDataRole.UserRole), self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result, d=dialog: self._dialog_gone(d))
        self.detail_dialog = dialog
        dialog.open()
        return dialog

    def _dialog_gone(self, dialog: RecordDetailDialog) -> None:
        if self.detail_dialog is dialog:
            self.detail_dialog = None

    def clear(self) -> None:
        """Forget every figure (the vault is locking); a load under way is cancelled."""
        if self.task is not None and self.task.running:
            self.task.cancel()
        self._generation += 1
        self.data = None
        if self.detail_dialog is not None:
            self.detail_dialog.close()
            self.detail_dialog = None
        for tile in self.tiles.values():
            tile.value.setText("…")
        self.drug_chart.set_bars([])
        self.month_chart.set_bars([])
        self.overdue_table.setRowCount(0)
