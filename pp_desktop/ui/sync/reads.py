"""What the Sync page and the Conflicts view read from the vault (no Qt: run in a task).

One snapshot per refresh: the device's sync status, HQ's address, the outcome of the last
sync, the history of bundles sent and received, and the quarantined changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text

from pp_desktop.services import Services
from pp_desktop.services.conflicts import Conflict, list_conflicts
from pp_desktop.services.errors import NotFound
from pp_desktop.services.records import get
from pp_desktop.sync.state import get_meta, status

LAST_RESULT = "sync_last_result"  # vault_meta: JSON outcome of the last "Sync now"
HISTORY_LIMIT = 200  # bundles shown in the history (the newest)


@dataclass(frozen=True)
class HistoryRow:
    """One bundle sent to HQ or received from it."""

    direction: str  # "sent" | "received"
    seq: int
    at: str  # made (sent) or received
    changes: int | None  # sent bundles only
    state: str  # sent: "confirmed" | "waiting"; received: "applied" | "held"
    state_at: str | None  # when HQ's receipt arrived / when the bundle was applied


@dataclass(frozen=True)
class QuarantineRow:
    """A change kept aside because it failed validation, with the reason given."""

    entity: str
    entity_id: str
    reason: str
    source: str
    at: str


@dataclass
class SyncSnapshot:
    """Everything the Sync page shows."""

    status: dict[str, Any]
    hq_url: str | None
    last_result: dict[str, Any] | None
    history: list[HistoryRow] = field(default_factory=list)
    quarantine: list[QuarantineRow] = field(default_factory=list)


def remembered_url(ctx: Services) -> str | None:
    """HQ's address as the HTTP transport remembers it (None before it exists or is known)."""
    try:
        from pp_desktop.sync import http_transport
    except ImportError:  # the HTTP transport is not installed in this build
        return None
    fn = getattr(http_transport, "remembered_url", None)
    return fn(ctx) if fn is not None else None


def last_result(ctx: Services) -> dict[str, Any] | None:
    """The recorded outcome of the last sync attempt (None before the first)."""
    with ctx.reading() as conn:
        raw = get_meta(conn, LAST_RESULT)
    if not raw:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def history(ctx: Services, limit: int = HISTORY_LIMIT) -> list[HistoryRow]:
    """Bundles sent and received, newest first."""
    with ctx.reading() as conn:
        sent = conn.execute(
            text(
                "SELECT seq, created_at, change_count, receipt_at, kind FROM sync_outbound "
                "ORDER BY seq DESC LIMIT :n"
            ),
            {"n": limit},
        ).all()
        received = conn.execute(
            text(
                "SELECT seq, received_at, status, applied_at FROM sync_inbound "
                "ORDER BY seq DESC LIMIT :n"
            ),
            {"n": limit},
        ).all()
    rows = [
        HistoryRow(
            "sent",
            int(s),
            str(at),
            int(n),
            "confirmed" if receipt else ("enrolment" if kind == "enrol" else "waiting"),
            str(receipt) if receipt else None,
        )
        for s, at, n, receipt, kind in sent
    ]
    rows += [
        HistoryRow("received", int(s), str(at), None, str(st), str(ap) if ap else None)
        for s, at, st, ap in received
    ]
    rows.sort(key=lambda r: (r.state_at or r.at, r.at), reverse=True)
    return rows[:limit]


def quarantine(ctx: Services) -> list[QuarantineRow]:
    """Quarantined changes, newest first."""
    with ctx.reading() as conn:
        rows = conn.execute(
            text(
                "SELECT entity, entity_id, reason, source, at FROM sync_quarantine ORDER BY id DESC"
            )
        ).all()
    return [QuarantineRow(str(e), str(i), str(r), str(s), str(a)) for e, i, r, s, a in rows]


def snapshot(ctx: Services) -> SyncSnapshot:
    """One consistent picture for the Sync page."""
    return SyncSnapshot(
        status(ctx), remembered_url(ctx), last_result(ctx), history(ctx), quarantine(ctx)
    )


@dataclass(frozen=True)
class ConflictCase:
    """One open conflict with the record as it stands now (its merged, provisional state)."""

    conflict: Conflict
    current: dict[str, Any] | None  # None when the record is gone


def conflict_cases(ctx: Services) -> list[ConflictCase]:
    """Open conflicts, oldest first, each with its record's current values."""
    out = []
    for c in list_conflicts(ctx):
        try:
            current: dict[str, Any] | None = get(ctx, c.entity, c.entity_id)
        except NotFound:  # deleted here or there (an edit-against-delete conflict)
            current = None
        out.append(ConflictCase(c, current))
    return out
