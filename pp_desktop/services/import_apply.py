"""Apply an import's validated changes in one transaction: all of them or none.

Every record goes through the same building blocks as a form save (``records.insert_one`` /
``update_one``): validated again, written with its audit and journal entries. An update names
the version the counterpart's workbook was exported at; a record changed since is refused as
:class:`StaleRecord` and the whole import rolls back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from pp_desktop.services.context import Services
from pp_desktop.services.errors import Issue, ValidationFailed
from pp_desktop.services.records import ChangeSet, insert_one, update_one


@dataclass
class Update:
    """Changed fields of one record, made on ``version``."""

    rid: str
    version: int
    changes: dict[str, Any]


@dataclass
class EntityChanges:
    """What an import does to one entity."""

    creates: list[dict[str, Any]] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)


def apply_changes(
    ctx: Services,
    changes: Mapping[str, EntityChanges],
    order: Sequence[str],
    also: Callable[[Connection], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict[str, ChangeSet]:
    """Create and update records of every entity in ``order``, in one write transaction.

    ``also`` runs inside the same transaction (e.g. remembering a column mapping). Raises
    :class:`ValidationFailed` (row named) or :class:`StaleRecord`; nothing is written then.
    """
    out: dict[str, ChangeSet] = {}
    done = 0
    with ctx.writing() as scope:
        for entity in order:
            plan = changes.get(entity)
            if plan is None:
                continue
            cs = ChangeSet(entity)
            for n, values in enumerate(plan.creates, 1):
                try:
                    rid, warnings = insert_one(ctx, scope, entity, values)
                except ValidationFailed as exc:
                    raise ValidationFailed(
                        entity, [Issue(f"new row {n}: {i.field}", i.message) for i in exc.issues]
                    ) from None
                cs.created.append(rid)
                cs.warnings.extend(warnings)
                done += 1
                if progress is not None and done % 1000 == 0:
                    progress(done)
            for u in plan.updates:
                result = update_one(ctx, scope, entity, u.rid, u.changes, u.version)
                if result is not None:
                    cs.updated.append(u.rid)
                    cs.warnings.extend(result)
                done += 1
                if progress is not None and done % 1000 == 0:
                    progress(done)
            out[entity] = cs
        if also is not None:
            also(scope.conn)
    return out
