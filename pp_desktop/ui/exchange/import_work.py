"""The workers of an Excel import: preview (with the headers of sheets nobody could read, for
the column-mapping step) and commit. They run in pool threads under tasks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from pp_desktop.exchange.excel.commit import commit_import
from pp_desktop.exchange.excel.errors import ImportRefused
from pp_desktop.exchange.excel.mapping import remembered
from pp_desktop.exchange.excel.preview import ImportPlan, preview_import
from pp_desktop.exchange.excel.reader import (
    HEADER_SCAN,
    OWN_EXTRA_SHEETS,
    Limits,
    SheetMapping,
    check_file,
    open_workbook,
    sheets,
)
from pp_desktop.services import Services
from pp_desktop.services.records import ChangeSet
from pp_desktop.ui.background import TaskControl


@dataclass
class Preview:
    """A plan and, per sheet the reader did not recognise, its header texts.

    ``plan`` is None when no sheet was recognised at all (a counterpart's own layout):
    ``refusal`` then says why, and the mapping step is the way on."""

    plan: ImportPlan | None
    unread: dict[str, list[str]] = field(default_factory=dict)
    refusal: str = ""


def _header_row(rows: Sequence[Sequence[Any]]) -> list[str]:
    """The row of the first rows with the most text cells: the header, below any title."""
    best: list[str] = []
    for row in rows:
        texts = [" ".join(str(v).split()) for v in row if isinstance(v, str) and v.strip()]
        if len(texts) > len(best):
            best = texts
    return list(dict.fromkeys(best))


def unread_sheets(path: Path, plan: ImportPlan | None) -> dict[str, list[str]]:
    """sheet -> headers of the sheets of ``path`` the preview did not read (only the first
    rows of each are looked at)."""
    read = {layout.sheet for layout in plan.layouts} if plan is not None else set()
    wb = open_workbook(path)
    out: dict[str, list[str]] = {}
    for name in wb.sheet_names:
        if name in read or name in OWN_EXTRA_SHEETS:
            continue
        headers = _header_row(wb.get_sheet_by_name(name).to_python(nrows=HEADER_SCAN))
        if headers:
            out[name] = headers
    return out


def run_preview(
    ctx: Services,
    path: Path,
    extra: Sequence[SheetMapping],
    source: str,
    control: TaskControl,
) -> Preview:
    """Check every row of ``path`` (remembered layouts and ``extra`` mappings apply)."""

    def progress(done: int) -> None:
        control.check()  # cancel between chunks of rows: nothing was written yet
        text = QCoreApplication.translate("exchange", "{n} rows checked").format(n=f"{done:,}")
        control.progress(-1.0, text)

    control.progress(-1.0, QCoreApplication.translate("exchange", "Opening the workbook…"))
    mappings = list(extra) + [m for ms in remembered(ctx).values() for m in ms]
    try:
        plan = preview_import(ctx, path, mappings, source, progress=progress)
    except ImportRefused as exc:
        if not _no_sheet_recognised(path, mappings):
            raise  # macros, password, size, row cap, damage: no mapping can help
        unread = unread_sheets(path, None)
        if not unread:
            raise
        return Preview(None, unread, exc.message)
    plan.mappings = list(extra)  # only a newly given mapping is remembered under ``source``
    control.check()
    return Preview(plan, unread_sheets(path, plan))


def _no_sheet_recognised(path: Path, mappings: Sequence[SheetMapping]) -> bool:
    """True when the file opens but none of its sheets is a sheet of records (the refusal a
    column mapping can cure)."""
    try:
        check_file(path, Limits())
        found = sheets(open_workbook(path), mappings, Limits(max_rows=2**62), [])
        return next(found, None) is None
    except ImportRefused:
        return False


def run_commit(ctx: Services, plan: ImportPlan, control: TaskControl) -> dict[str, ChangeSet]:
    """Write ``plan`` in one transaction (all or nothing)."""
    total = sum(len(c.creates) + len(c.updates) for c in plan.changes.values()) or 1

    def progress(done: int) -> None:
        text = QCoreApplication.translate("exchange", "{n} records written").format(n=f"{done:,}")
        control.progress(done / total, text)

    control.progress(-1.0, QCoreApplication.translate("exchange", "Writing the records…"))
    return commit_import(ctx, plan, progress)
