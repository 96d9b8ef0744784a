"""A small bar chart drawn with QPainter: legible labels, values on the bars, tooltips.

Horizontal bars suit long category names (drugs); vertical bars suit a time axis (months).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from pp_desktop.ui import theme


@dataclass(frozen=True)
class Bar:
    """One bar: its axis label, value and the tooltip that explains it."""

    label: str
    value: float
    tooltip: str = ""


class BarChart(QWidget):
    """Bars of non-negative values; ``horizontal`` puts the labels on the left."""

    def __init__(
        self,
        *,
        horizontal: bool,
        value_text: Callable[[float], str],
        empty_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.horizontal = horizontal
        self.value_text = value_text
        self.empty_text = empty_text
        self.bars: list[Bar] = []
        self._hit: list[tuple[QRect, Bar]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(280, 180)

    def sizeHint(self) -> QSize:
        """Room for eight bars with readable labels."""
        return QSize(460, 280)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        """Show ``bars`` (replaces the previous ones)."""
        self.bars = list(bars)
        self.update()

    def event(self, e: object) -> bool:  # tooltips of the bar under the mouse
        if isinstance(e, QHelpEvent) and e.type() == QHelpEvent.Type.ToolTip:
            for rect, bar in self._hit:
                if rect.contains(e.pos()) and bar.tooltip:
                    QToolTip.showText(e.globalPos(), bar.tooltip, self)
                    return True
            QToolTip.hideText()
            return True
        return super().event(e)  # type: ignore[arg-type]

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Draw the bars, or the empty text."""
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._hit = []
        area = self.rect().adjusted(4, 4, -4, -4)
        if not self.bars or max(b.value for b in self.bars) <= 0:
            p.setPen(theme.MUTED_INK)
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, self.empty_text)
            p.end()
            return
        if self.horizontal:
            self._paint_horizontal(p, area)
        else:
            self._paint_vertical(p, area)
        p.end()

    def _paint_horizontal(self, p: QPainter, area: QRect) -> None:
        fm = QFontMetrics(self.font())
        peak = max(b.value for b in self.bars)
        widest = max(fm.horizontalAdvance(b.label) for b in self.bars)
        label_w = min(widest + 16, int(area.width() * 0.4))
        value_w = max(fm.horizontalAdvance(self.value_text(b.value)) for b in self.bars) + 10
        bar_x = area.left() + label_w
        bar_span = max(area.width() - label_w - value_w, 10)
        row_h = min(30, area.height() // max(len(self.bars), 1))
        bar_h = max(int(row_h * 0.62), 6)
        for i, bar in enumerate(self.bars):
            top = area.top() + i * row_h
            label_rect = QRect(area.left(), top, label_w - 10, row_h)  # 10 px before the bar
            p.setPen(theme.INK)
            text = fm.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_rect.width())
            p.drawText(
                label_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text
            )
            width = max(int(bar_span * bar.value / peak), 2 if bar.value > 0 else 0)
            rect = QRectF(bar_x, top + (row_h - bar_h) / 2, width, bar_h)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(_colour(i))
            p.drawRoundedRect(rect, 2, 2)
            p.setPen(theme.MUTED_INK)
            value_rect = QRect(int(rect.right()) + 6, top, value_w, row_h)
            p.drawText(value_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       self.value_text(bar.value))  # fmt: skip
            self._hit.append((QRect(area.left(), top, area.width(), row_h), bar))

    def _paint_vertical(self, p: QPainter, area: QRect) -> None:
        fm = QFontMetrics(self.font())
        peak = max(b.value for b in self.bars)
        lines = max(b.label.count("\n") + 1 for b in self.bars)
        label_h = fm.height() * lines + 6
        value_h = fm.height() + 4
        plot = QRect(
            area.left(), area.top() + value_h, area.width(), area.height() - label_h - value_h
        )
        slot = plot.width() / len(self.bars)
        bar_w = max(min(slot * 0.62, 56), 4)
        # light guide lines at a quarter, half and three quarters of the peak
        p.setPen(QColor("#e6e9ee"))
        for frac in (0.25, 0.5, 0.75, 1.0):
            y = plot.bottom() - int(plot.height() * frac)
            p.drawLine(plot.left(), y, plot.right(), y)
        value_font = self.font()
        value_font.setPointSizeF(max(self.font().pointSizeF() - 1, 7))
        small = QFontMetrics(value_font)
        show_every = 1
        widest = max(small.horizontalAdvance(self.value_text(b.value)) for b in self.bars)
        if widest + 4 > slot:
            show_every = 2  # alternate value labels rather than overlap them
        for i, bar in enumerate(self.bars):
            cx = plot.left() + slot * (i + 0.5)
            h = plot.height() * bar.value / peak
            rect = QRectF(cx - bar_w / 2, plot.bottom() - h, bar_w, h)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(theme.CHART_BARS[0])
            p.drawRoundedRect(rect, 2, 2)
            if bar.value > 0 and (i % show_every == 0 or i == len(self.bars) - 1):
                p.setFont(value_font)
                p.setPen(theme.MUTED_INK)
                text_rect = QRect(int(cx - slot), int(rect.top()) - value_h, int(slot * 2), value_h)
                p.drawText(text_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                           self.value_text(bar.value))  # fmt: skip
                p.setFont(self.font())
            p.setPen(theme.INK)
            label_rect = QRect(int(cx - slot / 2), plot.bottom() + 4, int(slot), label_h)
            label = "\n".join(
                fm.elidedText(line, Qt.TextElideMode.ElideRight, int(slot))
                for line in bar.label.split("\n")
            )
            p.drawText(label_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
            self._hit.append((QRect(int(cx - slot / 2), plot.top(), int(slot), plot.height()), bar))
        p.setPen(theme.LINE)
        p.drawLine(QPoint(plot.left(), plot.bottom()), QPoint(plot.right(), plot.bottom()))


def _colour(i: int) -> QColor:
    return theme.CHART_BARS[0] if i == 0 else theme.CHART_BARS[1]
