"""HQ receives 100,000 changes on PostgreSQL, side by side with the same run on SQLite.

The same sealed bundles as ``benchmarks.sync_hq`` (typical seizure creations, as many bundles as
the cap makes) are received by HQ — verify, decrypt, apply, keep the raw bundle and the receipt —
once into a fresh SQLite HQ (the baseline) and once into a fresh PostgreSQL database on a real
local server (the candidate), alternately, in the same process. The ratio PostgreSQL / SQLite is
printed and is what the budget applies to (PostgreSQL at most 3x SQLite: a network database pays
a round trip per statement; the 3 s budget of issue 4 is SQLite's). The records are compared
with the sealed changes on both.

The server is ``scripts/pg_test_server.sh`` (a throw-away cluster on 127.0.0.1, fsync off like a
test server: the figure is HQ's and the driver's cost, not the disk's), or ``PP_BENCH_PG_URL``.

    python -m benchmarks.sync_hq_pg [N] [REPEATS]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from benchmarks.common import Result, best, create_template, log, median
from benchmarks.sync_format import typical_changes
from benchmarks.sync_hq import _check, _hq_with_device
from pp_desktop.sync import bundle, minisign
from pp_hq.context import Hq
from pp_hq.db import hq_device, remember_database
from pp_hq.reference import seed_shipped

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "pg_test_server.sh"
BUDGET_RATIO = 3.0


def _server() -> tuple[str, str | None]:
    given = os.environ.get("PP_BENCH_PG_URL")
    if given:
        return given, None
    out = subprocess.run(["bash", str(SCRIPT), "start"], capture_output=True, text=True, check=True)
    url, folder = out.stdout.split()[:2]
    return url, folder


def _new_db(admin: str, name: str) -> str:
    plain = make_url(admin).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
    return make_url(admin).set(database=name).render_as_string(hide_password=False)


def _pg_copy(work: Path, admin: str, signer: minisign.SigningKey, device: str, r: int) -> Hq:
    """A fresh PostgreSQL HQ under the probe's keys (the bundles are encrypted to them)."""
    home = work / f"hq-pg-{r}"
    shutil.rmtree(home, ignore_errors=True)
    shutil.copytree(work / "hq-probe", home)
    (home / "hq.db").unlink(missing_ok=True)
    url = _new_db(admin, f"bench_{r}")
    remember_database(home, url)  # this copy of the home now keeps its data on the server
    hq = Hq(home, url=url)
    probe = Hq(work / "hq-probe")
    with probe.engine.connect() as src:
        dev = src.execute(hq_device.select().where(hq_device.c.id == device)).mappings().one()
    probe.dispose()
    with hq.engine.begin() as conn:
        seed_shipped(conn)
        conn.execute(hq_device.insert().values(**dict(dev)))
    return hq


def _receive_all(hq: Hq, sealed: list[bundle.Sealed]) -> float:
    """Wall seconds to receive every bundle, one transaction each, as ``pp-hq`` does."""
    from pp_hq.ingest import receive

    started = time.perf_counter()
    for s in sealed:
        with hq.engine.begin() as conn:
            assert receive(conn, hq, s.age, s.minisig).status == "applied"
    return time.perf_counter() - started


def bench_sync_hq_pg(template: Path, work: Path, n: int, repeats: int) -> Result:
    """HQ receive of ``n`` changes: PostgreSQL (candidate) against SQLite (baseline)."""
    admin, folder = _server()
    try:
        log(f"sync HQ on PostgreSQL: making and sealing {n:,} typical seizure changes")
        changes = typical_changes(template, work, n)
        device = "dbench0000001"
        signer = minisign.SigningKey.generate()
        probe = _hq_with_device(work / "hq-probe", signer, device)
        recipients = list(probe.keys.root.hq_recipients)
        probe.dispose()
        sealed = bundle.seal_series(
            kind="up", sender=device, first_seq=1, prev="", audit_head="", items=changes,
            signer=signer, recipients=recipients,
        )  # fmt: skip
        lite_s: list[float] = []
        pg_s: list[float] = []
        paired: list[float] = []
        same = True
        for r in range(repeats):
            home = work / f"hq-lite-{r}"
            shutil.rmtree(home, ignore_errors=True)
            shutil.copytree(work / "hq-probe", home)
            lite = Hq(home)
            try:
                t_lite = _receive_all(lite, sealed)
                same = same and _check(lite, changes)
            finally:
                lite.dispose()
            pg = _pg_copy(work, admin, signer, device, r)
            try:
                t_pg = _receive_all(pg, sealed)
                same = same and _check(pg, changes)
            finally:
                pg.dispose()
            lite_s.append(t_lite)
            pg_s.append(t_pg)
            paired.append(t_pg / t_lite)
            log(f"sync HQ {r + 1}/{repeats}: SQLite {t_lite:.2f} s, PostgreSQL {t_pg:.2f} s")
    finally:
        if folder:
            subprocess.run(["bash", str(SCRIPT), "stop", folder], check=False)
    result = Result(
        name=f"HQ receive {n:,} changes on PostgreSQL",
        kind="ratio",
        budget=BUDGET_RATIO,
        candidate=best(pg_s),
        baseline=best(lite_s),
        samples={"baseline": lite_s, "candidate": pg_s},
        ok=same and median(paired) <= BUDGET_RATIO,
        paired=paired,
        note="" if same else "HQ rows differ from the sealed changes",
    )
    result.context.append(
        f"{len(sealed)} bundles, {n:,} changes: PostgreSQL best {best(pg_s):.2f} s, median "
        f"{median(pg_s):.2f} s; SQLite best {best(lite_s):.2f} s; PostgreSQL / SQLite "
        f"{median(paired):.2f}x (median of pairs)"
    )
    return result


def main(argv: list[str]) -> int:
    """Run alone: ``python -m benchmarks.sync_hq_pg [N] [REPEATS]``."""
    n = int(argv[0]) if argv else 100_000
    repeats = int(argv[1]) if len(argv) > 1 else 3
    with tempfile.TemporaryDirectory(prefix="pp-bench-pg-") as tmp:
        work = Path(tmp)
        template = create_template(work / "template")
        r = bench_sync_hq_pg(template, work, n, repeats)
    print(r.name, "ok" if r.ok else "FAILED", *r.context, sep="\n")
    return 0 if r.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
