"""Helpers for the service tests: raw SQL on the real vault, and record factories.

Everything here goes through the real SQLCipher vault of the ``ctx`` fixture: no mocks.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from pp_desktop.services import Services
from pp_desktop.services import records as rec

REFERENCE = Path(__file__).resolve().parents[2] / "resources" / "reference"


def unit_factors() -> dict[str, float]:
    """Kilograms per unit, read straight from resources/reference/unit.csv."""
    with (REFERENCE / "unit.csv").open(encoding="utf-8", newline="") as fh:
        return {
            row["code"]: float(row["factor_kg"])
            for row in csv.DictReader(fh)
            if row["factor_kg"].strip()
        }


class DB:
    """Plain SQL against the vault, bypassing the services (to check what they wrote)."""

    def __init__(self, ctx: Services) -> None:
        self.ctx = ctx

    def scalar(self, sql: str, **params: Any) -> Any:
        with self.ctx.vault.read() as conn:
            return conn.execute(text(sql), params).scalar()

    def rows(self, sql: str, **params: Any) -> list[tuple[Any, ...]]:
        with self.ctx.vault.read() as conn:
            return [tuple(r) for r in conn.execute(text(sql), params)]

    def maps(self, sql: str, **params: Any) -> list[dict[str, Any]]:
        with self.ctx.vault.read() as conn:
            return [dict(r) for r in conn.execute(text(sql), params).mappings()]

    def execute(self, sql: str, **params: Any) -> None:
        """A raw write (tampering tests)."""
        with self.ctx.vault.write() as conn:
            conn.execute(text(sql), params)

    def ledger_counts(self) -> tuple[int, int]:
        """(audit entries, journal entries)."""
        with self.ctx.vault.read() as conn:
            a = conn.execute(text("SELECT count(*) FROM audit_entry")).scalar()
            j = conn.execute(text("SELECT count(*) FROM sync_journal")).scalar()
        return int(a or 0), int(j or 0)

    def journal(self) -> list[dict[str, Any]]:
        return self.maps("SELECT * FROM sync_journal ORDER BY seq")

    def audit(self) -> list[dict[str, Any]]:
        return self.maps("SELECT * FROM audit_entry ORDER BY seq")


@pytest.fixture
def db(ctx: Services) -> DB:
    return DB(ctx)


def seizure(**over: Any) -> dict[str, Any]:
    """Field values of a valid seizure."""
    values: dict[str, Any] = {
        "seized_on": "2026-10-15",
        "country": "AFG",
        "province": "AF-BAL",
        "place": "Hairatan",
        "drug": "HEROIN",
        "quantity": 12.5,
        "unit": "KG",
    }
    values.update(over)
    return values


def price(**over: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "observed_on": "2026-10-01",
        "country": "TJK",
        "drug": "HEROIN",
        "sale_level": "WHOLESALE",
        "price_typical": 3000.0,
        "price_min": 2500.0,
        "price_max": 3500.0,
        "currency": "USD",
        "per_quantity": 1.0,
        "per_unit": "KG",
    }
    values.update(over)
    return values


def project(**over: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "identifier": "XM-DAC-41128-PP-001",
        "title": "Border liaison offices",
        "pillar": "BORDER",
        "status": "2",
        "planned_start": "2025-01-01",
        "planned_end": "2027-12-31",
        "budget": 1_000_000.0,
        "currency": "USD",
    }
    values.update(over)
    return values


def recommendation(**over: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "code": "EWG-BORDER-2025-01",
        "text": "Strengthen border liaison offices on the Tajik-Afghan border.",
        "working_group": "EWG_BORDER",
        "meeting_date": "2025-06-10",
        "pillar": "BORDER",
        "status": "OPEN",
    }
    values.update(over)
    return values


VALUES = {
    "seizure": seizure,
    "price": price,
    "project": project,
    "recommendation": recommendation,
}


class Make:
    """Create records through the services and return their ids; ``values`` gives valid field
    values of an entity with overrides."""

    def __init__(self, ctx: Services) -> None:
        self.ctx = ctx

    @staticmethod
    def values(entity: str, **over: Any) -> dict[str, Any]:
        return VALUES[entity](**over)

    def one(self, entity: str, values: dict[str, Any]) -> str:
        return rec.create(self.ctx, entity, values).created[0]

    def seizure(self, **over: Any) -> str:
        return self.one("seizure", seizure(**over))

    def price(self, **over: Any) -> str:
        return self.one("price", price(**over))

    def project(self, **over: Any) -> str:
        return self.one("project", project(**over))

    def recommendation(self, **over: Any) -> str:
        return self.one("recommendation", recommendation(**over))

    def organisation(self, name: str = "UNODC", **over: Any) -> str:
        return self.one("organisation", {"name": name, "kind": "40", **over})

    def contact(self, name: str = "A. Karimov", **over: Any) -> str:
        return self.one("contact", {"name": name, **over})


@pytest.fixture
def make(ctx: Services) -> Make:
    return Make(ctx)


@pytest.fixture
def factors() -> dict[str, float]:
    return unit_factors()


@pytest.fixture
def second_services(ctx: Services) -> Iterator[Services]:
    """Another Services object on the same unlocked vault (a second window / a re-open)."""
    yield Services(ctx.vault, today=ctx.today)
