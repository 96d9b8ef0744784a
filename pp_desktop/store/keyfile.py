"""The vault key file: the data key (DEK) wrapped by the passphrase and by the recovery key.

Format and rationale: docs/vault-format.md. In short: a JSON document with a SHA-256 checksum,
written atomically and kept in two copies (``vault.key`` and ``vault.key.bak``). The DEK is a
random 256-bit key used as SQLCipher's raw key; it is wrapped with AES-256-GCM under

* Argon2id(passphrase) and
* HKDF-SHA256(recovery key) (the recovery key already has 160 random bits),

with ``pp-desktop-vault-key/v1|<vault id>|<slot>|<key id>`` as associated data, so that a wrap
cannot be moved to another vault, slot or key. A re-key in progress keeps the next key set in
``pending`` until the database has been re-encrypted.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import secrets
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from pp_desktop.store.atomic import atomic_write_bytes
from pp_desktop.store.errors import KeyFileError, VaultTooNew, WrongPassphrase, WrongRecoveryKey

FORMAT = "pp-desktop-vault-key"
FORMAT_VERSION = 1
KEYFILE_NAMES = ("vault.key", "vault.key.bak")
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id cost parameters, stored with every passphrase wrap."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    lanes: int = 4


DEFAULT_ARGON2 = Argon2Params()


@dataclass(frozen=True)
class Wrap:
    """One AES-256-GCM wrap of the DEK under a key derived with ``kdf``."""

    kdf: str  # "argon2id" or "hkdf-sha256"
    salt: bytes
    nonce: bytes
    wrapped: bytes
    argon2: Argon2Params | None = None


@dataclass(frozen=True)
class KeySet:
    """A DEK wrapped for the passphrase and for the recovery key."""

    key_id: str
    passphrase: Wrap
    recovery: Wrap


@dataclass(frozen=True)
class KeyFile:
    """The parsed key file."""

    vault_id: str
    generation: int
    current: KeySet
    pending: KeySet | None = None
    updated_at: str = ""


# --- key material -----------------------------------------------------------------------------


def new_dek() -> bytes:
    """A fresh random 256-bit data key."""
    return secrets.token_bytes(32)


def key_id(dek: bytes) -> str:
    """A short public identifier of a DEK (a truncated hash; reveals nothing about the key)."""
    return hashlib.sha256(b"pp-desktop-dek-id|" + dek).hexdigest()[:16]


def new_recovery_key() -> str:
    """A 160-bit recovery key, shown to the officer once: 8 groups of 4 base32 characters."""
    raw = base64.b32encode(secrets.token_bytes(20)).decode("ascii")
    return "-".join(raw[i : i + 4] for i in range(0, 32, 4))


def normalise_recovery_key(text: str) -> bytes:
    """Parse a recovery key as typed (case, spaces and dashes ignored; 0/1/8 read as O/I/B)."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans("018", "OIB"))
    if len(cleaned) != 32 or any(ch not in _B32 for ch in cleaned):
        raise WrongRecoveryKey(
            "A recovery key has 32 letters and digits (8 groups of 4). Check what you typed."
        )
    return base64.b32decode(cleaned)


def _aad(vault_id: str, slot: str, kid: str) -> bytes:
    return f"{FORMAT}/v{FORMAT_VERSION}|{vault_id}|{slot}|{kid}".encode()


def _argon2_kek(passphrase: str, salt: bytes, params: Argon2Params) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.time_cost,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase.encode("utf-8"))


def _hkdf_kek(secret: bytes, salt: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=b"pp-desktop recovery"
    ).derive(secret)


def _seal(kek: bytes, dek: bytes, aad: bytes) -> tuple[bytes, bytes]:
    nonce = secrets.token_bytes(12)
    return nonce, AESGCM(kek).encrypt(nonce, dek, aad)


def wrap_for_passphrase(
    dek: bytes, passphrase: str, vault_id: str, params: Argon2Params = DEFAULT_ARGON2
) -> Wrap:
    """Wrap ``dek`` under Argon2id(``passphrase``)."""
    salt = secrets.token_bytes(16)
    nonce, wrapped = _seal(
        _argon2_kek(passphrase, salt, params), dek, _aad(vault_id, "passphrase", key_id(dek))
    )
    return Wrap("argon2id", salt, nonce, wrapped, params)


def wrap_for_recovery(dek: bytes, recovery_key: str, vault_id: str) -> Wrap:
    """Wrap ``dek`` under the recovery key."""
    salt = secrets.token_bytes(16)
    kek = _hkdf_kek(normalise_recovery_key(recovery_key), salt)
    nonce, wrapped = _seal(kek, dek, _aad(vault_id, "recovery", key_id(dek)))
    return Wrap("hkdf-sha256", salt, nonce, wrapped)


def make_keyset(
    dek: bytes,
    passphrase: str,
    recovery_key: str,
    vault_id: str,
    params: Argon2Params = DEFAULT_ARGON2,
) -> KeySet:
    """Both wraps of a DEK."""
    return KeySet(
        key_id(dek),
        wrap_for_passphrase(dek, passphrase, vault_id, params),
        wrap_for_recovery(dek, recovery_key, vault_id),
    )


