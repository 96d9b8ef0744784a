"""Writing one data sheet in streaming mode: header, frozen panes, widths, table, drop-downs."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.workbook.workbook import Workbook  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]
from openpyxl.worksheet.filters import AutoFilter  # type: ignore[import-untyped]
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo  # type: ignore[import-untyped]

from pp_desktop.exchange.excel.cells import LABEL_SEP, NO, YES, clean_text
from pp_desktop.exchange.excel.columns import NUMBER_FORMAT, Column
from pp_desktop.exchange.excel.staging import sheet_stream

HEADER_FONT = Font(bold=True, color="1F3864")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="top")
# The header is filled explicitly as well: LibreOffice does not draw Excel's table styles.
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADER_HEIGHT = 45  # points: room for a label over three lines
MAX_EXCEL_ROWS = 1_048_576

Converter = Callable[[Any], Any] | None


def code_label(code: str, labels: Mapping[str, tuple[str, str]], lang: str) -> str:
    """ "CODE — Label" in ``lang`` (the bare code when the list has no label for it)."""
    en, ru = labels.get(code, ("", ""))
    label = (ru or en) if lang == "ru" else en
    return f"{code}{LABEL_SEP}{label}" if label else code


def _text_cell(ws: Any) -> Callable[[Any], Any]:
    def conv(v: Any) -> Any:
        if type(v) is not str or not v:
            return v or None
        v = clean_text(v)
        if v[0] == "=":  # text, never a formula (a place named "=HYPERLINK(...)")
            cell = WriteOnlyCell(ws, v)
            cell.data_type = "s"
            return cell
        return v

    return conv


def converters(
    ws: Any, cols: Sequence[Column], labels: Mapping[str, Mapping[str, tuple[str, str]]], lang: str
) -> list[Converter]:
    """Per column: how a stored value becomes a cell value (None: as it is)."""
    out: list[Converter] = []
    for c in cols:
        if c.kind == "date":
            memo: dict[Any, Any] = {None: None, "": None}

            def conv_date(v: Any, memo: dict[Any, Any] = memo) -> Any:
                d = memo.get(v, memo)
                if d is memo:
                    d = memo[v] = date.fromisoformat(v)
                return d

            out.append(conv_date)
        elif c.kind == "ref":
            out.append(_ref_converter(labels.get(c.ref, {}), lang))
        elif c.kind == "bool":
            out.append(_bool_converter(lang))
        elif c.kind in {"str", "text", "email", "refs"}:
            out.append(_text_cell(ws))
        else:
            out.append(None)
    return out


def _ref_converter(labels: Mapping[str, tuple[str, str]], lang: str) -> Callable[[Any], Any]:
    names: dict[Any, Any] = {code: code_label(code, labels, lang) for code in labels}
    names[""] = None

    def conv(v: Any) -> Any:
        return names.get(v, v) if v is not None else None

    return conv


def _bool_converter(lang: str) -> Callable[[Any], Any]:
    yes, no = YES[lang], NO[lang]

    def conv(v: Any) -> Any:
        return None if v is None else (yes if v else no)

    return conv


class DataSheet:
    """One streaming data sheet; call :meth:`append` per row and :meth:`close` at the end."""

    def __init__(
        self,
        wb: Workbook,
        name: str,
        table_name: str,
        cols: Sequence[Column],
        lang: str,
        folder: Path,
        lists: Mapping[str, str],
    ) -> None:
        self.ws: Any = wb.create_sheet(name)
        self.cols = cols
        self.table_name = table_name
        self.headers = [c.header(lang) for c in cols]
        self.rows = 0
        ws = self.ws
        ws.freeze_panes = "C2"  # header and the id / version columns stay in view
        for i, c in enumerate(cols, 1):
            dim = ws.column_dimensions[get_column_letter(i)]
            dim.width = c.width
            if c.kind in NUMBER_FORMAT:  # the format of rows a counterpart adds by hand
                dim.number_format = NUMBER_FORMAT[c.kind]
        ws.row_dimensions[1].height = HEADER_HEIGHT
        sheet_stream(ws, folder)
        header = []
        for h in self.headers:
            cell = WriteOnlyCell(ws, h)
            cell.font = HEADER_FONT
            cell.alignment = HEADER_ALIGN
            cell.fill = HEADER_FILL
            header.append(cell)
        ws.append(header)
        self._validations(lang, lists)

    def _validations(self, lang: str, lists: Mapping[str, str]) -> None:
        """Drop-down lists on coded and yes/no columns (the whole column below the header)."""
        for i, c in enumerate(self.cols, 1):
            letter = get_column_letter(i)
            if c.kind == "ref" and c.ref in lists:
                formula = lists[c.ref]
            elif c.kind == "bool":
                formula = f'"{YES[lang]},{NO[lang]}"'
            else:
                continue
            dv = DataValidation(
                type="list",
                formula1=formula,
                allow_blank=not c.required,
                showErrorMessage=True,
                errorStyle="warning",
                errorTitle=c.header(lang),
                error="Choose a value from the list." if lang == "en" else "Выберите из списка.",
            )
            dv.add(f"{letter}2:{letter}{MAX_EXCEL_ROWS}")
            self.ws.data_validations.append(dv)

    def append(self, values: Sequence[Any]) -> None:
        """Write one row of cell values."""
        self.ws.append(values)
        self.rows += 1

    def close(self) -> None:
        """Add the styled table over the rows written (at least one, even empty, row)."""
        last = get_column_letter(len(self.cols))
        ref = f"A1:{last}{max(self.rows, 1) + 1}"
        table = Table(
            displayName=self.table_name,
            ref=ref,
            tableStyleInfo=TableStyleInfo(name="TableStyleMedium2", showRowStripes=True),
            tableColumns=[TableColumn(id=i, name=h) for i, h in enumerate(self.headers, 1)],
            autoFilter=AutoFilter(ref=ref),
        )
        with warnings.catch_warnings():  # openpyxl warns in write-only mode whatever is given
            warnings.simplefilter("ignore", UserWarning)
            self.ws.add_table(table)
