"""The documentation screenshot of the seizure form with a validation message, off screen.

    QT_QPA_PLATFORM=offscreen python -m pp_desktop.ui.forms.screenshot \\
        --vault .demo-vault --passphrase-file resources/demo/passphrase.txt --out docs/screenshots

Writes ``seizure-form.png`` at 1366×768 (the smallest screen officers use): the main window on
the seizure list with the form over it, filled in with a province that is not in the chosen
country (an error) and a quantity so large that it is worth a second look (a warning).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from pp_desktop.store.vault import Vault
from pp_desktop.ui.forms.reference_field import ReferenceField
from pp_desktop.ui.forms.seizure_form import SeizureForm
from pp_desktop.ui.forms.simple_fields import TextField
from pp_desktop.ui.main_window import MainWindow
from pp_desktop.ui.session import Session

SIZE = (1366, 768)


def _settle(app: QApplication, rounds: int = 8) -> None:
    for _ in range(rounds):
        app.processEvents()


def _over(window: QPixmap, dialog: QPixmap) -> QPixmap:
    """The window dimmed with the dialog centred on it, as a window-modal dialog looks."""
    out = QPixmap(window)
    p = QPainter(out)
    p.fillRect(out.rect(), QColor(20, 30, 40, 70))
    x = (out.width() - dialog.width()) // 2
    y = (out.height() - dialog.height()) // 2
    p.drawPixmap(x, y, dialog)
    p.setPen(QColor("#b8c0ca"))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRect(x, y, dialog.width() - 1, dialog.height() - 1))
    p.end()
    return out


def fill_with_findings(form: SeizureForm) -> None:
    """Values an officer might type, with one error and one warning, then a save attempt."""
    for name, code in (("country", "TJK"), ("drug", "HEROIN"), ("transport_mode", "")):
        editor = form.editor_of(name)
        if isinstance(editor, ReferenceField) and code:
            editor.set_code(code)
    province = form.editor_of("province")
    if isinstance(province, ReferenceField):
        # every province is offered while no country narrows the list; pick an Afghan one
        province.set_options(form.options("province"))
        province.set_code("AF-BAL")
    place = form.editor_of("place")
    if isinstance(place, TextField):
        place.edit.setText("Nizhny Panj border crossing")
    # 62 tonnes typed where kilograms of a lorry load were meant: worth a second look
    form.quantity.set_values({"quantity": 62000.0, "unit": "KG", "quantity_known": True})
    form.attempted = True  # as after pressing Save: every finding shows
    form.touched.update(n for e in form.editors for n in e.names)
    form.run_check()


def render_seizure_form(session: Session, out_dir: Path) -> Path:
    """Render ``seizure-form.png`` of the vault of ``session`` into ``out_dir``."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    out_dir.mkdir(parents=True, exist_ok=True)
    window = MainWindow(session, "seizures")
    window.resize(*SIZE)
    window.show()
    _settle(app)
    form = SeizureForm(session, "", window)
    # the offscreen platform's screen is 800 pixels wide: size the form as on a 1366×768 one
    form.resize(form.preferred_width, SIZE[1] - 60)
    form.show()
    fill_with_findings(form)
    form.quantity.amount.setFocus()
    _settle(app)
    picture = _over(window.grab(), form.grab())
    path = out_dir / "seizure-form.png"
    if not picture.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    form.close()
    window.close_quietly()
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``--vault DIR --passphrase-file FILE --out DIR``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vault", type=Path, required=True)
    parser.add_argument("--passphrase-file", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from pp_desktop.ui.app import application

    application()
    passphrase = args.passphrase_file.read_text(encoding="utf-8")
    passphrase = passphrase.removesuffix("\n").removesuffix("\r")
    vault = Vault.unlock(args.vault, passphrase)
    try:
        print(render_seizure_form(Session(vault), args.out))
    finally:
        vault.lock()
    return 0


if __name__ == "__main__":
    sys.exit(main())
