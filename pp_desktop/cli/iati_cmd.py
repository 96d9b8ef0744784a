"""The ``pp-desktop iati`` sub-commands: IATI 2.03 activity XML export and import (issue 7).

pp-desktop iati export --out FILE.xml [--project ID ...] [--confirm-confidential]
pp-desktop iati import FILE.xml [--dry-run] [--country ISO3] [--sector CODE]
pp-desktop iati org [--set REF] [--name NAME] [--type CODE] [--lang xx]
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from pp_desktop.cli.common import err, pass_arg, services, unlock, vault_arg

SHOWN = 50  # lines per kind of decision printed; the summary counts every one


def register(sub: Any) -> None:
    """Add this module's sub-commands to ``sub`` (each sets ``handler`` with set_defaults)."""
    p = sub.add_parser("iati", help="IATI 2.03 activity files: export and import projects")
    isub = p.add_subparsers(dest="iati_command", metavar="ACTION", required=True)

    e = isub.add_parser("export", help="write projects as an IATI 2.03 activity file")
    e.add_argument("--out", type=Path, required=True, metavar="FILE.xml")
    e.add_argument(
        "--project",
        action="append",
        default=[],
        metavar="ID",
        help="a project's id or IATI identifier (repeatable; default: every project)",
    )
    e.add_argument(
        "--confirm-confidential",
        action="store_true",
        help="also export the confidential projects named with --project",
    )
    vault_arg(e)
    pass_arg(e)
    e.set_defaults(handler=cmd_export)

    i = isub.add_parser("import", help="import projects from an IATI 2.01-2.03 activity file")
    i.add_argument("file", type=Path, metavar="FILE.xml")
    i.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")
    i.add_argument("--country", default="", metavar="ISO3", help="only activities for a country")
    i.add_argument("--sector", default="", metavar="CODE", help="only activities of a DAC sector")
    vault_arg(i)
    pass_arg(i)
    i.set_defaults(handler=cmd_import)

    o = isub.add_parser("org", help="show or set the reporting organisation of exports")
    o.add_argument("--set", dest="ref", metavar="REF", help="IATI organisation identifier")
    o.add_argument("--name", help="organisation name")
    o.add_argument("--type", dest="org_type", metavar="CODE", help="IATI organisation type")
    o.add_argument("--lang", metavar="xx", help="language of your texts (ISO 639-1, e.g. en)")
    vault_arg(o)
    pass_arg(o)
    o.set_defaults(handler=cmd_org)


def cmd_export(args: argparse.Namespace) -> int:
    """``iati export``."""
    from pp_desktop.exchange.iati import export_projects

    vault = unlock(args)
    try:
        result = export_projects(
            services(vault), args.out, args.project or None, args.confirm_confidential
        )
    finally:
        vault.lock()
    print(f"Exported {len(result.exported)} project(s) to {result.path}.")
    for ident, message in result.warnings:
        err(f"{ident}: {message}")
    for ident, reason in result.skipped:
        err(f"left out {ident}: {reason}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """``iati import``."""
    from pp_desktop.exchange.iati import Action, import_activities

    vault = unlock(args)
    try:
        preview = import_activities(
            services(vault), args.file, args.country, args.sector, dry_run=args.dry_run
        )
    finally:
        vault.lock()
    print(preview.summary())
    for action, label in ((Action.NEW, "new"), (Action.UPDATE, "update"), (Action.SKIP, "skip")):
        items = preview.of(action)
        for item in items[:SHOWN]:
            detail = item.reason or ", ".join(item.changed)
            print(f"  {label:6} {item.identifier}: {detail}")
            for note in item.notes:
                print(f"         note: {note}")
        if len(items) > SHOWN:
            print(f"  ... and {len(items) - SHOWN} more {label}")
    if args.dry_run:
        print("Dry run: nothing was written.")
    return 0


def cmd_org(args: argparse.Namespace) -> int:
    """``iati org``: show, or with options set, the reporting organisation."""
    from pp_desktop.exchange.iati import ReportingOrg, reporting_org, set_reporting_org

    vault = unlock(args)
    try:
        org = reporting_org(vault)
        if args.ref or args.name or args.org_type or args.lang:
            org = ReportingOrg(
                args.ref or org.ref,
                args.name or org.name,
                args.org_type or org.type,
                args.lang or org.lang,
            )
            set_reporting_org(vault, org)
    finally:
        vault.lock()
    print(f"Reporting organisation: {org.ref} ({org.name}), type {org.type}, language {org.lang}")
    return 0
