"""SQLCipher connections and the SQLAlchemy engine of an unlocked vault.

The key is sent as the first statement of every connection (``PRAGMA key = "x'…'"``); no URL
ever carries it. Settings follow DESIGN §3: WAL, a 64 MiB page cache (the working set must fit,
or decryption cost explodes), temporary tables in memory, SQLCipher logging off, foreign keys on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from pp_desktop.store.errors import DatabaseDamaged

SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"
CACHE_KIB = 64 * 1024
WRITE_OPTION = "pp_write"  # execution option: this transaction will write

# DBAPI errors callers catch (sqlcipher3 has its own classes, distinct from sqlite3's)
DBError = sqlcipher3.dbapi2.DatabaseError


def is_plaintext_sqlite(db_path: Path) -> bool:
    """True when the file starts with SQLite's plaintext header, i.e. is NOT encrypted."""
    with db_path.open("rb") as fh:
        return fh.read(16) == SQLITE_PLAIN_HEADER


def _fold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def connect_raw(db_path: Path, dek: bytes, *, check: bool = True) -> Any:
    """Open a sqlcipher3 connection keyed with the raw ``dek`` and the vault's settings.

    With ``check``, reads the schema so that a wrong key or a damaged file fails here with a
    DBAPI ``DatabaseError`` ("file is not a database") instead of at the first query.
    """
    conn = sqlcipher3.dbapi2.connect(str(db_path), check_same_thread=False, timeout=15)
    cur = conn.cursor()
    cur.execute("PRAGMA cipher_log_level = NONE")
    cur.execute(f"PRAGMA key = \"x'{dek.hex()}'\"")  # hex only: nothing to escape
    if check:
        cur.execute("SELECT count(*) FROM sqlite_master").fetchone()
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a process crash loses nothing
    cur.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    cur.execute("PRAGMA temp_store = MEMORY")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA busy_timeout = 15000")
    cur.close()
    # Unicode case folding for LIKE searches (SQLite's lower() and LIKE fold ASCII only)
    conn.create_function("pp_fold", 1, _fold, deterministic=True)
    return conn


def make_engine(db_path: Path, dek: bytes) -> Engine:
    """A SQLAlchemy engine whose pooled connections come from :func:`connect_raw`."""

    def creator() -> Any:
        try:
            return connect_raw(db_path, dek)
        except DBError as exc:
            raise DatabaseDamaged() from exc

    engine = create_engine(
        "sqlite+pysqlite://",
        module=sqlcipher3.dbapi2,
        creator=creator,
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
    )

    # pysqlite's implicit BEGIN is unreliable; issue our own (SQLAlchemy's documented recipe)
    @event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # writers take the write lock up front, so they wait (busy_timeout) instead of failing
        # with SQLITE_BUSY when upgrading a read transaction; readers never block in WAL
        immediate = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
