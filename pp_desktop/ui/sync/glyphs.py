"""The two line icons of the sync entries, drawn like the shell's own (ui/icons.py) and added
to its glyph table when this package is imported (before the main window builds its
navigation)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QPainterPath

from pp_desktop.ui import icons


def _sync(p: QPainter) -> None:
    """Two arrows chasing each other round a circle (send and receive)."""
    for start, tip, head in (
        (30, QPointF(19.5, 5.5), (-3.5, 0.5)),
        (210, QPointF(4.5, 18.5), (3.5, -0.5)),
    ):
        path = QPainterPath()
        path.arcMoveTo(QRectF(4, 4, 16, 16), start)
        path.arcTo(QRectF(4, 4, 16, 16), start, 140)
        p.drawPath(path)
        arrow = QPainterPath(QPointF(tip.x() + head[0], tip.y() + head[1]))
        arrow.lineTo(tip)
        arrow.lineTo(tip.x(), tip.y() + (3.5 if head[0] < 0 else -3.5))
        p.drawPath(arrow)


def _conflicts(p: QPainter) -> None:
    """Two overlapping sheets: two versions of one record."""
    p.drawRoundedRect(QRectF(3.5, 3.5, 11, 14), 1.5, 1.5)
    p.drawRoundedRect(QRectF(9.5, 6.5, 11, 14), 1.5, 1.5)
    p.drawLine(QPointF(12.5, 11), QPointF(17.5, 11))
    p.drawLine(QPointF(12.5, 14.5), QPointF(17.5, 14.5))


def register() -> None:
    """Add the sync glyphs to the shell's icon table (idempotent)."""
    icons.GLYPHS.setdefault("sync", _sync)
    icons.GLYPHS.setdefault("conflicts", _conflicts)


register()
