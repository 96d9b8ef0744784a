"""A large donor file (~20,000 activities) imports in bounded memory: the reader frees each
activity once read, so peak memory hardly grows with the number of activities.

Each run is a fresh process; the kernel's peak-RSS mark (VmHWM) is reset just before the
measured work (``/proc/self/clear_refs``), so the peak is that of the import, not of start-up.
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

_CHILD = textwrap.dedent(
    """
    import json, sys, time
    from datetime import date
    from pathlib import Path
    from pp_desktop.services import Services
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

    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")  # reset the peak mark to the current resident size
    before = status("VmRSS:")
    t = time.perf_counter()
    if mode == "parse":
        with ActivityFile(src) as f:
            n = sum(1 for _ in f)
        counts = {"read": n}
    else:
        preview = import_activities(ctx, src, dry_run=(mode == "dry"))
        counts = {str(k): v for k, v in preview.counts.items()}
    seconds = time.perf_counter() - t
    peak = status("VmHWM:")
    vault.lock()
    print(json.dumps({"before_kb": before, "peak_kb": peak, "seconds": seconds, **counts}))
    """
)


def _measure(vault_dir: Path, src: Path, mode: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(vault_dir), str(src), mode, PASSPHRASE],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"{mode} {src.name}: {result}")
    return result


@pytest.mark.slow
def test_twenty_thousand_activities_import_in_bounded_memory(
    template_vault: tuple[Path, str], tmp_path: Path
) -> None:
    small, large = tmp_path / "small.xml", tmp_path / "large.xml"
    generate_file(small, 2_000)
    generate_file(large, 20_000)
    assert large.stat().st_size > 9 * small.stat().st_size

    # parsing alone: memory flat whatever the size
    p_small = _measure(copy_vault(template_vault, tmp_path / "v0"), small, "parse")
    p_large = _measure(copy_vault(template_vault, tmp_path / "v1"), large, "parse")
    assert p_large["read"] == 20_000
    grow_small = p_small["peak_kb"] - p_small["before_kb"]
    grow_large = p_large["peak_kb"] - p_large["before_kb"]
    assert grow_large < grow_small + 8 * 1024, (grow_small, grow_large)  # < 8 MB more for 10x

    # the whole import, in one transaction, through the services
    big = copy_vault(template_vault, tmp_path / "v2")
    i_small = _measure(copy_vault(template_vault, tmp_path / "v3"), small, "import")
    i_large = _measure(big, large, "import")
    assert i_large["new"] == 20_000 and i_large["skip"] == 0
    growth = (i_large["peak_kb"] - i_large["before_kb"]) - (
        i_small["peak_kb"] - i_small["before_kb"]
    )
    # what grows is the preview (one small item per activity) and SQLite's page cache: far
    # less than the file's size, which is what a tree of the whole file would cost several
    # times over
    assert growth * 1024 < large.stat().st_size, (growth, large.stat().st_size)
    peak_mb = (i_large["peak_kb"] - i_large["before_kb"]) / 1024
    print(
        f"20,000 activities ({large.stat().st_size / 2**20:.1f} MB): import "
        f"{i_large['seconds']:.0f} s, peak +{peak_mb:.0f} MB over the unlocked vault; "
        f"parse alone +{grow_large / 1024:.1f} MB"
    )

    # re-import of the same large file: nothing changes
    again = _measure(big, large, "import")
    assert again["skip"] == 20_000 and again["new"] == 0
