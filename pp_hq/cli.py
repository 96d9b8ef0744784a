"""The ``pp-hq`` command line (filled in by issue 4)."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``pp-hq``."""
    del argv
    print("pp-hq: not built yet (issue 4)", file=sys.stderr)
    return 2
