"""The ``pp-desktop iati`` sub-commands (IATI 2.03 activity XML); filled in by issue 7."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Add this module's sub-commands to ``sub`` (each sets ``handler`` with set_defaults)."""
    del sub
