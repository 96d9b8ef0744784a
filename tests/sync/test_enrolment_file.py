"""Enrolment file: round trip, atomic 0600 write, damage and versions typed; the proof."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pp_desktop.sync import agecrypt, minisign, trust
from pp_desktop.sync.enrolment_file import (
    EnrolmentFile,
    check_enrol_proof,
    enrol_proof,
    new_token,
    token_hash,
)
from pp_desktop.sync.errors import BundleRejected, EnrolmentFileError


def _file(**kw: object) -> EnrolmentFile:
    root_key = minisign.SigningKey.generate()
    root = trust.new_root(
        root_keys=[root_key.public],
        threshold=1,
        online_key=minisign.SigningKey.generate().public,
        hq_recipients=[agecrypt.new_identity()[1]],
        expires="2027-11-28T00:00:00Z",
        online_expires="2027-02-28T00:00:00Z",
    )
    args: dict[str, object] = {
        "device_id": "0192f5a0-1111-7222-8333-444455556666",
        "device_name": "Dushanbe laptop — Назарова",
        "token": new_token(),
        "token_expires": "2026-12-05T00:00:00Z",
        "root": trust.sign_root(root, [root_key]),
        "hq_url": None,
    }
    args.update(kw)
    return EnrolmentFile(**args)  # type: ignore[arg-type]


def test_round_trip_atomic_0600(tmp_path: Path) -> None:
    ef = _file(hq_url="https://hq.example.org")
    path = tmp_path / "enrol.json"
    ef.write(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert list(tmp_path.iterdir()) == [path]
    again = EnrolmentFile.read(path)
    assert again == ef
    trust.verify_root(again.root, None, datetime(2026, 11, 28, tzinfo=UTC))
    assert again.root.fingerprint() == ef.root.fingerprint()


def test_rewrite_replaces_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "enrol.json"
    _file().write(path)
    second = _file(device_name="second")
    second.write(path)
    assert EnrolmentFile.read(path) == second


def test_token_expiry() -> None:
    ef = _file(token_expires="2026-11-28T10:00:00Z")
    assert ef.token_expired(datetime(2026, 11, 28, 10, 0, 1, tzinfo=UTC))
    assert not ef.token_expired(datetime(2026, 11, 28, 9, 0, tzinfo=UTC))


def test_any_edit_is_caught_by_the_checksum(tmp_path: Path) -> None:
    path = tmp_path / "enrol.json"
    _file().write(path)
    doc = json.loads(path.read_text())
    doc["device_id"] = "another-device"
    path.write_text(json.dumps(doc))
    with pytest.raises(EnrolmentFileError, match="checksum"):
        EnrolmentFile.read(path)


def test_damaged_or_foreign_files(tmp_path: Path) -> None:
    path = tmp_path / "enrol.json"
    good = _file().to_bytes()
    for raw in [
        b"",
        good[: len(good) // 2],
        b"\xff" * 10,
        b"[]",
        b'{"format": "x"}',
        b"x" * 300_000,
    ]:
        path.write_bytes(raw)
        with pytest.raises(EnrolmentFileError):
            EnrolmentFile.read(path)
    with pytest.raises(EnrolmentFileError, match="does not exist"):
        EnrolmentFile.read(tmp_path / "absent.json")


def test_newer_format_says_update() -> None:
    doc = json.loads(_file().to_bytes())
    doc["format_version"] = 2
    with pytest.raises(EnrolmentFileError, match="Update the app"):
        EnrolmentFile.from_bytes(json.dumps(doc).encode())


def test_damaged_root_inside_is_typed() -> None:
    from pp_desktop.sync.enrolment_file import _checksum

    doc = json.loads(_file().to_bytes())
    del doc["checksum"]
    doc["root"]["threshold"] = 7
    doc["checksum"] = _checksum(doc)
    with pytest.raises(EnrolmentFileError, match="root document"):
        EnrolmentFile.from_bytes(json.dumps(doc).encode())


def test_proof_binds_token_device_and_keys() -> None:
    token = new_token()
    sign_pub = minisign.SigningKey.generate().public.to_b64()
    _identity, recipient = agecrypt.new_identity()
    proof = enrol_proof(token, "dev-1", sign_pub, recipient)
    check_enrol_proof(token, "dev-1", sign_pub, recipient, proof)
    other_pub = minisign.SigningKey.generate().public.to_b64()
    for args in [
        (new_token(), "dev-1", sign_pub, recipient),  # wrong token
        (token, "dev-2", sign_pub, recipient),  # another device
        (token, "dev-1", other_pub, recipient),  # swapped signing key
        (token, "dev-1", sign_pub, agecrypt.new_identity()[1]),  # swapped age key
    ]:
        with pytest.raises(BundleRejected) as exc:
            check_enrol_proof(*args, proof)
        assert exc.value.reason == "bad-token"
    assert token_hash(token) != token and len(token_hash(token)) == 64
