"""The JSON of bundle lines: orjson and the stdlib read each other, and refuse the same."""

from __future__ import annotations

import math
from typing import Any

import pytest

from pp_desktop.sync import jsoncodec

CHANGE: dict[str, Any] = {
    "t": "change",
    "entity": "seizure",
    "id": "x",
    "version": 1,
    "hlc": "h",
    "base_version": 0,
    "base_hlc": "",
    "fields": {
        "notes": 'null "quoted" Сводка \u2028 \n tab\t',
        "quantity": 1e300,
        "purity_pct": -0.0,
        "latitude": None,
        "persons_arrested": 2**53,
        "quantity_known": True,
    },
    "deleted": False,
}


def _use(monkeypatch: pytest.MonkeyPatch, impl: str) -> None:
    if impl == "stdlib":
        monkeypatch.setattr(jsoncodec, "_orjson", None)
    assert jsoncodec.implementation() == impl


@pytest.mark.parametrize("writer", jsoncodec.available())
@pytest.mark.parametrize("reader", jsoncodec.available())
def test_each_reads_what_the_other_writes(
    monkeypatch: pytest.MonkeyPatch, writer: str, reader: str
) -> None:
    with monkeypatch.context() as m:
        _use(m, writer)
        line = jsoncodec.encode(CHANGE)
    assert b"\n" not in line
    _use(monkeypatch, reader)
    assert jsoncodec.decode(line) == CHANGE


@pytest.mark.parametrize("impl", jsoncodec.available())
@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_numbers_are_refused_not_nulled(
    monkeypatch: pytest.MonkeyPatch, impl: str, bad: float
) -> None:
    _use(monkeypatch, impl)
    with pytest.raises(ValueError):
        jsoncodec.encode({**CHANGE, "fields": {"quantity": bad, "notes": None}})
    with pytest.raises(ValueError):
        jsoncodec.encode({"t": "reference", "factor_kg": bad})


@pytest.mark.parametrize("impl", jsoncodec.available())
def test_null_inside_a_text_is_not_mistaken_for_a_nan(
    monkeypatch: pytest.MonkeyPatch, impl: str
) -> None:
    _use(monkeypatch, impl)
    item = {**CHANGE, "fields": {"notes": "null null", "latitude": None}}
    assert jsoncodec.decode(jsoncodec.encode(item)) == item


@pytest.mark.parametrize("impl", jsoncodec.available())
@pytest.mark.parametrize(
    "line",
    [b"", b"{", b"{} {}", b'{"a":NaN}', b'{"a":Infinity}', b"\xff", b"[" * 5000, b"{}x"],
)
def test_not_one_json_value(monkeypatch: pytest.MonkeyPatch, impl: str, line: bytes) -> None:
    _use(monkeypatch, impl)
    with pytest.raises((ValueError, RecursionError)):
        jsoncodec.decode(line)


@pytest.mark.parametrize("impl", jsoncodec.available())
def test_what_json_cannot_carry(monkeypatch: pytest.MonkeyPatch, impl: str) -> None:
    _use(monkeypatch, impl)
    for value in (b"bytes", {1, 2}, object()):
        with pytest.raises(ValueError):
            jsoncodec.encode({**CHANGE, "fields": {"notes": value}})
    loop: dict[str, Any] = {"t": "receipt"}
    loop["self"] = loop
    with pytest.raises(ValueError):
        jsoncodec.encode(loop)


@pytest.mark.parametrize(
    "line",
    [
        b"1e400",
        b"[18446744073709551616, -9223372036854775809, 5]",
        b'"\\ud800"',
        b'"\\uD800x"',
        b'"\\ud83d\\ude00 pair"',
        b'{"a":1.5e3,"b":-0.0,"c":18446744073709551615}',
    ],
)
def test_both_readers_agree_on_edge_cases(monkeypatch: pytest.MonkeyPatch, line: bytes) -> None:
    outcomes = []
    for impl in jsoncodec.available():
        with monkeypatch.context() as m:
            _use(m, impl)
            try:
                outcomes.append(repr(jsoncodec.decode(line)))
            except ValueError:
                outcomes.append("refused")
    assert len(set(outcomes)) == 1, outcomes
    if line.startswith(b"1e400") or b"ud800" in line.lower():
        assert outcomes[0] == "refused"
