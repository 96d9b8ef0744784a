"""Faults a field connection produces, against a real ``pp-hq serve`` (SQLite and PostgreSQL):
HQ killed mid-upload, the device killed between sending and the receipt, HQ unreachable, a slow
link. Nothing is lost, nothing is applied twice."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from pp_desktop.services import Services
from pp_desktop.store import Vault
from pp_desktop.sync.http_transport import (
    LAST_RESULT,
    LAST_SYNC,
    RetryPolicy,
    enrol_and_remember,
    sync_now,
)
from pp_desktop.sync.state import get_meta, status
from pp_hq.context import Hq
from tests.hq.helpers import PASSPHRASE, TODAY, Device, content_hash, device_table, hq_table
from tests.hq_http.conftest import make_device
from tests.hq_http.server import HqServer, Proxy, free_port

ROOT = Path(__file__).resolve().parents[2]


def _seizures(d: Device, n: int) -> list[str]:
    from pp_desktop.services import bulk  # noqa: F401 (imported for its side effects: none)
    from pp_desktop.services import records as rec

    ids = []
    for i in range(n):
        values = {
            "seized_on": "2026-10-01",
            "country": "TJK",
            "drug": "HEROIN",
            "quantity": 1.0 + i,
            "unit": "KG",
            "notes": f"field note {i} " + secrets.token_hex(60),  # does not compress away
        }
        ids.append(rec.create(d.ctx, "seizure", values).created[0])
    return ids


def _enrolled(
    hq: Hq, server: HqServer, template: Path, tmp: Path, made: list[Device], name: str
) -> Device:
    d, f = make_device(hq, template, tmp, name, server.url, made)
    enrol_and_remember(d.ctx, f)  # the file carries HQ's address: remembered in the vault
    return d


def _hq_counts(hq: Hq, device: str) -> tuple[int, int, int]:
    """(bundles stored for the device, distinct (device, seq), live seizures) at HQ."""
    with hq.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT count(*), count(DISTINCT seq) FROM hq_inbound WHERE device = :d"),
            {"d": device},
        ).one()
        seizures = conn.execute(
            text("SELECT count(*) FROM seizure WHERE deleted_at IS NULL")
        ).scalar()
    return int(rows[0]), int(rows[1]), int(seizures or 0)


def _same_seizures(d: Device, hq: Hq, ids: list[str]) -> None:
    rows = device_table(d, "seizure")
    assert sorted(r[0] for r in rows) == sorted(ids)
    assert content_hash(rows) == content_hash(hq_table(hq, "seizure", lambda t: t.c.id.in_(ids)))


@pytest.mark.slow
def test_hq_killed_in_the_middle_of_an_upload_then_the_retry_succeeds(
    hq_server: HqServer,
    hq_view: Hq,
    template_vault: tuple[Path, str],
    tmp_path: Path,
    devices: list[Device],
) -> None:
    alpha = _enrolled(hq_view, hq_server, template_vault[0], tmp_path, devices, "alpha")
    assert sync_now(alpha.ctx, hq_server.url).ok  # the enrolment (small) goes through
    ids = _seizures(alpha, 300)
    from pp_desktop.sync.outbox import build

    (bundle,) = build(alpha.ctx)
    upload_size = len(bundle.age) * 4 // 3  # base64 in the JSON body
    assert upload_size > 40_000
    at_kill: list[int] = []
    killed = threading.Event()
    restarted = threading.Event()

    def kill_then_restart() -> None:
        hq_server.kill()  # SIGKILL while the bundle's bytes are still arriving
        killed.set()
        hq_server.start()  # same home, same port
        restarted.set()

    def on_upstream(total: int) -> None:
        if total > upload_size // 2 and not killed.is_set():
            at_kill.append(total)
            killed.set()
            threading.Thread(target=kill_then_restart, daemon=True).start()

    with Proxy(hq_server.port, rate=40_000, on_upstream=on_upstream) as proxy:
        report = sync_now(alpha.ctx, proxy.url, retry=RetryPolicy(attempts=8, base_s=0.5))
    assert restarted.is_set() and at_kill[0] < upload_size  # killed mid-upload
    assert report.ok, report
    assert report.confirmed == 1
    device_id = alpha.device_id
    stored, distinct, seizures = _hq_counts(hq_view, device_id)
    assert stored == distinct == 2 and seizures == 300  # enrolment + the one data bundle
    _same_seizures(alpha, hq_view, ids)
    assert status(alpha.ctx)["pending"] == 0
    # the request that died never reached the application: no "bundle" event before the kill
    events = [json.loads(x) for x in hq_server.log_lines() if x.startswith("{")]
    assert [e["event"] for e in events].count("ready") == 2


_CHILD = """
import os, signal, sys
from datetime import date
from pathlib import Path
from pp_desktop.services import Services
from pp_desktop.store import Vault
from pp_desktop.sync.http_transport import sync_now

