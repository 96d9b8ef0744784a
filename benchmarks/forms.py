"""What the seizure form asks the vault while the officer types: the service check of the record
and the possible-duplicate query (same date, country, drug, place, similar quantity).

Both run after every typing pause, so they must stay fast as the vault grows: the budget is the
slowest run over a vault of ``n_rows`` seizures (the lists' big vault); a vault of 1,000 built the
same way runs side by side in the same process and their paired ratio is reported. The record
typed is a copy of the newest row of each vault: the duplicate query walks the rows of a real
date and country and finds that row.

    python -m benchmarks.forms --rows 1000000 --keep /tmp/pp-bench-big
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import text

from benchmarks.common import PASSPHRASE, Result, create_template, log, timed
from pp_desktop.services import Services, records
from pp_desktop.services.duplicates import possible_duplicates
from pp_desktop.store import Vault

BASELINE_ROWS = 1_000
KEYSTROKE_BUDGET_S = 0.05  # leaves room in the 300 ms pause the form waits before checking
FIELDS = ("seized_on", "country", "province", "place", "drug", "quantity", "unit")


def typed_record(ctx: Services) -> dict[str, Any]:
    """The fields of the most recent live seizure, as a form would hand them over."""
    with ctx.reading() as conn:
        row = (
            conn.execute(
                text(
                    f"SELECT {', '.join(FIELDS)} FROM seizure WHERE deleted_at IS NULL "
                    "AND quantity IS NOT NULL ORDER BY seized_on DESC, id DESC LIMIT 1"
                )
            )
            .mappings()
            .one()
        )
    return {k: row[k] for k in FIELDS if row[k] is not None}


def keystroke(ctx: Services, values: dict[str, Any]) -> int:
    """One typing pause: the check and the duplicate hint; returns the candidates found."""
    records.check(ctx, "seizure", values)
    return len(possible_duplicates(ctx, values))


def bench_form_checks(big: Path, small: Path, n_rows: int, repeats: int) -> Result:
    """The per-keystroke work over ``big`` versus ``small``, in neighbouring pairs."""
    vaults = [Vault.unlock(f, PASSPHRASE) for f in (small, big)]
    try:
        ctxs = [Services(v) for v in vaults]
        typed = [typed_record(c) for c in ctxs]
        found = [keystroke(c, t) for c, t in zip(ctxs, typed, strict=True)]  # warm-up
        base: list[float] = []
        cand: list[float] = []
        for i in range(repeats):
            order = (0, 1) if i % 2 == 0 else (1, 0)  # alternate which side runs first
            for side in order:
                ctx, values = ctxs[side], typed[side]
                seconds, _n = timed(lambda: keystroke(ctx, values))  # noqa: B023 (called now)
                (base if side == 0 else cand).append(seconds)
    finally:
        for v in vaults:
            v.lock()
    ratio = statistics.median(c / b for c, b in zip(cand, base, strict=True))
    return Result(
        f"form check + duplicate hint per keystroke, {n_rows:,} seizures",
        "time",
        KEYSTROKE_BUDGET_S,
        candidate=max(cand),
        baseline=statistics.median(base),
        samples={"baseline": base, "candidate": cand},
        note=f"median {statistics.median(cand) * 1000:.1f} ms",
        context=[
            f"keystroke check: median {statistics.median(cand) * 1000:.1f} ms over "
            f"{n_rows:,} seizures, {statistics.median(base) * 1000:.1f} ms over "
            f"{BASELINE_ROWS:,} (paired ratio {ratio:.2f}x; milliseconds: the ratio is mostly "
            "page-cache noise, the budget is the slowest run)",
            f"duplicate candidates found: {found[1]} (big), {found[0]} (small)",
        ],
    )


def main(argv: list[str] | None = None) -> int:
    """Build (or reuse with ``--keep``) the vaults, run, print one line; 1 over budget."""
    from benchmarks.lists import big_vault

    p = argparse.ArgumentParser(prog="python -m benchmarks.forms")
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--repeats", type=int, default=21)
    p.add_argument("--keep", type=Path, help="folder of the big vault, reused across runs")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pp-bench-forms-") as tmp:
        work = Path(tmp)
        log("making the template vault")
        template = create_template(work / "template")
        small, _ = big_vault(work / "small", BASELINE_ROWS, template)
        big, _ = big_vault(args.keep or work / "big", args.rows, template)
        result = bench_form_checks(big, small, args.rows, args.repeats)
    verdict = "PASS" if result.passed else "FAIL"
    print(
        f"{result.name}: slowest {result.candidate * 1000:.1f} ms "
        f"(budget {KEYSTROKE_BUDGET_S * 1000:.0f} ms); {verdict}"
    )
    for line in result.context:
        print(f"  {line}")
    return 0 if result.passed else 1


if __name__ == "__main__":
    sys.exit(main())
