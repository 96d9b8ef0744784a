"""minisign signatures (Ed25519, prehashed with BLAKE2b-512: algorithm "ED"), file formats exact.

Public key file (what ``minisign -V -p FILE`` reads)::

    untrusted comment: minisign public key <KEY ID>
    base64("Ed" || key number (8 bytes) || Ed25519 public key (32 bytes))

Signature file (``<file>.minisig``)::

    untrusted comment: <free text, not signed>
    base64("ED" || key number (8) || Ed25519(BLAKE2b-512(file)) (64))
    trusted comment: <text, signed>
    base64(Ed25519(signature (64) || trusted comment bytes))   # the "global signature"

The key id shown to people is the key number read as a little-endian 64-bit integer, printed as
16 upper-case hex digits, exactly as the ``minisign`` tool prints it. Secret keys can also be
read and written in minisign's own unencrypted secret-key format (``minisign -G -W``), so that a
key made by either side works with the other.

Parsing is strict and bounded: anything that is not exactly this shape raises
``BundleRejected("malformed")``; a signature that does not verify raises ``"bad-signature"``, a
signature by another key ``"wrong-key"``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from pp_desktop.sync.errors import BundleRejected, KeyFileError

PUBKEY_ALG = b"Ed"
SIG_ALG = b"ED"  # prehashed; the legacy "Ed" (not prehashed) is refused
MAX_SIG_FILE = 16 * 1024  # minisign itself caps the trusted comment at 8 KiB
_UNTRUSTED = "untrusted comment: "
_TRUSTED = "trusted comment: "


def _b64decode(text: str, size: int, what: str) -> bytes:
    """Strict base64 of exactly ``size`` bytes, or ``malformed``."""
    try:
        raw = base64.b64decode(text.strip().encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise BundleRejected("malformed", f"{what} is not base64") from None
    if len(raw) != size:
        raise BundleRejected("malformed", f"{what} has {len(raw)} bytes, expected {size}")
    if base64.b64encode(raw).decode("ascii") != text.strip():
        # padding bits set: several texts would decode alike, and a flipped bit would pass
        raise BundleRejected("malformed", f"{what} is not canonical base64")
    return raw


def _key_id(keynum: bytes) -> str:
    """The key number as minisign prints it: little-endian uint64, 16 upper-case hex digits."""
    return keynum[::-1].hex().upper()


@dataclass(frozen=True)
class VerifyKey:
    """A minisign public key: the 8-byte key number and the Ed25519 public key."""

    keynum: bytes
    public_bytes: bytes

    @property
    def key_id(self) -> str:
        """16 hex digits, as ``minisign`` prints them."""
        return _key_id(self.keynum)

    def to_b64(self) -> str:
        """The base64 line of the public key file (also the compact form in JSON documents)."""
        return base64.b64encode(PUBKEY_ALG + self.keynum + self.public_bytes).decode("ascii")

    @classmethod
    def from_b64(cls, text: str) -> VerifyKey:
        """Parse the base64 line of a public key; ``malformed`` when it is not one."""
        if not isinstance(text, str):
            raise BundleRejected("malformed", "public key is not text")
        raw = _b64decode(text, 42, "public key")
        if raw[:2] != PUBKEY_ALG:
            raise BundleRejected("malformed", "public key is not an Ed25519 minisign key")
        return cls(raw[2:10], raw[10:])

    def to_pub_file(self) -> str:
        """The minisign public key file, usable as ``minisign -V -p FILE``."""
        return f"{_UNTRUSTED}minisign public key {self.key_id}\n{self.to_b64()}\n"

    @classmethod
    def from_pub_file(cls, text: str) -> VerifyKey:
        """Parse a minisign public key file (as written by ``minisign -G`` or ``to_pub_file``)."""
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) != 2 or not lines[0].startswith(_UNTRUSTED):
            raise BundleRejected("malformed", "not a minisign public key file")
        return cls.from_b64(lines[1])

    def _ed25519(self) -> Ed25519PublicKey:
        try:
            return Ed25519PublicKey.from_public_bytes(self.public_bytes)
        except ValueError:
            raise BundleRejected("malformed", "invalid Ed25519 public key") from None

    def verify_raw(self, message: bytes, signature: bytes) -> bool:
        """True when ``signature`` is this key's plain Ed25519 signature over ``message``."""
        try:
            self._ed25519().verify(signature, message)
        except (InvalidSignature, BundleRejected):
            return False
        return True


