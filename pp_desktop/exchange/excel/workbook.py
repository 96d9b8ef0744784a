"""Export workbooks: a Summary, one styled streaming data sheet per entity, About, Lists.

Large exports stream (openpyxl write-only), split at Excel's row limit, report progress, can be
cancelled and are written atomically: a cancelled or failed export leaves no file and no
temporary file behind.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]

from pp_desktop import __version__
from pp_desktop.exchange.excel.columns import (
    DEFAULT_GROUPS,
    ENTITY_ORDER,
    GROUPS,
    Column,
    columns,
    sheet_name,
)
from pp_desktop.exchange.excel.errors import ExchangeError, ExportCancelled
from pp_desktop.exchange.excel.sheets import MAX_EXCEL_ROWS, DataSheet, converters
from pp_desktop.exchange.excel.source import ExportSource
from pp_desktop.exchange.excel.staging import publish, staging
from pp_desktop.exchange.excel.summary import list_formulas, write_about, write_lists, write_summary

Progress = Callable[[int, int], None]
EVERY = 1000  # rows between progress reports and cancel checks


def expand(names: Sequence[str] | None) -> list[str]:
    """Entities of the sheets for ``--entity`` names (singular or plural); none: every entity
    but contacts. Raises :class:`ExchangeError` for an unknown name."""
    chosen: set[str] = set()
    for raw in names or DEFAULT_GROUPS:
        name = raw.strip().lower().replace("-", "_")
        key = name if name in GROUPS else name.rstrip("s") if name.rstrip("s") in GROUPS else ""
        if not key:
            known = ", ".join(GROUPS)
            raise ExchangeError(f"Unknown kind of record '{raw}'. Choose among: {known}.")
        chosen.update(GROUPS[key])
    return [e for e in ENTITY_ORDER if e in chosen]


@dataclass
class ExportOptions:
    """What to export and how."""

    entities: Sequence[str] = field(default_factory=lambda: expand(None))
    lang: str = "en"
    redact: bool = False  # leave notes and personal fields out
    template: bool = False  # headers, drop-downs and About only: a blank form to fill in
    max_rows: int = MAX_EXCEL_ROWS - 1  # data rows per sheet before it splits
    progress: Progress | None = None
    cancelled: Callable[[], bool] | None = None


@dataclass
class ExportResult:
    """What an export wrote: rows per sheet name."""

    path: Path
    sheets: dict[str, int]
    rows: dict[str, int]


class _Run:
    def __init__(self, options: ExportOptions, total: int) -> None:
        self.options = options
        self.total = total
        self.done = 0

    def tick(self, n: int) -> None:
        self.done += n
        if self.options.cancelled is not None and self.options.cancelled():
            raise ExportCancelled("Export cancelled; no file was written.")
        if self.options.progress is not None:
            self.options.progress(self.done, self.total)


def _ref_kinds(sheets: Sequence[Sequence[Column]]) -> list[str]:
    kinds: list[str] = []
    for cols in sheets:
        for c in cols:
            if c.kind == "ref" and c.ref not in kinds:
                kinds.append(c.ref)
    return kinds


def _check(target: Path, options: ExportOptions) -> None:
    if target.suffix.lower() != ".xlsx":
        raise ExchangeError(f"{target.name}: an Excel export is written to a .xlsx file.")
    if options.lang not in ("en", "ru"):
        raise ExchangeError("The header language is en or ru.")
    if options.max_rows < 1:
        raise ExchangeError("A sheet holds at least one row.")
    unknown = [e for e in options.entities if e not in ENTITY_ORDER]
    if unknown:
        raise ExchangeError(f"Cannot export {', '.join(unknown)}.")


def export_workbook(source: ExportSource, target: Path, options: ExportOptions) -> ExportResult:
    """Write the workbook of ``options`` from ``source`` to ``target`` (atomically)."""
    target = Path(target)
    _check(target, options)
    lang = options.lang
    entities = [e for e in ENTITY_ORDER if e in options.entities]
    cols = {e: columns(e, options.redact) for e in entities}
    labels = source.labels()
    counts = {e: 0 if options.template else source.count(e) for e in entities}
    run = _Run(options, sum(counts.values()))
    kinds = _ref_kinds(list(cols.values()))
    formulas = list_formulas(kinds, labels, lang)
    sheets: dict[str, int] = {}
    started = datetime.now(UTC)
    with staging(target) as folder:
        wb = Workbook(write_only=True)
        try:
            if not options.template:
                write_summary(wb, folder, source.summary(), labels, lang)
            for entity in entities:
                sheets.update(
                    _write_entity(wb, folder, source, entity, cols[entity], formulas, run)
                )
            about = _about(source, options, entities, sheets, started)
            write_about(wb, folder, about, lang)
            write_lists(wb, folder, kinds, labels, lang)
        except BaseException:
            abandon(wb)
            raise
        props = wb.properties
        props.creator = source.officer
        props.title = "Paris Pact data template" if options.template else "Paris Pact data export"
        props.subject = ", ".join(entities)
        props.keywords = "Paris Pact; pp-desktop"
        props.description = f"pp-desktop {__version__}, exported {started.isoformat()}"
        props.created = started.replace(tzinfo=None)
        props.language = lang
        out = folder / "export.xlsx"
        wb.save(out)
        publish(out, target)
    return ExportResult(target, sheets, {e: counts[e] for e in entities})


def abandon(wb: Any) -> None:
    """Close the streams of a workbook that will not be saved (its files go with the staging
    folder; left open, their generators would complain when collected)."""
    for ws in wb.worksheets:
        if not ws.closed:
            with contextlib.suppress(Exception):
                ws.close()


def _write_entity(
    wb: Any,
    folder: Path,
    source: ExportSource,
    entity: str,
    cols: Sequence[Column],
    formulas: dict[str, str],
    run: _Run,
) -> dict[str, int]:
    """The sheet(s) of one entity; a new part starts at ``max_rows``."""
    lang, limit = run.options.lang, run.options.max_rows
    every = columns(entity)
    keep = [i for i, c in enumerate(every) if c in cols]  # redaction drops columns
    written: dict[str, int] = {}
    part = 1

    def new_sheet(part: int) -> DataSheet:
        name = sheet_name(entity, lang, part)
        return DataSheet(wb, name, f"T_{entity}_{part}", cols, lang, folder, formulas)

    sheet = new_sheet(part)
    convs = converters(sheet.ws, cols, source.labels(), lang)
    if not run.options.template:
        conv_at = [(i, c) for i, c in enumerate(convs) if c is not None]
        full = len(keep) == len(every)
        with source.rows(entity) as rows:
            pending = 0
            for raw in rows:
                values = list(raw) if full else [raw[i] for i in keep]
                for i, conv in conv_at:
                    values[i] = conv(values[i])
                if sheet.rows >= limit:
                    sheet.close()
                    written[sheet.ws.title] = sheet.rows
                    part += 1
                    sheet = new_sheet(part)
                    convs = converters(sheet.ws, cols, source.labels(), lang)
                    conv_at = [(i, c) for i, c in enumerate(convs) if c is not None]
                sheet.append(values)
                pending += 1
                if pending == EVERY:
                    run.tick(pending)
                    pending = 0
            run.tick(pending)
    sheet.close()
    written[sheet.ws.title] = sheet.rows
    return written


def _about(
    source: ExportSource,
    options: ExportOptions,
    entities: Sequence[str],
    sheets: dict[str, int],
    started: datetime,
) -> list[tuple[str, Any]]:
    ru = options.lang == "ru"
    lines: list[tuple[str, Any]] = [
        ("Приложение" if ru else "Application", f"pp-desktop {__version__}"),
        ("Сотрудник" if ru else "Officer", source.officer),
        (
            "Время выгрузки (UTC)" if ru else "Exported at (UTC)",
            started.strftime("%Y-%m-%d %H:%M:%S"),
        ),
        (
            "Вид" if ru else "Kind",
            ("шаблон" if ru else "blank template")
            if options.template
            else ("выгрузка" if ru else "export"),
        ),
        ("Фильтры" if ru else "Filters", source.filters()),
        ("Язык заголовков" if ru else "Header language", options.lang),
        (
            "Без примечаний и персональных данных" if ru else "Notes and personal data left out",
            ("да" if ru else "yes") if options.redact else ("нет" if ru else "no"),
        ),
    ]
    for name, n in sheets.items():
        lines.append((f"{'Строк на листе' if ru else 'Rows in sheet'} {name}", n))
    lines.append(
        (
            "Как вернуть изменения" if ru else "Sending changes back",
            "Измените или добавьте строки; не меняйте столбцы id и version; верните файл."
            if ru
            else "Edit or add rows; keep the id and version columns as they are; "
            "send the file back.",
        )
    )
    return lines
