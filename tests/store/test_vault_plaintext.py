"""No plaintext of user data on disk: database, WAL, SHM, key files and backups are scanned for
known marker strings (UTF-8, UTF-16), with the vault open and after it is locked (DESIGN §3)."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest

from pp_desktop.services import Services, records
from pp_desktop.services.attachments import add_attachment, attachment_bytes
from pp_desktop.services.queries import ListQuery, count
from pp_desktop.store import OfficerProfile, Vault
from pp_desktop.store import keyfile as kf
from tests.conftest import PASSPHRASE, TODAY
from tests.store.vaulttest_helpers import all_files, scan_for


@pytest.fixture
def markers() -> dict[str, str]:
    """Unique words (one FTS token each: the index stores them lower-cased)."""
    tag = uuid.uuid4().hex[:10]
    return {
        "place": f"Zarafshonobod{tag}",
        "notes": f"Informantnote{tag}",
        "source": f"Casefile{tag}",
        "cyrillic": f"Хорогкишлак{tag}",
        "price_place": f"Bazaarkhorog{tag}",
        "organisation": f"Drugcontrolagency{tag}",
        "contact": f"Rustamjon{tag}",
        "email": f"r.{tag}@mvd.example.tj",
        "phone": f"+992 93 {tag}",
        "project": f"Bordermanagement{tag}",
        "recommendation": f"Strengthenprofiling{tag}",
        "progress": f"Trainingheld{tag}",
        "attachment_name": f"report{tag}.pdf",
        "attachment_body": f"Secretsurveillance{tag}",
        "officer": f"Officername{tag}",
    }


def _write_markers(ctx: Services, m: dict[str, str]) -> None:
    ctx.vault.set_profile(OfficerProfile(m["officer"], "TJK", "laptop"))
    seizure = records.create(
        ctx,
        "seizure",
        {
            "seized_on": "2026-10-01",
            "country": "TJK",
            "drug": "HEROIN",
            "quantity": 12.5,
            "unit": "KG",
            "place": m["place"],
            "notes": f"{m['notes']} near {m['cyrillic']}",
            "source_ref": m["source"],
        },
    ).created[0]
    records.create(
        ctx,
        "price",
        {
            "observed_on": "2026-09-01",
            "country": "TJK",
            "drug": "HEROIN",
            "place": m["price_place"],
            "price_typical": 40.0,
            "notes": m["notes"],
        },
    )
    org = records.create(ctx, "organisation", {"name": m["organisation"], "country": "TJK"})
    org_id = org.created[0]
    contact = records.create(
        ctx,
        "contact",
        {
            "name": m["contact"],
            "organisation_id": org_id,
            "email": m["email"],
            "phone": m["phone"],
        },
    ).created[0]
    records.create(
        ctx,
        "project",
        {
            "identifier": f"XM-DAC-41127-{m['project'][-10:]}",
            "title": m["project"],
            "implementing_org_id": org_id,
            "contact_id": contact,
            "beneficiary_country": "TJK",
        },
    )
    rec = records.create(
        ctx,
        "recommendation",
        {"code": f"PP-{m['recommendation'][-10:]}", "text": m["recommendation"]},
    ).created[0]
    records.create(
        ctx,
        "progress_note",
        {"recommendation_id": rec, "noted_on": "2026-11-01", "note": m["progress"]},
    )
    att = add_attachment(
        ctx,
        "seizure",
        seizure,
        m["attachment_name"],
        f"%PDF-1.4 {m['attachment_body']} {m['attachment_body']}".encode(),
    ).created[0]
    # the data really is in the vault (so that finding nothing means something)
    assert records.get(ctx, "seizure", seizure)["place"] == m["place"]
    assert m["attachment_body"].encode() in attachment_bytes(ctx, att)
    assert count(ctx, ListQuery("seizure", text=m["place"])) == 1


def test_scanner_finds_plaintext(tmp_path: Path, markers: dict[str, str]) -> None:
    """Positive control: the same scan finds the markers in an unencrypted database."""
    for enc in ("UTF-8", "UTF-16le"):
        db = tmp_path / f"plain-{enc}.db"
        conn = sqlite3.connect(db)
        conn.execute(f"PRAGMA encoding = '{enc}'")
        conn.execute("CREATE TABLE t(v TEXT)")
        conn.executemany("INSERT INTO t VALUES (?)", [(v,) for v in markers.values()])
        conn.commit()
        conn.close()
        found = scan_for([db], list(markers.values()))
        assert len({f.split(": ", 1)[1].split(" (")[0] for f in found}) >= len(markers)


def test_no_plaintext_in_vault_files_and_backup(
    ctx: Services, markers: dict[str, str], tmp_path: Path, recovery_key: str
) -> None:
    from pp_desktop.store.backup import backup

    vault: Vault = ctx.vault
    folder = vault.folder
    needles = list(markers.values())
    secrets_ = [recovery_key, recovery_key.replace("-", ""), vault.dek.hex(), PASSPHRASE]
    _write_markers(ctx, markers)

    # open: the latest writes sit in the WAL
    files = all_files(folder)
    names = {p.name for p in files}
    assert {"vault.db", "vault.db-wal", "vault.db-shm", "vault.key", "vault.key.bak"} <= names
    assert (folder / "vault.db-wal").stat().st_size > 0
    assert scan_for(files, needles) == []
    assert scan_for(files, secrets_) == []
    raw_dek = vault.dek
    assert not any(raw_dek in p.read_bytes() for p in files)

    # a backup made while the vault is open
    dest = tmp_path / "backup"
    backup(vault, dest)
    backup_files = all_files(dest)
    assert {"vault.db", "vault.key", "manifest.json"} <= {p.name for p in backup_files}
    assert scan_for(backup_files, needles) == []
    assert scan_for(backup_files, secrets_) == []
    assert not any(raw_dek in p.read_bytes() for p in backup_files)
    leftovers = {p.parent for p in all_files(tmp_path) if folder not in p.parents}
    assert leftovers <= {dest}  # no temporary folder left beside the backup

    # locked: WAL and SHM are gone, nothing readable remains
    vault.lock()
    files = all_files(folder)
    assert {p.name for p in files} == {"vault.db", *kf.KEYFILE_NAMES}
    assert scan_for(files, needles) == []
    assert scan_for(files, secrets_) == []
    assert not any(raw_dek in p.read_bytes() for p in files)

    # and the data is still there behind the passphrase
    again = Vault.unlock(folder, PASSPHRASE)
    try:
        assert count(Services(again, today=lambda: TODAY), ListQuery("seizure", text="")) >= 1
    finally:
        again.lock()
