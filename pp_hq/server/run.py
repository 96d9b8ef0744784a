"""``pp-hq serve``: the HQ application under uvicorn."""

from __future__ import annotations

from pathlib import Path

from pp_hq.context import Hq
from pp_hq.keys import HomeError


def serve(
    home: Path,
    host: str = "127.0.0.1",
    port: int = 8700,
    url: str | None = None,
    passphrase: str | None = None,
) -> None:
    """Check the home (a clear error before listening), then serve until interrupted."""
    import uvicorn

    from pp_hq.server.app import create_app

    if not (home / "root.json").is_file():
        raise HomeError(f"{home} is not an HQ home. Run 'pp-hq init --home {home}' first.")
    Hq(home, url=url, passphrase=passphrase).dispose()  # keys and database open: fail early
    app = create_app(home, url=url, passphrase=passphrase)
    # uvicorn's own access log is off: the app writes JSON lines without record contents
    uvicorn.run(app, host=host, port=port, access_log=False, log_level="warning")
