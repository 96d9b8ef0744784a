"""The ``pp-desktop export / import`` sub-commands (Excel and CSV workbooks for counterparts).

    pp-desktop export --out FILE.xlsx [--entity NAME ...] [--lang en|ru]   (also FILE.csv)
    pp-desktop export --template --out FILE.xlsx
    pp-desktop import FILE.xlsx [--dry-run] [--mapping FILE] [--report FILE.xlsx]

Import never prompts: it prints the preview counts and writes nothing when any row has an error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pp_desktop.cli.common import pass_arg, services, unlock, vault_arg

SHOWN_ISSUES = 20


def register(sub: Any) -> None:
    """Add ``export`` and ``import`` to ``sub``."""
    p = sub.add_parser("export", help="export records to an Excel workbook (or CSV)")
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="FILE.xlsx or FILE.csv")
    p.add_argument(
        "--entity",
        action="extend",
        nargs="+",
        metavar="NAME",
        help="seizure, price, organisation, project, recommendation, contact "
        "(default: all but contact)",
    )
    p.add_argument("--lang", choices=["en", "ru"], default="en", help="header language")
    p.add_argument(
        "--template", action="store_true", help="a blank workbook to fill in (headers, lists)"
    )
    vault_arg(p)
    pass_arg(p)
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("import", help="import a workbook sent back by a counterpart")
    p.add_argument("file", type=Path, metavar="FILE.xlsx")
    p.add_argument("--dry-run", action="store_true", help="preview only; write nothing")
    p.add_argument(
        "--mapping",
        type=Path,
        metavar="FILE",
        help="JSON column mapping for a counterpart's own layout (remembered per source)",
    )
    p.add_argument(
        "--report", type=Path, metavar="FILE.xlsx", help="write an error report workbook"
    )
    vault_arg(p)
    pass_arg(p)
    p.set_defaults(handler=cmd_import)


def cmd_export(args: argparse.Namespace) -> int:
    """Write the export (or the blank template)."""
    from pp_desktop.exchange.excel.csv_export import csv_targets, export_csv
    from pp_desktop.exchange.excel.errors import ExchangeError
    from pp_desktop.exchange.excel.source import VaultSource
    from pp_desktop.exchange.excel.workbook import ExportOptions, expand, export_workbook

    out = Path(args.out)
    entities = expand(args.entity)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ExchangeError(f"{out.name}: export to a .xlsx or a .csv file.")
    if args.template and suffix != ".xlsx":
        raise ExchangeError("The blank template is an Excel workbook: use --out FILE.xlsx.")
    vault = unlock(args)
    try:
        source = VaultSource(services(vault))
        if suffix == ".csv":
            for entity, path in csv_targets(out, entities).items():
                n = export_csv(source, path, entity, args.lang)
                print(f"{path}: {n:,} rows")
            return 0
        options = ExportOptions(entities=entities, lang=args.lang, template=args.template)
        result = export_workbook(source, out, options)
    finally:
        vault.lock()
    what = "Blank template" if args.template else "Workbook"
    print(f"{what} written to {result.path}.")
    for sheet, n in result.sheets.items():
        print(f"  {sheet}: {n:,} rows")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Preview the import, then commit it unless --dry-run or any row has an error."""
    from pp_desktop.exchange.excel.commit import commit_import
    from pp_desktop.exchange.excel.errors import ImportHasErrors
    from pp_desktop.exchange.excel.mapping import read_mapping_file, remembered
    from pp_desktop.exchange.excel.preview import preview_import
    from pp_desktop.exchange.excel.reader import SheetMapping
    from pp_desktop.exchange.excel.report import write_error_report

    source, mappings = "", list[SheetMapping]()
    if args.mapping:
        source, mappings = read_mapping_file(args.mapping)
    vault = unlock(args)
    try:
        ctx = services(vault)
        if not mappings:  # layouts of counterparts seen before
            mappings = [m for ms in remembered(ctx).values() for m in ms]
        plan = preview_import(ctx, args.file, mappings, source)
        _print_preview(plan)
        if args.report and plan.issues:
            write_error_report(plan, args.report)
            print(f"Error report written to {args.report}.")
        if plan.error_count:
            raise ImportHasErrors(
                f"{plan.error_count} row(s) have errors; nothing was imported."
                + ("" if args.report else " Add --report FILE.xlsx to get the rows marked.")
            )
        if args.dry_run:
            print("Dry run: nothing was written.")
            return 0
        changes = commit_import(ctx, plan)
    finally:
        vault.lock()
    created = sum(len(c.created) for c in changes.values())
    updated = sum(len(c.updated) for c in changes.values())
    print(f"Imported: {created:,} new, {updated:,} updated records (one transaction).")
    return 0


def _print_preview(plan: Any) -> None:
    head = ("sheet", "kind", "new", "updated", "unchanged", "warnings", "errors")
    rows = [head] + [
        (s.sheet, s.entity, *(f"{getattr(s, k):,}" for k in head[2:])) for s in plan.sheets
    ]
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(head))]
    for r in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)))
    totals = plan.totals()
    print("total: " + ", ".join(f"{v:,} {k}" for k, v in totals.items()))
    for note in plan.notes:
        print(f"note: {note}")
    for issue in plan.issues[:SHOWN_ISSUES]:
        print(
            f"{issue.severity}: {issue.sheet} row {issue.row}, {issue.column}: {issue.message}",
            file=sys.stderr if issue.severity == "error" else sys.stdout,
        )
    if len(plan.issues) > SHOWN_ISSUES:
        print(f"... and {len(plan.issues) - SHOWN_ISSUES:,} more findings.", file=sys.stderr)
