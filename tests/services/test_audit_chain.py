"""The hash-chained audit log: verify_chain proves it intact and names the first broken entry."""

from __future__ import annotations

import itertools
import json

import pytest

from pp_desktop.services import records as rec
from pp_desktop.services.ledger import GENESIS, audit_hash, verify_chain


def verify(ctx):
    with ctx.reading() as conn:
        return verify_chain(conn)


@pytest.fixture
def history(ctx, make):
    """A dozen audit entries of every action."""
    org = make.organisation("Колледж МВД")  # non-ASCII content goes through the hash as UTF-8
    ids = [make.seizure(place=f"checkpoint {i}", notes="героин") for i in range(6)]
    rec.update(ctx, "seizure", ids[0], {"notes": "updated"})
    rec.update(ctx, "organisation", org, {"acronym": "МВД"})
    rec.delete(ctx, "seizure", ids[1:3])
    make.project()
    return ids


def test_empty_chain_is_ok(ctx):
    report = verify(ctx)
    assert (report.ok, report.entries, report.first_broken, report.head) == (True, 0, None, GENESIS)


def test_chain_is_ok_after_many_writes(ctx, db, history):
    report = verify(ctx)
    audit = db.audit()
    assert len(audit) == 12
    assert report.ok
    assert report.entries == 12
    assert report.first_broken is None
    assert report.head == audit[-1]["hash"]
    assert [a["seq"] for a in audit] == list(range(1, 13))
    assert audit[0]["prev_hash"] == GENESIS
    for prev, cur in itertools.pairwise(audit):
        assert cur["prev_hash"] == prev["hash"]


def test_hash_is_recomputable_from_the_documented_formula(db, history):
    """docs/vault-format.md: sha256(json([prev_hash, seq, at, who, device, action, entity,
    entity_id, changes])) - computed here independently of the service code."""
    import hashlib

    for a in db.audit():
        material = json.dumps(
            [
                a["prev_hash"],
                a["seq"],
                a["at"],
                a["who"],
                a["device"],
                a["action"],
                a["entity"],
                a["entity_id"],
                a["changes"],
            ],
            separators=(",", ":"),
            ensure_ascii=False,
        )
        assert hashlib.sha256(material.encode()).hexdigest() == a["hash"]
        assert (
            audit_hash(
                a["prev_hash"],
                a["seq"],
                a["at"],
                a["who"],
                a["device"],
                a["action"],
                a["entity"],
                a["entity_id"],
                a["changes"],
            )
            == a["hash"]
        )


def test_bulk_writes_keep_the_chain(ctx, make, history):
    from pp_desktop.services.bulk import bulk_insert

    bulk_insert(ctx, "seizure", [make.values("seizure", place=f"b{i}") for i in range(50)])
    make.seizure()
    report = verify(ctx)
    assert report.ok
    assert report.entries == 12 + 50 + 1


def test_altered_changes_names_the_entry(ctx, db, history):
    db.execute(
        "UPDATE audit_entry SET changes = :c WHERE seq = 5",
        c=json.dumps({"place": [None, "somewhere else"]}),
    )
    report = verify(ctx)
    assert not report.ok
    assert report.first_broken == 5
    assert "altered" in report.reason


@pytest.mark.parametrize("column", ["who", "at", "entity_id", "action"])
def test_any_altered_column_is_noticed(ctx, db, history, column):
    db.execute(f"UPDATE audit_entry SET {column} = {column} || 'x' WHERE seq = 8")
    report = verify(ctx)
    assert (report.ok, report.first_broken) == (False, 8)


def test_deleted_entry_names_the_missing_seq(ctx, db, history):
    db.execute("DELETE FROM audit_entry WHERE seq = 7")
    report = verify(ctx)
    assert not report.ok
    assert report.first_broken == 7
    assert "7" in report.reason
    assert "missing" in report.reason


def test_deleted_first_entry_is_noticed(ctx, db, history):
    db.execute("DELETE FROM audit_entry WHERE seq = 1")
    report = verify(ctx)
    assert (report.ok, report.first_broken) == (False, 1)


def test_altered_prev_hash_names_the_entry(ctx, db, history):
    db.execute("UPDATE audit_entry SET prev_hash = :h WHERE seq = 9", h="ab" * 32)
    report = verify(ctx)
    assert not report.ok
    assert report.first_broken == 9
    assert "link" in report.reason


def test_rewritten_entry_with_a_fresh_hash_breaks_the_next_link(ctx, db, history):
    """Recomputing the hash of a tampered entry is not enough: its successor still points to
    the old hash."""
    a = db.audit()[3]
    changes = json.dumps({"notes": [None, "forged"]})
    forged = audit_hash(
        a["prev_hash"],
        a["seq"],
        a["at"],
        a["who"],
        a["device"],
        a["action"],
        a["entity"],
        a["entity_id"],
        changes,
    )
    db.execute("UPDATE audit_entry SET changes=:c, hash=:h WHERE seq=4", c=changes, h=forged)
    report = verify(ctx)
    assert (report.ok, report.first_broken) == (False, 5)


def test_the_first_of_several_breaks_is_named(ctx, db, history):
    db.execute("UPDATE audit_entry SET changes = '{}' WHERE seq IN (3, 10)")
    assert verify(ctx).first_broken == 3


def test_writes_after_tampering_do_not_heal_the_chain(ctx, db, make, history):
    db.execute("UPDATE audit_entry SET changes = '{}' WHERE seq = 2")
    make.seizure()
    assert verify(ctx).first_broken == 2
