"""A vault made at the first schema revision upgrades to every later revision without loss.

The fixture (tests/fixtures/vault_rev0001/, made once by tests/fixtures/make_vault_rev0001.py)
holds records of every entity; vault_rev0001_expected.json lists them exactly as stored. New
revisions are picked up automatically: each is reached step by step from 0001 and every expected
record must still be there with identical values (columns added later are ignored; a revision that
renames or drops a column must say here how old values map).
"""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text

from pp_desktop.services import Services, records
from pp_desktop.services.ledger import verify_chain
from pp_desktop.services.queries import ListQuery, count
from pp_desktop.store import Vault, WrongPassphrase, migrate
from pp_desktop.store import keyfile as kf
from pp_desktop.store.engine import make_engine
from tests.conftest import TODAY

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURE = FIXTURES / "vault_rev0001"
EXPECTED: dict[str, Any] = json.loads((FIXTURES / "vault_rev0001_expected.json").read_text("utf-8"))
PASSPHRASE = EXPECTED["passphrase"]
PK = {"audit_entry": ("seq",), "sync_journal": ("seq",), "reference_code": ("kind", "code")}


def revisions_after(base: str) -> list[str]:
    """Known revisions newer than ``base``, oldest first."""
    script = ScriptDirectory.from_config(migrate.alembic_config())
    ordered = [r.revision for r in reversed(list(script.walk_revisions("base", "heads")))]
    assert ordered[0] == base and ordered[-1] == migrate.head_revision()
    return ordered[1:]


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"$base64"}:
        return base64.b64decode(value["$base64"])
    return value


def assert_records_intact(conn: Connection, where: str) -> None:
    """Every expected row is present with identical values; entity tables gained no rows."""
    for table, rows in EXPECTED["tables"].items():
        pk = PK.get(table, ("id",))
        actual = {
            tuple(r[c] for c in pk): dict(r)
            for r in conn.execute(text(f"SELECT * FROM {table}")).mappings()
        }
        expected = {tuple(r[c] for c in pk): r for r in rows}
        assert expected, table
        if table in EXPECTED["entity_tables"]:
            assert set(actual) == set(expected), f"{where}: {table} rows differ"
        for key, row in expected.items():
            assert key in actual, f"{where}: {table} {key} lost"
            for col, value in row.items():
                got = actual[key].get(col, "<column missing>")
                if isinstance(got, memoryview):
                    got = bytes(got)
                assert got == _decode(value), f"{where}: {table} {key} {col}: {got!r}"
    meta = {str(k): str(v) for k, v in conn.execute(text("SELECT key, value FROM vault_meta"))}
    for key, value in EXPECTED["vault_meta"].items():
        assert meta.get(key) == value, f"{where}: vault_meta {key}"


@pytest.fixture
def old_vault(tmp_path: Path) -> Path:
    """A copy of the revision-0001 fixture (the committed files are never opened in place)."""
    target = tmp_path / "old-vault"
    shutil.copytree(FIXTURE, target)
    return target


def _dek(folder: Path) -> bytes:
    keys = kf.read_keyfile(folder, repair=False)
    return kf.unwrap_with_passphrase(keys.current, PASSPHRASE, keys.vault_id)


def test_fixture_is_a_clean_revision_0001_vault(old_vault: Path) -> None:
    assert sorted(p.name for p in FIXTURE.iterdir()) == ["vault.db", "vault.key", "vault.key.bak"]
    assert EXPECTED["revision"] == "0001"
    engine = make_engine(old_vault / "vault.db", _dek(old_vault))
    try:
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == "0001"
            assert_records_intact(conn, "fixture as committed")
            # the FTS tables of 0002 do not exist yet
            assert not conn.execute(
                text("SELECT 1 FROM sqlite_master WHERE name = 'seizure_fts'")
            ).first()
    finally:
        engine.dispose()


@pytest.mark.parametrize("target", revisions_after("0001"))
def test_each_revision_upgrades_without_loss(old_vault: Path, target: str) -> None:
    engine = make_engine(old_vault / "vault.db", _dek(old_vault))
    try:
        steps = revisions_after("0001")
        for rev in steps[: steps.index(target) + 1]:
            with engine.connect() as conn, conn.begin():
                assert migrate.upgrade(conn, rev) is True
                assert migrate.current_revision(conn) == rev
            with engine.connect() as conn:
                assert_records_intact(conn, f"after {rev}")
                assert verify_chain(conn).ok, f"audit chain broken after {rev}"
    finally:
        engine.dispose()


def test_unlock_upgrades_an_old_vault_to_head(old_vault: Path) -> None:
    vault = Vault.unlock(old_vault, PASSPHRASE)
    try:
        assert vault.vault_id == EXPECTED["vault_id"]
        with vault.read() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            assert_records_intact(conn, "after unlock")
            report = verify_chain(conn)
            assert report.ok and report.entries == len(EXPECTED["tables"]["audit_entry"])
        assert vault.integrity_check() == []
        ctx = Services(vault, today=lambda: TODAY)
        # full-text search (revision 0002) indexes the records that existed before it
        for word, rid in EXPECTED["fts_probes"].items():
            assert count(ctx, ListQuery("seizure", text=word)) == 1, word
            page = records.get(ctx, "seizure", rid)
            assert word.lower() in (page["notes"] + " " + page["place"]).lower()
        assert count(ctx, ListQuery("seizure", text="marshland", include_deleted=True)) == 1
        live = len([r for r in EXPECTED["tables"]["seizure"] if r["deleted_at"] is None])
        assert count(ctx, ListQuery("seizure")) == live
    finally:
        vault.lock()
    # a second unlock has nothing left to migrate and still finds everything; the upgraded
    # vault takes new records through the service layer
    again = Vault.unlock(old_vault, PASSPHRASE)
    try:
        with again.read() as conn:
            assert_records_intact(conn, "second unlock")
        ctx = Services(again, today=lambda: TODAY)
        new = records.create(
            ctx,
            "seizure",
            {"seized_on": "2026-11-01", "country": "TJK", "drug": "HEROIN", "quantity": 1.0},
        ).created[0]
        assert records.get(ctx, "seizure", new)["kg_equivalent"] == 1.0
        with again.read() as conn:
            assert verify_chain(conn).ok
    finally:
        again.lock()


def test_old_key_file_still_answers_to_its_passphrase_and_recovery_key(old_vault: Path) -> None:
    with pytest.raises(WrongPassphrase):
        Vault.unlock(old_vault, PASSPHRASE + "!")
    new_passphrase = "plinth marzipan violet ossuary"
    Vault.recover(old_vault, EXPECTED["recovery_key"], new_passphrase).lock()
    vault = Vault.unlock(old_vault, new_passphrase)
    try:
        with vault.read() as conn:
            assert_records_intact(conn, "after recovery")
    finally:
        vault.lock()
