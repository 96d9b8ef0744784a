"""Signed requests: how a device proves who it is when it asks HQ for its downstream bundles.

The device signs, with its enrolled Ed25519 key (the one that signs its bundles)::

    pp-http/v1 \\n METHOD \\n PATH \\n QUERY \\n DEVICE \\n TIMESTAMP \\n NONCE

and sends ``X-PP-Device``, ``X-PP-Time`` (Unix seconds), ``X-PP-Nonce`` (16-64 URL-safe
characters) and ``X-PP-Signature`` (base64 of the 64-byte signature). HQ accepts the request only
when the device is enrolled and not revoked, the time is within ``WINDOW_S`` of HQ's clock, the
nonce was not seen in that window, and the signature verifies with the device's key. A captured
request cannot be replayed (nonce) nor reused later (window), and reveals nothing by itself:
downstream bundles are encrypted to the device anyway.
"""

from __future__ import annotations

import base64
import binascii
import re
import secrets
import threading
import time
from dataclasses import dataclass

from pp_desktop.sync import minisign

DOMAIN = "pp-http/v1"
WINDOW_S = 300
_NONCE = re.compile(r"[A-Za-z0-9_-]{16,64}")


class AuthError(Exception):
    """The request is not signed by an enrolled device (401, reason in ``reason``)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def message(method: str, path: str, query: str, device: str, ts: int, nonce: str) -> bytes:
    """The exact bytes a device signs for one request."""
    return "\n".join((DOMAIN, method.upper(), path, query, device, str(ts), nonce)).encode()


@dataclass(frozen=True)
class SignedHeaders:
    """The four headers of a signed request."""

    device: str
    ts: int
    nonce: str
    signature: str

    def as_dict(self) -> dict[str, str]:
        """HTTP headers."""
        return {
            "X-PP-Device": self.device,
            "X-PP-Time": str(self.ts),
            "X-PP-Nonce": self.nonce,
            "X-PP-Signature": self.signature,
        }


def sign_request(
    key: minisign.SigningKey, device: str, method: str, path: str, query: str = ""
) -> SignedHeaders:
    """Headers for one request (a fresh nonce each time)."""
    ts = int(time.time())
    nonce = secrets.token_urlsafe(24)
    sig = key.sign_raw(message(method, path, query, device, ts, nonce))
    return SignedHeaders(device, ts, nonce, base64.b64encode(sig).decode("ascii"))


class NonceCache:
    """Nonces seen within the freshness window (per server process; the window bounds it)."""

    def __init__(self, window_s: int = WINDOW_S) -> None:
        self._window = window_s
        self._seen: dict[tuple[str, str], float] = {}
        self._lock = threading.Lock()

    def claim(self, device: str, nonce: str, now: float) -> bool:
        """True the first time ``(device, nonce)`` is seen within the window."""
        with self._lock:
            if len(self._seen) > 10_000:
                cutoff = now - 2 * self._window
                self._seen = {k: t for k, t in self._seen.items() if t >= cutoff}
            if (device, nonce) in self._seen:
                return False
            self._seen[(device, nonce)] = now
            return True


def check(
    headers: dict[str, str],
    method: str,
    path: str,
    query: str,
    sign_pub: str | None,
    nonces: NonceCache,
    now: float | None = None,
) -> str:
    """The device id when the request is validly signed; ``AuthError`` otherwise."""
    now = time.time() if now is None else now
    device = headers.get("x-pp-device", "")
    ts_text = headers.get("x-pp-time", "")
    nonce = headers.get("x-pp-nonce", "")
    sig_text = headers.get("x-pp-signature", "")
    if not (device and ts_text and nonce and sig_text):
        raise AuthError("unsigned")
    if sign_pub is None:
        raise AuthError("unknown-device")
    if not ts_text.isdigit() or abs(now - int(ts_text)) > WINDOW_S:
        raise AuthError("stale")
    if not _NONCE.fullmatch(nonce):
        raise AuthError("bad-nonce")
    try:
        sig = base64.b64decode(sig_text, validate=True)
    except (binascii.Error, ValueError):
        raise AuthError("bad-signature") from None
    key = minisign.VerifyKey.from_b64(sign_pub)
    if not key.verify_raw(message(method, path, query, device, int(ts_text), nonce), sig):
        raise AuthError("bad-signature")
    if not nonces.claim(device, nonce, now):
        raise AuthError("replayed")
    return device
