"""The faster query forms give the rows and counts of the plain ones.

Pages after a key are fetched as row-value ranges (NULL sort values a range of their own);
pages with many full-text matches probe them while walking the list's index; counts subtract
the deleted rows. Each is compared with plain SQL on a vault whose data exercise the edges:
NULL sort values, equal sort values, soft-deleted rows, matches above and below the probing
threshold.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from sqlalchemy import text

from pp_desktop.services import Services, queries
from pp_desktop.services import records as rec
from pp_desktop.services.bulk import bulk_insert
from pp_desktop.services.queries import ListQuery, count, list_page, page_at

N = 400
NOTES = ["heroin in the fuel tank", "opium under the seat", "hashish bricks", "fuel receipts", ""]


@pytest.fixture
def data(ctx: Services) -> Services:
    rnd = random.Random(7)
    rows: list[dict[str, Any]] = []
    for _ in range(N):
        known = rnd.random() > 0.2
        rows.append(
            {
                "seized_on": rnd.choice(["2025-01-01", "2025-06-30", "2026-02-02", "2024-12-31"]),
                "country": rnd.choice(["AFG", "TJK", "IRN"]),
                "drug": rnd.choice(["HEROIN", "OPIUM"]),
                "quantity_known": known,
                "quantity": round(rnd.choice([1.0, 2.5, 10.0]), 1) if known else None,
                "unit": "KG",
                "notes": rnd.choice(NOTES),
            }
        )
    ids = bulk_insert(ctx, "seizure", rows).created
    rec.delete(ctx, "seizure", rnd.sample(ids, 40))
    return ctx


def sql_ids(ctx: Services, where: str, order: str, **params: Any) -> list[str]:
    sql = f"SELECT id FROM seizure WHERE {where} ORDER BY {order}"
    with ctx.vault.read() as conn:
        return [r[0] for r in conn.execute(text(sql), params)]


def walk(ctx: Services, q: ListQuery, limit: int) -> list[str]:
    out: list[str] = []
    key = None
    while True:
        page = list_page(ctx, q, after=key, limit=limit)
        out += [r["id"] for r in page.rows]
        if page.next_key is None:
            return out
        key = page.next_key


CASES = [
    ("seized_on", True, {}, ""),
    ("seized_on", False, {"country": "AFG"}, ""),
    ("kg_equivalent", True, {}, ""),  # NULLs last
    ("kg_equivalent", False, {}, ""),  # NULLs first
    ("kg_equivalent", False, {"drug": "OPIUM"}, "fuel"),
    ("seized_on", True, {}, "fuel"),
]


@pytest.mark.parametrize(("sort", "desc", "filters", "words"), CASES)
@pytest.mark.parametrize("probe_at", [0, 10**9])
@pytest.mark.parametrize("limit", [7, 50])
def test_keyset_walk_gives_the_plain_order(
    data: Services, monkeypatch: Any, sort: str, desc: bool, filters: dict[str, str],
    words: str, probe_at: int, limit: int,
) -> None:  # fmt: skip
    monkeypatch.setattr(queries, "PROBE_AT", probe_at)
    q = ListQuery("seizure", filters=filters, text=words, sort=sort, descending=desc)
    where = " AND ".join(
        ["deleted_at IS NULL"]
        + [f"{k} = :{k}" for k in filters]
        + (["rowid IN (SELECT rowid FROM seizure_fts WHERE seizure_fts MATCH :m)"] if words else [])
    )
    direction = "DESC" if desc else "ASC"
    expected = sql_ids(data, where, f"{sort} {direction}, id {direction}", m=f'"{words}"*',
                       **filters)  # fmt: skip
    assert walk(data, q, limit) == expected
    assert [r["id"] for r in page_at(data, q, 5, limit).rows] == expected[5 : 5 + limit]
    assert count(data, q) == len(expected)


@pytest.mark.parametrize("probe_at", [0, 10**9])
def test_counts_subtract_the_deleted_rows(data: Services, monkeypatch: Any, probe_at: int) -> None:
    monkeypatch.setattr(queries, "PROBE_AT", probe_at)
    for filters, words in [({}, ""), ({"country": "TJK"}, ""), ({}, "fuel"), ({}, "opium"),
                           ({"drug": "HEROIN"}, "fuel tank"), ({}, "nothing-like-it")]:  # fmt: skip
        q = ListQuery("seizure", filters=filters, text=words)
        where = " AND ".join(
            [f"{k} = :{k}" for k in filters]
            + ([
                "rowid IN (SELECT rowid FROM seizure_fts WHERE seizure_fts MATCH :m)"
            ] if words else [])
            or ["1"]
        )  # fmt: skip
        m = queries.fts_match(words)
        live = sql_ids(data, f"deleted_at IS NULL AND {where}", "id", m=m, **filters)
        every = sql_ids(data, where, "id", m=m, **filters)
        assert count(data, q) == len(live)
        assert count(data, ListQuery("seizure", filters=filters, text=words,
                                     include_deleted=True)) == len(every)  # fmt: skip
        assert len(every) > len(live) or not every


def test_probing_is_chosen_above_the_threshold_only(data: Services, monkeypatch: Any) -> None:
    with data.reading() as conn:
        monkeypatch.setattr(queries, "PROBE_AT", 10)
        assert queries._text_plan(conn, ListQuery("seizure", text="fuel")) == (True, None)
        probe, rowids = queries._text_plan(conn, ListQuery("seizure", text="nothing-like-it"))
        assert (probe, rowids) == (False, [])
        # an order no index gives: fetching the matches stays the better plan
        plan = queries._text_plan(conn, ListQuery("seizure", text="fuel", sort="notes"))
        assert plan == (False, None)
        monkeypatch.setattr(queries, "PROBE_AT", 10**9)
        probe, rowids = queries._text_plan(conn, ListQuery("seizure", text="fuel"))
        assert not probe
        assert rowids is not None
        assert len(rowids) == count(data, ListQuery("seizure", text="fuel", include_deleted=True))
