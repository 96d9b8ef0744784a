"""Reading passphrases and recovery keys: from a file or a prompt, never from an argument."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path


class InputError(Exception):
    """The secret could not be read; the message says how to give it."""

    exit_code = 2


def read_secret_file(path: Path) -> str:
    """The file's content with one trailing newline stripped."""
    try:
        text = Path(path).read_text("utf-8")
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    if text.endswith("\r\n"):
        return text[:-2]
    return text[:-1] if text.endswith("\n") else text


def _prompt(label: str) -> str:
    if not sys.stdin.isatty():
        raise InputError(
            f"No {label.lower()} given: this is not an interactive terminal. "
            "Use --passphrase-file FILE (see pp-desktop COMMAND --help)."
        )
    return getpass.getpass(f"{label}: ")


def get_passphrase(file: Path | None, label: str = "Passphrase") -> str:
    """The passphrase from ``file`` or a hidden prompt."""
    return read_secret_file(file) if file else _prompt(label)


def get_new_passphrase(file: Path | None, label: str = "New passphrase") -> str:
    """A new passphrase from ``file``, or asked twice at a hidden prompt."""
    if file:
        return read_secret_file(file)
    first = _prompt(label)
    if _prompt(f"{label} (again)") != first:
        raise InputError("The two passphrases differ; nothing was changed.")
    return first
