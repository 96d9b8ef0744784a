"""Signed, encrypted bundles: ``<name>.age`` + ``<name>.age.minisig`` (DESIGN §5).

* ``<name>.age``: age ciphertext (X25519, to the receiver's recipients) of the payload::

      b"pp-bundle\\n" + inner header (compact JSON) + b"\\n" + zlib(JSON lines of items)

  The inner header is the outer header without ``sha256`` (the ciphertext cannot contain its
  own hash); it must equal the outer one, which stops an enrolled device from re-signing
  another device's bundle as its own.
* ``<name>.age.minisig``: minisign signature (prehashed Ed25519) by the sender over the
  ciphertext; its trusted comment is the header as compact ASCII JSON.

Reading is in steps, so that the caller can do its own checks (sender key lookup, revocation,
replay / fork) between them, in the order of DESIGN §5::

    header = read_outer(age, minisig)                 # parse, format version, sizes
    key = <caller: key bound to header.sender, not revoked>
    verify_outer(header, age, minisig, key)           # signature, trusted comment, hash, expiry
    <caller: (sender, seq, hash) replay / fork>
    items = open_inner(header, age, identity)         # decrypt, inner header, limits, shapes

Every failure raises ``BundleRejected`` with a reason code (docs/sync-protocol.md).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

import uuid_utils

from pp_desktop.sync import agecrypt, body, minisign
from pp_desktop.sync.errors import BundleRejected
from pp_desktop.sync.limits import DEFAULT_LIMITS, MAX_ITEM_BYTES, Limits

FORMAT_VERSION = 1
ACCEPTED_FORMATS = frozenset({FORMAT_VERSION})  # own and previous (there is no previous yet)
MAGIC = b"pp-bundle\n"
KINDS = ("up", "down", "enrol")
HQ = "hq"  # the sender id of HQ, and the receiver id of device bundles

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,63}")
_HASH = re.compile(r"[0-9a-f]{64}")
_RECIPIENTS = re.compile(r"[0-9a-f]{16}(,[0-9a-f]{16}){0,15}")
_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
_MAX_SEQ = 2**53  # JSON-safe integers only


def utc_now() -> str:
    """Now, as the header writes times: ``YYYY-MM-DDTHH:MM:SSZ``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Header:
    """The header, signed in the trusted comment and repeated (without sha256) inside."""

    format: int
    kind: str  # "up" (device -> HQ), "down" (HQ -> device), "enrol" (a device's first bundle)
    bundle_id: str
    sender: str  # device id, or "hq"
    to: str  # receiver: "hq", or the device id
    seq: int  # per (sender, receiver), from 1
    recipient: str  # comma-separated ``agecrypt.recipient_id`` of every age recipient
    created: str
    expires: str | None
    prev: str  # hash of the sender's previous bundle to this receiver ("" for the first)
    audit_head: str
    count: int  # items in the body
    sha256: str  # of the ciphertext: "the bundle hash"

    def to_comment(self) -> str:
        """The trusted comment: compact, ASCII-only JSON, keys in declaration order."""
        return json.dumps(asdict(self), separators=(",", ":"), ensure_ascii=True)

    def inner(self) -> dict[str, Any]:
        """What the payload repeats: every field but the ciphertext hash."""
        fields = asdict(self)
        del fields["sha256"]
        return fields

    @property
    def recipients(self) -> tuple[str, ...]:
        """The recipient ids."""
        return tuple(self.recipient.split(","))

    @classmethod
    def from_comment(cls, comment: str) -> Header:
        """Parse and check a trusted comment strictly (format version first)."""
        try:
            raw = json.loads(comment)
        except (ValueError, RecursionError):
            raise BundleRejected("malformed", "header is not JSON") from None
        if not isinstance(raw, dict):
            raise BundleRejected("malformed", "header is not an object")
        return cls._from_dict(raw, with_hash=True)

    @classmethod
    def _from_dict(cls, raw: dict[str, Any], *, with_hash: bool) -> Header:
        fmt = raw.get("format")
        if type(fmt) is not int:
            raise BundleRejected("malformed", "header has no format version")
        if fmt > FORMAT_VERSION:
            raise BundleRejected(
                "format-too-new", f"format {fmt}, this app reads up to {FORMAT_VERSION}"
            )
        if fmt not in ACCEPTED_FORMATS:
            raise BundleRejected("format-too-old", f"format {fmt}")
        expected = set(_FIELDS) if with_hash else set(_FIELDS) - {"sha256"}
        if raw.keys() != expected:
            odd = sorted(raw.keys() ^ expected)[0]
            raise BundleRejected("malformed", f"header field {str(odd)[:40]!r}")
        if not raw.get("sha256") and not with_hash:
            raw = {**raw, "sha256": ""}
        _check_header_values(raw, with_hash=with_hash)
        return cls(**raw)


