"""Reference-data updates loaded by the HQ operator and sent to every device."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection

from pp_desktop.models import Base
from pp_desktop.models.reference import REFERENCE_KINDS
from pp_desktop.paths import resource
from pp_desktop.store.reference_seed import read_reference_csv
from pp_desktop.sync.errors import SyncError
from pp_hq.context import Hq
from pp_hq.db import hq_reference, lock_writes, upsert


class ReferenceLoadError(SyncError):
    """The reference folder cannot be loaded."""

    exit_code = 42


def load_reference(hq: Hq, folder: Path) -> int:
    """Load every ``<kind>.csv`` of ``folder`` (the format of resources/reference/): HQ's codes
    are updated and the rows queued for every device's next downstream bundle. All or nothing."""
    rows = _read_folder(folder)
    at = hq.now()
    codes = Base.metadata.tables["reference_code"]
    with hq.engine.begin() as conn:
        lock_writes(conn)
        upsert(conn, codes, [{**r, "active": True} for r in rows], ["kind", "code"])
        conn.execute(
            hq_reference.insert(),
            [{**r, "deleted": 0, "loaded_at": at} for r in rows],
        )
    return len(rows)


def seed_shipped(conn: Connection) -> int:
    """Write the code lists shipped in resources/reference into HQ's codes (a new HQ starts
    with what every device starts with; the devices have them already, so nothing is queued).
    The device's seeding SQL is SQLite's; this is the portable equivalent."""
    rows = _read_folder(resource("reference"))
    upsert(
        conn,
        Base.metadata.tables["reference_code"],
        [{**r, "active": True} for r in rows],
        ["kind", "code"],
        update=("label_en", "label_ru", "parent", "factor_kg", "sort"),
    )
    return len(rows)


def _read_folder(folder: Path) -> list[dict[str, object]]:
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
    return rows
