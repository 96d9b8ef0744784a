"""The speed-ups decide exactly what the general code decides.

Each fast path is compared with the general code it shortcuts, which stays the definition:
``normalise``'s inline strings with ``_normalise_value``; ``validate``'s inline kinds and the
seizure rules' inline reference look-ups with the same functions given a stand-in reference
cache (which takes the general branches: ``_is_empty``, ``_check_type``, ``known``/``parent``);
the bulk path's generated row checker with normalise + defaults + derive + validate; the audit
changes and hash with the JSON definitions of docs/vault-format.md. Fix a rule in the general
code and these tests show where a fast path must follow.

Hypothesis throws ordinary and odd values: codes in any case and padding, blanks, None, NaN
and infinities, huge numbers, bools for numbers, dates in other spellings, in the future and
before 1900, lists of codes, quotes, backslashes and control characters. A fast path may hand a
row to the general path when in doubt; it may never decide differently.
"""

from __future__ import annotations

import hashlib
import json
import math
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pp_desktop.models.reference import REFERENCE_KINDS
from pp_desktop.paths import resource
from pp_desktop.services import ValidationFailed, bulk, records, validation
from pp_desktop.services.errors import Issue
from pp_desktop.services.fields import FIELDS, field_map, field_names
from pp_desktop.services.ledger import CreateChanges, Ledger, audit_hash, dumps
from pp_desktop.services.validation import ReferenceCache
from pp_desktop.store.reference_seed import read_reference_csv

TODAY = date(2026, 11, 28)
_oracle_dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, default=str).encode


def _codes() -> dict[str, dict[str, tuple[str, float | None]]]:
    codes: dict[str, dict[str, tuple[str, float | None]]] = {}
    for kind in REFERENCE_KINDS:
        path = resource("reference", f"{kind}.csv")
        if path.exists():
            for row in read_reference_csv(path):
                codes.setdefault(kind, {})[str(row["code"])] = (
                    str(row["parent"] or ""),
                    row["factor_kg"],  # type: ignore[arg-type]
                )
    return codes


class StandIn(ReferenceCache):
    """The same codes; not the exact ReferenceCache type, so validation takes its general
    branches (known() and parent(), _is_empty and _check_type for every field)."""


REFS = ReferenceCache(_codes())
GENERAL_REFS = StandIn(REFS.codes)


# --- the oracles: the general code -------------------------------------------------------------


def oracle_normalise(entity: str, values: dict[str, Any]) -> dict[str, Any]:
    """normalise with every value through _normalise_value (no inline strings)."""
    fmap = field_map(entity)
    out: dict[str, Any] = {}
    for name, value in values.items():
        f = fmap.get(name)
        if f is None:
            raise ValidationFailed(entity, [Issue(name, "is not a field of this record.")])
        out[name] = records._normalise_value(f, value)
    return out


def oracle_validate(entity: str, values: Any, refs: ReferenceCache, today: date) -> list[Issue]:
    """validate through its general branches."""
    return validation.validate(entity, values, StandIn(refs.codes), today)


def oracle_changes(names: tuple[str, ...], values: list[Any]) -> str:
    return _oracle_dumps(
        {n: [None, v] for n, v in zip(names, values, strict=True) if v is not None and v != ""}
    )


def oracle_hash(
    prev: str,
    seq: int,
    at: str,
    who: str,
    device: str,
    action: str,
    entity: str,
    entity_id: str,
    changes: str,
) -> str:
    material = _oracle_dumps([prev, seq, at, who, device, action, entity, entity_id, changes])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def oracle_row(entity: str, given: dict[str, Any]) -> tuple[str, Any]:
    """What the general path makes of one row: ("error", exc type) or ("ok", (full, issues,
    changes))."""
    try:
        full = {f.name: f.default for f in FIELDS[entity]}
        full.update(oracle_normalise(entity, given))
        records.derive(entity, full, REFS)
        issues = oracle_validate(entity, full, REFS, TODAY)
        values = [full[n] for n in field_names(entity)]
        return "ok", (full, issues, oracle_changes(field_names(entity), values))
    except Exception as exc:  # the fast path must then refuse the row
        return "error", type(exc)


def typed(value: Any) -> Any:
    """Compare values with their types: 1, 1.0 and True are different stored values."""
    if isinstance(value, dict):
        return {k: typed(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [typed(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, value)


# --- value strategies -----------------------------------------------------------------------

CODES = {kind: sorted(c) for kind, c in REFS.codes.items()}
ODD_TEXT = st.text(
    alphabet=st.sampled_from(list('aZ -\t\n"\\\x00\x1f\x7fé€ЖЁ\u2028😀_,.:;[]{}')), max_size=12
)
NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, 0.0, -0.0, 1, 1.0, 50_001.0, 100.0, 100.01, -1, 2**53, 2**53 + 1]),
    st.booleans(),
)
DATES = st.one_of(
    st.dates(min_value=date(1850, 1, 1), max_value=date(2030, 12, 31)).map(date.isoformat),
    st.dates(min_value=date(1850, 1, 1), max_value=date(2030, 12, 31)),
    st.sampled_from(
        [
            "2026-11-28",
            "2026-11-29",
            "1899-12-31",
            "1900-01-01",
            "20261101",
            "2026-W44-1",
            "2026-02-30",
            " 2025-01-02 ",
            "2025-1-02",
            "",
            "  ",
        ]
    ),
    st.datetimes(min_value=datetime(1890, 1, 1), max_value=datetime(2030, 1, 1)),
)