_FIELDS = tuple(Header.__dataclass_fields__)


def _check_header_values(raw: dict[str, Any], *, with_hash: bool) -> None:
    def ok_time(v: Any) -> bool:
        if type(v) is not str or not _TIME.fullmatch(v):
            return False
        try:
            datetime.strptime(v, "%Y-%m-%dT%H:%M:%SZ")  # a real date and time, not 2026-13-45
        except ValueError:
            return False
        return True

    checks = {
        "kind": raw["kind"] in KINDS,
        "bundle_id": type(raw["bundle_id"]) is str and bool(_ID.fullmatch(raw["bundle_id"])),
        "sender": type(raw["sender"]) is str and bool(_ID.fullmatch(raw["sender"])),
        "to": type(raw["to"]) is str and bool(_ID.fullmatch(raw["to"])),
        "seq": type(raw["seq"]) is int and 1 <= raw["seq"] < _MAX_SEQ,
        "recipient": type(raw["recipient"]) is str
        and bool(_RECIPIENTS.fullmatch(raw["recipient"])),
        "created": ok_time(raw["created"]),
        # downstream bundles always expire (DESIGN §5); upstream ones may
        "expires": ok_time(raw["expires"]) or (raw["expires"] is None and raw["kind"] != "down"),
        "prev": raw["prev"] == ""
        or (type(raw["prev"]) is str and bool(_HASH.fullmatch(raw["prev"]))),
        "audit_head": type(raw["audit_head"]) is str and len(raw["audit_head"]) <= 128,
        "count": type(raw["count"]) is int and raw["count"] >= 0,
        "sha256": not with_hash
        or (type(raw["sha256"]) is str and bool(_HASH.fullmatch(raw["sha256"]))),
    }
    bad = [name for name, good in checks.items() if not good]
    if bad:
        raise BundleRejected("malformed", f"header field {bad[0]!r}")


def file_names(header: Header) -> tuple[str, str]:
    """The two file names: ``<sender>-<seq>.age`` (+ ``.minisig``); downstream
    ``hq-<device>-<seq>.age`` (+ ``.minisig``)."""
    stem = (
        f"{HQ}-{header.to}-{header.seq}"
        if header.kind == "down"
        else (f"{header.sender}-{header.seq}")
    )
    return f"{stem}.age", f"{stem}.age.minisig"


def untrusted_comment(header: Header) -> str:
    """The signature file's first line after "untrusted comment: " (fixed by the header)."""
    return f"pp-desktop bundle {file_names(header)[0]}"


@dataclass(frozen=True)
class Sealed:
    """A sealed bundle: its header and the bytes of its two files."""

    header: Header
    age: bytes
    minisig: bytes

    @property
    def hash(self) -> str:
        """The bundle hash (SHA-256 of the ciphertext), as receipts name it."""
        return self.header.sha256

    @property
    def names(self) -> tuple[str, str]:
        """The two file names."""
        return file_names(self.header)


def encode_items(items: Iterable[dict[str, Any]]) -> list[bytes]:
    """Every item as its JSON line. ``ValueError`` for a value JSON cannot carry."""
    return [body.encode_item(item) for item in items]


def chunk_lines(lines: Sequence[bytes], max_items: int, max_bytes: int) -> list[range]:
    """Index ranges of ``lines`` so that each range has at most ``max_items`` lines and
    ``max_bytes`` bytes (a single larger line travels alone). Never empty: no lines, one range."""
    ranges: list[range] = []
    start, size = 0, 0
    for i, line in enumerate(lines):
        if len(line) > MAX_ITEM_BYTES:
            raise ValueError(f"item {i} is {len(line):,} bytes, more than a bundle can carry")
        n = i - start
        if n and (n >= max_items or size + len(line) + 1 > max_bytes):
            ranges.append(range(start, i))
            start, size = i, 0
        size += len(line) + 1
    ranges.append(range(start, len(lines)))
    return ranges


