"""Workbook export, re-read by python-calamine (an independent reader) and checked against SQL."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet import _writer as sheet_writer

from pp_desktop.exchange.excel.errors import ExchangeError, ExportCancelled
from pp_desktop.exchange.excel.source import VaultSource
from pp_desktop.exchange.excel.workbook import ExportOptions, expand, export_workbook
from pp_desktop.services import Services, stats
from pp_desktop.services import records as rec
from pp_desktop.services.fields import field_names
from pp_desktop.services.queries import ListQuery
from tests.exchange.test_excel_support import (
    ALL,
    db_rows,
    expected_cell,
    export,
    fill,
    labels,
    sheet,
    sheet_names,
)

TABLES = {"price": "price_observation"}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_data_sheet_reads_back_equal_to_the_vault(
    ctx: Services, tmp_path: Path, lang: str
) -> None:
    fill(ctx)
    out = tmp_path / "export.xlsx"
    result = export(ctx, out, entities=list(ALL), lang=lang)
    assert set(result.rows) == set(ALL)
    names = sheet_names(out)
    summary, about, lists = (
        ("Summary", "About", "Lists") if lang == "en" else ("Сводка", "О файле", "Списки")
    )
    assert names[0] == summary and names[-2:] == [about, lists]
    for entity, sheet_title in zip(ALL, names[1:-2], strict=True):
        rows = sheet(out, sheet_title)
        header, data = rows[0], rows[1:]
        fields = field_names(entity)
        assert [h.rsplit("(", 1)[1].rstrip(")") for h in header] == ["id", "version", *fields]
        where = "deleted_at IS NULL"
        if "confidentiality" in fields:
            where += " AND confidentiality = 'NORMAL'"  # restricted ones stay home by default
        expected = db_rows(ctx, TABLES.get(entity, entity), where)
        assert len(data) == len(expected) > 0, entity
        got = {r[0]: r for r in data}
        for record in expected:
            row = got[record["id"]]
            assert row[1] == float(record["version"])
            for i, f in enumerate(fields, 2):
                want = expected_cell(ctx, entity, f, record[f], lang)
                assert row[i] == want, (entity, f, record[f], row[i])


def test_summary_totals_match_the_statistics_service(ctx: Services, tmp_path: Path) -> None:
    fill(ctx)
    out = tmp_path / "e.xlsx"
    export(ctx, out)
    rows = sheet(out, "Summary")
    q = ListQuery("seizure", filters={"confidentiality": ["NORMAL"]})
    by_drug_month = stats.seizures_by_drug_month(ctx, q)
    months = sorted({m for _d, m, _k, _n in by_drug_month})
    assert rows[1] == ["Drug", *months, "Total"]
    drug_labels = labels(ctx, "drug")
    total_row = next(r for r in rows[2:] if r[0] == "Total")
    grand = sum(kg for _d, _m, kg, _n in by_drug_month)
    assert total_row[len(months) + 1] == pytest.approx(grand)
    drug = by_drug_month[0][0]
    drug_row = next(r for r in rows if r[0] == f"{drug} — {drug_labels[drug]}")
    want = sum(kg for d, _m, kg, _n in by_drug_month if d == drug)
    assert drug_row[len(months) + 1] == pytest.approx(want)
    by_status = stats.recommendations_by_status(ctx)
    status_rows = {r[0].split(" — ")[0]: r[1] for r in rows if r and str(r[0])[:4].isupper()}
    for status, n in by_status.items():
        assert status_rows[status] == n


def test_about_sheet_and_workbook_properties(ctx: Services, tmp_path: Path) -> None:
    fill(ctx)
    out = tmp_path / "e.xlsx"
    result = export(ctx, out)
    about = {r[0]: r[1] for r in sheet(out, "About")}
    assert about["Officer"] == "Test Officer"
    assert about["Application"].startswith("pp-desktop ")
    assert about["Rows in sheet Seizures"] == result.sheets["Seizures"]
    assert "confidentiality: NORMAL" in about["Filters"]
    wb = load_workbook(out, read_only=True)
    assert wb.properties.creator == "Test Officer"
    assert wb.properties.title == "Paris Pact data export"
    assert wb["Lists"].sheet_state == "hidden"


def test_tables_frozen_header_and_drop_downs_are_in_the_file(ctx: Services, tmp_path: Path) -> None:
    fill(ctx)
    out = tmp_path / "e.xlsx"
    export(ctx, out, entities=["seizure"])
    with zipfile.ZipFile(out) as zf:
        xml = zf.read("xl/worksheets/sheet2.xml").decode()
        tables = [n for n in zf.namelist() if n.startswith("xl/tables/")]
        table_xml = zf.read(tables[0]).decode()
    assert 'pane xSplit="2" ySplit="1"' in xml and 'state="frozen"' in xml
    assert "<dataValidation" in xml and "Lists" in xml
    assert 'name="TableStyleMedium2"' in table_xml
    assert "Date of seizure (seized_on)" in table_xml
    n = len(sheet(out, "Seizures"))
    assert f'ref="A1:AA{n}"' in table_xml


def test_split_at_the_row_limit_never_truncates(ctx: Services, tmp_path: Path) -> None:
    fill(ctx)
    out = tmp_path / "e.xlsx"
    result = export(ctx, out, entities=["seizure"], max_rows=25)
    total = result.rows["seizure"]
    assert total > 50
    parts = [n for n in sheet_names(out) if n.startswith("Seizures")]
    assert parts == ["Seizures", "Seizures (2)", "Seizures (3)"]
    ids = [r[0] for p in parts for r in sheet(out, p)[1:]]
    assert [len(sheet(out, p)) - 1 for p in parts] == [25, 25, total - 50]
    assert len(set(ids)) == total


def test_cancel_leaves_no_file_and_no_temporary_file(ctx: Services, tmp_path: Path) -> None:
    fill(ctx, seizures=2500)  # over 1000 rows: the cancel check runs every 1000
    out = tmp_path / "e.xlsx"
    out.write_bytes(b"the previous export")
    seen: list[list[str]] = []

    def progress(done: int, total: int) -> None:
        seen.append(sorted(p.name for p in tmp_path.iterdir()))

    with pytest.raises(ExportCancelled):
        export(ctx, out, progress=progress, cancelled=lambda: bool(seen))
    assert out.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.xlsx", "vault"]
    assert not [p for p in sheet_writer.ALL_TEMP_FILES if str(tmp_path) in p]


def test_temporary_files_live_beside_the_target(ctx: Services, tmp_path: Path) -> None:
    fill(ctx, seizures=2500)
    out = tmp_path / "e.xlsx"
    during: list[list[Path]] = []

    def progress(done: int, total: int) -> None:
        during.append([p for p in tmp_path.glob(".e.xlsx.*.part/*")])

    export(ctx, out, progress=progress)
    assert during and all(any(p.name.startswith("sheet.") for p in d) for d in during)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.xlsx", "vault"]


def test_progress_reaches_the_total(ctx: Services, tmp_path: Path) -> None:
    fill(ctx)
    calls: list[tuple[int, int]] = []
    result = export(ctx, tmp_path / "e.xlsx", progress=lambda d, t: calls.append((d, t)))
    total = sum(result.rows.values())
    assert calls[-1] == (total, total)
    assert [d for d, _t in calls] == sorted(d for d, _t in calls)


def test_redaction_leaves_notes_and_personal_data_out(ctx: Services, tmp_path: Path) -> None:
    fill(ctx)
    out = tmp_path / "e.xlsx"
    export(ctx, out, entities=["seizure", "contact"], redact=True)
    seizure_header = sheet(out, "Seizures")[0]
    contact_header = sheet(out, "Contacts")[0]
    assert not any("(notes)" in h for h in seizure_header)
    assert [h.rsplit("(", 1)[1] for h in contact_header] == [
        "id)",
        "version)",
        "organisation_id)",
        "role)",
    ]


def test_restricted_records_only_when_asked_for(ctx: Services, tmp_path: Path) -> None:
    fill(ctx)
    levels = {r["confidentiality"] for r in db_rows(ctx, "seizure")}
    assert "RESTRICTED" in levels or "CONFIDENTIAL" in levels
    out = tmp_path / "e.xlsx"
    export_workbook(
        VaultSource(ctx, levels={"NORMAL", "RESTRICTED", "CONFIDENTIAL"}),
        out,
        ExportOptions(entities=["seizure"]),
    )
    assert len(sheet(out, "Seizures")) - 1 == len(db_rows(ctx, "seizure"))


def test_list_filters_apply(ctx: Services, tmp_path: Path) -> None:
    fill(ctx)
    out = tmp_path / "e.xlsx"
    q = ListQuery("seizure", filters={"drug": "HEROIN"})
    export_workbook(VaultSource(ctx, {"seizure": q}), out, ExportOptions(entities=["seizure"]))
    rows = sheet(out, "Seizures")[1:]
    want = db_rows(
        ctx, "seizure", "deleted_at IS NULL AND drug='HEROIN' AND confidentiality='NORMAL'"
    )
    assert len(rows) == len(want) > 0
    assert {r[10] for r in rows} == {"HEROIN — Heroin"}
    about = {r[0]: r[1] for r in sheet(out, "About")}
    assert "drug=HEROIN" in about["Filters"]


def test_text_that_looks_like_a_formula_stays_text(ctx: Services, tmp_path: Path) -> None:
    cs = rec.create(
        ctx,
        "seizure",
        {
            "seized_on": "2026-05-01",
            "country": "TJK",
            "drug": "HEROIN",
            "quantity": 2.5,
            "place": '=HYPERLINK("http://x")',
            "notes": "bell\x07 rings",
        },
    )
    out = tmp_path / "e.xlsx"
    export(ctx, out, entities=["seizure"])
    row = sheet(out, "Seizures")[1]
    assert row[0] == cs.created[0]
    assert row[5] == '=HYPERLINK("http://x")'
    assert row[-1] == "bell rings"  # a control character an xlsx file cannot hold is dropped
    with zipfile.ZipFile(out) as zf:
        assert "<f>" not in zf.read("xl/worksheets/sheet2.xml").decode()


def test_template_has_headers_lists_and_no_rows(ctx: Services, tmp_path: Path) -> None:
    fill(ctx)
    out = tmp_path / "t.xlsx"
    export(ctx, out, template=True, lang="ru")
    names = sheet_names(out)
    assert names[0] == "Изъятия" and "Сводка" not in names
    rows = sheet(out, "Изъятия")
    assert len(rows) == 1 and rows[0][2] == "Дата изъятия (seized_on)"
    assert load_workbook(out, read_only=True).properties.title == "Paris Pact data template"


def test_bad_requests_are_typed_errors(ctx: Services, tmp_path: Path) -> None:
    with pytest.raises(ExchangeError, match=r"\.xlsx"):
        export(ctx, tmp_path / "e.txt")
    with pytest.raises(ExchangeError, match="Unknown kind"):
        expand(["weapons"])
    assert expand(["projects", "seizure"]) == ["seizure", "project", "project_donor"]
    assert "contact" not in expand(None)
