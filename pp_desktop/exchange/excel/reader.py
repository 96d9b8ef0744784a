"""Reading what a counterpart sends back: refusals first, then sheets, headers and rows.

The input is read with python-calamine (Rust, ~10× faster than openpyxl): it reads one sheet at
a time and hands rows over one by one; no openpyxl object model of the workbook is ever built.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from pp_desktop.exchange.excel.cells import is_missing
from pp_desktop.exchange.excel.columns import RU, SHEETS, Column, columns, entity_of_sheet
from pp_desktop.exchange.excel.errors import ImportRefused

MAX_BYTES = 50 * 1024 * 1024  # a 1,000,000-cell workbook is ~15 MB
MAX_ROWS = 300_000
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: old .xls or an encrypted xlsx
_ZIP = b"PK\x03\x04"
_CODE_IN_HEADER = re.compile(r"\(([A-Za-z_]+)\)\s*$")
# Sheets of an export that hold no records (Summary, About, Lists in English and Russian).
OWN_EXTRA_SHEETS = frozenset({"Summary", "About", "Lists", "Сводка", "О файле", "Списки"})
HEADER_SCAN = 10  # rows searched for the header row (titles above it are allowed)


@dataclass(frozen=True)
class Limits:
    """Caps an import refuses above."""

    max_bytes: int = MAX_BYTES
    max_rows: int = MAX_ROWS


def check_file(path: Path, limits: Limits) -> None:
    """Refuse files that are not plain xlsx workbooks, with a reason an officer can act on."""
    path = Path(path)
    if not path.is_file():
        raise ImportRefused(f"{path}: there is no such file.")
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise ImportRefused(
            f"{path.name} is {size / 2**20:,.1f} MB; the import takes files up to "
            f"{limits.max_bytes / 2**20:,.0f} MB. Split it into several workbooks."
        )
    if path.suffix.lower() in (".xlsm", ".xltm", ".xlam"):
        raise ImportRefused(
            f"{path.name} is a macro-enabled workbook; macros are never imported. Save it as "
            "an Excel Workbook (.xlsx) and import that."
        )
    with path.open("rb") as fh:
        head = fh.read(8)
    if head == _CFB:
        data = path.read_bytes()
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise ImportRefused(
                f"{path.name} is protected by a password. Open it in Excel, remove the password "
                "(File > Info > Protect Workbook) and import the saved copy."
            )
        raise ImportRefused(
            f"{path.name} is an old Excel 97-2003 (.xls) file. Save it as an Excel Workbook "
            "(.xlsx) and import that."
        )
    if head[:4] != _ZIP:
        raise ImportRefused(f"{path.name} is not an Excel workbook (.xlsx).")
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            types = zf.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportRefused(f"{path.name} is damaged or not an Excel workbook ({exc}).") from None
    if any(n.lower().endswith("vbaproject.bin") for n in names) or b"macroEnabled" in types:
        raise ImportRefused(
            f"{path.name} contains macros; macros are never imported. Save it as an Excel "
            "Workbook (.xlsx) and import that."
        )
    if "xl/workbook.xml" not in names and b"spreadsheetml.sheet.main" not in types:
        raise ImportRefused(f"{path.name} is a zip file but not an Excel workbook (.xlsx).")


def open_workbook(path: Path) -> CalamineWorkbook:
    """The workbook, opened for reading (a damaged file becomes :class:`ImportRefused`)."""
    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own errors for every kind of damage
        raise ImportRefused(f"{Path(path).name} cannot be read as a workbook: {exc}") from None


@dataclass
class SheetMapping:
    """A counterpart's own layout: which entity a sheet holds, header text -> field code."""

    entity: str
    columns: dict[str, str]
    sheet: str = "*"  # "*": any sheet whose header row has every mapped header


@dataclass
class Layout:
    """How one sheet is read: its entity, the header row and which column is which field."""

    sheet: str
    entity: str
    header_row: int  # 0-based index within the rows calamine returns
    positions: list[tuple[int, Column]]  # (column index, column)
    headers: list[str]
    extra: list[str] = field(default_factory=list)  # headers matched to no field: ignored
    first_row: int = 1  # Excel row number of the first row calamine returns
    first_col: int = 1
    mapped: bool = False

    def has(self, code: str) -> bool:
        """True when the sheet has column ``code``."""
        return any(c.code == code for _i, c in self.positions)


def _header_index(entity: str) -> dict[str, Column]:
    index: dict[str, Column] = {}
    for c in columns(entity):
        index[c.code.casefold()] = c
        index.setdefault(c.label_en.casefold(), c)
        index.setdefault(RU.get(c.code, c.label_en).casefold(), c)
    return index