def chunk(
    items: list[dict[str, Any]],
    max_items: int = DEFAULT_LIMITS.chunk_items,
    max_bytes: int = DEFAULT_LIMITS.chunk_bytes,
) -> list[list[dict[str, Any]]]:
    """Split items into bundle-sized lists (the encoded size is measured, so this encodes once;
    ``seal_series`` avoids the second encoding)."""
    return [items[r.start : r.stop] for r in chunk_lines(encode_items(items), max_items, max_bytes)]


def seal(
    *,
    kind: str,
    sender: str,
    seq: int,
    prev: str,
    audit_head: str,
    items: list[dict[str, Any]] | None = None,
    signer: minisign.SigningKey,
    recipients: list[str],
    to: str = HQ,
    expires: str | None = None,
    lines: Sequence[bytes] | None = None,
    created: str | None = None,
) -> Sealed:
    """Build, compress, encrypt and sign one bundle. ``lines`` (from ``encode_items``) may be
    given instead of ``items``. Items are checked as the receiver will check them, so a sender
    bug fails here rather than at HQ (``BundleRejected``); ``ValueError`` for bad arguments."""
    if lines is None:
        if items is None:
            raise ValueError("seal needs items or lines")
        body.check_items(kind, items)
        lines = encode_items(items)
    if not recipients:
        raise ValueError("seal needs at least one age recipient")
    limits = DEFAULT_LIMITS
    if len(lines) > limits.max_items or sum(map(len, lines)) + len(lines) > limits.max_body_bytes:
        # a receiver would refuse it as too-large: split with seal_series / chunk instead
        raise ValueError(f"{len(lines):,} items are too many or too large for one bundle")
    fields: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "kind": kind,
        "bundle_id": str(uuid_utils.uuid7()),
        "sender": sender,
        "to": to,
        "seq": seq,
        "recipient": ",".join(sorted({agecrypt.recipient_id(r) for r in recipients})),
        "created": created or utc_now(),
        "expires": expires,
        "prev": prev,
        "audit_head": audit_head,
        "count": len(lines),
        "sha256": "",
    }
    try:
        _check_header_values(fields, with_hash=False)
    except BundleRejected as exc:
        raise ValueError(f"cannot seal: {exc.detail}") from None
    inner = {k: v for k, v in fields.items() if k != "sha256"}
    plain = MAGIC + json.dumps(inner, separators=(",", ":")).encode() + b"\n" + body.compress(lines)
    ciphertext = agecrypt.encrypt(plain, recipients)
    header = Header(**{**fields, "sha256": hashlib.sha256(ciphertext).hexdigest()})
    sig = signer.sign(ciphertext, header.to_comment(), untrusted_comment(header))
    return Sealed(header, ciphertext, sig)


