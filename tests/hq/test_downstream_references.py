"""What reaches a laptop from another officer's records: references it cannot resolve and
changes HQ refused."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text

from pp_desktop.services import records as rec
from pp_hq.context import Hq
from tests.hq.helpers import Device, hq_scalar, project, seizure, sync_round


def _scalar(d: Device, sql: str, **params: object) -> object:
    with d.ctx.reading() as conn:
        return conn.execute(text(sql), params).scalar()


def test_shared_project_naming_an_unshared_contact_arrives_without_it(
    hq: Hq, usb: Path, alpha: Device, bravo: Device
) -> None:
    contact = rec.create(alpha.ctx, "contact", {"name": "A. Karimov"}).created[0]
    pid = project(alpha.ctx, "XM-DAC-41128-REF-1", contact_id=contact)
    sync_round(hq, usb, alpha, bravo)
    sync_round(hq, usb, alpha, bravo)  # bravo's first bundle enrols it; the next one delivers

    # the project arrived; the contact (alpha's personal data) did not, nor did its reference
    assert (
        _scalar(bravo, "SELECT title FROM project WHERE id = :i", i=pid)
        == "Project XM-DAC-41128-REF-1"
    )
    assert _scalar(bravo, "SELECT contact_id FROM project WHERE id = :i", i=pid) is None
    assert _scalar(bravo, "SELECT count(*) FROM contact") == 0
    note = _scalar(
        bravo,
        "SELECT changes FROM audit_entry WHERE entity = 'project' AND entity_id = :i "
        "ORDER BY seq DESC LIMIT 1",
        i=pid,
    )
    assert json.loads(str(note))["contact_id"] == [contact, None]

    # bravo's later edit does not take the contact away from HQ or from alpha
    rec.update(bravo.ctx, "project", pid, {"title": "Border liaison offices"})
    sync_round(hq, usb, bravo, alpha)
    assert hq_scalar(hq, "SELECT contact_id FROM project WHERE id = :i", i=pid) == contact
    assert hq_scalar(hq, "SELECT title FROM project WHERE id = :i", i=pid) == (
        "Border liaison offices"
    )
    assert _scalar(alpha, "SELECT contact_id FROM project WHERE id = :i", i=pid) == contact


def test_changes_hq_quarantined_are_kept_on_the_laptop_with_hqs_reason(
    hq: Hq, usb: Path, alpha: Device
) -> None:
    sync_round(hq, usb, alpha)
    good = seizure(alpha.ctx, quantity=4.0)
    bad = seizure(alpha.ctx, quantity=5.0)
    # what a laptop with an older reference list sends: a drug code HQ does not know
    with alpha.ctx.writing() as scope:
        scope.conn.execute(
            text("UPDATE seizure SET drug = 'NO_SUCH_DRUG' WHERE id = :i"), {"i": bad}
        )
    sync_round(hq, usb, alpha)
    with alpha.ctx.reading() as conn:
        rows = conn.execute(
            text("SELECT entity, entity_id, reason, source FROM sync_quarantine")
        ).all()
    assert [(r[0], r[1], r[3]) for r in rows] == [("seizure", bad, "hq-receipt")]
    assert "drug" in rows[0][2]
    assert hq_scalar(hq, "SELECT count(*) FROM seizure WHERE id = :i", i=good) == 1
    # a second trip (the same receipt cannot be applied twice) stores nothing more
    sync_round(hq, usb, alpha)
    assert _scalar(alpha, "SELECT count(*) FROM sync_quarantine") == 1
