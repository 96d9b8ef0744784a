"""Apply an import's validated changes in one transaction: all of them or none.

New records go through the bulk path (``bulk.insert_many``), updates through ``update_one``
as a form save does: every record validated again, written with its audit and journal entries.
An update names the version the preview saw; a record changed since is refused as
:class:`StaleRecord` and the whole import rolls back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection

from pp_desktop.services.bulk import RowChecker, insert_many
from pp_desktop.services.context import Services
from pp_desktop.services.errors import Issue
from pp_desktop.services.fields import FIELDS, field_names
from pp_desktop.services.records import ChangeSet, derive, normalise, update_one
from pp_desktop.services.validation import record_rules, validate


@dataclass
class Update:
    """Changed fields of one record, made on ``version``."""

    rid: str
    version: int
    changes: dict[str, Any]


@dataclass
class EntityChanges:
    """What an import does to one entity. New records are kept as tuples of their stored
    values in form order (a tenth of the memory of dicts over 100,000 rows)."""

    entity: str
    creates: list[tuple[Any, ...]] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._values = itemgetter(*field_names(self.entity))

    def add(self, full: Mapping[str, Any]) -> None:
        """Keep a new record's full stored values."""
        self.creates.append(self._values(full))

    def new_records(self) -> Iterator[dict[str, Any]]:
        """The new records as field -> value."""
        names = field_names(self.entity)
        return (dict(zip(names, values, strict=True)) for values in self.creates)


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
            # new records through the bulk path (validated like forms, executemany)
            cs = insert_many(ctx, scope, entity, plan.new_records())
            done += len(cs.created)
            if progress is not None and plan.creates:
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


def new_record_check(
    ctx: Services, entity: str, exists: Callable[[str, str], bool]
) -> Callable[[Mapping[str, Any]], tuple[dict[str, Any], list[Issue]]]:
    """``check(values)`` -> (full stored values, findings) for a new record, exactly as the
    bulk path decides (its fast path for rows in stored form, the form validators otherwise);
    ``exists`` answers reference checks. Unique fields are the caller's to check."""
    refs = ctx.refs()
    today = ctx.today()
    fast = RowChecker(entity, refs, today).compile()
    defaults = {f.name: f.default for f in FIELDS[entity]}

    def check(given: Mapping[str, Any]) -> tuple[dict[str, Any], list[Issue]]:
        issues: list[Issue] = []
        quick = fast(given)
        if quick is not None:  # valid field by field; references are non-empty only on the
            full: dict[str, Any] = quick[0]  # general path (the fast path refuses them)
            record_rules(entity, full, refs, issues)
            return full, issues
        full = {**defaults, **normalise(entity, given)}
        derive(entity, full, refs)
        return full, validate(entity, full, refs, today, exists)

    return check
