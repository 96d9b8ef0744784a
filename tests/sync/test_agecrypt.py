"""age through pyrage: round trip, wrong identity, several recipients, bad keys typed."""

from __future__ import annotations

import pytest

from pp_desktop.sync import agecrypt
from pp_desktop.sync.errors import BundleRejected, KeyFileError


def test_round_trip_and_recipient_of() -> None:
    secret, recipient = agecrypt.new_identity()
    assert secret.startswith("AGE-SECRET-KEY-1") and recipient.startswith("age1")
    assert agecrypt.recipient_of(secret) == recipient
    data = b"payload" * 1000
    ct = agecrypt.encrypt(data, [recipient])
    assert ct.startswith(b"age-encryption.org/v1\n") and data not in ct
    assert agecrypt.decrypt(ct, secret) == data


def test_several_recipients_each_decrypts() -> None:
    ids = [agecrypt.new_identity() for _ in range(3)]
    ct = agecrypt.encrypt(b"x", [r for _s, r in ids])
    assert all(agecrypt.decrypt(ct, s) == b"x" for s, _r in ids)


def test_wrong_identity_and_damage_are_decrypt_failed() -> None:
    (_s1, r1), (s2, _r2) = agecrypt.new_identity(), agecrypt.new_identity()
    ct = agecrypt.encrypt(b"secret", [r1])
    with pytest.raises(BundleRejected) as exc:
        agecrypt.decrypt(ct, s2)
    assert exc.value.reason == "decrypt-failed"
    with pytest.raises(BundleRejected):
        agecrypt.decrypt(ct[:-5], s2)


def test_bad_keys_are_key_file_errors() -> None:
    with pytest.raises(KeyFileError):
        agecrypt.encrypt(b"x", ["age1notarecipient"])
    with pytest.raises(KeyFileError):
        agecrypt.encrypt(b"x", [])
    with pytest.raises(KeyFileError):
        agecrypt.decrypt(b"x", "AGE-SECRET-KEY-1BROKEN")


def test_recipient_id_is_short_and_stable() -> None:
    _s, r = agecrypt.new_identity()
    assert agecrypt.recipient_id(r) == agecrypt.recipient_id(r + "\n")
    assert len(agecrypt.recipient_id(r)) == 16
