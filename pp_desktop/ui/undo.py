"""Undo and redo of the session's edits (QUndoStack): field edits, creations and deletions.

Every step writes through the services like the edit it reverses, so an undo is itself audited
and journalled (the vault's history only grows). An edit is undone with the version the edit
produced as ``expected_version``: when the record changed elsewhere meanwhile, the undo is refused
with the stale-record message instead of overwriting someone else's change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from pp_desktop.services import records
from pp_desktop.services.context import Services
from pp_desktop.services.errors import NotFound, ServiceError
from pp_desktop.store.errors import VaultError
from pp_desktop.ui.forms.form_base import SaveResult
from pp_desktop.ui.forms.names import record_name

Row = dict[str, Any]
# Called after every undo or redo: (entity, error message or "" when it worked).
Report = Callable[[str, str], None]


class _ServiceCommand(QUndoCommand):
    """A step whose first ``redo`` is the write already done by a form or action."""

    def __init__(self, ctx: Services, entity: str, report: Report, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.entity = entity
        self.report = report
        self._done_once = False

    def _run(self, write: Callable[[], None]) -> None:
        try:
            write()
        except (ServiceError, VaultError) as exc:
            # the step cannot be repeated safely: the stack drops it (setObsolete)
            self.setObsolete(True)
            self.report(self.entity, exc.message)
            return
        self.report(self.entity, "")

    def redo(self) -> None:
        """Apply the step (skipped the first time: the form already wrote it)."""
        if not self._done_once:
            self._done_once = True
            return
        self._run(self.apply)

    def undo(self) -> None:
        """Reverse the step."""
        self._run(self.revert)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class EditCommand(_ServiceCommand):
    """An edit of one record: undo writes the old field values back and takes back the child
    records and attachments the save added or deleted, in one transaction; redo repeats it."""

    def __init__(self, ctx: Services, result: SaveResult, report: Report) -> None:
        super().__init__(
            ctx,
            result.entity,
            report,
            QCoreApplication.translate("Undo", "Edit %1").replace("%1", record_name(result.entity)),
        )
        self.record_id = result.record_id
        self.before: Row = dict(result.before)
        self.after: Row = dict(result.after)
        self.version = result.version
        self.added = list(result.added)
        self.deleted = list(result.deleted)

    def _write(
        self, values: Row, restore: list[tuple[str, str]], delete: list[tuple[str, str]]
    ) -> None:
        changed = False
        with self.ctx.writing() as scope:
            if values:
                changed = (
                    records.update_one(
                        self.ctx,
                        scope,
                        self.entity,
                        self.record_id,
                        values,
                        expected_version=self.version,
                    )
                    is not None
                )
            for entity, rid in restore:
                records.restore_one(self.ctx, scope, entity, rid)
            for entity, rid in delete:
                records.delete_one(self.ctx, scope, entity, rid)
        if changed:
            self.version += 1

    def apply(self) -> None:
        self._write(self.after, self.added, self.deleted)

    def revert(self) -> None:
        self._write(self.before, self.deleted, self.added)


class CreateCommand(_ServiceCommand):
    """A new record and what its save added (donors, notes, attachments): undo deletes them in
    one transaction (tombstones), redo restores the record, then its additions."""

    def __init__(
        self,
        ctx: Services,
        entity: str,
        record_id: str,
        report: Report,
        added: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(
            ctx,
            entity,
            report,
            QCoreApplication.translate("Undo", "New %1").replace("%1", record_name(entity)),
        )
        self.record_id = record_id
        self.added = list(added or [])
        self._removed: list[tuple[str, str]] = []  # what the last undo deleted besides the record

    def apply(self) -> None:
        records.restore(self.ctx, self.entity, [self.record_id])
        by_entity: dict[str, list[str]] = {}
        for entity, rid in self._removed:
            by_entity.setdefault(entity, []).append(rid)
        for entity, ids in by_entity.items():
            records.restore(self.ctx, entity, ids)

    def revert(self) -> None:
        removed = []
        with self.ctx.writing() as scope:
            for entity, rid in self.added:
                try:
                    records.delete_one(self.ctx, scope, entity, rid)
                except NotFound:  # removed by a later edit: nothing to undo (checked first)
                    continue
                removed.append((entity, rid))
            records.delete_one(self.ctx, scope, self.entity, self.record_id)
        self._removed = removed


class DeleteCommand(_ServiceCommand):
    """Deleted records: undo restores them, redo deletes them again."""

    def __init__(self, ctx: Services, entity: str, ids: list[str], report: Report) -> None:
        super().__init__(
            ctx,
            entity,
            report,
            QCoreApplication.translate("Undo", "Delete %1 %2")
            .replace("%1", str(len(ids)))
            .replace("%2", record_name(entity, len(ids))),
        )
        self.ids = list(ids)

    def apply(self) -> None:
        records.delete(self.ctx, self.entity, self.ids)

    def revert(self) -> None:
        records.restore(self.ctx, self.entity, self.ids)


def command_for(ctx: Services, result: SaveResult, report: Report) -> QUndoCommand | None:
    """The undo step of a form's save (None when it changed nothing)."""
    if result.created:
        return CreateCommand(ctx, result.entity, result.record_id, report, result.added)
    if result.after or result.added or result.deleted:
        return EditCommand(ctx, result, report)
    return None


def new_stack(parent: Any = None) -> QUndoStack:
    """The session's undo stack (kept short: undo is for the last edits, not history)."""
    stack = QUndoStack(parent)
    stack.setObjectName("undoStack")
    stack.setUndoLimit(50)
    return stack