class SigningKey:
    """An Ed25519 secret key with its minisign key number."""

    def __init__(self, keynum: bytes, seed: bytes) -> None:
        if len(keynum) != 8 or len(seed) != 32:
            raise KeyFileError("The signing key has the wrong size.")
        self.keynum = keynum
        self._private = Ed25519PrivateKey.from_private_bytes(seed)
        pub = self._private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.public = VerifyKey(keynum, pub)

    @classmethod
    def generate(cls) -> SigningKey:
        """A new random key (random key number, as ``minisign -G`` makes)."""
        return cls(secrets.token_bytes(8), secrets.token_bytes(32))

    @property
    def key_id(self) -> str:
        """16 hex digits, as ``minisign`` prints them."""
        return self.public.key_id

    def to_bytes(self) -> bytes:
        """40 bytes: key number || Ed25519 seed. Secret: store encrypted (vault, key file)."""
        seed = self._private.private_bytes_raw()
        return self.keynum + seed

    @classmethod
    def from_bytes(cls, raw: bytes) -> SigningKey:
        """Inverse of ``to_bytes``."""
        if len(raw) != 40:
            raise KeyFileError("The signing key has the wrong size.")
        return cls(raw[:8], raw[8:])

    def sign_raw(self, message: bytes) -> bytes:
        """A plain Ed25519 signature (used inside JSON documents such as the root document)."""
        return self._private.sign(message)

    def sign(self, data: bytes, trusted_comment: str, untrusted_comment: str = "") -> bytes:
        """The minisign signature file of ``data`` (prehashed "ED") with a trusted comment."""
        if "\n" in trusted_comment or "\r" in trusted_comment:
            raise ValueError("a trusted comment is one line")
        untrusted = untrusted_comment or f"signature from pp-desktop key {self.key_id}"
        untrusted = untrusted.replace("\n", " ").replace("\r", " ")
        sig = self._private.sign(hashlib.blake2b(data).digest())
        comment = trusted_comment.encode("utf-8")
        global_sig = self._private.sign(sig + comment)
        return (
            f"{_UNTRUSTED}{untrusted}\n"
            f"{base64.b64encode(SIG_ALG + self.keynum + sig).decode()}\n"
            f"{_TRUSTED}{trusted_comment}\n"
            f"{base64.b64encode(global_sig).decode()}\n"
        ).encode()

    # minisign's own secret key file, unencrypted (``minisign -G -W``): see module docstring.
    def to_minisign_secret_file(self) -> str:
        """The key as an unencrypted minisign secret key file (``minisign -S -s FILE`` uses it)."""
        sk = self._private.private_bytes_raw() + self.public.public_bytes
        chk = hashlib.blake2b(PUBKEY_ALG + self.keynum + sk, digest_size=32).digest()
        blob = (
            PUBKEY_ALG + b"\0\0" + b"B2" + bytes(32) + bytes(8) + bytes(8) + self.keynum + sk + chk
        )
        return f"{_UNTRUSTED}minisign secret key\n{base64.b64encode(blob).decode()}\n"

    @classmethod
    def from_minisign_secret_file(cls, text: str) -> SigningKey:
        """Read an unencrypted minisign secret key file (``minisign -G -W``)."""
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) != 2 or not lines[0].startswith(_UNTRUSTED):
            raise KeyFileError("This is not a minisign secret key file.")
        try:
            blob = _b64decode(lines[1], 158, "secret key")
        except BundleRejected:
            raise KeyFileError("This is not a minisign secret key file.") from None
        if blob[:2] != PUBKEY_ALG or blob[4:6] != b"B2":
            raise KeyFileError("This minisign secret key uses an unknown algorithm.")
        if blob[2:4] != b"\0\0":
            raise KeyFileError(
                "This minisign secret key is password-protected; make one with minisign -G -W."
            )
        keynum, sk, chk = blob[54:62], blob[62:126], blob[126:158]
        # minisign 0.11 leaves the checksum zero in unencrypted keys; the public half still
        # catches damage to the seed (checked below)
        expected = hashlib.blake2b(PUBKEY_ALG + keynum + sk, digest_size=32).digest()
        if chk not in (expected, bytes(32)):
            raise KeyFileError("The minisign secret key file is damaged (checksum).")
        key = cls(keynum, sk[:32])
        if key.public.public_bytes != sk[32:]:
            raise KeyFileError("The minisign secret key file is damaged (public half).")
        return key


