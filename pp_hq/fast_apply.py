"""The common case at HQ, in bulk: a bundle of new records (what a device sends after data entry).

A creation of a record HQ does not have merges with nothing, so it needs no per-change queries:
the ids of a bundle are looked up at once, each new record is validated by the bulk path's
generated row checker (:class:`pp_desktop.services.bulk.RowChecker`) and the cross-field rules,
and the valid ones are inserted with one executemany. Anything else — an update, a deletion, an
id HQ already holds, an attachment, a row the checker is unsure of or finds invalid — goes
through :func:`pp_hq.apply.apply_change`, which decides (merge, conflict, quarantine) exactly as
it would alone.

The fast path reads the change items as ``bundle.open_inner`` returns them (their shape and
types already checked there): a ``Change`` object is built only for a change that takes the
general path, since building 100,000 of them cost a tenth of HQ's receive time.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection

from pp_desktop.models import SYNC_COLUMN_NAMES
from pp_desktop.services.bulk import RowChecker, insert_sql
from pp_desktop.services.errors import Issue
from pp_desktop.services.fields import field_names
from pp_desktop.services.merge import Change
from pp_desktop.services.validation import ReferenceCache, record_rules
from pp_hq.apply import SHARED, Outcome, apply_change, record_table
from pp_hq.context import Hq
from pp_hq.db import driver_sql, hq_owner, hq_view

_LOOKUP = 500  # ids per IN (...) query
_SYNC_KEYS = frozenset(SYNC_COLUMN_NAMES)
_INSERTED = Outcome("insert")  # one shared (frozen) outcome for every fast insert

# (entity, id, outcome) of each change, in bundle order
Applied = tuple[str, str, Outcome]


def _existing(conn: Connection, entity: str, ids: Sequence[str]) -> set[str]:
    """Which of ``ids`` HQ holds. A plain ``IN (?, ...)`` in the driver's own parameter style:
    SQLAlchemy's rendering of an expanding IN costs as much again as the query itself."""
    mark = "%s" if conn.dialect.paramstyle in ("format", "pyformat") else "?"
    table = record_table(entity).name
    found: set[str] = set()
    for i in range(0, len(ids), _LOOKUP):
        part = tuple(ids[i : i + _LOOKUP])
        sql = f"SELECT id FROM {table} WHERE id IN ({', '.join([mark] * len(part))})"
        found.update(str(r[0]) for r in conn.exec_driver_sql(sql, part))
    return found


class _Checkers:
    """One generated row checker per entity, for this bundle's reference codes and date."""

    def __init__(self, refs: ReferenceCache, hq: Hq) -> None:
        self.refs = refs
        self.today = hq.today() + timedelta(days=1)  # HQ tolerates a day of difference
        self._fns: dict[str, Callable[[Any], Any]] = {}

    def __call__(self, entity: str) -> Callable[[Any], Any]:
        fn = self._fns.get(entity)
        if fn is None:
            # HQ writes no audit entry (no audit JSON built); a change's fields may carry the
            # sync columns (provenance), which the insert takes from the change, not the checker
            checker = RowChecker(entity, self.refs, self.today)
            fn = self._fns[entity] = checker.compile(audit=False, ignore=_SYNC_KEYS)
        return fn


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection meanwhile: the rows made here (thousands of tuples) would
    trigger passes that each walk every object the process holds — the bundle's items too —
    for a tenth of the apply time; nothing here makes cycles, and a bundle is capped."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def apply_changes(
    conn: Connection,
    hq: Hq,
    refs: ReferenceCache,
    items: list[dict[str, Any]],
    sender: str,
    seq: int,
    now_ms: int,
) -> list[Applied]:
    """Apply a bundle's change items (as ``bundle.open_inner`` returns them); returns each
    change's (entity, id, outcome), in bundle order."""
    with _gc_paused():
        done = _insert_new_records(conn, hq, refs, items, sender)
    out: list[Applied] = []
    for i, item in enumerate(items):
        if done[i]:
            out.append((item["entity"], item["id"], _INSERTED))
        else:
            change = Change.from_item(item)
            outcome = apply_change(conn, hq, refs, change, sender, seq, now_ms)
            out.append((change.entity, change.id, outcome))
    return out


def _insert_new_records(
    conn: Connection, hq: Hq, refs: ReferenceCache, items: list[dict[str, Any]], sender: str
) -> list[bool]:
    """Insert, entity by entity, the valid creations of records HQ does not hold; returns
    which items are done (the others are for the general path)."""
    by_entity: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        by_entity.setdefault(item["entity"], []).append(i)
    done: list[bool] = [False] * len(items)
    checkers = _Checkers(refs, hq)
    now = hq.now()
    for entity, positions in by_entity.items():
        if entity == "attachment":
            continue  # bytes to decode and hash: the general path
        have = _existing(conn, entity, [items[i]["id"] for i in positions])
        check = checkers(entity)
        sql, cols = insert_sql(entity)
        # the INSERT's columns: the sync columns in this order, then the fields in FIELDS order
        assert cols == (*SYNC_COLUMN_NAMES, *field_names(entity))
        rows: list[tuple[Any, ...]] = []
        inserted: list[dict[str, Any]] = []
        for i in positions:
            item = items[i]
            rid = item["id"]
            if item["base_version"] != 0 or item["deleted"] or rid in have:
                continue
            fields = item["fields"]
            quick = check(fields)
            if quick is None:
                continue
            full, values, _ = quick
            issues: list[Issue] = []
            record_rules(entity, full, refs, issues)
            if issues and any(x.is_error for x in issues):
                continue  # the general path words the reason and quarantines
            get = fields.get
            rows.append(
                (
                    rid,
                    item["version"],
                    item["hlc"],
                    str(get("origin_device") or ""),
                    str(get("created_at") or now),
                    str(get("created_by") or ""),
                    str(get("updated_at") or now),
                    str(get("updated_by") or ""),
                    None,
                    *values,
                )
            )
            have.add(rid)  # the same id again in this bundle: the general path, after this
            done[i] = True
            inserted.append(item)
        if not rows:
            continue
        driver_sql(conn, sql, rows)
        if entity in SHARED:  # only shared records travel downstream
            conn.execute(
                hq_owner.insert(),
                [{"entity": entity, "entity_id": c["id"], "device": sender} for c in inserted],
            )
            conn.execute(
                hq_view.insert(),
                [
                    {
                        "device": sender,
                        "entity": entity,
                        "entity_id": c["id"],
                        "version": c["version"],
                        "hlc": c["hlc"],
                    }
                    for c in inserted
                ],
            )
    return done
