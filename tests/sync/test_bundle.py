"""Bundles: round trip, chunking, and every rejection of DESIGN §5 with its reason code.

Hostile bundles are *validly signed and encrypted* where that matters (``_craft``): a check that
only holds because the signature already failed would prove nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import tracemalloc
import zlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from pp_desktop.sync import agecrypt, body, bundle, jsoncodec, minisign
from pp_desktop.sync.errors import REASONS, BundleRejected
from pp_desktop.sync.limits import Limits

DEVICE = "0192f5a0-1111-7222-8333-444455556666"
AUDIT = "ab" * 32


class Party:
    """A signing key and an age identity."""

    def __init__(self) -> None:
        self.key = minisign.SigningKey.generate()
        self.identity, self.recipient = agecrypt.new_identity()


def change(n: int = 0, **over: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "t": "change",
        "entity": "seizure",
        "id": f"0192f5a0-0000-7000-8000-{n:012d}",
        "version": 1,
        "hlc": f"{1764300000000 + n:013d}-00000-{DEVICE}",
        "base_version": 0,
        "base_hlc": "",
        "fields": {"country": "TJK", "drug": "HEROIN", "quantity": 12.5, "notes": "Сводка"},
        "deleted": False,
    }
    item.update(over)
    return item


@pytest.fixture(autouse=True, params=jsoncodec.available())
def codec(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test runs with each JSON implementation this environment has (orjson, stdlib)."""
    if request.param == "stdlib":
        monkeypatch.setattr(jsoncodec, "_orjson", None)
    assert jsoncodec.implementation() == request.param
    return str(request.param)


@pytest.fixture
def dev() -> Party:
    return Party()


@pytest.fixture
def hq() -> Party:
    return Party()


def _seal(dev: Party, hq: Party, items: list[dict[str, Any]] | None = None, **kw: Any) -> Any:
    args: dict[str, Any] = {
        "kind": "up",
        "sender": DEVICE,
        "seq": 1,
        "prev": "",
        "audit_head": AUDIT,
        "items": [change(1), change(2)] if items is None else items,
        "signer": dev.key,
        "recipients": [hq.recipient],
    }
    args.update(kw)
    return bundle.seal(**args)


def _craft(
    signer: Party,
    recipient: str,
    *,
    header: dict[str, Any] | None = None,
    inner: dict[str, Any] | None = None,
    body_bytes: bytes | None = None,
    lines: list[bytes] | None = None,
) -> tuple[bytes, bytes]:
    """A validly signed and encrypted bundle with whatever payload the test wants."""
    fields: dict[str, Any] = {
        "format": 1,
        "kind": "up",
        "bundle_id": "b-1",
        "sender": DEVICE,
        "to": "hq",
        "seq": 1,
        "recipient": agecrypt.recipient_id(recipient),
        "created": "2026-11-28T10:00:00Z",
        "expires": None,
        "prev": "",
        "audit_head": AUDIT,
        "count": len(lines) if lines is not None else 0,
    }
    fields.update(header or {})
    inner_fields = dict(fields)
    inner_fields.update(inner or {})
    if body_bytes is None:
        body_bytes = zlib.compress(b"\n".join(lines or []))
    plain = bundle.MAGIC + json.dumps(inner_fields).encode() + b"\n" + body_bytes
    age = agecrypt.encrypt(plain, [recipient])
    fields["sha256"] = hashlib.sha256(age).hexdigest()
    comment = json.dumps(fields, separators=(",", ":"))
    name = f"{fields['sender']}-{fields['seq']}.age"
    return age, signer.key.sign(age, comment, f"pp-desktop bundle {name}")


def _reason(age: bytes, sig: bytes, key: minisign.VerifyKey, identity: str, **kw: Any) -> str:
    with pytest.raises(BundleRejected) as exc:
        bundle.open_bundle(age, sig, key, identity, **kw)
    return exc.value.reason


# --- round trip -----------------------------------------------------------------------------


