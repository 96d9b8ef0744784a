"""CSV export: UTF-8 with a byte-order mark, the workbook's columns, values equal to the vault."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pp_desktop.exchange.excel.csv_export import csv_targets, export_csv
from pp_desktop.exchange.excel.errors import ExportCancelled
from pp_desktop.exchange.excel.source import VaultSource
from pp_desktop.services import Services
from pp_desktop.services import records as rec
from pp_desktop.services.fields import field_names
from tests.exchange.test_excel_support import db_rows, fill, labels


def read(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8 Cyrillic
    return list(csv.reader(raw[3:].decode("utf-8").splitlines()))


def test_rows_equal_the_vault_in_russian(ctx: Services, tmp_path: Path) -> None:
    fill(ctx)
    out = tmp_path / "prices.csv"
    n = export_csv(VaultSource(ctx), out, "price", lang="ru")
    rows = read(out)
    assert rows[0][2] == "Дата наблюдения (observed_on)"
    expected = db_rows(ctx, "price_observation", "deleted_at IS NULL AND confidentiality='NORMAL'")
    assert n == len(rows) - 1 == len(expected)
    by_id = {r[0]: r for r in rows[1:]}
    drugs, currencies = labels(ctx, "drug", "ru"), labels(ctx, "currency", "ru")
    for record in expected:
        row = by_id[record["id"]]
        assert row[2] == record["observed_on"]
        assert row[6] == f"{record['drug']} — {drugs[record['drug']]}"
        assert row[11] == f"{record['currency']} — {currencies[record['currency']]}"
        typical = record["price_typical"]
        assert row[8] == ("" if typical is None else repr(typical))
    assert [h.rsplit("(", 1)[1][:-1] for h in rows[0]] == ["id", "version", *field_names("price")]


def test_text_starting_like_a_formula_is_guarded(ctx: Services, tmp_path: Path) -> None:
    rec.create(
        ctx,
        "seizure",
        {
            "seized_on": "2026-05-01",
            "country": "TJK",
            "drug": "HEROIN",
            "quantity": 1.0,
            "place": "=cmd|' /C calc'!A0",
        },
    )
    out = tmp_path / "s.csv"
    export_csv(VaultSource(ctx), out, "seizure")
    assert read(out)[1][5] == "'=cmd|' /C calc'!A0"


def test_several_entities_make_one_file_each(tmp_path: Path) -> None:
    got = csv_targets(tmp_path / "x.csv", ["seizure", "project_donor"])
    assert got == {
        "seizure": tmp_path / "x-seizures.csv",
        "project_donor": tmp_path / "x-project-donors.csv",
    }


def test_cancel_leaves_nothing(ctx: Services, tmp_path: Path) -> None:
    fill(ctx, seizures=1500)
    out = tmp_path / "s.csv"
    with pytest.raises(ExportCancelled):
        export_csv(VaultSource(ctx), out, "seizure", cancelled=lambda: True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault"]
