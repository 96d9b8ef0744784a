"""Read-only adapters the UI needs and the service layer does not offer (yet).

Each is a small query through ``Services.reading()`` (the UI never writes with a connection of
its own, DESIGN §2) and returns plain values. Candidates to move into ``pp_desktop.services``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication
from sqlalchemy import Connection, text

from pp_desktop.services import ledger
from pp_desktop.services.context import Services
from pp_desktop.services.ledger import ChainReport
from pp_desktop.ui import i18n

if TYPE_CHECKING:
    from pp_desktop.ui.background import TaskControl

# Row of the audit log as the list shows it (the hash columns stay out of the list).
AUDIT_COLUMNS = ("seq", "at", "who", "device", "action", "entity", "entity_id", "changes")


def changes_waiting_to_sync(ctx: Services) -> int:
    """Journal entries not yet delivered in a bundle (``bundle_seq IS NULL``)."""
    with ctx.reading() as conn:
        return int(
            conn.execute(
                text("SELECT count(*) FROM sync_journal WHERE bundle_seq IS NULL")
            ).scalar()
            or 0
        )


LAST_SYNC_KEYS = ("last_sync", "last_sync_at")  # the sync issue writes the first


def last_sync(ctx: Services) -> str | None:
    """When the last sync succeeded (``vault_meta`` key ``last_sync``), None before the first."""
    with ctx.reading() as conn:
        sql = text("SELECT key, value FROM vault_meta WHERE key IN ('last_sync', 'last_sync_at')")
        rows: dict[str, str] = {str(k): str(v) for k, v in conn.execute(sql)}
    for key in LAST_SYNC_KEYS:
        if rows.get(key):
            return str(rows[key])
    return None


class _CountingConnection:
    """Hands ``verify_chain`` the audit rows while counting them: progress and cancel between
    rows, without a second copy of the chain rules."""

    def __init__(self, conn: Connection, total: int, control: TaskControl) -> None:
        self._conn = conn
        self._total = max(total, 1)
        self._control = control

    def execute(self, statement: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        result = self._conn.execute(statement, *args, **kwargs)
        for i, row in enumerate(result, start=1):
            if i % 2000 == 0:
                self._control.check()
                done = QCoreApplication.translate(
                    "vault_reads", "{done} of {total} entries checked"
                )
                self._control.progress(
                    i / self._total, done.format(done=f"{i:,}", total=f"{self._total:,}")
                )
            yield row


def verify_audit_chain(ctx: Services, control: TaskControl) -> ChainReport:
    """:func:`ledger.verify_chain` over the whole audit log, reporting progress to ``control``
    (raises :class:`TaskCancelled` when cancelled)."""
    with ctx.reading() as conn:
        total = int(conn.execute(text("SELECT count(*) FROM audit_entry")).scalar() or 0)
        checking = QCoreApplication.translate("vault_reads", "Checking {total} entries…")
        control.progress(0.0, checking.format(total=f"{total:,}"))
        counting = cast(Connection, _CountingConnection(conn, total, control))
        report = ledger.verify_chain(counting)
    checked = QCoreApplication.translate("vault_reads", "{n} entries checked")
    control.progress(1.0, checked.format(n=f"{report.entries:,}"))
    return report


@dataclass(frozen=True)
class RefOption:
    """One code of a reference list, in display order."""

    code: str
    label: str


class ReferenceLabels:
    """Code -> label of every reference list, loaded once per unlock (a few thousand rows)."""

    SEPARATOR = " — "

    def __init__(
        self,
        rows: Mapping[str, list[tuple[str, str, str, int]]],
        parents: Mapping[tuple[str, str], str] | None = None,
    ) -> None:
        # kind -> [(code, label_en, label_ru, sort)]; (kind, code) -> parent code
        self._rows = rows
        self._parents = dict(parents or {})
        russian = i18n.current_language() == "ru"  # the lists carry Russian labels too
        self._labels = {
            kind: {code: (ru if russian and ru else en) or code for code, en, ru, _s in items}
            for kind, items in rows.items()
        }

    @classmethod
    def load(cls, ctx: Services) -> ReferenceLabels:
        """Read the labels of every active code."""
        rows: dict[str, list[tuple[str, str, str, int]]] = {}
        parents: dict[tuple[str, str], str] = {}
        with ctx.reading() as conn:
            result = conn.execute(
                text(
                    "SELECT kind, code, label_en, label_ru, sort, parent FROM reference_code "
                    "WHERE active ORDER BY kind, sort, label_en"
                )
            )
            for kind, code, en, ru, sort, parent in result:
                rows.setdefault(str(kind), []).append(
                    (str(code), str(en or ""), str(ru or ""), int(sort or 0))
                )
                if parent:
                    parents[(str(kind), str(code))] = str(parent)
        return cls(rows, parents)

    def parent(self, kind: str, code: str) -> str:
        """The parent code of ``code`` (a province's country; "" when none)."""
        return self._parents.get((kind, code), "")

    def label(self, kind: str, code: str) -> str:
        """The label of ``code`` ("" for an empty code, the code itself when unknown)."""
        if not code:
            return ""
        return self._labels.get(kind, {}).get(code, code)

    def display(self, kind: str, code: str) -> str:
        """``CODE — Label`` as lists and details show a code ("" for an empty code)."""
        if not code:
            return ""
        label = self.label(kind, code)
        return code if label == code else f"{code}{self.SEPARATOR}{label}"

    def options(
        self, kind: str, *, by_label: bool = False, parent: str | None = None
    ) -> list[RefOption]:
        """Every code of ``kind`` (only the children of ``parent`` when given), in the list's
        own order (or alphabetically by label)."""
        items = [
            RefOption(code, self.label(kind, code))
            for code, _en, _ru, _s in self._rows.get(kind, [])
            if parent is None or self._parents.get((kind, code)) == parent
        ]
        if by_label:
            items.sort(key=lambda o: o.label.casefold())
        return items


def record_names(ctx: Services, entity: str) -> dict[str, str]:
    """Id -> name of the live records of a small entity (organisation, contact)."""
    if entity not in ("organisation", "contact"):
        raise ValueError(f"No name lookup for {entity}")
    with ctx.reading() as conn:
        return {
            str(rid): str(name)
            for rid, name in conn.execute(
                text(f"SELECT id, name FROM {entity} WHERE deleted_at IS NULL")
            )
        }


def _audit_where(filters: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    clauses, params = [], {}
    for name in ("entity", "action"):
        if filters.get(name):
            clauses.append(f"{name} = :{name}")
            params[name] = filters[name]
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def audit_count(ctx: Services, filters: Mapping[str, Any]) -> int:
    """How many audit entries match ``filters`` (entity, action)."""
    where, params = _audit_where(filters)
    with ctx.reading() as conn:
        return int(
            conn.execute(text(f"SELECT count(*) FROM audit_entry{where}"), params).scalar() or 0
        )


def audit_rows(
    ctx: Services,
    filters: Mapping[str, Any],
    *,
    descending: bool,
    limit: int,
    offset: int = 0,
    after_seq: int | None = None,
) -> list[dict[str, Any]]:
    """A page of audit entries ordered by ``seq`` (keyset after ``after_seq``, or OFFSET)."""
    where, params = _audit_where(filters)
    if after_seq is not None:
        where += (" AND " if where else " WHERE ") + (
            "seq < :after" if descending else "seq > :after"
        )
        params["after"] = after_seq
    order = "DESC" if descending else "ASC"
    sql = (
        f"SELECT {', '.join(AUDIT_COLUMNS)} FROM audit_entry{where} "
        f"ORDER BY seq {order} LIMIT :limit OFFSET :offset"
    )
    params.update(limit=limit, offset=max(offset, 0))
    with ctx.reading() as conn:
        return [dict(r) for r in conn.execute(text(sql), params).mappings()]


def audit_entry(ctx: Services, seq: int) -> dict[str, Any]:
    """One audit entry, hashes included."""
    with ctx.reading() as conn:
        row = (
            conn.execute(text("SELECT * FROM audit_entry WHERE seq = :seq"), {"seq": seq})
            .mappings()
            .first()
        )
    if row is None:
        raise LookupError(f"No audit entry {seq}")
    return dict(row)
