"""HQ's root document (TUF-style): who may sign for HQ, and how that changes.

The document names the root keys and how many of them must sign (threshold), HQ's online
signing key (certified by the root, with its own expiry: the running server holds only this
key), HQ's age recipients (what devices encrypt to), a version and an expiry. It is JSON::

    {"format": "pp-root", "format_version": 1, "version": 3, "expires": "...Z",
     "root_keys": ["<minisign public key, base64>", ...], "threshold": 2,
     "online_key": "<base64>", "online_expires": "...Z", "hq_recipients": ["age1..."],
     "signatures": [{"key_id": "<16 hex>", "sig": "<base64 Ed25519>"}, ...]}

The signatures are plain Ed25519 over ``canonical()``: a domain prefix and the document without
its signatures as sorted, compact, ASCII JSON. A new document is accepted only when signed by
the threshold of its own root keys AND of the previous document's root keys, with a higher
version (no rollback). The human fingerprint names the root keys and the threshold only, so that
renewing the online key or the expiry does not change what an officer confirmed by phone.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from pp_desktop.paths import resource
from pp_desktop.sync import agecrypt, minisign
from pp_desktop.sync.errors import BundleRejected, KeyFileError, RootRejected

ROOT_FORMAT = "pp-root"
ROOT_FORMAT_VERSION = 1
_DOMAIN = b"pp-desktop-root/v1\n"
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
PIN_FILE = ("sync", "hq-root.fingerprint")


def _stamp(moment: datetime | None) -> str:
    return (moment or datetime.now(UTC)).astimezone(UTC).strftime(_TIME_FORMAT)


def _valid_time(value: Any) -> bool:
    if type(value) is not str:
        return False
    try:
        datetime.strptime(value, _TIME_FORMAT)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class RootSignature:
    """One root key's signature over the canonical document."""

    key_id: str
    sig: bytes


