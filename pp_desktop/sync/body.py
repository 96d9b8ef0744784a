"""The body of a bundle: JSON lines of items, zlib-compressed, and the item shapes.

Each line is one compact JSON object with a type tag ``"t"``. The shapes (exact key sets) are in
``ITEM_KEYS``; a change names an entity of ``pp_desktop.models.ENTITIES`` and only that table's
columns in ``fields``, with JSON scalar values (attachment bytes: base64 text in ``data``).
Domain validation (codes, dates, ranges) is the receiver's business (quarantine), not this
module's: here only what makes an item unreadable is refused.
"""

from __future__ import annotations

import gc
import zlib
from collections.abc import Iterable
from typing import Any

from pp_desktop.models import ENTITIES
from pp_desktop.sync import jsoncodec
from pp_desktop.sync.errors import BundleRejected

# zlib level 1: ~100 bytes per typical seizure change (budget 120), three times as fast as the
# default level 6 (~70 bytes); the seal time budget is the tighter one.
ZLIB_LEVEL = 1

ITEM_KEYS: dict[str, frozenset[str]] = {
    "change": frozenset(
        {"t", "entity", "id", "version", "hlc", "base_version", "base_hlc", "fields", "deleted"}
    ),
    "receipt": frozenset({"t", "bundle", "sender", "seq", "accepted", "conflicts", "quarantined"}),
    "reference": frozenset(
        {"t", "kind", "code", "label_en", "label_ru", "parent", "factor_kg", "sort", "deleted"}
    ),
    "revocation": frozenset({"t", "device", "last_seq"}),
    "root": frozenset({"t", "document"}),
    "enrol": frozenset({"t", "device", "name", "sign_pub", "age_recipient", "proof"}),
    "state": frozenset({"t", "device", "last_seq", "last_hash"}),
}

# Which item types each kind of bundle may carry.
KIND_ITEMS: dict[str, frozenset[str]] = {
    "up": frozenset({"change"}),
    "enrol": frozenset({"enrol", "change"}),
    "down": frozenset({"receipt", "reference", "change", "revocation", "root", "state"}),
}

# entity -> the column names a change may carry in "fields" (every column of its table).
ENTITY_FIELDS: dict[str, frozenset[str]] = {
    name: frozenset(cls.__table__.columns.keys())  # type: ignore[attr-defined]
    for name, cls in ENTITIES.items()
}

_SCALAR_TYPES = frozenset({str, int, float, bool, type(None)})


def encode_item(item: dict[str, Any]) -> bytes:
    """One item as its JSON line (UTF-8, no newline). ``ValueError`` for NaN or non-JSON."""
    return jsoncodec.encode(item)


def compress(lines: Iterable[bytes]) -> bytes:
    """The body: lines joined with newlines, zlib-compressed."""
    return zlib.compress(b"\n".join(lines), ZLIB_LEVEL)


def decompress(data: bytes, max_bytes: int) -> bytes:
    """Inflate at most ``max_bytes`` (a bomb is refused without being allocated)."""
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error:
        raise BundleRejected("malformed", "body is not zlib data") from None
    if len(out) > max_bytes or inflater.unconsumed_tail:
        raise BundleRejected("too-large", f"body inflates past {max_bytes:,} bytes")
    if not inflater.eof:
        raise BundleRejected("malformed", "body is truncated")
    if inflater.unused_data:
        raise BundleRejected("malformed", "bytes after the body")
    return out


def decode_lines(body: bytes, count: int, max_items: int) -> list[dict[str, Any]]:
    """Parse ``count`` JSON lines into objects (only the shape of JSON; items checked apart)."""
    if count > max_items:
        raise BundleRejected("too-large", f"{count:,} items, limit {max_items:,}")
    lines = body.count(b"\n") + 1 if body else 0
    if lines != count:
        raise BundleRejected("malformed", f"{lines} body lines, header says {count}")
    items: list[dict[str, Any]] = []
    decode = jsoncodec.decode
    # Thousands of new dicts would trigger the cyclic garbage collector over and over, each
    # pass walking every object the process holds (a third of the time at HQ); JSON cannot
    # make cycles and the body is capped, so collection waits until the end.
    paused = gc.isenabled()
    gc.disable()
    try:
        for n, line in enumerate(body.split(b"\n") if body else [], 1):
            try:
                item = decode(line)
            except (ValueError, RecursionError):
                raise BundleRejected("malformed", f"line {n} is not JSON") from None
            if type(item) is not dict:
                raise BundleRejected("bad-item", f"line {n} is not an object")
            items.append(item)
    finally:
        if paused:
            gc.enable()
    return items


