"""What the write commands call each kind of record, in the singular and the plural (context
``records`` for Qt Linguist; a count is given as a number, so two forms suffice in English and the
Russian translation words its sentences around the number)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_SINGULAR = {
    "seizure": QT_TRANSLATE_NOOP("records", "seizure"),
    "price": QT_TRANSLATE_NOOP("records", "price observation"),
    "project": QT_TRANSLATE_NOOP("records", "project"),
    "recommendation": QT_TRANSLATE_NOOP("records", "recommendation"),
    "organisation": QT_TRANSLATE_NOOP("records", "organisation"),
    "contact": QT_TRANSLATE_NOOP("records", "contact"),
}
_PLURAL = {
    "seizure": QT_TRANSLATE_NOOP("records", "seizures"),
    "price": QT_TRANSLATE_NOOP("records", "price observations"),
    "project": QT_TRANSLATE_NOOP("records", "projects"),
    "recommendation": QT_TRANSLATE_NOOP("records", "recommendations"),
    "organisation": QT_TRANSLATE_NOOP("records", "organisations"),
    "contact": QT_TRANSLATE_NOOP("records", "contacts"),
}


def record_name(entity: str, count: int = 1) -> str:
    """ "seizure" or "seizures" (translated); unknown kinds read as their entity name."""
    source = str((_SINGULAR if count == 1 else _PLURAL).get(entity, entity.replace("_", " ")))
    return QCoreApplication.translate("records", source)
