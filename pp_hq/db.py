"""HQ storage through SQLAlchemy (DESIGN §5): an SQLite file in the HQ home by default.

Two groups of tables share one database:

* the consolidated records, in tables with exactly the device's columns (the tables of
  ``pp_desktop.models`` for every synced entity, and the reference codes), so statistics and
  exports written for the device run over HQ's data unchanged;
* HQ's own bookkeeping (``hq_*``): devices, every accepted bundle kept raw, receipts and
  downstream bundles, the change log the merge reads, conflicts, quarantine, reference updates.

``(device, seq)`` is unique in ``hq_inbound``: two processes racing on the same bundle cannot
both apply it.

The database is SQLite (the default, ``HOME/hq.db``) or PostgreSQL (``postgresql://…``). The SQL
of pp_hq is SQLAlchemy Core and portable; what differs between the two goes through the helpers
here: :func:`upsert` (``INSERT … ON CONFLICT``), :func:`lock_writes` (HQ's writers take turns, so
a merge never reads a record another upload is still changing) and :func:`driver_sql` (positional
parameters in the driver's own style). PostgreSQL runs at READ COMMITTED: with the writers'
turn taken first, every statement of a write transaction sees what the previous writer committed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
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
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.schema import DropIndex

from pp_desktop.models import ENTITIES, Base
from pp_desktop.sync.errors import SyncError

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


# HQ holds whatever a device holds. A device's SQLite ignores VARCHAR lengths and stores 64-bit
# integers, and the services validate texts up to their own limits (MAX_TEXT: 500 characters for
# a short text), longer than some model lengths: on PostgreSQL those columns are unbounded text
# and 64-bit integers, or a record valid on the laptop would fail its whole bundle at HQ.
@compiles(String, "postgresql")
def _pg_string(type_: String, compiler: Any, **kw: Any) -> str:
    return "VARCHAR"


@compiles(Integer, "postgresql")
def _pg_integer(type_: Integer, compiler: Any, **kw: Any) -> str:
    return "BIGINT"


# The record tables HQ consolidates: the device's own tables, same columns.
RECORD_TABLES = [
    Base.metadata.tables[cls.__tablename__]  # type: ignore[attr-defined]
    for cls in ENTITIES.values()
] + [Base.metadata.tables["reference_code"]]

# The device's list-view indexes of its two big field-data tables (keyset paging of the GUI's
# seizure and price lists) serve no HQ query (stats count, exports and downstream bundles read by
# id or scan), yet each one is another B-tree written at a random place by every insert: 100,000
# seizures cost 8.3 s of CPU in executemany with them, 1.1 s without (benchmarks/sync_hq.py).
# HQ keeps the primary keys, unique constraints, foreign-key and tombstone indexes.
DEVICE_ONLY_INDEXES = frozenset(
    {
        "ix_seizure_date",
        "ix_seizure_country_date",
        "ix_seizure_drug_date",
        "ix_seizure_province_date",
        "ix_seizure_kg",
        "ix_price_date",
        "ix_price_country_date",
        "ix_price_drug_date",
    }
)


def _drop_device_only_indexes(conn: Connection) -> None:
    """Drop the device-only indexes ``create_all`` made (or an older HQ database holds)."""
    for t in RECORD_TABLES:
        for ix in t.indexes:
            if ix.name in DEVICE_ONLY_INDEXES:
                conn.execute(DropIndex(ix, if_exists=True))


class HqDatabaseError(SyncError):
    """HQ's database cannot be opened or used (wrong URL, server down, no such database)."""

    exit_code = 44


def database_url(home: Path, url: str | None = None) -> str:
    """The SQLAlchemy URL of HQ's database: ``url`` (``postgresql://…`` uses psycopg 3, the
    driver the ``hq`` extra installs) or the SQLite file in the home."""
    if not url:
        return f"sqlite:///{home / DB_NAME}"
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise HqDatabaseError(
            f"--db {url!r} is not a database URL; write postgresql://USER@HOST:PORT/DATABASE."
        ) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise HqDatabaseError(
            f"HQ stores its data in SQLite or PostgreSQL, not {parsed.get_backend_name()}."
        )
    return parsed.render_as_string(hide_password=False)


MARKER = "database.json"  # in the home: which database this HQ keeps its data in


def _identity(home: Path, url: str | None) -> tuple[str, str, str]:
    """(backend, database, URL without password) of ``url`` in ``home``. The default file is
    named relative to the home, so a home moved or copied with its hq.db stays itself."""
    if not url:
        return "sqlite", f"HOME/{DB_NAME}", str(home / DB_NAME)
    parsed = make_url(database_url(home, url))
    backend = parsed.get_backend_name()
    name = str(Path(parsed.database or "").resolve()) if backend == "sqlite" else parsed.database
    if backend == "sqlite" and name == str((home / DB_NAME).resolve()):
        return _identity(home, None)
    return backend, str(name or ""), parsed.render_as_string(hide_password=True)


