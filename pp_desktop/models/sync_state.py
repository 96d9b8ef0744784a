"""Sync state of a device vault (DESIGN §5): identity, bundles out and in, conflicts, quarantine.

Secrets (the signing key, the age identity) live here, inside the encrypted database, never in a
file of their own.
"""

from __future__ import annotations

from sqlalchemy import Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pp_desktop.models.base import Base


class SyncIdentity(Base):
    """The device's enrolment: HQ-issued device id, its keys and HQ's root document (one row)."""

    __tablename__ = "sync_identity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)  # always 1
    device_id: Mapped[str] = mapped_column(String(64))  # the id HQ issued (bundle "sender")
    device_name: Mapped[str] = mapped_column(String(200))
    sign_key: Mapped[str] = mapped_column(Text)  # Ed25519 secret key (base64)
    age_identity: Mapped[str] = mapped_column(Text)  # "AGE-SECRET-KEY-1..."
    age_recipient: Mapped[str] = mapped_column(Text)  # "age1..."
    root: Mapped[str] = mapped_column(Text)  # HQ's root document (JSON)
    root_fingerprint: Mapped[str] = mapped_column(String(200))
    enrolled_at: Mapped[str] = mapped_column(String(32))


class OutboundBundle(Base):
    """A bundle this device made; kept raw until HQ's verified receipt names its hash."""

    __tablename__ = "sync_outbound"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(8))  # "enrol" | "up"
    bundle_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(32))
    change_count: Mapped[int] = mapped_column(Integer)
    age: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)  # dropped once receipted
    minisig: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    receipt_at: Mapped[str | None] = mapped_column(String(32), default=None)


class InboundBundle(Base):
    """A downstream bundle from HQ: applied, or held (verified, raw) until its gap fills."""

    __tablename__ = "sync_inbound"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    bundle_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(8))  # "held" | "applied"
    received_at: Mapped[str] = mapped_column(String(32))
    applied_at: Mapped[str | None] = mapped_column(String(32), default=None)
    age: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)  # kept while held
    minisig: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)


class SyncConflict(Base):
    """Both versions of a record changed on two sides: kept until a person resolves it."""

    __tablename__ = "sync_conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36))
    fields: Mapped[str] = mapped_column(Text)  # JSON list of the conflicting field names
    mine: Mapped[str] = mapped_column(Text)  # JSON {field: value} of this side
    theirs: Mapped[str] = mapped_column(Text)  # JSON {field: value} of the other side
    mine_hlc: Mapped[str] = mapped_column(String(64))
    theirs_hlc: Mapped[str] = mapped_column(String(64))
    mine_deleted: Mapped[bool] = mapped_column(Integer, default=0)
    theirs_deleted: Mapped[bool] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(String(64))  # who sent "theirs" (HQ, a device id)
    detected_at: Mapped[str] = mapped_column(String(32))
    resolved_at: Mapped[str | None] = mapped_column(String(32), default=None)
    resolution: Mapped[str | None] = mapped_column(String(16), default=None)

    __table_args__ = (Index("ix_sync_conflict_open", "resolved_at", "entity", "entity_id"),)


class QuarantinedChange(Base):
    """A received change that failed this side's validation: kept for review, never dropped."""

    __tablename__ = "sync_quarantine"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(Text)
    item: Mapped[str] = mapped_column(Text)  # the change as received (JSON)
    source: Mapped[str] = mapped_column(String(64))
    at: Mapped[str] = mapped_column(String(32))
