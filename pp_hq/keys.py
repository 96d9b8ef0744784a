"""HQ's keys and its home folder.

    HOME/hq.db                  the database (pp_hq.db)
    HOME/root.json              the current root document (public)
    HOME/keys/age.key           HQ's age identity (devices encrypt to its recipient)     0600
    HOME/keys/online-<v>.key    the online signing key certified by root document v      0600
    ROOT_KEYS/root-<n>.key      the root keys (default HOME/root-keys; may be a removable
                                drive, needed only by ``init`` and ``rotate-key``)        0600

Online keys of earlier root versions are kept: a device still holding root version v verifies
the downstream bundle that brings it the newer root with v's online key.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pp_desktop.store.atomic import atomic_write_bytes
from pp_desktop.sync import agecrypt, keyfiles, minisign
from pp_desktop.sync.errors import KeyFileError, SyncError
from pp_desktop.sync.trust import RootDocument, new_root, sign_root, verify_root

ROOT_KEY_COUNT = 2
ROOT_THRESHOLD = 2
ROOT_VALID_DAYS = 5 * 365
ONLINE_VALID_DAYS = 365


class HomeError(SyncError):
    """The HQ home folder is missing, incomplete or already initialised."""

    exit_code = 40


def _stamp(days: int) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _write_signing_key(path: Path, key: minisign.SigningKey, passphrase: str | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    keyfiles.save_signing_key(path, key, passphrase)


def _read_signing_key(path: Path, passphrase: str | None = None) -> minisign.SigningKey:
    return keyfiles.load_signing_key(path, passphrase)


def root_keys_dir(home: Path, root_keys: Path | None) -> Path:
    """Where the root keys live (``--root-keys`` or HOME/root-keys)."""
    return root_keys if root_keys is not None else home / "root-keys"


def read_root(home: Path) -> RootDocument:
    """The current root document of HQ."""
    path = home / "root.json"
    if not path.is_file():
        raise HomeError(f"{home} is not an HQ home (no root.json). Run 'pp-hq init' first.")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        raw = None
    return RootDocument.from_dict(raw)


def _write_root(home: Path, doc: RootDocument) -> None:
    text = json.dumps(doc.to_dict(), indent=2, sort_keys=True) + "\n"
    atomic_write_bytes(home / "root.json", text.encode("utf-8"), mode=0o644)


def load_root_keys(folder: Path, passphrase: str | None = None) -> list[minisign.SigningKey]:
    """Every root key in ``folder``."""
    paths = sorted(folder.glob("root-*.key"))
    if not paths:
        raise KeyFileError(f"No root keys in {folder}. Is the removable drive plugged in?")
    return [_read_signing_key(p, passphrase) for p in paths]


@dataclass(frozen=True)
class HqKeys:
    """What the running HQ holds: the online keys per root version and the age identity."""

    root: RootDocument
    online: dict[int, minisign.SigningKey]
    age_identity: str

    def signer_for(self, root_version: int) -> minisign.SigningKey:
        """The online key a device holding ``root_version`` can verify (the newest it knows)."""
        known = [v for v in self.online if v <= root_version]
        return self.online[max(known) if known else min(self.online)]


def init_home(
    home: Path, root_keys: Path | None = None, passphrase: str | None = None
) -> RootDocument:
    """Create HQ's keys and root document in ``home`` (key files encrypted under
    ``passphrase`` when given); refuses an initialised home."""
    if (home / "root.json").exists():
        raise HomeError(f"{home} is already an HQ home.")
    home.mkdir(parents=True, exist_ok=True)
    home.chmod(0o700)
    rk_dir = root_keys_dir(home, root_keys)
    rk_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    roots = [minisign.SigningKey.generate() for _ in range(ROOT_KEY_COUNT)]
    for n, key in enumerate(roots, 1):
        _write_signing_key(rk_dir / f"root-{n}.key", key, passphrase)
    online = minisign.SigningKey.generate()
    _write_signing_key(home / "keys" / "online-1.key", online, passphrase)
    identity, recipient = agecrypt.new_identity()
    keyfiles.save_age_identity(home / "keys" / "age.key", identity, passphrase)
    doc = new_root(
        root_keys=[k.public for k in roots],
        threshold=ROOT_THRESHOLD,
        online_key=online.public,
        hq_recipients=[recipient],
        expires=_stamp(ROOT_VALID_DAYS),
        online_expires=_stamp(ONLINE_VALID_DAYS),
    )
    doc = sign_root(doc, roots)
    verify_root(doc, None)
    _write_root(home, doc)
    return doc


def load_keys(home: Path, passphrase: str | None = None) -> HqKeys:
    """The keys the running HQ needs (never the root keys)."""
    root = read_root(home)
    online: dict[int, minisign.SigningKey] = {}
    for path in (home / "keys").glob("online-*.key"):
        version = int(path.stem.split("-", 1)[1])
        online[version] = _read_signing_key(path, passphrase)
    if root.version not in online:
        raise KeyFileError(f"The online key of root version {root.version} is missing.")
    if online[root.version].public != root.online_key:
        raise KeyFileError("The online key does not match the root document.")
    age = keyfiles.load_age_identity(home / "keys" / "age.key", passphrase)
    return HqKeys(root, online, age)


def rotate_online_key(
    home: Path, root_keys: Path | None = None, passphrase: str | None = None
) -> RootDocument:
    """A new online key in a new root document signed by the root keys (the threshold of the
    old and of the new root: the same keys here). Devices receive it downstream."""
    current = read_root(home)
    roots = load_root_keys(root_keys_dir(home, root_keys), passphrase)
    online = minisign.SigningKey.generate()
    doc = new_root(
        root_keys=current.root_keys,
        threshold=current.threshold,
        online_key=online.public,
        hq_recipients=current.hq_recipients,
        expires=_stamp(ROOT_VALID_DAYS),
        online_expires=_stamp(ONLINE_VALID_DAYS),
        version=current.version + 1,
    )
    doc = sign_root(doc, roots)
    verify_root(doc, current)
    _write_signing_key(home / "keys" / f"online-{doc.version}.key", online, passphrase)
    _write_root(home, doc)
    return doc
