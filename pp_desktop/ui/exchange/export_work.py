"""The worker of an Excel or CSV export (runs in a pool thread under a task)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from pp_desktop.exchange.excel.csv_export import csv_targets, export_csv
from pp_desktop.exchange.excel.errors import ExportCancelled
from pp_desktop.exchange.excel.source import VaultSource
from pp_desktop.exchange.excel.workbook import ExportOptions, export_workbook
from pp_desktop.services import Services
from pp_desktop.services.queries import ListQuery
from pp_desktop.ui.background import TaskCancelled, TaskControl
from pp_desktop.ui.exchange.common import fraction


@dataclass
class ExportRequest:
    """What the Export dialog asks for."""

    target: Path
    entities: Sequence[str]
    lang: str = "en"
    redact: bool = False
    levels: Collection[str] = frozenset({"NORMAL"})
    template: bool = False
    queries: Mapping[str, ListQuery] = field(default_factory=dict)

    @property
    def is_csv(self) -> bool:
        """True for a CSV export (one file per sheet)."""
        return self.target.suffix.lower() == ".csv"


@dataclass
class ExportDone:
    """What was written: file -> rows."""

    files: dict[Path, int]


def _progress_text(done: int, total: int) -> str:
    return QCoreApplication.translate("exchange", "{done} of {total} rows written").format(
        done=f"{done:,}", total=f"{total:,}"
    )


def run_export(ctx: Services, request: ExportRequest, control: TaskControl) -> ExportDone:
    """Write the export of ``request``; a cancel leaves no file (TaskCancelled is raised)."""
    source = VaultSource(ctx, request.queries, request.levels)

    def progress(done: int, total: int) -> None:
        control.progress(fraction(done, total), _progress_text(done, total))

    def cancelled() -> bool:
        return control.cancelled

    control.progress(-1.0, QCoreApplication.translate("exchange", "Counting the records…"))
    try:
        if request.is_csv:
            return _csv(source, request, progress, cancelled)
        options = ExportOptions(
            entities=list(request.entities),
            lang=request.lang,
            redact=request.redact,
            template=request.template,
            progress=progress,
            cancelled=cancelled,
        )
        result = export_workbook(source, request.target, options)
    except ExportCancelled:
        raise TaskCancelled from None
    return ExportDone({result.path: sum(result.sheets.values())})


def _csv(
    source: VaultSource,
    request: ExportRequest,
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> ExportDone:
    """One CSV file per sheet; files already written by this run are removed when a later
    one fails or is cancelled, so a cancelled export leaves nothing behind."""
    written: dict[Path, int] = {}
    try:
        for entity, path in csv_targets(request.target, list(request.entities)).items():
            # each file is written atomically: only the ones finished by this run are removed
            written[path] = export_csv(
                source, path, entity, request.lang, request.redact, progress, cancelled
            )
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        raise
    return ExportDone(written)
