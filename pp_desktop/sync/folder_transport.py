"""The folder transport (USB stick, shared drive): bundle files written and found in a folder.

The same bytes as any other transport. Files are written atomically (the signature last, so a
reader never pairs a new ciphertext with an old signature) and read with a size bound, so a huge
file on a stick is refused without being loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pp_desktop.store.atomic import atomic_write_bytes
from pp_desktop.sync.errors import SyncError
from pp_desktop.sync.limits import DEFAULT_LIMITS

_UP = re.compile(r"(?P<sender>[A-Za-z0-9][A-Za-z0-9-]{0,63})-(?P<seq>[0-9]{1,16})\.age")
_DOWN = re.compile(r"hq-(?P<to>[A-Za-z0-9][A-Za-z0-9-]{0,63})-(?P<seq>[0-9]{1,16})\.age")


class FolderError(SyncError):
    """The folder cannot be read or written."""

    exit_code = 37


@dataclass(frozen=True)
class FoundBundle:
    """A pair of bundle files in a folder (``party``: sender upstream, receiver downstream)."""

    name: str
    party: str
    seq: int
    age_path: Path
    sig_path: Path

    def read(self) -> tuple[bytes, bytes]:
        """Both files' bytes, each cut one byte past its size cap (the parser refuses it)."""
        return (
            _read_bounded(self.age_path, DEFAULT_LIMITS.max_age_bytes + 1),
            _read_bounded(self.sig_path, DEFAULT_LIMITS.max_sig_bytes + 1),
        )


def _read_bounded(path: Path, limit: int) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(limit)
    except OSError as exc:
        raise FolderError(f"Cannot read {path.name}: {exc.strerror}.") from None


def _folder(folder: Path) -> Path:
    if not folder.is_dir():
        raise FolderError(f"{folder} is not a folder (is the USB stick plugged in?).")
    return folder


def write_bundle(folder: Path, names: tuple[str, str], age: bytes, minisig: bytes) -> None:
    """Write ``<name>.age`` and ``<name>.age.minisig`` into ``folder`` (same bytes on retry)."""
    folder = _folder(folder)
    try:
        atomic_write_bytes(folder / names[0], age, mode=0o644)
        atomic_write_bytes(folder / names[1], minisig, mode=0o644)
    except OSError as exc:
        raise FolderError(f"Cannot write to {folder}: {exc.strerror}.") from None


def _scan(folder: Path, pattern: re.Pattern[str], group: str) -> list[FoundBundle]:
    found = []
    for age_path in sorted(_folder(folder).glob("*.age")):
        m = pattern.fullmatch(age_path.name)
        if m is None:
            continue
        sig_path = age_path.with_name(age_path.name + ".minisig")
        found.append(
            FoundBundle(age_path.name, m.group(group), int(m.group("seq")), age_path, sig_path)
        )
    return sorted(found, key=lambda b: (b.party, b.seq))


def upstream_bundles(folder: Path) -> list[FoundBundle]:
    """Device bundles (``<device>-<seq>.age``), per device in sequence order."""
    return [b for b in _scan(folder, _UP, "sender") if not b.name.startswith("hq-")]


def downstream_bundles(folder: Path, device_id: str) -> list[FoundBundle]:
    """HQ's bundles for ``device_id`` (``hq-<device>-<seq>.age``), in sequence order."""
    return [b for b in _scan(folder, _DOWN, "to") if b.party == device_id]
