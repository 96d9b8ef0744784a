"""Every write: one audit entry and one journal entry in the same transaction, versions, HLCs,
tombstones, stale edits (DESIGN §2, §4)."""

from __future__ import annotations

import json

import pytest

from pp_desktop.services import NotFound, StaleRecord, ValidationFailed, stats
from pp_desktop.services import records as rec
from pp_desktop.services.queries import ListQuery, count, list_page


def test_fresh_vault_has_reference_data_and_no_ledger_rows(db):
    assert db.scalar("SELECT count(*) FROM reference_code") > 1000
    assert db.ledger_counts() == (0, 0)


def test_reseeding_reference_data_writes_no_journal_or_audit_rows(ctx, db):
    from pp_desktop.store.reference_seed import seed_reference_data

    with ctx.vault.write() as conn:
        written = seed_reference_data(conn)
    assert written > 1000
    assert db.ledger_counts() == (0, 0)


@pytest.mark.parametrize("entity", ["seizure", "price", "project", "recommendation"])
def test_create_writes_one_audit_and_one_journal_entry(ctx, db, make, entity):
    rid = make.one(entity, make.values(entity))
    assert db.ledger_counts() == (1, 1)
    (j,) = db.journal()
    (a,) = db.audit()
    row = rec.get(ctx, entity, rid)
    assert (j["entity"], j["entity_id"], j["version"], j["hlc"]) == (entity, rid, 1, row["hlc"])
    assert (j["base_version"], j["base_hlc"], j["deleted"], j["bundle_seq"]) == (0, "", 0, None)
    assert (a["action"], a["entity"], a["entity_id"]) == ("create", entity, rid)
    assert a["who"] == "Test Officer" == row["created_by"] == row["updated_by"]
    assert a["device"] == ctx.device_id == row["origin_device"]
    assert row["version"] == 1
    assert row["deleted_at"] is None
    changes = json.loads(a["changes"])
    assert all(before is None for before, _after in changes.values())
    fields = json.loads(j["fields"])
    for name, (_before, after) in changes.items():
        assert name in fields
        assert row[name] == after


def test_every_entity_kind_is_journaled(ctx, db, make):
    org = make.organisation("Japan", kind="10")
    contact = make.contact(organisation_id=org, email="k@mvd.tj")
    pid = make.project(implementing_org_id=org, contact_id=contact)
    donor = make.one("project_donor", {"project_id": pid, "organisation_id": org, "amount": 5.0})
    rid = make.recommendation()
    note = make.one(
        "progress_note", {"recommendation_id": rid, "noted_on": "2026-11-01", "note": "x"}
    )
    link = make.one("recommendation_project", {"recommendation_id": rid, "project_id": pid})
    expected = [
        ("organisation", org),
        ("contact", contact),
        ("project", pid),
        ("project_donor", donor),
        ("recommendation", rid),
        ("progress_note", note),
        ("recommendation_project", link),
    ]
    assert [(j["entity"], j["entity_id"]) for j in db.journal()] == expected
    assert [(a["entity"], a["entity_id"]) for a in db.audit()] == expected


def test_update_bumps_version_and_journals_the_base(ctx, db, make):
    rid = make.seizure(quantity=1.0, notes="first")
    v1 = rec.get(ctx, "seizure", rid)
    cs = rec.update(ctx, "seizure", rid, {"notes": "second", "purity_pct": 60}, expected_version=1)
    assert cs.updated == [rid]
    v2 = rec.get(ctx, "seizure", rid)
    assert v2["version"] == 2
    assert v2["hlc"] > v1["hlc"]
    assert v2["created_at"] == v1["created_at"]
    assert db.ledger_counts() == (2, 2)
    j = db.journal()[-1]
    assert (j["version"], j["hlc"]) == (2, v2["hlc"])
    assert (j["base_version"], j["base_hlc"]) == (1, v1["hlc"])
    assert json.loads(j["fields"]) == ["notes", "purity_pct"]
    a = db.audit()[-1]
    assert a["action"] == "update"
    assert json.loads(a["changes"]) == {"notes": ["first", "second"], "purity_pct": [None, 60]}


