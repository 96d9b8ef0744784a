"""The ``pp-desktop sync`` sub-commands: enrol, status, pubkey, export, import, now (HTTP)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pp_desktop.cli.common import err, pass_arg, services, unlock, vault_arg


def register(sub: Any) -> None:
    """Add this module's sub-commands to ``sub`` (each sets ``handler`` with set_defaults)."""
    sync = sub.add_parser("sync", help="exchange signed bundles with HQ (USB or shared folder)")
    actions = sync.add_subparsers(dest="sync_command", metavar="ACTION", required=True)

    p = actions.add_parser("enrol", help="enrol this vault with HQ's enrolment file")
    p.add_argument("file", type=Path)
    vault_arg(p)
    pass_arg(p)
    p.set_defaults(handler=_guard(cmd_enrol))

    p = actions.add_parser("status", help="enrolment, pending changes, held bundles, conflicts")
    vault_arg(p)
    pass_arg(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_guard(cmd_status))

    p = actions.add_parser("pubkey", help="print the device's public key (minisign .pub format)")
    vault_arg(p)
    pass_arg(p)
    p.set_defaults(handler=_guard(cmd_pubkey))

    p = actions.add_parser("export", help="write bundles for HQ into FOLDER")
    p.add_argument("folder", type=Path)
    vault_arg(p)
    pass_arg(p)
    p.set_defaults(handler=_guard(cmd_export))

    p = actions.add_parser("import", help="read HQ's bundles for this device from FOLDER")
    p.add_argument("folder", type=Path)
    vault_arg(p)
    pass_arg(p)
    p.set_defaults(handler=_guard(cmd_import))

    p = actions.add_parser("now", help="sync with HQ over the network (HTTP)")
    p.add_argument("--hq", metavar="URL", help="HQ's address (default: the one remembered)")
    p.add_argument(
        "--enrol", type=Path, metavar="FILE", help="enrol with this file first (if not enrolled)"
    )
    vault_arg(p)
    pass_arg(p)
    p.set_defaults(handler=_guard(cmd_now))


def _guard(fn: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Sync errors become a message and their exit code (vault and service errors are handled
    by ``pp_desktop.cli.main.run``)."""

    def run(args: argparse.Namespace) -> int:
        from pp_desktop.sync.errors import SyncError

        try:
            return fn(args)
        except SyncError as exc:
            err(exc.message)
            return int(exc.exit_code)

    return run


def _with_services(args: argparse.Namespace, fn: Callable[[Any], int]) -> int:
    vault = unlock(args)
    try:
        return fn(services(vault))
    finally:
        vault.lock()


def cmd_enrol(args: argparse.Namespace) -> int:
    from pp_desktop.sync.http_transport import enrol_and_remember

    def go(ctx: Any) -> int:
        done = enrol_and_remember(ctx, args.file)
        print(f"Enrolled as device {done.device_id} ({done.device_name}).")
        print(f"HQ root fingerprint: {done.root_fingerprint}")
        print("Confirm this fingerprint with HQ by phone or on paper before sending data.")
        print(
            "Your enrolment request travels with the next 'pp-desktop sync now' (network) or "
            "'pp-desktop sync export FOLDER' (USB)."
        )
        return 0

    return _with_services(args, go)


def cmd_status(args: argparse.Namespace) -> int:
    from pp_desktop.sync.state import status

    def go(ctx: Any) -> int:
        s = status(ctx)
        if args.json:
            print(json.dumps(s, sort_keys=True))
            return 0
        if not s["enrolled"]:
            print("Not enrolled. Run 'pp-desktop sync enrol FILE' with HQ's enrolment file.")
            return 0
        print(f"Device {s['device_id']}, HQ root fingerprint {s['root_fingerprint']}")
        print(f"Changes not yet confirmed by HQ: {s['pending']}")
        print(f"Bundles from HQ waiting for an earlier one: {s['held']}")
        print(f"Open conflicts: {s['conflicts']}; quarantined changes: {s['quarantined']}")
        print(f"Last receipt: {s['last_receipt'] or 'never'}")
        if s["needs_reconcile"]:
            print("Restored vault: import HQ's latest bundles before exporting.")
        if s["revoked"]:
            print("HQ has revoked this device.")
        return 0

    return _with_services(args, go)


def cmd_pubkey(args: argparse.Namespace) -> int:
    from pp_desktop.sync.device import public_key_file

    def go(ctx: Any) -> int:
        print(public_key_file(ctx), end="")
        return 0

    return _with_services(args, go)


def cmd_export(args: argparse.Namespace) -> int:
    from pp_desktop.sync.device import export

    def go(ctx: Any) -> int:
        result = export(ctx, args.folder)
        for name in result.written:
            print(f"written: {name}")
        if not result.written:
            print("Nothing to send: HQ has confirmed every change.")
        return 0

    return _with_services(args, go)


def cmd_import(args: argparse.Namespace) -> int:
    from pp_desktop.sync.device import import_folder

    def go(ctx: Any) -> int:
        out = import_folder(ctx, args.folder)
        for r in out.results:
            if r.status == "held":
                gap = f" (waiting for bundle {r.gap[0]}-{r.gap[1]})" if r.gap else ""
                print(f"bundle {r.seq}: held{gap}")
            elif r.status == "applied":
                print(
                    f"bundle {', '.join(map(str, r.applied_seqs))}: applied "
                    f"({r.receipts} receipts, {r.changes} changes, {r.conflicts} conflicts, "
                    f"{r.quarantined} quarantined, {r.references} reference codes)"
                )
        for name, reason, message in out.rejected:
            err(f"REJECTED {name}: {reason}: {message}")
        if not out.results and not out.rejected:
            print("No bundle from HQ for this device in that folder.")
        return 31 if out.rejected else 0

    return _with_services(args, go)


def cmd_now(args: argparse.Namespace) -> int:
    from pp_desktop.sync.http_transport import enrol_and_remember, sync_now
    from pp_desktop.sync.state import load_identity

    def go(ctx: Any) -> int:
        if args.enrol is not None:
            with ctx.reading() as conn:
                enrolled = load_identity(conn) is not None
            if not enrolled:
                done = enrol_and_remember(ctx, args.enrol)
                print(f"Enrolled as device {done.device_id}; HQ root {done.root_fingerprint}")
        report = sync_now(ctx, args.hq)
        for name, reason, message in report.rejected:
            err(f"REJECTED {name}: {reason}: {message}")
        if report.ok:
            print(report.message)
            return 0
        err(report.message)
        return 31 if report.status == "rejected" else 39

    return _with_services(args, go)
