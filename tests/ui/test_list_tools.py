"""List tools: the column chooser (menu entries by objectName), the column layout remembered
per list across windows, and the province filter narrowed to the chosen country."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from pp_desktop.ui.main_window import MainWindow
from pp_desktop.ui.record_list_page import RecordListPage
from pp_desktop.ui.session import Session


@pytest.fixture
def make_window(qtbot: Any, seizure_session: Session) -> Iterator[Any]:
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        w = MainWindow(seizure_session, "seizures")
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        windows.append(w)
        return w

    yield make
    for w in windows:
        w.close_quietly()


def _seizures(window: MainWindow) -> RecordListPage:
    page = window.page("seizures")
    assert isinstance(page, RecordListPage)
    return page


def test_column_chooser_hides_and_shows_columns(make_window: Any) -> None:
    page = _seizures(make_window())
    menu = page.column_menu()
    province = next(a for a in menu.actions() if a.objectName() == "column_province")
    first = next(a for a in menu.actions() if a.objectName() == "column_seized_on")
    assert province.isChecked() and not first.isEnabled()  # the date always stays
    province.trigger()
    assert page.hidden_columns() == ["province"]
    assert page.view.horizontalHeader().isSectionHidden(2)
    province.trigger()
    assert page.hidden_columns() == []


def test_column_layout_is_remembered_per_list(make_window: Any) -> None:
    page = _seizures(make_window())
    page.set_column_visible(7, False)  # transport
    header = page.view.horizontalHeader()
    header.moveSection(header.visualIndex(4), 1)  # drug right after the date
    header.resizeSection(3, 211)
    page.window().close()

    again = _seizures(make_window())
    header = again.view.horizontalHeader()
    assert again.hidden_columns() == ["transport_mode"]
    assert header.visualIndex(4) == 1
    assert header.sectionSize(3) == 211
    prices = make_window().navigate("prices")
    assert isinstance(prices, RecordListPage) and prices.hidden_columns() == []


def test_province_filter_offers_the_chosen_countrys_provinces(make_window: Any, qtbot: Any) -> None:
    page = _seizures(make_window())
    assert page.filters is not None
    province = page.filters.combo("province")
    assert not province.isEnabled()  # choose a country first
    page.filters.combo("country").set_code("AFG")
    assert province.isEnabled()
    labels = page.session.labels
    codes = [province.itemData(i) for i in range(1, province.count())]
    assert codes and all(labels.parent("province", c) == "AFG" for c in codes)
    province.set_code(codes[0])
    assert page.filters.values() == {"country": "AFG", "province": codes[0]}
    page.filters.combo("country").set_code("TJK")  # the province no longer applies
    assert province.code() is None
    assert page.filters.values() == {"country": "TJK"}
