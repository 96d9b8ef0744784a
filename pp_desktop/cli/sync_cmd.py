"""The ``pp-desktop sync`` sub-commands (issue 4: enrol, status, pubkey, export, import)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Add this module's sub-commands to ``sub`` (each sets ``handler`` with set_defaults)."""
    del sub
