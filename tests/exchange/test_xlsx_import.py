"""Import of workbooks as counterparts send them back: edited with openpyxl, the way Excel
users edit (changed cells, added and deleted rows, Russian headers, dates as text)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment

from pp_desktop.exchange.excel.commit import commit_import
from pp_desktop.exchange.excel.errors import ImportHasErrors
from pp_desktop.exchange.excel.preview import preview_import
from pp_desktop.exchange.excel.report import write_error_report
from pp_desktop.services import Services, StaleRecord
from pp_desktop.services import records as rec
from tests.exchange.test_excel_support import ALL, audit_count, db_rows, export, fill, sheet

TABLES = {"price": "price_observation"}


def col(ws: Any, code: str) -> int:
    """1-based column of field ``code`` (headers read "Label (code)")."""
    for cell in ws[1]:
        if str(cell.value).endswith(f"({code})"):
            return int(cell.column)
    raise KeyError(code)


def row_of(ws: Any, rid: str) -> int:
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value == rid:
            return r
    raise KeyError(rid)


def snapshot(ctx: Services) -> dict[str, list[dict[str, Any]]]:
    return {e: db_rows(ctx, TABLES.get(e, e), "1=1") for e in ALL}


def test_round_trip_changes_nothing(ctx: Services, tmp_path: Path) -> None:
    fill(ctx)
    out = tmp_path / "e.xlsx"
    export(ctx, out, entities=list(ALL))
    before, audits = snapshot(ctx), audit_count(ctx)
    plan = preview_import(ctx, out)
    totals = plan.totals()
    assert totals["new"] == totals["updated"] == totals["errors"] == 0
    assert totals["unchanged"] == sum(len(sheet(out, s.sheet)) - 1 for s in plan.sheets) > 100
    changes = commit_import(ctx, plan)
    assert all(not c.ids for c in changes.values())
    assert snapshot(ctx) == before and audit_count(ctx) == audits


def test_counterpart_edits_import_exactly_the_intended_changes(
    ctx: Services, tmp_path: Path
) -> None:
    fill(ctx)
    out = tmp_path / "e.xlsx"
    export(ctx, out, entities=["seizure", "price"], lang="ru")
    seizures = db_rows(ctx, "seizure", "deleted_at IS NULL AND confidentiality='NORMAL'")
    edited_id, place_id, deleted_id = seizures[3]["id"], seizures[4]["id"], seizures[5]["id"]

    wb = load_workbook(out)
    ws = wb["Изъятия"]
    ws.cell(row_of(ws, edited_id), col(ws, "quantity")).value = "1 234,5"  # text, comma decimal
    ws.cell(row_of(ws, edited_id), col(ws, "unit")).value = "G"  # a bare code
    ws.cell(row_of(ws, place_id), col(ws, "place")).value = "  Новый пост  "
    ws.delete_rows(row_of(ws, deleted_id))  # deleting a row deletes nothing in the vault
    new = ws.max_row + 2  # an empty row in between
    values = {
        "seized_on": "05.03.2026",  # date as text, day first
        "country": "Таджикистан",  # a label instead of a code
        "province": "TJ-GB",
        "drug": "OPIUM — Опий",
        "quantity": "12",
        "unit": "KG",
        "persons_arrested": "2",
        "notes": "not known",
        "transit_countries": "AFG, UZB",
    }
    for code, value in values.items():
        ws.cell(new, col(ws, code)).value = value
    wb.save(out)
    audits = audit_count(ctx)

    plan = preview_import(ctx, out)
    by_sheet = {s.sheet: s for s in plan.sheets}
    assert (by_sheet["Изъятия"].new, by_sheet["Изъятия"].updated) == (1, 2)
    assert by_sheet["Изъятия"].errors == 0 and by_sheet["Цены"].updated == 0
    assert by_sheet["Изъятия"].unchanged == len(seizures) - 3
    changes = commit_import(ctx, plan)
    assert changes["seizure"].updated == [edited_id, place_id]
    assert audit_count(ctx) == audits + 3

    after = {r["id"]: r for r in db_rows(ctx, "seizure")}
    assert after[edited_id]["quantity"] == 1234.5 and after[edited_id]["unit"] == "G"
    assert after[edited_id]["kg_equivalent"] == pytest.approx(1.2345)
    assert after[edited_id]["version"] == 2
    assert after[place_id]["place"] == "Новый пост"
    assert after[deleted_id]["deleted_at"] is None
    created = after[changes["seizure"].created[0]]
    assert (created["seized_on"], created["country"], created["drug"]) == (
        "2026-03-05",
        "TJK",
        "OPIUM",
    )
    assert created["quantity"] == 12.0 and created["persons_arrested"] == 2
    assert created["transit_countries"] == "AFG UZB" and created["notes"] == ""
    assert created["site_type"] == "NOT_KNOWN"  # column left empty: the default

    # the same file again changes nothing (the new row is recognised, the edits are in)
    before = snapshot(ctx)
    again = preview_import(ctx, out)
    assert again.totals()["new"] == again.totals()["updated"] == 0
    commit_import(ctx, again)
    assert snapshot(ctx) == before


def test_columns_in_any_order_extra_columns_title_rows_and_hidden_sheets(
    ctx: Services, tmp_path: Path
) -> None:
    fill(ctx)
    out = tmp_path / "e.xlsx"
    export(ctx, out, entities=["organisation"])
    src = load_workbook(out)["Organisations"]
    rows = [[c.value for c in r] for r in src.iter_rows()]
    order = list(reversed(range(len(rows[0]))))
    wb = Workbook()
    ws = wb.active
    ws.title = "Organisations"
    ws.sheet_state = "hidden"
    wb.create_sheet("Cover")
    ws.append(["Organisations sent back by the Drug Control Agency"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=5)  # a merged title
    ws.append([rows[0][i] for i in order] + ["Comment of the agency"])
    for r in rows[1:]:
        ws.append([r[i] for i in order] + ["checked"])
    ws.append([])
    ws.append(["--"] * len(order))  # a row of dashes is an empty row
    wb.save(out)
    plan = preview_import(ctx, out)
    assert plan.totals() == {
        "new": 0,
        "updated": 0,
        "unchanged": len(rows) - 1,
        "warnings": 0,
        "errors": 0,
    }
    assert any("Comment of the agency" in n for n in plan.notes)
    assert any("Cover" in n for n in plan.notes)


def test_dates_and_numbers_as_real_spreadsheets_hold_them(ctx: Services, tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    export(ctx, out, entities=["seizure"], template=True)
    wb = load_workbook(out)
    ws = wb["Seizures"]
    cases = [
        (46086, "5,000.25", "2026-03-05", 5000.25),  # an Excel serial; thousands separator
        ("2026-03-06", "1.234.567,5", "2026-03-06", 1234567.5),
        ("7/3/2026", " 42 ", "2026-03-07", 42.0),
        ("8 Mar 2026", "3,5", "2026-03-08", 3.5),
    ]
    for i, (day, qty, _d, _q) in enumerate(cases, 2):
        ws.cell(i, col(ws, "seized_on")).value = day
        ws.cell(i, col(ws, "country")).value = "TJK "
        ws.cell(i, col(ws, "drug")).value = "heroin"
        ws.cell(i, col(ws, "quantity")).value = qty
        ws.cell(i, col(ws, "persons_arrested")).value = "not known"
    wb.save(out)
    plan = preview_import(ctx, out)
    assert plan.totals()["new"] == 4 and plan.error_count == 0, plan.issues
    commit_import(ctx, plan)
    got = sorted(
        (r["seized_on"], r["quantity"], r["persons_arrested"]) for r in db_rows(ctx, "seizure")
    )
    assert got == [(d, q, None) for _day, _qty, d, q in cases]


def test_errors_block_everything_and_the_report_marks_the_cells(
    ctx: Services, tmp_path: Path
) -> None:
    fill(ctx)
    out = tmp_path / "e.xlsx"
    export(ctx, out, entities=["seizure"])
    wb = load_workbook(out)
    ws = wb["Seizures"]
    first = ws.cell(2, 1).value
    ws.cell(2, col(ws, "place")).value = "Changed but blocked"
    ws.cell(3, col(ws, "country")).value = "XXX"
    ws.cell(4, col(ws, "quantity")).value = "a lot"
    ws.cell(5, col(ws, "seized_on")).value = "31.02.2026"
    new = ws.max_row + 1
    ws.cell(new, col(ws, "country")).value = "TJK"
    ws.cell(new, col(ws, "quantity")).value = 5
    wb.save(out)
    before = snapshot(ctx)
    plan = preview_import(ctx, out)
    assert plan.error_count == 4
    messages = {(i.row, i.column): i.message for i in plan.issues if i.severity == "error"}
    assert "not a known country" in messages[(3, "country")]
    assert messages[(4, "quantity")] == "must be a number."
    assert "not a date" in messages[(5, "seized_on")]
    assert (new, "seized_on") in messages and (new, "drug") in messages
    with pytest.raises(ImportHasErrors):
        commit_import(ctx, plan)
    assert snapshot(ctx) == before
    assert rec.get(ctx, "seizure", first)["place"] != "Changed but blocked"

    report = tmp_path / "report.xlsx"
    write_error_report(plan, report)
    errors = sheet(report, "Errors")
    assert errors[0] == ["Sheet", "Row", "Column", "Value", "Severity", "Message"]
    assert errors[1][:5] == ["Seizures", 3.0, "country", "XXX", "error"]
    marked = load_workbook(report)["Seizures"]
    bad = marked.cell(4, col(marked, "quantity"))
    assert bad.value == "a lot" and bad.fill.fgColor.rgb.endswith("FFC7CE")
    assert isinstance(bad.comment, Comment) and "number" in bad.comment.text
    assert marked.cell(6, col(marked, "place")).fill.fgColor.rgb == "00000000"  # good cell
    assert marked.max_row == ws.max_row  # every row as read


def test_changes_since_the_export_merge_like_sync_or_conflict(
    ctx: Services, tmp_path: Path
) -> None:
    fill(ctx)
    out = tmp_path / "e.xlsx"
    export(ctx, out, entities=["organisation"])
    orgs = db_rows(ctx, "organisation")
    same_field, untouched, disjoint = orgs[0]["id"], orgs[1]["id"], orgs[2]["id"]
    for rid in (same_field, untouched, disjoint):
        rec.update(ctx, "organisation", rid, {"acronym": "VAULT"})
    wb = load_workbook(out)
    ws = wb["Organisations"]
    ws.cell(row_of(ws, same_field), col(ws, "acronym")).value = "SHEET"
    ws.cell(row_of(ws, disjoint), col(ws, "name")).value = "Renamed in the workbook"
    wb.save(out)

    plan = preview_import(ctx, out)
    assert plan.error_count == 1
    issue = next(i for i in plan.issues if i.severity == "error")
    assert issue.column == "version" and "conflict: acronym changed" in issue.message
    assert plan.sheets[0].updated == 1 and plan.sheets[0].unchanged == len(orgs) - 2

    ws.cell(row_of(ws, same_field), col(ws, "acronym")).value = orgs[0]["acronym"]
    wb.save(out)
    commit_import(ctx, preview_import(ctx, out))
    after = {r["id"]: r for r in db_rows(ctx, "organisation")}
    assert after[same_field]["acronym"] == after[untouched]["acronym"] == "VAULT"
    assert after[disjoint]["acronym"] == "VAULT"  # the vault's change is kept...
    assert after[disjoint]["name"] == "Renamed in the workbook"  # ...and the sheet's merged


def test_a_change_between_preview_and_commit_rolls_everything_back(
    ctx: Services, tmp_path: Path
) -> None:
    fill(ctx)
    out = tmp_path / "e.xlsx"
    export(ctx, out, entities=["organisation"])
    orgs = db_rows(ctx, "organisation")
    wb = load_workbook(out)
    ws = wb["Organisations"]
    ws.cell(row_of(ws, orgs[0]["id"]), col(ws, "acronym")).value = "NEW1"
    ws.cell(row_of(ws, orgs[1]["id"]), col(ws, "acronym")).value = "NEW2"
    ws.append([None, None, "A brand new agency"])
    wb.save(out)
    plan = preview_import(ctx, out)
    assert plan.totals()["updated"] == 2 and plan.totals()["new"] == 1
    rec.update(ctx, "organisation", orgs[1]["id"], {"acronym": "MEANWHILE"})
    before = snapshot(ctx)
    with pytest.raises(StaleRecord):
        commit_import(ctx, plan)
    assert snapshot(ctx) == before


def test_unknown_and_duplicate_ids_are_errors(ctx: Services, tmp_path: Path) -> None:
    fill(ctx)
    out = tmp_path / "e.xlsx"
    export(ctx, out, entities=["organisation"])
    wb = load_workbook(out)
    ws = wb["Organisations"]
    ws.cell(2, 1).value = "01a2ffff-0000-7000-8000-000000000000"
    ws.cell(4, 1).value = ws.cell(3, 1).value
    wb.save(out)
    plan = preview_import(ctx, out)
    msgs = sorted(i.message for i in plan.issues)
    assert plan.error_count == 2
    assert any("no record with this id" in m for m in msgs)
    assert any("twice" in m for m in msgs)


def test_a_mapping_for_a_counterparts_own_layout_is_remembered(
    ctx: Services, tmp_path: Path
) -> None:
    from pp_desktop.exchange.excel.mapping import read_mapping_file, remembered

    wb = Workbook()
    ws = wb.active
    ws.title = "Лист1"
    ws.append(["Дата", "Страна", "Наркотик", "Вес", "Ед.", "Примечание агентства"])
    ws.append(["01.10.2026", "TJK", "Героин", 3.5, "кг", "x"])
    ws.append(["02.10.2026", "KGZ", "Опий", "1 200", "г", "y"])
    out = tmp_path / "agency.xlsx"
    wb.save(out)
    mapping = tmp_path / "agency.json"
    mapping.write_text(
        json.dumps(
            {
                "source": "DCA Tajikistan",
                "sheets": [
                    {
                        "entity": "seizure",
                        "columns": {
                            "Дата": "seized_on",
                            "Страна": "country",
                            "Наркотик": "drug",
                            "Вес": "quantity",
                            "Ед.": "unit",
                        },
                    }
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    source, mappings = read_mapping_file(mapping)
    plan = preview_import(ctx, out, mappings, source)
    assert plan.totals()["new"] == 2 and plan.error_count == 0, plan.issues
    commit_import(ctx, plan)
    got = sorted((r["country"], r["drug"], r["kg_equivalent"]) for r in db_rows(ctx, "seizure"))
    assert got == [("KGZ", "OPIUM", 1.2), ("TJK", "HEROIN", 3.5)]
    kept = remembered(ctx)
    assert list(kept) == ["DCA Tajikistan"] and kept["DCA Tajikistan"][0].entity == "seizure"
    # without the file, the remembered layout reads the next workbook of that source
    plan2 = preview_import(ctx, out, kept["DCA Tajikistan"])
    assert plan2.totals()["unchanged"] == 2
