"""The ``pp-hq`` command line: the HQ operator's tool (no Qt).

Exit codes: 0 success; 1 unexpected error; 2 usage error; 30-43 sync errors (docs/hq.md), among
them 31 when ``exchange`` rejected at least one bundle (each named with its reason).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any


def _home(p: argparse.ArgumentParser) -> None:
    p.add_argument("--home", type=Path, required=True, metavar="DIR", help="HQ home folder")
    p.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        help="passphrase of HQ's key files (init: protect them with it)",
    )
    p.add_argument(
        "--db",
        default=os.environ.get("PP_HQ_DB") or None,
        metavar="URL",
        help="HQ's database: postgresql://USER@HOST:PORT/DB (default: $PP_HQ_DB, else "
        "the SQLite file HOME/hq.db); the same URL on every command",
    )


def _passphrase(args: argparse.Namespace) -> str | None:
    """The key passphrase from ``--passphrase-file`` (one trailing newline stripped)."""
    path = getattr(args, "passphrase_file", None)
    if path is None:
        return None
    text = Path(path).read_text(encoding="utf-8")
    return text[:-1] if text.endswith("\n") else text


def build_parser() -> argparse.ArgumentParser:
    """Every sub-command of ``pp-hq``."""
    parser = argparse.ArgumentParser(prog="pp-hq", description="pp-desktop HQ: sync and devices.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("init", help="create an HQ home: keys, root document, database")
    _home(p)
    p.add_argument("--root-keys", type=Path, metavar="DIR", help="folder for the root keys")
    p.set_defaults(handler=cmd_init)

    dev = sub.add_parser("device", help="add, list or revoke devices").add_subparsers(
        dest="device_command", metavar="ACTION", required=True
    )
    p = dev.add_parser("add", help="register a device and write its enrolment file")
    p.add_argument("name")
    _home(p)
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.add_argument("--hq-url", default=None, help="HQ's address for the HTTP route (optional)")
    p.add_argument(
        "--replaces",
        default=None,
        metavar="OLD_ID",
        help="a replacement laptop: revoke OLD_ID and give the new device its records",
    )
    p.set_defaults(handler=cmd_device_add)
    p = dev.add_parser("list", help="list devices")
    _home(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_device_list)
    p = dev.add_parser("revoke", help="revoke a device (bundles after its last accepted seq)")
    p.add_argument("id")
    _home(p)
    p.add_argument("--after-seq", type=int, default=None, metavar="N")
    p.set_defaults(handler=cmd_device_revoke)

    p = sub.add_parser("rotate-key", help="new online signing key in a new root document")
    _home(p)
    p.add_argument("--root-keys", type=Path, metavar="DIR", help="folder of the root keys")
    p.set_defaults(handler=cmd_rotate_key)

    ref = sub.add_parser("reference", help="reference data").add_subparsers(
        dest="reference_command", metavar="ACTION", required=True
    )
    p = ref.add_parser("load", help="load reference CSV files and send them to every device")
    p.add_argument("folder", type=Path)
    _home(p)
    p.set_defaults(handler=cmd_reference_load)

    con = sub.add_parser("conflicts", help="conflicts on shared records").add_subparsers(
        dest="conflicts_command", metavar="ACTION", required=True
    )
    p = con.add_parser("list", help="open conflicts")
    _home(p)
    p.add_argument("--all", action="store_true", help="resolved ones too")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_conflicts_list)
    p = con.add_parser("resolve", help="resolve a conflict")
    p.add_argument("id")
    _home(p)
    p.add_argument("--keep", choices=["mine", "theirs"], help="HQ's version or the device's")
    p.add_argument(
        "--field", action="append", default=[], metavar="NAME=mine|theirs", help="per field"
    )
    p.set_defaults(handler=cmd_conflicts_resolve)

    p = sub.add_parser("exchange", help="import device bundles from FOLDER, answer into it")
    p.add_argument("folder", type=Path)
    _home(p)
    p.set_defaults(handler=cmd_exchange)

    p = sub.add_parser("serve", help="serve HQ over HTTP (devices run 'pp-desktop sync now')")
    _home(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8700, help="port (default 8700)")
    p.set_defaults(handler=cmd_serve)

    p = sub.add_parser(
        "age-identity",
        help="print HQ's age identity (secret!) to open a bundle with the age tool",
    )
    _home(p)
    p.set_defaults(handler=cmd_age_identity)

    p = sub.add_parser("stats", help="live records per kind")
    _home(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_stats)
    return parser


def _hq(args: argparse.Namespace) -> Any:
    from pp_hq.context import Hq

    return Hq(args.home, passphrase=_passphrase(args), url=getattr(args, "db", None))


def cmd_init(args: argparse.Namespace) -> int:
    from pp_hq.context import Hq

    hq = Hq.init(args.home, args.root_keys, _passphrase(args), url=args.db)
    print(f"HQ home created in {args.home}.")
    print(f"Root fingerprint (officers confirm it at enrolment): {hq.keys.root.fingerprint()}")
    where = args.root_keys or (args.home / "root-keys")
    print(f"Root keys are in {where}: keep them offline; only 'rotate-key' needs them.")
    hq.dispose()
    return 0


def cmd_device_add(args: argparse.Namespace) -> int:
    from pp_hq.registry import add_device

    hq = _hq(args)
    if args.replaces:
        from pp_hq.replace import replace_device

        ef, n = replace_device(hq, args.name, args.replaces, args.out, args.hq_url)
        print(f"Device {args.replaces} revoked; {ef.device_id} replaces it.")
        print(f"{n:,} records it had delivered go to the new device at its first sync.")
    else:
        ef = add_device(hq, args.name, args.out, args.hq_url)
    print(f"Device {ef.device_id} ({ef.device_name}) registered.")
    print(f"Enrolment file: {args.out} (one-time token, valid until {ef.token_expires}).")
    print(f"Root fingerprint to confirm with the officer: {ef.root.fingerprint()}")
    return 0


def cmd_device_list(args: argparse.Namespace) -> int:
    from pp_hq.registry import list_devices

    rows = list_devices(_hq(args))
    if args.json:
        print(json.dumps([asdict(r) for r in rows], sort_keys=True))
        return 0
    for r in rows:
        print(f"{r.id}  {r.status:<22}  last seq {r.last_seq:>5}  {r.name}")
    if not rows:
        print("No devices yet. Add one with 'pp-hq device add NAME --out FILE'.")
    return 0


def cmd_device_revoke(args: argparse.Namespace) -> int:
    from pp_hq.registry import revoke_device

    last = revoke_device(_hq(args), args.id, args.after_seq)
    print(f"Device {args.id} revoked: bundles after seq {last} are refused.")
    return 0


def cmd_rotate_key(args: argparse.Namespace) -> int:
    from pp_hq.keys import rotate_online_key

    doc = rotate_online_key(args.home, args.root_keys, _passphrase(args))
    print(
        f"New online key in root version {doc.version} (valid until {doc.online_expires}); "
        "devices receive it with their next downstream bundle."
    )
    return 0


def cmd_reference_load(args: argparse.Namespace) -> int:
    from pp_hq.reference import load_reference

    n = load_reference(_hq(args), args.folder)
    print(f"{n:,} reference codes loaded; every device receives them with its next bundle.")
    return 0


def cmd_conflicts_list(args: argparse.Namespace) -> int:
    from pp_hq.conflicts import list_conflicts

    rows = list_conflicts(_hq(args), args.all)
    if args.json:
        print(json.dumps([asdict(c) for c in rows], sort_keys=True, default=str))
        return 0
    for c in rows:
        print(f"{c.id}  {c.entity} {c.entity_id}  from {c.sender}  fields: {', '.join(c.fields)}")
        for name in c.fields:
            print(f"    {name}: HQ {c.mine.get(name)!r}  |  device {c.theirs.get(name)!r}")
    if not rows:
        print("No open conflicts.")
    return 0


def cmd_conflicts_resolve(args: argparse.Namespace) -> int:
    from pp_hq.conflicts import ConflictError, resolve

    per_field: dict[str, str] = {}
    for spec in args.field:
        name, _, side = spec.partition("=")
        if side not in ("mine", "theirs"):
            raise ConflictError(f"--field {spec}: write NAME=mine or NAME=theirs.")
        per_field[name] = side
    if bool(args.keep) == bool(per_field):
        raise ConflictError("Give either --keep mine|theirs or one --field NAME=side per field.")
    c = resolve(_hq(args), args.id, args.keep or "fields", per_field)
    print(f"Conflict on {c.entity} {c.entity_id} resolved; devices receive the result.")
    return 0


def cmd_exchange(args: argparse.Namespace) -> int:
    from pp_hq.exchange import exchange_folder

    report = exchange_folder(_hq(args), args.folder)
    for r in report.received:
        what = {"applied": "applied", "held": "held (waiting for an earlier bundle)"}.get(
            r.status, "already applied (replay: the same receipt written again)"
        )
        gap = f"; missing seq {r.gap[0]}-{r.gap[1]}" if r.gap else ""
        print(f"{r.device}-{r.seq}: {what}{gap}")
    for name in report.written:
        print(f"written: {name}")
    for name, reason, message in report.rejected:
        print(f"pp-hq: REJECTED {name}: {reason}: {message}", file=sys.stderr)
    return 31 if report.rejected else 0


def cmd_serve(args: argparse.Namespace) -> int:
    from pp_hq.server.run import serve

    serve(args.home, args.host, args.port, getattr(args, "db", None), _passphrase(args))
    return 0


def cmd_age_identity(args: argparse.Namespace) -> int:
    """Print the identity in age's own format, e.g. for
    ``age -d -i <(pp-hq age-identity --home hq) DEVICE-SEQ.age``: an independent check that a
    bundle holds what HQ applied. The key file stays as it is (0600, maybe passphrase-protected)."""
    from pp_desktop.sync import keyfiles
    from pp_hq.keys import read_root

    read_root(args.home)  # a clear HomeError when this is not an HQ home
    identity = keyfiles.load_age_identity(args.home / "keys" / "age.key", _passphrase(args))
    print("# HQ's age identity: a secret that opens every bundle sent to HQ. Do not store it.")
    print(identity)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from pp_hq.stats import live_counts

    counts = live_counts(_hq(args))
    if args.json:
        print(json.dumps(counts, sort_keys=True))
    else:
        width = max(len(k) for k in counts)
        for key, n in counts.items():
            print(f"{key.replace('_', ' '):<{width}}  {n:>10,}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``pp-hq``: errors become a message and an exit code, not a traceback."""
    from pp_desktop.services.errors import ServiceError
    from pp_desktop.sync.errors import SyncError

    args = build_parser().parse_args(sys.argv[1:] if argv is None else list(argv))
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return int(handler(args))
    except (SyncError, ServiceError) as exc:
        print(f"pp-hq: {exc}", file=sys.stderr)
        return int(exc.exit_code)
    except OSError as exc:
        print(f"pp-hq: {exc.strerror or exc}: {exc.filename or ''}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("pp-hq: interrupted; nothing was left half-written.", file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get("PP_DEBUG"):
            raise
        print(
            f"pp-hq: unexpected error ({exc.__class__.__name__}). Run again with PP_DEBUG=1 "
            "for details and report it.",
            file=sys.stderr,
        )
        return 1