def test_round_trip(dev: Party, hq: Party) -> None:
    items = [change(1), change(2, deleted=True, fields={})]
    sealed = _seal(dev, hq, items)
    assert sealed.names == (f"{DEVICE}-1.age", f"{DEVICE}-1.age.minisig")
    assert sealed.hash == hashlib.sha256(sealed.age).hexdigest()
    header = bundle.read_outer(sealed.age, sealed.minisig)
    assert header == sealed.header and header.count == 2 and header.audit_head == AUDIT
    bundle.verify_outer(header, sealed.age, sealed.minisig, dev.key.public)
    assert bundle.open_inner(header, sealed.age, hq.identity) == items


def test_every_item_type_round_trips_in_a_down_bundle(dev: Party, hq: Party) -> None:
    items: list[dict[str, Any]] = [
        {
            "t": "receipt",
            "bundle": "c" * 64,
            "sender": DEVICE,
            "seq": 3,
            "accepted": ["seizure:1"],
            "conflicts": [{"entity": "seizure", "id": "2", "fields": ["quantity"]}],
            "quarantined": [{"entity": "seizure", "id": "3", "reason": "bad date"}],
        },
        {
            "t": "reference",
            "kind": "drug",
            "code": "HEROIN",
            "label_en": "Heroin",
            "label_ru": "Героин",
            "parent": "",
            "factor_kg": None,
            "sort": 3,
            "deleted": False,
        },
        {"t": "revocation", "device": "dev-2", "last_seq": 7},
        {"t": "root", "document": {"version": 2}},
        {"t": "state", "device": DEVICE, "last_seq": 3, "last_hash": "d" * 64},
        change(5, entity="attachment", fields={"data": "AAEC", "size": 3}),
    ]
    sealed = bundle.seal(
        kind="down",
        sender="hq",
        to=DEVICE,
        seq=4,
        prev="e" * 64,
        audit_head="",
        items=items,
        signer=hq.key,
        recipients=[dev.recipient],
        expires="2099-01-01T00:00:00Z",
    )
    assert sealed.names == (f"hq-{DEVICE}-4.age", f"hq-{DEVICE}-4.age.minisig")
    header, got = bundle.open_bundle(sealed.age, sealed.minisig, hq.key.public, dev.identity)
    assert got == items and header.prev == "e" * 64


def test_empty_bundle_round_trips(dev: Party, hq: Party) -> None:
    sealed = _seal(dev, hq, [])
    assert bundle.open_bundle(sealed.age, sealed.minisig, dev.key.public, hq.identity)[1] == []


def test_seal_series_chunks_and_chains(dev: Party, hq: Party) -> None:
    items = [change(n) for n in range(25)]
    limits = Limits(chunk_items=10)
    series = bundle.seal_series(
        kind="up",
        sender=DEVICE,
        first_seq=5,
        prev="",
        audit_head=AUDIT,
        items=items,
        signer=dev.key,
        recipients=[hq.recipient],
        limits=limits,
    )
    assert [s.header.seq for s in series] == [5, 6, 7]
    assert [s.header.count for s in series] == [10, 10, 5]
    assert [s.header.prev for s in series] == ["", series[0].hash, series[1].hash]
    back = [
        item
        for s in series
        for item in bundle.open_bundle(s.age, s.minisig, dev.key.public, hq.identity)[1]
    ]
    assert back == items


def test_chunk_by_bytes_and_a_big_item_alone() -> None:
    big = change(0, fields={"notes": "x" * 5000})
    items = [change(1), change(2), big, change(3)]
    parts = bundle.chunk(items, max_items=100, max_bytes=2000)
    assert parts == [[change(1), change(2)], [big], [change(3)]]
    assert bundle.chunk([], 10, 10) == [[]]


# --- step 1: parse ----------------------------------------------------------------------------