def unwrap_with_passphrase(keyset: KeySet, passphrase: str, vault_id: str) -> bytes:
    """The DEK of ``keyset``; :class:`WrongPassphrase` when the passphrase does not open it."""
    w = keyset.passphrase
    kek = _argon2_kek(passphrase, w.salt, w.argon2 or DEFAULT_ARGON2)
    try:
        dek = AESGCM(kek).decrypt(w.nonce, w.wrapped, _aad(vault_id, "passphrase", keyset.key_id))
    except InvalidTag:
        raise WrongPassphrase() from None
    return dek


def unwrap_with_recovery(keyset: KeySet, recovery_key: str, vault_id: str) -> bytes:
    """The DEK of ``keyset``; :class:`WrongRecoveryKey` when the recovery key does not open it."""
    w = keyset.recovery
    kek = _hkdf_kek(normalise_recovery_key(recovery_key), w.salt)
    try:
        dek = AESGCM(kek).decrypt(w.nonce, w.wrapped, _aad(vault_id, "recovery", keyset.key_id))
    except InvalidTag:
        raise WrongRecoveryKey() from None
    return dek


# --- serialisation ----------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _wrap_to_json(w: Wrap) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kdf": w.kdf,
        "salt": _b64(w.salt),
        "nonce": _b64(w.nonce),
        "wrapped": _b64(w.wrapped),
    }
    if w.argon2 is not None:
        out["t"] = w.argon2.time_cost
        out["m_kib"] = w.argon2.memory_kib
        out["p"] = w.argon2.lanes
    return out


def _wrap_from_json(d: dict[str, Any]) -> Wrap:
    kdf = str(d["kdf"])
    params = None
    if kdf == "argon2id":
        params = Argon2Params(int(d["t"]), int(d["m_kib"]), int(d["p"]))
    elif kdf != "hkdf-sha256":
        raise ValueError(f"unknown kdf {kdf}")
    return Wrap(
        kdf,
        base64.b64decode(d["salt"], validate=True),
        base64.b64decode(d["nonce"], validate=True),
        base64.b64decode(d["wrapped"], validate=True),
        params,
    )


def _keyset_to_json(ks: KeySet) -> dict[str, Any]:
    return {
        "key_id": ks.key_id,
        "passphrase": _wrap_to_json(ks.passphrase),
        "recovery": _wrap_to_json(ks.recovery),
    }


def _keyset_from_json(d: dict[str, Any]) -> KeySet:
    return KeySet(
        str(d["key_id"]), _wrap_from_json(d["passphrase"]), _wrap_from_json(d["recovery"])
    )


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")


def dumps(kf: KeyFile) -> bytes:
    """Serialise ``kf`` with its checksum (SHA-256 of the canonical JSON of every other field)."""
    body: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "vault_id": kf.vault_id,
        "generation": kf.generation,
        "updated_at": kf.updated_at,
        "current": _keyset_to_json(kf.current),
        "pending": _keyset_to_json(kf.pending) if kf.pending else None,
    }
    body["checksum"] = "sha256:" + hashlib.sha256(_canonical(body)).hexdigest()
    return json.dumps(body, sort_keys=True, indent=1).encode("utf-8") + b"\n"


def loads(data: bytes) -> KeyFile:
    """Parse and check a key file; ValueError when damaged, VaultTooNew when from a newer app."""
    doc = json.loads(data.decode("utf-8"))
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError("not a pp-desktop key file")
    checksum = doc.pop("checksum", None)
    if checksum != "sha256:" + hashlib.sha256(_canonical(doc)).hexdigest():
        raise ValueError("checksum mismatch")
    if int(doc["format_version"]) > FORMAT_VERSION:
        raise VaultTooNew()
    return KeyFile(
        vault_id=str(doc["vault_id"]),
        generation=int(doc["generation"]),
        current=_keyset_from_json(doc["current"]),
        pending=_keyset_from_json(doc["pending"]) if doc.get("pending") else None,
        updated_at=str(doc.get("updated_at", "")),
    )


def read_keyfile(folder: Path, *, repair: bool = True) -> KeyFile:
    """The newest intact copy of the key file in ``folder``; repairs a damaged or stale copy.

    Raises :class:`KeyFileError` when no copy is intact.
    """
    good: list[KeyFile] = []
    for name in KEYFILE_NAMES:
        path = folder / name
        try:
            good.append(loads(path.read_bytes()))
        except VaultTooNew:
            raise
        except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
            continue
    if not good:
        raise KeyFileError()
    best = max(good, key=lambda kf: kf.generation)
    if repair and (len(good) < len(KEYFILE_NAMES) or any(kf != best for kf in good)):
        # read-only media: opening still works, the repair happens next time
        with contextlib.suppress(OSError):
            write_keyfile(folder, best)
    return best


def write_keyfile(folder: Path, kf: KeyFile) -> None:
    """Write both copies atomically, one after the other (a crash leaves at least one intact)."""
    kf = replace(kf, updated_at=datetime.now(UTC).isoformat(timespec="seconds"))
    data = dumps(kf)
    for name in KEYFILE_NAMES:
        atomic_write_bytes(folder / name, data)


def keyfile_exists(folder: Path) -> bool:
    """True when at least one copy of the key file exists in ``folder``."""
    return any((folder / name).exists() for name in KEYFILE_NAMES)
