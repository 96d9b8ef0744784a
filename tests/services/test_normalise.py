"""normalise(): the one place where input values become stored values."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pp_desktop.services import ValidationFailed
from pp_desktop.services.fields import FIELDS, field_map
from pp_desktop.services.records import normalise

CODES = st.sampled_from(["AFG", "TJK", "uzb", "Kaz", "irn", "PAK", "rus"])


def test_strings_are_stripped_and_codes_upper_cased():
    out = normalise("seizure", {"place": "  Hairatan ", "country": " afg ", "drug": "heroin"})
    assert out == {"place": "Hairatan", "country": "AFG", "drug": "HEROIN"}


def test_dates_become_iso_text():
    out = normalise(
        "project", {"planned_start": date(2025, 1, 2), "actual_start": datetime(2025, 3, 4, 5, 6)}
    )
    assert out == {"planned_start": "2025-01-02", "actual_start": "2025-03-04"}


@pytest.mark.parametrize(
    ("field", "entity"),
    [
        ("quantity", "seizure"),
        ("persons_arrested", "seizure"),
        ("seized_on", "seizure"),
        ("organisation_id", "contact"),
    ],
)
def test_blank_numbers_dates_and_references_become_null(field, entity):
    assert normalise(entity, {field: ""}) == {field: None}
    assert normalise(entity, {field: "   "}) == {field: None}


def test_zero_is_not_blank():
    assert normalise("seizure", {"quantity": 0, "persons_arrested": 0}) == {
        "quantity": 0,
        "persons_arrested": 0,
    }


def test_unknown_field_is_refused_by_name():
    with pytest.raises(ValidationFailed) as info:
        normalise("seizure", {"weight": 1})
    assert [i.field for i in info.value.issues] == ["weight"]


def test_code_lists_from_a_list():
    out = normalise("seizure", {"transit_countries": ["uzb", " kaz ", ""]})
    assert set(out["transit_countries"].split()) == {"UZB", "KAZ"}


# --- properties --------------------------------------------------------------------------------

ENTITY_VALUES = st.sampled_from(sorted(FIELDS)).flatmap(
    lambda e: st.tuples(
        st.just(e),
        st.dictionaries(
            st.sampled_from([f.name for f in FIELDS[e]]),
            st.one_of(
                st.none(),
                st.booleans(),
                st.integers(-5, 5),
                st.floats(allow_nan=False),
                st.text(max_size=12),
                st.dates(),
                st.lists(CODES, max_size=4),
            ),
            max_size=6,
        ),
    )
)


@settings(max_examples=400, deadline=None)
@given(ENTITY_VALUES)
def test_normalise_is_idempotent(entity_values):
    entity, values = entity_values
    once = normalise(entity, values)
    assert normalise(entity, once) == once
    assert set(once) == set(values)


@settings(max_examples=400, deadline=None)
@given(ENTITY_VALUES)
def test_normalised_values_are_storable(entity_values):
    entity, values = entity_values
    fmap = field_map(entity)
    for name, value in normalise(entity, values).items():
        assert not isinstance(value, list | tuple | set | date)
        if isinstance(value, str):
            assert value == value.strip()
            if fmap[name].kind in {"ref", "refs"}:
                assert value == value.upper()
        if fmap[name].kind in {"int", "float", "date", "fk"}:
            assert value != ""


@settings(max_examples=200, deadline=None)
@given(st.lists(CODES, min_size=1, max_size=5))
def test_a_code_list_means_the_same_as_a_list_or_as_text(codes):
    """The same countries typed as text or picked in a list must be stored identically, or an
    unchanged record looks changed to the journal (spurious sync changes and conflicts)."""
    as_list = normalise("seizure", {"transit_countries": codes})
    as_text = normalise("seizure", {"transit_countries": " ".join(codes)})
    assert as_list == as_text


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2026, 11, 28)))
def test_every_accepted_date_spelling_is_stored_as_yyyy_mm_dd(d):
    for spelling in (d, d.isoformat(), f" {d.isoformat()} "):
        assert normalise("seizure", {"seized_on": spelling}) == {"seized_on": d.isoformat()}
