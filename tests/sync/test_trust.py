"""Root document: signatures, threshold, rotation by old AND new keys, rollback, expiry, pin."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any

import pytest

from pp_desktop.sync import agecrypt, minisign, trust
from pp_desktop.sync.errors import RootRejected

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def _root(keys: list[minisign.SigningKey], threshold: int, version: int = 1, **kw: Any) -> Any:
    args: dict[str, Any] = {
        "root_keys": [k.public for k in keys],
        "threshold": threshold,
        "online_key": minisign.SigningKey.generate().public,
        "hq_recipients": [agecrypt.new_identity()[1]],
        "expires": "2027-11-28T00:00:00Z",
        "online_expires": "2027-02-28T00:00:00Z",
        "version": version,
    }
    args.update(kw)
    return trust.new_root(**args)


@pytest.fixture
def keys() -> list[minisign.SigningKey]:
    return [minisign.SigningKey.generate() for _ in range(3)]


def _reason(doc: trust.RootDocument, previous: trust.RootDocument | None) -> str:
    with pytest.raises(RootRejected) as exc:
        trust.verify_root(doc, previous, NOW)
    return exc.value.reason


def test_first_root_needs_its_threshold(keys: list[minisign.SigningKey]) -> None:
    doc = _root(keys, 2)
    assert _reason(trust.sign_root(doc, keys[:1]), None) == "root-threshold"
    trust.verify_root(trust.sign_root(doc, keys[:2]), None, NOW)


def test_signature_by_an_outsider_or_a_repeat_does_not_count(
    keys: list[minisign.SigningKey],
) -> None:
    doc = _root(keys, 2)
    outsider = minisign.SigningKey.generate()
    assert _reason(trust.sign_root(doc, [keys[0], outsider]), None) == "root-threshold"
    once = trust.sign_root(doc, [keys[0]])
    twice = dataclasses.replace(once, signatures=once.signatures * 2)
    assert _reason(twice, None) == "root-threshold"


def test_json_round_trip_keeps_signatures(keys: list[minisign.SigningKey]) -> None:
    doc = trust.sign_root(_root(keys, 2), keys[:2])
    again = trust.RootDocument.from_dict(doc.to_dict())
    assert again == doc
    assert trust.RootDocument.from_json(doc.to_json()) == doc
    for text in ["", "{", "[]", doc.to_json()[:-1]]:
        with pytest.raises(RootRejected):
            trust.RootDocument.from_json(text)
    trust.verify_root(again, None, NOW)


def test_any_edit_breaks_the_signatures(keys: list[minisign.SigningKey]) -> None:
    doc = trust.sign_root(_root(keys, 2), keys[:2])
    for change in [
        {"online_key": minisign.SigningKey.generate().public},
        {"hq_recipients": (agecrypt.new_identity()[1],)},
        {"expires": "2030-01-01T00:00:00Z"},
        {"threshold": 1},
    ]:
        assert _reason(dataclasses.replace(doc, **change), None) == "root-threshold", change


def test_rotation_needs_old_and_new_thresholds(keys: list[minisign.SigningKey]) -> None:
    old = trust.sign_root(_root(keys, 2), keys[:2])
    new_keys = [minisign.SigningKey.generate() for _ in range(3)]
    new = _root(new_keys, 2, version=2)
    # one key only (old or new) is refused
    assert _reason(trust.sign_root(new, new_keys[:1]), old) == "root-threshold"
    assert _reason(trust.sign_root(new, new_keys[:2] + keys[:1]), old) == "root-threshold"
    assert _reason(trust.sign_root(new, keys), old) == "root-threshold"  # old keys only
    rotated = trust.sign_root(new, new_keys[:2] + keys[1:3])
    trust.verify_root(rotated, old, NOW)
    assert rotated.fingerprint() != old.fingerprint()


def test_rollback_and_same_document(keys: list[minisign.SigningKey]) -> None:
    v2 = trust.sign_root(_root(keys, 2, version=2), keys)
    v1 = trust.sign_root(_root(keys, 2, version=1), keys)
    assert _reason(v1, v2) == "root-rollback"
    trust.verify_root(v2, v2, NOW)  # re-sent: fine, nothing changes


def test_expiry_of_root_and_online_key(keys: list[minisign.SigningKey]) -> None:
    doc = trust.sign_root(_root(keys, 1, expires="2026-11-01T00:00:00Z"), keys[:1])
    assert _reason(doc, None) == "root-expired"
    fresh = trust.sign_root(_root(keys, 1, online_expires="2026-11-27T00:00:00Z"), keys[:1])
    with pytest.raises(RootRejected) as exc:
        fresh.online_verify_key(NOW)
    assert exc.value.reason == "online-key-expired"
    assert fresh.online_verify_key(datetime(2026, 11, 1, tzinfo=UTC)) == fresh.online_key


def test_fingerprint_names_root_keys_only(keys: list[minisign.SigningKey]) -> None:
    doc = _root(keys, 2)
    fp = doc.fingerprint()
    assert len(fp.split(" ")) == 8 and all(len(g) == 4 for g in fp.split(" "))
    renewed = dataclasses.replace(doc, online_key=minisign.SigningKey.generate().public)
    assert renewed.fingerprint() == fp
    assert _root(keys, 3).fingerprint() != fp
    assert _root(list(reversed(keys)), 2).fingerprint() == fp


def test_pin(keys: list[minisign.SigningKey]) -> None:
    doc = _root(keys, 2)
    trust.check_pin(doc, None)
    trust.check_pin(doc, doc.fingerprint().lower().replace(" ", "-"))
    with pytest.raises(RootRejected) as exc:
        trust.check_pin(doc, _root(keys[:2], 2).fingerprint())
    assert exc.value.reason == "root-pinned"


def test_inconsistent_documents_cannot_be_made(keys: list[minisign.SigningKey]) -> None:
    with pytest.raises(ValueError):
        _root(keys, 4)
    with pytest.raises(ValueError):
        _root(keys, 0)
    with pytest.raises(ValueError):
        _root([keys[0], keys[0]], 1)
    with pytest.raises(ValueError):
        _root(keys, 1, expires="next year")


@pytest.mark.parametrize(
    "edit",
    [
        lambda d: d.pop("threshold"),
        lambda d: d.update(threshold=5),
        lambda d: d.update(threshold="2"),
        lambda d: d.update(root_keys="abc"),
        lambda d: d.update(root_keys=["!!"]),
        lambda d: d.update(hq_recipients=["age1nope"]),
        lambda d: d.update(hq_recipients=[]),
        lambda d: d.update(signatures=[{"key_id": "x", "sig": "short"}]),
        lambda d: d.update(expires=20271128),
        lambda d: d.update(format="other"),
        lambda d: d.update(extra=1),
    ],
)
def test_malformed_documents(keys: list[minisign.SigningKey], edit: Any) -> None:
    raw = trust.sign_root(_root(keys, 2), keys).to_dict()
    edit(raw)
    with pytest.raises(RootRejected) as exc:
        trust.RootDocument.from_dict(raw)
    assert exc.value.reason == "root-malformed"


def test_newer_root_format_says_update(keys: list[minisign.SigningKey]) -> None:
    raw = trust.sign_root(_root(keys, 2), keys).to_dict()
    raw["format_version"] = 2
    with pytest.raises(RootRejected) as exc:
        trust.RootDocument.from_dict(raw)
    assert exc.value.reason == "root-too-new" and "Update the app" in exc.value.message
    for junk in (None, [], "x", 3):
        with pytest.raises(RootRejected):
            trust.RootDocument.from_dict(junk)


def test_rotations_are_followed_one_by_one_even_past_an_expired_root(
    keys: list[minisign.SigningKey],
) -> None:
    v1 = trust.sign_root(_root(keys, 2, expires="2026-01-01T00:00:00Z"), keys[:2])  # expired
    k2 = [minisign.SigningKey.generate() for _ in range(2)]
    k3 = [minisign.SigningKey.generate() for _ in range(2)]
    v2 = trust.sign_root(_root(k2, 2, version=2), keys[:2] + k2)
    v3 = trust.sign_root(_root(k3, 2, version=3), k2 + k3)
    assert _reason(v3, v1) == "root-threshold"  # skipping v2: v1's keys never signed v3
    trust.verify_root(v2, v1, NOW)
    trust.verify_root(v3, v2, NOW)
