"""A conflict as rows of the side-by-side table: every field of the record, this laptop's value
and the other version's, written as the forms write them (reference codes with their label,
yes/no, organisation and contact names, grouped numbers).

Texts use the translation context of the view ("ConflictsView"): they are the view's words.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from pp_desktop.services.fields import FIELDS, Field
from pp_desktop.ui import i18n
from pp_desktop.ui.list_specs import ui_title
from pp_desktop.ui.session import Session
from pp_desktop.ui.sync.reads import ConflictCase

Row = tuple[str, str, str, str]  # (field name, title, mine, theirs)


def field_of(entity: str, name: str) -> Field | None:
    """The field ``name`` of ``entity`` (None for a name the app does not know)."""
    for f in FIELDS.get(entity, ()):
        if f.name == name:
            return f
    return None


def field_title(entity: str, name: str) -> str:
    """The field's title in the interface's language."""
    f = field_of(entity, name)
    return ui_title(f.title) if f else name


def value_text(session: Session, entity: str, name: str, value: Any) -> str:
    """``value`` of field ``name`` as the forms show it."""
    if value is None or value == "":
        return "—"
    f = field_of(entity, name)
    if f is None:
        return str(value)
    if f.kind == "bool":
        return (
            QCoreApplication.translate("ConflictsView", "Yes")
            if value
            else QCoreApplication.translate("ConflictsView", "No")
        )
    if f.kind == "ref":
        return session.labels.display(f.ref, str(value))
    if f.kind == "refs":
        return ", ".join(session.labels.display(f.ref, v) for v in str(value).split())
    if f.kind == "fk":
        return session.record_name(f.ref, str(value)) or str(value)
    if f.kind == "float" and isinstance(value, int | float):
        return i18n.number(value)
    return str(value)


def conflict_rows(session: Session, case: ConflictCase) -> list[Row]:
    """Every field of the record, the conflicting ones first, then those that differ; a
    "Deleted" row first when one side deleted the record."""
    c = case.conflict
    current = case.current or {}
    out: list[Row] = []
    for f in FIELDS.get(c.entity, ()):
        both = current.get(f.name)  # a field not in conflict: the merged value, on both sides
        out.append(
            (
                f.name,
                field_title(c.entity, f.name),
                value_text(session, c.entity, f.name, c.mine.get(f.name, both)),
                value_text(session, c.entity, f.name, c.theirs.get(f.name, both)),
            )
        )
    out.sort(key=lambda row: (row[0] not in c.fields, row[2] == row[3]))
    if c.mine_deleted or c.theirs_deleted:
        deleted = QCoreApplication.translate("ConflictsView", "deleted")
        kept = QCoreApplication.translate("ConflictsView", "kept")
        out.insert(
            0,
            (
                "deleted_at",
                QCoreApplication.translate("ConflictsView", "Deleted"),
                deleted if c.mine_deleted else kept,
                deleted if c.theirs_deleted else kept,
            ),
        )
    return out