def _is_int(value: Any, minimum: int = 0) -> bool:
    return type(value) is int and value >= minimum


def _is_str(value: Any, max_len: int) -> bool:
    return type(value) is str and len(value) <= max_len


def _str_list(value: Any) -> bool:
    return type(value) is list and all(type(v) is str for v in value)


def _check_change(item: dict[str, Any], n: int) -> None:
    # Inlined on purpose: this runs for every change of every bundle, sealed and opened.
    entity = item["entity"]
    columns = ENTITY_FIELDS.get(entity) if type(entity) is str else None
    if columns is None:
        raise BundleRejected("unknown-entity", f"item {n}: {str(entity)[:40]!r}")
    rid, version, hlc = item["id"], item["version"], item["hlc"]
    base_version, base_hlc, fields = item["base_version"], item["base_hlc"], item["fields"]
    if not (
        type(rid) is str
        and 0 < len(rid) <= 64
        and type(version) is int
        and version >= 1
        and type(hlc) is str
        and len(hlc) <= 80
        and type(base_version) is int
        and base_version >= 0
        and type(base_hlc) is str
        and len(base_hlc) <= 80
        and type(item["deleted"]) is bool
        and type(fields) is dict
    ):
        raise BundleRejected("bad-item", f"item {n}: change of {entity}")
    if not fields.keys() <= columns:
        unknown = sorted(fields.keys() - columns)[0]
        raise BundleRejected("unknown-field", f"item {n}: {entity}.{unknown[:40]}")
    if not _SCALAR_TYPES.issuperset(map(type, fields.values())):  # C speed, no Python loop
        raise BundleRejected("bad-item", f"item {n}: a field value is not a scalar")


def _check_other(t: str, item: dict[str, Any], n: int) -> None:
    ok = True
    if t == "receipt":
        ok = (
            _is_str(item["bundle"], 64)
            and _is_str(item["sender"], 64)
            and _is_int(item["seq"], 1)
            and _str_list(item["accepted"])
            and type(item["conflicts"]) is list
            and all(
                type(c) is dict
                and type(c.get("entity")) is str
                and type(c.get("id")) is str
                and _str_list(c.get("fields"))
                for c in item["conflicts"]
            )
            and type(item["quarantined"]) is list
            and all(
                type(q) is dict
                and q.keys() == {"entity", "id", "reason"}
                and all(type(v) is str for v in q.values())
                for q in item["quarantined"]
            )
        )
    elif t == "reference":
        ok = (
            all(_is_str(item[k], 200) for k in ("kind", "code", "label_en", "label_ru", "parent"))
            and (item["factor_kg"] is None or type(item["factor_kg"]) in (int, float))
            and type(item["sort"]) is int
            and type(item["deleted"]) is bool
        )
    elif t == "revocation":
        ok = _is_str(item["device"], 64) and _is_int(item["last_seq"])
    elif t == "state":
        ok = (
            _is_str(item["device"], 64)
            and _is_int(item["last_seq"])
            and (item["last_hash"] == "" or _is_str(item["last_hash"], 64))
        )
    elif t == "root":
        ok = type(item["document"]) is dict
    elif t == "enrol":
        ok = all(
            _is_str(item[k], 200) for k in ("device", "name", "sign_pub", "age_recipient", "proof")
        )
    if not ok:
        raise BundleRejected("bad-item", f"item {n}: {t}")


def check_items(kind: str, items: list[dict[str, Any]]) -> None:
    """Refuse any item that is not of a known shape for this kind of bundle."""
    allowed = KIND_ITEMS[kind]
    change_keys = ITEM_KEYS["change"]
    changes_allowed = "change" in allowed
    for n, item in enumerate(items, 1):
        t = item.get("t")
        if t == "change" and changes_allowed and item.keys() == change_keys:
            _check_change(item, n)  # the common case, first
            continue
        if type(t) is not str or t not in ITEM_KEYS:
            raise BundleRejected("bad-item", f"item {n}: unknown type {str(t)[:40]!r}")
        if t not in allowed:
            raise BundleRejected("bad-item", f"item {n}: a {kind} bundle cannot carry {t}")
        if item.keys() != ITEM_KEYS[t]:
            extra = sorted(item.keys() ^ ITEM_KEYS[t])[0]
            raise BundleRejected("bad-item", f"item {n}: {t} key {extra[:40]!r}")
        if t == "change":
            _check_change(item, n)
        else:
            _check_other(t, item, n)
