"""A private folder for attachments the officer opens: readable by this user only (0700), emptied
when the vault locks and when the program ends, so decrypted files do not outlive the key."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path


class PrivateFolder:
    """Made at first use; :meth:`clear` removes it with everything in it."""

    def __init__(self, prefix: str = "pp-desktop-open-") -> None:
        self.prefix = prefix
        self._path: Path | None = None

    @property
    def path(self) -> Path | None:
        """The folder, None until a file was written."""
        return self._path

    def write(self, name: str, data: bytes) -> Path:
        """Write ``data`` as ``name`` (its directory part dropped) readable by the user only."""
        if self._path is None or not self._path.is_dir():
            self._path = Path(tempfile.mkdtemp(prefix=self.prefix))  # mkdtemp makes it 0700
        safe = Path(name).name or "attachment"
        target = self._path / safe
        stem, suffix, n = target.stem, target.suffix, 1
        while target.exists():  # two attachments of one name: keep both
            n += 1
            target = self._path / f"{stem} ({n}){suffix}"
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        return target

    def clear(self) -> None:
        """Delete the folder and every file opened from the vault."""
        if self._path is not None:
            shutil.rmtree(self._path, ignore_errors=True)
            self._path = None


OPENED = PrivateFolder()
atexit.register(OPENED.clear)
