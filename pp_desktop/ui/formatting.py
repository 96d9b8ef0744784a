"""How stored values read on screen: numbers, kilograms, booleans, codes with their labels.

Pure functions over plain values (Qt only to translate the few words they add), shared by
the list columns, the detail dialog and the dashboard so that one value always reads the same
way.
"""

from __future__ import annotations

import json
import re
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication

from pp_desktop.services.fields import Field
from pp_desktop.ui.tr_marks import QT_TRANSLATE_NOOP

NOT_KNOWN = QT_TRANSLATE_NOOP("formatting", "Not known")
_PAREN = re.compile(r"\(([^)]*)\)\s*$")


translate = QCoreApplication.translate  # the name lupdate looks for


def _tr(text: str) -> str:
    return QCoreApplication.translate("formatting", text)


class Labels(Protocol):
    """What formatting needs from the reference labels."""

    def label(self, kind: str, code: str) -> str:
        """Label of a code."""
        ...

    def display(self, kind: str, code: str) -> str:
        """``CODE — Label``."""
        ...


def number(value: float | int | None, decimals: int = 3) -> str:
    """``1,234.5`` — thousands separators, trailing zeros dropped ("" for None)."""
    if value is None:
        return ""
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def kilograms(value: float | None, decimals: int = 1) -> str:
    """A mass for tooltips and details: ``1,234.5 kg`` (grams below 1 kg: ``250 g``)."""
    if value is None:
        return ""
    if 0 < abs(value) < 1:
        return translate("formatting", "{n} g").format(n=number(value * 1000, decimals))
    return translate("formatting", "{n} kg").format(n=number(value, decimals))


def kg_number(value: float | None) -> str:
    """A kilogram figure for a column titled in kilograms: ``309.6``, ``0.065``."""
    if value is None:
        return ""
    if 0 < abs(value) < 1:
        return f"{value:.3f}"
    return f"{value:,.1f}"


def short_label(label: str) -> str:
    """A label without its parenthesised detail: "Cannabis resin (hashish)" -> "Cannabis resin"."""
    short = _PAREN.sub("", label).strip()
    return short or label


def compact_kilograms(value: float) -> str:
    """A mass short enough for a chart label: ``950 kg``, ``12.3 t``, ``1.2 kt``."""
    if abs(value) >= 1_000_000:
        return translate("formatting", "{n} kt").format(n=f"{value / 1_000_000:,.1f}")
    if abs(value) >= 10_000:
        return translate("formatting", "{n} t").format(n=f"{value / 1000:,.0f}")
    if abs(value) >= 1000:
        return translate("formatting", "{n} t").format(n=f"{value / 1000:,.1f}")
    return translate("formatting", "{n} kg").format(n=f"{value:,.0f}")


def yes_no(value: object) -> str:
    """``Yes`` / ``No`` ("" for None)."""
    if value is None:
        return ""
    return translate("formatting", "Yes") if bool(value) else translate("formatting", "No")


def unit_symbol(labels: Labels, unit: str) -> str:
    """The short form of a unit: ``kg`` from "kilogram (kg)", ``tablet`` from "tablet"."""
    label = labels.label("unit", unit)
    m = _PAREN.search(label)
    if m and len(m.group(1)) <= 3:
        return m.group(1)
    return _PAREN.sub("", label).strip() or unit


def quantity(labels: Labels, row: dict[str, Any]) -> str:
    """A seizure's quantity with its unit, or "Not known"."""
    if not row.get("quantity_known", True) or row.get("quantity") is None:
        return _tr(NOT_KNOWN)
    return f"{number(row['quantity'])} {unit_symbol(labels, str(row.get('unit') or 'KG'))}"


def price_per(labels: Labels, row: dict[str, Any]) -> str:
    """What a price is quoted for: ``per 1 g``, ``per 10 kg``."""
    per = row.get("per_quantity")
    unit = unit_symbol(labels, str(row.get("per_unit") or "G"))
    return translate("formatting", "per {n} {unit}").format(
        n=number(per) if per is not None else "1", unit=unit
    )


def codes(labels: Labels, kind: str, value: str | None, *, with_labels: bool = False) -> str:
    """Space-separated codes as ``AFG, KAZ`` (or ``AFG — Afghanistan; KAZ — Kazakhstan``)."""
    items = (value or "").split()
    if with_labels:
        return "; ".join(labels.display(kind, c) for c in items)
    return ", ".join(items)


def field_value(f: Field, value: Any, labels: Labels, *, long: bool = False) -> str:
    """One field's value as text; ``long`` spells out code lists and full labels (details),
    otherwise labels lose their parenthesised detail (table cells)."""
    if value is None or value == "":
        return ""
    if f.kind == "ref":
        shown = labels.display(f.ref, str(value))
        if long:
            return shown
        label = labels.label(f.ref, str(value))
        return shown.replace(label, short_label(label)) if label != value else shown
    if f.kind == "refs":
        return codes(labels, f.ref, str(value), with_labels=long)
    if f.kind == "bool":
        return yes_no(value)
    if f.kind == "float":
        if f.name == "kg_equivalent":
            return kilograms(float(value), 3)
        return number(float(value))
    if f.kind == "int":
        return number(int(value))
    return str(value)


def audit_changes_summary(changes: str) -> str:
    """The field names an audit entry touched, e.g. ``quantity, unit, notes``."""
    try:
        data = json.loads(changes)
    except (TypeError, ValueError):
        return ""
    if not isinstance(data, dict):
        return ""
    return ", ".join(str(k) for k in data)


def audit_changes(changes: str) -> list[tuple[str, str, str]]:
    """An audit entry's changes as (field, before, after) text triples."""
    try:
        data = json.loads(changes)
    except (TypeError, ValueError):
        return []
    out: list[tuple[str, str, str]] = []
    if isinstance(data, dict):
        for name, pair in data.items():
            before, after = pair if isinstance(pair, list) and len(pair) == 2 else (None, pair)
            out.append((str(name), _plain(before), _plain(after)))
    return out


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, float):
        return number(value)
    return str(value)


def one_line(text: str, limit: int = 160) -> str:
    """A multi-line text squeezed to one line for a table cell."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
