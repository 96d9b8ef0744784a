"""Helpers of the Excel exchange tests (plain functions over the real vault fixtures); the
module's own tests check the helpers' independent expectations."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook
from sqlalchemy import text

from pp_desktop.exchange.excel.source import VaultSource
from pp_desktop.exchange.excel.workbook import ExportOptions, ExportResult, export_workbook
from pp_desktop.services import Services
from pp_desktop.services.demo import DemoSize, make_demo
from pp_desktop.services.fields import FIELDS

SMALL = DemoSize(seizures=60, prices=20, projects=5, recommendations=6, contacts=5)
ALL = (
    "seizure",
    "price",
    "organisation",
    "project",
    "project_donor",
    "recommendation",
    "progress_note",
    "contact",
)


def fill(ctx: Services, seizures: int = SMALL.seizures) -> dict[str, int]:
    """A small demo data set in the test's vault."""
    return make_demo(ctx, replace(SMALL, seizures=seizures), seed=7)


def export(ctx: Services, path: Path, **options: Any) -> ExportResult:
    """Export the vault of ``ctx`` to ``path``."""
    return export_workbook(VaultSource(ctx), path, ExportOptions(**options))


def sheet(path: Path, name: str) -> list[list[Any]]:
    """Every row of sheet ``name``, read by python-calamine (the independent reader)."""
    wb = CalamineWorkbook.from_path(str(path))
    return wb.get_sheet_by_name(name).to_python(skip_empty_area=False)


def sheet_names(path: Path) -> list[str]:
    """Sheet names in workbook order."""
    return list(CalamineWorkbook.from_path(str(path)).sheet_names)


def db_rows(ctx: Services, table: str, where: str = "deleted_at IS NULL") -> list[dict[str, Any]]:
    """Records straight from SQL (not through the export code), oldest first."""
    with ctx.vault.read() as conn:
        return [
            dict(r)
            for r in conn.execute(
                text(f"SELECT * FROM {table} WHERE {where} ORDER BY id")
            ).mappings()
        ]


def labels(ctx: Services, kind: str, lang: str = "en") -> dict[str, str]:
    """code -> label of a reference list, from SQL."""
    col = "label_ru" if lang == "ru" else "label_en"
    with ctx.vault.read() as conn:
        return {
            str(c): str(lab)
            for c, lab in conn.execute(
                text(f"SELECT code, {col} FROM reference_code WHERE kind = :k"), {"k": kind}
            )
        }


def expected_cell(ctx: Services, entity: str, name: str, value: Any, lang: str = "en") -> Any:
    """What calamine should read back for a stored value (worked out independently of the
    export code: dates as dates, codes with their labels, yes/no, numbers as floats)."""
    f = next(f for f in FIELDS[entity] if f.name == name)
    if value is None or value == "":
        return ""
    if f.kind == "date":
        return date.fromisoformat(value)
    if f.kind == "ref":
        label = labels(ctx, f.ref, lang).get(value, "")
        return f"{value} — {label}" if label else value
    if f.kind == "bool":
        return ("да" if value else "нет") if lang == "ru" else ("yes" if value else "no")
    if f.kind in ("int", "float"):
        return float(value)
    return value


def audit_count(ctx: Services) -> int:
    """Entries of the audit log."""
    with ctx.vault.read() as conn:
        return int(conn.execute(text("SELECT count(*) FROM audit_entry")).scalar() or 0)


def test_expected_cell_words_codes_with_their_label(ctx: Services) -> None:
    assert expected_cell(ctx, "seizure", "drug", "HEROIN") == "HEROIN — Heroin"
    assert expected_cell(ctx, "seizure", "drug", "HEROIN", "ru") == "HEROIN — Героин"
    assert expected_cell(ctx, "seizure", "seized_on", "2026-01-02") == date(2026, 1, 2)
    assert expected_cell(ctx, "seizure", "quantity_known", True) == "yes"
