"""First pages read off the UI thread: a slow query leaves the UI free and the old rows shown,
typing on keeps only the newest request, and locking drops a read in flight."""

from __future__ import annotations

import threading
import time
from typing import Any

from pp_desktop.ui.page_sources import Key
from pp_desktop.ui.paged_table_model import PagedTableModel
from tests.ui.test_paged_model import NUMBERS, CountingSource


class GatedSource(CountingSource):
    """Synthetic rows whose first page waits for ``gate`` (a slow SQL query)."""

    def __init__(self, n: int, gate: threading.Event, name: str) -> None:
        super().__init__(n)
        self.gate = gate
        self.name = name
        self.first_reads = 0

    @property
    def count_key(self) -> tuple[str, int]:
        return (self.name, self.n)

    def rows_after(self, key: Key | None, limit: int) -> list[dict[str, Any]]:
        if key is None:
            self.first_reads += 1
            assert self.gate.wait(10)
        return super().rows_after(key, limit)


def _model(qtbot: Any) -> PagedTableModel:
    model = PagedTableModel(NUMBERS, background_count=False, background_reads=True)
    model.first_page_wait = 0.02
    return model


def test_a_slow_first_page_does_not_block_and_keeps_the_old_rows(qtbot: Any) -> None:
    model = _model(qtbot)
    model.set_source(CountingSource(50))  # fast: shown within the short wait
    assert model.rowCount() == 50 and not model.loading

    gate = threading.Event()
    slow = GatedSource(1000, gate, "slow")
    started = time.perf_counter()
    with qtbot.waitSignal(model.loadingChanged, timeout=2000):
        model.set_source(slow)
    assert time.perf_counter() - started < 0.5  # the UI thread went on
    assert model.loading and model.latest_source is slow
    assert model.rowCount() == 50 and model.data(model.index(0, 0)) == "49"  # old rows
    with qtbot.waitSignal(model.sourceChanged, timeout=5000):
        gate.set()
    assert not model.loading and model.source is slow
    assert model.rowCount() == 1000 and model.data(model.index(0, 0)) == "999"


def test_typing_on_keeps_only_the_newest_request(qtbot: Any) -> None:
    model = _model(qtbot)
    gate = threading.Event()
    first = GatedSource(300, gate, "k")
    skipped = GatedSource(400, gate, "ka")
    newest = GatedSource(500, gate, "kab")
    model.set_source(first)
    model.set_source(skipped)  # waits behind the running read …
    model.set_source(newest)  # … and is replaced: never read
    assert model.latest_source is newest
    gate.set()
    qtbot.waitUntil(lambda: model.source is newest and not model.loading, timeout=5000)
    assert first.first_reads == 1 and skipped.first_reads == 0 and newest.first_reads == 1
    assert model.rowCount() == 500


def test_locking_drops_a_read_in_flight(qtbot: Any) -> None:
    model = _model(qtbot)
    gate = threading.Event()
    slow = GatedSource(300, gate, "slow")
    model.set_source(slow)
    assert model.loading
    model.clear()
    assert model.source is None and model.rowCount() == 0 and not model.loading
    gate.set()
    qtbot.wait(200)  # the read arrives and is dropped
    assert model.source is None and model.rowCount() == 0


def test_the_model_tester_passes_across_a_background_read(qtbot: Any, qtmodeltester: Any) -> None:
    model = _model(qtbot)
    model.set_source(CountingSource(120))
    qtmodeltester.check(model)
    gate = threading.Event()
    model.set_source(GatedSource(800, gate, "later"))
    gate.set()
    qtbot.waitUntil(lambda: model.rowCount() == 800, timeout=5000)
    qtmodeltester.check(model)
