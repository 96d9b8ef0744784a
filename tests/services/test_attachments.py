"""Attachments: bytes inside the encrypted database, a size cap, live owners only."""

from __future__ import annotations

import hashlib
import os

import pytest

from pp_desktop.models import MAX_ATTACHMENT_BYTES
from pp_desktop.services import NotFound, ValidationFailed
from pp_desktop.services import records as rec
from pp_desktop.services.attachments import add_attachment, attachment_bytes


def test_bytes_round_trip(ctx, db, make):
    sid = make.seizure()
    data = os.urandom(100_000) + b"\x00\xff" * 10
    cs = add_attachment(ctx, "seizure", sid, "/home/officer/Photos/IMG 0001.jpg", data)
    (aid,) = cs.created
    assert attachment_bytes(ctx, aid) == data
    row = rec.get(ctx, "attachment", aid)
    assert "data" not in row
    assert row["file_name"] == "IMG 0001.jpg"  # no folder names of the officer's machine
    assert row["media_type"] == "image/jpeg"
    assert row["size"] == len(data)
    assert row["sha256"] == hashlib.sha256(data).hexdigest()
    assert (row["owner_entity"], row["owner_id"]) == ("seizure", sid)
    # one more audit and journal entry for the attachment record
    assert db.ledger_counts() == (2, 2)
    assert db.journal()[-1]["entity"] == "attachment"


def test_explicit_media_type_and_unknown_extension(ctx, make):
    sid = make.seizure()
    a = add_attachment(ctx, "seizure", sid, "report", b"x", media_type="text/plain").created[0]
    b = add_attachment(ctx, "seizure", sid, "blob.zzz-unknown", b"y").created[0]
    assert rec.get(ctx, "attachment", a)["media_type"] == "text/plain"
    assert rec.get(ctx, "attachment", b)["media_type"] == "application/octet-stream"


def test_empty_file_is_allowed(ctx, make):
    pid = make.project()
    aid = add_attachment(ctx, "project", pid, "empty.txt", b"").created[0]
    assert attachment_bytes(ctx, aid) == b""


def test_exactly_at_the_cap_is_accepted(ctx, make):
    sid = make.seizure()
    data = b"\x5a" * MAX_ATTACHMENT_BYTES
    aid = add_attachment(ctx, "seizure", sid, "scan.pdf", data).created[0]
    assert len(attachment_bytes(ctx, aid)) == MAX_ATTACHMENT_BYTES


def test_over_the_cap_is_refused_with_a_clear_message(ctx, db, make):
    sid = make.seizure()
    with pytest.raises(ValidationFailed) as info:
        add_attachment(ctx, "seizure", sid, "video.mp4", b"\x00" * (MAX_ATTACHMENT_BYTES + 1))
    msg = info.value.message
    assert "video.mp4" in msg
    assert f"{MAX_ATTACHMENT_BYTES / 1e6:.0f} MB" in msg
    assert "limited" in msg
    assert db.scalar("SELECT count(*) FROM attachment") == 0
    assert db.ledger_counts() == (1, 1)


def test_attaching_to_a_deleted_record_is_refused(ctx, db, make):
    sid = make.seizure()
    rec.delete(ctx, "seizure", [sid])
    with pytest.raises(NotFound) as info:
        add_attachment(ctx, "seizure", sid, "photo.jpg", b"jpeg")
    assert "does not exist" in info.value.message
    assert db.scalar("SELECT count(*) FROM attachment") == 0
    assert db.ledger_counts() == (2, 2)


def test_attaching_to_a_missing_record_or_kind_is_refused(ctx, make):
    with pytest.raises(NotFound):
        add_attachment(ctx, "seizure", "01900000-0000-7000-8000-000000000000", "a.txt", b"a")
    with pytest.raises(NotFound):
        add_attachment(ctx, "spaceship", "x", "a.txt", b"a")


def test_deleted_attachment_is_gone(ctx, make):
    sid = make.seizure()
    aid = add_attachment(ctx, "seizure", sid, "a.txt", b"abc").created[0]
    rec.delete(ctx, "attachment", [aid])
    with pytest.raises(NotFound):
        attachment_bytes(ctx, aid)


def test_damaged_bytes_are_detected(ctx, db, make):
    sid = make.seizure()
    aid = add_attachment(ctx, "seizure", sid, "a.txt", b"original").created[0]
    db.execute("UPDATE attachment SET data = :d WHERE id = :i", d=b"tampered", i=aid)
    with pytest.raises(ValidationFailed) as info:
        attachment_bytes(ctx, aid)
    assert "damaged" in info.value.message
