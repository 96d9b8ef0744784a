"""Officer-facing wording for the errors the start screen can meet (DESIGN §3: three distinct
failures — wrong passphrase, damaged key file, damaged database — plus "too new" and "no vault").

The store's messages name command-line tools; on screen the officer needs the same facts phrased
for the window they are looking at, so each error gets a heading here and keeps the store's
detail when the store says something specific.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from pp_desktop.store.errors import (
    DatabaseDamaged,
    KeyFileError,
    VaultError,
    VaultExists,
    VaultNotFound,
    VaultTooNew,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from pp_desktop.ui.i18n import service_message

__all__ = ["ErrorText", "create_error", "recovery_error", "service_message", "unlock_error"]


translate = QCoreApplication.translate  # the name lupdate looks for


def _tr(text: str) -> str:
    return QCoreApplication.translate("error_messages", text)


def _is_service_error(exc: BaseException) -> bool:
    # imported here: the services package loads the ORM models (~14 MB) that the start screen
    # does not need before the first unlock (memory budget, DESIGN §8)
    from pp_desktop.services.errors import ServiceError

    return isinstance(exc, ServiceError)


def _detail(exc: BaseException) -> str:
    """The layer's own message, translated."""
    return service_message(str(getattr(exc, "message", "") or exc))


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
            translate("error_messages", "Wrong passphrase."),
            translate(
                "error_messages",
                "The vault is intact, but this passphrase does not open it. Check the keyboard "
                "layout and Caps Lock, then try again. If you have forgotten it, your recovery "
                "key can set a new one.",
            ),
        )
    if isinstance(exc, KeyFileError):
        return ErrorText(
            translate("error_messages", "The key file is missing or damaged."), _detail(exc)
        )
    if isinstance(exc, DatabaseDamaged):
        return ErrorText(
            translate("error_messages", "The vault database is damaged."), _detail(exc)
        )
    if isinstance(exc, VaultTooNew):
        return ErrorText(
            translate("error_messages", "This vault needs a newer pp-desktop."), _detail(exc)
        )
    if isinstance(exc, VaultNotFound):
        heading = (
            translate("error_messages", "No vault in {folder}.").format(folder=folder)
            if folder
            else translate("error_messages", "No vault in that folder.")
        )
        return ErrorText(
            heading,
            translate(
                "error_messages",
                "Choose the folder that holds vault.db and vault.key, or create a new vault.",
            ),
        )
    if isinstance(exc, VaultError) or _is_service_error(exc):
        return ErrorText(
            translate("error_messages", "The vault could not be opened."), _detail(exc)
        )
    # Anything else is a bug: say so plainly, without a traceback on screen.
    return ErrorText(
        translate("error_messages", "The vault could not be opened."),
        translate(
            "error_messages", "An unexpected error occurred ({name}). Nothing was changed."
        ).format(name=type(exc).__name__),
    )


def recovery_error(exc: BaseException, folder: Path | None = None) -> ErrorText:
    """What to tell the officer when recovering with the recovery key failed with ``exc``."""
    if isinstance(exc, WrongRecoveryKey):
        return ErrorText(
            translate("error_messages", "Wrong recovery key."),
            translate(
                "error_messages",
                "This recovery key does not open this vault. Check it group by group (letters "
                "and digits, dashes optional); nothing was changed.",
            ),
        )
    if isinstance(exc, WeakPassphrase):
        return ErrorText(
            translate("error_messages", "That passphrase is not accepted."), _detail(exc)
        )
    return unlock_error(exc, folder)


def create_error(exc: BaseException) -> ErrorText:
    """What to tell the officer when creating a vault failed with ``exc``."""
    if isinstance(exc, VaultExists):
        return ErrorText(translate("error_messages", "A vault already exists there."), _detail(exc))
    if isinstance(exc, WeakPassphrase):
        return ErrorText(
            translate("error_messages", "That passphrase is not accepted."), _detail(exc)
        )
    if isinstance(exc, OSError):
        return ErrorText(
            translate("error_messages", "The folder cannot be written."),
            translate("error_messages", "{reason}. Choose another folder.").format(
                reason=exc.strerror or type(exc).__name__
            ),
        )
    if isinstance(exc, VaultError) or _is_service_error(exc):
        return ErrorText(
            translate("error_messages", "The vault could not be created."), _detail(exc)
        )
    return ErrorText(
        translate("error_messages", "The vault could not be created."),
        translate("error_messages", "An unexpected error occurred ({name}).").format(
            name=type(exc).__name__
        ),
    )
