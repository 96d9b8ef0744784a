"""Commit a previewed import: everything in one transaction, or nothing."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection

from pp_desktop.exchange.excel.columns import ENTITY_ORDER
from pp_desktop.exchange.excel.errors import ImportHasErrors
from pp_desktop.exchange.excel.mapping import remember
from pp_desktop.exchange.excel.preview import ImportPlan
from pp_desktop.services import ChangeSet, Services
from pp_desktop.services.import_apply import apply_changes


def commit_import(
    ctx: Services, plan: ImportPlan, progress: Callable[[int], None] | None = None
) -> dict[str, ChangeSet]:
    """Write ``plan`` (refused when any row has an error); remembers a mapping's source.

    Every record is validated again inside the transaction, and updates are checked against
    the version seen in the preview, so a change made in between rolls the import back.
    """
    if plan.error_count:
        raise ImportHasErrors(
            f"{plan.error_count} row(s) have errors; nothing was imported. Correct them (see the "
            "error report) and import again."
        )

    def also(conn: Connection) -> None:
        if plan.source and plan.mappings:
            remember(conn, plan.source, plan.mappings)

    return apply_changes(ctx, plan.changes, ENTITY_ORDER, also, progress)
