"""Possible duplicates of a seizure being entered: the same event reported twice (a national
report and a press item, two officers at one border crossing) is the commonest data error.

A candidate is a live seizure with the same date, country and drug, the same province and place
where both records name one, and a similar quantity in kilogram equivalent. It is a hint for the
officer, never a refusal: two seizures of one drug at one checkpoint on one day do happen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from pp_desktop.services.context import Services
from pp_desktop.services.errors import ValidationFailed
from pp_desktop.services.records import derive, normalise, table

# Quantities within this share of the larger one count as "similar" (rounding, a re-weighing).
SIMILAR_SHARE = 0.10
MAX_CANDIDATES = 5
_SCAN_LIMIT = 200  # rows with the same date, country and drug read at most (an index range)


@dataclass(frozen=True)
class Candidate:
    """A live seizure that may describe the same event."""

    id: str
    seized_on: str
    country: str
    province: str
    place: str
    drug: str
    quantity: float | None
    unit: str
    kg_equivalent: float | None


def _same_text(a: Any, b: Any) -> bool:
    """Equal ignoring case and spacing; an empty side does not disagree."""
    left = " ".join(str(a or "").casefold().split())
    right = " ".join(str(b or "").casefold().split())
    return not left or not right or left == right


def similar_quantity(a: float | None, b: float | None, share: float = SIMILAR_SHARE) -> bool:
    """True when both kilogram equivalents are unknown, or within ``share`` of the larger."""
    if a is None or b is None:
        return a is None and b is None
    top = max(abs(a), abs(b))
    return top == 0 or abs(a - b) <= share * top


def possible_duplicates(
    ctx: Services, values: Mapping[str, Any], exclude_id: str = ""
) -> list[Candidate]:
    """Live seizures that look like the one described by ``values`` (form values, possibly
    incomplete: without a date, country and drug there is nothing to compare, and the answer is
    empty). ``exclude_id`` is the record being edited."""
    try:
        wanted = normalise("seizure", values)
    except ValidationFailed:  # an unknown field name: the form's validation reports it
        return []
    seized_on, country, drug = (wanted.get(k) for k in ("seized_on", "country", "drug"))
    if not (seized_on and country and drug):
        return []
    t = table("seizure")
    with ctx.reading() as conn:
        full = {"unit": "KG", "quantity_known": True, **wanted}
        derive("seizure", full, ctx.refs(conn))
        kg = full.get("kg_equivalent")
        rows = conn.execute(
            select(
                t.c.id,
                t.c.seized_on,
                t.c.country,
                t.c.province,
                t.c.place,
                t.c.drug,
                t.c.quantity,
                t.c.unit,
                t.c.kg_equivalent,
            )
            .where(
                t.c.seized_on == seized_on,
                t.c.country == country,
                t.c.drug == drug,
                t.c.deleted_at.is_(None),
                t.c.id != exclude_id,
            )
            .limit(_SCAN_LIMIT)
        ).mappings()
        found = [
            Candidate(
                str(r["id"]),
                str(r["seized_on"]),
                str(r["country"]),
                str(r["province"] or ""),
                str(r["place"] or ""),
                str(r["drug"]),
                r["quantity"],
                str(r["unit"] or ""),
                r["kg_equivalent"],
            )
            for r in rows
            if _same_text(r["province"], wanted.get("province"))
            and _same_text(r["place"], wanted.get("place"))
            and similar_quantity(r["kg_equivalent"], kg)
        ]
    found.sort(key=lambda c: abs((c.kg_equivalent or 0.0) - (kg or 0.0)))
    return found[:MAX_CANDIDATES]
