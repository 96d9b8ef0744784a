"""The ``pp-desktop export / import`` sub-commands (Excel and CSV); filled in by issue 6."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Add this module's sub-commands to ``sub`` (each sets ``handler`` with set_defaults)."""
    del sub
