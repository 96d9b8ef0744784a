"""The vault: key hierarchy, SQLCipher engine, migrations. No Qt here."""

from pp_desktop.store.errors import (
    BackupError,
    DatabaseDamaged,
    KeyFileError,
    VaultError,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    VaultTooNew,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from pp_desktop.store.vault import OfficerProfile, Vault

__all__ = [
    "BackupError",
    "DatabaseDamaged",
    "KeyFileError",
    "OfficerProfile",
    "Vault",
    "VaultError",
    "VaultExists",
    "VaultLocked",
    "VaultNotFound",
    "VaultTooNew",
    "WeakPassphrase",
    "WrongPassphrase",
    "WrongRecoveryKey",
]
