"""New, Edit, Delete, Undo and Redo in the main window, triggered by objectName, over a real
vault: the issue's flow (add via the form, find by filter, edit, delete, the audit log shows all
three), multi-select delete with confirmation, undo of an edit/create/delete, lock clean-up."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import text

from pp_desktop.services import Services
from pp_desktop.services import records as rec
from pp_desktop.services.errors import NotFound
from pp_desktop.ui.forms.private_files import OPENED
from pp_desktop.ui.forms.reference_field import ReferenceField
from pp_desktop.ui.forms.seizure_form import SeizureForm
from pp_desktop.ui.forms.simple_fields import TextField
from pp_desktop.ui.main_window import MainWindow
from pp_desktop.ui.record_detail_dialog import RecordDetailDialog
from pp_desktop.ui.record_list_page import RecordListPage
from pp_desktop.ui.session import Session

PLACE = "Ishkashim"  # a word no other seizure carries: the quick search finds it


def trigger(window: MainWindow, name: str) -> None:
    action = window.findChild(QAction, name)
    assert action is not None, name
    action.trigger()


def seizures(window: MainWindow) -> RecordListPage:
    page = window.navigate("seizures")
    assert isinstance(page, RecordListPage)
    return page


def sql(ctx: Services, query: str, **params: Any) -> list[dict[str, Any]]:
    with ctx.vault.read() as conn:
        return [dict(r) for r in conn.execute(text(query), params).mappings()]


@pytest.fixture
def window(qtbot: Any, session: Session) -> MainWindow:
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every confirmation is answered Yes/Save and recorded; warnings are recorded."""
    asked: list[str] = []

    def question(*args: Any, **kw: Any) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        buttons = args[3] if len(args) > 3 else QMessageBox.StandardButton.Yes
        if buttons & QMessageBox.StandardButton.Save:
            return QMessageBox.StandardButton.Save
        return QMessageBox.StandardButton.Yes

    def warning(*args: Any, **kw: Any) -> QMessageBox.StandardButton:
        asked.append("warning: " + str(args[2]))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    return asked


def new_seizure(qtbot: Any, window: MainWindow, place: str, quantity: str) -> str:
    trigger(window, "record.new")
    form = window.writes.form
    assert isinstance(form, SeizureForm)
    qtbot.waitExposed(form)
    country, drug = form.editor_of("country"), form.editor_of("drug")
    assert isinstance(country, ReferenceField) and isinstance(drug, ReferenceField)
    country.set_code("TJK")
    drug.set_code("OPIUM")
    place_edit = form.editor_of("place")
    assert isinstance(place_edit, TextField)
    qtbot.keyClicks(place_edit.edit, place)
    qtbot.keyClicks(form.quantity.amount, quantity)
    saved: list[Any] = []
    form.saved.connect(saved.append)
    qtbot.keyClick(form.quantity.amount, Qt.Key.Key_Return)
    assert len(saved) == 1
    return str(saved[0].record_id)


def test_actions_are_registered_with_shortcuts(window: MainWindow) -> None:
    expected = {
        "record.new": "Ctrl+N",
        "record.edit": "Ctrl+E",
        "record.delete": "Del",
        "edit.undo": "Ctrl+Z",
        "edit.redo": "Ctrl+Shift+Z",
    }
    for name, keys in expected.items():
        action = window.findChild(QAction, name)
        assert action is not None and action.toolTip()
        assert action.shortcut() == QKeySequence(keys)
    assert not window.findChild(QAction, "edit.undo").isEnabled()


