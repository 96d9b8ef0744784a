"""The Excel exchange dialogs driven as an officer would, over real vaults and real files:
exports re-read by python-calamine, workbooks edited with openpyxl the way a counterpart
would, file and message dialogs patched so nothing blocks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from python_calamine import CalamineWorkbook

from pp_desktop.exchange.excel.columns import columns
from pp_desktop.exchange.excel.mapping import remembered
from pp_desktop.services import Services
from pp_desktop.services import records as rec
from pp_desktop.ui.exchange.export_dialog import ExportDialog
from pp_desktop.ui.exchange.import_dialog import ImportDialog
from pp_desktop.ui.main_window import MainWindow
from pp_desktop.ui.record_list_page import RecordListPage
from pp_desktop.ui.session import Session
from tests.exchange.test_excel_support import db_rows, export, fill
from tests.ui.conftest import MARKED_EVERY, MARKER, SEIZURES

WAIT_MS = 30_000


def sheet(path: Path, name: str) -> list[list[Any]]:
    """Rows of sheet ``name`` read by python-calamine (an independent reader)."""
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()


def names(path: Path) -> list[str]:
    return list(CalamineWorkbook.from_path(str(path)).sheet_names)


def messages(parent: QWidget, name: str) -> list[QMessageBox]:
    """Message boxes ``name`` shown over ``parent`` (they are non-blocking)."""
    return [b for b in parent.findChildren(QMessageBox, name) if b.isVisible()]


@pytest.fixture
def filled(ctx: Services) -> Session:
    """A session over a vault with a small demo data set."""
    fill(ctx)
    return Session(ctx.vault, ctx)


def export_from_dialog(qtbot: QtBot, dialog: ExportDialog, target: Path) -> None:
    dialog.path_edit.setText(str(target))
    assert dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=WAIT_MS)


def test_export_writes_a_workbook_an_independent_reader_reads(
    qtbot: QtBot, filled: Session, ctx: Services, tmp_path: Path
) -> None:
    dialog = ExportDialog(filled)
    qtbot.addWidget(dialog)
    assert not dialog.entity_boxes["contact"].isChecked()  # contacts only when ticked
    target = tmp_path / "out.xlsx"
    export_from_dialog(qtbot, dialog, target)
    assert "Contacts" not in names(target)
    assert {"Summary", "Seizures", "Prices", "Projects", "About"} <= set(names(target))
    rows = sheet(target, "Seizures")
    assert rows[0][0] == "Record id (id)"
    shared = db_rows(ctx, "seizure", "deleted_at IS NULL AND confidentiality = 'NORMAL'")
    assert sorted(r[0] for r in rows[1:]) == sorted(r["id"] for r in shared)
    assert dialog.outcome is not None and dialog.outcome.files[target] > len(shared)


def test_russian_redacted_export_with_contacts(
    qtbot: QtBot, filled: Session, ctx: Services, tmp_path: Path
) -> None:
    dialog = ExportDialog(filled)
    qtbot.addWidget(dialog)
    for group, box in dialog.entity_boxes.items():
        box.setChecked(group == "contact")
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("ru"))
    dialog.redact_box.setChecked(True)
    target = tmp_path / "contacts.xlsx"
    export_from_dialog(qtbot, dialog, target)
    assert "Контакты" in names(target) and "Изъятия" not in names(target)
    header = sheet(target, "Контакты")[0]
    kept = [c.code for c in columns("contact", redact=True)]
    assert [h.rsplit("(", 1)[1].rstrip(")") for h in header] == kept
    assert any(c.personal for c in columns("contact")) and len(kept) < len(columns("contact"))


def test_confidential_records_need_an_explicit_confirmation(
    qtbot: QtBot, filled: Session, ctx: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = db_rows(ctx, "seizure")[0]["id"]
    rec.update(ctx, "seizure", secret, {"confidentiality": "CONFIDENTIAL"})
    answers: list[QMessageBox.StandardButton] = [QMessageBox.StandardButton.No]
    asked: list[str] = []

    def question(_parent: Any, title: str, *_a: Any) -> QMessageBox.StandardButton:
        asked.append(title)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = ExportDialog(filled)
    qtbot.addWidget(dialog)
    dialog.confidential_box.setChecked(True)
    target = tmp_path / "secret.xlsx"
    dialog.path_edit.setText(str(target))
    dialog.start_export()  # answered No: nothing happens
    assert asked and dialog.task_dialog is None and not target.exists()

    answers.append(QMessageBox.StandardButton.Yes)
    export_from_dialog(qtbot, dialog, target)
    assert secret in [r[0] for r in sheet(target, "Seizures")]

    plain = tmp_path / "plain.xlsx"  # without the box: left out, and nobody is asked
    asked.clear()
    again = ExportDialog(filled)
    qtbot.addWidget(again)
    export_from_dialog(qtbot, again, plain)
    assert not asked and secret not in [r[0] for r in sheet(plain, "Seizures")]


def test_csv_export_one_file_per_sheet(qtbot: QtBot, filled: Session, tmp_path: Path) -> None:
    dialog = ExportDialog(filled)
    qtbot.addWidget(dialog)
    dialog.csv_radio.setChecked(True)
    for group, box in dialog.entity_boxes.items():
        box.setChecked(group in ("seizure", "price"))
    export_from_dialog(qtbot, dialog, tmp_path / "data.csv")
    files = sorted(p.name for p in tmp_path.glob("*.csv"))
    assert files == ["data-prices.csv", "data-seizures.csv"]
    raw = (tmp_path / "data-seizures.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens Cyrillic right


def test_cancel_leaves_no_file(qtbot: QtBot, seizure_session: Session, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    dialog = ExportDialog(seizure_session)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(folder / "big.xlsx"))
    dialog.start_export()
    progress = dialog.task_dialog
    assert progress is not None
    task = progress.task
    # cancel as soon as the worker reports it started: the rows are not written yet
    task.progressed.connect(lambda *_a: progress.request_cancel())
    qtbot.waitUntil(lambda: not task.running, timeout=WAIT_MS)
    assert task.outcome == "cancelled"
    assert dialog.outcome is None
    assert list(folder.iterdir()) == []  # no workbook, no temporary file
    assert messages(dialog, "exchangeMessage")  # "Export cancelled" told, no error


def test_export_this_list_uses_the_lists_search(
    qtbot: QtBot, seizure_session: Session, tmp_path: Path
) -> None:
    window = MainWindow(seizure_session)
    qtbot.addWidget(window)
    assert window.registry["file.export"].objectName() == "file.export"
    assert window.registry["file.import"].shortcut().toString() == "Ctrl+Shift+I"
    page = window.navigate("seizures")
    assert isinstance(page, RecordListPage)
    page.search.setText(MARKER)
    page.apply_now()
    window.registry["file.export_list"].trigger()
    dialog = window.exchange.dialog
    assert isinstance(dialog, ExportDialog)
    assert [g for g, b in dialog.entity_boxes.items() if b.isChecked()] == ["seizure"]
    assert not dialog.entity_boxes["price"].isEnabled()
    target = tmp_path / "list.xlsx"
    export_from_dialog(qtbot, dialog, target)
    rows = sheet(target, "Seizures")[1:]
    assert len(rows) == SEIZURES // MARKED_EVERY

    page.search.setText("")  # now a filter instead of the search
    assert page.filters is not None
    page.filters.combo("country").set_code("TJK")
    page.apply_now()
    window.registry["file.export_list"].trigger()
    dialog = window.exchange.dialog
    assert isinstance(dialog, ExportDialog)
    by_country = tmp_path / "tjk.xlsx"
    export_from_dialog(qtbot, dialog, by_country)
    tjk = {r["id"] for r in db_rows(seizure_session.ctx, "seizure", "country = 'TJK'")}
    assert {r[0] for r in sheet(by_country, "Seizures")[1:]} == tjk and len(tjk) == SEIZURES // 4
    about = " ".join(str(c) for row in sheet(by_country, "About") for c in row)
    assert "TJK" in about  # the About sheet says which filter made the export
    window.close_quietly()


# --- import -----------------------------------------------------------------------------------


def col(ws: Any, code: str) -> int:
    for cell in ws[1]:
        if str(cell.value).endswith(f"({code})"):
            return int(cell.column)
    raise KeyError(code)


def edited_export(ctx: Services, folder: Path, bad_row: bool = False) -> tuple[Path, str]:
    """An export with one place changed and one seizure added (and a bad quantity)."""
    original = folder / "sent.xlsx"
    export(ctx, original, entities=["seizure"])
    wb = load_workbook(original)
    ws = wb["Seizures"]
    changed_id = str(ws.cell(2, 1).value)
    ws.cell(2, col(ws, "place")).value = "Edited by the counterpart"
    new = [None] * ws.max_column
    for code, value in (
        ("seized_on", "2026-10-03"),
        ("country", "TJK"),
        ("drug", "HEROIN"),
        ("quantity", 12.5),
        ("unit", "KG"),
        ("place", "Nizhny Panj"),
    ):
        new[col(ws, code) - 1] = value
    ws.append(new)
    if bad_row:
        ws.cell(3, col(ws, "quantity")).value = "about a lot"
    back = folder / "back.xlsx"
    wb.save(back)
    return back, changed_id


def preview(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.task_dialog is None, timeout=WAIT_MS)


def cells(dialog: ImportDialog, row: int) -> list[str]:
    table = dialog.sheets_table
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_import_preview_then_commit_then_nothing_left(
    qtbot: QtBot, filled: Session, ctx: Services, tmp_path: Path
) -> None:
    back, changed_id = edited_export(ctx, tmp_path)
    before = len(db_rows(ctx, "seizure"))
    dialog = ImportDialog(filled)
    qtbot.addWidget(dialog)
    preview(qtbot, dialog, back)
    unchanged = len(sheet(back, "Seizures")) - 3  # header, the changed row, the new row
    assert cells(dialog, 0) == ["Seizures", "Seizures", "1", "1", f"{unchanged:,}", "0", "0"]
    assert dialog.import_button.isEnabled() and not dialog.report_button.isEnabled()
    assert len(db_rows(ctx, "seizure")) == before  # a preview writes nothing

    with qtbot.waitSignal(dialog.imported, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(db_rows(ctx, "seizure")) == before + 1
    place = db_rows(ctx, "seizure", f"id = '{changed_id}'")[0]["place"]
    assert place == "Edited by the counterpart"
    assert "1 new and 1 updated" in dialog.summary.text()

    preview(qtbot, dialog, back)  # the same file again: nothing left to import
    assert cells(dialog, 0)[2:4] == ["0", "0"]
    assert not dialog.import_button.isEnabled()


def test_error_rows_block_the_import_and_the_report_is_saved(
    qtbot: QtBot,
    filled: Session,
    ctx: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    back, _changed = edited_export(ctx, tmp_path, bad_row=True)
    before = db_rows(ctx, "seizure")
    dialog = ImportDialog(filled)
    qtbot.addWidget(dialog)
    preview(qtbot, dialog, back)
    assert cells(dialog, 0)[6] == "1"
    assert not dialog.import_button.isEnabled() and dialog.report_button.isEnabled()
    finding = [dialog.findings.item(0, c).text() for c in range(5)]
    assert finding[:3] == ["Error", "Seizures", "3"] and "quantity" in finding[3].lower()

    report = tmp_path / "report.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(report.with_suffix("")), "")
    )
    assert dialog.save_report() == report
    errors = sheet(report, "Errors")
    assert any(3 in row and "about a lot" in row for row in errors[1:])
    dialog.start_import()  # refused: nothing starts, nothing written
    assert dialog.task_dialog is None and db_rows(ctx, "seizure") == before


def test_counterpart_layout_goes_through_the_mapping_step_and_is_remembered(
    qtbot: QtBot, filled: Session, ctx: Services, tmp_path: Path
) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["Monthly seizures, Sughd province"])  # a title above the header
    ws.append(["Date", "Country", "Substance", "Amount", "Unit", "Place of seizure"])
    ws.append(["2026-09-14", "TJK", "HEROIN", 3.2, "KG", "Khujand"])
    ws.append(["15.09.2026", "TJK", "OPIUM", "1 200", "G", "Isfara"])
    path = tmp_path / "sughd.xlsx"
    wb.save(path)
    before = len(db_rows(ctx, "seizure"))

    dialog = ImportDialog(filled)
    qtbot.addWidget(dialog)
    preview(qtbot, dialog, path)
    assert dialog.preview is not None and "Data" in dialog.preview.unread
    assert dialog.map_button.isEnabled() and not dialog.import_button.isEnabled()
    mapping = dialog.open_mapping()
    assert mapping is not None
    assert not mapping.ok_button.isEnabled()  # a source name is needed
    mapping.source_edit.setText("Drug Control Agency, Sughd")
    mapping.entity_combo.setCurrentIndex(mapping.entity_combo.findData("seizure"))
    for header, code in (
        ("Date", "seized_on"),
        ("Country", "country"),
        ("Substance", "drug"),
        ("Amount", "quantity"),
        ("Unit", "unit"),
        ("Place of seizure", "place"),
    ):
        mapping.set_field(header, code)
    assert mapping.ok_button.isEnabled()
    mapping.accept()
    qtbot.waitUntil(
        lambda: dialog.task_dialog is None and dialog.preview is not None, timeout=WAIT_MS
    )
    assert cells(dialog, 0)[:3] == ["Data", "Seizures", "2"]
    with qtbot.waitSignal(dialog.imported, timeout=WAIT_MS):
        dialog.start_import()
    assert len(db_rows(ctx, "seizure")) == before + 2
    assert "Drug Control Agency, Sughd" in remembered(ctx)

    again = ImportDialog(filled)  # next time the layout is known: no mapping step
    qtbot.addWidget(again)
    preview(qtbot, again, path)
    assert again.preview is not None and not again.preview.unread
    assert cells(again, 0)[2:5] == ["0", "0", "2"]


def test_a_file_that_is_not_a_workbook_is_a_clear_message(
    qtbot: QtBot, filled: Session, tmp_path: Path
) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("this is not a workbook", encoding="utf-8")
    dialog = ImportDialog(filled)
    qtbot.addWidget(dialog)
    preview(qtbot, dialog, path)
    boxes = messages(dialog, "exchangeError")
    assert boxes and "notes.xlsx" in boxes[0].informativeText()
    assert "Traceback" not in boxes[0].informativeText()
    assert dialog.preview is None and not dialog.import_button.isEnabled()


@pytest.mark.slow
def test_screenshots_of_the_exchange_dialogs(
    qtbot: QtBot, seizure_session: Session, tmp_path: Path
) -> None:
    from PySide6.QtGui import QImage

    from pp_desktop.ui.exchange.screenshots import render_exchange_screenshots

    window = MainWindow(seizure_session)
    qtbot.addWidget(window)
    written = render_exchange_screenshots(window, tmp_path / "shots")
    assert [p.name for p in written] == ["excel-export-dialog.png", "excel-import-preview.png"]
    for path in written:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1366, 768)
    window.close_quietly()


@pytest.mark.slow
def test_cancelled_preview_writes_nothing_and_says_so(
    qtbot: QtBot, seizure_session: Session, seizure_ctx: Services, tmp_path: Path
) -> None:
    back, _changed = edited_export(seizure_ctx, tmp_path)
    before = db_rows(seizure_ctx, "seizure")
    dialog = ImportDialog(seizure_session)
    qtbot.addWidget(dialog)
    dialog.load(back)
    progress = dialog.task_dialog
    assert progress is not None
    progress.task.progressed.connect(lambda *_a: progress.request_cancel())
    qtbot.waitUntil(lambda: dialog.task_dialog is None, timeout=WAIT_MS)
    assert progress.task.outcome == "cancelled"
    assert dialog.preview is None and not dialog.import_button.isEnabled()
    assert "cancelled" in dialog.summary.text()
    assert db_rows(seizure_ctx, "seizure") == before


def test_an_import_cannot_be_cancelled_half_way(
    qtbot: QtBot, filled: Session, ctx: Services, tmp_path: Path
) -> None:
    back, _changed = edited_export(ctx, tmp_path)
    before = len(db_rows(ctx, "seizure"))
    dialog = ImportDialog(filled)
    qtbot.addWidget(dialog)
    preview(qtbot, dialog, back)
    dialog.start_import()
    progress = dialog.task_dialog
    assert progress is not None and not progress.cancel_button.isEnabled()
    progress.reject()  # Esc: ignored while the transaction runs
    assert not progress.task.control.cancelled
    qtbot.waitUntil(lambda: dialog.task_dialog is None, timeout=WAIT_MS)
    assert progress.task.outcome == "succeeded"
    assert len(db_rows(ctx, "seizure")) == before + 1


def test_an_existing_file_is_replaced_only_when_the_officer_agrees(
    qtbot: QtBot, filled: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "kept.xlsx"
    target.write_bytes(b"the officer's own workbook")
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: answers.pop(0))
    dialog = ExportDialog(filled)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(target))
    dialog.start_export()  # No: untouched
    assert dialog.task_dialog is None and target.read_bytes() == b"the officer's own workbook"
    export_from_dialog(qtbot, dialog, target)  # Yes
    assert not answers and "Seizures" in names(target)


def test_import_from_the_menu_and_locking_closes_the_preview(
    qtbot: QtBot,
    filled: Session,
    ctx: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    back, _changed = edited_export(ctx, tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(back), ""))
    window = MainWindow(filled)
    qtbot.addWidget(window)
    window.show()
    window.registry["file.import"].trigger()
    dialog = window.exchange.dialog
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.task_dialog is None and dialog.preview is not None)
    assert dialog.isVisible() and cells(dialog, 0)[2:4] == ["1", "1"]
    filled.lock()  # the preview holds record data: it closes with the key
    qtbot.waitUntil(lambda: not window.exchange.opened)
    assert not any(d.isVisible() for d in window.findChildren(ImportDialog))
    window.close_quietly()
