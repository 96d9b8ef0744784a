"""``pp-hq serve`` refuses clearly, before listening: no HQ home, a port in use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.hq_http.server import ROOT, HqServer

_MAIN = "import sys; from pp_hq.cli import main; sys.exit(main())"


def _serve(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _MAIN, "serve", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ},
    )


def test_serve_refuses_a_folder_that_is_not_an_hq_home(tmp_path: Path) -> None:
    done = _serve("--home", str(tmp_path / "nothing"), "--port", "1")
    assert done.returncode == 40
    assert "is not an HQ home" in done.stderr and "Traceback" not in done.stderr


def test_serve_refuses_a_port_in_use(hq_server: HqServer) -> None:
    args = ["--home", str(hq_server.home), "--port", str(hq_server.port)]
    done = _serve(*args, "--db", hq_server.db_url or "")
    assert done.returncode == 45, done.stderr
    assert f"Port {hq_server.port}" in done.stderr and "Traceback" not in done.stderr
