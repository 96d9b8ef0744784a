"""LibreOffice opens what the export writes, and what LibreOffice saves imports (real formulas
with cached values, real old .xls files). Each run has its own LibreOffice profile."""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pp_desktop.exchange.excel.commit import commit_import
from pp_desktop.exchange.excel.errors import ImportRefused
from pp_desktop.exchange.excel.preview import preview_import
from pp_desktop.services import Services
from tests.exchange.test_excel_support import ALL, db_rows, export, fill

pytestmark = pytest.mark.slow
ALL_SHEETS_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def libreoffice(tmp_path: Path, target: str, src: Path, outdir: Path) -> str:
    profile = tmp_path / "lo-profile"
    done = subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(src),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stderr, done.stderr
    return done.stdout


def test_libreoffice_reads_every_sheet_with_the_expected_rows(
    ctx: Services, tmp_path: Path
) -> None:
    fill(ctx)
    out = tmp_path / "e.xlsx"
    result = export(ctx, out, entities=list(ALL), lang="ru")
    outdir = tmp_path / "csv"
    libreoffice(tmp_path, ALL_SHEETS_CSV, out, outdir)
    for name, n in result.sheets.items():
        with (outdir / f"e-{name}.csv").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert len(rows) == n + 1, name
    with (outdir / "e-Изъятия.csv").open(encoding="utf-8", newline="") as fh:
        seizures = {r[0]: r for r in csv.reader(fh)}
    for record in db_rows(ctx, "seizure", "deleted_at IS NULL AND confidentiality='NORMAL'"):
        row = seizures[record["id"]]
        assert row[2] == record["seized_on"]  # a real date, shown in the column's format
        assert row[10].startswith(record["drug"] + " — ")
        if record["quantity"] is not None:
            assert float(row[12]) == pytest.approx(record["quantity"])
    with (outdir / "e-Сводка.csv").open(encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh))[0].startswith("Изъятия по наркотикам")


def test_a_workbook_saved_by_libreoffice_imports_with_formula_values(
    ctx: Services, tmp_path: Path
) -> None:
    fill(ctx)
    out = tmp_path / "e.xlsx"
    export(ctx, out, entities=["seizure"])
    wb = load_workbook(out)
    ws = wb["Seizures"]
    header = [str(c.value) for c in ws[1]]
    qty = header.index("Quantity (quantity)") + 1
    rid = ws.cell(2, 1).value
    ws.cell(2, qty).value = "=2.5*4"  # a formula: its cached value is what counts
    wb.save(out)
    saved = tmp_path / "saved"
    libreoffice(tmp_path, "xlsx", out, saved)
    plan = preview_import(ctx, saved / "e.xlsx")
    assert plan.error_count == 0, plan.issues
    assert plan.totals()["updated"] == 1
    commit_import(ctx, plan)
    row = next(r for r in db_rows(ctx, "seizure") if r["id"] == rid)
    assert row["quantity"] == 10.0


def test_an_old_xls_saved_by_libreoffice_is_refused(ctx: Services, tmp_path: Path) -> None:
    fill(ctx)
    out = tmp_path / "e.xlsx"
    export(ctx, out, entities=["organisation"])
    libreoffice(tmp_path, "xls", out, tmp_path / "old")
    with pytest.raises(ImportRefused, match=r"Excel 97-2003 \(.xls\)"):
        preview_import(ctx, tmp_path / "old" / "e.xls")


def test_libreoffice_opens_the_error_report(ctx: Services, tmp_path: Path) -> None:
    from pp_desktop.exchange.excel.report import write_error_report

    fill(ctx)
    out = tmp_path / "e.xlsx"
    export(ctx, out, entities=["organisation"])
    wb = load_workbook(out)
    ws = wb["Organisations"]
    ws.cell(2, 6).value = "NOWHERE"  # country
    ws.cell(3, 3).value = None  # name: required
    wb.save(out)
    plan = preview_import(ctx, out)
    assert plan.error_count == 2
    report = tmp_path / "report.xlsx"
    write_error_report(plan, report)
    outdir = tmp_path / "csv"
    libreoffice(tmp_path, ALL_SHEETS_CSV, report, outdir)
    with (outdir / "report-Errors.csv").open(encoding="utf-8", newline="") as fh:
        errors = list(csv.reader(fh))
    assert [r[:3] for r in errors[1:]] == [
        ["Organisations", "2", "country"],
        ["Organisations", "3", "name"],
    ]
    with (outdir / "report-Organisations.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == len(db_rows(ctx, "organisation")) + 1 and rows[1][5] == "NOWHERE"
