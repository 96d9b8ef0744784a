"""HQ receives 100,000 changes: verify + decrypt + apply (DESIGN §8, issue 4; budget 3 s).

The changes are the typical seizure creations of ``benchmarks.sync_format`` (demo values, real
codes, every column), sealed by an enrolled device into as many bundles as the cap makes. Timed:
``pp_hq.ingest.receive`` of every bundle, in order, into a fresh HQ database each run — the
signature, hash, replay / fork check, decryption, bounded decompression, shape checks,
validation and the insert of every record, its receipt and the raw bundle kept for audit.

The baseline, run side by side in the same process, is plain ``json.dumps`` of the same change
list (the issue's "plain JSON serialisation of the same rows"); the ratio is printed as context,
the budget applies to the time. HQ's record count and a sample of values are compared with the
sealed changes: a fast path that lost data would not count.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

from sqlalchemy import text

from benchmarks.common import Result, best, log, median
from benchmarks.sync_format import typical_changes
from pp_desktop.sync import agecrypt, bundle, minisign
from pp_hq.context import Hq
from pp_hq.db import hq_device

BUDGET_S = 3.0


def _hq_with_device(folder: Path, signer: minisign.SigningKey, device: str) -> Hq:
    """A fresh HQ home with ``device`` enrolled (keys bound as enrolment binds them)."""
    shutil.rmtree(folder, ignore_errors=True)
    hq = Hq.init(folder)
    _identity, recipient = agecrypt.new_identity()
    with hq.engine.begin() as conn:
        conn.execute(
            hq_device.insert().values(
                id=device,
                name="benchmark laptop",
                token="-",
                token_expires="2099-01-01T00:00:00Z",
                token_used_at=hq.now(),
                sign_pub=signer.public.to_b64(),
                age_recipient=recipient,
                created_at=hq.now(),
                enrolled_at=hq.now(),
            )
        )
    return hq


def _receive_all(hq: Hq, sealed: list[bundle.Sealed]) -> tuple[float, float]:
    """(wall, CPU) seconds to receive every bundle, one transaction each, as ``pp-hq``
    receives them."""
    from pp_hq.ingest import receive

    started, cpu = time.perf_counter(), time.process_time()
    for s in sealed:
        with hq.engine.begin() as conn:
            got = receive(conn, hq, s.age, s.minisig)
            assert got.status == "applied"
    return time.perf_counter() - started, time.process_time() - cpu


def _check(hq: Hq, changes: list[dict[str, Any]]) -> bool:
    with hq.engine.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM seizure")).scalar()
        sample = changes[:: max(1, len(changes) // 50)]
        for ch in sample:
            row = conn.execute(
                text("SELECT drug, quantity, hlc FROM seizure WHERE id = :i"), {"i": ch["id"]}
            ).first()
            if row is None or (row[0], row[1], row[2]) != (
                ch["fields"]["drug"],
                ch["fields"]["quantity"],
                ch["hlc"],
            ):
                return False
    return n == len(changes)


def bench_sync_hq(template: Path, work: Path, n: int, repeats: int) -> Result:
    """HQ verify + decrypt + apply of ``n`` changes against ``json.dumps`` of the same rows."""
    log(f"sync HQ: making and sealing {n:,} typical seizure changes")
    changes = typical_changes(template, work, n)
    device = "dbench0000001"
    signer = minisign.SigningKey.generate()
    probe = _hq_with_device(work / "hq-probe", signer, device)
    recipients = list(probe.keys.root.hq_recipients)
    probe.dispose()
    sealed = bundle.seal_series(
        kind="up",
        sender=device,
        first_seq=1,
        prev="",
        audit_head="",
        items=changes,
        signer=signer,
        recipients=recipients,
    )
    base_s: list[float] = []
    cand_s: list[float] = []
    cand_cpu: list[float] = []  # CPU seconds: what other processes on a shared machine add less to
    paired: list[float] = []
    same = True
    for r in range(repeats):
        hq = _fresh_copy(work, r)  # the bundles are encrypted to the probe home's key
        try:
            t0 = time.perf_counter()
            json.dumps(changes)
            base = time.perf_counter() - t0
            cand, cpu = _receive_all(hq, sealed)
            if r == 0:
                same = _check(hq, changes)
        finally:
            hq.dispose()
        base_s.append(base)
        cand_s.append(cand)
        cand_cpu.append(cpu)
        paired.append(cand / base)
        log(
            f"sync HQ {r + 1}/{repeats}: json.dumps {base:.2f} s, HQ receive {cand:.2f} s "
            f"({cpu:.2f} s CPU), load average {os.getloadavg()[0]:.1f}"
        )
    result = Result(
        name=f"HQ verify+decrypt+apply {n:,} changes",
        kind="time",
        budget=BUDGET_S * n / 100_000,  # the budget is for 100,000 changes (--quick: fewer)
        candidate=best(cand_s),
        baseline=best(base_s),
        samples={"baseline": base_s, "candidate": cand_s, "candidate_cpu": cand_cpu},
        ok=same,
        note="" if same else "HQ rows differ from the sealed changes",
    )
    result.context.append(
        f"HQ receive of {len(sealed)} bundles ({n:,} changes): best {best(cand_s):.2f} s, "
        f"median {median(cand_s):.2f} s; ratio to json.dumps of the same rows "
        f"{median(paired):.1f}x (median of pairs); CPU time of this process: best "
        f"{min(cand_cpu):.2f} s, median {median(cand_cpu):.2f} s; load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    return result


def _fresh_copy(work: Path, r: int) -> Hq:
    """A fresh HQ database under the probe's keys (the bundles are encrypted to them)."""
    home = work / f"hq-run-{r}"
    shutil.rmtree(home, ignore_errors=True)
    shutil.copytree(work / "hq-probe", home)
    hq = Hq(home)
    with hq.engine.begin() as conn:  # an HQ that has received nothing yet
        conn.execute(text("DELETE FROM hq_inbound"))
        conn.execute(text("DELETE FROM seizure"))
    return hq
