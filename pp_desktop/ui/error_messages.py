"""Officer-facing wording for the errors the start screen can meet (DESIGN §3: three distinct
failures — wrong passphrase, damaged key file, damaged database — plus "too new" and "no vault").

The store's messages name command-line tools; on screen the officer needs the same facts phrased
for the window they are looking at, so each error gets a heading here and keeps the store's
detail when the store says something specific.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pp_desktop.services.errors import ServiceError
from pp_desktop.store.errors import (
    DatabaseDamaged,
    KeyFileError,
    VaultError,
    VaultExists,
    VaultNotFound,
    VaultTooNew,
    WeakPassphrase,
    WrongPassphrase,
)


@dataclass(frozen=True)
class ErrorText:
    """A short heading and the explanation under it."""

    heading: str
    detail: str

    @property
    def text(self) -> str:
        """Heading and detail as one rich-text paragraph."""
        return f"<b>{_escape(self.heading)}</b><br>{_escape(self.detail)}"


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unlock_error(exc: BaseException, folder: Path | None = None) -> ErrorText:
    """What to tell the officer when opening the vault in ``folder`` failed with ``exc``."""
    if isinstance(exc, WrongPassphrase):
        return ErrorText(
            "Wrong passphrase.",
            "The vault is intact, but this passphrase does not open it. Check the keyboard "
            "layout and Caps Lock, then try again. If you have forgotten it, your recovery key "
            "can set a new one.",
        )
    if isinstance(exc, KeyFileError):
        return ErrorText("The key file is missing or damaged.", exc.message)
    if isinstance(exc, DatabaseDamaged):
        return ErrorText("The vault database is damaged.", exc.message)
    if isinstance(exc, VaultTooNew):
        return ErrorText("This vault needs a newer pp-desktop.", exc.message)
    if isinstance(exc, VaultNotFound):
        where = f" in {folder}" if folder else " in that folder"
        return ErrorText(
            f"No vault{where}.",
            "Choose the folder that holds vault.db and vault.key, or create a new vault.",
        )
    if isinstance(exc, VaultError | ServiceError):
        return ErrorText("The vault could not be opened.", exc.message)
    # Anything else is a bug: say so plainly, without a traceback on screen.
    return ErrorText(
        "The vault could not be opened.",
        f"An unexpected error occurred ({type(exc).__name__}). Nothing was changed.",
    )


def create_error(exc: BaseException) -> ErrorText:
    """What to tell the officer when creating a vault failed with ``exc``."""
    if isinstance(exc, VaultExists):
        return ErrorText("A vault already exists there.", exc.message)
    if isinstance(exc, WeakPassphrase):
        return ErrorText("That passphrase is not accepted.", exc.message)
    if isinstance(exc, OSError):
        return ErrorText(
            "The folder cannot be written.",
            f"{exc.strerror or type(exc).__name__}. Choose another folder.",
        )
    if isinstance(exc, VaultError | ServiceError):
        return ErrorText("The vault could not be created.", exc.message)
    return ErrorText(
        "The vault could not be created.",
        f"An unexpected error occurred ({type(exc).__name__}).",
    )
