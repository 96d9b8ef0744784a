"""Where a list's rows come from: a count and pages of rows, by key or by position.

The table model only talks to a :class:`PageSource`; this module adapts the service queries
(:mod:`pp_desktop.services.queries`) and the audit log to that interface.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import replace
from typing import Any, Protocol

from pp_desktop.services import queries
from pp_desktop.services.context import Services
from pp_desktop.ui import vault_reads
from pp_desktop.ui.list_specs import AUDIT, ListSpec

Row = dict[str, Any]
Key = tuple[Any, Any]


class PageSource(Protocol):
    """A sorted, filtered list of rows that can be read a page at a time."""

    @property
    def sort_key(self) -> str:
        """The field the rows are sorted by."""
        ...

    @property
    def descending(self) -> bool:
        """True when sorted from the largest value down."""
        ...

    @property
    def count_key(self) -> Hashable:
        """What decides the row count (filters, text — not the order): counts are re-used."""
        ...

    def count(self) -> int:
        """How many rows the list has (may run off the UI thread)."""
        ...

    def rows_after(self, key: Key | None, limit: int) -> list[Row]:
        """Up to ``limit`` rows following the row whose key is ``key`` (from the top: None)."""
        ...

    def rows_at(self, offset: int, limit: int) -> list[Row]:
        """Up to ``limit`` rows from position ``offset``."""
        ...

    def rows_from_end(self, after: int, limit: int) -> list[Row]:
        """The ``limit`` rows that end ``after`` rows before the end, in list order."""
        ...

    def key_of(self, row: Row) -> Key:
        """The keyset key of ``row`` (its sort value and a unique tie-breaker)."""
        ...

    def sorted_by(self, key: str, descending: bool) -> PageSource:
        """The same rows in another order."""
        ...


class EntitySource:
    """Rows of a service entity through :func:`queries.list_page` / :func:`queries.page_at`."""

    def __init__(self, ctx: Services, query: queries.ListQuery) -> None:
        self.ctx = ctx
        self.query = query

    @property
    def sort_key(self) -> str:
        """The field the rows are sorted by."""
        return self.query.sort_field

    @property
    def descending(self) -> bool:
        """True when sorted from the largest value down."""
        return self.query.descending

    @property
    def count_key(self) -> Hashable:
        """The query without its order."""
        q = self.query
        return (q.entity, _frozen(q.filters), q.text.strip(), q.include_deleted)

    def count(self) -> int:
        """How many rows match the query."""
        return queries.count(self.ctx, self.query)

    def rows_after(self, key: Key | None, limit: int) -> list[Row]:
        """Keyset page: cheap wherever it starts."""
        return queries.list_page(self.ctx, self.query, after=key, limit=limit).rows

    def rows_at(self, offset: int, limit: int) -> list[Row]:
        """OFFSET page (costs the rows skipped)."""
        return queries.page_at(self.ctx, self.query, offset, limit=limit).rows

    def rows_from_end(self, after: int, limit: int) -> list[Row]:
        """OFFSET page counted from the end: the reversed order (id breaks ties, and SQLite
        puts NULLs first ascending and last descending) is the exact mirror of this one, so a
        row near the end is reached by skipping few rows instead of nearly all of them."""
        mirror = replace(self.query, descending=not self.query.descending)
        rows = queries.page_at(self.ctx, mirror, after, limit=limit).rows
        rows.reverse()
        return rows

    def key_of(self, row: Row) -> Key:
        """(sort value, id)."""
        return (row.get(self.query.sort_field), row["id"])

    def sorted_by(self, key: str, descending: bool) -> EntitySource:
        """The same query sorted by ``key``."""
        return EntitySource(self.ctx, replace(self.query, sort=key, descending=descending))


class AuditSource:
    """Rows of the audit log, ordered by sequence number."""

    def __init__(
        self, ctx: Services, filters: Mapping[str, Any] | None = None, descending: bool = True
    ) -> None:
        self.ctx = ctx
        self.filters = dict(filters or {})
        self._descending = descending

    @property
    def sort_key(self) -> str:
        """Always ``seq``."""
        return "seq"

    @property
    def descending(self) -> bool:
        """Newest first when True."""
        return self._descending

    @property
    def count_key(self) -> Hashable:
        """The filters."""
        return ("audit", _frozen(self.filters))

    def count(self) -> int:
        """How many entries match the filters."""
        return vault_reads.audit_count(self.ctx, self.filters)

    def rows_after(self, key: Key | None, limit: int) -> list[Row]:
        """Entries after the one with sequence number ``key[0]``."""
        return vault_reads.audit_rows(
            self.ctx,
            self.filters,
            descending=self._descending,
            limit=limit,
            after_seq=None if key is None else int(key[0]),
        )

    def rows_at(self, offset: int, limit: int) -> list[Row]:
        """Entries from position ``offset``."""
        return vault_reads.audit_rows(
            self.ctx, self.filters, descending=self._descending, limit=limit, offset=offset
        )

    def rows_from_end(self, after: int, limit: int) -> list[Row]:
        """Entries counted from the end (mirror order)."""
        rows = vault_reads.audit_rows(
            self.ctx, self.filters, descending=not self._descending, limit=limit, offset=after
        )
        rows.reverse()
        return rows

    def key_of(self, row: Row) -> Key:
        """(seq, seq): the sequence number is unique."""
        return (row["seq"], row["seq"])

    def sorted_by(self, key: str, descending: bool) -> AuditSource:
        """The log is only sortable by sequence number."""
        return AuditSource(self.ctx, self.filters, descending)


def _frozen(filters: Mapping[str, Any]) -> Hashable:
    return tuple(sorted((k, repr(v)) for k, v in filters.items()))


def source_for(
    spec: ListSpec,
    ctx: Services,
    *,
    filters: Mapping[str, Any] | None = None,
    text: str = "",
    sort: str = "",
    descending: bool | None = None,
) -> PageSource:
    """The page source of list ``spec`` with the officer's filters, search text and sort."""
    desc = spec.descending if descending is None else descending
    if spec.entity == AUDIT:
        return AuditSource(ctx, filters, desc)
    query = queries.ListQuery(
        spec.entity,
        filters=dict(filters or {}),
        text=text,
        sort=sort or spec.sort,
        descending=desc,
    )
    return EntitySource(ctx, query)
