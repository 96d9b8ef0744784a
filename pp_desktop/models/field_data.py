"""Field data: drug seizures (modelled on UNODC Individual Drug Seizures) and price observations.

Country lists (transit countries, nationalities) are stored as space-separated ISO alpha-3 codes:
one field for field-level merge, readable in exports. A missing quantity is NULL with
``quantity_known`` false ("not known" is a value of its own, never a zero).
"""

from __future__ import annotations

from sqlalchemy import Boolean, Float, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from pp_desktop.models.base import Base, SyncColumns


class Seizure(SyncColumns, Base):
    """One drug seizure."""

    __tablename__ = "seizure"

    seized_on: Mapped[str] = mapped_column(String(10))  # ISO date
    country: Mapped[str] = mapped_column(String(3))
    province: Mapped[str] = mapped_column(String(12), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    latitude: Mapped[float | None] = mapped_column(Float, default=None)
    longitude: Mapped[float | None] = mapped_column(Float, default=None)
    site_type: Mapped[str] = mapped_column(String(32), default="NOT_KNOWN")
    agency: Mapped[str] = mapped_column(String(32), default="")
    drug: Mapped[str] = mapped_column(String(32))
    quantity_known: Mapped[bool] = mapped_column(Boolean, default=True)
    quantity: Mapped[float | None] = mapped_column(Float, default=None)
    unit: Mapped[str] = mapped_column(String(32), default="KG")
    kg_equivalent: Mapped[float | None] = mapped_column(Float, default=None)  # derived
    purity_pct: Mapped[float | None] = mapped_column(Float, default=None)
    transport_mode: Mapped[str] = mapped_column(String(32), default="NOT_KNOWN")
    concealment: Mapped[str] = mapped_column(String(32), default="NOT_KNOWN")
    origin_country: Mapped[str] = mapped_column(String(3), default="")
    departure_country: Mapped[str] = mapped_column(String(3), default="")
    transit_countries: Mapped[str] = mapped_column(String(200), default="")
    destination_country: Mapped[str] = mapped_column(String(3), default="")
    persons_arrested: Mapped[int | None] = mapped_column(Integer, default=None)
    nationalities: Mapped[str] = mapped_column(String(200), default="")
    source_ref: Mapped[str] = mapped_column(String(200), default="")
    confidentiality: Mapped[str] = mapped_column(String(16), default="NORMAL")
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        # keyset pagination and the common filters: (filter, sort key, id)
        Index("ix_seizure_date", "seized_on", "id"),
        Index("ix_seizure_country_date", "country", "seized_on", "id"),
        Index("ix_seizure_drug_date", "drug", "seized_on", "id"),
        Index("ix_seizure_province_date", "province", "seized_on", "id"),
        Index("ix_seizure_kg", "kg_equivalent", "id"),
        # the soft-deleted rows only: counts subtract them (migration 0003)
        Index("ix_seizure_deleted", "deleted_at", sqlite_where=text("deleted_at IS NOT NULL")),
    )


class PriceObservation(SyncColumns, Base):
    """One observed drug price (value + currency per quantity + unit; never assume per gram)."""

    __tablename__ = "price_observation"

    observed_on: Mapped[str] = mapped_column(String(10))
    period_end: Mapped[str | None] = mapped_column(String(10), default=None)
    country: Mapped[str] = mapped_column(String(3))
    place: Mapped[str] = mapped_column(String(200), default="")
    drug: Mapped[str] = mapped_column(String(32))
    sale_level: Mapped[str] = mapped_column(String(16), default="RETAIL")
    price_typical: Mapped[float | None] = mapped_column(Float, default=None)
    price_min: Mapped[float | None] = mapped_column(Float, default=None)
    price_max: Mapped[float | None] = mapped_column(Float, default=None)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    per_quantity: Mapped[float] = mapped_column(Float, default=1.0)
    per_unit: Mapped[str] = mapped_column(String(32), default="G")
    purity_typical: Mapped[float | None] = mapped_column(Float, default=None)
    purity_min: Mapped[float | None] = mapped_column(Float, default=None)
    purity_max: Mapped[float | None] = mapped_column(Float, default=None)
    source: Mapped[str] = mapped_column(String(200), default="")
    confidentiality: Mapped[str] = mapped_column(String(16), default="NORMAL")
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_price_date", "observed_on", "id"),
        Index("ix_price_country_date", "country", "observed_on", "id"),
        Index("ix_price_drug_date", "drug", "observed_on", "id"),
        Index("ix_price_deleted", "deleted_at", sqlite_where=text("deleted_at IS NOT NULL")),
    )
