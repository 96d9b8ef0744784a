"""Kilogram equivalent of seizures, with factors read from resources/reference/unit.csv."""

from __future__ import annotations

import pytest

from pp_desktop.services import records as rec


def test_unit_csv_has_the_units_the_design_names(factors):
    assert factors["KG"] == 1.0
    assert factors["L"] == 1.0  # litres at 1 kg per litre (UNODC convention)
    assert 0 < factors["G"] < 1
    # a tablet weighs somewhere in 90-300 mg (DOMAIN.md)
    assert 0.00009 <= factors["TABLET"] <= 0.0003


@pytest.mark.parametrize(
    ("quantity", "unit"),
    [(1500, "G"), (2.5, "G"), (3.25, "L"), (1, "L"), (10_000, "TABLET"), (7, "TABLET"), (4, "KG")],
)
def test_kg_equivalent_from_the_unit_factor(ctx, make, factors, quantity, unit):
    rid = make.seizure(quantity=quantity, unit=unit)
    row = rec.get(ctx, "seizure", rid)
    assert row["quantity"] == quantity
    assert row["unit"] == unit
    assert row["kg_equivalent"] == pytest.approx(quantity * factors[unit], abs=1e-6)


def test_every_unit_of_the_csv_gives_a_kg_equivalent(ctx, make, factors):
    for unit, factor in factors.items():
        rid = make.seizure(quantity=1000, unit=unit)
        assert rec.get(ctx, "seizure", rid)["kg_equivalent"] == pytest.approx(
            1000 * factor, abs=1e-6
        )


def test_kg_equivalent_follows_quantity_and_unit_changes(ctx, make, factors):
    rid = make.seizure(quantity=500, unit="G")
    rec.update(ctx, "seizure", rid, {"unit": "TABLET"})
    assert rec.get(ctx, "seizure", rid)["kg_equivalent"] == pytest.approx(500 * factors["TABLET"])
    rec.update(ctx, "seizure", rid, {"quantity": 2000})
    assert rec.get(ctx, "seizure", rid)["kg_equivalent"] == pytest.approx(2000 * factors["TABLET"])


def test_kg_equivalent_given_by_the_caller_is_recomputed(ctx, make, factors):
    rid = make.seizure(quantity=2, unit="L", kg_equivalent=999.0)
    assert rec.get(ctx, "seizure", rid)["kg_equivalent"] == pytest.approx(2 * factors["L"])


def test_huge_kg_equivalent_is_a_warning_not_an_error(ctx, make):
    cs = rec.create(ctx, "seizure", make.values("seizure", quantity=60_000, unit="KG"))
    assert cs.created
    assert [w.field for w in cs.warnings] == ["quantity"]
    assert "unusually large" in cs.warnings[0].message
