"""Helpers shared by the vault tests (imported by name: tests/store is on sys.path under pytest's
default "prepend" import mode). Not a test module."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from pp_desktop.store import VaultError
from pp_desktop.store.engine import connect_raw

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("vault_child.py")

# Text that must never reach an officer: Python internals, library names, raw error codes.
_NOT_FOR_OFFICERS = (
    "Traceback",
    'File "',
    ".py",
    "Error",
    "Exception",
    "sqlcipher",
    "sqlite3",
    "SQLITE_",
    "errno",
    "InvalidTag",
    "KeyError",
    "\n",
)


def assert_officer_message(exc: VaultError) -> None:
    """The error's message is a plain sentence an officer can act on."""
    msg = exc.message
    assert msg == str(exc)
    assert 25 <= len(msg) <= 400, msg
    for bad in _NOT_FOR_OFFICERS:
        assert bad not in msg, f"{bad!r} in officer message {msg!r}"
    assert msg[0].isupper(), msg
    assert msg.rstrip().endswith("."), msg


def flip_bit(path: Path, offset: int, bit: int = 0) -> None:
    """Flip one bit of ``path`` in place (``offset`` may be negative: from the end)."""
    data = bytearray(path.read_bytes())
    data[offset] ^= 1 << bit
    path.write_bytes(bytes(data))


def raw_query(
    db: Path, dek: bytes, sql: str, params: tuple[Any, ...] = ()
) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` over a fresh raw keyed connection (bypasses the Vault class)."""
    conn = connect_raw(db, dek)
    try:
        return list(conn.execute(sql, params).fetchall())
    finally:
        conn.close()


def seizure_digest(conn: Any) -> tuple[int, str]:
    """(count, SHA-256 over every seizure's id, quantity and notes in id order) on a DBAPI or
    SQLAlchemy connection."""
    rows = (conn.exec_driver_sql if hasattr(conn, "exec_driver_sql") else conn.execute)(
        "SELECT id, quantity, notes FROM seizure ORDER BY id"
    )
    h = hashlib.sha256()
    n = 0
    for rid, qty, notes in rows:
        h.update(f"{rid}|{qty!r}|{notes}\n".encode())
        n += 1
    return n, h.hexdigest()


def child_env() -> dict[str, str]:
    """Environment for a child process: unbuffered, same interpreter paths."""
    env = dict(os.environ)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def start_child(*args: str, passphrase: str) -> subprocess.Popen[str]:
    """Start tests/store/vault_child.py with ``args``; the passphrase goes through stdin."""
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        cwd=ROOT,
        env=child_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None
    proc.stdin.write(passphrase + "\n")
    proc.stdin.close()
    proc.stdin = None  # closed: communicate() must not flush it
    return proc


def run_child(*args: str, passphrase: str, timeout: float = 120) -> tuple[int, str, str]:
    """Run the child to completion; returns (exit code, stdout, stderr)."""
    proc = start_child(*args, passphrase=passphrase)
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def scan_for(paths: list[Path], needles: list[str]) -> list[str]:
    """Every (file, needle, encoding) where a needle occurs, as readable strings.

    Each needle is looked for as given and lower-cased (FTS indexes store lower-case tokens),
    in UTF-8, UTF-16-LE and UTF-16-BE.
    """
    found = []
    for path in paths:
        data = path.read_bytes()
        for needle in needles:
            for variant in {needle, needle.lower(), needle.upper()}:
                for enc in ("utf-8", "utf-16-le", "utf-16-be"):
                    if variant.encode(enc) in data:
                        found.append(f"{path.name}: {variant!r} ({enc})")
    return found


def all_files(folder: Path) -> list[Path]:
    """Every regular file under ``folder`` (recursive)."""
    return sorted(p for p in folder.rglob("*") if p.is_file())
