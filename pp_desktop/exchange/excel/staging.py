"""Atomic output: every temporary file in a private folder beside the target, removed in every
case; the finished file is renamed over the target only when complete.

openpyxl's write-only sheets stream their rows into temporary files of the system's temporary
folder by default; :func:`sheet_stream` points them into the staging folder instead (DESIGN §3:
plaintext of an export stays beside the file the officer chose).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl.worksheet import _writer as sheet_writer  # type: ignore[import-untyped]

from pp_desktop.store.atomic import fsync_dir


@contextlib.contextmanager
def staging(target: Path) -> Iterator[Path]:
    """A new private folder beside ``target``; removed with everything in it on exit."""
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent))
    try:
        yield folder
    finally:
        inside = str(folder) + os.sep
        # forget our sheet files in openpyxl's own clean-up list, then remove them
        sheet_writer.ALL_TEMP_FILES[:] = [
            p for p in sheet_writer.ALL_TEMP_FILES if not str(p).startswith(inside)
        ]
        shutil.rmtree(folder, ignore_errors=True)


def sheet_stream(ws: Any, folder: Path) -> None:
    """Start ``ws`` (a write-only sheet, views and columns already set) streaming into a file
    of ``folder``."""
    fd, name = tempfile.mkstemp(prefix="sheet.", suffix=".xml", dir=folder)
    os.close(fd)
    sheet_writer.ALL_TEMP_FILES.append(name)
    ws._writer = sheet_writer.WorksheetWriter(ws, out=name)
    ws._writer.write_top()


def publish(done: Path, target: Path) -> None:
    """Make ``done`` durable and rename it over ``target``."""
    with done.open("rb") as fh:
        os.fsync(fh.fileno())
    done.replace(target)
    fsync_dir(target.parent)
