"""Validation shared by forms, imports and sync: errors block, warnings ask (DESIGN §4).

Real published data breaks the obvious rules (typical price outside min–max, min > max, zero
seizures): those are warnings, never refusals.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from pp_desktop.services.errors import Issue
from pp_desktop.services.fields import FIELDS, NOT_FUTURE, Field

ISO_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")
MAX_TEXT = {"str": 500, "text": 20_000, "email": 200}
_NO_CODES: dict[str, tuple[str, float | None]] = {}


@dataclass
class ReferenceCache:
    """Every reference code in memory (a few thousand rows): validation without queries."""

    codes: dict[str, dict[str, tuple[str, float | None]]]

    @classmethod
    def load(cls, conn: Connection) -> ReferenceCache:
        """Read every active code."""
        codes: dict[str, dict[str, tuple[str, float | None]]] = {}
        rows = conn.execute(
            text("SELECT kind, code, parent, factor_kg FROM reference_code WHERE active")
        )
        for kind, code, parent, factor in rows:
            codes.setdefault(str(kind), {})[str(code)] = (str(parent or ""), factor)
        return cls(codes)

    def known(self, kind: str, code: str) -> bool:
        """True when ``code`` is in list ``kind``."""
        return code in self.codes.get(kind, {})

    def parent(self, kind: str, code: str) -> str:
        """The parent code of ``code`` ("" when none or unknown)."""
        return self.codes.get(kind, {}).get(code, ("", None))[0]

    def factor_kg(self, unit: str) -> float | None:
        """Kilograms per one ``unit`` (None when unknown)."""
        return self.codes.get("unit", {}).get(unit, ("", None))[1]


def kg_equivalent(quantity: float | None, unit: str, refs: ReferenceCache) -> float | None:
    """Quantity in kilogram equivalent (litres at 1 kg/L, tablets at the unit's mass)."""
    if type(quantity) is not float and type(quantity) is not int:
        return None  # missing or not a number (an import's "5"): validation reports it
    factor = refs.factor_kg(unit)
    return None if factor is None else round(quantity * factor, 6)


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _check_type(f: Field, value: Any, refs: ReferenceCache, today: date) -> list[Issue]:
    k = f.kind
    if k == "date":
        if not ISO_DATE_RE.fullmatch(str(value)):  # 3.11 also takes 20261101 and 2026-W44-1
            return [Issue(f.name, "is not a date (expected YYYY-MM-DD).")]
        try:
            d = date.fromisoformat(str(value))
        except ValueError:
            return [Issue(f.name, "is not a date (expected YYYY-MM-DD).")]
        if f.name in NOT_FUTURE and d > today:
            return [Issue(f.name, f"{d.isoformat()} is after today ({today.isoformat()}).")]
        if d.year < 1900:
            return [Issue(f.name, "is before 1900.")]
    elif k in {"int", "float"}:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return [Issue(f.name, "must be a number.")]
        if value != value:  # NaN
            return [Issue(f.name, "must be a number.")]
        if k == "int" and not float(value).is_integer():
            return [Issue(f.name, "must be a whole number.")]
    elif k == "ref":
        if not refs.known(f.ref, str(value)):
            return [Issue(f.name, f"'{value}' is not a known {f.ref.replace('_', ' ')} code.")]
    elif k == "refs":
        bad = [c for c in str(value).split() if not refs.known(f.ref, c)]
        if bad:
            return [Issue(f.name, f"unknown {f.ref} code(s): {', '.join(bad)}.")]
    elif k == "email":
        if not EMAIL_RE.match(str(value)):
            return [Issue(f.name, f"'{value}' is not a valid e-mail address.")]
    elif k == "bool" and not isinstance(value, bool | int):
        return [Issue(f.name, "must be yes or no.")]
    if k in MAX_TEXT and len(str(value)) > MAX_TEXT[k]:
        return [Issue(f.name, f"is longer than {MAX_TEXT[k]} characters.")]
    return []


def _between(
    issues: list[Issue], values: Mapping[str, Any], name: str, lo: float, hi: float
) -> None:
    v = values.get(name)
    if isinstance(v, int | float) and not lo <= v <= hi:
        issues.append(Issue(name, f"must be between {lo:g} and {hi:g}."))


def _order(
    issues: list[Issue],
    values: Mapping[str, Any],
    first: str,
    second: str,
    message: str,
    severity: str = "error",
) -> None:
    a, b = values.get(first), values.get(second)
    if a is not None and b is not None and not _is_empty(a) and not _is_empty(b) and a > b:
        issues.append(Issue(second, message, severity))


def _rules_seizure(v: Mapping[str, Any], refs: ReferenceCache, issues: list[Issue]) -> None:
    get = v.get
    if get("quantity_known", True):
        q = get("quantity")
        if q is None:
            issues.append(Issue("quantity", "is required (or mark the quantity as not known)."))
        elif isinstance(q, int | float) and q <= 0:
            issues.append(Issue("quantity", "must be greater than 0 (or mark it as not known)."))
    elif get("quantity") is not None:
        issues.append(Issue("quantity", "must be empty when the quantity is marked not known."))
    for name, lo, hi in _SEIZURE_RANGES:  # _between, inline
        x = get(name)
        if x is not None and isinstance(x, int | float) and not lo <= x <= hi:
            issues.append(Issue(name, f"must be between {lo:g} and {hi:g}."))
    pa = get("persons_arrested")
    if pa is not None and isinstance(pa, int | float) and pa < 0:
        issues.append(Issue("persons_arrested", "cannot be negative."))
    country, province, agency = get("country"), get("province"), get("agency")
    if type(refs) is ReferenceCache:  # known() and parent(), inline
        codes = refs.codes
        if province and country:
            p = codes.get("province", _NO_CODES).get(province)
            if p is not None and p[0] != country:
                issues.append(Issue("province", f"{province} is not a province of {country}."))
        if agency and country:
            a = codes.get("agency", _NO_CODES).get(agency)
            if a is not None and a[0] not in ("", country):
                issues.append(
                    Issue("agency", f"{agency} is not an agency of {country}.", "warning")
                )
    else:
        if (
            province
            and country
            and refs.known("province", province)
            and refs.parent("province", province) != country
        ):
            issues.append(Issue("province", f"{province} is not a province of {country}."))
        if (
            agency
            and country
            and refs.known("agency", agency)
            and refs.parent("agency", agency) not in ("", country)
        ):
            issues.append(Issue("agency", f"{agency} is not an agency of {country}.", "warning"))
    kg = get("kg_equivalent")
    if kg is not None and isinstance(kg, int | float) and kg > 50_000:
        issues.append(
            Issue("quantity", f"{kg:,.0f} kg is unusually large: check the unit.", "warning")
        )


_SEIZURE_RANGES = (("purity_pct", 0, 100), ("latitude", -90, 90), ("longitude", -180, 180))


def _rules_price(v: Mapping[str, Any], issues: list[Issue]) -> None:
    for name in ("price_typical", "price_min", "price_max"):
        p = v.get(name)
        if isinstance(p, int | float) and p < 0:
            issues.append(Issue(name, "cannot be negative."))
    pq = v.get("per_quantity")
    if isinstance(pq, int | float) and pq <= 0:
        issues.append(Issue("per_quantity", "must be greater than 0."))
    for name in ("purity_typical", "purity_min", "purity_max"):
        _between(issues, v, name, 0, 100)
    _order(issues, v, "price_min", "price_max", "minimum price is above the maximum.", "warning")
    _order(
        issues, v, "price_min", "price_typical", "typical price is below the minimum.", "warning"
    )
    _order(
        issues, v, "price_typical", "price_max", "typical price is above the maximum.", "warning"
    )
    _order(issues, v, "purity_min", "purity_max", "minimum purity is above the maximum.", "warning")
    _order(issues, v, "observed_on", "period_end", "the period ends before it starts.")
    if all(v.get(n) is None for n in ("price_typical", "price_min", "price_max")):
        issues.append(
            Issue("price_typical", "give at least one price (typical, minimum or maximum).")
        )


def _rules_project(v: Mapping[str, Any], issues: list[Issue]) -> None:
    b = v.get("budget")
    if isinstance(b, int | float) and b < 0:
        issues.append(Issue("budget", "cannot be negative."))
    _order(
        issues, v, "planned_start", "planned_end", "the planned end is before the planned start."
    )
    _order(issues, v, "actual_start", "actual_end", "the actual end is before the actual start.")


def _field_issues(
    fields: tuple[Field, ...],
    values: Mapping[str, Any],
    refs: ReferenceCache,
    today: date,
    exists: Callable[[str, str], bool] | None,
) -> list[Issue]:
    """Field-level findings, in field order.

    The common cases (a stripped string, a number, a bool, nothing) are decided inline; every
    other value goes through :func:`_is_empty` and :func:`_check_type`, which define the rules.
    The inline branches give exactly what those two functions give for the same value.
    """
    issues: list[Issue] = []
    if type(refs) is not ReferenceCache:  # a stand-in: only the generic rules know its methods
        for f in fields:
            value = values.get(f.name)
            if _is_empty(value):
                if f.required:
                    issues.append(Issue(f.name, "is required."))
            elif f.kind == "fk":
                if exists is not None and not exists(f.ref, str(value)):
                    issues.append(Issue(f.name, f"refers to a {f.ref} that does not exist."))
            else:
                issues.extend(_check_type(f, value, refs, today))
        return issues
    codes = refs.codes
    get = values.get
    for f in fields:
        value = get(f.name)
        if value is None:
            if f.required:
                issues.append(Issue(f.name, "is required."))
            continue
        k = f.kind
        tv = type(value)
        if tv is str:
            if not value or value.isspace():  # same as ``not value.strip()``
                if f.required:
                    issues.append(Issue(f.name, "is required."))
                continue
            if k == "ref":
                if value not in codes.get(f.ref, _NO_CODES):
                    issues.append(
                        Issue(f.name, f"'{value}' is not a known {f.ref.replace('_', ' ')} code.")
                    )
                continue
            if k == "refs":
                known = codes.get(f.ref, _NO_CODES)
                bad = [c for c in value.split() if c not in known]
                if bad:
                    issues.append(Issue(f.name, f"unknown {f.ref} code(s): {', '.join(bad)}."))
                continue
            if k == "str" or k == "text":
                if len(value) > MAX_TEXT[k]:
                    issues.append(Issue(f.name, f"is longer than {MAX_TEXT[k]} characters."))
                continue
            if k == "date" and ISO_DATE_RE.fullmatch(value):
                try:
                    d = date.fromisoformat(value)
                except ValueError:
                    issues.append(Issue(f.name, "is not a date (expected YYYY-MM-DD)."))
                    continue
                if f.name in NOT_FUTURE and d > today:
                    issues.append(
                        Issue(f.name, f"{d.isoformat()} is after today ({today.isoformat()}).")
                    )
                elif d.year < 1900:
                    issues.append(Issue(f.name, "is before 1900."))
                continue
        elif (tv is float or tv is int) and (k == "float" or k == "int"):
            if value != value:  # NaN
                issues.append(Issue(f.name, "must be a number."))
            elif k == "int" and not float(value).is_integer():
                issues.append(Issue(f.name, "must be a whole number."))
            continue
        elif tv is bool and k == "bool":
            continue
        elif _is_empty(value):
            if f.required:
                issues.append(Issue(f.name, "is required."))
            continue
        if k == "fk":
            if exists is not None and not exists(f.ref, str(value)):
                issues.append(Issue(f.name, f"refers to a {f.ref} that does not exist."))
            continue
        issues.extend(_check_type(f, value, refs, today))
    return issues


def validate(
    entity: str,
    values: Mapping[str, Any],
    refs: ReferenceCache,
    today: date,
    exists: Callable[[str, str], bool] | None = None,
) -> list[Issue]:
    """Every finding for a record's full field values (errors and warnings)."""
    issues = _field_issues(FIELDS[entity], values, refs, today, exists)
    for i in issues:
        if i.severity == "error":
            return issues  # field-level errors first: cross-field rules would only add noise
    record_rules(entity, values, refs, issues)
    return issues


def record_rules(
    entity: str, values: Mapping[str, Any], refs: ReferenceCache, issues: list[Issue]
) -> None:
    """The cross-field rules of ``entity`` (run once every field is valid): appends findings."""
    if entity == "seizure":
        _rules_seizure(values, refs, issues)
    elif entity == "price":
        _rules_price(values, issues)
    elif entity == "project":
        _rules_project(values, issues)
    elif entity == "project_donor":
        a = values.get("amount")
        if isinstance(a, int | float) and a < 0:
            issues.append(Issue("amount", "cannot be negative."))
