"""Marking texts for Qt Linguist where they are defined, translating them where they are shown.

``pyside6-lupdate`` extracts the arguments of any call named ``QT_TRANSLATE_NOOP``; PySide6's
own returns ``object`` to the type checker, this one returns the text itself as a ``str``.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """``source``, unchanged: marked for translation in ``context``."""
    del context
    return source
