"""The ORM models and the migrated vault schema never drift apart; every entity syncs."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Boolean, Integer, String, text
from sqlalchemy.dialects import sqlite

from pp_desktop.models import ENTITIES, REFERENCE_KINDS, SYNC_COLUMN_NAMES, Base, SyncColumns

# Tables the migrations make that the ORM does not map: Alembic's own and the FTS5 index.
UNMAPPED = {"alembic_version"}
FTS_SUFFIXES = ("_fts", "_fts_data", "_fts_idx", "_fts_docsize", "_fts_config", "_fts_content")


def pragma(vault: Any, sql: str) -> list[dict[str, Any]]:
    with vault.read() as conn:
        return [dict(r) for r in conn.execute(text(sql)).mappings()]


def vault_tables(vault: Any) -> set[str]:
    rows = pragma(vault, "SELECT name FROM sqlite_master WHERE type='table'")
    return {
        r["name"]
        for r in rows
        if r["name"] not in UNMAPPED
        and not r["name"].endswith(FTS_SUFFIXES)
        and not r["name"].startswith("sqlite_")
    }


def test_every_table_of_the_models_is_in_the_vault_and_nothing_else(vault):
    assert vault_tables(vault) == set(Base.metadata.tables)


@pytest.mark.parametrize("name", sorted(Base.metadata.tables))
def test_columns_match_pragma_table_info(vault, name):
    table = Base.metadata.tables[name]
    info = {r["name"]: r for r in pragma(vault, f"PRAGMA table_info('{name}')")}
    assert set(info) == {c.name for c in table.columns}, "column names differ"
    dialect = sqlite.dialect()
    for col in table.columns:
        row = info[col.name]
        declared = col.type.compile(dialect=dialect)
        assert row["type"].upper() == declared.upper(), f"{name}.{col.name} type"
        if not col.primary_key:
            assert bool(row["notnull"]) == (not col.nullable), f"{name}.{col.name} nullability"
        assert bool(row["pk"]) == col.primary_key, f"{name}.{col.name} primary key"


@pytest.mark.parametrize("name", sorted(Base.metadata.tables))
def test_indexes_and_unique_constraints_match(vault, name):
    table = Base.metadata.tables[name]
    rows = pragma(vault, f"PRAGMA index_list('{name}')")
    in_vault = {}
    for r in rows:
        if r["origin"] == "pk":
            continue
        cols = tuple(c["name"] for c in pragma(vault, f"PRAGMA index_info('{r['name']}')"))
        in_vault[cols] = bool(r["unique"])
    expected = {tuple(c.name for c in ix.columns): bool(ix.unique) for ix in table.indexes}
    for uc in table.constraints:
        if uc.__class__.__name__ == "UniqueConstraint":
            expected[tuple(c.name for c in uc.columns)] = True
    for col in table.columns:
        if col.unique:
            expected[(col.name,)] = True
    assert in_vault == expected


@pytest.mark.parametrize("name", sorted(Base.metadata.tables))
def test_foreign_keys_match(vault, name):
    table = Base.metadata.tables[name]
    rows = pragma(vault, f"PRAGMA foreign_key_list('{name}')")
    in_vault = {(r["from"], r["table"], r["to"]) for r in rows}
    expected = {(fk.parent.name, fk.column.table.name, fk.column.name) for fk in table.foreign_keys}
    assert in_vault == expected


def test_alembic_sees_no_difference_between_models_and_vault(vault):
    """The same check `alembic revision --autogenerate` makes: an empty diff."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    def include(obj: Any, name: str | None, type_: str, reflected: bool, _compare: Any) -> bool:
        return not (
            type_ == "table"
            and name is not None
            and (name in UNMAPPED or name.endswith(FTS_SUFFIXES))
        )

    with vault.read() as conn:
        mc = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": include}
        )
        diff = compare_metadata(mc, Base.metadata)
    assert diff == []


def test_vault_is_at_the_latest_migration(vault):
    from pp_desktop.store.migrate import head_revision

    rows = pragma(vault, "SELECT version_num FROM alembic_version")
    assert [r["version_num"] for r in rows] == [head_revision()]


# --- the synchronised entities -------------------------------------------------------------------


@pytest.mark.parametrize("entity", sorted(ENTITIES))
def test_every_entity_has_the_sync_columns(entity):
    cls = ENTITIES[entity]
    assert issubclass(cls, SyncColumns)
    cols = cls.__table__.columns  # type: ignore[attr-defined]
    assert set(SYNC_COLUMN_NAMES) <= {c.name for c in cols}
    assert [c.name for c in cols if c.primary_key] == ["id"]
    assert isinstance(cols["id"].type, String)
    assert cols["id"].type.length >= 36
    assert isinstance(cols["version"].type, Integer)
    for name in (
        "version",
        "hlc",
        "origin_device",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
    ):
        assert not cols[name].nullable, name
    assert cols["deleted_at"].nullable  # the tombstone


def test_sync_column_names_are_exactly_the_mixin_columns():
    mixin = {
        name
        for name in dir(SyncColumns)
        if not name.startswith("_") and name not in {"metadata", "registry"}
    }
    assert set(SYNC_COLUMN_NAMES) == mixin


def test_entities_cover_every_synced_table():
    synced = {
        t.name
        for t in Base.metadata.sorted_tables
        if set(SYNC_COLUMN_NAMES) <= {c.name for c in t.columns}
    }
    assert synced == {cls.__table__.name for cls in ENTITIES.values()}  # type: ignore[attr-defined]
    assert {
        "seizure",
        "price_observation",
        "organisation",
        "contact",
        "project",
        "project_donor",
        "recommendation",
        "progress_note",
        "recommendation_project",
        "attachment",
    } == synced


@pytest.mark.parametrize("table", ["seizure", "price_observation", "project"])
def test_confidentiality_level_on_field_data(table):
    col = Base.metadata.tables[table].columns["confidentiality"]
    assert not col.nullable


def test_not_known_quantity_is_representable():
    cols = Base.metadata.tables["seizure"].columns
    assert isinstance(cols["quantity_known"].type, Boolean)
    assert cols["quantity"].nullable
    assert cols["kg_equivalent"].nullable


def test_ledger_tables_are_not_synced_entities():
    names = {cls.__table__.name for cls in ENTITIES.values()}  # type: ignore[attr-defined]
    assert not names & {"audit_entry", "sync_journal", "vault_meta", "reference_code"}


def test_reference_kinds_have_codes_in_the_vault(vault):
    rows = pragma(vault, "SELECT kind, count(*) AS n FROM reference_code GROUP BY kind")
    counts = {r["kind"]: r["n"] for r in rows}
    assert set(counts) <= set(REFERENCE_KINDS)
    missing = [k for k in REFERENCE_KINDS if not counts.get(k)]
    assert missing == []
