"""Live records per entity at HQ: the same keys as ``pp-desktop stats --json``."""

from __future__ import annotations

from sqlalchemy import func, select

from pp_desktop.services.stats import COUNTED
from pp_hq.apply import record_table
from pp_hq.context import Hq


def live_counts(hq: Hq) -> dict[str, int]:
    """Live (not deleted) records per entity in HQ's consolidated tables."""
    with hq.engine.connect() as conn:
        return {
            key: int(
                conn.execute(
                    select(func.count())
                    .select_from(record_table(e))
                    .where(record_table(e).c.deleted_at.is_(None))
                ).scalar()
                or 0
            )
            for key, e in COUNTED.items()
        }
