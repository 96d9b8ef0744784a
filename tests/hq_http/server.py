"""A real ``pp-hq serve`` in a child process on a free 127.0.0.1 port, and a throttling proxy."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """A port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class HqServer:
    """``pp-hq serve`` as a child process; ``kill`` is SIGKILL (no clean shutdown)."""

    def __init__(self, home: Path, db_url: str | None, log: Path, port: int | None = None):
        self.home = home
        self.db_url = db_url
        self.log = log
        self.port = port or free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> None:
        """Start and wait until ``/health`` answers 200 (polling, no fixed sleep)."""
        cmd = [
            sys.executable,
            "-c",
            "import sys; from pp_hq.cli import main; sys.exit(main())",
            "serve",
            "--home",
            str(self.home),
            "--port",
            str(self.port),
        ]
        if self.db_url:
            cmd += ["--db", self.db_url]
        out = self.log.open("ab")
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env={**os.environ}
        )
        out.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"pp-hq serve exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(self.url + "/health", timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"pp-hq serve did not become ready: {self.log.read_text()[-2000:]}")

    def kill(self) -> None:
        """SIGKILL and reap."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=30)

    def stop(self) -> None:
        """SIGTERM (uvicorn shuts down cleanly), SIGKILL if it hangs."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()

    def log_lines(self) -> list[str]:
        return self.log.read_text(encoding="utf-8", errors="replace").splitlines()


class Proxy:
    """A TCP proxy on a free port in a thread: throttles both directions to ``rate`` bytes per
    second (None: no throttle) and calls ``on_upstream(total_bytes)`` as client bytes pass."""

    def __init__(
        self,
        target_port: int,
        rate: int | None = None,
        on_upstream: Callable[[int], None] | None = None,
    ) -> None:
        self.target_port = target_port
        self.rate = rate
        self.on_upstream = on_upstream
        self.port = free_port()
        self.up_bytes = 0
        self.down_bytes = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._server: asyncio.AbstractServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Proxy:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("proxy did not start")
        return self

    def __exit__(self, *_exc: object) -> None:
        async def close() -> None:
            if self._server is not None:
                self._server.close()
            # end the open connections while the loop still runs (their writers close cleanly)
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)

        async def start() -> None:
            self._server = await asyncio.start_server(self._client, "127.0.0.1", self.port)
            self._ready.set()

        self._loop.run_until_complete(start())
        self._loop.run_forever()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_r, up_w = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.close()
            return
        await asyncio.gather(
            self._pipe(reader, up_w, upstream=True),
            self._pipe(up_r, writer, upstream=False),
            return_exceptions=True,
        )

    async def _pipe(
        self, src: asyncio.StreamReader, dst: asyncio.StreamWriter, *, upstream: bool
    ) -> None:
        chunk = 1024 if self.rate else 65536
        try:
            while True:
                data = await src.read(chunk)
                if not data:
                    break
                dst.write(data)
                await dst.drain()
                if upstream:
                    self.up_bytes += len(data)
                    if self.on_upstream is not None:
                        self.on_upstream(self.up_bytes)
                else:
                    self.down_bytes += len(data)
                if self.rate:
                    await asyncio.sleep(len(data) / self.rate)
        except (ConnectionError, OSError):
            pass
        finally:
            with contextlib.suppress(ConnectionError, OSError):
                dst.close()
