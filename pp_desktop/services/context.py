"""The service context: an unlocked vault plus who is writing, the clock and reference codes."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, text

from pp_desktop.services.hlc import HybridClock
from pp_desktop.services.ledger import Ledger
from pp_desktop.services.validation import ReferenceCache
from pp_desktop.store.vault import Vault, utc_now


@dataclass
class WriteScope:
    """What one write transaction needs: the connection, its ledger and a timestamp."""

    conn: Connection
    ledger: Ledger
    at: str


class Services:
    """Entry point of the service layer for one unlocked vault.

    ``today`` is the officer's local date (rules such as "not after today" use it).
    """

    def __init__(self, vault: Vault, today: Callable[[], date] = date.today) -> None:
        self.vault = vault
        self.today = today
        meta = vault.meta()
        self.device_id = meta["device_id"]
        self.clock = HybridClock(self.device_id, meta.get("hlc_last"))
        self._refs: ReferenceCache | None = None

    @property
    def officer(self) -> str:
        """The "who" of audit entries and provenance (re-read: the profile is editable)."""
        return self.vault.meta().get("officer_name", "") or "unknown officer"

    def refs(self, conn: Connection | None = None) -> ReferenceCache:
        """The reference codes, loaded once per unlock."""
        if self._refs is None:
            if conn is not None:
                self._refs = ReferenceCache.load(conn)
            else:
                with self.vault.read() as c:
                    self._refs = ReferenceCache.load(c)
        return self._refs

    def invalidate_refs(self) -> None:
        """Forget cached reference codes (after a reference-data update)."""
        self._refs = None

    @contextlib.contextmanager
    def writing(self) -> Iterator[WriteScope]:
        """One write transaction with its ledger; persists the clock with the data."""
        who = self.officer
        with self.vault.write() as conn:
            scope = WriteScope(conn, Ledger.open(conn, who, self.device_id), utc_now())
            yield scope
            scope.ledger.flush(conn)
            conn.execute(
                text(
                    "INSERT INTO vault_meta(key, value) VALUES ('hlc_last', :v) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
                ),
                {"v": self.clock.last},
            )

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        """A read transaction (consistent snapshot)."""
        with self.vault.read() as conn:
            yield conn
