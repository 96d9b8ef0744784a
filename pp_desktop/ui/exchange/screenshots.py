"""Screenshots of the exchange dialogs over a vault (docs/screenshots): the Export dialog and
an Import preview of a workbook edited the way a counterpart would (a changed cell, new rows,
one row with an error). ``ui/screenshots.py`` calls :func:`render_exchange_screenshots`; it
also runs alone: ``python -m pp_desktop.ui.exchange.screenshots --vault DIR
--passphrase-file FILE --out DIR``."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import load_workbook  # type: ignore[import-untyped]
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from pp_desktop.exchange.excel.source import VaultSource
from pp_desktop.exchange.excel.workbook import ExportOptions, export_workbook
from pp_desktop.ui.exchange.export_dialog import ExportDialog
from pp_desktop.ui.exchange.import_dialog import ImportDialog

SIZE = (1366, 768)
WAIT_S = 60.0


def _until(app: QApplication, done: Callable[[], bool], timeout_s: float = WAIT_S) -> None:
    """Process events until ``done()`` (a screenshot waits for real work, never a sleep
    instead of it)."""
    end = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the dialog did not finish its work in time")
        app.processEvents()
        time.sleep(0.01)  # yield the CPU to the worker thread between rounds
    for _ in range(5):
        app.processEvents()


def _composed(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window dimmed, the dialog centred over it with a thin frame."""
    base = window.grab()
    shot = dialog.grab()
    painter = QPainter(base)
    painter.fillRect(base.rect(), QColor(0, 0, 0, 70))
    x = (base.width() - shot.width()) // 2
    y = max((base.height() - shot.height()) // 2, 0)
    painter.drawPixmap(x, y, shot)
    painter.setPen(QColor(90, 90, 90))
    painter.drawRect(QRect(x - 1, y - 1, shot.width() + 1, shot.height() + 1))
    painter.end()
    return base


def _save(pixmap: QPixmap, path: Path) -> Path:
    if not pixmap.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return path


def counterpart_edit(export: Path, target: Path) -> Path:
    """``export`` as a counterpart sends it back: a place corrected, three seizures added, one
    of them with a quantity nobody can read."""
    wb = load_workbook(export)
    ws = wb["Seizures"]
    col = {str(c.value).rsplit("(", 1)[-1].rstrip(")"): int(c.column) for c in ws[1]}
    ws.cell(2, col["place"]).value = "Nizhny Panj, customs post 2"
    rows: list[dict[str, Any]] = [
        {"seized_on": "2026-11-02", "quantity": 14.2, "place": "Khorog"},
        {"seized_on": "03.11.2026", "quantity": "1 250", "place": "Isfara"},
        {"seized_on": "2026-11-04", "quantity": "about twenty", "place": "Panji Poyon"},
    ]
    for extra in rows:
        values = {"country": "TJK", "drug": "HEROIN", "unit": "KG", **extra}
        line: list[Any] = [None] * ws.max_column
        for code, value in values.items():
            line[col[code] - 1] = value
        ws.append(line)
    wb.save(target)
    return target


def render_exchange_screenshots(window: Any, out_dir: Path) -> list[Path]:
    """excel-export-dialog.png and excel-import-preview.png over the vault of ``window``
    (a shown :class:`~pp_desktop.ui.main_window.MainWindow`); returns the files."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    out_dir.mkdir(parents=True, exist_ok=True)
    window.resize(*SIZE)
    window.show()
    session = window.session
    written: list[Path] = []
    dashboard = window.page("dashboard")
    _until(app, lambda: getattr(dashboard, "data", True) is not None)  # figures, not "Loading"

    export = ExportDialog(session, window)
    export.path_edit.setText("/home/officer/Documents/paris-pact-export.xlsx")
    export.redact_box.setChecked(True)
    export.show()
    _until(app, lambda: True)
    written.append(_save(_composed(window, export), out_dir / "excel-export-dialog.png"))
    export.close()

    with tempfile.TemporaryDirectory(prefix="from-counterpart-") as tmp:
        sent = Path(tmp) / "export.xlsx"
        options = ExportOptions(entities=["seizure"], lang="en")
        export_workbook(VaultSource(session.ctx), sent, options)
        back = counterpart_edit(sent, Path(tmp) / "tajikistan-november.xlsx")
        dialog = ImportDialog(session, window)
        dialog.resize(1100, 620)
        dialog.show()
        dialog.load(back)
        _until(app, lambda: dialog.task_dialog is None and dialog.preview is not None)
        written.append(_save(_composed(window, dialog), out_dir / "excel-import-preview.png"))
        dialog.close()
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``--vault DIR --passphrase-file FILE --out DIR``."""
    parser = argparse.ArgumentParser(description="Screenshots of the exchange dialogs")
    parser.add_argument("--vault", type=Path, required=True)
    parser.add_argument("--passphrase-file", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from pp_desktop.store.vault import Vault
    from pp_desktop.ui.app import application
    from pp_desktop.ui.main_window import MainWindow
    from pp_desktop.ui.session import Session

    application()
    passphrase = args.passphrase_file.read_text(encoding="utf-8").removesuffix("\n")
    vault = Vault.unlock(args.vault, passphrase.removesuffix("\r"))
    try:
        window = MainWindow(Session(vault))
        for path in render_exchange_screenshots(window, args.out):
            print(path)
        window.close_quietly()
    finally:
        vault.lock()
    return 0


if __name__ == "__main__":
    sys.exit(main())
