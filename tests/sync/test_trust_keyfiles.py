"""Secret key files: 0600, atomic, optional Argon2id passphrase, typed errors on damage."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from pp_desktop.sync import agecrypt, keyfiles, minisign
from pp_desktop.sync.errors import KeyFileError, KeyPassphraseWrong


def test_signing_key_plain_round_trip_mode_0600(tmp_path: Path) -> None:
    key = minisign.SigningKey.generate()
    path = tmp_path / "root-1.key"
    keyfiles.save_signing_key(path, key)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not keyfiles.is_encrypted(path)
    assert keyfiles.load_signing_key(path).to_bytes() == key.to_bytes()
    assert key.to_bytes().hex() not in path.read_text()  # stored base64, at least not raw hex
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_passphrase_protected(tmp_path: Path) -> None:
    key = minisign.SigningKey.generate()
    path = tmp_path / "online.key"
    keyfiles.save_signing_key(path, key, passphrase="correct horse battery staple")
    assert keyfiles.is_encrypted(path)
    doc = json.loads(path.read_text())
    assert doc["kdf"] == "argon2id" and doc["key_id"] == key.key_id
    loaded = keyfiles.load_signing_key(path, passphrase="correct horse battery staple")
    assert loaded.to_bytes() == key.to_bytes()
    with pytest.raises(KeyPassphraseWrong):
        keyfiles.load_signing_key(path, passphrase="wrong")
    with pytest.raises(KeyFileError, match="passphrase"):
        keyfiles.load_signing_key(path)


def test_wrap_cannot_be_moved_to_another_key_id(tmp_path: Path) -> None:
    path = tmp_path / "k.key"
    keyfiles.save_signing_key(path, minisign.SigningKey.generate(), passphrase="pw")
    doc = json.loads(path.read_text())
    doc["key_id"] = "0000000000000000"
    path.write_text(json.dumps(doc))
    with pytest.raises(KeyPassphraseWrong):  # the associated data no longer matches
        keyfiles.load_signing_key(path, passphrase="pw")


def test_age_identity_round_trip(tmp_path: Path) -> None:
    identity, _recipient = agecrypt.new_identity()
    for passphrase in (None, "pw"):
        path = tmp_path / f"hq-{passphrase}.age-key"
        keyfiles.save_age_identity(path, identity, passphrase)
        assert keyfiles.load_age_identity(path, passphrase) == identity
    with pytest.raises(KeyFileError, match=r"wrong kind of key \(age, not minisign\)"):
        keyfiles.load_signing_key(tmp_path / "hq-None.age-key")


def test_exposed_missing_and_damaged_files(tmp_path: Path) -> None:
    path = tmp_path / "k.key"
    keyfiles.save_signing_key(path, minisign.SigningKey.generate())
    path.chmod(0o644)
    with pytest.raises(KeyFileError, match="other users"):
        keyfiles.load_signing_key(path)
    with pytest.raises(KeyFileError, match="does not exist"):
        keyfiles.load_signing_key(tmp_path / "absent.key")
    for text in ["", "{", "[]", '{"format": "pp-secret-key", "format_version": 9}']:
        path.write_text(text)
        path.chmod(0o600)
        with pytest.raises(KeyFileError):
            keyfiles.load_signing_key(path)
    keyfiles.save_signing_key(path, minisign.SigningKey.generate())
    doc = json.loads(path.read_text())
    doc["secret"] = doc["secret"][:-8] + "AAAAAAA="
    path.write_text(json.dumps(doc))
    with pytest.raises(KeyFileError):
        keyfiles.load_signing_key(path)
