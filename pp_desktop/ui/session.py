"""An unlocked vault as the windows see it: the vault, its services and cached labels."""

from __future__ import annotations

from pathlib import Path

from pp_desktop.services.context import Services
from pp_desktop.store.vault import Vault
from pp_desktop.ui.vault_reads import ReferenceLabels, record_names


class Session:
    """Everything that lives exactly as long as the vault is unlocked.

    Locking forgets the labels and names too: they are record data (organisation and contact
    names are personal or sensitive) and must not outlive the key.
    """

    def __init__(self, vault: Vault, ctx: Services | None = None) -> None:
        self.vault = vault
        self.ctx = ctx or Services(vault)
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

    def forget_names(self) -> None:
        """Drop cached record names (after a refresh: records may have changed)."""
        self._names.clear()

    def lock(self) -> None:
        """Lock the vault (its on-lock callbacks clear the views) and forget the caches."""
        self._labels = None
        self._names.clear()
        self.vault.lock()
