"""Values in cells: what export writes for a stored value, and the tolerant reading back.

Real spreadsheets carry dates as Excel serials or text, numbers as text with thousands
separators, "--" or "not known" for missing values, codes with or without their labels. Reading
turns what it can into the stored form and leaves anything else as text, so the same validators
as the forms report it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]

LABEL_SEP = " — "
YES = {"en": "yes", "ru": "да"}
NO = {"en": "no", "ru": "нет"}
_TRUE = {"yes", "y", "true", "1", "да", "д", "x", "✓"}
_FALSE = {"no", "n", "false", "0", "нет", "н"}
# Cell texts that mean "nothing here" (the field is left empty).
MISSING = {
    "",
    "-",
    "--",
    "---",
    "—",
    "–",
    "n/a",
    "na",
    "not known",
    "unknown",
    "none",
    "null",
    "нет данных",
    "неизвестно",
    "не известно",
    "н/д",
}
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 (Excel's 1900 leap-year bug included)
_DATE_FORMATS = (
    "%Y-%m-%d",
    "%d.%m.%Y",
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%d.%m.%y",
    "%d %b %Y",
    "%d %B %Y",
    "%b %d %Y",
    "%B %d %Y",
    "%d-%b-%Y",
)
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_THOUSANDS_COMMA = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")
_THOUSANDS_DOT = re.compile(r"[+-]?\d{1,3}(\.\d{3}){2,}(,\d+)?")
_SHORT_LABEL = re.compile(r"\(([^()]{1,12})\)\s*$")
_SPLIT_CODES = re.compile(r"[\s,;/]+")


def clean_text(value: str) -> str:
    """Text without the control characters an xlsx file cannot hold."""
    return str(ILLEGAL_CHARACTERS_RE.sub("", value))


def is_missing(value: Any) -> bool:
    """True for an empty cell or a text that means "not known"."""
    if value is None:
        return True
    return isinstance(value, str) and value.strip().casefold() in MISSING


# --- reading ----------------------------------------------------------------------------


def parse_date(value: Any) -> Any:
    """An ISO date text from a date, an Excel serial or a text in a common format; anything
    else is returned as given (validation words the error)."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        if 1 <= value < 2958466:  # 1900-01-01 .. 9999-12-31
            return (_EXCEL_EPOCH + timedelta(days=int(value))).isoformat()
        return value
    if isinstance(value, str):
        text = " ".join(value.strip().split())
        if len(text) >= 19 and text[10] in " T" and text[:4].isdigit():
            text = text[:10]  # "2026-03-05 00:00:00": a date-time written as text
        for fmt in _DATE_FORMATS:
            try:
                return datetime.strptime(text, fmt).date().isoformat()
            except ValueError:
                continue
        return text
    return value


def parse_number(value: Any, whole: bool = False) -> Any:
    """A float (or int when ``whole``) from a number or a text with separators; anything else
    is returned as given."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        number: float | int = value
    elif isinstance(value, str):
        text = _SPACES.sub("", value)
        if _THOUSANDS_COMMA.fullmatch(text):
            text = text.replace(",", "")
        elif _THOUSANDS_DOT.fullmatch(text):
            text = text.replace(".", "").replace(",", ".")
        elif "," in text and "." in text:
            # both: the last one is the decimal separator
            if text.rfind(",") > text.rfind("."):
                text = text.replace(".", "").replace(",", ".")
            else:
                text = text.replace(",", "")
        else:
            text = text.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            return value.strip()
    else:
        return value
    if whole and float(number).is_integer():
        return int(number)
    return float(number) if not whole else number


def parse_bool(value: Any) -> Any:
    """True / False from yes/no, да/нет, true/false, 1/0; anything else as given."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        folded = value.strip().casefold()
        if folded in _TRUE:
            return True
        if folded in _FALSE:
            return False
        return value.strip()
    return value


def as_text(value: Any) -> str:
    """A cell as text: whole numbers without ".0" (a phone number read as a number)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).strip()


class CodeReader:
    """Codes of reference lists from "CODE — Label", a bare code or a label (either language)."""

    def __init__(self, labels: Mapping[str, Mapping[str, tuple[str, str]]]) -> None:
        self._codes = {kind: set(items) for kind, items in labels.items()}
        self._by_label: dict[str, dict[str, str]] = {}
        for kind, items in labels.items():
            index: dict[str, str] = {}
            for code, (en, ru) in items.items():
                for label in (en, ru):
                    if label:
                        index.setdefault(label.casefold(), code)
                        short = _SHORT_LABEL.search(label)  # "килограмм (кг)" is also "кг"
                        if short:
                            index.setdefault(short.group(1).casefold(), code)
            self._by_label[kind] = index

    def code(self, kind: str, value: Any) -> str:
        """The code ``value`` stands for (upper-cased text as given when none matches)."""
        text = as_text(value)
        head = text.split(LABEL_SEP, 1)[0].strip() if LABEL_SEP in text else text
        upper = head.upper()
        if upper in self._codes.get(kind, ()):
            return upper
        found = self._by_label.get(kind, {}).get(text.casefold())
        return found if found is not None else upper

    def codes(self, kind: str, value: Any) -> str:
        """Space-separated codes from a list written with spaces, commas or semicolons."""
        text = as_text(value)
        if text.casefold() in MISSING:
            return ""
        parts = [p for p in _SPLIT_CODES.split(text) if p]
        return " ".join(dict.fromkeys(self.code(kind, p) for p in parts))


def read_cell(kind: str, ref: str, value: Any, codes: CodeReader) -> Any:
    """The stored form of one cell of a column of ``kind`` (None for a missing value)."""
    if is_missing(value):
        return None
    if kind == "date":
        return parse_date(value)
    if kind == "float":
        return parse_number(value)
    if kind == "int":
        return parse_number(value, whole=True)
    if kind == "bool":
        return parse_bool(value)
    if kind == "ref":
        return codes.code(ref, value)
    if kind == "refs":
        return codes.codes(ref, value)
    return as_text(value)
