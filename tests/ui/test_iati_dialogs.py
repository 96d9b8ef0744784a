"""The IATI dialogs driven offscreen over real vaults: exports validated against the official
2.03 schema, donors' activity files previewed with filters and imported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pp_desktop.services import Services
from pp_desktop.ui.exchange.iati_export_dialog import IatiExportDialog
from pp_desktop.ui.exchange.iati_import_dialog import IatiImportDialog
from pp_desktop.ui.main_window import MainWindow
from pp_desktop.ui.session import Session
from tests.exchange.test_iati_support import FILES, assert_valid, ledger_size, project, scalar

WAIT_MS = 30_000
DONORS = FILES / "v203_donor_many.xml"


def identifiers(path: Path) -> list[str]:
    """iati-identifier of every activity of a file that validates against the XSD."""
    return [str(e.text) for e in assert_valid(path).getroot().iter("iati-identifier")]


def visible(parent: QWidget, name: str) -> list[QMessageBox]:
    return [b for b in parent.findChildren(QMessageBox, name) if b.isVisible()]


@pytest.fixture
def projects(ctx: Services) -> dict[str, str]:
    """Three projects: normal, restricted, confidential (identifier -> id)."""
    return {
        ident: project(ctx, identifier=ident, confidentiality=level)
        for ident, level in (
            ("XM-DAC-41128-PPI-2025-001", "NORMAL"),
            ("XM-DAC-41128-R", "RESTRICTED"),
            ("XM-DAC-41128-C", "CONFIDENTIAL"),
        )
    }


def run_export(qtbot: QtBot, dialog: IatiExportDialog, target: Path) -> None:
    dialog.path_edit.setText(str(target))
    assert dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=WAIT_MS)


def test_export_of_all_projects_validates_against_the_schema(
    qtbot: QtBot, ctx: Services, projects: dict[str, str], tmp_path: Path
) -> None:
    dialog = IatiExportDialog(Session(ctx.vault, ctx))
    qtbot.addWidget(dialog)
    assert dialog.projects.count() == 3
    out = tmp_path / "out"
    out.mkdir()
    target = out / "all.xml"
    run_export(qtbot, dialog, target)
    assert identifiers(target) == ["XM-DAC-41128-PPI-2025-001"]  # the others only when named
    assert dialog.outcome is not None
    assert {i for i, _r in dialog.outcome.skipped} == {"XM-DAC-41128-R", "XM-DAC-41128-C"}
    assert [p.name for p in out.iterdir()] == ["all.xml"]  # no partial file left


def test_selected_confidential_project_needs_confirmation(
    qtbot: QtBot,
    ctx: Services,
    projects: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: answers.pop(0))
    dialog = IatiExportDialog(Session(ctx.vault, ctx))
    qtbot.addWidget(dialog)
    dialog.set_checked([projects["XM-DAC-41128-R"], projects["XM-DAC-41128-C"]])
    assert dialog.selected_radio.isChecked()  # ticking a project selects "only ticked"
    target = tmp_path / "chosen.xml"
    dialog.path_edit.setText(str(target))
    dialog.start_export()  # answered No
    assert dialog.task_dialog is None and not target.exists() and len(answers) == 1
    run_export(qtbot, dialog, target)
    assert identifiers(target) == ["XM-DAC-41128-C", "XM-DAC-41128-R"]


def test_cancelled_export_leaves_no_file(
    qtbot: QtBot, ctx: Services, projects: dict[str, str], tmp_path: Path
) -> None:
    dialog = IatiExportDialog(Session(ctx.vault, ctx))
    qtbot.addWidget(dialog)
    out = tmp_path / "out"
    out.mkdir()
    dialog.path_edit.setText(str(out / "x.xml"))
    dialog.start_export()
    progress = dialog.task_dialog
    assert progress is not None
    progress.request_cancel()  # the worker checks before the file is moved in place
    qtbot.waitUntil(lambda: not progress.task.running, timeout=WAIT_MS)
    assert progress.task.outcome == "cancelled"
    assert list(out.iterdir()) == []


def preview(qtbot: QtBot, dialog: IatiImportDialog) -> None:
    dialog.run_preview()
    qtbot.waitUntil(lambda: dialog.task_dialog is None, timeout=WAIT_MS)


def decisions(dialog: IatiImportDialog) -> dict[str, tuple[str, str]]:
    t = dialog.table
    return {
        t.item(r, 1).text(): (t.item(r, 0).text(), t.item(r, 3).text()) for r in range(t.rowCount())
    }


def test_import_preview_with_filters_then_commit(qtbot: QtBot, ctx: Services) -> None:
    dialog = IatiImportDialog(Session(ctx.vault, ctx))
    qtbot.addWidget(dialog)
    size = ledger_size(ctx)
    dialog.country_edit.setText("kgz")
    dialog.path = DONORS
    preview(qtbot, dialog)
    shown = decisions(dialog)
    assert shown["XI-IATI-EC_INTPA-2024-451-002"][0] == "New project"
    assert shown["GB-GOV-1-300871"] == ("Skipped", "not for KGZ (recipient countries: AFG).")
    assert "1 new, 0 to update, 3 skipped" in dialog.summary.text()
    assert ledger_size(ctx) == size  # the preview wrote nothing

    dialog.sector_edit.setText("16063")  # filters changed: the preview is gone
    assert not dialog.import_button.isEnabled() and dialog.table.rowCount() == 0
    dialog.sector_edit.setText("")
    preview(qtbot, dialog)
    with qtbot.waitSignal(dialog.imported, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    ident = "XI-IATI-EC_INTPA-2024-451-002"
    country = "SELECT beneficiary_country FROM project WHERE identifier = :i"
    assert scalar(ctx, country, i=ident) == "KGZ"  # filtered on Kyrgyzstan: recorded for it
    assert scalar(ctx, "SELECT count(*) FROM project") == 1
    assert "Imported: 1 new, 0 updated, 3 skipped." in dialog.summary.text()

    preview(qtbot, dialog)  # the same file again: nothing to do
    decision, details = decisions(dialog)[ident]
    assert decision == "Skipped" and details.startswith("already up to date.")
    assert not dialog.import_button.isEnabled()


def test_hostile_file_is_refused_with_a_message(qtbot: QtBot, ctx: Services) -> None:
    dialog = IatiImportDialog(Session(ctx.vault, ctx))
    qtbot.addWidget(dialog)
    dialog.path = FILES / "hostile_billion_laughs.xml"
    preview(qtbot, dialog)
    boxes = visible(dialog, "exchangeError")
    assert boxes and boxes[0].text() == "This file cannot be imported"
    assert "Traceback" not in boxes[0].informativeText() and boxes[0].informativeText()
    assert dialog.table.rowCount() == 0 and not dialog.import_button.isEnabled()


def test_menu_actions_open_the_iati_dialogs(
    qtbot: QtBot, ctx: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Any] = []

    def pick(*args: Any, **_k: Any) -> tuple[str, str]:
        asked.append(args)
        return (str(DONORS), "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", pick)
    window = MainWindow(Session(ctx.vault, ctx))
    qtbot.addWidget(window)
    window.registry["iati.import"].trigger()
    dialog = window.exchange.dialog
    assert isinstance(dialog, IatiImportDialog) and asked
    qtbot.waitUntil(lambda: dialog.task_dialog is None and dialog.table.rowCount() == 4)
    dialog.close()
    window.registry["iati.export"].trigger()
    assert isinstance(window.exchange.dialog, IatiExportDialog)
    window.exchange.dialog.close()
    window.close_quietly()


def test_reporting_organisation_is_checked_stored_and_used(
    qtbot: QtBot, ctx: Services, projects: dict[str, str], tmp_path: Path
) -> None:
    from pp_desktop.exchange.iati import reporting_org

    dialog = IatiExportDialog(Session(ctx.vault, ctx))
    qtbot.addWidget(dialog)
    assert "XM-DAC-41128" in dialog.org_label.text()  # the default: UNODC
    org = dialog.edit_org()
    org.ref_edit.setText("GB GOV 1")  # spaces: IATI refuses it, nothing stored
    org.save()
    assert org.isVisible() and "not an IATI organisation identifier" in org.error.text()
    assert reporting_org(ctx.vault).ref == "XM-DAC-41128"
    org.ref_edit.setText("GB-GOV-1")
    org.name_edit.setText("UK Foreign, Commonwealth and Development Office")
    org.type_combo.setCurrentIndex(org.type_combo.findData("10"))
    org.save()
    assert not org.isVisible() and reporting_org(ctx.vault).ref == "GB-GOV-1"
    assert "GB-GOV-1" in dialog.org_label.text()
    out = tmp_path / "out"
    out.mkdir()
    target = out / "gb.xml"
    run_export(qtbot, dialog, target)
    root = assert_valid(target).getroot()
    assert [e.get("ref") for e in root.iter("reporting-org")] == ["GB-GOV-1"]
