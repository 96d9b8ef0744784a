"""The bulk path (demo data, imports, sync): many records, their journal and audit entries,
written with executemany in one transaction — no per-object ORM construction (DESIGN §8)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import islice
from typing import Any

from pp_desktop.models import SYNC_COLUMN_NAMES
from pp_desktop.services.context import Services
from pp_desktop.services.errors import Issue, ValidationFailed
from pp_desktop.services.fields import FIELDS, field_names
from pp_desktop.services.ledger import dumps
from pp_desktop.services.records import ChangeSet, derive, new_id, normalise, table
from pp_desktop.services.validation import validate

BATCH = 5000


def _chunks(rows: Iterable[Mapping[str, Any]], size: int) -> Iterator[list[Mapping[str, Any]]]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


def insert_sql(entity: str) -> tuple[str, tuple[str, ...]]:
    """The positional INSERT of ``entity`` and its column order."""
    cols = (*SYNC_COLUMN_NAMES, *field_names(entity))
    sql = (
        f"INSERT INTO {table(entity).name} ({', '.join(cols)}) "
        f"VALUES ({', '.join('?' * len(cols))})"
    )
    return sql, cols


def bulk_insert(
    ctx: Services,
    entity: str,
    rows: Iterable[Mapping[str, Any]],
    *,
    check: bool = True,
    progress: Callable[[int], None] | None = None,
) -> ChangeSet:
    """Insert many new records of ``entity`` in one transaction (all or nothing).

    Every row is validated like a form (``check``); the first row with errors aborts the whole
    insert with :class:`ValidationFailed` naming the row. Warnings are returned.
    """
    names = field_names(entity)
    defaults = {f.name: f.default for f in FIELDS[entity]}
    sql, _cols = insert_sql(entity)
    fields_json = dumps(sorted(names))
    today = ctx.today()
    created: list[str] = []
    warnings: list[Issue] = []
    done = 0
    with ctx.writing() as scope:
        refs = ctx.refs(scope.conn)
        ledger, at, who, device = scope.ledger, scope.at, scope.ledger.who, ctx.device_id
        for chunk in _chunks(rows, BATCH):
            hlcs = ctx.clock.batch(len(chunk))
            params: list[tuple[Any, ...]] = []
            for offset, (row, hlc) in enumerate(zip(chunk, hlcs, strict=True)):
                rid = str(row.get("id") or new_id())
                given = {k: v for k, v in row.items() if k != "id"} if "id" in row else row
                full = {**defaults, **normalise(entity, given)}
                derive(entity, full, refs)
                if check:
                    issues = validate(entity, full, refs, today)
                    if any(i.is_error for i in issues):
                        n = done + offset + 1
                        raise ValidationFailed(
                            entity, [Issue(f"row {n}: {i.field}", i.message) for i in issues]
                        )
                    warnings.extend(issues)
                values = [full[n] for n in names]
                params.append((rid, 1, hlc, device, at, who, at, who, None, *values))
                ledger.audit(
                    at,
                    "create",
                    entity,
                    rid,
                    dumps(
                        {
                            n: [None, v]
                            for n, v in zip(names, values, strict=True)
                            if v is not None and v != ""
                        }
                    ),
                )
                ledger.journal(entity, rid, 1, hlc, 0, "", fields_json)
                created.append(rid)
            scope.conn.exec_driver_sql(sql, params)
            ledger.flush(scope.conn)
            done += len(chunk)
            if progress:
                progress(done)
    return ChangeSet(entity, created=created, warnings=warnings)
