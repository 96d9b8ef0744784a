"""HQ's bulk apply decides every change exactly as the change-by-change path does, and HQ's
record tables carry what HQ's queries need (not the device's list indexes)."""

from __future__ import annotations

import copy
import time
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select, text

from pp_desktop.models import SYNC_COLUMN_NAMES
from pp_desktop.services import Services
from pp_desktop.services.bulk import RowChecker
from pp_desktop.services.hlc import format_hlc, parse_hlc
from pp_desktop.services.merge import Change
from pp_desktop.sync.outbox import pending_items
from pp_hq.apply import apply_change, record_table
from pp_hq.context import Hq
from pp_hq.db import DEVICE_ONLY_INDEXES, hq_owner, hq_quarantine, hq_view
from pp_hq.fast_apply import apply_changes
from pp_hq.stats import live_counts
from tests.hq.helpers import Device, project, seizure


def _bundle_items(alpha: Device) -> list[dict[str, Any]]:
    """A bundle of what HQ meets: valid creations, an invalid one, the same creation twice,
    a shared record, and an edit of a record created earlier in the same bundle."""
    good = [seizure(alpha.ctx, quantity=float(q)) for q in (1, 2, 3)]
    bad = seizure(alpha.ctx, quantity=4.0)
    cross = seizure(alpha.ctx, quantity=5.0)
    shared = project(alpha.ctx, "PRJ-FAST-1")
    with alpha.ctx.reading() as conn:
        items, _ = pending_items(conn)
    items = [i for i in items if i["t"] == "change"]
    by_id = {i["id"]: i for i in items}
    by_id[bad]["fields"]["drug"] = "NO_SUCH_DRUG"  # fails a code check: quarantined
    # valid field by field, but the quantity is not known and given (a cross-field rule)
    by_id[cross]["fields"]["quantity_known"] = False
    again = copy.deepcopy(by_id[good[0]])  # the same creation sent twice in one bundle
    edit = copy.deepcopy(by_id[good[1]])  # and an edit of a record the bundle creates
    wall, counter, node = parse_hlc(edit["hlc"])
    edit.update(
        version=2, base_version=1, base_hlc=edit["hlc"], hlc=format_hlc(wall, counter + 1, node)
    )
    edit["fields"] = {"place": "Nizhny Pyanj bridge"}
    assert shared in by_id
    return [*items, again, edit]


def _state(conn: Connection) -> dict[str, Any]:
    """What a bundle leaves in HQ's records (not the change log, which the fast path does not
    need for creations, nor the quarantine's time)."""
    out: dict[str, Any] = {}
    for entity in ("seizure", "project"):
        t = record_table(entity)
        out[entity] = [tuple(r) for r in conn.execute(select(t).order_by(t.c.id))]
    out["owner"] = sorted(tuple(r) for r in conn.execute(select(hq_owner)))
    out["view"] = sorted(tuple(r) for r in conn.execute(select(hq_view)))
    q = hq_quarantine
    out["quarantine"] = sorted(
        tuple(r) for r in conn.execute(select(q.c.entity_id, q.c.reason, q.c.item))
    )
    return out


def _changes_logged(conn: Connection) -> int:
    return int(conn.execute(text("SELECT count(*) FROM hq_change")).scalar() or 0)


def test_bulk_apply_decides_as_the_general_path(hq: Hq, alpha: Device) -> None:
    items = _bundle_items(alpha)
    sender, now_ms = alpha.device_id, int(time.time() * 1000)
    with hq.engine.connect() as conn:
        with conn.begin() as tx:
            refs = hq.refs(conn)
            fast = apply_changes(conn, hq, refs, copy.deepcopy(items), sender, 2, now_ms)
            fast_state, fast_logged = _state(conn), _changes_logged(conn)
            tx.rollback()
        with conn.begin() as tx:
            slow = [
                (
                    item["entity"],
                    item["id"],
                    apply_change(conn, hq, refs, Change.from_item(item), sender, 2, now_ms),
                )
                for item in copy.deepcopy(items)
            ]
            slow_state, slow_logged = _state(conn), _changes_logged(conn)
            tx.rollback()
    assert [(e, i, o.action, o.reason) for e, i, o in fast] == [
        (e, i, o.action, o.reason) for e, i, o in slow
    ]
    assert fast_state == slow_state
    actions = [o.action for _e, _i, o in fast]
    assert actions.count("quarantined") == 2  # the unknown drug and the cross-field rule
    assert "skip" in actions and "fast_forward" in actions  # the repeat, the edit
    assert len(fast_state["seizure"]) == 3 and len(fast_state["project"]) == 1
    # the creations really took the bulk path: it logs no change-log entry for them
    assert fast_logged < slow_logged


def _index_names(engine: Engine, table: str) -> set[str]:
    """The indexes the database holds on ``table`` (from its own catalogue)."""
    sql = (
        "SELECT indexname FROM pg_indexes WHERE tablename = :t"
        if engine.dialect.name == "postgresql"
        else "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = :t"
    )
    with engine.connect() as conn:
        return {str(r[0]) for r in conn.execute(text(sql), {"t": table})}


def test_hq_record_tables_skip_the_device_list_indexes(
    hq: Hq, alpha: Device, hq_db_url: str
) -> None:
    seizure(alpha.ctx)
    names = _index_names(hq.engine, "seizure")
    assert names and not names & DEVICE_ONLY_INDEXES
    # an HQ database made before holds them: they go at the next start
    made_before = [ix for ix in record_table("seizure").indexes if ix.name in DEVICE_ONLY_INDEXES]
    with hq.engine.begin() as conn:
        for ix in made_before:  # plain DDL: the shared model's Table is left as it is
            cols = ", ".join(c.name for c in ix.columns)
            conn.execute(text(f"CREATE INDEX {ix.name} ON seizure ({cols})"))
    assert DEVICE_ONLY_INDEXES & _index_names(hq.engine, "seizure")
    hq.dispose()
    again = Hq(hq.home, url=hq_db_url)
    try:
        names = _index_names(again.engine, "seizure")
        assert not names & DEVICE_ONLY_INDEXES
        assert "ix_seizure_deleted" in names  # what HQ keeps
        assert live_counts(again)["seizures"] == 0
    finally:
        again.dispose()


def test_row_checker_for_hq_gives_the_same_values_without_the_audit_json(
    ctx: Services, tmp_path: Path
) -> None:
    refs = ctx.refs()
    today = date(2026, 11, 29)
    for_device = RowChecker("seizure", refs, today).compile()
    for_hq = RowChecker("seizure", refs, today).compile(
        audit=False, ignore=frozenset(SYNC_COLUMN_NAMES)
    )
    given: dict[str, Any] = {
        "seized_on": "2026-10-01",
        "country": "TJK",
        "drug": "HEROIN",
        "quantity": 1.5,
        "unit": "KG",
        "place": "  Panj  ",
        "persons_arrested": 2,
        "quantity_known": True,
    }
    device = for_device(given)
    assert device is not None and device[2].startswith("{")
    sync = {"id": "x", "version": 1, "origin_device": "d", "created_by": "Officer"}
    hq = for_hq({**given, **sync})
    assert hq is not None
    assert hq[0] == device[0] and hq[1] == device[1] and hq[2] == ""
    assert for_hq({**given, "no_such_field": 1}) is None  # only the sync columns are let by
    assert for_device({**given, **sync}) is None
    assert for_hq({**given, "drug": "NO_SUCH_DRUG"}) is None  # still checked
    assert for_hq({**given, "seized_on": "2027-01-01"}) is None  # in the future
