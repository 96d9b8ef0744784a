"""The vault: an encrypted SQLCipher database plus its key file (DESIGN §3, docs/vault-format.md).

Lifecycle: :meth:`Vault.create` or :meth:`Vault.unlock` (or :meth:`Vault.recover`) gives an
unlocked vault with a SQLAlchemy engine; :meth:`Vault.lock` disposes every connection and forgets
the data key.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import uuid_utils
from sqlalchemy import Connection, Engine, text

from pp_desktop import __version__
from pp_desktop.store import keyfile as kf
from pp_desktop.store import migrate
from pp_desktop.store.engine import (
    WRITE_OPTION,
    DBError,
    connect_raw,
    is_plaintext_sqlite,
    make_engine,
)
from pp_desktop.store.errors import (
    DatabaseDamaged,
    KeyFileError,
    VaultError,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    WrongRecoveryKey,
)
from pp_desktop.store.passphrase_policy import check_passphrase

DB_NAME = "vault.db"
PAGE_SIZE = 4096  # SQLCipher 4 default: a vault file is always a whole number of pages
RESTORED_MARKER = "RESTORED"  # left by restore; turned into vault metadata at the next unlock


def utc_now() -> str:
    """Current UTC time, ISO 8601 with milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class OfficerProfile:
    """Who keeps the vault: the "who" of audit entries and provenance."""

    name: str
    home_country: str
    device_label: str


