"""HQ's keys: files 0600, optionally passphrase-protected, root keys apart, online key rotation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pp_desktop.sync.errors import KeyFileError, KeyPassphraseWrong
from pp_desktop.sync.trust import RootDocument, verify_root
from pp_hq.context import Hq
from pp_hq.keys import HomeError, read_root, rotate_online_key


def test_keys_are_private_and_root_keys_can_live_apart(tmp_path: Path) -> None:
    home, offline = tmp_path / "hq", tmp_path / "drive"
    hq = Hq.init(home, offline)
    hq.dispose()
    files = [*(home / "keys").iterdir(), *offline.iterdir()]
    assert sorted(f.name for f in offline.iterdir()) == ["root-1.key", "root-2.key"]
    assert not (home / "root-keys").exists()
    assert all(f.stat().st_mode & 0o777 == 0o600 for f in files)
    with pytest.raises(HomeError):
        Hq.init(home)  # never over an existing home

    old = read_root(home)
    with pytest.raises(KeyFileError):
        rotate_online_key(home)  # the root keys are not in the home
    new = rotate_online_key(home, offline)
    assert new.version == old.version + 1 and new.online_key != old.online_key
    assert new.fingerprint() == old.fingerprint()
    verify_root(new, old)  # the threshold of the old and of the new root keys signed it
    hq = Hq(home)
    assert hq.keys.root == new and set(hq.keys.online) == {1, 2}
    assert hq.keys.signer_for(1).public == old.online_key  # devices still on version 1
    assert hq.keys.signer_for(2).public == new.online_key
    hq.dispose()


def test_passphrase_protected_key_files(tmp_path: Path) -> None:
    home = tmp_path / "hq"
    Hq.init(home, passphrase="operator passphrase 2026").dispose()
    doc = json.loads((home / "keys" / "online-1.key").read_text())
    assert doc["kdf"] == "argon2id"
    raw_secret = (home / "keys" / "age.key").read_text()
    assert "AGE-SECRET-KEY" not in raw_secret
    with pytest.raises(KeyFileError):
        Hq(home)
    with pytest.raises(KeyPassphraseWrong):
        Hq(home, passphrase="not the passphrase")
    hq = Hq(home, passphrase="operator passphrase 2026")
    assert isinstance(hq.keys.root, RootDocument)
    hq.dispose()
