"""Append-only tables: the hash-chained audit log, the sync change journal, vault metadata."""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pp_desktop.models.base import Base


class AuditEntry(Base):
    """One audited change; ``hash`` = SHA-256 over the previous hash and this entry's content."""

    __tablename__ = "audit_entry"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))
    who: Mapped[str] = mapped_column(String(120))
    device: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(16))  # create / update / delete / restore / merge
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36))
    changes: Mapped[str] = mapped_column(Text)  # JSON {field: [before, after]}
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)


class JournalEntry(Base):
    """One change to user data, waiting to travel in a bundle (DESIGN §5).

    ``fields`` lists the changed field names; a bundle reads their values from the record, so
    several edits before a sync coalesce into one change with the first entry's base.
    """

    __tablename__ = "sync_journal"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    hlc: Mapped[str] = mapped_column(String(64))
    base_version: Mapped[int] = mapped_column(Integer)  # 0 for a creation
    base_hlc: Mapped[str] = mapped_column(String(64), default="")
    fields: Mapped[str] = mapped_column(Text)  # JSON list of field names
    deleted: Mapped[bool] = mapped_column(Integer, default=0)
    bundle_seq: Mapped[int | None] = mapped_column(Integer, default=None)  # set when delivered

    __table_args__ = (Index("ix_journal_pending", "bundle_seq", "seq"),)


class VaultMeta(Base):
    """Key/value settings of the vault (officer profile, device id, HLC state, restore flag)."""

    __tablename__ = "vault_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