def test_every_byte_region_flipped_is_refused(dev: Party, hq: Party) -> None:
    sealed = _seal(dev, hq)
    age, sig = sealed.age, sealed.minisig
    header_end = age.index(b"\n---") + 1
    # age: version line, recipient stanza, header MAC, payload nonce, payload, last byte
    age_spots = [0, 25, 60, header_end + 5, header_end + 60, header_end + 70, len(age) - 1]
    lines = sig.split(b"\n")
    offsets = [0]
    for line in lines[:-1]:
        offsets.append(offsets[-1] + len(line) + 1)
    # minisig: untrusted comment, signature line, trusted comment (several fields), global sig
    sig_spots = [5, offsets[0] + 25, offsets[1] + 3, offsets[1] + 60, offsets[2] + 30]
    sig_spots += [offsets[2] + lines[2].index(b'"seq"') + 6, offsets[3] + 10, len(sig) - 1]
    for spot in age_spots:
        for bit in (0x01, 0x80):
            bad = bytearray(age)
            bad[spot] ^= bit
            assert _reason(bytes(bad), sig, dev.key.public, hq.identity) in {
                "bad-signature",
                "malformed",
            }, spot
    for spot in sig_spots:
        for bit in (0x01, 0x02, 0x80):
            bad = bytearray(sig)
            bad[spot] ^= bit
            assert _reason(age, bytes(bad), dev.key.public, hq.identity) in {
                "bad-signature",
                "malformed",
                "wrong-key",
            }, spot