def test_versions_and_hlcs_over_many_updates(ctx, db, make):
    rid = make.seizure(quantity=1.0)
    hlcs = [rec.get(ctx, "seizure", rid)["hlc"]]
    for i in range(2, 12):
        rec.update(ctx, "seizure", rid, {"quantity": float(i)}, expected_version=i - 1)
        row = rec.get(ctx, "seizure", rid)
        assert row["version"] == i
        hlcs.append(row["hlc"])
    assert hlcs == sorted(hlcs)
    assert len(set(hlcs)) == len(hlcs)
    journal = db.journal()
    assert [j["version"] for j in journal] == list(range(1, 12))
    assert [j["base_version"] for j in journal] == list(range(11))
    assert [j["base_hlc"] for j in journal] == ["", *hlcs[:-1]]
    assert [j["hlc"] for j in journal] == hlcs
    # the clock is persisted with the data
    assert db.scalar("SELECT value FROM vault_meta WHERE key='hlc_last'") == hlcs[-1]


def test_hlc_keeps_increasing_across_services_objects(ctx, second_services, make):
    a = make.seizure()
    first = rec.get(ctx, "seizure", a)["hlc"]
    b = rec.create(second_services, "seizure", make.values("seizure")).created[0]
    assert rec.get(ctx, "seizure", b)["hlc"] > first


def test_update_kg_field_journals_the_derived_field(ctx, db, make):
    rid = make.seizure(quantity=1.0, unit="KG")
    rec.update(ctx, "seizure", rid, {"unit": "G"})
    assert json.loads(db.journal()[-1]["fields"]) == ["kg_equivalent", "unit"]


@pytest.mark.parametrize(
    "same",
    [
        {},
        {"notes": "  same  "},
        {"country": "afg"},
        {"quantity": 12},  # int equal to the stored float
        {"seized_on": "2026-10-15"},
    ],
)
def test_update_without_a_real_change_writes_nothing(ctx, db, make, same):
    rid = make.seizure(quantity=12.0, notes="same", seized_on="2026-10-15")
    before = rec.get(ctx, "seizure", rid)
    cs = rec.update(ctx, "seizure", rid, same, expected_version=1)
    assert cs.ids == []
    assert rec.get(ctx, "seizure", rid) == before
    assert db.ledger_counts() == (1, 1)


def test_update_with_the_same_codes_in_another_form_writes_nothing(ctx, db, make):
    """A list and a space-separated string of the same codes are the same value."""
    rid = make.seizure(transit_countries="UZB KAZ")
    rec.update(ctx, "seizure", rid, {"transit_countries": ["UZB", "KAZ"]})
    assert db.ledger_counts() == (1, 1)


def test_stale_update_is_refused_and_writes_nothing(ctx, db, make):
    rid = make.seizure()
    rec.update(ctx, "seizure", rid, {"notes": "edited elsewhere"}, expected_version=1)
    with pytest.raises(StaleRecord) as info:
        rec.update(ctx, "seizure", rid, {"notes": "my edit"}, expected_version=1)
    assert "changed elsewhere" in info.value.message
    assert rec.get(ctx, "seizure", rid)["notes"] == "edited elsewhere"
    assert db.ledger_counts() == (2, 2)


def test_failed_validation_on_update_writes_nothing(ctx, db, make):
    rid = make.seizure()
    before = rec.get(ctx, "seizure", rid)
    with pytest.raises(ValidationFailed):
        rec.update(ctx, "seizure", rid, {"notes": "ok", "purity_pct": 300})
    assert rec.get(ctx, "seizure", rid) == before
    assert db.ledger_counts() == (1, 1)