def _match_header(text: str, index: Mapping[str, Column]) -> Column | None:
    text = " ".join(text.split())
    m = _CODE_IN_HEADER.search(text)
    if m and m.group(1).casefold() in index and index[m.group(1).casefold()].code == m.group(1):
        return index[m.group(1).casefold()]
    return index.get(text.casefold())


def _as_header(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _layout(
    sheet: str, entity: str, rows: Sequence[Sequence[Any]], mapping: SheetMapping | None
) -> Layout | None:
    index = _header_index(entity)
    by_code = {c.code: c for c in columns(entity)}
    for r, row in enumerate(rows):
        headers = [_as_header(v) for v in row]
        positions: list[tuple[int, Column]] = []
        extra: list[str] = []
        seen: set[str] = set()
        for i, h in enumerate(headers):
            if not h:
                continue  # an empty or merged header cell
            col: Column | None
            if mapping is not None:
                code = mapping.columns.get(h) or mapping.columns.get(h.casefold())
                col = by_code.get(code) if code else _match_header(h, index)
            else:
                col = _match_header(h, index)
            if col is None or col.code in seen:
                extra.append(h)
                continue
            seen.add(col.code)
            positions.append((i, col))
        fields = [c for _i, c in positions if c.kind != "key"]
        if mapping is not None:
            wanted = set(mapping.columns)
            if wanted and not wanted <= {h for h in headers if h} | {h.casefold() for h in headers}:
                continue
        if len(fields) >= 2 or (mapping is not None and fields):
            return Layout(sheet, entity, r, positions, headers, extra, mapped=mapping is not None)
    return None


def sheets(
    wb: CalamineWorkbook, mappings: Sequence[SheetMapping], limits: Limits, notes: list[str]
) -> Iterator[tuple[Layout, Any]]:
    """(layout, loaded sheet) of each sheet of records, one sheet in memory at a time (each is
    loaded once); notes on skipped sheets go to ``notes``. Refuses, before the rows of the sheet
    that crosses it are read, a workbook over the row cap."""
    total = 0
    for name in wb.sheet_names:
        sheet = wb.get_sheet_by_name(name)
        layout = _find_layout(name, sheet, mappings)
        if layout is None:
            if name not in OWN_EXTRA_SHEETS:
                notes.append(f"Sheet '{name}' was not read: it is not a sheet of records.")
            continue
        total += sheet.height
        if total > limits.max_rows:
            raise ImportRefused(
                f"The workbook has more than {limits.max_rows:,} rows; an import takes up to "
                f"{limits.max_rows:,}. Split it into several workbooks."
            )
        yield layout, sheet
        del sheet


def _find_layout(name: str, sheet: Any, mappings: Sequence[SheetMapping]) -> Layout | None:
    top = sheet.to_python(nrows=HEADER_SCAN)
    start = sheet.start or (0, 0)
    layout: Layout | None = None
    for m in mappings:
        if m.sheet in ("*", name):
            layout = _layout(name, m.entity, top, m)
            if layout is not None:
                break
    entity = entity_of_sheet(name)
    if layout is None and entity is not None:
        layout = _layout(name, entity, top, None)
    if layout is not None:
        layout.first_row = start[0] + 1
        layout.first_col = start[1] + 1
    return layout


def sheet_rows(sheet: Any, layout: Layout) -> Iterator[tuple[int, list[Any]]]:
    """(Excel row number, cells) of each non-empty row below the header of a loaded sheet."""
    header, first = layout.header_row, layout.first_row
    for r, row in enumerate(sheet.iter_rows()):
        if r <= header:
            continue
        for v in row:  # most rows: the first cell decides
            if v != "" and not is_missing(v):
                yield first + r, row
                break
        # else: an empty row (or a row of dashes) between records


def load_mapping(data: Mapping[str, Any]) -> tuple[str, list[SheetMapping]]:
    """(source name, sheet mappings) from a mapping file's JSON."""
    try:
        source = str(data.get("source") or "").strip()
        sheets = [
            SheetMapping(
                str(s["entity"]),
                {str(k).strip(): str(v).strip() for k, v in dict(s["columns"]).items()},
                str(s.get("sheet") or "*"),
            )
            for s in data["sheets"]
        ]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ImportRefused(
            'The mapping file is not valid: it needs "source" and "sheets": [{"entity": '
            f'..., "columns": {{header: field}}}}] ({exc}).'
        ) from None
    for s in sheets:
        known = {c.code for c in columns(s.entity)} if s.entity in SHEETS else set()
        if not known:
            raise ImportRefused(f"The mapping file names an unknown kind of record: {s.entity}.")
        bad = sorted(set(s.columns.values()) - known)
        if bad:
            raise ImportRefused(
                f"The mapping file maps to fields that {s.entity} does not have: {', '.join(bad)}."
            )
    if not source:
        raise ImportRefused('The mapping file needs a "source" name (who sends this layout).')
    return source, sheets
