"""Reference-data updates loaded by the HQ operator and sent to every device."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from pp_desktop.models.reference import REFERENCE_KINDS
from pp_desktop.store.reference_seed import read_reference_csv
from pp_desktop.sync.errors import SyncError
from pp_hq.context import Hq
from pp_hq.db import hq_reference


class ReferenceLoadError(SyncError):
    """The reference folder cannot be loaded."""

    exit_code = 42


def load_reference(hq: Hq, folder: Path) -> int:
    """Load every ``<kind>.csv`` of ``folder`` (the format of resources/reference/): HQ's codes
    are updated and the rows queued for every device's next downstream bundle. All or nothing."""
    if not folder.is_dir():
        raise ReferenceLoadError(f"{folder} is not a folder of reference CSV files.")
    rows: list[dict[str, object]] = []
    for kind in REFERENCE_KINDS:
        path = folder / f"{kind}.csv"
        if path.exists():
            try:
                rows.extend({"kind": kind, **r} for r in read_reference_csv(path))
            except (ValueError, KeyError, OSError) as exc:
                raise ReferenceLoadError(f"{path.name}: {exc}") from None
    if not rows:
        raise ReferenceLoadError(
            f"No reference CSV in {folder} (expected files such as drug.csv, unit.csv)."
        )
    at = hq.now()
    with hq.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO reference_code(kind, code, label_en, label_ru, parent, factor_kg, "
                "sort, active) VALUES (:kind, :code, :label_en, :label_ru, :parent, :factor_kg, "
                ":sort, 1) ON CONFLICT(kind, code) DO UPDATE SET label_en=excluded.label_en, "
                "label_ru=excluded.label_ru, parent=excluded.parent, "
                "factor_kg=excluded.factor_kg, sort=excluded.sort, active=1"
            ),
            rows,
        )
        conn.execute(
            hq_reference.insert(),
            [{**r, "deleted": 0, "loaded_at": at} for r in rows],
        )
    return len(rows)
