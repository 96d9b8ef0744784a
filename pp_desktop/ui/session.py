"""An unlocked vault as the windows see it: the vault, its services and cached labels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event

from pp_desktop.services.context import Services
from pp_desktop.store.vault import Vault
from pp_desktop.ui.vault_reads import ReferenceLabels, record_names

# Page cache of each SQLCipher connection the GUI uses (KiB). The store's default suits one-shot
# batch work (imports, exports); the GUI holds up to three connections at once (the UI thread
# and pool threads: counts, dashboard, first pages) for hours, and a full cache each put the
# window over its memory budget (DESIGN §8: ≤ 200 MB over a million seizures; 4 MiB each
# measured 193 MB peak, 8 MiB 201 MB, 64 MiB 313 MB, with first paint and jump times within
# the noise). Pages the cache drops are still in the OS file cache: re-reading one costs a
# decryption (~10 µs), not a disk read.
GUI_CACHE_KIB = 4 * 1024


def _limit_page_cache(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA cache_size = -{GUI_CACHE_KIB}")
    finally:
        cursor.close()


class Session:
    """Everything that lives exactly as long as the vault is unlocked.

    Locking forgets the labels and names too: they are record data (organisation and contact
    names are personal or sensitive) and must not outlive the key.
    """

    def __init__(self, vault: Vault, ctx: Services | None = None) -> None:
        self.vault = vault
        self.ctx = ctx or Services(vault)
        engine = vault.engine
        if not event.contains(engine, "checkout", _limit_page_cache):
            event.listen(engine, "checkout", _limit_page_cache)
        self._labels: ReferenceLabels | None = None
        self._names: dict[str, dict[str, str]] = {}

    @property
    def folder(self) -> Path:
        """The vault folder."""
        return self.vault.folder

    @property
    def is_locked(self) -> bool:
        """True once the vault is locked."""
        return self.vault.is_locked

    def preload(self) -> None:
        """Read the reference labels off the UI thread now (every page needs them; the first
        list opened would otherwise wait ~60 ms for them)."""
        from pp_desktop.ui.background import run_in_background

        if self._labels is not None:
            return
        ctx = self.ctx
        run_in_background(lambda: ReferenceLabels.load(ctx), self._preloaded, lambda _e: None)

    def _preloaded(self, labels: ReferenceLabels) -> None:
        if self._labels is None and not self.is_locked:
            self._labels = labels

    @property
    def labels(self) -> ReferenceLabels:
        """Reference labels, read at first use."""
        if self._labels is None:
            self._labels = ReferenceLabels.load(self.ctx)
        return self._labels

    def record_name(self, entity: str, rid: str | None) -> str:
        """Display name of an organisation or contact id ("" when empty or unknown)."""
        if not rid:
            return ""
        if entity not in self._names:
            self._names[entity] = record_names(self.ctx, entity)
        return self._names[entity].get(rid, "")

    def forget_labels(self) -> None:
        """Drop the reference labels (the language changed: they are read again)."""
        self._labels = None

    def forget_names(self) -> None:
        """Drop cached record names (after a refresh: records may have changed)."""
        self._names.clear()

    def lock(self) -> None:
        """Lock the vault (its on-lock callbacks clear the views) and forget the caches."""
        self._labels = None
        self._names.clear()
        self.vault.lock()
