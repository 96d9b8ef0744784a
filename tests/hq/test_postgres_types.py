"""Every column type of HQ's tables keeps its values on both backends (``hq_db_url``).

The record tables are the device's models: SQLite on the laptop stores any text length and 64-bit
integers, PostgreSQL checks types strictly (booleans, bytea, VARCHAR lengths, 32-bit INTEGER). A
record valid on a laptop must arrive at HQ unchanged, whatever the backend.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import uuid_utils
from sqlalchemy import Boolean, Float, Integer, LargeBinary, String, Table, Text, select

from pp_desktop.services import records as rec
from pp_hq.context import Hq
from pp_hq.db import RECORD_TABLES, hq_metadata
from tests.hq.helpers import Device, hq_table, seizure, sync_round

LONG = "Ж\"'%?;\\ 🙂 " * 50  # 550 characters: past every VARCHAR(N) of the models
BLOB = bytes(range(256)) * 3
FLOAT = 0.1 + 1e-12  # not a short decimal: a float4 or a decimal cut would change it


def _value(table: Table, col: Any, made: dict[str, str]) -> Any:
    if col.foreign_keys:
        ref = next(iter(col.foreign_keys)).column.table.name
        return made[ref]
    if col.name == "id" and isinstance(col.type, String):
        return made[table.name]
    t = col.type
    if isinstance(t, Boolean):
        return False  # the default is True: a lost value shows
    if isinstance(t, Integer):
        return 3_000_000_000  # past 32 bits
    if isinstance(t, Float):
        return FLOAT
    if isinstance(t, LargeBinary):
        return BLOB
    if isinstance(t, String | Text):
        return LONG
    raise AssertionError(f"{table.name}.{col.name}: a type this test does not know: {t!r}")


def test_every_column_type_round_trips(hq: Hq) -> None:
    record_names = {t.name for t in RECORD_TABLES}
    tables = [t for t in hq_metadata.sorted_tables] + [
        t for t in RECORD_TABLES[0].metadata.sorted_tables if t.name in record_names
    ]
    made = {t.name: str(uuid_utils.uuid7()) for t in tables}
    expected: dict[str, dict[str, Any]] = {}
    with hq.engine.begin() as conn:
        for t in tables:
            if t.name in ("hq_meta", "reference_code"):
                continue  # rows of their own already; covered by the other tables' types
            row = {
                c.name: _value(t, c, made)
                for c in t.columns
                if not (c.primary_key and c.autoincrement is True and isinstance(c.type, Integer))
            }
            conn.execute(t.insert().values(**row))
            expected[t.name] = row
    with hq.engine.connect() as conn:
        for name, row in expected.items():
            t = next(x for x in tables if x.name == name)
            got = conn.execute(select(*(t.c[k] for k in row))).mappings().one()
            for k, v in row.items():
                back = bytes(got[k]) if isinstance(v, bytes) else got[k]
                assert back == v and type(back) is type(v), (name, k, back)


def test_long_texts_and_big_integers_valid_on_a_laptop_reach_hq(
    hq: Hq, usb: Path, alpha: Device, bravo: Device
) -> None:
    name = "Организация " + "x" * 420  # 432 characters: valid (≤ 500), past VARCHAR(300)
    org = rec.create(alpha.ctx, "organisation", {"name": name, "acronym": "A" * 60}).created[0]
    sid = seizure(alpha.ctx, persons_arrested=3_000_000_000, quantity=FLOAT)
    report = sync_round(hq, usb, alpha, bravo)
    assert not report.rejected
    assert {r.status for r in report.received} == {"applied"}
    [row] = hq_table(hq, "organisation", lambda t: t.c.id == org)
    assert row[1:3] == (name, "A" * 60)
    with hq.engine.connect() as conn:
        t = RECORD_TABLES[0].metadata.tables["seizure"]
        got = conn.execute(
            select(t.c.persons_arrested, t.c.quantity, t.c.quantity_known).where(t.c.id == sid)
        ).one()
    assert tuple(got) == (3_000_000_000, FLOAT, True)
    assert rec.get(bravo.ctx, "organisation", org)["name"] == name  # and back down to bravo
