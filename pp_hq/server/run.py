"""``pp-hq serve``: the HQ application under uvicorn."""

from __future__ import annotations

import errno
import socket
from pathlib import Path

from pp_desktop.sync.errors import SyncError
from pp_hq.context import Hq
from pp_hq.keys import HomeError


class ServeError(SyncError):
    """The server cannot start (address in use, not allowed)."""

    exit_code = 45


def _check_address(host: str, port: int) -> None:
    """A clear message before uvicorn's own, when the address cannot be listened on."""
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ServeError(
                f"Port {port} on {host} is in use (another pp-hq serve?). Choose another --port."
            ) from None
        raise ServeError(f"Cannot listen on {host}:{port}: {exc.strerror or exc}.") from None


def serve(
    home: Path,
    host: str = "127.0.0.1",
    port: int = 8700,
    url: str | None = None,
    passphrase: str | None = None,
) -> None:
    """Check the home, keys, database and address (clear errors before listening), then serve
    until interrupted."""
    import uvicorn

    from pp_hq.server.app import create_app

    if not (home / "root.json").is_file():
        raise HomeError(f"{home} is not an HQ home. Run 'pp-hq init --home {home}' first.")
    Hq(home, url=url, passphrase=passphrase).dispose()  # keys and database open: fail early
    _check_address(host, port)
    app = create_app(home, url=url, passphrase=passphrase)
    print(f"pp-hq serving {home} on http://{host}:{port} (Ctrl+C stops).", flush=True)
    # uvicorn's own access log is off: the app writes JSON lines without record contents
    uvicorn.run(app, host=host, port=port, access_log=False, log_level="warning")
