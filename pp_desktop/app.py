"""The ``pp-desktop`` entry point: the command line, or the GUI when no command is given.

This module and pp_desktop.ui are the only places allowed to import Qt, and Qt is imported only
when the GUI really starts, so the command line stays fast and works without a display.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from pp_desktop.cli import main as cli

EXIT_NO_DISPLAY = 13


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal", "vnc", "eglfs", "linuxfb")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``pp-desktop`` with ``argv`` (default: the process arguments)."""
    args = cli.parse(sys.argv[1:] if argv is None else argv)
    if args.command not in (None, "gui"):
        return cli.run(args)
    if not _has_display():
        print(
            "pp-desktop: no display found, so the window cannot open.\n"
            "  On a desktop, run it from the graphical session. On a server, use a virtual\n"
            "  display:   xvfb-run -a pp-desktop gui --vault DIR\n"
            "  or render off screen:   QT_QPA_PLATFORM=offscreen pp-desktop gui --vault DIR\n"
            "  The command-line tools work without a display: pp-desktop --help",
            file=sys.stderr,
        )
        return EXIT_NO_DISPLAY
    from pp_desktop.ui.app import run_gui

    return run_gui(getattr(args, "vault", None))


if __name__ == "__main__":
    sys.exit(main())
