"""The running HQ: its home folder, keys, database and clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, Engine, select

from pp_desktop.services.hlc import HybridClock
from pp_desktop.services.validation import ReferenceCache
from pp_desktop.store.vault import utc_now
from pp_hq.db import (
    check_database,
    check_empty,
    create_schema,
    hq_meta,
    open_engine,
    remember_database,
    upsert,
)
from pp_hq.keys import HomeError, HqKeys, init_home, load_keys

HQ_ID = "hq"


class Hq:
    """HQ over its home folder. ``today`` is HQ's local date (validation tolerates a day)."""

    def __init__(
        self,
        home: Path,
        today: Callable[[], date] = date.today,
        url: str | None = None,
        passphrase: str | None = None,
    ) -> None:
        if not (home / "root.json").is_file():
            raise HomeError(f"{home} is not an HQ home. Run 'pp-hq init --home {home}' first.")
        self.home = home
        self.today = today
        self._passphrase = passphrase
        self.keys: HqKeys = load_keys(home, passphrase)
        self.url = url
        check_database(home, url)
        self.engine: Engine = open_engine(home, url)
        try:
            create_schema(self.engine)
        except Exception:
            self.engine.dispose()
            raise
        with self.engine.connect() as conn:
            row = conn.execute(select(hq_meta.c.value).where(hq_meta.c.key == "hlc_last")).first()
        self.clock = HybridClock(HQ_ID, str(row[0]) if row else None)

    @classmethod
    def init(
        cls,
        home: Path,
        root_keys: Path | None = None,
        passphrase: str | None = None,
        url: str | None = None,
    ) -> Hq:
        """Create a new HQ home: keys, root document, database with the shipped code lists
        (in ``url``, e.g. an empty PostgreSQL database, instead of ``HOME/hq.db`` when given)."""
        if url:  # a wrong URL or a database in use is refused before any key is made
            check_empty(open_engine(home, url))
        init_home(home, root_keys, passphrase)
        remember_database(home, url)
        hq = cls(home, passphrase=passphrase, url=url)
        from pp_hq.reference import seed_shipped  # imports this module

        with hq.engine.begin() as conn:
            seed_shipped(conn)
        return hq

    def reload_keys(self) -> None:
        """Re-read the keys (after a rotation)."""
        self.keys = load_keys(self.home, self._passphrase)

    def refs(self, conn: Connection) -> ReferenceCache:
        """HQ's reference codes."""
        return ReferenceCache.load(conn)

    def save_clock(self, conn: Connection) -> None:
        """Persist the clock with the data it stamped."""
        upsert(conn, hq_meta, [{"key": "hlc_last", "value": self.clock.last}], ["key"])

    def dispose(self) -> None:
        """Close every connection."""
        self.engine.dispose()

    @staticmethod
    def now() -> str:
        """UTC now, ISO 8601."""
        return utc_now()
