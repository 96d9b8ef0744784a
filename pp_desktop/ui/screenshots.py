"""Render the documentation screenshots from a real (demo) vault, off screen.

    QT_QPA_PLATFORM=offscreen python -m pp_desktop.ui.screenshots \\
        --vault .demo-vault --passphrase-file resources/demo/passphrase.txt --out docs/screenshots

Writes start, dashboard, seizures, seizure-detail, audit (after Verify chain) and settings;
the Russian interface (ru-start, ru-dashboard, ru-seizures: the compiled catalogue of
``make translations`` and the Russian reference labels); and rtl.png, the interface laid out
right to left. 1280×800, by grabbing the real widgets (QWidget.grab), so the pictures show
exactly what the officer sees.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEventLoop, QRect, QSettings, Qt, QTimer, SignalInstance
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from pp_desktop.store.vault import Vault
from pp_desktop.ui import i18n
from pp_desktop.ui.audit_page import AuditLogPage
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


def _main_window(app: QApplication, session: Session, page: str) -> MainWindow:
    """A main window on ``page`` with its data in (the dashboard's figures, the list's count)."""
    window = MainWindow(session, "dashboard")
    window.resize(*SIZE)
    window.show()
    dashboard = window.page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    if dashboard.data is None:
        _wait(dashboard.loaded)
    shown = window.navigate(page)
    if isinstance(shown, RecordListPage) and not shown.model.is_counted:
        _wait(shown.model.counted)
    _settle(app)
    return window


def _english(app: QApplication, session: Session, out_dir: Path) -> list[Path]:
    written = []
    window = _main_window(app, session, "dashboard")
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

    audit = window.navigate("audit")
    assert isinstance(audit, AuditLogPage)
    task = audit.verify_chain()
    if task.running:
        _wait(audit.verified)
    _settle(app)
    written.append(_save(_grab(app, window), out_dir / "audit.png"))

    settings = window.open_settings()
    _settle(app)
    written.append(_save(_with_dialog(window.grab(), settings.grab()), out_dir / "settings.png"))
    settings.reject()

    from pp_desktop.ui.exchange.screenshots import render_exchange_screenshots
    from pp_desktop.ui.forms.screenshot import render_seizure_form

    written += render_exchange_screenshots(window, out_dir)
    window.close_quietly()
    written.append(render_seizure_form(session, out_dir))
    return written


def _russian(app: QApplication, session: Session, out_dir: Path) -> list[Path]:
    """The same windows in Russian: the catalogue and the Russian reference labels."""
    i18n.install_language("ru")
    session.forget_labels()  # the reference lists carry Russian labels: read them again
    try:
        written = []
        start = StartScreen(session.folder)
        start.show_locked(None)
        written.append(_save(_grab(app, start), out_dir / "ru-start.png"))
        start.close()
        window = _main_window(app, session, "dashboard")
        written.append(_save(_grab(app, window), out_dir / "ru-dashboard.png"))
        seizures = window.navigate("seizures")
        assert isinstance(seizures, RecordListPage)
        seizures.view.selectRow(_telling_row(seizures.model))
        written.append(_save(_grab(app, window), out_dir / "ru-seizures.png"))
        window.close_quietly()
        return written
    finally:
        i18n.install_language("en")
        session.forget_labels()


def _right_to_left(app: QApplication, session: Session, out_dir: Path) -> list[Path]:
    """Pseudo-RTL: the English interface mirrored as an Arabic or Persian one would be."""
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        window = _main_window(app, session, "seizures")
        path = _save(_grab(app, window), out_dir / "rtl.png")
        window.close_quietly()
        return [path]
    finally:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def render_screenshots(vault_dir: Path, passphrase: str, out_dir: Path) -> list[Path]:
    """Render the screenshots of ``vault_dir`` into ``out_dir``; returns the files.

    The officer's own settings (column layouts, language) are not used: the pictures come
    out the same on every machine.
    """
    from pp_desktop.ui.app import application

    with tempfile.TemporaryDirectory(prefix="pp-shots-") as settings_dir:
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, settings_dir)
        app = application()
        i18n.install_language("en")
        out_dir.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []

        start = StartScreen(vault_dir)
        start.passphrase_edit.setText(passphrase)
        written.append(_save(_grab(app, start), out_dir / "start.png"))
        start.close()

        vault = Vault.unlock(vault_dir, passphrase)
        try:
            session = Session(vault)
            written += _english(app, session, out_dir)
            written += _russian(app, session, out_dir)
            written += _right_to_left(app, session, out_dir)
        finally:
            vault.lock()
        # sync.png and conflicts.png: a copy of the vault enrolled with a throw-away HQ
        from pp_desktop.ui.sync.screenshots import render_sync_screenshots

        written += render_sync_screenshots(vault_dir, passphrase, out_dir)
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
