"""Load: 10 devices x 1,000 changes each against one HQ over HTTP, concurrently (issue 5).

Ten real vaults (copies of the template, each its own device id) are enrolled with one HQ served
by a real ``pp-hq serve`` (uvicorn, SQLite) in a child process; each creates 1,000 seizures
through the bulk path and seals them. Timed: the ten ``sync_now`` calls running at the same time
in threads (upload, HQ verify + decrypt + apply, downstream receipts fetched and applied).

The baseline, in the same process, applies the very same bundles to a copy of HQ taken just
before (same keys, same enrolled devices) through ``pp_hq.exchange.receive_bytes``, one after
the other, with no HTTP. Afterwards HQ must hold exactly 10,000 new seizures, each device's
bundles once, and every device must have no change left unconfirmed: nothing lost, nothing
doubled. The figure is changes per second at HQ; the issue sets no budget, so the ratio's
budget here (4x the direct apply) is a sanity bound of ours.
"""

from __future__ import annotations

import random
import shutil
import socket
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import httpx
from sqlalchemy import text

from benchmarks.common import Result, copy_vault, log
from pp_desktop.services import Services, demo
from pp_desktop.services.bulk import bulk_insert
from pp_desktop.store import Vault
from pp_desktop.sync.http_transport import enrol_and_remember, sync_now
from pp_desktop.sync.outbox import build, unsent
from pp_desktop.sync.state import status
from pp_hq.context import Hq
from pp_hq.registry import add_device

TODAY = date(2026, 11, 28)
DEVICES = 10
CHANGES = 1_000
RATIO_BUDGET = 4.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(home: Path, port: int, log_file: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-c", "import sys; from pp_hq.cli import main; sys.exit(main())"]
    cmd += ["serve", "--home", str(home), "--port", str(port)]
    with log_file.open("ab") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"pp-hq serve exited: {log_file.read_text()[-1000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    proc.kill()
    raise RuntimeError("pp-hq serve did not become ready")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _seizure_count(hq: Hq) -> int:
    with hq.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM seizure")).scalar() or 0)


def _inbound(hq: Hq) -> tuple[int, int]:
    with hq.engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT count(*), count(DISTINCT device || ':' || seq) FROM hq_inbound "
                "WHERE status = 'applied'"
            )
        ).one()
    return int(row[0]), int(row[1])


def bench_sync_load(
    template: Path, work: Path, devices: int = DEVICES, changes: int = CHANGES
) -> Result:
    """``devices`` x ``changes`` over HTTP concurrently against the same bundles applied
    directly; changes per second at HQ in the context lines."""
    home = work / "load-hq"
    shutil.rmtree(home, ignore_errors=True)
    Hq.init(home).dispose()
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = _serve(home, port, work / "load-hq.log")
    vaults: list[Vault] = []
    ctxs: list[Services] = []
    try:
        hq = Hq(home)
        for i in range(devices):
            v = copy_vault(template, work / f"load-dev-{i}")
            v.set_meta({"device_id": str(uuid.uuid4())})
            ctx = Services(v, today=lambda: TODAY)
            add_device(hq, f"load laptop {i}", work / f"load-{i}.enrol", url)
            enrol_and_remember(ctx, work / f"load-{i}.enrol")
            report = sync_now(ctx)  # the enrolment: not timed
            assert report.ok, report.message
            vaults.append(v)
            ctxs.append(ctx)
        before = _seizure_count(hq)
        hq.dispose()
        _stop(server)
        shutil.rmtree(work / "load-hq-base", ignore_errors=True)
        shutil.copytree(home, work / "load-hq-base")  # HQ as it is before the load

        log(f"sync load: {devices} devices create {changes:,} seizures each and seal them")
        bundles = []
        for i, ctx in enumerate(ctxs):
            rng = random.Random(1000 + i)
            rows = list(demo._seizures(rng, ctx.refs(), TODAY, changes))
            bulk_insert(ctx, "seizure", rows)
            build(ctx)
            bundles.append([(o.age, o.minisig) for o in unsent(ctx)])

        base_hq = Hq(work / "load-hq-base")
        from pp_hq.exchange import receive_bytes

        t0 = time.perf_counter()
        for device_bundles in bundles:
            for age, sig in device_bundles:
                assert receive_bytes(base_hq, age, sig).status == "applied"
        base_s = time.perf_counter() - t0
        base_ok = _seizure_count(base_hq) - before == devices * changes
        base_hq.dispose()
        log(f"sync load: direct apply of the same bundles {base_s:.2f} s")

        server = _serve(home, port, work / "load-hq.log")
        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=devices) as pool:
            reports = list(pool.map(lambda c: sync_now(c, url), ctxs))
        cand_s = time.perf_counter() - t0
        log(f"sync load: {devices} concurrent syncs over HTTP {cand_s:.2f} s")
        hq = Hq(home)
        total = _seizure_count(hq) - before
        stored, distinct = _inbound(hq)
        hq.dispose()
        pending = sum(int(status(c)["pending"]) for c in ctxs)
        sent = sum(r.sent for r in reports)
        ok = (
            all(r.ok for r in reports)
            and total == devices * changes
            and stored == distinct
            and pending == 0
            and base_ok
        )
    finally:
        _stop(server)
        for v in vaults:
            v.lock()
    n = devices * changes
    result = Result(
        name=f"HTTP sync {devices} devices x {changes:,} changes, concurrent",
        kind="ratio",
        budget=RATIO_BUDGET,
        candidate=cand_s,
        baseline=base_s,
        samples={"baseline": [base_s], "candidate": [cand_s]},
        paired=[cand_s / base_s],
        ok=ok and cand_s / base_s <= RATIO_BUDGET,
        note="" if ok else "lost, doubled or unconfirmed changes",
    )
    result.context.append(
        f"HTTP load: {n:,} changes from {devices} devices in {sent} bundles, concurrently, in "
        f"{cand_s:.2f} s = {n / cand_s:,.0f} changes/s at HQ (direct apply of the same bundles, "
        f"no HTTP: {base_s:.2f} s = {n / base_s:,.0f} changes/s); HQ gained {total:,} seizures, "
        f"{stored} bundles at HQ (enrolments included), each once; {pending} changes "
        "unconfirmed on the devices; the devices' side (receipts applied) runs in the same "
        "process, 10 threads"
    )
    return result
