"""Attachments: file bytes kept inside the encrypted database, linked to any record."""

from __future__ import annotations

from sqlalchemy import Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, deferred, mapped_column

from pp_desktop.models.base import Base, SyncColumns

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


class Attachment(SyncColumns, Base):
    """A file attached to a record (entity + id)."""

    __tablename__ = "attachment"

    owner_entity: Mapped[str] = mapped_column(String(32))
    owner_id: Mapped[str] = mapped_column(String(36))
    file_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary))

    __table_args__ = (Index("ix_attachment_owner", "owner_entity", "owner_id"),)
