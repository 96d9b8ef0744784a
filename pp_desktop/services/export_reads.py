"""Reads for exports: records of a list (its filters) streamed in one snapshot, reference labels.

Exports read many rows; they go through here rather than the paged list queries so that one
read transaction streams every row with a single statement (no page round trips).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, func, select, text

from pp_desktop.services.context import Services
from pp_desktop.services.fields import field_map, field_names
from pp_desktop.services.queries import DATE_FIELD, ListQuery, _conditions
from pp_desktop.services.records import table

# Left out of an export unless asked for by name (DESIGN §4: restricted and confidential).
SHAREABLE = frozenset({"NORMAL"})


def _statement(q: ListQuery, levels: Collection[str]) -> Any:
    t = table(q.entity)
    conds = _conditions(q)
    if "confidentiality" in field_map(q.entity):
        conds.append(t.c.confidentiality.in_(sorted(levels)))
    return t, conds


def export_count(ctx: Services, q: ListQuery, levels: Collection[str] = SHAREABLE) -> int:
    """How many records an export of ``q`` writes."""
    t, conds = _statement(q, levels)
    with ctx.reading() as conn:
        return int(conn.execute(select(func.count()).select_from(t).where(*conds)).scalar() or 0)


def export_rows(
    conn: Connection, q: ListQuery, levels: Collection[str] = SHAREABLE
) -> Iterator[Sequence[Any]]:
    """(id, version, every field in form order) of each record of ``q``, oldest first.

    Streams from ``conn`` (keep the read transaction open while iterating).
    """
    t, conds = _statement(q, levels)
    names = field_names(q.entity)
    order = DATE_FIELD.get(q.entity, "created_at")
    stmt = (
        select(t.c.id, t.c.version, *(t.c[n] for n in names))
        .where(*conds)
        .order_by(t.c[order], t.c.id)
    )
    result = conn.execute(stmt)
    try:
        while chunk := result.fetchmany(2000):
            yield from chunk
    finally:
        result.close()


def reference_labels(ctx: Services) -> dict[str, dict[str, tuple[str, str]]]:
    """kind -> code -> (English label, Russian label), active codes in list order."""
    sql = (
        "SELECT kind, code, label_en, label_ru FROM reference_code WHERE active "
        "ORDER BY kind, sort, code"
    )
    out: dict[str, dict[str, tuple[str, str]]] = {}
    with ctx.reading() as conn:
        for kind, code, en, ru in conn.execute(text(sql)):
            out.setdefault(str(kind), {})[str(code)] = (str(en or ""), str(ru or ""))
    return out


def current_versions(
    conn: Connection, entity: str, ids: Sequence[str]
) -> dict[str, tuple[int, dict[str, Any], bool]]:
    """id -> (version, field values, deleted) of the given records that exist (any state)."""
    t = table(entity)
    names = field_names(entity)
    out: dict[str, tuple[int, dict[str, Any], bool]] = {}
    for start in range(0, len(ids), 500):
        part = list(ids[start : start + 500])
        stmt = select(t.c.id, t.c.version, t.c.deleted_at, *(t.c[n] for n in names)).where(
            t.c.id.in_(part)
        )
        for row in conn.execute(stmt):
            values = dict(zip(names, row[3:], strict=True))
            out[str(row[0])] = (int(row[1]), values, row[2] is not None)
    return out


def live_ids(conn: Connection, entity: str) -> set[str]:
    """Ids of every live record of ``entity`` (for reference checks of many rows at once)."""
    t = table(entity)
    return {str(r[0]) for r in conn.execute(select(t.c.id).where(t.c.deleted_at.is_(None)))}


def used_values(conn: Connection, entity: str, name: str) -> dict[Any, str]:
    """value -> id of a unique field (e.g. project identifier) over every record."""
    t = table(entity)
    return {v: str(i) for i, v in conn.execute(select(t.c.id, t.c[name]))}


def known_values(
    conn: Connection, entity: str, where: tuple[str, Any] | None = None
) -> set[tuple[Any, ...]]:
    """The field values (form order) of the live records of ``entity`` as tuples; ``where``
    (field, value) narrows them to one value of an indexed field (a seizure's date), so a big
    vault is never read whole."""
    t = table(entity)
    names = field_names(entity)
    stmt = select(*(t.c[n] for n in names)).where(t.c.deleted_at.is_(None))
    if where is not None:
        col, value = t.c[where[0]], where[1]
        stmt = stmt.where(col.is_(None) if value is None else col == value)
    return {tuple(row) for row in conn.execute(stmt)}


def values_at_version(
    conn: Connection, entity: str, rid: str, current: Mapping[str, Any], now: int, then: int
) -> dict[str, Any] | None:
    """The field values record ``rid`` had at version ``then`` (it is at ``now``), rolled back
    through the "before" values of its audit entries; None when the log cannot tell."""
    if then >= now or then < 1:
        return dict(current) if then == now else None
    rows = conn.execute(
        text(
            "SELECT action, changes FROM audit_entry WHERE entity = :e AND entity_id = :i "
            "ORDER BY seq DESC LIMIT :n"
        ),
        {"e": entity, "i": rid, "n": now - then},
    ).all()
    if len(rows) != now - then:
        return None
    values = dict(current)
    for action, changes in rows:
        if action not in ("update", "merge"):
            return None
        for name, (before, _after) in json.loads(changes).items():
            if name in values:
                values[name] = before
    return values
