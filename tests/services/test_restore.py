"""Restoring soft-deleted records (the undo of a delete), over a real vault."""

from __future__ import annotations

import json

import pytest

from pp_desktop.services import Services
from pp_desktop.services import records as rec
from pp_desktop.services.errors import NotFound, ValidationFailed
from tests.services.conftest import DB, Make


def test_restore_brings_the_record_back_with_audit_and_journal(
    ctx: Services, make: Make, db: DB
) -> None:
    rid = make.seizure(place="Hairatan")
    rec.delete(ctx, "seizure", [rid])
    with pytest.raises(NotFound):
        rec.get(ctx, "seizure", rid)
    audits, journals = db.ledger_counts()

    changes = rec.restore(ctx, "seizure", [rid])

    assert changes.updated == [rid]
    row = rec.get(ctx, "seizure", rid)
    assert row["place"] == "Hairatan"
    assert row["deleted_at"] is None
    assert row["version"] == 3
    assert db.ledger_counts() == (audits + 1, journals + 1)
    last_audit = db.audit()[-1]
    assert (last_audit["action"], last_audit["entity_id"]) == ("restore", rid)
    assert json.loads(last_audit["changes"])["deleted_at"][1] is None
    last_journal = db.journal()[-1]
    assert last_journal["entity_id"] == rid
    assert last_journal["version"] == 3
    assert "place" in json.loads(last_journal["fields"])


def test_restore_of_a_live_or_unknown_record_is_refused(ctx: Services, make: Make, db: DB) -> None:
    rid = make.seizure()
    before = db.ledger_counts()
    with pytest.raises(NotFound):
        rec.restore(ctx, "seizure", [rid])
    with pytest.raises(NotFound):
        rec.restore(ctx, "seizure", ["no-such-id"])
    assert db.ledger_counts() == before


def test_restore_is_all_or_nothing(ctx: Services, make: Make, db: DB) -> None:
    first, second = make.seizure(), make.seizure()
    rec.delete(ctx, "seizure", [first])
    with pytest.raises(NotFound):
        rec.restore(ctx, "seizure", [first, second])
    with pytest.raises(NotFound):
        rec.get(ctx, "seizure", first)


def test_restore_checks_references_again(ctx: Services, make: Make) -> None:
    org = make.organisation()
    contact = make.contact(organisation_id=org)
    rec.delete(ctx, "contact", [contact])
    rec.delete(ctx, "organisation", [org])
    with pytest.raises(ValidationFailed):
        rec.restore(ctx, "contact", [contact])
    rec.restore(ctx, "organisation", [org])
    rec.restore(ctx, "contact", [contact])
    assert rec.get(ctx, "contact", contact)["organisation_id"] == org
