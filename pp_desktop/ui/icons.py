"""Line icons drawn with QPainter: bundled by construction, no files, no network.

Each glyph is drawn on a 24-unit grid with round strokes (in the spirit of the Feather/Lucide
sets) and rendered at a few sizes so it stays crisp on high-DPI screens.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

ICON_INK = QColor("#3e4c59")
_SIZES = (16, 20, 24, 32, 48)


def _lock(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(5, 11, 14, 10), 2, 2)
    path = QPainterPath(QPointF(8, 11))
    path.lineTo(8, 7.5)
    path.arcTo(QRectF(8, 3.5, 8, 8), 180, -180)
    path.lineTo(16, 11)
    p.drawPath(path)
    p.drawLine(QPointF(12, 15), QPointF(12, 17))


def _refresh(p: QPainter) -> None:
    path = QPainterPath()
    path.arcMoveTo(QRectF(4.5, 4.5, 15, 15), 60)
    path.arcTo(QRectF(4.5, 4.5, 15, 15), 60, 285)
    p.drawPath(path)
    head = QPainterPath(QPointF(15, 3.5))
    head.lineTo(16.5, 6.5)
    head.lineTo(13, 7.5)
    p.drawPath(head)


def _search(p: QPainter) -> None:
    p.drawEllipse(QRectF(4, 4, 13, 13))
    p.drawLine(QPointF(15.2, 15.2), QPointF(20.5, 20.5))


def _power(p: QPainter) -> None:
    path = QPainterPath()
    path.arcMoveTo(QRectF(4, 5, 16, 16), 125)
    path.arcTo(QRectF(4, 5, 16, 16), 125, -250)
    p.drawPath(path)
    p.drawLine(QPointF(12, 3), QPointF(12, 11))


def _dashboard(p: QPainter) -> None:
    for x, y, w, h in ((4, 4, 7, 9), (13, 4, 7, 5), (13, 11, 7, 9), (4, 15, 7, 5)):
        p.drawRoundedRect(QRectF(x, y, w, h), 1.5, 1.5)


def _package(p: QPainter) -> None:
    path = QPainterPath(QPointF(12, 3))
    for x, y in ((20, 7.5), (20, 16.5), (12, 21), (4, 16.5), (4, 7.5)):
        path.lineTo(x, y)
    path.closeSubpath()
    p.drawPath(path)
    inner = QPainterPath(QPointF(4, 7.5))
    inner.lineTo(12, 12)
    inner.lineTo(20, 7.5)
    inner.moveTo(12, 12)
    inner.lineTo(12, 21)
    p.drawPath(inner)


def _tag(p: QPainter) -> None:
    path = QPainterPath(QPointF(3, 3))
    for x, y in ((12, 3), (21, 12), (12, 21), (3, 12)):
        path.lineTo(x, y)
    path.closeSubpath()
    p.drawPath(path)
    p.drawEllipse(QPointF(7.5, 7.5), 1.2, 1.2)


def _folder(p: QPainter) -> None:
    path = QPainterPath(QPointF(3, 6))
    for x, y in ((3, 19), (21, 19), (21, 8.5), (12, 8.5), (10, 5.5), (3.5, 5.5)):
        path.lineTo(x, y)
    path.closeSubpath()
    p.drawPath(path)


def _checklist(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(5, 4.5, 14, 16.5), 2, 2)
    p.drawRoundedRect(QRectF(9, 2.5, 6, 4), 1, 1)
    path = QPainterPath(QPointF(8.5, 13.5))
    path.lineTo(11, 16)
    path.lineTo(15.5, 11)
    p.drawPath(path)


def _building(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(5, 3, 14, 18), 1.5, 1.5)
    for y in (7, 10.5, 14):
        p.drawLine(QPointF(9, y), QPointF(9.5, y))
        p.drawLine(QPointF(14.5, y), QPointF(15, y))
    p.drawLine(QPointF(10.5, 21), QPointF(10.5, 17.5))
    p.drawLine(QPointF(13.5, 21), QPointF(13.5, 17.5))


def _person(p: QPainter) -> None:
    p.drawEllipse(QPointF(12, 8), 4, 4)
    path = QPainterPath(QPointF(4.5, 21))
    path.arcTo(QRectF(4.5, 14, 15, 14), 180, -180)
    p.drawPath(path)


def _list(p: QPainter) -> None:
    for y in (6, 12, 18):
        p.drawLine(QPointF(9, y), QPointF(20, y))
        p.drawEllipse(QPointF(4.8, y), 0.6, 0.6)


def _info(p: QPainter) -> None:
    p.drawEllipse(QPointF(12, 12), 9, 9)
    p.drawLine(QPointF(12, 11), QPointF(12, 16.5))
    p.drawEllipse(QPointF(12, 7.8), 0.4, 0.4)


def _shield(p: QPainter) -> None:
    path = QPainterPath(QPointF(12, 3))
    path.lineTo(19.5, 6)
    path.cubicTo(QPointF(19.5, 13), QPointF(16.5, 18), QPointF(12, 21))
    path.cubicTo(QPointF(7.5, 18), QPointF(4.5, 13), QPointF(4.5, 6))
    path.closeSubpath()
    p.drawPath(path)
    tick = QPainterPath(QPointF(8.5, 12))
    tick.lineTo(11, 14.5)
    tick.lineTo(15.5, 9.5)
    p.drawPath(tick)


def _settings(p: QPainter) -> None:
    # three sliders: calmer than a cog at 16 px
    for y, knob in ((6.0, 15.0), (12.0, 8.0), (18.0, 13.0)):
        p.drawLine(QPointF(4, y), QPointF(knob - 2, y))
        p.drawLine(QPointF(knob + 2, y), QPointF(20, y))
        p.drawEllipse(QPointF(knob, y), 2, 2)


GLYPHS: dict[str, Callable[[QPainter], None]] = {
    "lock": _lock,
    "refresh": _refresh,
    "search": _search,
    "quit": _power,
    "dashboard": _dashboard,
    "seizures": _package,
    "prices": _tag,
    "projects": _folder,
    "recommendations": _checklist,
    "organisations": _building,
    "contacts": _person,
    "audit": _list,
    "about": _info,
    "shield": _shield,
    "settings": _settings,
}


def _pixmap(name: str, size: int, colour: QColor) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 24, size / 24)
    pen = QPen(colour, 1.8)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    GLYPHS[name](p)
    p.end()
    return pixmap


@cache
def icon(name: str) -> QIcon:
    """The icon ``name`` (one of :data:`GLYPHS`), with a lighter disabled state."""
    result = QIcon()
    for size in _SIZES:
        result.addPixmap(_pixmap(name, size, ICON_INK), QIcon.Mode.Normal)
        result.addPixmap(_pixmap(name, size, QColor("#a7b1bc")), QIcon.Mode.Disabled)
    return result
