"""Typed vault errors, each with a message an officer can act on and a CLI exit code."""

from __future__ import annotations


class VaultError(Exception):
    """Base of every error the vault reports to an officer."""

    exit_code = 10
    default_message = "The vault could not be used."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)

    @property
    def message(self) -> str:
        """The officer-facing message."""
        return str(self.args[0])


class WrongPassphrase(VaultError):
    """The key file is intact but the passphrase (or recovery key) does not unwrap it."""

    exit_code = 3
    default_message = (
        "Wrong passphrase. Check the keyboard layout and Caps Lock, then try again. "
        "If you have forgotten it, use your recovery key (pp-desktop recover)."
    )


class WrongRecoveryKey(WrongPassphrase):
    """The recovery key does not unwrap the key file."""

    default_message = (
        "That recovery key does not open this vault. Check it character by character "
        "(groups of letters and digits, dashes optional)."
    )


class KeyFileError(VaultError):
    """The key file is missing, or every copy of it is damaged."""

    exit_code = 4
    default_message = (
        "The vault's key file (vault.key) is missing or damaged, and no good copy was found. "
        "Restore the vault from a backup (pp-desktop restore)."
    )


class DatabaseDamaged(VaultError):
    """The database file is damaged, missing or not a pp-desktop vault."""

    exit_code = 5
    default_message = (
        "The vault database is damaged or is not a pp-desktop vault. "
        "Nothing was changed. Restore it from a backup (pp-desktop restore)."
    )


class VaultTooNew(VaultError):
    """The vault was written by a newer version of pp-desktop."""

    exit_code = 6
    default_message = (
        "This vault was made by a newer version of pp-desktop. Update the application "
        "before opening it; nothing was changed."
    )


class VaultNotFound(VaultError):
    """No vault at the given folder."""

    exit_code = 7
    default_message = "There is no vault in that folder. Create one with 'pp-desktop init'."


class VaultExists(VaultError):
    """Refused to overwrite an existing vault."""

    exit_code = 8
    default_message = "A vault already exists there; nothing was overwritten."


class WeakPassphrase(VaultError):
    """The passphrase does not meet the policy."""

    exit_code = 9


class VaultLocked(VaultError):
    """An operation needed an unlocked vault."""

    exit_code = 10
    default_message = "The vault is locked. Unlock it first."


class BackupError(VaultError):
    """A backup is incomplete or does not match its manifest."""

    exit_code = 11
    default_message = "The backup is incomplete or damaged; nothing was restored."
