"""Possible-duplicate hints for seizures, over a real vault."""

from __future__ import annotations

from pp_desktop.services import Services
from pp_desktop.services import records as rec
from pp_desktop.services.duplicates import possible_duplicates, similar_quantity
from tests.services.conftest import Make, seizure


def test_same_date_place_drug_and_similar_quantity_is_a_candidate(
    ctx: Services, make: Make
) -> None:
    rid = make.seizure(quantity=12.5, unit="KG")
    found = possible_duplicates(ctx, seizure(quantity=12_900.0, unit="G", place=" hairatan "))
    assert [c.id for c in found] == [rid]
    assert found[0].kg_equivalent == 12.5


def test_other_date_drug_place_or_quantity_is_not(ctx: Services, make: Make) -> None:
    make.seizure()
    assert possible_duplicates(ctx, seizure(seized_on="2026-10-16")) == []
    assert possible_duplicates(ctx, seizure(drug="OPIUM")) == []
    assert possible_duplicates(ctx, seizure(place="Termez")) == []
    assert possible_duplicates(ctx, seizure(country="UZB", province="")) == []
    assert possible_duplicates(ctx, seizure(quantity=20.0)) == []


def test_an_empty_place_does_not_disagree(ctx: Services, make: Make) -> None:
    rid = make.seizure(place="")
    assert [c.id for c in possible_duplicates(ctx, seizure())] == [rid]


def test_the_edited_record_and_deleted_records_are_left_out(ctx: Services, make: Make) -> None:
    first = make.seizure()
    second = make.seizure()
    assert {c.id for c in possible_duplicates(ctx, seizure(), exclude_id=first)} == {second}
    rec.delete(ctx, "seizure", [second])
    assert possible_duplicates(ctx, seizure(), exclude_id=first) == []


def test_incomplete_or_unknown_values_give_no_hint(ctx: Services, make: Make) -> None:
    make.seizure()
    assert possible_duplicates(ctx, {"seized_on": "2026-10-15", "country": "AFG"}) == []
    assert possible_duplicates(ctx, {**seizure(), "no_such_field": 1}) == []


def test_similar_quantity_rule() -> None:
    assert similar_quantity(None, None)
    assert not similar_quantity(None, 1.0)
    assert similar_quantity(100.0, 91.0)
    assert not similar_quantity(100.0, 89.0)
    assert similar_quantity(0.0, 0.0)