def seal_series(
    *,
    kind: str,
    sender: str,
    first_seq: int,
    prev: str,
    audit_head: str,
    items: list[dict[str, Any]],
    signer: minisign.SigningKey,
    recipients: list[str],
    to: str = HQ,
    expires: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> list[Sealed]:
    """Seal ``items`` into as many bundles as the caps make, with consecutive sequence numbers
    chained by hash (each bundle's ``prev`` is the hash of the one before)."""
    body.check_items(kind, items)
    lines = encode_items(items)
    out: list[Sealed] = []
    for n, part in enumerate(chunk_lines(lines, limits.chunk_items, limits.chunk_bytes)):
        sealed = seal(
            kind=kind,
            sender=sender,
            seq=first_seq + n,
            prev=prev,
            audit_head=audit_head,
            lines=lines[part.start : part.stop],
            signer=signer,
            recipients=recipients,
            to=to,
            expires=expires,
        )
        prev = sealed.hash
        out.append(sealed)
    return out


def read_outer(
    age: bytes,
    minisig: bytes,
    limits: Limits = DEFAULT_LIMITS,
    *,
    kinds: Collection[str] | None = None,
    receiver: str | None = None,
) -> Header:
    """Step 1: sizes, signature file shape, header (format version first). Nothing verified.

    ``kinds``: the kinds this side accepts (``wrong-kind`` otherwise, e.g. HQ given a "down"
    bundle); ``receiver``: this side's id, "hq" or the device id (``not-for-us`` otherwise)."""
    if len(age) > limits.max_age_bytes:
        raise BundleRejected("too-large", f"{len(age):,} bytes, limit {limits.max_age_bytes:,}")
    if len(minisig) > limits.max_sig_bytes:
        raise BundleRejected("too-large", "signature file")
    if not age.startswith(b"age-encryption.org/v1\n"):
        raise BundleRejected("malformed", "not an age file")
    parsed = minisign.parse_signature(minisig)
    if len(parsed.comment_bytes) > limits.max_comment_bytes:
        raise BundleRejected("too-large", "header")
    header = Header.from_comment(parsed.trusted_comment)
    if parsed.untrusted_comment != untrusted_comment(header):
        # not signed, but fixed: a flipped byte anywhere in the files is refused
        raise BundleRejected("malformed", "untrusted comment")
    if kinds is not None and header.kind not in kinds:
        raise BundleRejected("wrong-kind", f"a {header.kind} bundle")
    if receiver is not None and header.to != receiver:
        raise BundleRejected("not-for-us", f"addressed to {header.to}")
    return header


def verify_outer(
    header: Header,
    age: bytes,
    minisig: bytes,
    key: minisign.VerifyKey,
    now: datetime | None = None,
) -> None:
    """Steps 3-4: the signature by ``key`` over the ciphertext and the trusted comment, the
    comment is ``header``, the ciphertext hash matches, and the bundle has not expired."""
    comment = minisign.verify(key, age, minisig)
    if Header.from_comment(comment) != header:
        raise BundleRejected("header-mismatch", "header differs from the signed comment")
    if hashlib.sha256(age).hexdigest() != header.sha256:
        raise BundleRejected("hash-mismatch")
    if header.expires is not None:
        moment = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
        if moment > header.expires:
            raise BundleRejected("expired", f"expired {header.expires}")


def open_inner(
    header: Header, age: bytes, identity: str, limits: Limits = DEFAULT_LIMITS
) -> list[dict[str, Any]]:
    """Steps 6-8: decrypt with ``identity``, inner header equals ``header``, bounded
    decompression, item count, shapes, known entities and fields. Returns the items."""
    if len(age) > limits.max_age_bytes:  # also here, for a caller that skipped read_outer
        raise BundleRejected("too-large", f"{len(age):,} bytes, limit {limits.max_age_bytes:,}")
    if agecrypt.recipient_id(agecrypt.recipient_of(identity)) not in header.recipients:
        raise BundleRejected("not-for-us", f"recipients {header.recipient}")
    plain = agecrypt.decrypt(age, identity)
    if not plain.startswith(MAGIC):
        raise BundleRejected("malformed", "payload is not a pp-desktop bundle")
    end = plain.find(b"\n", len(MAGIC), len(MAGIC) + limits.max_comment_bytes)
    if end < 0:
        raise BundleRejected("malformed", "inner header")
    try:
        inner = json.loads(plain[len(MAGIC) : end])
    except (ValueError, RecursionError):
        raise BundleRejected("malformed", "inner header is not JSON") from None
    if not isinstance(inner, dict):
        raise BundleRejected("malformed", "inner header is not an object")
    if Header._from_dict(inner, with_hash=False).inner() != header.inner():
        raise BundleRejected("header-mismatch", "inner header differs from the signed header")
    data = body.decompress(plain[end + 1 :], limits.max_body_bytes)
    items = body.decode_lines(data, header.count, limits.max_items)
    body.check_items(header.kind, items)
    return items


def open_bundle(
    age: bytes,
    minisig: bytes,
    key: minisign.VerifyKey,
    identity: str,
    limits: Limits = DEFAULT_LIMITS,
    now: datetime | None = None,
) -> tuple[Header, list[dict[str, Any]]]:
    """All three steps in one call, for callers with no checks of their own in between."""
    header = read_outer(age, minisig, limits)
    verify_outer(header, age, minisig, key, now)
    return header, open_inner(header, age, identity, limits)
