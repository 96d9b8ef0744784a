"""Sync bundle format: seal and open 100,000 typical seizure changes (DESIGN §8, issue 4).

The changes are what a device sends after entering seizures: demo-generator values (real
reference codes from a fresh vault), every column of the record, UUIDv7 ids and HLCs. Timed:

* seal: ``bundle.seal_series`` over all changes — shape check, JSON lines, zlib, age encryption,
  minisign signature — into as many bundles as the cap makes (budget 2 s);
* open: ``read_outer`` + ``verify_outer`` + ``open_inner`` of every bundle, the decrypt half of
  HQ's 3 s verify + decrypt + apply budget (the apply half is HQ's, measured with it);
* size: bundle bytes (both files) per change (budget 120 bytes).

The baseline, run in the same process on the same rows, is plain ``json.dumps`` of the change
list; the ratios to it are printed as context. The opened items are compared with the sealed
ones: a fast path that lost data would not count.
"""

from __future__ import annotations

import json
import random
import time
from datetime import date
from pathlib import Path
from typing import Any

import uuid_utils

from benchmarks.common import Result, best, copy_vault, log, median, timed
from pp_desktop.services import Services, demo
from pp_desktop.sync import agecrypt, bundle, minisign

DEVICE = "0192f5a0-1111-7222-8333-444455556666"
TODAY = date(2026, 11, 28)
SIZE_BUDGET = 120  # bytes per change


def typical_changes(template: Path, work: Path, n: int) -> list[dict[str, Any]]:
    """``n`` seizure creations as a device's outbox makes them (demo values, real codes)."""
    vault = copy_vault(template, work / "sync-refs")
    try:
        refs = Services(vault, lambda: TODAY).refs()
    finally:
        vault.lock()
    rng = random.Random(2026)
    wall = 1_764_300_000_000
    changes = []
    # the demo generator's seizure values (the same rows `pp-desktop demo` makes), without a vault
    for i, row in enumerate(demo._seizures(rng, refs, TODAY, n)):
        stamp = f"2026-11-28T{8 + i // 36000 % 10:02d}:{i // 600 % 60:02d}:{i // 10 % 60:02d}Z"
        fields = {
            **row,
            "latitude": None,
            "longitude": None,
            "kg_equivalent": row["quantity"],
            "origin_device": DEVICE,
            "created_at": stamp,
            "created_by": "Dilnoza Nazarova",
            "updated_at": stamp,
            "updated_by": "Dilnoza Nazarova",
            "deleted_at": None,
        }
        changes.append(
            {
                "t": "change",
                "entity": "seizure",
                "id": str(uuid_utils.uuid7()),
                "version": 1,
                "hlc": f"{wall + i * 7:013d}-{i % 3:05d}-{DEVICE}",
                "base_version": 0,
                "base_hlc": "",
                "fields": fields,
                "deleted": False,
            }
        )
    return changes


def bench_sync(template: Path, work: Path, n: int, repeats: int) -> list[Result]:
    """Seal, open and size of ``n`` changes, with the plain-JSON baseline."""
    log(f"sync format: making {n:,} typical seizure changes")
    changes = typical_changes(template, work, n)
    device = minisign.SigningKey.generate()
    hq_identity, hq_recipient = agecrypt.new_identity()

    def baseline() -> bytes:
        return json.dumps(changes).encode()

    def seal() -> list[bundle.Sealed]:
        return bundle.seal_series(
            kind="up",
            sender=DEVICE,
            first_seq=1,
            prev="",
            audit_head="ab" * 32,
            items=changes,
            signer=device,
            recipients=[hq_recipient],
        )

    sealed: list[bundle.Sealed] = seal()

    def open_all() -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for s in sealed:
            header = bundle.read_outer(s.age, s.minisig)
            bundle.verify_outer(header, s.age, s.minisig, device.public)
            out.extend(bundle.open_inner(header, s.age, hq_identity))
        return out

    log(f"sync format: {len(sealed)} bundles; timing {repeats} runs of each")
    base_s, seal_s, open_s = [], [], []
    seal_cpu, open_cpu = [], []  # CPU seconds: what other processes on a shared machine add less to
    for _ in range(repeats):  # neighbouring runs, so drift hits all three alike
        base_s.append(timed(baseline)[0])
        cpu = time.process_time()
        t, sealed = timed(seal)
        seal_cpu.append(time.process_time() - cpu)
        seal_s.append(t)
        cpu = time.process_time()
        open_s.append(timed(open_all)[0])
        open_cpu.append(time.process_time() - cpu)
    same = open_all() == changes
    plain_bytes = len(baseline())
    sealed_bytes = sum(len(s.age) + len(s.minisig) for s in sealed)
    per_change = sealed_bytes / n
    context = [
        f"sync format: {n:,} seizure changes -> {len(sealed)} bundles "
        f"({len(changes) // len(sealed):,} changes each); opened items equal the sealed ones: "
        f"{same}",
        f"sync format: plain JSON {plain_bytes / n:,.0f} B/change in {best(base_s):.2f} s; "
        f"bundles {per_change:,.1f} B/change (x{per_change / (plain_bytes / n):.3f} of JSON)",
        f"sync format: seal {best(seal_s):.2f} s = x{best(seal_s) / best(base_s):.2f} of "
        f"json.dumps; open {best(open_s):.2f} s = x{best(open_s) / best(base_s):.2f} "
        f"(medians {median(seal_s):.2f} / {median(open_s):.2f} / {median(base_s):.2f} s)",
        f"sync format: CPU time of this process, best run: seal {min(seal_cpu):.2f} s, "
        f"open {min(open_cpu):.2f} s",
    ]
    seal_r = Result(
        "sync: seal 100k changes (build+sign+encrypt)" if n == 100_000 else f"sync: seal {n:,}",
        "time",
        2.0 * n / 100_000,
        best(seal_s),
        samples={"seal": seal_s, "json_dumps": base_s},
        context=context,
        ok=same,
    )
    open_r = Result(
        "sync: read+verify+open them (HQ decrypt half)",
        "time",
        3.0 * n / 100_000,
        best(open_s),
        samples={"open": open_s},
        ok=same,
        note="HQ apply not included",
    )
    size_r = Result(
        f"sync: bytes per change vs {SIZE_BUDGET} B",
        "ratio",
        1.0,
        None,  # type: ignore[arg-type]  # not seconds: the table then prints "-"
        paired=[per_change / SIZE_BUDGET],
        note=f"{per_change:.1f} B/change",
    )
    return [seal_r, open_r, size_r]


def main() -> None:
    """Run alone: ``python -m benchmarks.sync_format [N]``."""
    import sys
    import tempfile

    from benchmarks.__main__ import table
    from benchmarks.common import create_template

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory(prefix="pp-bench-sync-") as tmp:
        template = create_template(Path(tmp) / "template")
        results = bench_sync(template, Path(tmp), n, 3)
    print(table(results))
    for r in results:
        for line in r.context:
            print(f"  {line}")


if __name__ == "__main__":
    main()
