"""age encryption (X25519 recipients) through ``pyrage``: what the ``age`` tool reads and writes.

Identities are age's text forms: ``AGE-SECRET-KEY-1…`` (secret) and ``age1…`` (recipient).
A recipient's *key id* (``recipient_id``) is the first 16 hex digits of SHA-256 of its text: the
bundle header names its recipients by these ids, so a receiver can tell "not for us" before
trying to decrypt.
"""

from __future__ import annotations

import hashlib

import pyrage

from pp_desktop.sync.errors import BundleRejected, KeyFileError


def new_identity() -> tuple[str, str]:
    """A new X25519 identity: (secret ``AGE-SECRET-KEY-1…``, recipient ``age1…``)."""
    identity = pyrage.x25519.Identity.generate()
    return str(identity), str(identity.to_public())


def recipient_of(identity: str) -> str:
    """The recipient (``age1…``) of a secret identity."""
    return str(_identity(identity).to_public())


def recipient_id(recipient: str) -> str:
    """The short id of a recipient named in bundle headers (16 hex digits)."""
    return hashlib.sha256(recipient.strip().encode("ascii", "replace")).hexdigest()[:16]


def check_recipient(recipient: str) -> str:
    """``recipient`` when it is a valid ``age1…`` X25519 recipient; ``KeyFileError`` otherwise."""
    try:
        return str(pyrage.x25519.Recipient.from_str(recipient.strip()))
    except (pyrage.RecipientError, ValueError, TypeError):
        raise KeyFileError(f"{recipient[:80]!r} is not an age recipient (age1…).") from None


def _identity(identity: str) -> pyrage.x25519.Identity:
    try:
        return pyrage.x25519.Identity.from_str(identity.strip())
    except (pyrage.IdentityError, ValueError, TypeError):
        raise KeyFileError("The age identity is damaged (expected AGE-SECRET-KEY-1…).") from None


def encrypt(data: bytes, recipients: list[str]) -> bytes:
    """Encrypt ``data`` to every recipient (binary age format, as ``age -r`` writes)."""
    if not recipients:
        raise KeyFileError("No age recipient to encrypt to.")
    parsed = [pyrage.x25519.Recipient.from_str(check_recipient(r)) for r in recipients]
    return bytes(pyrage.encrypt(data, parsed))


def decrypt(data: bytes, identity: str) -> bytes:
    """Decrypt age ciphertext; ``BundleRejected("decrypt-failed")`` when it cannot be opened."""
    ident = _identity(identity)
    try:
        return bytes(pyrage.decrypt(data, [ident]))
    except (pyrage.DecryptError, ValueError, TypeError) as exc:
        raise BundleRejected("decrypt-failed", str(exc)[:120]) from None
