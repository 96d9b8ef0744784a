"""Declarative base and the columns every synchronised record carries (DESIGN §4)."""

from __future__ import annotations

from sqlalchemy import Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names, so Alembic batch migrations can address them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of every table of the vault."""

    metadata = MetaData(naming_convention=NAMING)


class SyncColumns:
    """Identity, version, hybrid logical clock, provenance and tombstone of a synced record."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUIDv7, made on the device
    version: Mapped[int] = mapped_column(Integer, default=1)
    hlc: Mapped[str] = mapped_column(String(64))  # "<wall ms:013>-<counter:05>-<device id>"
    origin_device: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[str] = mapped_column(String(32))  # ISO 8601 UTC
    created_by: Mapped[str] = mapped_column(String(120))
    updated_at: Mapped[str] = mapped_column(String(32))
    updated_by: Mapped[str] = mapped_column(String(120))
    deleted_at: Mapped[str | None] = mapped_column(String(32), default=None)


SYNC_COLUMN_NAMES = (
    "id",
    "version",
    "hlc",
    "origin_device",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "deleted_at",
)