vault = Vault.unlock(Path(sys.argv[1]), sys.argv[2])
ctx = Services(vault, today=lambda: date(2026, 11, 28))

def progress(done, total, text):
    if text.startswith("sent bundle"):
        # HQ has the bundle; the receipt is not fetched yet
        os.kill(os.getpid(), signal.SIGKILL)

sync_now(ctx, sys.argv[3], progress=progress)
print("not killed")
"""


def test_device_killed_after_sending_before_the_receipt_resends_idempotently(
    hq_server: HqServer,
    hq_view: Hq,
    template_vault: tuple[Path, str],
    tmp_path: Path,
    devices: list[Device],
) -> None:
    alpha = _enrolled(hq_view, hq_server, template_vault[0], tmp_path, devices, "alpha")
    assert sync_now(alpha.ctx, hq_server.url).ok
    ids = _seizures(alpha, 20)
    alpha.vault.lock()  # the child process is the laptop now
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, str(alpha.folder), PASSPHRASE, hq_server.url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ},
    )
    assert child.returncode == -9, child.stdout + child.stderr
    alpha.vault = Vault.unlock(alpha.folder, PASSPHRASE)
    alpha.ctx = Services(alpha.vault, today=lambda: TODAY)
    device_id = alpha.device_id
    assert _hq_counts(hq_view, device_id) == (2, 2, 20)  # HQ applied it
    assert status(alpha.ctx)["pending"] == 20  # the device never saw the receipt
    report = sync_now(alpha.ctx, hq_server.url)
    assert report.ok and report.sent == 1 and report.confirmed == 1
    assert _hq_counts(hq_view, device_id) == (2, 2, 20)  # the resend was a replay
    assert status(alpha.ctx)["pending"] == 0
    _same_seizures(alpha, hq_view, ids)
    events = [json.loads(x) for x in hq_server.log_lines() if x.startswith("{")]
    assert [e.get("status") for e in events if e["event"] == "bundle"][-1] == "replay"


def test_hq_unreachable_gives_a_clear_status_and_loses_nothing(
    hq_home: tuple[Path, str],
    hq_view: Hq,
    template_vault: tuple[Path, str],
    tmp_path: Path,
    devices: list[Device],
) -> None:
    server = HqServer(hq_home[0], hq_home[1], tmp_path / "late.log", port=free_port())
    alpha = _enrolled(hq_view, server, template_vault[0], tmp_path, devices, "alpha")
    ids = _seizures(alpha, 5)
    report = sync_now(alpha.ctx, server.url, retry=RetryPolicy(attempts=2, base_s=0.05))
    assert not report.ok and report.status == "unreachable"
    assert "cannot be reached" in report.message and "Nothing is lost" in report.message
    with alpha.ctx.reading() as conn:
        assert get_meta(conn, LAST_SYNC) is None
        assert json.loads(get_meta(conn, LAST_RESULT) or "{}")["status"] == "unreachable"
    assert status(alpha.ctx)["pending"] == 5
    # the command line says the same, with its own exit code
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE)
    alpha.vault.lock()
    cli = subprocess.run(
        [sys.executable, "-c", "import sys; from pp_desktop.app import main; sys.exit(main())",
         "sync", "now", "--vault", str(alpha.folder), "--passphrase-file", str(pw),
         "--hq", server.url],
        cwd=ROOT, capture_output=True, text=True, timeout=180, env={**os.environ},
    )  # fmt: skip
    assert cli.returncode == 39, cli.stderr
    assert "cannot be reached" in cli.stderr and "Traceback" not in cli.stderr
    server.start()
    try:
        cli = subprocess.run(
            [sys.executable, "-c", "import sys; from pp_desktop.app import main; sys.exit(main())",
             "sync", "now", "--vault", str(alpha.folder), "--passphrase-file", str(pw)],
            cwd=ROOT, capture_output=True, text=True, timeout=180, env={**os.environ},
        )  # fmt: skip
        # no --hq: the address from the enrolment file, remembered in the vault
        assert cli.returncode == 0, cli.stderr
        assert "Sync done" in cli.stdout
        alpha.vault = Vault.unlock(alpha.folder, PASSPHRASE)
        alpha.ctx = Services(alpha.vault, today=lambda: TODAY)
        assert status(alpha.ctx)["pending"] == 0
        _same_seizures(alpha, hq_view, ids)
    finally:
        server.kill()


@pytest.mark.slow
def test_a_slow_link_finishes(
    hq_server: HqServer,
    hq_view: Hq,
    template_vault: tuple[Path, str],
    tmp_path: Path,
    devices: list[Device],
) -> None:
    alpha = _enrolled(hq_view, hq_server, template_vault[0], tmp_path, devices, "alpha")
    bravo = _enrolled(hq_view, hq_server, template_vault[0], tmp_path, devices, "bravo")
    ids = _seizures(alpha, 60)
    from pp_desktop.services import records as rec

    org = rec.create(bravo.ctx, "organisation", {"name": "Slow link org"}).created[0]
    rate = 4_000  # bytes per second, both directions
    with Proxy(hq_server.port, rate=rate) as proxy:
        started = time.monotonic()
        for d in (alpha, bravo, alpha):
            report = sync_now(d.ctx, proxy.url)
            assert report.ok, report
        elapsed = time.monotonic() - started
        moved = proxy.up_bytes + proxy.down_bytes
    # the link really was slow: the proxy sleeps after each 1 KB it forwards, so the last chunk of
    # every message (and directions overlapping) go faster than rate; unthrottled this takes < 1 s
    assert elapsed >= moved / rate * 0.5, (elapsed, moved)
    _same_seizures(alpha, hq_view, ids)
    assert rec.get(alpha.ctx, "organisation", org)["name"] == "Slow link org"
    assert status(alpha.ctx)["pending"] == 0


def test_a_cancelled_sync_keeps_what_was_done_and_the_next_one_finishes(
    hq_server: HqServer,
    hq_view: Hq,
    template_vault: tuple[Path, str],
    tmp_path: Path,
    devices: list[Device],
) -> None:
    alpha = _enrolled(hq_view, hq_server, template_vault[0], tmp_path, devices, "alpha")
    ids = _seizures(alpha, 10)
    steps: list[str] = []

    def progress(_done: int, _total: int, what: str) -> None:
        steps.append(what)

    # cancelled as soon as the first bundle (the enrolment) is sent
    report = sync_now(
        alpha.ctx, progress=progress, cancelled=lambda: any(s.startswith("sent") for s in steps)
    )
    assert not report.ok and report.status == "cancelled" and report.sent == 1
    with alpha.ctx.reading() as conn:
        assert json.loads(get_meta(conn, LAST_RESULT) or "{}")["status"] == "cancelled"
        assert get_meta(conn, LAST_SYNC) is None
    assert _hq_counts(hq_view, alpha.device_id) == (1, 1, 0)  # the enrolment only
    assert status(alpha.ctx)["pending"] == 10
    done = sync_now(alpha.ctx)
    assert done.ok and done.confirmed == 2  # the enrolment's receipt and the data's
    _same_seizures(alpha, hq_view, ids)
