"""Where the app finds its resources and keeps its data, from source and from the frozen app."""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_data_path

from pp_desktop import APP_NAME


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the package in a checkout, inside the frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """Path of one resource file, e.g. ``resource("reference", "drug.csv")``."""
    return resources_dir().joinpath(*parts)


def default_vault_dir() -> Path:
    """The officer's vault folder when none is given (platformdirs' user data directory)."""
    return user_data_path(APP_NAME, appauthor=False) / "vault"