def test_failed_validation_on_create_writes_nothing(ctx, db, make):
    make.seizure()
    with pytest.raises(ValidationFailed):
        make.seizure(drug="NOPE")
    assert db.ledger_counts() == (1, 1)
    assert db.scalar("SELECT count(*) FROM seizure") == 1


def test_delete_is_a_tombstone(ctx, db, make):
    keep = make.seizure(place="keep")
    rid = make.seizure(place="gone")
    v1 = rec.get(ctx, "seizure", rid)
    cs = rec.delete(ctx, "seizure", [rid])
    assert cs.deleted == [rid]
    row = db.maps("SELECT * FROM seizure WHERE id=:i", i=rid)[0]
    assert row["deleted_at"] is not None
    assert row["version"] == 2
    assert row["hlc"] > v1["hlc"]
    assert row["place"] == "gone"  # the record stays for sync
    assert db.ledger_counts() == (3, 3)
    j = db.journal()[-1]
    assert (j["entity_id"], j["deleted"], j["version"], j["base_version"]) == (rid, 1, 2, 1)
    assert j["base_hlc"] == v1["hlc"]
    assert json.loads(j["fields"]) == []
    assert db.audit()[-1]["action"] == "delete"
    # gone from reads, lists, counts and stats
    with pytest.raises(NotFound):
        rec.get(ctx, "seizure", rid)
    page = list_page(ctx, ListQuery("seizure"))
    assert [r["id"] for r in page.rows] == [keep]
    assert count(ctx, ListQuery("seizure")) == 1
    assert count(ctx, ListQuery("seizure", include_deleted=True)) == 2
    assert stats.live_counts(ctx)["seizures"] == 1
    assert sum(n for *_x, n in stats.seizures_by_drug_month(ctx)) == 1


def test_deleted_record_cannot_be_updated_or_deleted_again(ctx, db, make):
    rid = make.seizure()
    rec.delete(ctx, "seizure", [rid])
    with pytest.raises(NotFound):
        rec.update(ctx, "seizure", rid, {"notes": "x"})
    with pytest.raises(NotFound):
        rec.delete(ctx, "seizure", [rid])
    assert db.ledger_counts() == (2, 2)


def test_delete_many_is_one_entry_each_and_all_or_nothing(ctx, db, make):
    ids = [make.seizure(place=f"p{i}") for i in range(3)]
    cs = rec.delete(ctx, "seizure", [ids[0], ids[1], ids[0]])  # duplicates ignored
    assert cs.deleted == ids[:2]
    assert db.ledger_counts() == (5, 5)
    with pytest.raises(NotFound):
        rec.delete(ctx, "seizure", [ids[2], "01900000-0000-7000-8000-00000000dead"])
    assert rec.get(ctx, "seizure", ids[2])["deleted_at"] is None
    assert db.ledger_counts() == (5, 5)


def test_get_unknown_id_is_not_found(ctx):
    with pytest.raises(NotFound) as info:
        rec.get(ctx, "seizure", "no-such-id")
    assert "does not exist" in info.value.message


def test_officer_name_is_the_who_of_later_writes(ctx, db, make):
    from pp_desktop.store import OfficerProfile

    make.seizure()
    ctx.vault.set_profile(OfficerProfile("Second Officer", "TJK", "test-laptop"))
    rid = make.seizure()
    assert [a["who"] for a in db.audit()] == ["Test Officer", "Second Officer"]
    assert rec.get(ctx, "seizure", rid)["created_by"] == "Second Officer"


def test_ids_are_uuid7_and_sort_by_creation(ctx, make):
    import uuid

    ids = [make.organisation(f"org {i}") for i in range(5)]
    assert all(uuid.UUID(i).version == 7 for i in ids)
    assert ids == sorted(ids)


def test_changeset_returns_warnings_with_the_created_id(ctx, make):
    cs = rec.create(ctx, "price", make.values("price", price_min=9.0, price_max=1.0))
    assert cs.entity == "price"
    assert len(cs.created) == 1
    assert cs.ids == cs.created
    assert cs.warnings
