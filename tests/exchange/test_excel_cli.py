"""``pp-desktop export`` / ``import`` on a real vault: output, exit codes, nothing half-written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pp_desktop.cli.main import main
from pp_desktop.services import Services
from tests.conftest import PASSPHRASE
from tests.exchange.test_excel_support import audit_count, db_rows, fill, sheet, sheet_names


@pytest.fixture
def cli(vault_dir: Path, tmp_path: Path) -> list[str]:
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return ["--vault", str(vault_dir), "--passphrase-file", str(secret)]


def test_export_every_entity_but_contacts_by_default(
    ctx: Services, cli: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(ctx)
    out = tmp_path / "all.xlsx"
    assert main(["export", "--out", str(out), *cli]) == 0
    names = sheet_names(out)
    assert "Seizures" in names and "Progress notes" in names and "Contacts" not in names
    assert "Workbook written to" in capsys.readouterr().out
    assert main(["export", "--out", str(out), "--entity", "contacts", "--lang", "ru", *cli]) == 0
    assert sheet_names(out)[1] == "Контакты"


def test_export_csv_and_template(ctx: Services, cli: list[str], tmp_path: Path) -> None:
    fill(ctx)
    assert main(["export", "--out", str(tmp_path / "s.csv"), "--entity", "seizure", *cli]) == 0
    assert (tmp_path / "s.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    tpl = tmp_path / "blank.xlsx"
    assert main(["export", "--template", "--out", str(tpl), *cli]) == 0
    assert len(sheet(tpl, "Seizures")) == 1


def test_export_refuses_bad_requests_with_a_message(
    cli: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--out", str(tmp_path / "x.pdf"), *cli]) == 2
    assert main(["export", "--out", str(tmp_path / "x.xlsx"), "--entity", "guns", *cli]) == 2
    err = capsys.readouterr().err
    assert "Unknown kind of record 'guns'" in err and "Traceback" not in err
    assert not list(tmp_path.glob("x.*"))


def test_import_with_errors_writes_nothing_but_the_report(
    ctx: Services, cli: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(ctx)
    out = tmp_path / "e.xlsx"
    assert main(["export", "--out", str(out), "--entity", "organisation", *cli]) == 0
    wb = load_workbook(out)
    ws = wb["Organisations"]
    ws.cell(2, 4).value = "CHANGED"  # acronym: fine
    ws.cell(3, 6).value = "ZZZ"  # country: unknown code
    wb.save(out)
    audits = audit_count(ctx)
    report = tmp_path / "report.xlsx"
    code = main(["import", str(out), "--report", str(report), *cli])
    captured = capsys.readouterr()
    assert code == 21
    assert "Organisations" in captured.out and "1 errors" in captured.out
    assert "'ZZZ' is not a known country code" in captured.err
    assert audit_count(ctx) == audits
    assert sheet(report, "Errors")[1][:3] == ["Organisations", 3.0, "country"]


def test_import_dry_run_then_for_real(
    ctx: Services, cli: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(ctx)
    out = tmp_path / "e.xlsx"
    assert main(["export", "--out", str(out), "--entity", "organisation", *cli]) == 0
    wb = load_workbook(out)
    wb["Organisations"].cell(2, 4).value = "CHANGED"
    wb.save(out)
    audits = audit_count(ctx)
    assert main(["import", str(out), "--dry-run", *cli]) == 0
    assert "Dry run: nothing was written." in capsys.readouterr().out
    assert audit_count(ctx) == audits
    assert main(["import", str(out), *cli]) == 0
    assert "0 new, 1 updated" in capsys.readouterr().out
    assert audit_count(ctx) == audits + 1
    assert main(["import", str(out), *cli]) == 0  # again: nothing changes
    assert "0 new, 0 updated" in capsys.readouterr().out


def test_import_with_a_mapping_file_remembers_the_layout(
    ctx: Services, cli: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Agency name", "Short"])
    ws.append(["Drug Control Agency of Tajikistan", "DCA"])
    path = tmp_path / "orgs.xlsx"
    wb.save(path)
    mapping = tmp_path / "m.json"
    mapping.write_text(
        json.dumps(
            {
                "source": "DCA",
                "sheets": [
                    {
                        "entity": "organisation",
                        "columns": {"Agency name": "name", "Short": "acronym"},
                    }
                ],
            }
        )
    )
    assert main(["import", str(path), *cli]) == 2  # unknown layout without the mapping
    assert "--mapping" in capsys.readouterr().err
    assert main(["import", str(path), "--mapping", str(mapping), *cli]) == 0
    assert [r["acronym"] for r in db_rows(ctx, "organisation")] == ["DCA"]
    ws.append(["Ministry of Interior", "MVD"])
    wb.save(path)
    assert main(["import", str(path), *cli]) == 0  # remembered: no --mapping needed
    assert sorted(r["acronym"] for r in db_rows(ctx, "organisation")) == ["DCA", "MVD"]


def test_refused_file_is_a_message_not_a_traceback(
    cli: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "macro.xlsm"
    bad.write_bytes(b"PK\x03\x04")
    assert main(["import", str(bad), *cli]) == 2
    err = capsys.readouterr().err
    assert "macro" in err and "Traceback" not in err
