"""A large donor file (20,000 activities) parses, and 3,000 import, in bounded memory.

The reader frees each activity once mapped, so parsing alone holds no more for 20,000
activities than for a few. A full import also fills SQLite's page cache (64 MB by design,
DESIGN §3) and builds the preview (one small item per activity, which the dialog shows), so it
is compared with a baseline that writes the same records through the same services without any
IATI: what the import adds on top must stay within a small amount per activity.

Each run is a fresh process; the kernel's peak-RSS mark (VmHWM) is reset just before the
measured work (``/proc/self/clear_refs``), so a peak is that of the work, not of start-up.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.exchange.test_iati_support import copy_vault, generate_file

N = 20_000  # parsed: the streaming reader must not grow with the file
N_IMPORT = 3_000  # imported: enough to see a per-activity cost, short enough for CI
_CHILD = textwrap.dedent(
    """
    import json, sys, time
    from datetime import date
    from pathlib import Path
    from pp_desktop.services import Services
    from pp_desktop.services import records
    from pp_desktop.store import Vault
    from pp_desktop.exchange.iati import import_activities
    from pp_desktop.exchange.iati.reader import ActivityFile

    vault_dir, src, mode = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    vault = Vault.unlock(vault_dir, sys.argv[4])
    ctx = Services(vault, today=lambda: date(2026, 11, 28))
    ctx.refs()

    def status(key):
        for line in open("/proc/self/status"):
            if line.startswith(key):
                return int(line.split()[1])

    def baseline(n):
        # the same records the import writes, straight through the services
        with ctx.writing() as scope:
            orgs = [
                records.insert_one(ctx, scope, "organisation", {"name": f"Org {k}"})[0]
                for k in range(4)
            ]
            for i in range(n):
                pid, _ = records.insert_one(ctx, scope, "project", {
                    "identifier": f"XM-DAC-41128-BASE-{i:06d}",
                    "title": f"Generated activity {i} against drug trafficking",
                    "description": "Counter-narcotics assistance. " * 8,
                    "status": str(1 + i % 4), "planned_start": f"{2015 + i % 10}-01-01",
                    "planned_end": f"{2017 + i % 10}-12-31", "beneficiary_country": "AFG",
                    "dac_sector": "16063", "budget": 1000.5 + i, "currency": "USD",
                    "implementing_org_id": orgs[3],
                })
                records.insert_one(ctx, scope, "project_donor",
                                   {"project_id": pid, "organisation_id": orgs[i % 3]})
                if i % 500 == 499:
                    scope.ledger.flush(scope.conn)
        return {"new": n}

    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")  # reset the peak mark to the current resident size
    before = status("VmRSS:")
    t = time.perf_counter()
    if mode == "parse":
        with ActivityFile(src) as f:
            counts = {"read": sum(1 for _ in f)}
    elif mode == "baseline":
        counts = baseline(int(sys.argv[5]))
    else:
        preview = import_activities(ctx, src)
        counts = {str(k): v for k, v in preview.counts.items()}
    seconds = time.perf_counter() - t
    peak = status("VmHWM:")
    vault.lock()
    print(json.dumps({"before_kb": before, "peak_kb": peak, "seconds": seconds, **counts}))
    """
)


def _measure(vault_dir: Path, src: Path, mode: str, n: int = N) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(vault_dir), str(src), mode, PASSPHRASE, str(n)],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    result["grow_mb"] = (result["peak_kb"] - result["before_kb"]) / 1024
    print(f"{mode}: {result}")
    return result


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_large_file_parses_and_imports_in_bounded_memory(
    template_vault: tuple[Path, str], tmp_path: Path
) -> None:
    src = tmp_path / "large.xml"
    generate_file(src, N)
    size_mb = src.stat().st_size / 2**20

    parse = _measure(copy_vault(template_vault, tmp_path / "v0"), src, "parse")
    assert parse["read"] == N
    # streaming: a tree of the whole file would cost several times its size
    assert parse["grow_mb"] < 4, parse

    small = tmp_path / "import.xml"
    generate_file(small, N_IMPORT)
    imported = _measure(copy_vault(template_vault, tmp_path / "v1"), small, "import", N_IMPORT)
    assert imported["new"] == N_IMPORT and imported["skip"] == 0
    base = _measure(copy_vault(template_vault, tmp_path / "v2"), small, "baseline", N_IMPORT)
    extra_mb = imported["grow_mb"] - base["grow_mb"]
    print(
        f"\n{N:,} activities ({size_mb:.1f} MB file): parse alone {parse['seconds']:.0f} s, "
        f"+{parse['grow_mb']:.1f} MB; {N_IMPORT:,} imported in {imported['seconds']:.0f} s, peak "
        f"+{imported['grow_mb']:.0f} MB; the same writes without IATI {base['seconds']:.0f} s, "
        f"+{base['grow_mb']:.0f} MB; IATI adds {extra_mb:.1f} MB "
        f"({extra_mb * 2**20 / N_IMPORT:.0f} bytes per activity, mostly the preview)"
    )
    # what the import holds beyond the services' own cost: the preview, about 1 KB per activity
    # (2 KB allowed: the page cache fills unevenly at this size), never a tree of the file
    assert extra_mb * 2**20 < 2048 * N_IMPORT, (imported, base)
    assert extra_mb < small.stat().st_size / 2**20, (imported, base)
