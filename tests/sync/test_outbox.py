"""Outgoing bundles from the journal: coalesced changes, sequence and hash chain, same bytes
until receipted, attachments included, audit head in the header."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import text

from pp_desktop.services import records as rec
from pp_desktop.services.attachments import add_attachment
from pp_desktop.sync import bundle
from pp_desktop.sync.folder_transport import upstream_bundles
from pp_desktop.sync.outbox import pending_items
from pp_hq.context import Hq
from pp_hq.exchange import exchange_folder
from tests.hq.fixtures import *  # noqa: F403 (the real HQ, folder and device fixtures)
from tests.hq.helpers import Device, hq_scalar, seizure, sync_round


def test_edits_coalesce_into_one_change_with_the_first_base(alpha: Device) -> None:
    sid = seizure(alpha.ctx, quantity=1.0)
    with alpha.ctx.reading() as conn:
        items, _ = pending_items(conn)
    assert [(i["id"], i["base_version"]) for i in items] == [(sid, 0)]
    rec.update(alpha.ctx, "seizure", sid, {"quantity": 2.0})
    rec.update(alpha.ctx, "seizure", sid, {"place": "Nizhny Pyanj"})
    with alpha.ctx.reading() as conn:
        items, seqs = pending_items(conn)
    [item] = items
    assert (item["version"], item["base_version"], item["base_hlc"]) == (3, 0, "")
    assert item["fields"]["quantity"] == 2.0 and item["fields"]["place"] == "Nizhny Pyanj"
    assert len(seqs) == 3  # every journal entry goes into that one change


def test_sequence_hash_chain_and_same_bytes_until_receipted(
    hq: Hq, usb: Path, alpha: Device, tmp_path: Path
) -> None:
    seizure(alpha.ctx)
    first = alpha.export(usb)
    assert first.new_bundles == [2]  # bundle 1 is the enrolment request
    seizure(alpha.ctx)
    second = alpha.export(usb)
    assert second.new_bundles == [3] and len(second.written) == 3  # 1 and 2 written again
    found = {b.seq: b.read() for b in upstream_bundles(usb)}
    headers = {s: bundle.read_outer(*found[s]) for s in found}
    assert headers[1].prev == "" and headers[1].kind == "enrol"
    assert headers[2].prev == headers[1].sha256 and headers[3].prev == headers[2].sha256
    with alpha.ctx.reading() as conn:
        head = conn.execute(text("SELECT hash FROM audit_entry ORDER BY seq DESC")).scalar()
    assert headers[3].audit_head == head
    copy = {s: hashlib.sha256(a + m).hexdigest() for s, (a, m) in found.items()}
    again = tmp_path / "again"
    again.mkdir()
    assert alpha.export(again).new_bundles == []
    assert {
        b.seq: hashlib.sha256(b"".join(b.read())).hexdigest() for b in upstream_bundles(again)
    } == copy
    exchange_folder(hq, usb)
    alpha.import_(usb)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert alpha.export(empty).written == []  # every bundle receipted: nothing to send


def test_attachment_bytes_reach_hq(hq: Hq, usb: Path, alpha: Device) -> None:
    sid = seizure(alpha.ctx)
    data = bytes(range(256)) * 40
    aid = add_attachment(alpha.ctx, "seizure", sid, "photo.jpg", data).created[0]
    sync_round(hq, usb, alpha)
    stored = hq_scalar(hq, "SELECT data FROM attachment WHERE id = :i", i=aid)
    assert bytes(stored) == data
    assert hq_scalar(hq, "SELECT sha256 FROM attachment WHERE id = :i", i=aid) == (
        hashlib.sha256(data).hexdigest()
    )