def disable_core_dumps() -> None:
    """No core dump may carry the data key or decrypted pages to disk (DESIGN §3).

    POSIX only: Windows writes no core files unless the user configured WER LocalDumps.
    """
    if sys.platform == "win32":
        return
    import resource

    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def vault_files(folder: Path) -> list[Path]:
    """Every file a vault consists of (database, WAL, SHM, both key files) that exists."""
    names = [DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", *kf.KEYFILE_NAMES]
    return [folder / n for n in names if (folder / n).exists()]


class Vault:
    """An unlocked vault. Create one with :meth:`create`, :meth:`unlock` or :meth:`recover`."""

    def __init__(self, folder: Path, dek: bytes, keys: kf.KeyFile) -> None:
        self.folder = folder
        self.vault_id = keys.vault_id
        self._keys = keys
        self._dek: bytearray | None = bytearray(dek)
        self._engine: Engine | None = make_engine(self.db_path, dek)
        self._on_lock: list[Callable[[], None]] = []

    # --- paths and state -----------------------------------------------------------------

    @property
    def db_path(self) -> Path:
        """The SQLCipher database file."""
        return self.folder / DB_NAME

    @property
    def is_locked(self) -> bool:
        """True once :meth:`lock` ran."""
        return self._engine is None

    @property
    def engine(self) -> Engine:
        """The engine of the unlocked vault (VaultLocked once locked)."""
        if self._engine is None:
            raise VaultLocked()
        return self._engine

    @property
    def dek(self) -> bytes:
        """The raw data key, for background connections (VaultLocked once locked)."""
        if self._dek is None:
            raise VaultLocked()
        return bytes(self._dek)

    def connect_raw(self) -> object:
        """A new sqlcipher3 DBAPI connection (background work, benchmarks)."""
        return connect_raw(self.db_path, self.dek)

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """A connection in a write transaction (BEGIN IMMEDIATE), committed on success."""
        options = {WRITE_OPTION: True}
        with self.engine.connect().execution_options(**options) as conn, conn.begin():
            yield conn

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection in a read transaction (a consistent snapshot)."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def on_lock(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` when the vault locks (views clear themselves, temp files go)."""
        self._on_lock.append(callback)

    # --- creation and opening ------------------------------------------------------------

    @classmethod
    def create(
        cls,
        folder: Path,
        passphrase: str,
        profile: OfficerProfile,
        *,
        argon2: kf.Argon2Params = kf.DEFAULT_ARGON2,
        seed_reference: bool = True,
    ) -> tuple[Vault, str]:
        """Create a new vault in ``folder``; returns the vault and the recovery key (show once)."""
        check_passphrase(passphrase)
        folder = Path(folder)
        if (folder / DB_NAME).exists() or kf.keyfile_exists(folder):
            raise VaultExists(f"A vault already exists in {folder}; nothing was overwritten.")
        folder.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            folder.chmod(0o700)
        disable_core_dumps()
        vault_id = str(uuid_utils.uuid7())
        dek = kf.new_dek()
        recovery_key = kf.new_recovery_key()
        keys = kf.KeyFile(
            vault_id=vault_id,
            generation=1,
            current=kf.make_keyset(dek, passphrase, recovery_key, vault_id, argon2),
        )
        kf.write_keyfile(folder, keys)
        conn = connect_raw(folder / DB_NAME, dek, check=False)  # creates the encrypted file
        conn.close()
        with contextlib.suppress(OSError):
            (folder / DB_NAME).chmod(0o600)
        vault = cls(folder, dek, keys)
        try:
            with vault.write() as c:
                migrate.upgrade(c)
                now = utc_now()
                vault._set_meta(
                    c,
                    {
                        "vault_id": vault_id,
                        "device_id": str(uuid_utils.uuid7()),
                        "created_at": now,
                        "created_by_app": __version__,
                        "officer_name": profile.name,
                        "home_country": profile.home_country,
                        "device_label": profile.device_label,
                    },
                )
                if seed_reference:
                    from pp_desktop.store.reference_seed import seed_reference_data

                    seed_reference_data(c)
        except BaseException:
            vault.lock()
            for path in vault_files(folder):
                path.unlink(missing_ok=True)
            raise
        return vault, recovery_key

    @classmethod
    def _read_keys(cls, folder: Path) -> kf.KeyFile:
        folder = Path(folder)
        db = folder / DB_NAME
        if not db.exists() and not kf.keyfile_exists(folder):
            raise VaultNotFound(f"There is no vault in {folder}.")
        keys = kf.read_keyfile(folder)  # KeyFileError when no intact copy
        if not db.exists():
            raise DatabaseDamaged(
                f"The vault database ({db.name}) is missing from {folder}. "
                "Restore the vault from a backup (pp-desktop restore)."
            )
        size = db.stat().st_size
        if size == 0 or size % PAGE_SIZE or is_plaintext_sqlite(db):
            raise DatabaseDamaged(
                "The vault database is incomplete, empty or not encrypted: it is not a usable "
                "pp-desktop vault. Nothing was opened; restore it from a backup."
            )
        return keys

    @classmethod
    def unlock(cls, folder: Path, passphrase: str) -> Vault:
        """Open the vault with the officer's passphrase."""
        keys = cls._read_keys(folder)
        dek = kf.unwrap_with_passphrase(keys.current, passphrase, keys.vault_id)
        pending = (
            kf.unwrap_with_passphrase(keys.pending, passphrase, keys.vault_id)
            if keys.pending
            else None
        )
        return cls._open(Path(folder), keys, dek, pending)

    @classmethod
    def recover(cls, folder: Path, recovery_key: str, new_passphrase: str) -> Vault:
        """Open the vault with its recovery key and set a new passphrase."""
        check_passphrase(new_passphrase)
        keys = cls._read_keys(folder)
        folder = Path(folder)
        if keys.pending is not None:  # an interrupted re-key: old OR new recovery key
            keys, dek = cls._settle_rekey_with_recovery(folder, keys, recovery_key)
        else:
            dek = kf.unwrap_with_recovery(keys.current, recovery_key, keys.vault_id)
        vault = cls._open(folder, keys, dek, None)
        vault._rewrap_passphrase(new_passphrase)
        return vault

    @classmethod
    def _open(cls, folder: Path, keys: kf.KeyFile, dek: bytes, pending: bytes | None) -> Vault:
        disable_core_dumps()
        db = folder / DB_NAME
        if pending is not None:
            keys, dek = cls._finish_rekey(folder, keys, dek, pending)
        try:
            connect_raw(db, dek).close()
        except DBError as exc:
            raise DatabaseDamaged() from exc
        vault = cls(folder, dek, keys)
        try:
            with vault.write() as conn:
                migrate.upgrade(conn)
                stored_id = conn.execute(
                    text("SELECT value FROM vault_meta WHERE key='vault_id'")
                ).scalar()
                if stored_id != keys.vault_id:
                    raise KeyFileError(
                        "The key file belongs to another vault. Put the right vault.key beside "
                        "this vault.db, or restore the vault from a backup."
                    )
                marker = folder / RESTORED_MARKER
                if marker.exists():
                    vault._set_meta(conn, {"restored_at": utc_now(), "needs_reconcile": "1"})
            (folder / RESTORED_MARKER).unlink(missing_ok=True)
        except VaultError:
            vault.lock()
            raise
        except DBError as exc:
            vault.lock()
            raise DatabaseDamaged() from exc
        return vault

    # --- key management ------------------------------------------------------------------

    def lock(self) -> None:
        """Dispose every connection and forget the data key."""
        callbacks, self._on_lock = self._on_lock, []
        for callback in callbacks:
            with contextlib.suppress(Exception):
                callback()
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        if self._dek is not None:
            for i in range(len(self._dek)):  # best effort: Python may hold other copies
                self._dek[i] = 0
            self._dek = None

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-wrap the data key under a new passphrase (the recovery key stays valid)."""
        check_passphrase(new)
        kf.unwrap_with_passphrase(self._keys.current, old, self.vault_id)  # WrongPassphrase
        self._rewrap_passphrase(new)

    def _rewrap_passphrase(self, new: str) -> None:
        dek = self.dek
        params = self._keys.current.passphrase.argon2 or kf.DEFAULT_ARGON2
        current = replace(
            self._keys.current,
            passphrase=kf.wrap_for_passphrase(dek, new, self.vault_id, params),
        )
        keys = replace(self._keys, current=current, generation=self._keys.generation + 1)
        kf.write_keyfile(self.folder, keys)
        self._keys = keys

    def rekey(
        self,
        passphrase: str,
        show_recovery_key: Callable[[str], None],
        *,
        _crash_at: str | None = None,
    ) -> None:
        """Full re-key after a suspected compromise: new data key, database re-encrypted.

        Old key files (in old backups) no longer open the vault, so the recovery key is replaced
        too: ``show_recovery_key`` receives the new one before anything is written (raise in it
        to cancel). Crash-safe: the next key set is written first (``pending``), then the
        database is re-encrypted, then the key file promotes it; an interrupted re-key is
        finished by the next unlock. ``_crash_at`` exists for the crash tests.
        """
        old_dek = kf.unwrap_with_passphrase(self._keys.current, passphrase, self.vault_id)
        new_dek = kf.new_dek()
        new_recovery = kf.new_recovery_key()
        params = self._keys.current.passphrase.argon2 or kf.DEFAULT_ARGON2
        show_recovery_key(new_recovery)
        pending = kf.make_keyset(new_dek, passphrase, new_recovery, self.vault_id, params)
        staged = replace(self._keys, pending=pending, generation=self._keys.generation + 1)
        kf.write_keyfile(self.folder, staged)
        _maybe_crash(_crash_at, "after-pending-written")
        assert self._engine is not None
        self._engine.dispose()  # no other connection may hold the old key
        _reencrypt(self.db_path, old_dek, new_dek, _crash_at)
        _maybe_crash(_crash_at, "after-database-rekeyed")
        self._keys = _promote(self.folder, staged)
        if self._dek is not None:
            self._dek[:] = bytes(len(self._dek))  # best effort: forget the old key
        self._dek = bytearray(new_dek)
        self._engine = make_engine(self.db_path, new_dek)

    @staticmethod
    def _settle_rekey_with_recovery(
        folder: Path, keys: kf.KeyFile, recovery_key: str
    ) -> tuple[kf.KeyFile, bytes]:
        """A recovery key opens one key set only: roll forward with the new one when the
        database is already re-encrypted, back with the old one when it is not."""
        assert keys.pending is not None
        db = folder / DB_NAME
        try:
            new = kf.unwrap_with_recovery(keys.pending, recovery_key, keys.vault_id)
        except WrongRecoveryKey:
            old = kf.unwrap_with_recovery(keys.current, recovery_key, keys.vault_id)
            try:
                connect_raw(db, old).close()
            except DBError:
                raise WrongRecoveryKey(
                    "The interrupted re-key had already re-encrypted the vault: use the NEW "
                    "recovery key shown at the re-key, or your passphrase."
                ) from None
            back = replace(keys, pending=None, generation=keys.generation + 1)
            kf.write_keyfile(folder, back)
            return back, old
        try:
            connect_raw(db, new).close()
        except DBError:
            raise WrongRecoveryKey(
                "The re-key was interrupted before the vault was re-encrypted: use your "
                "previous recovery key, or your passphrase, to finish it."
            ) from None
        return _promote(folder, keys), new

    @staticmethod
    def _finish_rekey(
        folder: Path, keys: kf.KeyFile, dek: bytes, pending: bytes
    ) -> tuple[kf.KeyFile, bytes]:
        """Finish a re-key that a crash interrupted (roll forward: the new key was shown)."""
        db = folder / DB_NAME
        try:
            connect_raw(db, dek).close()  # still under the old key: re-encrypt now
        except DBError:
            pass
        else:
            _reencrypt(db, dek, pending, None)
        try:
            connect_raw(db, pending).close()
        except DBError as exc:
            raise DatabaseDamaged() from exc
        return _promote(folder, keys), pending

    # --- metadata --------------------------------------------------------------------------

    @staticmethod
    def _set_meta(conn: Connection, values: dict[str, str]) -> None:
        conn.execute(
            text(
                "INSERT INTO vault_meta(key, value) VALUES (:k, :v) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
            ),
            [{"k": k, "v": v} for k, v in values.items()],
        )

    def meta(self) -> dict[str, str]:
        """Every metadata value of the vault."""
        with self.read() as conn:
            return {
                str(k): str(v) for k, v in conn.execute(text("SELECT key, value FROM vault_meta"))
            }

    def set_meta(self, values: dict[str, str]) -> None:
        """Set metadata values (officer profile, settings) in one transaction."""
        with self.write() as conn:
            self._set_meta(conn, values)

    @property
    def profile(self) -> OfficerProfile:
        """The officer profile stored in the vault."""
        m = self.meta()
        return OfficerProfile(
            m.get("officer_name", ""), m.get("home_country", ""), m.get("device_label", "")
        )

    def set_profile(self, profile: OfficerProfile) -> None:
        """Edit the officer profile."""
        self.set_meta(
            {
                "officer_name": profile.name,
                "home_country": profile.home_country,
                "device_label": profile.device_label,
            }
        )

    def integrity_check(self) -> list[str]:
        """Check every page's HMAC and the b-trees; returns the problems found (empty: healthy)."""
        conn = self.connect_raw()
        problems: list[str] = []
        try:
            problems += [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]  # type: ignore[attr-defined]
            problems += [
                str(r[0])
                for r in conn.execute("PRAGMA quick_check")  # type: ignore[attr-defined]
                if r[0] != "ok"
            ]
        except DBError as exc:
            problems.append(str(exc))
        finally:
            conn.close()  # type: ignore[attr-defined]
        return problems


def _maybe_crash(crash_at: str | None, step: str) -> None:
    if crash_at == step:
        os._exit(77)  # simulate a power cut: no cleanup, no flush


def _reencrypt(db: Path, old: bytes, new: bytes, crash_at: str | None) -> None:
    conn = connect_raw(db, old)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if crash_at == "during-rekey":
            conn.execute("PRAGMA cache_size = 10")  # force pages out mid-transaction
        conn.execute(f"PRAGMA rekey = \"x'{new.hex()}'\"")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _promote(folder: Path, staged: kf.KeyFile) -> kf.KeyFile:
    assert staged.pending is not None
    done = replace(staged, current=staged.pending, pending=None, generation=staged.generation + 1)
    kf.write_keyfile(folder, done)
    return done