def value_for(field: Any) -> st.SearchStrategy[Any]:
    k = field.kind
    common = st.one_of(st.none(), st.just(""), st.just("   "), ODD_TEXT)
    if k == "ref":
        codes = CODES.get(field.ref, ["X"])
        code = st.sampled_from(codes)
        return st.one_of(
            code,
            code.map(str.lower),
            code.map(lambda c: f"  {c} "),
            st.just("NOPE"),
            common,
            NUMBERS,
        )
    if k == "refs":
        codes = CODES.get(field.ref, ["X"])
        lst = st.lists(st.sampled_from([*codes[:30], "xx", " afg ", ""]), max_size=4)
        return st.one_of(lst.map(" ".join), lst, lst.map(tuple), common)
    if k == "date":
        return st.one_of(DATES, common, NUMBERS)
    if k in ("float", "int"):
        return st.one_of(NUMBERS, common, st.sampled_from(["5", "five"]))
    if k == "bool":
        return st.one_of(st.booleans(), st.sampled_from([0, 1, 2, "yes", None, ""]))
    if k in ("str", "text"):
        return st.one_of(
            ODD_TEXT,
            st.sampled_from(["Hairatan", "  Torkham ", "x" * 500, " " + "y" * 500, "z" * 501]),
            common,
            NUMBERS,
        )
    return st.one_of(common, NUMBERS)


def rows(entity: str) -> st.SearchStrategy[dict[str, Any]]:
    fields = FIELDS[entity]
    optional = {f.name: value_for(f) for f in fields}
    return st.fixed_dictionaries({}, optional=optional).flatmap(
        lambda d: st.one_of(st.just(d), st.just({**d, "weight": 1})) if len(d) < 3 else st.just(d)
    )


def plausible_value(field: Any) -> st.SearchStrategy[Any]:
    """Mostly what a form or an import gives: valid values in stored or near-stored form."""
    k = field.kind
    if k == "ref":
        codes = CODES.get(field.ref, ["X"])
        return st.sampled_from(codes).flatmap(lambda c: st.sampled_from([c, c.lower(), f" {c}"]))
    if k == "refs":
        codes = CODES.get(field.ref, ["X"])[:20]
        return st.lists(st.sampled_from(codes), max_size=3).map(" ".join)
    if k == "date":
        return st.dates(min_value=date(1990, 1, 1), max_value=TODAY).map(date.isoformat)
    if k == "float":
        return st.one_of(st.floats(0.001, 1e5), st.integers(1, 10**5))
    if k == "int":
        return st.integers(0, 100)
    if k == "bool":
        return st.booleans()
    if k == "email":
        return st.just("a.karimov@unodc.org")
    if k == "fk":
        return st.just("01900000-0000-7000-8000-000000000042")
    return st.text(alphabet="abc XYZ-'\"Жé", max_size=20)


def plausible(entity: str) -> st.SearchStrategy[dict[str, Any]]:
    fields = FIELDS[entity]
    required = {f.name: plausible_value(f) for f in fields if f.required}
    optional = {
        f.name: st.one_of(plausible_value(f), value_for(f)) for f in fields if not f.required
    }
    return st.fixed_dictionaries(required, optional=optional)


def valid_seizure(draw: Any) -> dict[str, Any]:
    country = draw(st.sampled_from(["AFG", "TJK", "IRN", "PAK", "KAZ"]))
    provinces = [c for c, (p, _f) in REFS.codes["province"].items() if p == country]
    return {
        "seized_on": draw(DATES.filter(lambda d: isinstance(d, str))),
        "country": draw(st.sampled_from([country, country.lower(), f" {country}"])),
        "province": draw(st.sampled_from([*provinces, "", "TJ-KT"])),
        "drug": draw(st.sampled_from(["HEROIN", "opium", "CANNABIS_RESIN"])),
        "quantity_known": draw(st.booleans()),
        "quantity": draw(st.one_of(st.none(), st.floats(-1, 1e6), st.integers(-1, 10**6))),
        "unit": draw(st.sampled_from(["KG", "g", "TABLET", "L", "T"])),
        "latitude": draw(st.one_of(st.none(), st.floats(-100, 100))),
        "notes": draw(ODD_TEXT),
        "transit_countries": draw(st.sampled_from(["", "UZB KAZ", ["uzb", "kaz"], "UZB  kaz"])),
        "persons_arrested": draw(st.one_of(st.none(), st.integers(-2, 5))),
        "agency": draw(st.sampled_from(["", "AFG-CNPA", "TJK-DCA", "NOPE"])),
    }


FAST = {entity: bulk._FastRows(entity, REFS, TODAY).compile() for entity in FIELDS}
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))