def remember_database(home: Path, url: str | None) -> None:
    """Note in the home which database ``pp-hq init`` gave it (never a password)."""
    backend, name, shown = _identity(home, url)
    text = json.dumps({"backend": backend, "database": name, "url": shown}, indent=2)
    (home / MARKER).write_text(text + "\n", encoding="utf-8")


def check_database(home: Path, url: str | None) -> None:
    """Refuse to open another database than the home's own: a forgotten ``--db`` would
    otherwise start an empty HQ beside the real one and answer devices from it."""
    backend, name, shown = _identity(home, url)
    marker = home / MARKER
    if marker.is_file():
        known = json.loads(marker.read_text(encoding="utf-8"))
        if (known.get("backend"), known.get("database")) != (backend, name):
            default = known.get("database") == _identity(home, None)[1]
            where = home / DB_NAME if default else known.get("url")
            raise HqDatabaseError(
                f"The HQ home {home} keeps its data in {where}, not {shown}: "
                "give that URL with --db (or PP_HQ_DB)."
            )
    elif (backend, name) != _identity(home, None)[:2]:
        raise HqDatabaseError(
            f"The HQ home {home} keeps its data in {home / DB_NAME}, not {shown}."
        )


def open_engine(home: Path, url: str | None = None) -> Engine:
    """The engine of HQ's database: the SQLite file in ``home``, or ``url`` (PostgreSQL)."""
    try:
        engine = create_engine(database_url(home, url), pool_pre_ping=url is not None)
    except NoSuchModuleError as exc:
        raise HqDatabaseError(f"No database driver for {url!r} ({exc}).") from None
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
    """Create every table (idempotent); a database that cannot be reached is a clear error."""
    try:
        with engine.begin() as conn:
            hq_metadata.create_all(conn)
            Base.metadata.create_all(conn, tables=RECORD_TABLES)
            _drop_device_only_indexes(conn)
            upsert(conn, hq_meta, [{"key": WRITER_KEY, "value": "0"}], ["key"], update=())
    except OperationalError as exc:
        where = engine.url.render_as_string(hide_password=True)
        first = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise HqDatabaseError(f"Cannot open HQ's database {where}: {first}") from None


def check_empty(engine: Engine) -> None:
    """Refuse a database that already holds an HQ (``pp-hq init`` never takes one over);
    disposes ``engine``."""
    try:
        create_schema(engine)
        with engine.connect() as conn:
            used = conn.execute(
                select(hq_meta.c.key).where(hq_meta.c.key != WRITER_KEY).limit(1)
            ).first()
            used = used or conn.execute(select(hq_device.c.id).limit(1)).first()
    finally:
        engine.dispose()
    if used is not None:
        where = engine.url.render_as_string(hide_password=True)
        raise HqDatabaseError(
            f"The database {where} already holds an HQ; give 'pp-hq init' an empty database."
        )


# The hq_meta row every writer updates first: writers take turns on it (see lock_writes).
WRITER_KEY = "writer"


def upsert(
    conn: Connection,
    table: Table,
    rows: Sequence[Mapping[str, Any]],
    keys: Sequence[str],
    update: Iterable[str] | None = None,
) -> None:
    """Insert ``rows``; a row whose ``keys`` exist already updates the ``update`` columns (all
    the other columns by default; none: the existing row is kept). SQLite and PostgreSQL."""
    if not rows:
        return
    dialect = conn.dialect.name
    if dialect == "postgresql":
        stmt: Any = postgresql.insert(table)
    elif dialect == "sqlite":
        stmt = sqlite.insert(table)
    else:  # pragma: no cover - open_engine accepts no other database
        raise HqDatabaseError(f"No upsert for {dialect}.")
    cols = [c for c in rows[0] if c not in keys] if update is None else list(update)
    if cols:
        stmt = stmt.on_conflict_do_update(
            index_elements=list(keys), set_={c: stmt.excluded[c] for c in cols}
        )
    else:
        stmt = stmt.on_conflict_do_nothing(index_elements=list(keys))
    conn.execute(stmt, [dict(r) for r in rows])


def lock_writes(conn: Connection) -> None:
    """Take HQ's writer turn for the rest of the caller's transaction (first statement of it).

    Two uploads applied at once could each read a shared record before the other wrote it and
    lose one change, or both find a device's seq free. Every HQ write transaction therefore
    starts here: PostgreSQL row-locks one hq_meta row until commit (the next writer waits, then
    reads what this one committed); SQLite takes its database write lock now, before any read,
    so a transaction never starts from a snapshot another writer has moved past. Readers
    (stats, lists) never wait."""
    conn.execute(update(hq_meta).where(hq_meta.c.key == WRITER_KEY).values(value=hq_meta.c.value))


def driver_sql(conn: Connection, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """Execute a positional ``?`` statement for many rows in the driver's parameter style
    (psycopg takes ``%s``), bypassing SQLAlchemy's per-row work on the hot path."""
    if conn.dialect.paramstyle in ("format", "pyformat"):
        sql = sql.replace("?", "%s")  # our generated SQL has no literal '?' or '%'
    conn.exec_driver_sql(sql, list(rows))
