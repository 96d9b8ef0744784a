"""HQ storage through SQLAlchemy (DESIGN §5): an SQLite file in the HQ home by default.

Two groups of tables share one database:

* the consolidated records, in tables with exactly the device's columns (the tables of
  ``pp_desktop.models`` for every synced entity, and the reference codes), so statistics and
  exports written for the device run over HQ's data unchanged;
* HQ's own bookkeeping (``hq_*``): devices, every accepted bundle kept raw, receipts and
  downstream bundles, the change log the merge reads, conflicts, quarantine, reference updates.

``(device, seq)`` is unique in ``hq_inbound``: two processes racing on the same bundle cannot
both apply it.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import (
    Column,
    Engine,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
)

from pp_desktop.models import ENTITIES, Base

DB_NAME = "hq.db"

hq_metadata = MetaData()

hq_meta = Table(
    "hq_meta",
    hq_metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

hq_device = Table(
    "hq_device",
    hq_metadata,
    Column("id", String(64), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("token", String(128), nullable=False),  # one-time enrolment token (burnt on use)
    Column("token_expires", String(32), nullable=False),
    Column("token_used_at", String(32)),
    Column("sign_pub", Text),  # minisign public key (base64) once enrolled
    Column("age_recipient", Text),
    Column("created_at", String(32), nullable=False),
    Column("enrolled_at", String(32)),
    Column("revoked_at", String(32)),
    Column("revoked_after_seq", Integer),  # the last seq accepted from a revoked device
)

hq_inbound = Table(
    "hq_inbound",
    hq_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("device", String(64), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", String(8), nullable=False),
    Column("bundle_hash", String(64), nullable=False),
    Column("status", String(8), nullable=False),  # "held" | "applied"
    Column("received_at", String(32), nullable=False),
    Column("applied_at", String(32)),
    Column("audit_head", String(128), nullable=False, default=""),
    Column("age", LargeBinary, nullable=False),  # every accepted bundle kept raw, for audit
    Column("minisig", LargeBinary, nullable=False),
    Column("receipt", Text),  # the receipt item (JSON) once applied
    Column("receipt_down_seq", Integer),  # the downstream bundle that carries the receipt
    UniqueConstraint("device", "seq", name="uq_hq_inbound_device_seq"),
)

hq_outbound = Table(
    "hq_outbound",
    hq_metadata,
    Column("device", String(64), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("bundle_hash", String(64), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("expires", String(32)),
    Column("age", LargeBinary, nullable=False),
    Column("minisig", LargeBinary, nullable=False),
    PrimaryKeyConstraint("device", "seq", name="pk_hq_outbound"),
)

hq_change = Table(
    "hq_change",
    hq_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("version", Integer, nullable=False),
    Column("hlc", String(80), nullable=False),
    Column("fields", Text, nullable=False),  # JSON list of the fields this change wrote
    Column("deleted", Integer, nullable=False, default=0),
    Column("sender", String(64), nullable=False),  # a device id, or "hq" (merge, resolution)
    Column("bundle_seq", Integer),
    Index("ix_hq_change_record", "entity", "entity_id", "version"),
    Index("ix_hq_change_exact", "entity", "entity_id", "hlc"),
)

hq_owner = Table(
    "hq_owner",
    hq_metadata,
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("device", String(64), nullable=False),  # who first sent the record
    PrimaryKeyConstraint("entity", "entity_id", name="pk_hq_owner"),
)

hq_view = Table(
    "hq_view",
    hq_metadata,
    Column("device", String(64), nullable=False),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("version", Integer, nullable=False),
    Column("hlc", String(80), nullable=False),
    PrimaryKeyConstraint("device", "entity", "entity_id", name="pk_hq_view"),
)

hq_conflict = Table(
    "hq_conflict",
    hq_metadata,
    Column("id", String(36), primary_key=True),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("fields", Text, nullable=False),
    Column("mine", Text, nullable=False),  # HQ's values before the incoming change
    Column("theirs", Text, nullable=False),  # the incoming change's values
    Column("mine_hlc", String(80), nullable=False),
    Column("theirs_hlc", String(80), nullable=False),
    Column("mine_deleted", Integer, nullable=False, default=0),
    Column("theirs_deleted", Integer, nullable=False, default=0),
    Column("sender", String(64), nullable=False),
    Column("detected_at", String(32), nullable=False),
    Column("resolved_at", String(32)),
    Column("resolution", String(16)),
)

hq_quarantine = Table(
    "hq_quarantine",
    hq_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("device", String(64), nullable=False),
    Column("bundle_seq", Integer, nullable=False),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("reason", Text, nullable=False),
    Column("item", Text, nullable=False),
    Column("at", String(32), nullable=False),
)

hq_reference = Table(
    "hq_reference",
    hq_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False),
    Column("code", String(32), nullable=False),
    Column("label_en", String(200), nullable=False),
    Column("label_ru", String(200), nullable=False, default=""),
    Column("parent", String(32), nullable=False, default=""),
    Column("factor_kg", Float),
    Column("sort", Integer, nullable=False, default=0),
    Column("deleted", Integer, nullable=False, default=0),
    Column("loaded_at", String(32), nullable=False),
)

hq_cursor = Table(
    "hq_cursor",
    hq_metadata,
    Column("device", String(64), primary_key=True),
    Column("reference_id", Integer, nullable=False, default=0),  # last reference update sent
    Column("root_version", Integer, nullable=False, default=0),  # last root document sent
)

# The record tables HQ consolidates: the device's own tables, same columns.
RECORD_TABLES = [
    Base.metadata.tables[cls.__tablename__]  # type: ignore[attr-defined]
    for cls in ENTITIES.values()
] + [Base.metadata.tables["reference_code"]]


def open_engine(home: Path, url: str | None = None) -> Engine:
    """The engine of HQ's database (``url`` for another server, e.g. PostgreSQL later)."""
    engine = create_engine(url or f"sqlite:///{home / DB_NAME}")
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: object, _record: object) -> None:
            cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

    return engine


def create_schema(engine: Engine) -> None:
    """Create every table (idempotent)."""
    hq_metadata.create_all(engine)
    Base.metadata.create_all(engine, tables=RECORD_TABLES)
