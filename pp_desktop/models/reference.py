"""Reference data: one table of code lists, seeded from resources/reference/*.csv.

Codes are never re-coded (changing a code broke other systems' sync).
"""

from __future__ import annotations

from sqlalchemy import Boolean, Float, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from pp_desktop.models.base import Base

# Code lists the services validate against; the CSV file of each is resources/reference/<kind>.csv
REFERENCE_KINDS = (
    "region",
    "country",
    "province",
    "currency",
    "drug_group",
    "drug_subgroup",
    "drug",
    "unit",
    "transport_mode",
    "site_type",
    "concealment",
    "agency",
    "pillar",
    "activity_status",
    "dac_sector",
    "org_kind",
    "org_role",
    "confidentiality",
    "sale_level",
    "recommendation_status",
    "priority",
    "working_group",
)


class ReferenceCode(Base):
    """One code of one list: countries, provinces, drugs, units (with kg factor), pillars..."""

    __tablename__ = "reference_code"

    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    label_en: Mapped[str] = mapped_column(String(200))
    label_ru: Mapped[str] = mapped_column(String(200), default="")
    parent: Mapped[str] = mapped_column(String(32), default="")
    factor_kg: Mapped[float | None] = mapped_column(Float, default=None)
    sort: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (Index("ix_reference_code_parent", "kind", "parent"),)