def test_add_find_edit_delete_and_the_audit_log_shows_all_three(
    qtbot: Any, window: MainWindow, session: Session, answers: list[str]
) -> None:
    ctx = session.ctx
    page = seizures(window)
    new_seizure(qtbot, window, "Khorog", "5")
    rid = new_seizure(qtbot, window, PLACE, "12,5")
    assert page.model.rowCount() == 2  # the list re-read its rows after each save

    # find it by filter (the quick search)
    trigger(window, "find")
    qtbot.keyClicks(page.search, PLACE)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.data(page.model.index(0, 0), page.model.RecordIdRole) == rid

    # Enter on the row opens the edit form
    window.activateWindow()  # offscreen, closing two dialogs in a row leaves no active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.view.setFocus()
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    form = window.writes.form
    assert isinstance(form, SeizureForm) and form.record_id == rid
    qtbot.waitExposed(form)
    form.quantity.amount.clear()
    qtbot.keyClicks(form.quantity.amount, "14")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert rec.get(ctx, "seizure", rid)["quantity"] == 14.0

    # delete it, after confirmation
    page.view.selectRow(0)
    trigger(window, "record.delete")
    assert any("Delete the selected seizure?" in a for a in answers)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    with pytest.raises(NotFound):
        rec.get(ctx, "seizure", rid)

    audit = window.navigate("audit")
    assert isinstance(audit, RecordListPage)
    model = audit.model
    actions = []
    for row in range(model.rowCount()):
        entry = model.row(row)
        if entry and entry["entity_id"] == rid:
            actions.append(entry["action"])
    assert sorted(actions) == ["create", "delete", "update"]
    update = sql(
        ctx, "SELECT changes FROM audit_entry WHERE entity_id = :i AND action = 'update'", i=rid
    )[0]
    assert json.loads(update["changes"])["quantity"] == [12.5, 14.0]


