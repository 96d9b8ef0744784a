"""The bulk path: executemany of records, journal and audit entries, all or nothing."""

from __future__ import annotations

import json
import random

import pytest

from pp_desktop.services import ValidationFailed, bulk
from pp_desktop.services import records as rec
from pp_desktop.services.bulk import bulk_insert
from pp_desktop.services.ledger import verify_chain

DRUGS = ["HEROIN", "OPIUM", "CANNABIS_RESIN", "METHAMPHETAMINE", "TRAMADOL"]


def rows(make, n: int, seed: int = 1) -> list[dict]:
    rnd = random.Random(seed)
    return [
        make.values(
            "seizure",
            seized_on=f"2026-{rnd.randint(1, 11):02d}-{rnd.randint(1, 28):02d}",
            drug=rnd.choice(DRUGS),
            quantity=round(rnd.uniform(0.01, 500), 3),
            unit=rnd.choice(["KG", "G", "L", "TABLET"]),
            place=f"site {i}",
        )
        for i in range(n)
    ]


def test_bulk_insert_of_2000_seizures(ctx, db, make, factors):
    data = rows(make, 2000)
    progress: list[int] = []
    cs = bulk_insert(ctx, "seizure", data, progress=progress.append)
    assert len(cs.created) == 2000
    assert len(set(cs.created)) == 2000
    assert progress[-1] == 2000
    assert db.scalar("SELECT count(*) FROM seizure") == 2000
    assert db.ledger_counts() == (2000, 2000)
    # journal: one creation per record, hlc equal to the record's, strictly increasing
    joined = db.rows(
        "SELECT j.entity_id, j.version, j.base_version, j.hlc, s.hlc, j.deleted "
        "FROM sync_journal j JOIN seizure s ON s.id = j.entity_id ORDER BY j.seq"
    )
    assert len(joined) == 2000
    assert [r[0] for r in joined] == cs.created
    assert all(r[1] == 1 and r[2] == 0 and r[3] == r[4] and r[5] == 0 for r in joined)
    hlcs = [r[3] for r in joined]
    assert hlcs == sorted(hlcs)
    assert len(set(hlcs)) == 2000
    # audit: one create per record, chain intact
    audit = db.rows("SELECT entity, entity_id, action FROM audit_entry ORDER BY seq")
    assert audit == [("seizure", rid, "create") for rid in cs.created]
    with ctx.reading() as conn:
        assert verify_chain(conn).ok
    # values and derived kg as the single-record path would store them
    by_id = dict(zip(cs.created, data, strict=True))
    stored = db.maps("SELECT id, quantity, unit, kg_equivalent, place, version FROM seizure")
    for s in stored:
        given = by_id[s["id"]]
        assert s["quantity"] == given["quantity"]
        assert s["place"] == given["place"]
        assert s["version"] == 1
        assert s["kg_equivalent"] == pytest.approx(
            given["quantity"] * factors[given["unit"]], abs=1e-6
        )


def test_bulk_and_single_path_store_the_same_row_and_audit(ctx, db, make):
    values = make.values("seizure", transit_countries="UZB KAZ", notes="n")
    single = rec.create(ctx, "seizure", values).created[0]
    many = bulk_insert(ctx, "seizure", [values]).created[0]
    a, b = rec.get(ctx, "seizure", single), rec.get(ctx, "seizure", many)
    skip = {"id", "hlc", "created_at", "updated_at"}
    assert {k: v for k, v in a.items() if k not in skip} == {
        k: v for k, v in b.items() if k not in skip
    }
    changes = db.rows("SELECT changes FROM audit_entry ORDER BY seq")
    assert json.loads(changes[0][0]) == json.loads(changes[1][0])


def test_one_bad_row_aborts_everything_and_names_the_row(ctx, db, make):
    make.seizure()  # something already there must survive untouched
    data = rows(make, 2000)
    data[1233]["quantity"] = -4.0
    with pytest.raises(ValidationFailed) as info:
        bulk_insert(ctx, "seizure", data)
    assert "row 1234" in info.value.message
    assert "quantity" in info.value.message
    assert any(i.field.startswith("row 1234") for i in info.value.issues)
    assert db.scalar("SELECT count(*) FROM seizure") == 1
    assert db.ledger_counts() == (1, 1)


def test_bad_row_in_a_later_batch_rolls_back_earlier_batches(ctx, db, make, monkeypatch):
    monkeypatch.setattr(bulk, "BATCH", 300)  # several executemany batches in one transaction
    data = rows(make, 2000)
    data[1500]["country"] = "XXX"
    with pytest.raises(ValidationFailed) as info:
        bulk_insert(ctx, "seizure", data)
    assert "row 1501" in info.value.message
    assert db.scalar("SELECT count(*) FROM seizure") == 0
    assert db.ledger_counts() == (0, 0)
    # and the same data, repaired, goes in completely
    data[1500]["country"] = "AFG"
    assert len(bulk_insert(ctx, "seizure", data).created) == 2000
    assert db.ledger_counts() == (2000, 2000)


def test_bulk_refuses_a_future_date(ctx, db, make):
    data = rows(make, 10)
    data[9]["seized_on"] = "2026-11-29"
    with pytest.raises(ValidationFailed) as info:
        bulk_insert(ctx, "seizure", data)
    assert "row 10" in info.value.message
    assert db.ledger_counts() == (0, 0)


def test_bulk_returns_warnings(ctx, make):
    data = [make.values("price"), make.values("price", price_min=5.0, price_max=1.0)]
    cs = bulk_insert(ctx, "price", data)
    assert len(cs.created) == 2
    assert cs.warnings
    assert all(not w.is_error for w in cs.warnings)


def test_bulk_keeps_given_ids(ctx, make):
    rid = "01900000-0000-7000-8000-000000000042"
    cs = bulk_insert(ctx, "seizure", [{**make.values("seizure"), "id": rid}])
    assert cs.created == [rid]
    assert rec.get(ctx, "seizure", rid)["place"] == "Hairatan"


def test_bulk_writes_are_searchable(ctx, make):
    from pp_desktop.services.queries import ListQuery, count

    bulk_insert(ctx, "seizure", [make.values("seizure", notes="tайник в бензобаке")])
    assert count(ctx, ListQuery("seizure", text="бензобак")) == 1


def test_bulk_refuses_a_reference_to_a_deleted_organisation(ctx, db, make):
    """Imports go through the bulk path: they must check references like the form does."""
    org = make.organisation("Closed agency")
    rec.delete(ctx, "organisation", [org])
    with pytest.raises(ValidationFailed) as info:
        bulk_insert(ctx, "contact", [{"name": "A. Karimov", "organisation_id": org}])
    assert "organisation_id" in info.value.message
    assert db.scalar("SELECT count(*) FROM contact") == 0


def test_bulk_refuses_a_duplicate_project_identifier_as_a_validation_error(ctx, db, make):
    make.project(identifier="P-1")
    with pytest.raises(ValidationFailed) as info:
        bulk_insert(ctx, "project", [make.values("project", identifier="P-1")])
    assert "identifier" in info.value.message
    assert db.scalar("SELECT count(*) FROM project") == 1
