"""IATI import: what reading and mapping a donor file adds to the service writes it causes.

Candidate: ``import_activities`` of a generated file of ``n`` activities into a fresh vault.
Baseline: the same records (``n`` projects, ``n`` donor shares, the organisations) written
straight through ``records.insert_one`` in one transaction, without any XML. Runs are paired
side by side (order alternating) and the ratio is the median of the pairs' ratios, as in
benchmarks.bulk. The export of the imported projects is timed as context.

    python -m benchmarks.iati [--activities 2000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.common import Result, copy_vault, create_template, log, peak_rss_mb, timed
from pp_desktop.exchange.iati import export_projects, import_activities
from pp_desktop.services import Services, records
from tests.exchange.test_iati_support import generate_file  # the generator the slow test uses

RATIO_BUDGET = 1.6  # parse + map + match by identifier + preview, on top of the writes
TODAY = date(2026, 11, 28)


def _baseline(ctx: Services, n: int) -> None:
    """The writes an import of the generated file makes, without IATI."""
    with ctx.writing() as scope:
        orgs = [
            records.insert_one(ctx, scope, "organisation", {"name": f"Org {k}"})[0]
            for k in range(4)
        ]
        for i in range(n):
            values: dict[str, Any] = {
                "identifier": f"XM-DAC-41128-BASE-{i:06d}",
                "title": f"Generated activity {i} against drug trafficking",
                "description": "Counter-narcotics assistance. " * 8,
                "status": str(1 + i % 4),
                "planned_start": f"{2015 + i % 10}-01-01",
                "planned_end": f"{2017 + i % 10}-12-31",
                "beneficiary_country": "AFG",
                "dac_sector": "16063",
                "budget": 1000.5 + i,
                "currency": "USD",
                "implementing_org_id": orgs[3],
            }
            pid, _ = records.insert_one(ctx, scope, "project", values)
            donor = {"project_id": pid, "organisation_id": orgs[i % 3]}
            records.insert_one(ctx, scope, "project_donor", donor)
            if i % 500 == 499:
                scope.ledger.flush(scope.conn)


def bench_iati(template: Path, work: Path, n: int, repeats: int) -> Result:
    """Paired runs of import vs baseline; the export of the last import as context."""
    src = work / "activities.xml"
    generate_file(src, n)
    base_s: list[float] = []
    cand_s: list[float] = []
    paired: list[float] = []
    export_s = 0.0
    for r in range(repeats):
        times: dict[str, float] = {}
        for side in ("base", "cand") if r % 2 == 0 else ("cand", "base"):
            vault = copy_vault(template, work / f"{side}-{r}")
            ctx = Services(vault, today=lambda: TODAY)
            ctx.refs()
            try:
                if side == "base":
                    times[side], _ = timed(lambda: _baseline(ctx, n))  # noqa: B023
                else:
                    times[side], preview = timed(lambda: import_activities(ctx, src))  # noqa: B023
                    assert preview.counts[next(iter(preview.counts))] == n  # all new
                    export_s, _ = timed(lambda: export_projects(ctx, work / "out.xml"))  # noqa: B023
            finally:
                vault.lock()
        base_s.append(times["base"])
        cand_s.append(times["cand"])
        paired.append(times["cand"] / times["base"])
        log(f"iati pair {r + 1}: import {times['cand']:.1f} s, baseline {times['base']:.1f} s")
    return Result(
        name=f"IATI import of {n:,} activities vs the same service writes",
        kind="ratio",
        budget=RATIO_BUDGET,
        candidate=statistics.median(cand_s),
        baseline=statistics.median(base_s),
        samples={"import_s": cand_s, "baseline_s": base_s},
        paired=paired,
        context=[
            f"file {src.stat().st_size / 2**20:.1f} MB; import {n / min(cand_s):,.0f} "
            f"activities/s at best; export of {n:,} projects {export_s:.1f} s; "
            f"peak RSS {peak_rss_mb():,.0f} MB"
        ],
    )


def main(argv: list[str] | None = None) -> int:
    """Run, print one line and the context; 1 when over budget."""
    p = argparse.ArgumentParser(prog="python -m benchmarks.iati")
    p.add_argument("--activities", type=int, default=2_000)
    p.add_argument("--repeats", type=int, default=3)
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pp-bench-iati-") as tmp:
        work = Path(tmp)
        log("making the template vault")
        template = create_template(work / "template")
        result = bench_iati(template, work, args.activities, args.repeats)
    verdict = "PASS" if result.passed else "FAIL"
    print(f"{result.name}: {result.value:.2f}x (budget <= {RATIO_BUDGET}x); {verdict}")
    print(f"  import {result.candidate:.1f} s, baseline {result.baseline or 0:.1f} s (medians)")
    for line in result.context:
        print(f"  {line}")
    return 0 if result.passed else 1


if __name__ == "__main__":
    sys.exit(main())
