"""The common case at HQ, in bulk: a bundle of new records (what a device sends after data entry).

A creation of a record HQ does not have merges with nothing, so it needs no per-change queries:
the ids of a bundle are looked up at once, each new record is validated by the bulk path's
generated row checker (``pp_desktop.services.bulk``), and the valid ones are inserted with one
executemany. Anything else — an update, a deletion, an id HQ already holds, an attachment, a row
the checker is unsure of or finds invalid — goes through :func:`pp_hq.apply.apply_change`, which
decides (merge, conflict, quarantine) exactly as it would alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, select

from pp_desktop.models import SYNC_COLUMN_NAMES
from pp_desktop.services.bulk import _FastRows, insert_sql
from pp_desktop.services.errors import Issue
from pp_desktop.services.fields import field_names
from pp_desktop.services.merge import Change
from pp_desktop.services.validation import ReferenceCache, record_rules
from pp_hq.apply import SHARED, Outcome, apply_change, record_table
from pp_hq.context import Hq
from pp_hq.db import driver_sql, hq_owner, hq_view

_LOOKUP = 500  # ids per IN (...) query


def _existing(conn: Connection, entity: str, ids: Sequence[str]) -> set[str]:
    t = record_table(entity)
    found: set[str] = set()
    for i in range(0, len(ids), _LOOKUP):
        part = ids[i : i + _LOOKUP]
        found.update(str(r[0]) for r in conn.execute(select(t.c.id).where(t.c.id.in_(part))))
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
            fn = self._fns[entity] = _FastRows(entity, self.refs, self.today).compile()
        return fn


def apply_changes(
    conn: Connection,
    hq: Hq,
    refs: ReferenceCache,
    changes: list[Change],
    sender: str,
    seq: int,
    now_ms: int,
) -> list[tuple[Change, Outcome]]:
    """Apply a bundle's changes; returns each change with its outcome, in bundle order."""
    by_entity: dict[str, list[int]] = {}
    for i, ch in enumerate(changes):
        by_entity.setdefault(ch.entity, []).append(i)
    outcomes: list[Outcome | None] = [None] * len(changes)
    checkers = _Checkers(refs, hq)
    for entity, positions in by_entity.items():
        if entity == "attachment":
            continue
        have = _existing(conn, entity, [changes[i].id for i in positions])
        check = checkers(entity)
        names = field_names(entity)
        sql, cols = insert_sql(entity)
        # the INSERT's columns: the sync columns in this order, then the fields in FIELDS order
        assert cols == (*SYNC_COLUMN_NAMES, *names)
        extra = [c for c in SYNC_COLUMN_NAMES if c != "id"]  # provenance travels in fields
        now = hq.now()
        rows: list[tuple[Any, ...]] = []
        for i in positions:
            ch = changes[i]
            if ch.base_version != 0 or ch.deleted or ch.id in have:
                continue
            fields = ch.fields
            given = dict(fields)
            for name in extra:
                given.pop(name, None)
            quick = check(given)
            if quick is None:
                continue
            issues: list[Issue] = []
            record_rules(entity, quick[0], refs, issues)
            if issues and any(x.is_error for x in issues):
                continue  # the general path words the reason and quarantines
            get = fields.get
            rows.append(
                (
                    ch.id,
                    ch.version,
                    ch.hlc,
                    str(get("origin_device") or ""),
                    str(get("created_at") or now),
                    str(get("created_by") or ""),
                    str(get("updated_at") or now),
                    str(get("updated_by") or ""),
                    None,
                    *quick[1],
                )
            )
            have.add(ch.id)
            outcomes[i] = Outcome("insert")
        if rows:
            driver_sql(conn, sql, rows)
            if entity in SHARED:
                done = [changes[i] for i in positions if outcomes[i] is not None]
                conn.execute(
                    hq_owner.insert(),
                    [{"entity": entity, "entity_id": c.id, "device": sender} for c in done],
                )
                conn.execute(
                    hq_view.insert(),
                    [
                        {
                            "device": sender,
                            "entity": entity,
                            "entity_id": c.id,
                            "version": c.version,
                            "hlc": c.hlc,
                        }
                        for c in done
                    ],
                )
    out: list[tuple[Change, Outcome]] = []
    for i, ch in enumerate(changes):
        got = outcomes[i]
        if got is None:
            got = apply_change(conn, hq, refs, ch, sender, seq, now_ms)
        out.append((ch, got))
    return out
