"""Render the documentation screenshots from a real (demo) vault, off screen.

    QT_QPA_PLATFORM=offscreen python -m pp_desktop.ui.screenshots \\
        --vault .demo-vault --passphrase-file resources/demo/passphrase.txt --out docs/screenshots

Writes start.png, dashboard.png, seizures.png and seizure-detail.png at 1280×800 by grabbing
the real widgets (QWidget.grab), so the pictures show exactly what the officer sees.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEventLoop, QRect, Qt, QTimer, SignalInstance
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from pp_desktop.store.vault import Vault
from pp_desktop.ui.dashboard_page import DashboardPage
from pp_desktop.ui.main_window import MainWindow
from pp_desktop.ui.paged_table_model import PagedTableModel
from pp_desktop.ui.record_list_page import RecordListPage
from pp_desktop.ui.session import Session
from pp_desktop.ui.start_screen import StartScreen

SIZE = (1280, 800)
WAIT_MS = 20_000


def _settle(app: QApplication, rounds: int = 5) -> None:
    """Let layouts, polish and queued signals run."""
    for _ in range(rounds):
        app.processEvents()


def _wait(signal: SignalInstance, timeout_ms: int = WAIT_MS) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def _save(pixmap: QPixmap, path: Path) -> Path:
    if not pixmap.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return path


def _grab(app: QApplication, widget: QWidget) -> QPixmap:
    widget.resize(*SIZE)
    widget.show()
    _settle(app)
    return widget.grab()


def _with_dialog(window: QPixmap, dialog: QPixmap) -> QPixmap:
    """The window dimmed, the dialog centred on it with a soft shadow (as a modal looks)."""
    out = QPixmap(window)
    p = QPainter(out)
    p.fillRect(out.rect(), QColor(20, 30, 40, 70))
    x = (out.width() - dialog.width()) // 2
    y = (out.height() - dialog.height()) // 2
    for spread, alpha in ((10, 14), (6, 22), (3, 34)):
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(0, 0, 0, alpha))
        p.drawRoundedRect(
            QRect(
                x - spread,
                y - spread + 3,
                dialog.width() + 2 * spread,
                dialog.height() + 2 * spread,
            ),
            8,
            8,
        )
    p.drawPixmap(x, y, dialog)
    p.setPen(QColor("#b8c0ca"))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRect(x, y, dialog.width() - 1, dialog.height() - 1))
    p.end()
    return out


def _telling_row(model: PagedTableModel) -> int:
    """A seizure worth showing in detail: Cyrillic notes, a transit route, arrests."""
    fallback = 0
    for row in range(min(model.rowCount(), model.page_size)):
        values = model.row(row) or {}
        notes = str(values.get("notes") or "")
        if notes and values.get("transit_countries") and values.get("persons_arrested"):
            if any("А" <= ch <= "я" for ch in notes):
                return row
            fallback = fallback or row
    return fallback


def render_screenshots(vault_dir: Path, passphrase: str, out_dir: Path) -> list[Path]:
    """Render the four screenshots of ``vault_dir`` into ``out_dir``; returns the files."""
    from pp_desktop.ui.app import application

    app = application()
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    start = StartScreen(vault_dir)
    start.passphrase_edit.setText(passphrase)
    written.append(_save(_grab(app, start), out_dir / "start.png"))
    start.close()

    vault = Vault.unlock(vault_dir, passphrase)
    try:
        window = MainWindow(Session(vault))
        window.resize(*SIZE)
        window.show()
        dashboard = window.page("dashboard")
        assert isinstance(dashboard, DashboardPage)
        if dashboard.data is None:
            _wait(dashboard.loaded)
        written.append(_save(_grab(app, window), out_dir / "dashboard.png"))

        seizures = window.navigate("seizures")
        assert isinstance(seizures, RecordListPage)
        row = _telling_row(seizures.model)
        seizures.view.selectRow(row)
        seizures.view.scrollTo(seizures.model.index(row, 0))
        written.append(_save(_grab(app, window), out_dir / "seizures.png"))

        dialog = seizures.open_row(row)
        assert dialog is not None
        _settle(app)
        composed = _with_dialog(window.grab(), dialog.grab())
        written.append(_save(composed, out_dir / "seizure-detail.png"))
        dialog.close()
        window.close_quietly()
    finally:
        vault.lock()
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``--vault DIR --passphrase-file FILE --out DIR``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vault", type=Path, required=True)
    parser.add_argument("--passphrase-file", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    passphrase = args.passphrase_file.read_text(encoding="utf-8")
    passphrase = passphrase.removesuffix("\n").removesuffix("\r")  # as the CLI reads it
    for path in render_screenshots(args.vault, passphrase, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
