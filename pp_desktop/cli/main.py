"""The ``pp-desktop`` command line (the GUI is started by pp_desktop.app, the only entry point
allowed to import Qt).

Exit codes (docs/cli.md): 0 success; 1 unexpected error; 2 usage or input error; 3 wrong
passphrase or recovery key; 4 key file missing or damaged; 5 database damaged; 6 vault from a
newer version; 7 no vault; 8 vault already exists; 9 passphrase refused by the policy;
11 backup damaged; 12 audit chain broken; 13 no display for the GUI; 21 validation failed;
22 record not found; 23 record changed elsewhere.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from pp_desktop import __version__
from pp_desktop.cli import exchange_cmd, iati_cmd, sync_cmd
from pp_desktop.cli.common import err, pass_arg, services, unlock, vault_arg, vault_dir
from pp_desktop.cli.secrets_input import (
    InputError,
    get_new_passphrase,
    get_passphrase,
    read_secret_file,
)

EXIT_CHAIN_BROKEN = 12


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every sub-command."""
    parser = argparse.ArgumentParser(
        prog="pp-desktop",
        description="Field tool of the Paris Pact Research and Liaison Officers.",
    )
    parser.add_argument("--version", action="version", version=f"pp-desktop {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("gui", help="start the application (the default)")
    vault_arg(p)

    p = sub.add_parser("init", help="create a new vault")
    vault_arg(p)
    pass_arg(p)
    p.add_argument("--officer", help="officer name (asked when missing)")
    p.add_argument("--country", help="home country, ISO 3166-1 alpha-3 (e.g. TJK)")
    p.add_argument("--device", help="device label (default: this computer's name)")

    p = sub.add_parser("demo", help="create a vault filled with realistic synthetic data")
    vault_arg(p)
    pass_arg(p)
    p.add_argument(
        "--seizures",
        type=int,
        default=5000,
        metavar="N",
        help="number of seizures (default 5000, up to 1000000)",
    )
    p.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")

    p = sub.add_parser("stats", help="count live records per kind")
    vault_arg(p)
    pass_arg(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")

    p = sub.add_parser("audit", help="audit log commands")
    asub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    v = asub.add_parser("verify", help="prove the hash chain of the audit log intact")
    vault_arg(v)
    pass_arg(v)

    p = sub.add_parser("passwd", help="change the passphrase")
    vault_arg(p)
    pass_arg(p, new=True)

    p = sub.add_parser("rekey", help="full re-key: new data key and a new recovery key")
    vault_arg(p)
    pass_arg(p)

    p = sub.add_parser("recover", help="set a new passphrase with the recovery key")
    vault_arg(p)
    p.add_argument(
        "--recovery-key-file",
        type=Path,
        metavar="FILE",
        help="read the recovery key from FILE instead of prompting",
    )
    p.add_argument("--new-passphrase-file", type=Path, metavar="FILE")

    p = sub.add_parser("backup", help="write a consistent encrypted backup into a new folder")
    p.add_argument("dest", type=Path, metavar="DIR")
    vault_arg(p)
    pass_arg(p)

    p = sub.add_parser("restore", help="restore a backup as a vault (verified first)")
    p.add_argument("src", type=Path, metavar="DIR")
    p.add_argument(
        "--vault", type=Path, required=True, metavar="NEW", help="folder of the restored vault"
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="replace an existing vault (it is kept aside, not deleted)",
    )

    p = sub.add_parser("check", help="check every page of the vault (integrity)")
    vault_arg(p)
    pass_arg(p)

    p = sub.add_parser("profile", help="show or edit the officer profile")
    vault_arg(p)
    pass_arg(p)
    p.add_argument("--officer")
    p.add_argument("--country")
    p.add_argument("--device")
    # Sub-commands of the exchange and sync layers live in their own modules.
    for module in (sync_cmd, exchange_cmd, iati_cmd):
        module.register(sub)
    return parser


def cmd_init(args: argparse.Namespace) -> int:
    from pp_desktop.store import OfficerProfile, Vault

    officer = args.officer or _ask("Officer name")
    country = (args.country or _ask("Home country (ISO alpha-3, e.g. TJK)")).upper()
    device = args.device or socket.gethostname()
    passphrase = get_new_passphrase(args.passphrase_file, "Passphrase for the new vault")
    vault, recovery = Vault.create(
        vault_dir(args), passphrase, OfficerProfile(officer, country, device)
    )
    vault.lock()
    print(f"Vault created in {vault_dir(args)}.")
    _print_recovery_key(recovery)
    return 0


def _ask(label: str) -> str:
    if not sys.stdin.isatty():
        raise InputError(f"{label} is missing; give it as an option (see --help).")
    return input(f"{label}: ").strip()


def _print_recovery_key(key: str) -> None:
    print("\nRECOVERY KEY (shown once; write it down and keep it apart from this laptop):\n")
    print(f"    {key}\n")
    print("With it you can set a new passphrase if you forget yours: pp-desktop recover")


def cmd_demo(args: argparse.Namespace) -> int:
    from pp_desktop.services.demo import DemoSize, make_demo
    from pp_desktop.store import OfficerProfile, Vault

    if not 0 <= args.seizures <= 1_000_000:
        raise InputError("--seizures must be between 0 and 1000000.")
    passphrase = get_new_passphrase(args.passphrase_file, "Passphrase for the demo vault")
    folder = vault_dir(args)
    vault, recovery = Vault.create(
        folder, passphrase, OfficerProfile("Demo Officer", "TJK", "demo-laptop")
    )
    try:

        def progress(entity: str, n: int) -> None:
            if entity == "seizure" and n % 100_000 == 0:
                print(f"  {n:,} seizures written", file=sys.stderr)

        made = make_demo(services(vault), DemoSize(seizures=args.seizures), args.seed, progress)
    finally:
        vault.lock()
    print(
        f"Demo vault created in {folder}: "
        + ", ".join(f"{n:,} {e.replace('_', ' ')}" for e, n in made.items())
    )
    _print_recovery_key(recovery)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from pp_desktop.services import stats

    vault = unlock(args)
    try:
        counts = stats.live_counts(services(vault))
    finally:
        vault.lock()
    if args.json:
        print(json.dumps(counts, sort_keys=True))
    else:
        width = max(len(k) for k in counts)
        for key, n in counts.items():
            print(f"{key.replace('_', ' '):<{width}}  {n:>10,}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from pp_desktop.services.ledger import verify_chain

    vault = unlock(args)
    try:
        with vault.read() as conn:
            report = verify_chain(conn)
    finally:
        vault.lock()
    if report.ok:
        print(f"Audit chain intact: {report.entries:,} entries, head {report.head}.")
        return 0
    err(
        f"Audit chain BROKEN at entry {report.first_broken}: {report.reason}. "
        "Report this to HQ; do not edit the vault."
    )
    return EXIT_CHAIN_BROKEN


def cmd_passwd(args: argparse.Namespace) -> int:
    vault = unlock(args)
    try:
        old = get_passphrase(args.passphrase_file) if args.passphrase_file else None
        new = get_new_passphrase(args.new_passphrase_file)
        if old is None:
            raise InputError("Give the current passphrase with --passphrase-file.")
        vault.change_passphrase(old, new)
    finally:
        vault.lock()
    print("Passphrase changed. Your recovery key is unchanged.")
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    folder = vault_dir(args)
    from pp_desktop.store import Vault

    passphrase = get_passphrase(args.passphrase_file)
    vault = Vault.unlock(folder, passphrase)
    try:
        vault.rekey(passphrase, _print_recovery_key)
    finally:
        vault.lock()
    print(
        "Re-key done: the vault has a new data key; old key files and the old recovery key "
        "no longer open it."
    )
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    from pp_desktop.store import Vault

    key = (
        read_secret_file(args.recovery_key_file)
        if args.recovery_key_file
        else get_passphrase(None, "Recovery key")
    )
    new = get_new_passphrase(args.new_passphrase_file)
    vault = Vault.recover(vault_dir(args), key, new)
    vault.lock()
    print("New passphrase set. The recovery key stays valid.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from pp_desktop.store.backup import backup

    vault = unlock(args)
    try:
        info = backup(vault, args.dest)
    finally:
        vault.lock()
    print(
        f"Backup written to {info.folder} ({len(info.files)} files, schema {info.schema_revision})."
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from pp_desktop.store.backup import restore

    info = restore(args.src, args.vault, force=args.force)
    print(
        f"Backup of {info.created_at} restored to {args.vault}. It will reconcile with HQ "
        "before its next sync."
    )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    vault = unlock(args)
    try:
        problems = vault.integrity_check()
    finally:
        vault.lock()
    if problems:
        err("The vault is damaged: " + "; ".join(problems[:5]))
        return 5
    print("Vault integrity OK: every page decrypts and authenticates.")
    return 0


def cmd_profile(args: argparse.Namespace) -> int:
    from pp_desktop.store import OfficerProfile

    vault = unlock(args)
    try:
        p = vault.profile
        if args.officer or args.country or args.device:
            p = OfficerProfile(
                args.officer or p.name,
                (args.country or p.home_country).upper(),
                args.device or p.device_label,
            )
            vault.set_profile(p)
    finally:
        vault.lock()
    print(f"Officer: {p.name}\nHome country: {p.home_country}\nDevice: {p.device_label}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init,
    "demo": cmd_demo,
    "stats": cmd_stats,
    "audit": cmd_audit,
    "passwd": cmd_passwd,
    "rekey": cmd_rekey,
    "recover": cmd_recover,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
    "profile": cmd_profile,
}


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """Parse the command line (exits 2 with a usage message on bad arguments)."""
    return build_parser().parse_args(list(argv))


def run(args: argparse.Namespace) -> int:
    """Run a parsed non-GUI command; user errors become a message and an exit code."""
    from pp_desktop.services.errors import ServiceError
    from pp_desktop.store.errors import VaultError

    try:
        handler = getattr(args, "handler", None) or COMMANDS[args.command]
        return int(handler(args))
    except (VaultError, ServiceError, InputError) as exc:
        err(str(exc))
        return int(exc.exit_code)
    except KeyboardInterrupt:
        err("Interrupted; nothing was left half-written.")
        return 130
    except BrokenPipeError:
        # the reader of our output left (`| head`): not an error; keep Python's exit flush quiet
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:
        if os.environ.get("PP_DEBUG"):
            raise
        err(
            f"Unexpected error ({exc.__class__.__name__}). Run again with PP_DEBUG=1 for "
            "details and report it."
        )
        return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for the non-GUI commands (``pp_desktop.app.main`` routes here)."""
    args = parse(sys.argv[1:] if argv is None else argv)
    if args.command in (None, "gui"):
        err("the GUI is started by 'pp-desktop' itself (pp_desktop.app).")
        return 2
    return run(args)
