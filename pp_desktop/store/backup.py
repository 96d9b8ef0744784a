"""Consistent encrypted backups of an open vault, and verified restores.

A backup is a folder: ``vault.db`` (made with SQLite's online backup API while the vault is open,
so it is consistent and still encrypted with the same data key), both key files, and
``manifest.json`` with the SHA-256 and size of each file. A restore checks all of it before it
writes anything, writes into a temporary folder beside the target and renames it into place;
the restored vault carries a marker so that the next unlock flags it for reconciliation with HQ.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pp_desktop import __version__
from pp_desktop.store import keyfile as kf
from pp_desktop.store.atomic import atomic_write_bytes, fsync_dir
from pp_desktop.store.engine import connect_raw, is_plaintext_sqlite
from pp_desktop.store.errors import BackupError, KeyFileError, VaultExists
from pp_desktop.store.vault import DB_NAME, RESTORED_MARKER, Vault

MANIFEST = "manifest.json"
MANIFEST_FORMAT = "pp-desktop-backup"


@dataclass(frozen=True)
class BackupInfo:
    """What a backup holds."""

    folder: Path
    vault_id: str
    created_at: str
    schema_revision: str
    files: dict[str, str]  # name -> sha256


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def backup(vault: Vault, dest: Path) -> BackupInfo:
    """Write a consistent copy of the open ``vault`` into the new folder ``dest``."""
    dest = Path(dest)
    if dest.exists() and any(dest.iterdir()):
        raise BackupError(f"{dest} is not empty; choose a new folder for the backup.")
    dest.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", dir=dest.parent))
    try:
        source = connect_raw(vault.db_path, vault.dek)
        target = connect_raw(work / DB_NAME, vault.dek, check=False)
        try:
            source.backup(target)  # page by page, consistent snapshot, stays encrypted
            target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            revision = str(target.execute("SELECT version_num FROM alembic_version").fetchone()[0])
        finally:
            target.close()
            source.close()
        for name in kf.KEYFILE_NAMES:
            shutil.copy2(vault.folder / name, work / name)
        files = {p.name: _sha256(p) for p in sorted(work.iterdir()) if p.is_file()}
        created = datetime.now(UTC).isoformat(timespec="seconds")
        manifest = {
            "format": MANIFEST_FORMAT,
            "format_version": 1,
            "vault_id": vault.vault_id,
            "created_at": created,
            "app_version": __version__,
            "schema_revision": revision,
            "files": {
                n: {"sha256": h, "size": (work / n).stat().st_size} for n, h in files.items()
            },
        }
        atomic_write_bytes(work / MANIFEST, json.dumps(manifest, indent=1).encode() + b"\n")
        if dest.exists():
            dest.rmdir()
        work.rename(dest)
        fsync_dir(dest.parent)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return BackupInfo(dest, vault.vault_id, created, revision, files)


def verify_backup(src: Path) -> BackupInfo:
    """Check a backup folder against its manifest; BackupError says what is wrong."""
    src = Path(src)
    try:
        manifest = json.loads((src / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(
            f"{src} is not a pp-desktop backup (its manifest.json is missing or unreadable)."
        ) from exc
    if manifest.get("format") != MANIFEST_FORMAT:
        raise BackupError(f"{src} is not a pp-desktop backup.")
    files: dict[str, str] = {}
    for name, meta in manifest.get("files", {}).items():
        path = src / name
        if "/" in name or "\\" in name or name.startswith("."):
            raise BackupError(f"The backup manifest names an unsafe file: {name!r}.")
        if not path.is_file():
            raise BackupError(f"The backup is incomplete: {name} is missing.")
        if path.stat().st_size != meta.get("size") or _sha256(path) != meta.get("sha256"):
            raise BackupError(f"The backup is damaged: {name} does not match its checksum.")
        files[name] = str(meta["sha256"])
    if DB_NAME not in files or not any(n in files for n in kf.KEYFILE_NAMES):
        raise BackupError("The backup is incomplete: it lacks the database or the key file.")
    if is_plaintext_sqlite(src / DB_NAME):
        raise BackupError("The backup's database is not encrypted; it was not made by pp-desktop.")
    try:
        keys = kf.read_keyfile(src, repair=False)
    except KeyFileError as exc:
        raise BackupError("The backup's key file is damaged.") from exc
    if keys.vault_id != manifest.get("vault_id"):
        raise BackupError("The backup's key file belongs to another vault.")
    return BackupInfo(
        src,
        keys.vault_id,
        str(manifest.get("created_at", "")),
        str(manifest.get("schema_revision", "")),
        files,
    )


def restore(src: Path, target: Path, *, force: bool = False) -> BackupInfo:
    """Restore the backup ``src`` as the vault ``target`` (verified first; nothing half-written).

    An existing vault at ``target`` is refused unless ``force``; then it is kept aside as
    ``<target>.before-restore-<time>`` rather than deleted.
    """
    info = verify_backup(src)
    target = Path(target)
    occupied = target.exists() and any(target.iterdir())
    if occupied and not force:
        raise VaultExists(
            f"{target} already holds a vault or other files; nothing was overwritten. "
            "Use --force to replace it (the old one is kept aside)."
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.restore.", dir=target.parent))
    try:
        for name in info.files:
            shutil.copy2(src / name, work / name)
            if _sha256(work / name) != info.files[name]:
                raise BackupError(f"Copying {name} failed verification; nothing was restored.")
        (work / RESTORED_MARKER).write_text(info.created_at + "\n", "utf-8")
        work.chmod(0o700)
        if target.exists():
            if occupied:
                stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
                target.rename(target.with_name(f"{target.name}.before-restore-{stamp}"))
            else:
                target.rmdir()
        work.rename(target)
        fsync_dir(target.parent)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return info
