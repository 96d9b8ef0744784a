"""Screenshots of the Sync page and the Conflicts view (docs/screenshots/sync.png, conflicts.png).

Real data, never touched in place: the demo vault is copied into a temporary folder, a real HQ
is created next to it, a second officer's laptop is made, both are enrolled and exchange
bundles through a folder; then both officers edit the same project before hearing of each
other, so the copy holds a real conflict, a real history and real receipts. ``ui/screenshots.py``
calls :func:`render_sync_screenshots`; it also runs alone::

    QT_QPA_PLATFORM=offscreen python -m pp_desktop.ui.sync.screenshots \\
        --vault .demo-vault --passphrase-file resources/demo/passphrase.txt --out docs/screenshots
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

from pp_desktop.services import Services
from pp_desktop.services import records as rec
from pp_desktop.store import Vault
from pp_desktop.store.vault import OfficerProfile
from pp_desktop.sync import device
from pp_desktop.ui.session import Session
from pp_desktop.ui.sync import work as sync_work

SIZE = (1366, 768)
WAIT_S = 120.0


def _until(app: QApplication, done: Callable[[], bool], timeout_s: float = WAIT_S) -> None:
    """Process events until ``done()`` (waits for the real reads, no fixed sleep instead)."""
    end = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the page did not finish reading in time")
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def _trip(hq: object, usb: Path, *laptops: Services) -> None:
    """One trip of the USB stick: every laptop exports, HQ answers, every laptop imports."""
    from pp_hq.exchange import exchange_folder

    for ctx in laptops:
        device.export(ctx, usb)
    exchange_folder(hq, usb)  # type: ignore[arg-type]
    for ctx in laptops:
        device.import_folder(ctx, usb)


def prepare(vault_dir: Path, passphrase: str, work: Path) -> tuple[Vault, Services, Path]:
    """A copy of ``vault_dir`` enrolled with a new HQ, with history, and the stick (returned)
    holding HQ's answer that opens a conflict once imported.

    The second laptop (a field office) creates a shared project; the copy receives it; then
    both officers change its title and budget before hearing of each other. The field laptop
    only sends: its own screen is not pictured.
    """
    from pp_hq.context import Hq
    from pp_hq.registry import add_device

    today = date.today
    hq = Hq.init(work / "hq")
    try:
        usb = work / "usb"
        usb.mkdir()
        add_device(hq, "Dushanbe office", work / "alpha.enrol", "https://hq.example.org")
        add_device(hq, "Khorog field office", work / "bravo.enrol")
        shutil.copytree(vault_dir, work / "alpha")
        alpha = Vault.unlock(work / "alpha", passphrase)
        a = Services(alpha, today=today)
        bravo, _key = Vault.create(
            work / "bravo", passphrase, OfficerProfile("B. Karimov", "TJK", "Khorog")
        )
        b = Services(bravo, today=today)
        sync_work.enrol(a, work / "alpha.enrol")  # as the page does: HQ's address remembered
        device.enrol(b, work / "bravo.enrol")
        shared = rec.create(
            b,
            "project",
            {
                "identifier": "XM-DAC-41128-PPI-2026-KHG",
                "title": "Border liaison office, Khorog",
                "beneficiary_country": "TJK",
                "budget": 240_000.0,
                "currency": "USD",
                "planned_start": "2026-09-01",
            },
        ).created[0]
        device.export(b, usb)
        _trip(hq, usb, a)  # the office sends everything and receives the field project
        _trip(hq, usb, a)  # the receipts of the first trip come home
        rec.update(
            b,
            "project",
            shared,
            {"title": "Border liaison office, Khorog and Ishkashim", "budget": 310_000.0},
        )
        device.export(b, usb)
        from pp_hq.exchange import exchange_folder

        exchange_folder(hq, usb)  # HQ's answer to the office waits on the stick
        # the office officer edits the same project before the stick comes back
        rec.update(
            a,
            "project",
            shared,
            {"title": "Border liaison office, Khorog (phase 2)", "budget": 265_000.0},
        )
        rec.create(
            a,
            "seizure",
            {"seized_on": "2026-11-20", "country": "TJK", "drug": "HEROIN", "quantity": 2.4},
        )
        bravo.lock()
        return alpha, a, usb
    finally:
        hq.dispose()


def render_sync_screenshots(vault_dir: Path, passphrase: str, out_dir: Path) -> list[Path]:
    """Write sync.png and conflicts.png of a prepared copy of ``vault_dir`` into ``out_dir``."""
    from pp_desktop.ui.main_window import MainWindow
    from pp_desktop.ui.sync.conflicts_view import ConflictsView
    from pp_desktop.ui.sync.sync_page import SyncPage

    app = QApplication.instance()
    assert isinstance(app, QApplication), "make the application first"
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="pp-sync-shots-") as tmp:
        vault, ctx, usb = prepare(vault_dir, passphrase, Path(tmp))
        try:
            window = MainWindow(Session(vault, ctx), "dashboard")
            window.resize(*SIZE)
            window.show()
            page = window.navigate("sync")
            assert isinstance(page, SyncPage)
            _until(app, lambda: page.data is not None)
            # the officer imports HQ's answer from the stick: the conflict opens
            page.import_from_folder(usb)
            _until(app, lambda: page.task is None and window.sync.open_conflicts > 0)
            _until(app, lambda: page.data is not None and page.data.status["conflicts"] > 0)
            _until(app, lambda: window.status.task_indicator.isHidden())  # dashboard loaded
            written.append(_save(window, out_dir / "sync.png"))
            view = window.navigate("conflicts")
            assert isinstance(view, ConflictsView)
            _until(app, lambda: view.current is not None)
            written.append(_save(window, out_dir / "conflicts.png"))
            window.close_quietly()
        finally:
            vault.lock()
    return written


def _save(window: object, path: Path) -> Path:
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)
    window.resize(*SIZE)
    if not window.grab().save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``--vault DIR --passphrase-file FILE --out DIR``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vault", type=Path, required=True)
    parser.add_argument("--passphrase-file", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from pp_desktop.ui import i18n
    from pp_desktop.ui.app import application

    passphrase = args.passphrase_file.read_text(encoding="utf-8")
    passphrase = passphrase.removesuffix("\n").removesuffix("\r")
    with tempfile.TemporaryDirectory(prefix="pp-shots-") as settings_dir:
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, settings_dir)
        application()
        i18n.install_language("en")
        for path in render_sync_screenshots(args.vault, passphrase, args.out):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
