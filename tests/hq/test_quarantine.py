"""A change that fails HQ's validation is quarantined and reported, never dropped or blocking;
a receipt marks delivery only for the exact bundle hash it names."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text

from pp_desktop.sync import bundle
from pp_desktop.sync.inbox import import_bundle
from pp_desktop.sync.outbox import pending_items
from pp_desktop.sync.state import status
from pp_hq.context import Hq
from pp_hq.exchange import receive_bytes
from pp_hq.stats import live_counts
from tests.hq.helpers import Device, hq_scalar, seizure, sync_round
from tests.hq.test_rejections import ident, only, seal_as


def test_invalid_change_is_quarantined_and_reported_in_the_receipt(
    hq: Hq, usb: Path, alpha: Device
) -> None:
    sync_round(hq, usb, alpha)
    good = seizure(alpha.ctx, quantity=4.0)
    bad = seizure(alpha.ctx, quantity=5.0)
    with alpha.ctx.reading() as conn:
        items, _ = pending_items(conn)
    for item in items:  # what a device with an older or broken validator might send
        if item["id"] == bad:
            item["fields"]["drug"] = "NO_SUCH_DRUG"
    sent = seal_as(alpha, alpha.device_id, 2, only_prev(usb, alpha), items)
    got = receive_bytes(hq, sent.age, sent.minisig)
    assert got.status == "applied"
    assert live_counts(hq)["seizures"] == 1
    assert hq_scalar(hq, "SELECT count(*) FROM seizure WHERE id = :i", i=good) == 1
    assert "drug" in hq_scalar(hq, "SELECT reason FROM hq_quarantine WHERE entity_id = :i", i=bad)
    receipt = json.loads(hq_scalar(hq, "SELECT receipt FROM hq_inbound WHERE seq = 2"))
    assert receipt["bundle"] == sent.hash
    assert [q["id"] for q in receipt["quarantined"]] == [bad]
    assert receipt["accepted"] == [f"seizure:{good}"]
    # the raw bundle is kept for audit, byte for byte
    assert bytes(hq_scalar(hq, "SELECT age FROM hq_inbound WHERE seq = 2")) == sent.age
    # and the next bundle is not blocked by it
    seizure(alpha.ctx, quantity=6.0)
    with alpha.ctx.reading() as conn:
        items, _ = pending_items(conn)
    nxt = seal_as(alpha, alpha.device_id, 3, sent.hash, items[-1:])
    assert receive_bytes(hq, nxt.age, nxt.minisig).status == "applied"


def only_prev(usb: Path, d: Device) -> str:
    age, sig = only(usb, d.device_id, 1)
    return bundle.read_outer(age, sig).sha256


def test_a_receipt_for_another_hash_does_not_mark_delivery(
    hq: Hq, usb: Path, alpha: Device
) -> None:
    sync_round(hq, usb, alpha)
    seizure(alpha.ctx)
    alpha.export(usb)
    with alpha.ctx.reading() as conn:
        real = conn.execute(text("SELECT bundle_hash FROM sync_outbound WHERE seq = 2")).scalar()
    receipt = {
        "t": "receipt", "bundle": "0" * 64, "sender": alpha.device_id, "seq": 2,
        "accepted": [], "conflicts": [], "quarantined": [],
    }  # fmt: skip
    last = int(
        hq_scalar(hq, "SELECT max(seq) FROM hq_outbound WHERE device = :d", d=alpha.device_id)
    )
    prev = hq_scalar(hq, "SELECT bundle_hash FROM hq_outbound WHERE seq = :s", s=last)
    forged = bundle.seal(
        kind="down", sender="hq", to=alpha.device_id, seq=last + 1, prev=prev, audit_head="",
        items=[receipt], signer=hq.keys.signer_for(hq.keys.root.version),
        recipients=[ident(alpha).age_recipient], expires="2099-01-01T00:00:00Z",
    )  # fmt: skip
    got = import_bundle(alpha.ctx, forged.age, forged.minisig)
    assert (got.status, got.receipts) == ("applied", 0)
    assert status(alpha.ctx)["pending"] == 1 and real != "0" * 64