def test_multi_select_delete_asks_and_undo_restores_them(
    qtbot: Any, window: MainWindow, session: Session, answers: list[str]
) -> None:
    ctx = session.ctx
    ids = [new_seizure(qtbot, window, f"Post {i}", str(i + 1)) for i in range(3)]
    page = seizures(window)
    selection = page.view.selectionModel()
    for row in (0, 2):
        selection.select(
            page.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    chosen = {page.model.data(page.model.index(r, 0), page.model.RecordIdRole) for r in (0, 2)}

    trigger(window, "record.delete")

    assert any("Delete the 2 selected seizures?" in a for a in answers)
    assert page.model.rowCount() == 1
    alive = {r["id"] for r in sql(ctx, "SELECT id FROM seizure WHERE deleted_at IS NULL")}
    assert alive == set(ids) - chosen

    trigger(window, "edit.undo")
    assert page.model.rowCount() == 3
    alive = {r["id"] for r in sql(ctx, "SELECT id FROM seizure WHERE deleted_at IS NULL")}
    assert alive == set(ids)
    assert [r["action"] for r in sql(ctx, "SELECT action FROM audit_entry ORDER BY seq")][-2:] == [
        "restore",
        "restore",
    ]
    trigger(window, "edit.redo")
    assert page.model.rowCount() == 1


def test_refusing_the_confirmation_deletes_nothing(
    qtbot: Any, window: MainWindow, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    rec.create(
        session.ctx, "seizure", {"seized_on": "2026-11-01", "country": "AFG", "drug": "OPIUM",
                                 "quantity": 1.0}
    )  # fmt: skip
    page = seizures(window)
    page.refresh()
    page.view.selectRow(0)
    trigger(window, "record.delete")
    assert sql(session.ctx, "SELECT count(*) AS n FROM seizure WHERE deleted_at IS NULL") == [
        {"n": 1}
    ]
    assert not window.findChild(QAction, "edit.undo").isEnabled()


def test_undo_of_an_edit_restores_the_old_value_in_the_vault(
    qtbot: Any, window: MainWindow, session: Session, answers: list[str]
) -> None:
    ctx = session.ctx
    rid = new_seizure(qtbot, window, "Panj", "3")
    page = seizures(window)
    page.view.selectRow(0)
    trigger(window, "record.edit")
    form = window.writes.form
    assert isinstance(form, SeizureForm)
    place = form.editor_of("place")
    assert isinstance(place, TextField)
    place.edit.clear()
    qtbot.keyClicks(place.edit, "Panji Poyon")
    form.save_and_close()
    assert rec.get(ctx, "seizure", rid)["place"] == "Panji Poyon"
    undo = window.findChild(QAction, "edit.undo")
    assert undo.isEnabled() and "Edit seizure" in undo.toolTip()

    trigger(window, "edit.undo")
    assert rec.get(ctx, "seizure", rid)["place"] == "Panj"
    trigger(window, "edit.redo")
    assert rec.get(ctx, "seizure", rid)["place"] == "Panji Poyon"
    trigger(window, "edit.undo")  # the edit
    trigger(window, "edit.undo")  # the creation: a tombstone
    with pytest.raises(NotFound):
        rec.get(ctx, "seizure", rid)
    assert page.model.rowCount() == 0
    trigger(window, "edit.redo")  # the creation again: restored
    assert rec.get(ctx, "seizure", rid)["place"] == "Panj"


def test_undo_refuses_to_overwrite_a_change_made_elsewhere(
    qtbot: Any, window: MainWindow, session: Session, answers: list[str]
) -> None:
    ctx = session.ctx
    rid = new_seizure(qtbot, window, "Panj", "3")
    form = window.writes.open_form("seizure", rid)
    assert isinstance(form, SeizureForm)
    place = form.editor_of("place")
    assert isinstance(place, TextField)
    qtbot.keyClicks(place.edit, " river")
    form.save_and_close()
    rec.update(ctx, "seizure", rid, {"place": "Changed by a sync"})

    trigger(window, "edit.undo")

    assert rec.get(ctx, "seizure", rid)["place"] == "Changed by a sync"
    assert any(a.startswith("warning: ") and "changed elsewhere" in a for a in answers)
    # the refused step left the stack; the next undo is the creation
    assert window.writes.stack.count() == 1


def test_a_deleted_record_opens_read_only(qtbot: Any, window: MainWindow, session: Session) -> None:
    rid = rec.create(
        session.ctx, "seizure", {"seized_on": "2026-11-01", "country": "AFG", "drug": "OPIUM",
                                 "quantity": 1.0}
    ).created[0]  # fmt: skip
    page = seizures(window)
    page.refresh()
    rec.delete(session.ctx, "seizure", [rid])  # elsewhere, while the row is still listed
    opened: list[Any] = []
    page.recordOpened.connect(opened.append)
    page.activate_row(0)  # what a double-click does
    assert window.writes.form is None
    assert len(opened) == 1 and isinstance(opened[0], RecordDetailDialog)


def test_lock_closes_the_form_and_forgets_history_and_opened_files(
    qtbot: Any, window: MainWindow, session: Session, answers: list[str]
) -> None:
    new_seizure(qtbot, window, "Darvoz", "2")
    trigger(window, "record.new")
    form = window.writes.form
    assert form is not None
    opened = OPENED.write("note.txt", b"x")
    assert opened.exists()

    session.lock()

    assert window.writes.form is None and not form.isVisible()
    assert window.writes.stack.count() == 0
    assert not opened.exists()


def test_delete_key_in_the_list_and_ctrl_z(
    qtbot: Any, window: MainWindow, session: Session, answers: list[str]
) -> None:
    rid = new_seizure(qtbot, window, "Kalai-Khumb", "4")
    page = seizures(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.view.setFocus()
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert any("Delete the selected seizure?" in a for a in answers)
    with pytest.raises(NotFound):
        rec.get(session.ctx, "seizure", rid)
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert rec.get(session.ctx, "seizure", rid)["place"] == "Kalai-Khumb"


def test_the_list_keeps_its_scroll_position_after_an_edit(
    qtbot: Any, seizure_session: Session, answers: list[str]
) -> None:
    window = MainWindow(seizure_session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = seizures(window)
    qtbot.waitUntil(lambda: page.model.is_counted)
    bar = page.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    position = bar.value()
    assert position > 100
    row = page.view.rowAt(10)
    rid = page.model.data(page.model.index(row, 0), page.model.RecordIdRole)
    form = window.writes.open_form("seizure", str(rid))
    assert isinstance(form, SeizureForm)
    qtbot.keyClicks(form.editor_of("place").edit, " (checked)")  # type: ignore[union-attr]
    form.save_and_close()
    assert not page.model.is_counted  # re-counting in the background: first page only for now
    qtbot.waitUntil(lambda: page.model.is_counted)
    assert bar.value() == position
    assert page.model.data(page.model.index(row, 0), page.model.RecordIdRole) == rid


def test_undo_of_a_new_project_removes_its_donors_too(
    qtbot: Any, window: MainWindow, session: Session, answers: list[str]
) -> None:
    from pp_desktop.ui.forms.project_form import ProjectForm
    from pp_desktop.ui.forms.record_field import RecordField

    ctx = session.ctx
    org = rec.create(ctx, "organisation", {"name": "Government of Japan", "kind": "10"}).created[0]
    window.navigate("projects")
    trigger(window, "record.new")
    form = window.writes.form
    assert isinstance(form, ProjectForm)
    for name, value in (("identifier", "XM-DAC-41128-PP-7"), ("title", "Mobile teams")):
        editor = form.editor_of(name)
        assert isinstance(editor, TextField)
        editor.edit.setText(value)
    donor = form.donors.editors[0]
    assert isinstance(donor, RecordField)
    donor.set_record_id(org)
    assert form.donors.add_entered()
    result = form.save()
    assert result is not None and [e for e, _i in result.added] == ["project_donor"]
    live = "SELECT count(*) AS n FROM {} WHERE deleted_at IS NULL"

    trigger(window, "edit.undo")

    assert sql(ctx, live.format("project")) == [{"n": 0}]
    assert sql(ctx, live.format("project_donor")) == [{"n": 0}]
    trigger(window, "edit.redo")
    assert sql(ctx, live.format("project")) == [{"n": 1}]
    assert sql(ctx, live.format("project_donor")) == [{"n": 1}]


def test_undo_of_an_edit_takes_back_donor_changes_with_the_fields(
    qtbot: Any, window: MainWindow, session: Session, answers: list[str]
) -> None:
    from pp_desktop.ui.forms.project_form import ProjectForm
    from pp_desktop.ui.forms.record_field import RecordField

    ctx = session.ctx
    japan = rec.create(ctx, "organisation", {"name": "Japan", "kind": "10"}).created[0]
    norway = rec.create(ctx, "organisation", {"name": "Norway", "kind": "10"}).created[0]
    project = rec.create(ctx, "project", {"identifier": "XM-5", "title": "Old title"}).created[0]
    old_donor = rec.create(
        ctx, "project_donor", {"project_id": project, "organisation_id": japan}
    ).created[0]
    form = window.writes.open_form("project", project)
    assert isinstance(form, ProjectForm)
    title = form.editor_of("title")
    assert isinstance(title, TextField)
    title.edit.setText("New title")
    form.donors.list.setCurrentRow(0)
    form.donors.remove_selected()
    donor = form.donors.editors[0]
    assert isinstance(donor, RecordField)
    donor.set_record_id(norway)
    assert form.donors.add_entered()
    form.save_and_close()

    def state() -> tuple[str, set[str]]:
        donors = sql(
            ctx,
            "SELECT organisation_id FROM project_donor WHERE deleted_at IS NULL "
            "AND project_id = :p",
            p=project,
        )
        return rec.get(ctx, "project", project)["title"], {d["organisation_id"] for d in donors}

    assert state() == ("New title", {norway})
    audits_before = len(sql(ctx, "SELECT seq FROM audit_entry"))
    trigger(window, "edit.undo")
    assert state() == ("Old title", {japan})
    assert rec.get(ctx, "project_donor", old_donor)["organisation_id"] == japan
    # one transaction: update + restore + delete
    assert len(sql(ctx, "SELECT seq FROM audit_entry")) == audits_before + 3
    trigger(window, "edit.redo")
    assert state() == ("New title", {norway})
