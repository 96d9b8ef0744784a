"""The create/edit forms over a real vault, driven like an officer would (offscreen Qt)."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from pp_desktop.models import MAX_ATTACHMENT_BYTES
from pp_desktop.services import Services, attachments
from pp_desktop.services import records as rec
from pp_desktop.ui.forms import FORMS
from pp_desktop.ui.forms.code_list_field import CodeListField
from pp_desktop.ui.forms.private_files import OPENED
from pp_desktop.ui.forms.quantity_field import QuantityField
from pp_desktop.ui.forms.record_field import RecordField
from pp_desktop.ui.forms.reference_field import ReferenceField
from pp_desktop.ui.forms.seizure_form import SeizureForm
from pp_desktop.ui.forms.simple_fields import NotesField, TextField
from pp_desktop.ui.session import Session


def sql(ctx: Services, query: str, **params: Any) -> list[dict[str, Any]]:
    with ctx.vault.read() as conn:
        return [dict(r) for r in conn.execute(text(query), params).mappings()]


def ledger(ctx: Services) -> tuple[int, int]:
    rows = sql(
        ctx,
        "SELECT (SELECT count(*) FROM audit_entry) AS a, (SELECT count(*) FROM sync_journal) AS j",
    )
    return rows[0]["a"], rows[0]["j"]


def open_form(qtbot: Any, session: Session, entity: str, rid: str = "") -> Any:
    form = FORMS[entity](session, rid)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def ref(form: Any, name: str) -> ReferenceField:
    editor = form.editor_of(name)
    assert isinstance(editor, ReferenceField)
    return editor


def fill_seizure(
    qtbot: Any, form: SeizureForm, quantity: str = "12,5", place: str = "Hairatan"
) -> None:
    ref(form, "country").set_code("AFG")
    ref(form, "drug").set_code("HEROIN")
    place_edit = form.editor_of("place")
    assert isinstance(place_edit, TextField)
    qtbot.keyClicks(place_edit.edit, place)
    qtbot.keyClicks(form.quantity.amount, quantity)


@pytest.fixture
def no_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records every question/warning box instead of blocking; questions answer Save."""
    asked: list[str] = []

    def question(*args: Any, **kw: Any) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Save

    def warning(*args: Any, **kw: Any) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    return asked


def test_enter_saves_a_new_seizure_with_live_kg(
    qtbot: Any, session: Session, ctx: Services, no_questions: list[str]
) -> None:
    form = open_form(qtbot, session, "seizure")
    fill_seizure(qtbot, form)
    form.editor_of("unit")  # the quantity editor owns the unit
    assert isinstance(form.quantity, QuantityField)
    form.quantity.unit.set_code("G")
    assert form.quantity.kg.text() == "= 0.0125 kg equivalent"
    form.quantity.unit.set_code("KG")
    assert form.quantity.kg.text() == "= 12.5 kg equivalent"
    saved: list[Any] = []
    form.saved.connect(saved.append)

    qtbot.keyClick(form.quantity.amount, Qt.Key.Key_Return)

    assert not form.isVisible() and form.result() == form.DialogCode.Accepted
    assert len(saved) == 1 and saved[0].created
    row = rec.get(ctx, "seizure", saved[0].record_id)
    assert (row["country"], row["drug"], row["place"]) == ("AFG", "HEROIN", "Hairatan")
    assert (row["quantity"], row["kg_equivalent"], row["seized_on"]) == (12.5, 12.5, "2026-11-28")
    assert row["confidentiality"] == "NORMAL"
    assert sql(ctx, "SELECT action FROM audit_entry WHERE entity_id = :i", i=row["id"]) == [
        {"action": "create"}
    ]
    assert no_questions == []


def test_errors_show_in_the_form_and_block_saving(
    qtbot: Any, session: Session, ctx: Services, no_questions: list[str]
) -> None:
    form = open_form(qtbot, session, "seizure")
    before = ledger(ctx)
    ref(form, "country").set_code("AFG")
    form.run_check()  # the debounced check, now
    assert form.banner.isHidden()  # untouched fields are not called mistakes yet

    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert form.isVisible()
    assert not form.banner.isHidden()
    assert "Drug: is required" in form.banner.text()
    assert form.banner.property("severity") == "error"
    assert form.editor_of("drug").property("issue") == "error"  # type: ignore[union-attr]
    assert ledger(ctx) == before
    # typing a bad number is reported as the officer types
    qtbot.keyClicks(form.quantity.amount, "twelve")
    qtbot.waitUntil(lambda: "must be a number" in form.banner.text())