def check_row(entity: str, given: dict[str, Any]) -> None:
    expected = oracle_row(entity, given)
    quick = FAST[entity](given)
    if quick is None:
        return  # the general path decides: nothing to compare
    assert expected[0] == "ok", f"fast path accepted a row the general path refuses: {given}"
    full, issues, changes = expected[1]
    fast_full, fast_values, fast_changes = quick
    assert typed(fast_full) == typed(full)
    assert typed(fast_values) == typed([full[n] for n in field_names(entity)])
    assert fast_changes == changes
    # nothing at field level (the fast path accepted): what remains are the record rules
    rules: list[Issue] = []
    validation.record_rules(entity, fast_full, REFS, rules)
    assert rules == issues, (given, rules, issues)


@SETTINGS
@given(rows("seizure"))
def test_fast_rows_of_seizures_match_the_general_path(given_row: dict[str, Any]) -> None:
    check_row("seizure", given_row)


@SETTINGS
@given(st.composite(valid_seizure)())
def test_fast_rows_of_mostly_valid_seizures_match_the_general_path(row: dict[str, Any]) -> None:
    check_row("seizure", row)


@SETTINGS
@given(st.sampled_from(sorted(FIELDS)).flatmap(lambda e: st.tuples(st.just(e), rows(e))))
def test_fast_rows_of_every_entity_match_the_general_path(case: tuple[str, Any]) -> None:
    check_row(*case)


@SETTINGS
@given(st.sampled_from(sorted(FIELDS)).flatmap(lambda e: st.tuples(st.just(e), plausible(e))))
def test_fast_rows_of_plausible_records_match_the_general_path(case: tuple[str, Any]) -> None:
    check_row(*case)


@SETTINGS
@given(st.sampled_from(sorted(FIELDS)).flatmap(lambda e: st.tuples(st.just(e), rows(e))))
def test_normalise_matches_the_oracle(case: tuple[str, dict[str, Any]]) -> None:
    entity, values = case
    try:
        expected: Any = typed(oracle_normalise(entity, values))
    except ValidationFailed as exc:
        expected = ("refused", [i.field for i in exc.issues])
    try:
        got: Any = typed(records.normalise(entity, values))
    except ValidationFailed as exc:
        got = ("refused", [i.field for i in exc.issues])
    assert got == expected


@SETTINGS
@given(
    st.sampled_from(sorted(FIELDS)).flatmap(
        lambda e: st.tuples(st.just(e), st.one_of(rows(e), plausible(e)))
    )
)
def test_validate_matches_the_oracle(case: tuple[str, dict[str, Any]]) -> None:
    entity, values = case
    values = {k: v for k, v in values.items() if k in field_map(entity)}
    try:
        expected: Any = oracle_validate(entity, values, REFS, TODAY)
    except Exception as exc:
        expected = type(exc)
    try:
        got: Any = validation.validate(entity, values, REFS, TODAY)
    except Exception as exc:
        got = type(exc)
    assert got == expected


@SETTINGS
@given(st.lists(st.one_of(st.none(), ODD_TEXT, NUMBERS, DATES), min_size=25, max_size=25))
def test_create_changes_is_the_json_of_the_dict(values: list[Any]) -> None:
    names = field_names("seizure")
    assert CreateChanges(names)(values) == oracle_changes(names, values)


@SETTINGS
@given(
    st.lists(st.tuples(ODD_TEXT, ODD_TEXT, st.sampled_from(["create", "update"])), max_size=5),
    ODD_TEXT,
)
def test_audit_hashes_follow_the_documented_definition(
    entries: list[tuple[str, str, str]], who: str
) -> None:
    plain = Ledger(who, "device-1", 0, "0" * 64, 0)
    quick = Ledger(who, "device-1", 0, "0" * 64, 0)
    prev = "0" * 64
    for seq, (entity_id, text_, action) in enumerate(entries, start=1):
        changes = dumps({"notes": [None, text_], "n": [1.5, None]})
        expected = oracle_hash(
            prev,
            seq,
            "2026-11-28T10:00:00.000+00:00",
            who,
            "device-1",
            action,
            "seizure",
            entity_id,
            changes,
        )
        assert (
            audit_hash(
                prev,
                seq,
                "2026-11-28T10:00:00.000+00:00",
                who,
                "device-1",
                action,
                "seizure",
                entity_id,
                changes,
            )
            == expected
        )
        plain.audit("2026-11-28T10:00:00.000+00:00", action, "seizure", entity_id, changes)
        quick.audit_json("2026-11-28T10:00:00.000+00:00", action, "seizure", entity_id, changes)
        assert plain.prev_hash == quick.prev_hash == expected
        prev = expected


@pytest.mark.parametrize("raw", ["a\x00b", "tab\tand\nnewline", 'quote " and \\ backslash'])
def test_audit_of_any_text_hashes_like_the_definition(raw: str) -> None:
    ledger = Ledger("w", "d", 0, "0" * 64, 0)
    ledger.audit("at", "create", "seizure", "id-1", raw)  # not JSON: still the definition
    assert ledger.prev_hash == oracle_hash(
        "0" * 64, 1, "at", "w", "d", "create", "seizure", "id-1", raw
    )
