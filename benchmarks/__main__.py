"""``python -m benchmarks``: the performance budgets of DESIGN §8 in one table.

Baseline and candidate run in the same process, in pairs of neighbouring runs, repeated: the
ratio is the median of the pairs' ratios (the machine drifts between pairs, little within one)
and the baseline / candidate columns are the medians of each side. Times are the best of the
warm runs (noise on a shared machine only ever adds time). The JSON keeps every run.

    python -m benchmarks                  # full sizes: 100,000-row bulk insert, 1,000,000-row lists
    python -m benchmarks --quick          # a smoke run: 20,000 rows everywhere
    python -m benchmarks --rows 300000    # the list vault's size
    python -m benchmarks --keep DIR       # make the big vault in DIR once, reuse it next time
    python -m benchmarks --only bulk      # any of CHOICES below (repeatable)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.common import Result, create_template, log, peak_rss_mb

RESULTS = Path(__file__).resolve().parent / "results"


def _fmt_seconds(s: float | None) -> str:
    if s is None:
        return "-"
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


def _row(r: Result) -> list[str]:
    if r.kind == "ratio":
        value, budget = f"{r.value:.2f}x", f"<= {r.budget:g}x"
    else:
        value, budget = _fmt_seconds(r.value), f"<= {_fmt_seconds(r.budget)}"
    verdict = "PASS" if r.passed else "FAIL"
    if r.note:
        verdict += f" ({r.note})"
    return [r.name, _fmt_seconds(r.baseline), _fmt_seconds(r.candidate), value, budget, verdict]


def table(results: list[Result]) -> str:
    """The results as one plain-text table."""
    head = ["benchmark", "baseline", "candidate", "ratio / time", "budget", "result"]
    rows = [head, *(_row(r) for r in results)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


CHOICES = [
    "bulk", "lists", "unlock", "sync", "sync_hq", "sync_hq_pg", "sync_load", "excel", "iati",
    "gui", "forms",
]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks, print the table, write results/latest.json; 1 when a budget fails."""
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    p.add_argument("--quick", action="store_true", help="small sizes (20,000 rows): a smoke run")
    p.add_argument("--rows", type=int, help="seizures in the list vault (default 1,000,000)")
    p.add_argument("--bulk-rows", type=int, help="rows of the bulk insert (default 100,000)")
    p.add_argument("--repeats", type=int, help="runs per measurement (default 5; lists 7)")
    p.add_argument("--keep", type=Path, help="folder for the big vault, reused across runs")
    p.add_argument(
        "--only",
        action="append",
        choices=CHOICES,
    )
    p.add_argument("--json", type=Path, default=RESULTS / "latest.json", help="results file")
    args = p.parse_args(argv)

    n_list = args.rows or (20_000 if args.quick else 1_000_000)
    n_bulk = args.bulk_rows or (20_000 if args.quick else 100_000)
    repeats = args.repeats or (2 if args.quick else 5)
    only = set(args.only or CHOICES)
    started = time.perf_counter()
    results: list[Result] = []

    with tempfile.TemporaryDirectory(prefix="pp-bench-") as tmp:
        work = Path(tmp)
        log("making the template vault (default Argon2id, migrations, reference data)")
        template = create_template(work / "template")
        if "bulk" in only:
            from benchmarks.bulk import bench_bulk

            results.append(bench_bulk(template, work, n_bulk, repeats))
        if "sync" in only:
            from benchmarks.sync_format import bench_sync

            results.extend(bench_sync(template, work, n_bulk, repeats))
        if "sync_hq" in only:
            from benchmarks.sync_hq import bench_sync_hq

            results.append(bench_sync_hq(template, work, n_bulk, min(repeats, 3)))
        if "sync_load" in only:  # 10 devices x 1,000 changes over HTTP, concurrently
            from benchmarks.sync_load import bench_sync_load

            results.append(bench_sync_load(template, work))
        if "sync_hq_pg" in only:  # the same bundles received on SQLite and on PostgreSQL
            from benchmarks.sync_hq_pg import bench_sync_hq_pg

            results.append(bench_sync_hq_pg(template, work, n_bulk, min(repeats, 3)))
        if "iati" in only:
            from benchmarks.iati import bench_iati

            results.append(bench_iati(template, work, 2_000 if args.quick else 10_000, repeats))
        if "excel" in only:
            from benchmarks.excel import bench_excel

            results.extend(bench_excel(template, work, n_bulk, min(repeats, 3)))
        if only & {"lists", "unlock", "gui", "forms"}:
            from benchmarks.lists import bench_lists, bench_unlock, big_vault

            folder = args.keep or (work / "big")
            folder, build_s = big_vault(folder, n_list, template)
            context = (
                f"list vault: {n_list:,} seizures built through the bulk path in {build_s:.0f} s "
                f"({n_list / build_s:,.0f} rows/s)"
                if build_s
                else f"list vault: {n_list:,} seizures reused from {folder}"
            )
            size = sum(f.stat().st_size for f in folder.iterdir() if f.is_file())
            context += f"; {size / 2**20:,.0f} MB on disk"
            if "lists" in only:
                lists = bench_lists(folder, n_list, max(repeats, 7))
                lists[0].context.insert(0, context)
                results.extend(lists)
            if "unlock" in only:
                results.append(bench_unlock(folder, n_list, min(repeats, 3)))
            if "gui" in only:  # the list view in the real GUI, in child processes
                from benchmarks.gui_list import bench_gui

                results.extend(bench_gui(folder, n_list, template, work, min(repeats, 3)))
            if "forms" in only:  # form checks + duplicate hint per keystroke, 1M vs 1k seizures
                from benchmarks.forms import BASELINE_ROWS, bench_form_checks

                small, _ = big_vault(work / "forms-small", BASELINE_ROWS, template)
                results.append(bench_form_checks(folder, small, n_list, 21))

    print()
    print(table(results))
    print()
    for r in results:
        for line in r.context:
            print(f"  {line}")
    print(f"  peak RSS of the run: {peak_rss_mb():,.0f} MB; {time.perf_counter() - started:.0f} s")

    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(
            {
                "when": datetime.now(UTC).isoformat(timespec="seconds"),
                "machine": {
                    "python": sys.version.split()[0],
                    "platform": platform.platform(),
                    "cpus": os.cpu_count(),
                },
                "options": {"list_rows": n_list, "bulk_rows": n_bulk, "repeats": repeats},
                "table": table(results),
                "results": [r.as_json() for r in results],
                "all_pass": all(r.passed for r in results),
            },
            indent=2,
            ensure_ascii=False,
        )
    )
    print(f"  written: {args.json}")
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
