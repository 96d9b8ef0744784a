"""Statistics for the dashboard, the Excel summary sheet and ``pp-desktop stats``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select, text

from pp_desktop.services.context import Services
from pp_desktop.services.queries import ListQuery, _conditions
from pp_desktop.services.records import table

# `stats` keys -> entity (tombstones excluded)
COUNTED = {
    "seizures": "seizure",
    "prices": "price",
    "projects": "project",
    "recommendations": "recommendation",
    "organisations": "organisation",
    "contacts": "contact",
    "attachments": "attachment",
    "progress_notes": "progress_note",
    "project_donors": "project_donor",
}


def live_counts(ctx: Services) -> dict[str, int]:
    """Live (not deleted) records per entity."""
    with ctx.reading() as conn:
        return {
            key: int(
                conn.execute(
                    select(func.count())
                    .select_from(table(e))
                    .where(table(e).c.deleted_at.is_(None))
                ).scalar()
                or 0
            )
            for key, e in COUNTED.items()
        }


def _rows(
    conn: Connection, sql: str, params: dict[str, Any] | None = None
) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in conn.execute(text(sql), params or {})]


def seizures_by_drug_month(
    ctx: Services, q: ListQuery | None = None
) -> list[tuple[str, str, float, int]]:
    """(drug, YYYY-MM, kilogram equivalent, number of seizures) for the seizures of ``q``."""
    t = table("seizure")
    q = q or ListQuery("seizure")
    month = func.substr(t.c.seized_on, 1, 7)
    stmt = (
        select(t.c.drug, month, func.coalesce(func.sum(t.c.kg_equivalent), 0.0), func.count())
        .where(*_conditions(q))
        .group_by(t.c.drug, month)
        .order_by(t.c.drug, month)
    )
    with ctx.reading() as conn:
        return [(str(d), str(m), float(kg), int(n)) for d, m, kg, n in conn.execute(stmt)]


def seizures_by_province(
    ctx: Services, q: ListQuery | None = None
) -> list[tuple[str, str, float, int]]:
    """(country, province, kilogram equivalent, number) for the seizures of ``q``."""
    t = table("seizure")
    q = q or ListQuery("seizure")
    stmt = (
        select(
            t.c.country, t.c.province, func.coalesce(func.sum(t.c.kg_equivalent), 0.0), func.count()
        )
        .where(*_conditions(q))
        .group_by(t.c.country, t.c.province)
        .order_by(func.sum(t.c.kg_equivalent).desc())
    )
    with ctx.reading() as conn:
        return [(str(c), str(p), float(kg), int(n)) for c, p, kg, n in conn.execute(stmt)]


def seizures_by_route(
    ctx: Services, q: ListQuery | None = None, limit: int = 20
) -> list[tuple[str, str, float, int]]:
    """Top (origin, destination, kilogram equivalent, number) routes; "" = not known."""
    t = table("seizure")
    q = q or ListQuery("seizure")
    kg = func.coalesce(func.sum(t.c.kg_equivalent), 0.0)
    stmt = (
        select(t.c.origin_country, t.c.destination_country, kg, func.count())
        .where(*_conditions(q))
        .where((t.c.origin_country != "") | (t.c.destination_country != ""))
        .group_by(t.c.origin_country, t.c.destination_country)
        .order_by(kg.desc())
        .limit(limit)
    )
    with ctx.reading() as conn:
        return [(str(o), str(d), float(k), int(n)) for o, d, k, n in conn.execute(stmt)]


@dataclass(frozen=True)
class FollowUp:
    """An open recommendation whose follow-up date has passed."""

    id: str
    code: str
    status: str
    follow_up_due: str
    days_overdue: int
    last_note: str | None


def recommendations_by_status(ctx: Services) -> dict[str, int]:
    """Live recommendations per status."""
    with ctx.reading() as conn:
        return {
            str(s): int(n)
            for s, n in _rows(
                conn,
                "SELECT status, count(*) FROM recommendation WHERE deleted_at IS NULL "
                "GROUP BY status ORDER BY status",
            )
        }


def overdue_follow_ups(ctx: Services) -> list[FollowUp]:
    """Open or in-progress recommendations past their follow-up date, most overdue first."""
    today = ctx.today().isoformat()
    sql = (
        "SELECT r.id, r.code, r.status, r.follow_up_due, "
        "CAST(julianday(:today) - julianday(r.follow_up_due) AS INTEGER), "
        "(SELECT max(n.noted_on) FROM progress_note n WHERE n.recommendation_id = r.id "
        " AND n.deleted_at IS NULL) "
        "FROM recommendation r WHERE r.deleted_at IS NULL AND r.status IN ('OPEN','IN_PROGRESS') "
        "AND r.follow_up_due IS NOT NULL AND r.follow_up_due < :today "
        "ORDER BY r.follow_up_due, r.code"
    )
    with ctx.reading() as conn:
        return [
            FollowUp(str(a), str(b), str(c), str(d), int(e), f)
            for a, b, c, d, e, f in _rows(conn, sql, {"today": today})
        ]


def budgets_by_pillar(ctx: Services) -> list[tuple[str, str, float, int]]:
    """(pillar, currency, total budget, number of projects) of live projects."""
    sql = (
        "SELECT pillar, currency, coalesce(sum(budget), 0), count(*) FROM project "
        "WHERE deleted_at IS NULL GROUP BY pillar, currency ORDER BY pillar, currency"
    )
    with ctx.reading() as conn:
        return [(str(p), str(c), float(b), int(n)) for p, c, b, n in _rows(conn, sql)]


def budgets_by_donor(ctx: Services) -> list[tuple[str, str, float, int]]:
    """(donor name, currency, total pledged, number of projects) of live donor shares."""
    sql = (
        "SELECT o.name, d.currency, coalesce(sum(d.amount), 0), count(DISTINCT d.project_id) "
        "FROM project_donor d JOIN organisation o ON o.id = d.organisation_id "
        "JOIN project p ON p.id = d.project_id "
        "WHERE d.deleted_at IS NULL AND p.deleted_at IS NULL "
        "GROUP BY o.name, d.currency ORDER BY 3 DESC"
    )
    with ctx.reading() as conn:
        return [(str(o), str(c), float(a), int(n)) for o, c, a, n in _rows(conn, sql)]
