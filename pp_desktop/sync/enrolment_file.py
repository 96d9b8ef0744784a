"""The enrolment file HQ issues for one device, and the proof a device sends back.

JSON, written atomically with mode 0600 (the token is a secret until used)::

    {"format": "pp-enrolment", "format_version": 1, "device_id": "...", "device_name": "...",
     "token": "...", "token_expires": "...Z", "hq_url": null | "https://...",
     "root": {<root document, trust.RootDocument.to_dict()>},
     "checksum": "<SHA-256 hex of the canonical JSON of every other field>"}

The checksum catches damage (a USB stick, a mail client re-wrapping lines); it is not a
signature: the root document inside is checked by its own signatures and by the fingerprint
the officer confirms with HQ (or the one pinned in the build).

The device answers with an "enrol" item in its first bundle: its minisign public key, its age
recipient, and ``proof = HMAC-SHA256(token, domain | device id | sign_pub | age_recipient)``,
which binds those keys to the one-time token without sending the token itself.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pp_desktop.store.atomic import atomic_write_bytes
from pp_desktop.sync.errors import BundleRejected, EnrolmentFileError
from pp_desktop.sync.trust import RootDocument

FORMAT = "pp-enrolment"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 256 * 1024
_PROOF_DOMAIN = "pp-desktop-enrol/v1"
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,63}")
_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def new_token() -> str:
    """A one-time enrolment token: 256 random bits, URL-safe text."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What HQ stores instead of the token (SHA-256 hex)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def enrol_proof(token: str, device_id: str, sign_pub: str, age_recipient: str) -> str:
    """HMAC-SHA256 (hex) keyed by the token over the device id and both public keys."""
    message = "\n".join((_PROOF_DOMAIN, device_id, sign_pub, age_recipient)).encode("utf-8")
    return hmac.new(token.encode("utf-8"), message, hashlib.sha256).hexdigest()


def check_enrol_proof(
    token: str, device_id: str, sign_pub: str, age_recipient: str, proof: str
) -> None:
    """``BundleRejected("bad-token")`` unless ``proof`` was made with ``token`` for these keys."""
    expected = enrol_proof(token, device_id, sign_pub, age_recipient)
    if not hmac.compare_digest(expected.encode(), proof.encode("utf-8", "replace")):
        raise BundleRejected("bad-token", "the enrolment proof does not match the token")


def _checksum(fields: dict[str, Any]) -> str:
    text = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


@dataclass(frozen=True)
class EnrolmentFile:
    """What HQ gives a device to enrol: identity, HQ's root, a one-time expiring token."""

    device_id: str
    device_name: str
    token: str
    token_expires: str
    root: RootDocument
    hq_url: str | None = None

    def token_expired(self, now: datetime | None = None) -> bool:
        """True once the token's expiry has passed (HQ refuses it then: ``bad-token``)."""
        return (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ") > self.token_expires

    def _fields(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "device_id": self.device_id,
            "device_name": self.device_name,
            "token": self.token,
            "token_expires": self.token_expires,
            "hq_url": self.hq_url,
            "root": self.root.to_dict(),
        }

    def to_bytes(self) -> bytes:
        """The file's bytes (JSON with checksum)."""
        if not _ID.fullmatch(self.device_id) or not _TIME.fullmatch(self.token_expires):
            raise ValueError("device id or token expiry malformed")
        fields = self._fields()
        fields["checksum"] = _checksum(fields)
        return (json.dumps(fields, indent=1, ensure_ascii=False) + "\n").encode("utf-8")

    def write(self, path: Path) -> None:
        """Write atomically, mode 0600: a crash leaves the old file or the new one."""
        atomic_write_bytes(Path(path), self.to_bytes(), mode=0o600)

    @classmethod
    def from_bytes(cls, raw: bytes) -> EnrolmentFile:
        """Parse strictly; ``EnrolmentFileError`` for anything damaged or unknown."""
        if len(raw) > MAX_FILE_BYTES:
            raise EnrolmentFileError("The enrolment file is far too large to be one.")
        try:
            doc = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise EnrolmentFileError() from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise EnrolmentFileError()
        version = doc.get("format_version")
        if type(version) is int and version > FORMAT_VERSION:
            raise EnrolmentFileError(
                "This enrolment file was made by a newer version of pp-desktop. Update the app."
            )
        checksum = doc.pop("checksum", None)
        if checksum != _checksum(doc):
            raise EnrolmentFileError(
                "The enrolment file is damaged (checksum). Ask HQ for a new copy."
            )
        expected = {
            "format",
            "format_version",
            "device_id",
            "device_name",
            "token",
            "token_expires",
            "hq_url",
            "root",
        }
        if doc.keys() != expected or version != FORMAT_VERSION:
            raise EnrolmentFileError()
        ok = (
            type(doc["device_id"]) is str
            and bool(_ID.fullmatch(doc["device_id"]))
            and type(doc["device_name"]) is str
            and type(doc["token"]) is str
            and len(doc["token"]) >= 16
            and type(doc["token_expires"]) is str
            and bool(_TIME.fullmatch(doc["token_expires"]))
            and (doc["hq_url"] is None or type(doc["hq_url"]) is str)
        )
        if not ok:
            raise EnrolmentFileError()
        try:
            root = RootDocument.from_dict(doc["root"])
        except BundleRejected as exc:
            raise EnrolmentFileError(f"HQ's root document in the file: {exc.message}") from None
        return cls(
            device_id=doc["device_id"],
            device_name=doc["device_name"],
            token=doc["token"],
            token_expires=doc["token_expires"],
            root=root,
            hq_url=doc["hq_url"],
        )

    @classmethod
    def read(cls, path: Path) -> EnrolmentFile:
        """Read and check an enrolment file (the root's signatures are checked apart, with
        ``trust.verify_root`` and ``trust.check_pin``)."""
        path = Path(path)
        try:
            with path.open("rb") as fh:
                raw = fh.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            raise EnrolmentFileError(f"The enrolment file {path} does not exist.") from None
        except OSError as exc:
            raise EnrolmentFileError(
                f"The enrolment file cannot be read: {exc.strerror}."
            ) from None
        return cls.from_bytes(raw)
