"""Round trip: export from one vault, import into another, and every mapped field is back;
the second vault exports the same activities; re-importing changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from pp_desktop.exchange.iati import Action, export_projects, import_activities
from pp_desktop.exchange.iati.budgets import split_total, total_of
from pp_desktop.services import Services
from pp_desktop.services import records as rec
from pp_desktop.store import Vault
from tests.conftest import PASSPHRASE, TODAY
from tests.exchange.test_iati_support import (
    assert_valid,
    copy_vault,
    donor,
    ledger_size,
    link,
    org,
    project,
    project_view,
    recommendation,
    rows,
)

CODES = ("PP-BOR-2024-07", "PP-IFF-2023-02", "PP-PRE-2025-11")


@pytest.fixture
def other(template_vault: tuple[Path, str], tmp_path: Path) -> Iterator[Services]:
    """A second officer's vault, with the same recommendations (they travel by sync, not
    by IATI)."""
    vault = Vault.unlock(copy_vault(template_vault, tmp_path / "other"), PASSPHRASE)
    ctx = Services(vault, today=lambda: TODAY)
    for code in CODES:
        recommendation(ctx, code)
    yield ctx
    vault.lock()


def _fill(ctx: Services) -> list[str]:
    """Projects covering the mapped fields' variants; their identifiers."""
    eu = org(ctx, "European Union", "40", "XI-IATI-EC_INTPA")
    japan = org(ctx, "Ministry of Foreign Affairs of Japan", "10")
    unodc = org(ctx, "United Nations Office on Drugs and Crime", "40", "XM-DAC-41128")
    ngo = org(ctx, "Общественный фонд «Здоровье»", "22")
    recs = {code: recommendation(ctx, code) for code in CODES}
    a = project(ctx, implementing_org_id=unodc)
    donor(ctx, a, eu)
    donor(ctx, a, japan)
    link(ctx, recs["PP-BOR-2024-07"], a)
    link(ctx, recs["PP-IFF-2023-02"], a)
    b = project(
        ctx,
        identifier="XM-DAC-41128-KGZ-PREC",
        title="Контроль прекурсоров в Кыргызстане",
        description="Лаборатории и обучение.",
        beneficiary_country="KGZ",
        pillar="PRECURSORS",
        dac_sector="16063",
        status="4",
        planned_start="2020-01-01",
        actual_start="2020-03-01",
        planned_end="2022-12-31",
        actual_end="2023-02-28",
        budget=0.1 + 0.2,  # a float with many digits
        currency="KGS",
        implementing_org_id=ngo,
    )
    link(ctx, recs["PP-PRE-2025-11"], b)
    project(
        ctx,
        identifier="XM-DAC-41128-XKX-1",
        title="Kosovo border liaison",
        beneficiary_country="XKX",  # user-assigned XK in IATI
        pillar="",
        dac_sector="",
        status="1",
        planned_start="2027-01-01",
        actual_start=None,
        planned_end=None,
        budget=None,
        currency="USD",
    )
    project(
        ctx,
        identifier="XM-DAC-41128-LEAP",
        title="Leap-day project",
        beneficiary_country="",
        pillar="DEMAND",
        dac_sector="43050",
        status="6",
        planned_start="2024-02-29",
        actual_start="2024-02-29",
        planned_end="2029-02-28",
        budget=99_999_999.99,
        currency="USD",
    )
    return sorted(
        ["XM-DAC-41128-PPI-2025-001", "XM-DAC-41128-KGZ-PREC", "XM-DAC-41128-XKX-1",
         "XM-DAC-41128-LEAP"]
    )  # fmt: skip


def _activities(path: Path) -> list[bytes]:
    """The activities of a file, canonical, without the last-updated time (it is the vault's)."""
    out = []
    for act in etree.parse(str(path)).getroot():
        act.attrib.pop("last-updated-datetime", None)
        out.append(etree.tostring(act, method="c14n"))
    return out


def test_round_trip_is_lossless_for_the_mapped_fields(
    ctx: Services, other: Services, tmp_path: Path
) -> None:
    identifiers = _fill(ctx)
    first = tmp_path / "a.xml"
    assert sorted(export_projects(ctx, first).exported) == identifiers
    assert_valid(first)
    preview = import_activities(other, first)
    assert [i.action for i in preview.items] == [Action.NEW] * 4
    assert all(i.notes == () for i in preview.items), [i.notes for i in preview.items]
    for ident in identifiers:
        assert project_view(other, ident) == project_view(ctx, ident), ident
    second = tmp_path / "b.xml"
    export_projects(other, second)
    assert_valid(second)
    assert _activities(second) == _activities(first)


def test_reimport_into_either_vault_changes_nothing(
    ctx: Services, other: Services, tmp_path: Path
) -> None:
    _fill(ctx)
    out = tmp_path / "a.xml"
    export_projects(ctx, out)
    import_activities(other, out)
    for vault_ctx in (ctx, other):
        size = ledger_size(vault_ctx)
        versions = rows(vault_ctx, "SELECT id, version FROM project ORDER BY id")
        preview = import_activities(vault_ctx, out)
        assert {i.action for i in preview.items} == {Action.SKIP}
        assert {i.reason for i in preview.items} == {"already up to date."}
        assert ledger_size(vault_ctx) == size
        assert rows(vault_ctx, "SELECT id, version FROM project ORDER BY id") == versions


def test_changes_travel_and_update_the_same_project(
    ctx: Services, other: Services, tmp_path: Path
) -> None:
    _fill(ctx)
    out = tmp_path / "a.xml"
    export_projects(ctx, out)
    import_activities(other, out)
    pid = rows(ctx, "SELECT id FROM project WHERE identifier = 'XM-DAC-41128-LEAP'")[0]["id"]
    rec.update(ctx, "project", pid, {"status": "3", "actual_end": "2026-11-01", "budget": 5.5})
    export_projects(ctx, out)
    preview = import_activities(other, out)
    [item] = preview.of(Action.UPDATE)
    assert item.identifier == "XM-DAC-41128-LEAP"
    assert set(item.changed) == {"status", "actual_end", "budget"}
    assert project_view(other, "XM-DAC-41128-LEAP") == project_view(ctx, "XM-DAC-41128-LEAP")


@settings(max_examples=300, deadline=None)
@given(
    st.floats(min_value=0, max_value=1e12, allow_nan=False, allow_infinity=False),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    st.integers(min_value=0, max_value=12 * 366),
)
def test_budget_split_adds_up_to_the_same_float(total: float, start: date, days: int) -> None:
    end = start + timedelta(days=days)
    budgets = split_total(Decimal(repr(total)), start, end, "USD")
    back = total_of(budgets)
    assert isinstance(back, tuple)
    assert float(back[0]) == total and back[1] == "USD"
    assert all(b.value >= 0 for b in budgets)