@dataclass(frozen=True)
class Signature:
    """A parsed signature file."""

    untrusted_comment: str
    keynum: bytes
    signature: bytes
    trusted_comment: str
    comment_bytes: bytes
    global_signature: bytes

    @property
    def key_id(self) -> str:
        """The signer's key id (16 hex digits)."""
        return _key_id(self.keynum)


def parse_signature(sig: bytes) -> Signature:
    """Parse a minisign signature file strictly; ``malformed`` for anything else."""
    if not isinstance(sig, bytes | bytearray):
        raise BundleRejected("malformed", "signature is not bytes")
    if len(sig) > MAX_SIG_FILE:
        raise BundleRejected("too-large", "signature file")
    try:
        text = bytes(sig).decode("utf-8")
    except UnicodeDecodeError:
        raise BundleRejected("malformed", "signature file is not UTF-8") from None
    lines = text.split("\n")
    # exactly four lines, each ending in "\n": a truncated file is refused, not repaired
    if len(lines) != 5 or lines[4] != "" or "\r" in text:
        raise BundleRejected("malformed", "signature file must have 4 lines")
    if not lines[0].startswith(_UNTRUSTED) or not lines[2].startswith(_TRUSTED):
        raise BundleRejected("malformed", "signature file comments")
    raw = _b64decode(lines[1], 74, "signature")
    if raw[:2] != SIG_ALG:
        raise BundleRejected("malformed", "signature is not a prehashed (ED) minisign signature")
    comment = lines[2][len(_TRUSTED) :]
    return Signature(
        lines[0][len(_UNTRUSTED) :],
        raw[2:10],
        raw[10:],
        comment,
        comment.encode("utf-8"),
        _b64decode(lines[3], 64, "global signature"),
    )


def signature_key_id(sig: bytes) -> str:
    """The key id named in a signature file (unverified: only to look the key up)."""
    return parse_signature(sig).key_id


def unverified_trusted_comment(sig: bytes) -> str:
    """The trusted comment of a signature file, NOT verified (only to find the sender)."""
    return parse_signature(sig).trusted_comment


def verify(key: VerifyKey, data: bytes, sig: bytes) -> str:
    """Verify a minisign signature file over ``data``; return the (now trusted) comment.

    Raises ``BundleRejected``: ``malformed`` (not a signature file), ``wrong-key`` (signed by
    another key id), ``bad-signature`` (the data or the trusted comment were altered).
    """
    parsed = parse_signature(sig)
    if parsed.keynum != key.keynum:
        raise BundleRejected("wrong-key", f"signed by {parsed.key_id}, expected {key.key_id}")
    public = key._ed25519()
    try:
        public.verify(parsed.signature, hashlib.blake2b(data).digest())
    except InvalidSignature:
        raise BundleRejected("bad-signature", "file signature") from None
    try:
        public.verify(parsed.global_signature, parsed.signature + parsed.comment_bytes)
    except InvalidSignature:
        raise BundleRejected("bad-signature", "trusted comment") from None
    return parsed.trusted_comment