@dataclass(frozen=True)
class RootDocument:
    """HQ's root of trust. Build it, ``sign_root`` it, check it with ``verify_root``."""

    version: int
    expires: str
    root_keys: tuple[minisign.VerifyKey, ...]
    threshold: int
    online_key: minisign.VerifyKey
    online_expires: str
    hq_recipients: tuple[str, ...]
    signatures: tuple[RootSignature, ...] = field(default=())

    def signed_part(self) -> dict[str, Any]:
        """Everything the signatures cover."""
        return {
            "format": ROOT_FORMAT,
            "format_version": ROOT_FORMAT_VERSION,
            "version": self.version,
            "expires": self.expires,
            "root_keys": [k.to_b64() for k in self.root_keys],
            "threshold": self.threshold,
            "online_key": self.online_key.to_b64(),
            "online_expires": self.online_expires,
            "hq_recipients": list(self.hq_recipients),
        }

    def canonical(self) -> bytes:
        """The signed bytes: domain prefix + sorted compact ASCII JSON of ``signed_part``."""
        text = json.dumps(self.signed_part(), sort_keys=True, separators=(",", ":"))
        return _DOMAIN + text.encode("ascii")

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (what enrolment files and "root" items carry)."""
        return {
            **self.signed_part(),
            "signatures": [
                {"key_id": s.key_id, "sig": base64.b64encode(s.sig).decode()}
                for s in self.signatures
            ],
        }

    def to_json(self) -> str:
        """The JSON form as text (how a vault or HQ stores the installed root)."""
        return json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | bytes) -> RootDocument:
        """Parse ``to_json`` text; ``RootRejected("root-malformed")`` when damaged."""
        try:
            raw = json.loads(text)
        except (ValueError, RecursionError):
            raise RootRejected("root-malformed", "not JSON") from None
        return cls.from_dict(raw)

    @classmethod
    def from_dict(cls, raw: Any) -> RootDocument:
        """Parse the JSON form strictly; ``RootRejected("root-malformed")`` otherwise."""
        try:
            return cls._from_dict(raw)
        except (BundleRejected, KeyFileError, KeyError, TypeError, ValueError, binascii.Error):
            version = raw.get("format_version") if isinstance(raw, dict) else None
            if type(version) is int and version > ROOT_FORMAT_VERSION:
                raise RootRejected("root-too-new") from None
            raise RootRejected("root-malformed") from None

    @classmethod
    def _from_dict(cls, raw: Any) -> RootDocument:
        if not isinstance(raw, dict):
            raise TypeError("not an object")
        expected = {*cls._signed_keys(), "signatures"}
        if raw.keys() != expected or raw["format"] != ROOT_FORMAT:
            raise ValueError("fields")
        if raw["format_version"] != ROOT_FORMAT_VERSION:
            raise ValueError("format version")
        if not (type(raw["version"]) is int and raw["version"] >= 1):
            raise ValueError("version")
        if not (_valid_time(raw["expires"]) and _valid_time(raw["online_expires"])):
            raise ValueError("times")
        keys = tuple(minisign.VerifyKey.from_b64(k) for k in _list(raw["root_keys"]))
        recipients = tuple(agecrypt.check_recipient(r) for r in _list(raw["hq_recipients"]))
        sigs = []
        for s in _list(raw["signatures"]):
            if not isinstance(s, dict) or s.keys() != {"key_id", "sig"}:
                raise ValueError("signature")
            sig = base64.b64decode(str(s["sig"]), validate=True)
            if type(s["key_id"]) is not str or len(sig) != 64:
                raise ValueError("signature")
            sigs.append(RootSignature(s["key_id"], sig))
        threshold = raw["threshold"]
        if type(threshold) is not int:
            raise ValueError("threshold")
        doc = cls(
            version=raw["version"],
            expires=raw["expires"],
            root_keys=keys,
            threshold=threshold,
            online_key=minisign.VerifyKey.from_b64(raw["online_key"]),
            online_expires=raw["online_expires"],
            hq_recipients=recipients,
            signatures=tuple(sigs),
        )
        _check_consistent(doc)
        return doc

    @staticmethod
    def _signed_keys() -> tuple[str, ...]:
        return (
            "format",
            "format_version",
            "version",
            "expires",
            "root_keys",
            "threshold",
            "online_key",
            "online_expires",
            "hq_recipients",
        )

    def fingerprint(self) -> str:
        """What an officer reads out to HQ: 32 hex digits in groups of four, naming the root
        keys and the threshold (not the online key, not the expiry)."""
        keys = ",".join(sorted(k.to_b64() for k in self.root_keys))
        digest = hashlib.sha256(f"{self.threshold}|{keys}".encode()).hexdigest()[:32].upper()
        return " ".join(digest[i : i + 4] for i in range(0, 32, 4))

    def online_verify_key(self, now: datetime | None = None) -> minisign.VerifyKey:
        """HQ's online key, to verify downstream bundles; ``online-key-expired`` after its
        expiry (a device then needs a root document with a renewed online key)."""
        if _stamp(now) > self.online_expires:
            raise RootRejected("online-key-expired", f"expired {self.online_expires}")
        return self.online_key


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise TypeError("not a list")
    return value


def _check_consistent(doc: RootDocument) -> None:
    ids = [k.key_id for k in doc.root_keys]
    if not doc.root_keys or len(set(ids)) != len(ids):
        raise ValueError("root keys must be present and distinct")
    if not 1 <= doc.threshold <= len(doc.root_keys):
        raise ValueError("threshold must be between 1 and the number of root keys")
    if not doc.hq_recipients:
        raise ValueError("HQ needs at least one age recipient")


def new_root(
    *,
    root_keys: Iterable[minisign.VerifyKey],
    threshold: int,
    online_key: minisign.VerifyKey,
    hq_recipients: Iterable[str],
    expires: str,
    online_expires: str,
    version: int = 1,
) -> RootDocument:
    """An unsigned root document (``ValueError`` when it is inconsistent)."""
    doc = RootDocument(
        version=version,
        expires=expires,
        root_keys=tuple(root_keys),
        threshold=threshold,
        online_key=online_key,
        online_expires=online_expires,
        hq_recipients=tuple(agecrypt.check_recipient(r) for r in hq_recipients),
    )
    if not (_valid_time(expires) and _valid_time(online_expires)):
        raise ValueError("times must be YYYY-MM-DDTHH:MM:SSZ")
    _check_consistent(doc)
    return doc


def sign_root(doc: RootDocument, keys: Iterable[minisign.SigningKey]) -> RootDocument:
    """``doc`` with signatures added by ``keys`` (a key's earlier signature is replaced)."""
    message = doc.canonical()
    sigs = {s.key_id: s for s in doc.signatures}
    for key in keys:
        sigs[key.key_id] = RootSignature(key.key_id, key.sign_raw(message))
    return replace(doc, signatures=tuple(sigs.values()))


def count_signers(doc: RootDocument, keys: Iterable[minisign.VerifyKey]) -> int:
    """How many distinct ``keys`` made a valid signature over ``doc``."""
    message = doc.canonical()
    by_id = {k.key_id: k for k in keys}
    good = set()
    for s in doc.signatures:
        key = by_id.get(s.key_id)
        if key is not None and key.verify_raw(message, s.sig):
            good.add(s.key_id)
    return len(good)


def verify_root(
    doc: RootDocument, previous: RootDocument | None, now: datetime | None = None
) -> None:
    """Accept ``doc`` (first install when ``previous`` is None, else a rotation) or raise
    ``RootRejected``: ``root-threshold`` (too few valid signatures of its own root keys, or of
    the previous ones), ``root-rollback`` (not newer), ``root-expired``."""
    if count_signers(doc, doc.root_keys) < doc.threshold:
        raise RootRejected("root-threshold", f"needs {doc.threshold} of its own root keys")
    if previous is not None:
        if doc.canonical() == previous.canonical():
            return  # the same document again (re-sent): nothing to rotate
        if doc.version <= previous.version:
            raise RootRejected("root-rollback", f"version {doc.version} <= {previous.version}")
        if count_signers(doc, previous.root_keys) < previous.threshold:
            raise RootRejected(
                "root-threshold", f"needs {previous.threshold} of the previous root keys"
            )
    if _stamp(now) > doc.expires:
        raise RootRejected("root-expired", f"expired {doc.expires}")


def normalise_fingerprint(text: str) -> str:
    """A fingerprint as typed or pinned (any case, spaces or dashes) in the display form."""
    digits = "".join(c for c in text.upper() if c in "0123456789ABCDEF")
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def pinned_fingerprint() -> str | None:
    """The root fingerprint pinned in ``resources/sync/hq-root.fingerprint``, if a build has
    one (first non-empty, non-comment line)."""
    path = resource(*PIN_FILE)
    if not path.is_file():
        return None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            return normalise_fingerprint(line)
    return None


def check_pin(doc: RootDocument, pinned: str | None) -> None:
    """``root-pinned`` when a fingerprint is pinned and ``doc`` does not have it."""
    if pinned is not None and normalise_fingerprint(pinned) != doc.fingerprint():
        raise RootRejected("root-pinned", f"expected {normalise_fingerprint(pinned)}")
