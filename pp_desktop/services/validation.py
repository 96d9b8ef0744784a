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

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")
MAX_TEXT = {"str": 500, "text": 20_000, "email": 200}


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
    if quantity is None:
        return None
    factor = refs.factor_kg(unit)
    return None if factor is None else round(quantity * factor, 6)


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _check_type(f: Field, value: Any, refs: ReferenceCache, today: date) -> list[Issue]:
    k = f.kind
    if k == "date":
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
    if v.get("quantity_known", True):
        q = v.get("quantity")
        if q is None:
            issues.append(Issue("quantity", "is required (or mark the quantity as not known)."))
        elif isinstance(q, int | float) and q <= 0:
            issues.append(Issue("quantity", "must be greater than 0 (or mark it as not known)."))
    elif v.get("quantity") is not None:
        issues.append(Issue("quantity", "must be empty when the quantity is marked not known."))
    _between(issues, v, "purity_pct", 0, 100)
    _between(issues, v, "latitude", -90, 90)
    _between(issues, v, "longitude", -180, 180)
    pa = v.get("persons_arrested")
    if isinstance(pa, int | float) and pa < 0:
        issues.append(Issue("persons_arrested", "cannot be negative."))
    country, province = v.get("country"), v.get("province")
    if (
        province
        and country
        and refs.known("province", province)
        and refs.parent("province", province) != country
    ):
        issues.append(Issue("province", f"{province} is not a province of {country}."))
    agency = v.get("agency")
    if (
        agency
        and country
        and refs.known("agency", agency)
        and refs.parent("agency", agency) not in ("", country)
    ):
        issues.append(Issue("agency", f"{agency} is not an agency of {country}.", "warning"))
    kg = v.get("kg_equivalent")
    if isinstance(kg, int | float) and kg > 50_000:
        issues.append(
            Issue("quantity", f"{kg:,.0f} kg is unusually large: check the unit.", "warning")
        )


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


def validate(
    entity: str,
    values: Mapping[str, Any],
    refs: ReferenceCache,
    today: date,
    exists: Callable[[str, str], bool] | None = None,
) -> list[Issue]:
    """Every finding for a record's full field values (errors and warnings)."""
    issues: list[Issue] = []
    for f in FIELDS[entity]:
        value = values.get(f.name)
        if _is_empty(value):
            if f.required:
                issues.append(Issue(f.name, "is required."))
            continue
        if f.kind == "fk":
            if exists is not None and not exists(f.ref, str(value)):
                issues.append(Issue(f.name, f"refers to a {f.ref} that does not exist."))
            continue
        issues.extend(_check_type(f, value, refs, today))
    if any(i.is_error for i in issues):
        return issues  # field-level errors first: cross-field rules would only add noise
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
    return issues
