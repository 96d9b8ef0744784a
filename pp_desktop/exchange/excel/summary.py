"""The Summary, About and (hidden) Lists sheets of an export."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter, quote_sheetname  # type: ignore[import-untyped]
from openpyxl.workbook.workbook import Workbook  # type: ignore[import-untyped]

from pp_desktop.exchange.excel.sheets import code_label
from pp_desktop.exchange.excel.source import SummaryData
from pp_desktop.exchange.excel.staging import sheet_stream

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
KG = "#,##0.000"
MONEY = "#,##0"

_T: dict[str, dict[str, str]] = {
    "en": {
        "summary": "Summary",
        "about": "About",
        "lists": "Lists",
        "title": "Seizures by drug and month (kilogram equivalent)",
        "drug": "Drug",
        "total": "Total",
        "province_title": "Seizures by province (kilogram equivalent)",
        "country": "Country",
        "province": "Province",
        "kg": "kg equivalent",
        "n": "Seizures",
        "rec_title": "Recommendations by status",
        "status": "Status",
        "count": "Recommendations",
        "budget_title": "Project budgets by pillar",
        "pillar": "Pillar",
        "currency": "Currency",
        "budget": "Budget",
        "projects": "Projects",
        "none": "(not given)",
    },
    "ru": {
        "summary": "Сводка",
        "about": "О файле",
        "lists": "Списки",
        "title": "Изъятия по наркотикам и месяцам (эквивалент, кг)",
        "drug": "Наркотик",
        "total": "Итого",
        "province_title": "Изъятия по провинциям (эквивалент, кг)",
        "country": "Страна",
        "province": "Провинция",
        "kg": "Экв., кг",
        "n": "Изъятий",
        "rec_title": "Рекомендации по статусам",
        "status": "Статус",
        "count": "Рекомендаций",
        "budget_title": "Бюджеты проектов по направлениям",
        "pillar": "Направление",
        "currency": "Валюта",
        "budget": "Бюджет",
        "projects": "Проектов",
        "none": "(не указано)",
    },
}


def words(lang: str) -> dict[str, str]:
    """The fixed texts of the extra sheets in ``lang``."""
    return _T["ru" if lang == "ru" else "en"]


def _cell(ws: Any, value: Any, font: Font | None = None, fmt: str | None = None) -> Any:
    cell = WriteOnlyCell(ws, value)
    if font is not None:
        cell.font = font
    if fmt is not None:
        cell.number_format = fmt
    return cell


def write_summary(
    wb: Workbook,
    folder: Path,
    data: SummaryData,
    labels: Mapping[str, Mapping[str, tuple[str, str]]],
    lang: str,
) -> None:
    """Totals by drug × month and by province (kg), recommendations by status, budgets."""
    w = words(lang)
    ws: Any = wb.create_sheet(w["summary"])
    months = sorted({m for _d, m, _kg, _n in data.by_drug_month})
    ws.column_dimensions["A"].width = 50
    for i in range(2, max(len(months) + 3, 5)):
        ws.column_dimensions[get_column_letter(i)].width = 14
    sheet_stream(ws, folder)

    def label(kind: str, code: str) -> str:
        return code_label(code, labels.get(kind, {}), lang) if code else w["none"]

    ws.append([_cell(ws, w["title"], TITLE)])
    ws.append([_cell(ws, h, BOLD) for h in (w["drug"], *months, w["total"])])
    table: dict[str, dict[str, float]] = {}
    for drug, month, kg, _n in data.by_drug_month:
        table.setdefault(drug, {})[month] = kg
    for drug, per_month in table.items():
        row = [per_month.get(m) for m in months]
        ws.append(
            [label("drug", drug)]
            + [_cell(ws, v, fmt=KG) for v in row]
            + [_cell(ws, sum(per_month.values()), BOLD, KG)]
        )
    totals = [sum(t.get(m, 0.0) for t in table.values()) for m in months]
    ws.append(
        [_cell(ws, w["total"], BOLD)]
        + [_cell(ws, v, BOLD, KG) for v in totals]
        + [_cell(ws, sum(totals), BOLD, KG)]
    )
    ws.append([])
    ws.append([_cell(ws, w["province_title"], TITLE)])
    ws.append([_cell(ws, h, BOLD) for h in (w["province"], w["kg"], w["n"], w["country"])])
    for country, province, kg, n in data.by_province:
        ws.append([label("province", province), _cell(ws, kg, fmt=KG), n, country])
    ws.append(
        [
            _cell(ws, w["total"], BOLD),
            _cell(ws, sum(r[2] for r in data.by_province), BOLD, KG),
            _cell(ws, sum(r[3] for r in data.by_province), BOLD),
        ]
    )
    ws.append([])
    ws.append([_cell(ws, w["rec_title"], TITLE)])
    ws.append([_cell(ws, w["status"], BOLD), _cell(ws, w["count"], BOLD)])
    for status, n in data.recommendations_by_status.items():
        ws.append([label("recommendation_status", status), n])
    ws.append(
        [_cell(ws, w["total"], BOLD), _cell(ws, sum(data.recommendations_by_status.values()), BOLD)]
    )
    ws.append([])
    ws.append([_cell(ws, w["budget_title"], TITLE)])
    ws.append(
        [_cell(ws, h, BOLD) for h in (w["pillar"], w["currency"], w["budget"], w["projects"])]
    )
    for pillar, currency, budget, n in data.budgets_by_pillar:
        ws.append([label("pillar", pillar), currency, _cell(ws, budget, fmt=MONEY), n])


def write_about(wb: Workbook, folder: Path, lines: Sequence[tuple[str, Any]], lang: str) -> None:
    """Provenance: one "what / value" pair per row."""
    ws: Any = wb.create_sheet(words(lang)["about"])
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 80
    sheet_stream(ws, folder)
    for key, value in lines:
        ws.append([_cell(ws, key, BOLD), value])


def list_formulas(
    kinds: Sequence[str], labels: Mapping[str, Mapping[str, tuple[str, str]]], lang: str
) -> dict[str, str]:
    """kind -> the range of its column in the Lists sheet (for drop-down validations)."""
    name = quote_sheetname(words(lang)["lists"])
    out: dict[str, str] = {}
    for i, kind in enumerate(kinds, 1):
        n = len(labels.get(kind, {}))
        if n:
            letter = get_column_letter(i)
            out[kind] = f"{name}!${letter}$2:${letter}${n + 1}"
    return out


def write_lists(
    wb: Workbook,
    folder: Path,
    kinds: Sequence[str],
    labels: Mapping[str, Mapping[str, tuple[str, str]]],
    lang: str,
) -> None:
    """A hidden sheet with one column per reference list ("CODE — Label" values)."""
    ws: Any = wb.create_sheet(words(lang)["lists"])
    ws.sheet_state = "hidden"
    for i in range(1, len(kinds) + 1):
        ws.column_dimensions[get_column_letter(i)].width = 30
    sheet_stream(ws, folder)
    columns = [[code_label(c, labels.get(k, {}), lang) for c in labels.get(k, {})] for k in kinds]
    ws.append(list(kinds))
    for r in range(max((len(c) for c in columns), default=0)):
        ws.append([col[r] if r < len(col) else None for col in columns])
