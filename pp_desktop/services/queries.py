"""List queries: filters and sorting pushed down to SQL, keyset pagination, FTS5 free text.

A page is found by (sort value, id) of the last row seen, so the 500,000th row costs what the
first does; the sortable columns used by the lists have (filter, sort, id) indexes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    column,
    false,
    func,
    literal_column,
    or_,
    select,
    text,
    true,
    tuple_,
)
from sqlalchemy import table as sql_table

from pp_desktop.services.context import Services
from pp_desktop.services.errors import ServiceError
from pp_desktop.services.fields import field_map
from pp_desktop.services.records import table

# Main date of each entity: the default sort and the column of date_from / date_to filters.
DATE_FIELD = {
    "seizure": "seized_on",
    "price": "observed_on",
    "project": "planned_start",
    "recommendation": "meeting_date",
    "progress_note": "noted_on",
}
FTS_TABLE = {"seizure": "seizure_fts", "price": "price_observation_fts"}
LIKE_FIELDS = {
    "organisation": ("name", "acronym"),
    "contact": ("name", "role", "email"),
    "project": ("identifier", "title", "description"),
    "recommendation": ("code", "text"),
    "project_donor": (),
    "progress_note": ("note",),
    "recommendation_project": (),
    "attachment": ("file_name",),
}
_WORD = re.compile(r"\w+", re.UNICODE)
# Entities whose soft-deleted rows have an index of their own (migration 0003): their counts
# subtract the deleted rows instead of reading every row to look at deleted_at.
DELETED_INDEXED = {"seizure", "price"}
# Above this many full-text matches a page walks the list's own index and keeps the matching
# rows, instead of reading every match to sort them (~12 µs a match in an encrypted table).
PROBE_AT = 2000


@dataclass(frozen=True)
class ListQuery:
    """What a list shows: filters, free text, sort."""

    entity: str
    filters: Mapping[str, Any] = field(default_factory=dict)
    text: str = ""
    sort: str = ""
    descending: bool = True
    include_deleted: bool = False

    @property
    def sort_field(self) -> str:
        """The sort column (the entity's main date, or created_at, by default)."""
        return self.sort or DATE_FIELD.get(self.entity, "created_at")


@dataclass(frozen=True)
class Page:
    """Rows of one page and the key to ask for the next one (None at the end)."""

    rows: list[dict[str, Any]]
    next_key: tuple[Any, str] | None


def fts_match(text_: str) -> str:
    """An FTS5 MATCH expression: every word as a quoted prefix term (no query syntax leaks)."""
    words = _WORD.findall(text_)
    return " AND ".join(f'"{w}"*' for w in words)


def _conditions(
    q: ListQuery, probe: bool = False, rowids: list[int] | None = None
) -> list[ColumnElement[bool]]:
    t = table(q.entity)
    conds: list[ColumnElement[bool]] = []
    if not q.include_deleted:
        conds.append(t.c.deleted_at.is_(None))
    fmap = field_map(q.entity)
    for name, value in q.filters.items():
        if value is None or value == "" or value == []:
            continue
        if name in ("date_from", "date_to"):
            col = t.c[DATE_FIELD.get(q.entity, "created_at")]
            conds.append(col >= str(value) if name == "date_from" else col <= str(value))
        elif name in fmap or name in t.c:
            col = t.c[name]
            if isinstance(value, list | tuple | set | frozenset):
                conds.append(col.in_(list(value)))
            else:
                conds.append(col == value)
        else:
            raise ServiceError(f"Cannot filter {q.entity} by {name}.")
    if q.text.strip():
        conds.append(_text_condition(q, probe, rowids))
    return conds


def _text_condition(
    q: ListQuery, probe: bool = False, rowids: list[int] | None = None
) -> ColumnElement[bool]:
    """The free-text condition. ``rowids``: the matches, already fetched (few). ``probe``: the
    matches are many; written so that SQLite walks another index and tests each row against
    them, rather than fetching every match by rowid (the unary + keeps the rowid out of the
    planner's reach)."""
    t = table(q.entity)
    fts = FTS_TABLE.get(q.entity)
    if fts:
        match = fts_match(q.text)
        if not match:
            return true()
        if rowids is not None:
            return literal_column(f"{t.name}.rowid").in_(rowids)
        fts_t = sql_table(fts, column("rowid"))
        matching = select(fts_t.c.rowid).where(text(f"{fts} MATCH :match").bindparams(match=match))
        return literal_column(f"{'+' if probe else ''}{t.name}.rowid").in_(matching)
    cols = LIKE_FIELDS.get(q.entity, ())
    if not cols:
        return false()
    needle = q.text.strip().casefold()  # small tables only (hundreds of rows)
    return or_(*(func.pp_fold(t.c[c]).contains(needle, autoescape=True) for c in cols))


def _select(
    q: ListQuery,
    columns: Sequence[Any] | None = None,
    plan: tuple[bool, list[int] | None] = (False, None),
) -> Select[Any]:
    t = table(q.entity)
    cols = columns or [c for c in t.c if c.name != "data"]
    return select(*cols).where(*_conditions(q, *plan))


def _order_indexed(q: ListQuery) -> bool:
    """True when an index gives the list's order (the sort column first, or second after a
    column the list filters on by equality)."""
    sort = q.sort_field
    for idx in table(q.entity).indexes:
        cols = [c.name for c in idx.columns]
        if cols[0] == sort:
            return True
        if len(cols) > 1 and cols[1] == sort:
            value = q.filters.get(cols[0])
            if value is not None and value != "" and not isinstance(value, list | tuple | set):
                return True
    return False


def _text_plan(conn: Connection, q: ListQuery) -> tuple[bool, list[int] | None]:
    """How a page of ``q`` finds its full-text matches: (probe, rowids).

    Up to :data:`PROBE_AT` matches: their rowids, fetched here once and looked up directly.
    More: probe them while walking the index that gives the list's order, when there is one.
    """
    fts = FTS_TABLE.get(q.entity)
    match = fts_match(q.text) if fts and q.text.strip() else ""
    if not match:
        return False, None
    rowids = [
        int(r[0])
        for r in conn.execute(
            text(f"SELECT rowid FROM {fts} WHERE {fts} MATCH :m LIMIT :n"),
            {"m": match, "n": PROBE_AT + 1},
        )
    ]
    if len(rowids) <= PROBE_AT:
        return False, rowids
    return _order_indexed(q), None


def _order(q: ListQuery) -> list[Any]:
    t = table(q.entity)
    col = t.c[q.sort_field]
    if q.descending:
        return [col.desc(), t.c.id.desc()]
    return [col.asc(), t.c.id.asc()]


def _check_sort(q: ListQuery) -> None:
    if q.sort_field not in table(q.entity).c:
        raise ServiceError(f"Cannot sort {q.entity} by {q.sort_field}.")


def _after_ranges(q: ListQuery, key: tuple[Any, str]) -> list[ColumnElement[bool]]:
    """The rows after ``key`` as consecutive ranges of the list order, each one an index range.

    A row value ``(sort, id) < (v, k)`` is a range SQLite seeks to (an OR of comparisons would
    make it scan every row before the key); NULL sort values (last when descending, first when
    ascending) are a range of their own.
    """
    t = table(q.entity)
    col, idc = t.c[q.sort_field], t.c.id
    value, rid = key
    if q.descending:
        if value is None:
            return [and_(col.is_(None), idc < rid)]
        return [tuple_(col, idc) < tuple_(value, rid), col.is_(None)]
    if value is None:
        return [and_(col.is_(None), idc > rid), col.is_not(None)]
    return [tuple_(col, idc) > tuple_(value, rid)]


def list_page(
    ctx: Services, q: ListQuery, after: tuple[Any, str] | None = None, limit: int = 200
) -> Page:
    """One page of rows, after the row whose (sort value, id) is ``after``."""
    _check_sort(q)
    order = _order(q)
    rows: list[dict[str, Any]] = []
    with ctx.reading() as conn:
        stmt = _select(q, plan=_text_plan(conn, q))
        if limit <= 0:
            return Page([], None)
        if after is None:
            rows = [dict(r) for r in conn.execute(stmt.order_by(*order).limit(limit)).mappings()]
        else:
            for cond in _after_ranges(q, after):  # one query per range, while the page is short
                part = stmt.where(cond).order_by(*order).limit(limit - len(rows))
                rows.extend(dict(r) for r in conn.execute(part).mappings())
                if len(rows) >= limit:
                    break
    next_key = (rows[-1][q.sort_field], rows[-1]["id"]) if len(rows) == limit else None
    return Page(rows, next_key)


def page_at(ctx: Services, q: ListQuery, offset: int, limit: int = 200) -> Page:
    """The page starting at row ``offset`` (scrollbar jumps); continue with ``next_key``."""
    _check_sort(q)
    with ctx.reading() as conn:
        stmt = _select(q, plan=_text_plan(conn, q))
        stmt = stmt.order_by(*_order(q)).limit(limit).offset(max(offset, 0))
        rows = [dict(r) for r in conn.execute(stmt).mappings()]
    next_key = (rows[-1][q.sort_field], rows[-1]["id"]) if len(rows) == limit else None
    return Page(rows, next_key)


def count(ctx: Services, q: ListQuery) -> int:
    """How many rows the list has.

    For the big tables, live rows matching C = rows matching C - deleted rows matching C: the
    first is answered by an index, the second by the index of deleted rows; neither reads the
    whole table. Free text alone is counted in the full-text index alone (it holds every row of
    its table, by rowid).
    """
    t = table(q.entity)
    fts = FTS_TABLE.get(q.entity)
    match = fts_match(q.text) if fts and q.text.strip() else ""
    every = replace(q, include_deleted=True)
    with ctx.reading() as conn:
        if fts and match and not _conditions(replace(every, text="")):  # free text alone
            sql = text(f"SELECT count(*) FROM {fts} WHERE {fts} MATCH :m")
            total = int(conn.execute(sql, {"m": match}).scalar() or 0)
            if q.include_deleted:
                return total
        elif q.include_deleted or q.entity not in DELETED_INDEXED:
            stmt = select(func.count()).select_from(t).where(*_conditions(q))
            return int(conn.execute(stmt).scalar() or 0)
        else:
            stmt = select(func.count()).select_from(t).where(*_conditions(every))
            total = int(conn.execute(stmt).scalar() or 0)
        if conn.execute(select(t.c.id).where(t.c.deleted_at.is_not(None)).limit(1)).first():
            deleted = (
                select(func.count())
                .select_from(t)
                .where(t.c.deleted_at.is_not(None), *_conditions(every, probe=True))
            )
            total -= int(conn.execute(deleted).scalar() or 0)
        return total
