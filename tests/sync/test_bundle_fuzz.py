"""Property-based tests: whatever bytes arrive, the parsers raise only their typed errors.

Hostile inputs come in three depths: raw bytes (never a valid signature), mutations of a real
bundle (must always be refused), and validly signed and encrypted bundles whose header or body
is arbitrary JSON (only the parser's own checks stand between them and the caller).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import zlib
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pp_desktop.sync import agecrypt, bundle, jsoncodec, minisign, trust
from pp_desktop.sync.enrolment_file import EnrolmentFile
from pp_desktop.sync.errors import BundleRejected, EnrolmentFileError, RootRejected

pytestmark = pytest.mark.slow  # about 30 s in all

SENDER = minisign.SigningKey.generate()
IDENTITY, RECIPIENT = agecrypt.new_identity()
ITEMS = [
    {
        "t": "change",
        "entity": "seizure",
        "id": f"id-{n}",
        "version": 2,
        "hlc": f"{n:013d}-00000-dev",
        "base_version": 1,
        "base_hlc": "h",
        "fields": {"quantity": n * 1.5, "country": "IRN"},
        "deleted": False,
    }
    for n in range(3)
]
GOOD = bundle.seal(
    kind="up",
    sender="dev",
    seq=1,
    prev="",
    audit_head="",
    items=ITEMS,
    signer=SENDER,
    recipients=[RECIPIENT],
)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=20,
)


@contextlib.contextmanager
def _codec(impl: str) -> Iterator[None]:
    """Run the block with one JSON implementation (orjson or stdlib)."""
    saved = jsoncodec._orjson
    if impl == "stdlib":
        jsoncodec._orjson = None
    try:
        assert jsoncodec.implementation() == impl
        yield
    finally:
        jsoncodec._orjson = saved


def _open(age: bytes, sig: bytes) -> tuple[bundle.Header, list[dict[str, Any]]]:
    return bundle.open_bundle(age, sig, SENDER.public, IDENTITY)


def _only_rejected(age: bytes, sig: bytes) -> bool:
    """True when refused with BundleRejected; False when accepted; anything else propagates."""
    try:
        _open(age, sig)
    except BundleRejected:
        return True
    return False


@FUZZ
@given(st.binary(max_size=600), st.binary(max_size=600))
def test_arbitrary_bytes_are_rejected(age: bytes, sig: bytes) -> None:
    assert _only_rejected(age, sig)


@FUZZ
@given(st.binary(max_size=300))
def test_arbitrary_bytes_after_the_age_magic(tail: bytes) -> None:
    assert _only_rejected(b"age-encryption.org/v1\n" + tail, GOOD.minisig)


def _mutate(data: bytes, draw: Any) -> bytes:
    op = draw(st.sampled_from(["flip", "set", "insert", "delete", "truncate", "append"]))
    pos = draw(st.integers(0, len(data) - 1))
    out = bytearray(data)
    if op == "flip":
        out[pos] ^= draw(st.integers(1, 255))
    elif op == "set":
        out[pos] = draw(st.integers(0, 255))
    elif op == "insert":
        out[pos:pos] = draw(st.binary(min_size=1, max_size=8))
    elif op == "delete":
        del out[pos : pos + draw(st.integers(1, 8))]
    elif op == "truncate":
        del out[pos:]
    else:
        out += draw(st.binary(min_size=1, max_size=8))
    return bytes(out)


@FUZZ
@given(st.data(), st.booleans())
def test_every_mutation_of_a_real_bundle_is_rejected(data: Any, in_sig: bool) -> None:
    age, sig = GOOD.age, GOOD.minisig
    if in_sig:
        sig = _mutate(sig, data.draw)
    else:
        age = _mutate(age, data.draw)
    if (age, sig) == (GOOD.age, GOOD.minisig):
        return
    assert _only_rejected(age, sig)


def _signed(comment: str, age: bytes) -> bytes:
    return SENDER.sign(age, comment, "pp-desktop bundle dev-1.age")


@FUZZ
@given(st.dictionaries(st.text(max_size=12), json_values, max_size=14))
def test_signed_arbitrary_headers(header: dict[str, Any]) -> None:
    # valid signature, arbitrary header: only BundleRejected, or a header that parses cleanly
    base = json.loads(GOOD.header.to_comment())
    for merged in (header, {**base, **header}):
        with contextlib.suppress(BundleRejected):
            _open(GOOD.age, _signed(json.dumps(merged), GOOD.age))


def _crafted(header: dict[str, Any], payload_body: bytes) -> tuple[bytes, bytes]:
    inner = {k: v for k, v in header.items() if k != "sha256"}
    plain = bundle.MAGIC + json.dumps(inner).encode() + b"\n" + payload_body
    age = agecrypt.encrypt(plain, [RECIPIENT])
    outer = {**header, "sha256": hashlib.sha256(age).hexdigest()}
    return age, _signed(json.dumps(outer, separators=(",", ":")), age)


@FUZZ
@given(st.lists(json_values, max_size=5))
def test_signed_encrypted_arbitrary_items(items: list[Any]) -> None:
    header = json.loads(GOOD.header.to_comment()) | {"count": len(items)}
    body = zlib.compress("\n".join(json.dumps(i) for i in items).encode())
    age, sig = _crafted(header, body)
    outcomes = []
    for impl in jsoncodec.available():  # the stdlib and orjson readers must agree
        with _codec(impl):
            try:
                outcomes.append(_open(age, sig)[1])
            except BundleRejected:
                outcomes.append(None)
    got = outcomes[0]
    assert all(o == got for o in outcomes), outcomes
    if got is not None:
        assert got == items  # accepted only when every item passed the shape checks
        assert all(isinstance(i, dict) and i.get("t") == "change" for i in got)


@FUZZ
@given(st.sampled_from(list(ITEMS[0])), json_values)
def test_signed_encrypted_change_with_one_field_replaced(key: str, value: Any) -> None:
    item = {**ITEMS[0], key: value}
    header = json.loads(GOOD.header.to_comment()) | {"count": 1}
    age, sig = _crafted(header, zlib.compress(json.dumps(item).encode()))
    with contextlib.suppress(BundleRejected):
        _open(age, sig)


@FUZZ
@given(st.binary(max_size=400))
def test_signed_encrypted_arbitrary_body_bytes(payload_body: bytes) -> None:
    header = json.loads(GOOD.header.to_comment())
    for candidate in (payload_body, zlib.compress(payload_body)):
        age, sig = _crafted(header, candidate)
        for impl in jsoncodec.available():
            with _codec(impl), contextlib.suppress(BundleRejected):
                _open(age, sig)


@FUZZ
@given(st.text(max_size=300))
def test_header_from_arbitrary_text(text: str) -> None:
    with contextlib.suppress(BundleRejected):
        bundle.Header.from_comment(text)


ROOT_KEY = minisign.SigningKey.generate()
ROOT = trust.sign_root(
    trust.new_root(
        root_keys=[ROOT_KEY.public],
        threshold=1,
        online_key=SENDER.public,
        hq_recipients=[RECIPIENT],
        expires="2030-01-01T00:00:00Z",
        online_expires="2029-01-01T00:00:00Z",
    ),
    [ROOT_KEY],
)


@FUZZ
@given(st.dictionaries(st.text(max_size=16), json_values, max_size=10), st.booleans())
def test_root_document_from_arbitrary_json(extra: dict[str, Any], merge: bool) -> None:
    raw = {**ROOT.to_dict(), **extra} if merge else extra
    try:
        doc = trust.RootDocument.from_dict(raw)
    except RootRejected:
        return
    with contextlib.suppress(RootRejected):
        trust.verify_root(doc, None)


@FUZZ
@given(st.data())
def test_enrolment_file_mutations(data: Any) -> None:
    good = EnrolmentFile(
        device_id="dev",
        device_name="n",
        token="t" * 43,
        token_expires="2030-01-01T00:00:00Z",
        root=ROOT,
    ).to_bytes()
    mutated = _mutate(good, data.draw)
    try:
        EnrolmentFile.from_bytes(mutated)
    except EnrolmentFileError:
        return
    # whitespace-only changes keep the checksum valid; anything else must have been refused
    assert json.loads(mutated) == json.loads(good)
