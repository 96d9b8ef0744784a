"""Where an export takes its data from: a small reader interface.

The desktop app reads its vault (:class:`VaultSource`); HQ can write the same workbook over its
consolidated data by implementing :class:`ExportSource` over its own store.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from pp_desktop.services import Services, stats
from pp_desktop.services.export_reads import (
    SHAREABLE,
    export_count,
    export_rows,
    reference_labels,
)
from pp_desktop.services.queries import ListQuery


@dataclass
class SummaryData:
    """The figures of the Summary sheet."""

    by_drug_month: list[tuple[str, str, float, int]] = field(default_factory=list)
    by_province: list[tuple[str, str, float, int]] = field(default_factory=list)
    recommendations_by_status: dict[str, int] = field(default_factory=dict)
    budgets_by_pillar: list[tuple[str, str, float, int]] = field(default_factory=list)


class ExportSource(Protocol):
    """What a workbook export reads."""

    @property
    def officer(self) -> str:
        """Who exports (About sheet)."""
        ...

    def count(self, entity: str) -> int:
        """How many rows the sheet(s) of ``entity`` will hold."""
        ...

    def rows(self, entity: str) -> contextlib.AbstractContextManager[Iterator[Sequence[Any]]]:
        """A context giving (id, version, every field in form order) per record."""
        ...

    def labels(self) -> Mapping[str, Mapping[str, tuple[str, str]]]:
        """Reference lists: kind -> code -> (English label, Russian label)."""
        ...

    def summary(self) -> SummaryData:
        """The Summary sheet's figures over the exported data."""
        ...

    def filters(self) -> str:
        """The filters of the export, in words (About sheet)."""
        ...


class VaultSource:
    """An export of the officer's vault; ``queries`` carry a list's current filters."""

    def __init__(
        self,
        ctx: Services,
        queries: Mapping[str, ListQuery] | None = None,
        levels: Collection[str] = SHAREABLE,
    ) -> None:
        self.ctx = ctx
        self.queries = dict(queries or {})
        self.levels = frozenset(levels)
        self._labels: dict[str, dict[str, tuple[str, str]]] | None = None

    def _query(self, entity: str) -> ListQuery:
        return self.queries.get(entity) or ListQuery(entity)

    @property
    def officer(self) -> str:
        """The vault's officer."""
        return self.ctx.officer

    def count(self, entity: str) -> int:
        """Rows of ``entity`` the export writes."""
        return export_count(self.ctx, self._query(entity), self.levels)

    @contextlib.contextmanager
    def rows(self, entity: str) -> Iterator[Iterator[Sequence[Any]]]:
        """Stream the rows of ``entity`` inside one read transaction."""
        with self.ctx.reading() as conn:
            yield export_rows(conn, self._query(entity), self.levels)

    def labels(self) -> Mapping[str, Mapping[str, tuple[str, str]]]:
        """Reference labels of the vault."""
        if self._labels is None:
            self._labels = reference_labels(self.ctx)
        return self._labels

    def summary(self) -> SummaryData:
        """Summary figures (seizures follow the export's seizure filters)."""
        q = self._query("seizure")
        # the totals cover the records the sheets hold: the same confidentiality levels
        q = replace(q, filters={**q.filters, "confidentiality": sorted(self.levels)})
        return SummaryData(
            stats.seizures_by_drug_month(self.ctx, q),
            stats.seizures_by_province(self.ctx, q),
            stats.recommendations_by_status(self.ctx),
            stats.budgets_by_pillar(self.ctx),
        )

    def filters(self) -> str:
        """Filters in words."""
        parts = []
        for entity, q in sorted(self.queries.items()):
            items = [f"{k}={v}" for k, v in q.filters.items() if v not in (None, "", [])]
            if q.text.strip():
                items.append(f"text contains '{q.text.strip()}'")
            if items:
                parts.append(f"{entity}: " + ", ".join(items))
        levels = ", ".join(sorted(self.levels))
        return ("; ".join(parts) or "none (every record)") + f"; confidentiality: {levels}"
