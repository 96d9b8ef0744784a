"""Seed and refresh the reference code lists from resources/reference/<kind>.csv."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import Connection, text

from pp_desktop.models.reference import REFERENCE_KINDS
from pp_desktop.paths import resource

CSV_HEADER = ["code", "label_en", "label_ru", "parent", "factor_kg", "sort"]


def read_reference_csv(path: Path) -> list[dict[str, object]]:
    """Rows of one reference CSV as reference_code values (without ``kind``)."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != CSV_HEADER:
            raise ValueError(f"{path.name}: header must be {','.join(CSV_HEADER)}")
        return [
            {
                "code": row["code"].strip(),
                "label_en": row["label_en"].strip(),
                "label_ru": row["label_ru"].strip(),
                "parent": row["parent"].strip(),
                "factor_kg": float(row["factor_kg"]) if row["factor_kg"].strip() else None,
                "sort": int(row["sort"] or 0),
            }
            for row in reader
            if row["code"].strip()
        ]


def seed_reference_data(conn: Connection, folder: Path | None = None) -> int:
    """Insert or update every shipped code (codes are never deleted: old records keep them).

    Returns the number of codes written. Shipped reference data is not journaled.
    """
    folder = folder or resource("reference")
    rows: list[dict[str, object]] = []
    for kind in REFERENCE_KINDS:
        path = folder / f"{kind}.csv"
        if path.exists():
            rows.extend({"kind": kind, **row} for row in read_reference_csv(path))
    if rows:
        conn.execute(
            text(
                "INSERT INTO reference_code(kind, code, label_en, label_ru, parent, factor_kg, "
                "sort, active) VALUES (:kind, :code, :label_en, :label_ru, :parent, :factor_kg, "
                ":sort, 1) ON CONFLICT(kind, code) DO UPDATE SET label_en=excluded.label_en, "
                "label_ru=excluded.label_ru, parent=excluded.parent, "
                "factor_kg=excluded.factor_kg, sort=excluded.sort"
            ),
            rows,
        )
    return len(rows)
