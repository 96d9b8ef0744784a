"""Secret key files (HQ root keys, HQ online key, HQ age identity): 0600, optionally encrypted.

One JSON file per secret::

    {"format": "pp-secret-key", "format_version": 1, "kind": "minisign" | "age",
     "key_id": "<public id, for people and for checks>", "kdf": "none" | "argon2id",
     "argon2": {"time_cost", "memory_kib", "lanes"} | null, "salt": b64, "nonce": b64,
     "secret": b64}

With a passphrase the secret is AES-256-GCM under Argon2id(passphrase, salt), with
``pp-secret-key/v1|<kind>|<key_id>`` as associated data (a wrap cannot be moved to another key
or kind). Files are written atomically with mode 0600, and a file that group or others can read
is refused on POSIX systems, as ssh does, because such a key may already have leaked.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import secrets
import stat
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from pp_desktop.store.atomic import atomic_write_bytes
from pp_desktop.sync import agecrypt, minisign
from pp_desktop.sync.errors import KeyFileError, KeyPassphraseWrong

FORMAT = "pp-secret-key"
FORMAT_VERSION = 1
ARGON2 = {"time_cost": 3, "memory_kib": 64 * 1024, "lanes": 4}


def _derive(passphrase: str, salt: bytes, params: dict[str, int]) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params["time_cost"],
        lanes=params["lanes"],
        memory_cost=params["memory_kib"],
    )
    return kdf.derive(passphrase.encode("utf-8"))


def _aad(kind: str, key_id: str) -> bytes:
    return f"pp-secret-key/v1|{kind}|{key_id}".encode()


def save_secret(
    path: Path, kind: str, key_id: str, secret: bytes, passphrase: str | None = None
) -> None:
    """Write one secret atomically, mode 0600, encrypted when ``passphrase`` is given."""
    doc: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "kind": kind,
        "key_id": key_id,
        "kdf": "none",
        "argon2": None,
        "salt": "",
        "nonce": "",
        "secret": base64.b64encode(secret).decode(),
    }
    if passphrase:
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        wrapped = AESGCM(_derive(passphrase, salt, ARGON2)).encrypt(
            nonce, secret, _aad(kind, key_id)
        )
        doc.update(
            kdf="argon2id",
            argon2=dict(ARGON2),
            salt=base64.b64encode(salt).decode(),
            nonce=base64.b64encode(nonce).decode(),
            secret=base64.b64encode(wrapped).decode(),
        )
    atomic_write_bytes(Path(path), (json.dumps(doc, indent=1) + "\n").encode(), mode=0o600)


def is_encrypted(path: Path) -> bool:
    """True when the key file needs a passphrase."""
    return bool(_read_doc(Path(path))["kdf"] == "argon2id")


def _read_doc(path: Path) -> dict[str, Any]:
    try:
        info = path.stat()
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KeyFileError(f"The key file {path} does not exist.") from None
    except OSError as exc:
        raise KeyFileError(f"The key file {path} cannot be read: {exc.strerror}.") from None
    if os.name == "posix" and info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise KeyFileError(
            f"The key file {path} can be read by other users; it may have leaked. "
            f"Restrict it (chmod 600) and consider rotating the key."
        )
    try:
        doc = json.loads(raw)
    except (ValueError, RecursionError):
        raise KeyFileError(f"The key file {path} is damaged (not JSON).") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise KeyFileError(f"{path} is not a pp-desktop key file.")
    if doc.get("format_version") != FORMAT_VERSION:
        raise KeyFileError(f"The key file {path} has a format this app does not know.")
    if doc.get("kdf") not in ("none", "argon2id") or doc.get("kind") not in ("minisign", "age"):
        raise KeyFileError(f"The key file {path} is damaged.")
    return doc


def load_secret(path: Path, kind: str, passphrase: str | None = None) -> tuple[str, bytes]:
    """(key id, secret bytes) of a key file of ``kind``. ``KeyPassphraseWrong`` when the
    passphrase does not open it; ``KeyFileError`` for a missing, damaged or exposed file."""
    path = Path(path)
    doc = _read_doc(path)
    if doc["kind"] != kind:
        raise KeyFileError(f"{path} holds the wrong kind of key ({doc['kind']}, not {kind}).")
    key_id = doc.get("key_id")
    try:
        secret = base64.b64decode(doc["secret"], validate=True)
        if doc["kdf"] == "none":
            return str(key_id), secret
        if not passphrase:
            raise KeyFileError(f"The key file {path} is protected by a passphrase.")
        params = {k: int(doc["argon2"][k]) for k in ARGON2}
        salt = base64.b64decode(doc["salt"], validate=True)
        nonce = base64.b64decode(doc["nonce"], validate=True)
        key = _derive(passphrase, salt, params)
        return str(key_id), AESGCM(key).decrypt(nonce, secret, _aad(kind, str(key_id)))
    except InvalidTag:
        raise KeyPassphraseWrong() from None
    except (KeyError, TypeError, ValueError, binascii.Error):
        raise KeyFileError(f"The key file {path} is damaged.") from None


def save_signing_key(path: Path, key: minisign.SigningKey, passphrase: str | None = None) -> None:
    """Save a minisign signing key (root or online key)."""
    save_secret(path, "minisign", key.key_id, key.to_bytes(), passphrase)


def load_signing_key(path: Path, passphrase: str | None = None) -> minisign.SigningKey:
    """Load a signing key saved by ``save_signing_key`` (its key id is checked)."""
    key_id, secret = load_secret(path, "minisign", passphrase)
    key = minisign.SigningKey.from_bytes(secret)
    if key.key_id != key_id:
        raise KeyFileError(f"The key file {path} is damaged (key id).")
    return key


def save_age_identity(path: Path, identity: str, passphrase: str | None = None) -> None:
    """Save an age identity (``AGE-SECRET-KEY-1…``); the key id is its recipient's id."""
    key_id = agecrypt.recipient_id(agecrypt.recipient_of(identity))
    save_secret(path, "age", key_id, identity.encode("ascii"), passphrase)


def load_age_identity(path: Path, passphrase: str | None = None) -> str:
    """Load an age identity saved by ``save_age_identity`` (its key id is checked)."""
    key_id, secret = load_secret(path, "age", passphrase)
    try:
        identity = secret.decode("ascii")
    except UnicodeDecodeError:
        raise KeyFileError(f"The key file {path} is damaged.") from None
    if agecrypt.recipient_id(agecrypt.recipient_of(identity)) != key_id:
        raise KeyFileError(f"The key file {path} is damaged (key id).")
    return identity
