"""The field table (services.fields) agrees with the models and the shipped reference data."""

from __future__ import annotations

import pytest

from pp_desktop.models import ENTITIES, REFERENCE_KINDS, SYNC_COLUMN_NAMES
from pp_desktop.services.fields import FIELDS, NOT_FUTURE, field_names
from pp_desktop.services.records import table

NOT_EDITABLE = {"attachment": {"data"}}  # bytes travel apart from the fields


def test_every_entity_has_fields_and_vice_versa():
    assert set(FIELDS) == set(ENTITIES)


@pytest.mark.parametrize("entity", sorted(FIELDS))
def test_fields_are_exactly_the_non_sync_columns(entity):
    cols = {c.name for c in table(entity).columns} - set(SYNC_COLUMN_NAMES)
    assert set(field_names(entity)) == cols - NOT_EDITABLE.get(entity, set())
    assert len(field_names(entity)) == len(set(field_names(entity)))


@pytest.mark.parametrize("entity", sorted(FIELDS))
def test_reference_and_record_links_point_somewhere(entity):
    for f in FIELDS[entity]:
        if f.kind in {"ref", "refs"}:
            assert f.ref in REFERENCE_KINDS, f"{entity}.{f.name}"
        if f.kind == "fk":
            assert f.ref in ENTITIES, f"{entity}.{f.name}"
            fks = {fk.parent.name: fk.column.table.name for fk in table(entity).foreign_keys}
            assert fks.get(f.name) == table(f.ref).name, f"{entity}.{f.name} has no FK"


def test_not_future_fields_are_dates():
    kinds = {f.name: f.kind for fs in FIELDS.values() for f in fs}
    assert {kinds[n] for n in NOT_FUTURE} == {"date"}


def test_every_default_code_is_a_known_code(ctx):
    refs = ctx.refs()
    for entity, fields in FIELDS.items():
        for f in fields:
            if f.kind == "ref" and f.default not in ("", None):
                assert refs.known(f.ref, str(f.default)), f"{entity}.{f.name}={f.default}"


@pytest.mark.parametrize("entity", ["seizure", "price", "project", "recommendation"])
def test_personal_fields_are_only_on_contacts(entity):
    assert not any(f.personal for f in FIELDS[entity])
