"""The SQL-paged table model: model invariants, bounded page reads, sort, search, filters."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView
from sqlalchemy import text

from pp_desktop.services.queries import ListQuery
from pp_desktop.ui.list_specs import SEIZURES, Column, ListSpec
from pp_desktop.ui.page_sources import EntitySource, Key, source_for
from pp_desktop.ui.paged_table_model import PagedTableModel
from pp_desktop.ui.session import Session

from .conftest import MARKED_EVERY, MARKER
from .conftest import SEIZURES as N_SEIZURES

MILLION = 1_000_000


class CountingSource:
    """A sorted list of ``n`` synthetic rows computed on demand; records every read."""

    def __init__(self, n: int, descending: bool = True) -> None:
        self.n = n
        self._descending = descending
        self.reads: list[tuple[str, int, int]] = []

    @property
    def sort_key(self) -> str:
        return "n"

    @property
    def descending(self) -> bool:
        return self._descending

    def _row(self, position: int) -> dict[str, Any]:
        value = self.n - 1 - position if self._descending else position
        return {"id": f"id-{value:07d}", "n": value}

    @property
    def count_key(self) -> tuple[str, int]:
        return ("numbers", self.n)

    def count(self) -> int:
        return self.n

    def rows_after(self, key: Key | None, limit: int) -> list[dict[str, Any]]:
        start = 0 if key is None else (self.n - key[0] if self._descending else key[0] + 1)
        self.reads.append(("keyset", start, limit))
        return [self._row(p) for p in range(start, min(start + limit, self.n))]

    def rows_at(self, offset: int, limit: int) -> list[dict[str, Any]]:
        self.reads.append(("offset", offset, limit))
        return [self._row(p) for p in range(offset, min(offset + limit, self.n))]

    def rows_from_end(self, after: int, limit: int) -> list[dict[str, Any]]:
        self.reads.append(("from-end", after, limit))
        end = self.n - after
        return [self._row(p) for p in range(max(end - limit, 0), end)]

    def key_of(self, row: dict[str, Any]) -> Key:
        return (row["n"], row["id"])

    def sorted_by(self, key: str, descending: bool) -> CountingSource:
        return CountingSource(self.n, descending)


NUMBERS = ListSpec(
    key="numbers",
    entity="number",
    title="Numbers",
    singular="number",
    plural="numbers",
    columns=(
        Column("n", "N", lambda row, s: str(row["n"]), 10, numeric=True, sortable=True),
        Column("id", "Id", lambda row, s: str(row["id"]), 12),
    ),
)


def _shown(view: QTableView, rows: int = 3) -> list[str]:
    model = view.model()
    top = view.rowAt(0)
    return [model.data(model.index(top + i, 0)) for i in range(rows)]


# --- a million rows without a database: the model's own behaviour ---------------------------


def test_a_million_rows_cost_only_the_pages_shown(qtbot: Any) -> None:
    source = CountingSource(MILLION)
    model = PagedTableModel(NUMBERS, source=source)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.verticalHeader().hide()
    view.resize(600, 500)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: model.rowCount() == MILLION)  # counted in the background

    # drag the scroll bar to row 900,000: one read, counted from the nearer end
    view.verticalScrollBar().setValue(900_000)
    qtbot.waitUntil(lambda: 4500 in model.cached_pages())
    assert view.rowAt(0) == 900_000
    assert _shown(view)[0] == str(MILLION - 1 - 900_000)
    assert source.reads[-1] == ("from-end", MILLION - 900_200, 200)
    assert len(source.reads) <= 3  # the first page at show, the page at 900,000 (+ a neighbour)

    # scrolling on reads the next page by key (cheap), not by position
    before = len(source.reads)
    view.verticalScrollBar().setValue(900_200)
    qtbot.waitUntil(lambda: 4501 in model.cached_pages())
    assert [r[0] for r in source.reads[before:]] == ["keyset"]

    # the very last row
    view.scrollToBottom()
    qtbot.waitUntil(lambda: MILLION // 200 - 1 in model.cached_pages())
    last = model.index(MILLION - 1, 0)
    assert model.data(last) == "0"
    assert source.reads[-1][0] == "from-end" and source.reads[-1][1] == 0

    assert len(model.cached_pages()) <= model.max_pages
    assert len(source.reads) <= 8


def test_page_cache_stays_bounded(qtbot: Any) -> None:
    model = PagedTableModel(
        NUMBERS, source=CountingSource(50_000), max_pages=4, background_count=False
    )
    for row in range(0, 50_000, 997):
        assert model.data(model.index(row, 0)) == str(50_000 - 1 - row)
    assert len(model.cached_pages()) == 4


def test_rows_read_by_key_match_rows_read_by_position() -> None:
    source = CountingSource(10_000)
    by_key = PagedTableModel(NUMBERS, source=source, background_count=False)
    by_position = PagedTableModel(NUMBERS, source=CountingSource(10_000), background_count=False)
    for row in range(10_000):  # walking down reads every page after the first by key
        by_key.data(by_key.index(row, 0))
    assert {how for how, _s, _l in source.reads[1:]} == {"keyset"}
    for row in (0, 199, 200, 5_555, 9_999):
        assert by_key.data(by_key.index(row, 1)) == by_position.data(by_position.index(row, 1))


def test_model_tester_on_synthetic_rows(qtmodeltester: Any) -> None:
    # the tester visits every row, so a million would only measure the tester
    model = PagedTableModel(NUMBERS, source=CountingSource(5_000), background_count=False)
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, 0)) == "0"


# --- over a real vault ------------------------------------------------------------------


def _model(session: Session, **kw: Any) -> PagedTableModel:
    source = source_for(SEIZURES, session.ctx, **kw)
    return PagedTableModel(SEIZURES, session, source, background_count=False)


def _sql(session: Session, sql: str, **params: Any) -> list[Any]:
    with session.ctx.reading() as conn:
        return [r[0] for r in conn.execute(text(sql), params)]


def test_list_opens_before_it_is_counted(
    seizure_session: Session, qtbot: Any, qtmodeltester: Any
) -> None:
    source = source_for(SEIZURES, seizure_session.ctx)
    model = PagedTableModel(SEIZURES, seizure_session, source)  # counts in the background
    qtmodeltester.check(model)
    assert not model.is_counted
    assert model.rowCount() == model.page_size  # the first page, shown at once
    with qtbot.waitSignal(model.counted) as blocker:
        pass
    assert blocker.args == [N_SEIZURES] and model.rowCount() == N_SEIZURES
    # a new order of the same rows re-uses the count
    model.sort(
        SEIZURES.columns.index(SEIZURES.column("kg_equivalent")), Qt.SortOrder.AscendingOrder
    )
    assert model.is_counted and model.rowCount() == N_SEIZURES
    # a short list is counted by its first page
    model.set_source(source_for(SEIZURES, seizure_session.ctx, text=MARKER))
    assert model.is_counted and model.rowCount() == N_SEIZURES // MARKED_EVERY
    # a count that arrives after the officer moved on is dropped
    model.set_source(source_for(SEIZURES, seizure_session.ctx, filters={"country": "AFG"}))
    model.set_source(source_for(SEIZURES, seizure_session.ctx, filters={"country": "IRN"}))
    qtbot.waitUntil(lambda: model.is_counted)
    assert model.rowCount() == N_SEIZURES // 4
    for row in range(0, model.rowCount(), 97):
        assert (model.row(row) or {})["country"] == "IRN"


def test_model_tester_on_seizures(seizure_session: Session, qtmodeltester: Any) -> None:
    model = _model(seizure_session)
    qtmodeltester.check(model)
    assert model.rowCount() == N_SEIZURES
    # resets (sort, search, clear) keep the model consistent under the tester's eye
    model.sort(
        SEIZURES.columns.index(SEIZURES.column("kg_equivalent")), Qt.SortOrder.AscendingOrder
    )
    model.set_source(source_for(SEIZURES, seizure_session.ctx, text=MARKER))
    model.clear()
    assert model.rowCount() == 0


def test_rows_show_codes_with_labels(seizure_session: Session) -> None:
    model = _model(seizure_session)
    first = model.row(0)
    assert first is not None
    country = model.index(0, SEIZURES.columns.index(SEIZURES.column("country")))
    drug = model.index(0, SEIZURES.columns.index(SEIZURES.column("drug")))
    labels = {"AFG": "Afghanistan", "TJK": "Tajikistan", "IRN": "Iran", "UZB": "Uzbekistan"}
    assert model.data(country) == f"{first['country']} — {labels[first['country']]}"
    assert model.data(drug).startswith(f"{first['drug']} — ")
    assert model.data(model.index(0, 0), PagedTableModel.RecordIdRole) == first["id"]


def test_rows_follow_the_sql_order(seizure_session: Session) -> None:
    model = _model(seizure_session)
    expected = _sql(
        seizure_session,
        "SELECT id FROM seizure WHERE deleted_at IS NULL ORDER BY seized_on DESC, id DESC",
    )
    for row in (0, 1, 199, 200, 2_345, N_SEIZURES - 1):
        assert model.data(model.index(row, 0), PagedTableModel.RecordIdRole) == expected[row]


def test_scrolling_far_reads_only_pages_near_the_viewport(
    seizure_session: Session, qtbot: Any
) -> None:
    model = _model(seizure_session)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.verticalHeader().hide()
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: 0 in model.cached_pages())
    model.fetch_log.clear()

    target = N_SEIZURES - 300  # page 18 of 20
    view.scrollTo(model.index(target, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    qtbot.waitUntil(lambda: target // 200 in model.cached_pages())
    pages = {page for page, _how in model.fetch_log}
    assert pages <= {target // 200 - 1, target // 200, target // 200 + 1}
    assert len(model.fetch_log) <= 2


def test_sort_by_header_is_pushed_to_sql(seizure_session: Session) -> None:
    model = _model(seizure_session)
    kg = SEIZURES.columns.index(SEIZURES.column("kg_equivalent"))
    model.sort(kg, Qt.SortOrder.AscendingOrder)
    smallest = _sql(
        seizure_session,
        "SELECT id FROM seizure WHERE deleted_at IS NULL ORDER BY kg_equivalent, id LIMIT 3",
    )
    assert [model.data(model.index(r, 0), PagedTableModel.RecordIdRole) for r in range(3)] == (
        smallest
    )
    model.sort(kg, Qt.SortOrder.DescendingOrder)
    largest = _sql(seizure_session, "SELECT max(kg_equivalent) FROM seizure")[0]
    assert (model.row(0) or {})["kg_equivalent"] == largest
    assert model.sort_column() == kg


def test_unsortable_column_keeps_the_order(seizure_session: Session) -> None:
    model = _model(seizure_session)
    first = model.data(model.index(0, 0), PagedTableModel.RecordIdRole)
    place = SEIZURES.columns.index(SEIZURES.column("place"))
    assert not SEIZURES.columns[place].sortable
    model.sort(place, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, 0), PagedTableModel.RecordIdRole) == first
    assert model.sort_column() == 0


def test_search_uses_full_text(seizure_session: Session) -> None:
    model = _model(seizure_session, text=MARKER)
    assert model.rowCount() == N_SEIZURES // MARKED_EVERY
    for row in range(model.rowCount()):
        assert MARKER in (model.row(row) or {})["notes"]


def test_filters_narrow_the_rows(seizure_session: Session) -> None:
    filters = {
        "country": "TJK",
        "drug": "OPIUM",
        "date_from": "2026-01-01",
        "date_to": "2026-06-30",
    }
    model = _model(seizure_session, filters=filters)
    expected = _sql(
        seizure_session,
        "SELECT count(*) FROM seizure WHERE country='TJK' AND drug='OPIUM' "
        "AND seized_on BETWEEN '2026-01-01' AND '2026-06-30'",
    )[0]
    assert 0 < model.rowCount() == expected
    for row in range(model.rowCount()):
        values = model.row(row) or {}
        assert values["country"] == "TJK" and values["drug"] == "OPIUM"
        assert "2026-01-01" <= values["seized_on"] <= "2026-06-30"


def test_an_empty_vault_has_an_empty_list(session: Session, qtmodeltester: Any) -> None:
    model = _model(session)
    qtmodeltester.check(model)
    assert model.rowCount() == 0
    assert model.data(model.index(0, 0)) is None
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Date"


def test_a_locked_vault_gives_blank_rows_not_an_exception(seizure_session: Session) -> None:
    model = _model(seizure_session)
    seizure_session.vault.lock()
    assert model.data(model.index(N_SEIZURES - 1, 0)) is None  # the read failed quietly
    model.refresh()
    assert model.rowCount() == 0


@pytest.mark.parametrize("descending", [True, False])
def test_mirror_read_equals_forward_read(seizure_session: Session, descending: bool) -> None:
    source = EntitySource(seizure_session.ctx, ListQuery("seizure", descending=descending))
    n = source.count()
    assert [r["id"] for r in source.rows_from_end(0, 50)] == [
        r["id"] for r in source.rows_at(n - 50, 50)
    ]


def test_no_children(seizure_session: Session) -> None:
    model = _model(seizure_session)
    assert model.columnCount(model.index(0, 0)) == 0
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
