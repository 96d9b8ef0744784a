"""The error report: the rows as read, bad cells highlighted and commented, and an Errors sheet.

Written fresh in write-only mode (never by loading and copying the input: a 100k-row workbook
loaded whole costs ~700 MB), re-reading the input sheet by sheet.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import time, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
from openpyxl.comments import Comment  # type: ignore[import-untyped]
from openpyxl.styles import Font, PatternFill  # type: ignore[import-untyped]

from pp_desktop.exchange.excel.cells import clean_text
from pp_desktop.exchange.excel.preview import ImportPlan, RowIssue
from pp_desktop.exchange.excel.reader import open_workbook, sheet_rows
from pp_desktop.exchange.excel.staging import publish, sheet_stream, staging

ERROR_FILL = PatternFill("solid", fgColor="FFC7CE")
WARNING_FILL = PatternFill("solid", fgColor="FFEB9C")
BOLD = Font(bold=True)


def _plain(value: Any) -> Any:
    if isinstance(value, time | timedelta):
        return str(value)
    if isinstance(value, str):
        return clean_text(value)
    return value


def write_error_report(plan: ImportPlan, target: Path) -> Path:
    """Write the report of ``plan`` to ``target`` (.xlsx, atomically)."""
    target = Path(target)
    by_row: dict[tuple[str, int], list[RowIssue]] = defaultdict(list)
    for issue in plan.issues:
        by_row[(issue.sheet, issue.row)].append(issue)
    source = open_workbook(plan.path)
    with staging(target) as folder:
        wb = Workbook(write_only=True)
        errors: Any = wb.create_sheet("Errors")
        for col, width in zip("ABCDEF", (24, 8, 22, 30, 10, 80), strict=True):
            errors.column_dimensions[col].width = width
        errors.freeze_panes = "A2"
        sheet_stream(errors, folder)
        errors.append(
            [
                WriteOnlyCell(errors, h)
                for h in ("Sheet", "Row", "Column", "Value", "Severity", "Message")
            ]
        )
        for issue in sorted(plan.issues, key=lambda i: (i.sheet, i.row, i.col)):
            errors.append(
                [
                    issue.sheet,
                    issue.row,
                    issue.column,
                    _plain(issue.value),
                    issue.severity,
                    issue.message,
                ]
            )
        for layout in plan.layouts:
            ws: Any = wb.create_sheet(layout.sheet[:31])
            ws.freeze_panes = "A2"
            sheet_stream(ws, folder)
            ws.append([WriteOnlyCell(ws, h) for h in layout.headers])
            loaded = source.get_sheet_by_name(layout.sheet)
            for number, row in sheet_rows(loaded, layout):
                found = by_row.get((layout.sheet, number))
                if not found:
                    ws.append([_plain(v) for v in row])
                    continue
                cells: list[Any] = [_plain(v) for v in row]
                at = {i.col - layout.first_col: i for i in found if i.col}
                width = max([len(cells), *(k + 1 for k in at)])
                cells += [None] * (width - len(cells))
                for k, issue in at.items():
                    cell = WriteOnlyCell(ws, cells[k])
                    cell.fill = ERROR_FILL if issue.severity == "error" else WARNING_FILL
                    cell.comment = Comment(issue.message, "pp-desktop")
                    cells[k] = cell
                whole = [i.message for i in found if not i.col]
                if whole:  # findings about the row as a whole go in a cell after the data
                    cells.append(WriteOnlyCell(ws, "; ".join(whole)))
                    cells[-1].fill = ERROR_FILL
                ws.append(cells)
        out = folder / "report.xlsx"
        wb.save(out)
        publish(out, target)
    return target