def test_warnings_ask_once_and_cancel_keeps_the_form(
    qtbot: Any, session: Session, ctx: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    asked: list[str] = []

    def question(*args: Any, **kw: Any) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    form = open_form(qtbot, session, "seizure")
    fill_seizure(qtbot, form, quantity="90000")
    before = ledger(ctx)

    assert form.save() is None
    assert len(asked) == 1 and "unusually large" in asked[0]
    assert ledger(ctx) == before
    assert "unusually large" in form.banner.text()

    result = form.save()
    assert result is not None and len(asked) == 2
    assert rec.get(ctx, "seizure", result.record_id)["kg_equivalent"] == 90000.0


def test_save_and_new_then_escape_writes_nothing_more(
    qtbot: Any, session: Session, ctx: Services, no_questions: list[str]
) -> None:
    form = open_form(qtbot, session, "seizure")
    fill_seizure(qtbot, form)
    qtbot.mouseClick(form.save_new_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert form.quantity.amount.text() == ""
    assert ref(form, "country").code() == ""
    assert "Saved" in form.banner.text()
    fill_seizure(qtbot, form, quantity="3", place="Termez")
    qtbot.mouseClick(form.save_new_button, Qt.MouseButton.LeftButton)
    assert sorted(r["place"] for r in sql(ctx, "SELECT place FROM seizure")) == [
        "Hairatan",
        "Termez",
    ]
    before = ledger(ctx)
    fill_seizure(qtbot, form, quantity="7", place="Nowhere")

    qtbot.keyClick(form.quantity.amount, Qt.Key.Key_Escape)

    assert not form.isVisible() and form.result() == form.DialogCode.Rejected
    assert ledger(ctx) == before
    assert len(sql(ctx, "SELECT id FROM seizure")) == 2


def test_duplicate_hint_names_the_recorded_seizure(
    qtbot: Any, session: Session, ctx: Services
) -> None:
    rec.create(
        ctx,
        "seizure",
        {"seized_on": "2026-11-28", "country": "AFG", "drug": "HEROIN", "place": "Hairatan",
         "quantity": 12.0, "unit": "KG"},
    )  # fmt: skip
    form = open_form(qtbot, session, "seizure")
    fill_seizure(qtbot, form, quantity="12,4")
    qtbot.waitUntil(lambda: form.duplicate_hint.isVisible())
    assert "Possibly recorded already" in form.duplicate_hint.text()
    assert "2026-11-28" in form.duplicate_hint.text() and "Hairatan" in form.duplicate_hint.text()
    form.quantity.amount.clear()
    qtbot.keyClicks(form.quantity.amount, "40")
    qtbot.waitUntil(lambda: not form.duplicate_hint.isVisible())


def test_transit_countries_keep_their_order(
    qtbot: Any, session: Session, ctx: Services, no_questions: list[str]
) -> None:
    form = open_form(qtbot, session, "seizure")
    fill_seizure(qtbot, form)
    transit = form.editor_of("transit_countries")
    assert isinstance(transit, CodeListField)
    for code in ("UZB", "TJK"):
        transit.picker.set_code(code)
        qtbot.keyClick(transit.picker.lineEdit(), Qt.Key.Key_Return)  # adds, does not save
    assert form.isVisible()
    assert transit.codes() == ["UZB", "TJK"]
    result = form.save()
    assert result is not None
    assert rec.get(ctx, "seizure", result.record_id)["transit_countries"] == "UZB TJK"


def test_attachment_cap_message_and_stored_file(
    qtbot: Any, session: Session, ctx: Services, tmp_path: Path, no_questions: list[str]
) -> None:
    big = tmp_path / "scan.pdf"
    big.write_bytes(b"\0" * (MAX_ATTACHMENT_BYTES + 1))
    small = tmp_path / "photo.jpg"
    small.write_bytes(b"jpeg bytes")
    form = open_form(qtbot, session, "seizure")
    fill_seizure(qtbot, form)
    panel = form.attachments
    assert panel is not None

    panel.add_files([big, small])

    assert not panel.message.isHidden()
    assert "scan.pdf is 10.5 MB; attachments are limited to 10 MB" in panel.message.text()
    assert [i.name for i in panel.items] == ["photo.jpg"]
    assert sql(ctx, "SELECT id FROM attachment") == []  # nothing before the save
    result = form.save()
    assert result is not None
    stored = sql(ctx, "SELECT id, owner_id, file_name FROM attachment")
    assert [(r["owner_id"], r["file_name"]) for r in stored] == [(result.record_id, "photo.jpg")]
    assert attachments.attachment_bytes(ctx, stored[0]["id"]) == b"jpeg bytes"


def test_open_attachment_into_private_folder_cleared_on_lock(
    qtbot: Any, session: Session, ctx: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    rid = rec.create(
        ctx, "seizure", {"seized_on": "2026-11-01", "country": "AFG", "drug": "OPIUM",
                         "quantity": 1.0}
    ).created[0]  # fmt: skip
    attachments.add_attachment(ctx, "seizure", rid, "report.txt", b"secret report")
    form = open_form(qtbot, session, "seizure", rid)
    panel = form.attachments
    assert panel is not None and [i.name for i in panel.items] == ["report.txt"]
    panel.list.setCurrentRow(0)
    path = panel.open_selected()
    assert path is not None and opened == [str(path)]
    assert path.read_bytes() == b"secret report"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    OPENED.clear()  # what the lock callback does (tests/ui/test_write_actions checks the wiring)
    assert not path.exists() and not path.parent.exists()


def test_removing_an_attachment_happens_on_save(
    qtbot: Any, session: Session, ctx: Services, no_questions: list[str]
) -> None:
    rid = rec.create(
        ctx, "seizure", {"seized_on": "2026-11-01", "country": "AFG", "drug": "OPIUM",
                         "quantity": 1.0}
    ).created[0]  # fmt: skip
    att = attachments.add_attachment(ctx, "seizure", rid, "a.txt", b"a").created[0]
    form = open_form(qtbot, session, "seizure", rid)
    assert form.attachments is not None
    form.attachments.list.setCurrentRow(0)
    form.attachments.remove_selected()
    assert sql(ctx, "SELECT deleted_at FROM attachment")[0]["deleted_at"] is None
    assert form.save() is not None
    assert sql(ctx, "SELECT deleted_at FROM attachment WHERE id = :i", i=att)[0]["deleted_at"]


def test_stale_record_gets_its_own_message(
    qtbot: Any, session: Session, ctx: Services, no_questions: list[str]
) -> None:
    rid = rec.create(
        ctx, "seizure", {"seized_on": "2026-11-01", "country": "AFG", "drug": "OPIUM",
                         "quantity": 1.0, "place": "Old"}
    ).created[0]  # fmt: skip
    form = open_form(qtbot, session, "seizure", rid)
    rec.update(ctx, "seizure", rid, {"place": "Changed elsewhere"})
    place = form.editor_of("place")
    assert isinstance(place, TextField)
    place.edit.clear()
    qtbot.keyClicks(place.edit, "Mine")

    assert form.save() is None

    assert len(no_questions) == 1 and "changed this record after you opened it" in no_questions[0]
    assert "changed this record after you opened it" in form.banner.text()
    assert rec.get(ctx, "seizure", rid)["place"] == "Changed elsewhere"


def test_edit_writes_only_changed_fields(
    qtbot: Any, session: Session, ctx: Services, no_questions: list[str]
) -> None:
    rid = rec.create(
        ctx, "seizure", {"seized_on": "2026-11-01", "country": "AFG", "drug": "OPIUM",
                         "quantity": 1.0, "place": "Old", "transit_countries": "TJK UZB"}
    ).created[0]  # fmt: skip
    form = open_form(qtbot, session, "seizure", rid)
    assert not form.save_new_button.isVisible()
    assert form.quantity.amount.text() == "1"
    notes = form.editor_of("notes")
    assert isinstance(notes, NotesField)
    qtbot.keyClicks(notes.edit, "Found in a fuel tank")
    result = form.save()
    assert result is not None and not result.created
    assert result.before == {"notes": ""} and result.after == {"notes": "Found in a fuel tank"}
    last = sql(ctx, "SELECT action, changes FROM audit_entry ORDER BY seq DESC LIMIT 1")[0]
    assert last["action"] == "update"
    assert json.loads(last["changes"]) == {"notes": ["", "Found in a fuel tank"]}


def test_deleted_record_cannot_be_edited(session: Session, ctx: Services) -> None:
    from pp_desktop.services.errors import NotFound

    rid = rec.create(
        ctx, "seizure", {"seized_on": "2026-11-01", "country": "AFG", "drug": "OPIUM",
                         "quantity": 1.0}
    ).created[0]  # fmt: skip
    rec.delete(ctx, "seizure", [rid])
    with pytest.raises(NotFound):
        SeizureForm(session, rid)


def test_project_with_donors_is_saved_in_one_go(
    qtbot: Any, session: Session, ctx: Services, no_questions: list[str]
) -> None:
    org = rec.create(ctx, "organisation", {"name": "Government of Japan", "kind": "10"}).created[0]
    form = open_form(qtbot, session, "project")
    for name, value in (("identifier", "XM-DAC-41128-PP-9"), ("title", "Border offices")):
        editor = form.editor_of(name)
        assert isinstance(editor, TextField)
        qtbot.keyClicks(editor.edit, value)
    donor, amount, _currency = form.donors.editors
    assert isinstance(donor, RecordField)
    donor.set_record_id(org)
    qtbot.keyClicks(amount.edit, "250000")  # type: ignore[attr-defined]
    assert form.donors.add_entered()
    assert "Government of Japan" in form.donors.list.item(0).text()

    result = form.save()

    assert result is not None
    donors = sql(ctx, "SELECT project_id, organisation_id, amount, currency FROM project_donor")
    assert donors == [
        {"project_id": result.record_id, "organisation_id": org, "amount": 250000.0,
         "currency": "USD"}
    ]  # fmt: skip
    # reopening lists the stored donor; removing it deletes it on save
    again = open_form(qtbot, session, "project", result.record_id)
    assert again.donors.list.count() == 1
    again.donors.list.setCurrentRow(0)
    again.donors.remove_selected()
    assert again.save() is not None
    assert sql(ctx, "SELECT count(*) AS n FROM project_donor WHERE deleted_at IS NULL")[0]["n"] == 0


def test_recommendation_with_progress_note_and_linked_project(
    qtbot: Any, session: Session, ctx: Services, no_questions: list[str]
) -> None:
    project = rec.create(ctx, "project", {"identifier": "XM-1", "title": "Liaison"}).created[0]
    form = open_form(qtbot, session, "recommendation")
    code = form.editor_of("code")
    body = form.editor_of("text")
    assert isinstance(code, TextField) and isinstance(body, NotesField)
    qtbot.keyClicks(code.edit, "EWG-2026-01")
    qtbot.keyClicks(body.edit, "Share seizure data monthly.")
    _date, note = form.notes.editors
    qtbot.keyClicks(note.edit, "First meeting held.")  # type: ignore[attr-defined]
    qtbot.keyClick(note.edit, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert form.isVisible()  # Enter added the note; it did not save the form
    assert form.notes.list.count() == 1 and note.edit.text() == ""  # type: ignore[attr-defined]
    (link,) = form.links.editors
    assert isinstance(link, RecordField)
    link.set_record_id(project)
    assert form.links.add_entered()
    assert "XM-1" in form.links.list.item(0).text()

    result = form.save()

    assert result is not None
    notes = sql(ctx, "SELECT recommendation_id, noted_on, note FROM progress_note")
    assert notes == [
        {"recommendation_id": result.record_id, "noted_on": "2026-11-28",
         "note": "First meeting held."}
    ]  # fmt: skip
    links = sql(ctx, "SELECT recommendation_id, project_id FROM recommendation_project")
    assert links == [{"recommendation_id": result.record_id, "project_id": project}]


def test_a_child_with_errors_is_not_queued(qtbot: Any, session: Session) -> None:
    form = open_form(qtbot, session, "recommendation")
    assert not form.notes.add_entered()  # an empty note
    assert form.notes.message.text() == "• Note: is required."
    assert form.notes.list.count() == 0


@pytest.mark.parametrize("entity", sorted(FORMS))
def test_every_form_opens_and_cancels_without_writing(
    qtbot: Any, session: Session, ctx: Services, entity: str
) -> None:
    before = ledger(ctx)
    form = open_form(qtbot, session, entity)
    assert form.objectName() == f"{entity}Form"
    assert form.save_button.isDefault()
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert ledger(ctx) == before


def test_contact_organisation_and_price_forms_save(
    qtbot: Any, session: Session, ctx: Services, no_questions: list[str]
) -> None:
    org_form = open_form(qtbot, session, "organisation")
    qtbot.keyClicks(org_form.editor_of("name").edit, "Border Police")
    org = org_form.save()
    assert org is not None
    contact_form = open_form(qtbot, session, "contact")
    qtbot.keyClicks(contact_form.editor_of("name").edit, "A. Karimov")
    contact_form.editor_of("organisation_id").set_record_id(org.record_id)
    qtbot.keyClicks(contact_form.editor_of("email").edit, "not-an-address")
    assert contact_form.save() is None
    assert "e-mail" in contact_form.banner.text()
    contact_form.editor_of("email").edit.clear()
    contact = contact_form.save()
    assert contact is not None
    assert rec.get(ctx, "contact", contact.record_id)["organisation_id"] == org.record_id
    price_form = open_form(qtbot, session, "price")
    ref(price_form, "country").set_code("TJK")
    ref(price_form, "drug").set_code("HEROIN")
    qtbot.keyClicks(price_form.editor_of("price_typical").edit, "3000")
    price = price_form.save()
    assert price is not None
    assert rec.get(ctx, "price", price.record_id)["price_typical"] == 3000.0


def test_tab_order_follows_the_layout(qtbot: Any, session: Session) -> None:
    form = open_form(qtbot, session, "seizure")
    place = form.editor_of("place")
    latitude = form.editor_of("latitude")
    assert isinstance(place, TextField)
    place.edit.setFocus()
    qtbot.waitUntil(place.edit.hasFocus)
    qtbot.keyClick(place.edit, Qt.Key.Key_Tab)
    assert latitude is not None and latitude.focusProxy().hasFocus()
    form.quantity.amount.setFocus()
    qtbot.waitUntil(form.quantity.amount.hasFocus)
    qtbot.keyClick(form.quantity.amount, Qt.Key.Key_Tab)
    assert form.quantity.unit.hasFocus()


def test_reference_field_type_ahead(qtbot: Any, session: Session) -> None:
    form = open_form(qtbot, session, "seizure")
    country = ref(form, "country")
    line = country.combo.lineEdit()
    completer = country.combo.completer()
    line.setFocus()
    qtbot.keyClicks(line, "tajik")  # part of the label, any case
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    shown = [
        completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())
    ]
    assert shown == ["TJK — Tajikistan"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert country.code() == "TJK"
    line.selectAll()
    qtbot.keyClicks(line, "no such country")
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert country.code() == "TJK"  # text naming no entry goes back to the choice


def test_provinces_are_narrowed_to_the_country(qtbot: Any, session: Session) -> None:
    form = open_form(qtbot, session, "seizure")
    province = ref(form, "province")
    everything = province.combo.count()
    ref(form, "country").set_code("TJK")
    offered = [province.combo.itemData(i) for i in range(1, province.combo.count())]
    assert 0 < len(offered) < everything - 1
    parents = session.ctx.refs().codes["province"]
    assert all(parents[code][0] == "TJK" for code in offered)


def _stored_values(ctx: Services, entity: str) -> dict[str, Any]:
    from tests.services import conftest as factories

    org = rec.create(ctx, "organisation", {"name": "UNODC", "kind": "40"}).created[0]
    contact = rec.create(ctx, "contact", {"name": "A. Karimov", "organisation_id": org})
    values: dict[str, Any] = {
        "seizure": factories.seizure(
            transit_countries="UZB TJK", nationalities="AFG", persons_arrested=2,
            purity_pct=61.5, notes="Line one\nline two", source_ref="UNODC DMS",
        ),
        "price": factories.price(period_end="2026-10-31", purity_typical=40.0),
        "project": factories.project(
            implementing_org_id=org, contact_id=contact.created[0], actual_start="2025-02-01"
        ),
        "recommendation": factories.recommendation(follow_up_due="2027-01-31"),
        "organisation": {"name": "Border Police", "acronym": "BP", "kind": "10", "country": "TJK"},
        "contact": {"name": "B. Rahimov", "organisation_id": org, "email": "b@example.org"},
    }[entity]  # fmt: skip
    return values


@pytest.mark.parametrize("entity", sorted(FORMS))
def test_saving_an_unchanged_record_writes_nothing(
    qtbot: Any, session: Session, ctx: Services, entity: str, no_questions: list[str]
) -> None:
    rid = rec.create(ctx, entity, _stored_values(ctx, entity)).created[0]
    before = ledger(ctx)
    form = open_form(qtbot, session, entity, rid)
    assert form.changes() == ({}, {})
    result = form.save()
    assert result is not None and result.after == {}
    assert ledger(ctx) == before
    assert rec.get(ctx, entity, rid)["version"] == 1


def test_typing_starts_in_the_first_field(qtbot: Any, session: Session) -> None:
    from PySide6.QtWidgets import QApplication

    form = open_form(qtbot, session, "seizure")
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    first = form.editor_of("seized_on")
    assert first is not None
    focused = QApplication.focusWidget()
    assert focused is first.focusProxy() or first.focusProxy().isAncestorOf(focused)


def test_screenshot_of_the_form_with_findings(qtbot: Any, session: Session, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    from pp_desktop.ui.forms.screenshot import SIZE, fill_with_findings, render_seizure_form

    form = open_form(qtbot, session, "seizure")
    fill_with_findings(form)
    assert "AF-BAL is not a province of TJK" in form.banner.text()
    assert "62,000 kg is unusually large" in form.banner.text()
    path = render_seizure_form(session, tmp_path)
    image = QImage(str(path))
    assert (image.width(), image.height()) == SIZE
