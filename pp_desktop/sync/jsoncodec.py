"""JSON of bundle lines: ``orjson`` when installed (several times faster), else the stdlib.

Both sides read what either writes: one compact JSON value per line, UTF-8. The two differ only
where the stdlib is laxer; the stdlib reader here is made to read like orjson (lone surrogates
and numbers that overflow a double refused, integers beyond 64 bits read as floats), so that
every receiver accepts and refuses the same bundles.

Non-finite numbers (NaN, infinities) have no JSON form: the stdlib encoder refuses them, and
orjson would silently write ``null``, so every change line orjson writes is checked (its
``null`` count against the change's ``None`` values, at C speed) and re-encoded by the strict
stdlib encoder when they differ, which raises for a NaN.
"""

from __future__ import annotations

import json
import json.encoder
import math
from collections.abc import Callable
from typing import Any

try:  # optional: pyproject lists it; without it the stdlib path below is used
    import orjson as _orjson_module
except ImportError:  # pragma: no cover - depends on the environment
    _orjson_module = None  # type: ignore[assignment]

_orjson: Any = _orjson_module  # tests switch it off to run the stdlib path

_encode_slow = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode


def _not_json(value: Any) -> Any:
    raise ValueError(f"a {type(value).__name__} cannot travel in a bundle")


# One C encoder made once (json.JSONEncoder.encode builds a new one per call, a fifth of the
# time for small objects). Same output as _encode_slow: compact, UTF-8 text, NaN refused.
_c_encoder: Any = getattr(json.encoder, "c_make_encoder", None)
_encode_c: Callable[[Any, int], list[str]] | None = (
    _c_encoder(None, _not_json, json.encoder.encode_basestring, None, ":", ",", False, False, False)
    if _c_encoder is not None
    else None
)


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


_INT_MIN, _INT_MAX = -(2**63), 2**64 - 1


def _parse_int(text: str) -> int | float:
    value = int(text)
    # as orjson reads it, so that both readers accept and refuse the same bundles
    return value if _INT_MIN <= value <= _INT_MAX else float(text)


def _parse_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):  # "1e400": orjson refuses it too
        raise ValueError("number out of range")
    return value


# The C scanner straight on each line: strict (no whitespace, one value per line) and faster
# than json.loads, which re-matches whitespace around every call.
_decoder = json.JSONDecoder(
    parse_constant=_no_constants, parse_int=_parse_int, parse_float=_parse_float
)
_scan: Callable[[str, int], tuple[Any, int]] = _decoder.scan_once  # type: ignore[attr-defined]


def available() -> list[str]:
    """The implementations this environment can use, fastest first."""
    return ["orjson", "stdlib"] if _orjson_module is not None else ["stdlib"]


def implementation() -> str:
    """ "orjson" or "stdlib": what encodes and decodes lines in this process."""
    return "orjson" if _orjson is not None else "stdlib"


def _encode_stdlib(item: dict[str, Any]) -> bytes:
    if _encode_c is None:  # pragma: no cover - CPython always has the C encoder
        return _encode_slow(item).encode("utf-8")
    try:
        return "".join(_encode_c(item, 0)).encode("utf-8")
    except RecursionError:  # the C encoder has no circular-reference markers
        raise ValueError("an item refers to itself") from None


def encode(item: dict[str, Any]) -> bytes:
    """One item as a compact JSON line (no newline). ``ValueError`` for what JSON cannot
    carry (NaN, infinities, bytes, sets, circular references)."""
    fields = item.get("fields")
    if _orjson is None or item.get("t") != "change" or type(fields) is not dict:
        return _encode_stdlib(item)  # the rare items: strict and simple
    try:
        line: bytes = _orjson.dumps(item)
    except TypeError as exc:  # orjson.JSONEncodeError is a TypeError
        raise ValueError(str(exc)) from None
    if line.count(b"null") == list(fields.values()).count(None):
        return line
    # a null orjson may have made from a NaN (or "null" inside a text): the strict encoder
    # decides, raising for a NaN and otherwise writing an equivalent line
    return _encode_stdlib(item)


def decode(line: bytes) -> Any:
    """One JSON value from one line; ``ValueError`` when the line is not exactly one value."""
    if _orjson is not None:
        try:
            return _orjson.loads(line)
        except _orjson.JSONDecodeError as exc:
            raise ValueError(str(exc)) from None
    text = line.decode("utf-8")  # UnicodeDecodeError is a ValueError
    try:
        value, end = _scan(text, 0)
    except StopIteration:
        raise ValueError("not JSON") from None
    if end != len(text):
        raise ValueError("more than one JSON value")
    if "\\u" in text and ("\\ud" in text.lower()):
        # an escaped surrogate: orjson refuses a lone one, so must we (a pair is fine)
        json.dumps(value, ensure_ascii=False).encode("utf-8")  # UnicodeEncodeError if lone
    return value