def test_truncated_files_are_refused(dev: Party, hq: Party) -> None:
    sealed = _seal(dev, hq)
    for cut in (0, 10, len(sealed.age) // 2, len(sealed.age) - 1):
        reason = _reason(sealed.age[:cut], sealed.minisig, dev.key.public, hq.identity)
        assert reason in {"malformed", "bad-signature"}
    for cut in (0, 30, len(sealed.minisig) // 2, len(sealed.minisig) - 1):
        assert _reason(sealed.age, sealed.minisig[:cut], dev.key.public, hq.identity) == "malformed"


def test_edited_seq_in_trusted_comment_is_bad_signature(dev: Party, hq: Party) -> None:
    sealed = _seal(dev, hq, seq=7)
    edited = sealed.minisig.replace(b'"seq":7', b'"seq":8').replace(b"-7.age", b"-8.age")
    assert edited != sealed.minisig
    assert _reason(sealed.age, edited, dev.key.public, hq.identity) == "bad-signature"


def test_newer_format_says_update_the_app(dev: Party, hq: Party) -> None:
    age, sig = _craft(dev, hq.recipient, header={"format": 2, "future": "field"})
    with pytest.raises(BundleRejected) as exc:
        bundle.read_outer(age, sig)
    assert exc.value.reason == "format-too-new"
    assert "Update the app" in exc.value.message


def test_oversized_files_are_too_large_before_parsing(dev: Party, hq: Party) -> None:
    sealed = _seal(dev, hq)
    small = Limits(max_age_bytes=len(sealed.age) - 1)
    assert _reason(sealed.age, sealed.minisig, dev.key.public, hq.identity, limits=small) == (
        "too-large"
    )


def test_kind_and_receiver_checked_when_asked(dev: Party, hq: Party) -> None:
    sealed = _seal(dev, hq)
    assert bundle.read_outer(sealed.age, sealed.minisig, kinds={"up", "enrol"}, receiver="hq")
    with pytest.raises(BundleRejected) as exc:
        bundle.read_outer(sealed.age, sealed.minisig, kinds={"down"})
    assert exc.value.reason == "wrong-kind"
    with pytest.raises(BundleRejected) as exc:
        bundle.read_outer(sealed.age, sealed.minisig, receiver=DEVICE)
    assert exc.value.reason == "not-for-us"


# --- steps 3-4: signature, hash, expiry ------------------------------------------------------


def test_resigned_by_another_device(dev: Party, hq: Party) -> None:
    sealed = _seal(dev, hq)
    other = Party()
    # the other device signs the same header: verifying against the sender's key fails ...
    resigned = other.key.sign(
        sealed.age, sealed.header.to_comment(), bundle.untrusted_comment(sealed.header)
    )
    assert _reason(sealed.age, resigned, dev.key.public, hq.identity) == "wrong-key"
    # ... and claiming the bundle as its own: the encrypted header still names the real sender
    own = dataclasses.replace(sealed.header, sender="dev-2")
    resigned = other.key.sign(sealed.age, own.to_comment(), bundle.untrusted_comment(own))
    assert _reason(sealed.age, resigned, other.key.public, hq.identity) == "header-mismatch"


def test_hash_in_header_must_match(dev: Party, hq: Party) -> None:
    sealed = _seal(dev, hq)
    lying = dataclasses.replace(sealed.header, sha256="0" * 64)
    sig = dev.key.sign(sealed.age, lying.to_comment(), bundle.untrusted_comment(lying))
    assert _reason(sealed.age, sig, dev.key.public, hq.identity) == "hash-mismatch"


def test_verify_outer_refuses_a_header_that_is_not_the_signed_one(dev: Party, hq: Party) -> None:
    sealed = _seal(dev, hq, seq=3)
    with pytest.raises(BundleRejected) as exc:
        bundle.verify_outer(
            dataclasses.replace(sealed.header, seq=4), sealed.age, sealed.minisig, dev.key.public
        )
    assert exc.value.reason == "header-mismatch"


def test_expired_down_bundle(dev: Party, hq: Party) -> None:
    sealed = _seal(hq, dev, kind="down", sender="hq", to=DEVICE, expires="2026-11-27T00:00:00Z")
    now = datetime(2026, 11, 28, tzinfo=UTC)
    assert _reason(sealed.age, sealed.minisig, hq.key.public, dev.identity, now=now) == "expired"
    earlier = datetime(2026, 11, 26, tzinfo=UTC)
    bundle.open_bundle(sealed.age, sealed.minisig, hq.key.public, dev.identity, now=earlier)


# --- steps 6-8: decrypt, inner header, limits, shapes ----------------------------------------


def test_wrong_recipient_is_not_for_us(dev: Party, hq: Party) -> None:
    sealed = _seal(dev, hq)
    stranger = Party()
    assert _reason(sealed.age, sealed.minisig, dev.key.public, stranger.identity) == "not-for-us"


def test_header_naming_us_but_encrypted_to_another_is_decrypt_failed(dev: Party, hq: Party) -> None:
    other = Party()
    age, sig = _craft(
        dev, other.recipient, header={"recipient": agecrypt.recipient_id(hq.recipient)}
    )
    assert _reason(age, sig, dev.key.public, hq.identity) == "decrypt-failed"


def test_inner_header_must_equal_outer(dev: Party, hq: Party) -> None:
    for field, value in [("seq", 2), ("sender", "dev-2"), ("count", 1), ("audit_head", "")]:
        age, sig = _craft(dev, hq.recipient, inner={field: value})
        assert _reason(age, sig, dev.key.public, hq.identity) == "header-mismatch", field


def test_compression_bomb_is_too_large_without_allocating_it(dev: Party, hq: Party) -> None:
    packer = zlib.compressobj(9)
    zero = bytes(1 << 20)
    bomb = b"".join(packer.compress(zero) for _ in range(256)) + packer.flush()  # 256 MiB
    age, sig = _craft(dev, hq.recipient, body_bytes=bomb, header={"count": 1})
    limits = Limits(max_body_bytes=1 << 20)
    tracemalloc.start()
    try:
        reason = _reason(age, sig, dev.key.public, hq.identity, limits=limits)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert reason == "too-large"
    assert peak < 16 * (1 << 20), peak


@pytest.mark.parametrize(
    ("body_bytes", "count", "reason"),
    [
        (b"not zlib", 1, "malformed"),
        (zlib.compress(b'{"t":"change"')[:-4], 1, "malformed"),  # truncated stream
        (zlib.compress(b"{}") + b"tail", 1, "malformed"),
        (zlib.compress(b'{"t":"change",'), 1, "malformed"),
        (zlib.compress(b'{"a":NaN}'), 1, "malformed"),
        (zlib.compress(b"\xff\xfe"), 1, "malformed"),
        (zlib.compress(b"[1,2]"), 1, "bad-item"),
        (zlib.compress(b"{}\n{}"), 1, "malformed"),  # count differs
        (zlib.compress(b"[" * 100000), 1, "malformed"),  # deep nesting
        (zlib.compress(b'{"t":"change"} {}'), 1, "malformed"),  # two values on a line
        (zlib.compress(b"{}\n"), 1, "malformed"),  # count says 1, two lines
    ],
)
def test_malformed_bodies(
    dev: Party, hq: Party, body_bytes: bytes, count: int, reason: str
) -> None:
    age, sig = _craft(dev, hq.recipient, body_bytes=body_bytes, header={"count": count})
    assert _reason(age, sig, dev.key.public, hq.identity) == reason


@pytest.mark.parametrize(
    ("item", "reason"),
    [
        (change(entity="weapon"), "unknown-entity"),
        (change(entity=["seizure"]), "unknown-entity"),
        (change(fields={"country": "TJK", "secret_column": 1}), "unknown-field"),
        (change(fields={"country": {"nested": 1}}), "bad-item"),
        (change(version=0), "bad-item"),
        (change(version=True), "bad-item"),
        (change(deleted=0), "bad-item"),
        ({**change(), "extra": 1}, "bad-item"),
        ({k: v for k, v in change().items() if k != "hlc"}, "bad-item"),
        ({"t": "nonsense"}, "bad-item"),
        ({"t": "receipt", "bundle": "x"}, "bad-item"),  # not allowed in an up bundle
        ({"t": 5}, "bad-item"),
    ],
)
def test_item_shapes(dev: Party, hq: Party, item: dict[str, Any], reason: str) -> None:
    age, sig = _craft(
        dev, hq.recipient, lines=[body.encode_item(change(1)), body.encode_item(item)]
    )
    assert _reason(age, sig, dev.key.public, hq.identity) == reason


def test_too_many_items(dev: Party, hq: Party) -> None:
    lines = [body.encode_item(change(n)) for n in range(11)]
    age, sig = _craft(dev, hq.recipient, lines=lines)
    limits = Limits(max_items=10)
    assert _reason(age, sig, dev.key.public, hq.identity, limits=limits) == "too-large"


def test_seal_refuses_what_the_receiver_would_refuse(dev: Party, hq: Party) -> None:
    with pytest.raises(BundleRejected):
        _seal(dev, hq, [change(entity="weapon")])
    with pytest.raises(ValueError, match="sender"):
        _seal(dev, hq, sender="../etc")
    with pytest.raises(ValueError, match="seq"):
        _seal(dev, hq, seq=0)
    with pytest.raises(ValueError):
        _seal(dev, hq, [change(fields={"quantity": float("nan")})])
    with pytest.raises(ValueError, match="too many"):
        _seal(dev, hq, [change(n) for n in range(10_001)])  # one bundle a receiver would refuse


def test_header_json_is_strict() -> None:
    good = {
        "format": 1,
        "kind": "up",
        "bundle_id": "b",
        "sender": "d",
        "to": "hq",
        "seq": 1,
        "recipient": "0" * 16,
        "created": "2026-11-28T10:00:00Z",
        "expires": None,
        "prev": "",
        "audit_head": "",
        "count": 0,
        "sha256": "f" * 64,
    }
    assert bundle.Header.from_comment(json.dumps(good)).seq == 1
    for field, value in [
        ("seq", "1"),
        ("seq", 1.0),
        ("kind", "sideways"),
        ("created", "yesterday"),
        ("created", "2026-13-45T10:00:00Z"),
        ("expires", "2026-11-28 10:00:00"),
        ("prev", "abc"),
        ("recipient", ""),
        ("sha256", "F" * 64),
        ("count", -1),
    ]:
        with pytest.raises(BundleRejected) as exc:
            bundle.Header.from_comment(json.dumps({**good, field: value}))
        assert exc.value.reason == "malformed", field
    down = {**good, "kind": "down", "sender": "hq", "to": "d"}
    with pytest.raises(BundleRejected, match="expires"):  # downstream bundles must expire
        bundle.Header.from_comment(json.dumps(down))
    assert bundle.Header.from_comment(json.dumps({**down, "expires": "2027-01-01T00:00:00Z"}))
    for text in ["", "[]", "{", json.dumps({**good, "x": 1}), json.dumps({"format": "1"})]:
        with pytest.raises(BundleRejected):
            bundle.Header.from_comment(text)


def test_protocol_doc_lists_every_reason_with_its_message() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "sync-protocol.md").read_text()
    doc = doc.split("## 10. Rejection reasons")[1].split("\n## ")[0]
    rows = {
        line.split("|")[1].strip().strip("`"): line.split("|")[2].strip()
        for line in doc.splitlines()
        if line.startswith("| `") and line.count("|") == 3
    }
    assert {code: f"{text}." for code, text in REASONS.items()} == rows
