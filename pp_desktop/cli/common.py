"""Helpers shared by every sub-command module of the command line (no Qt here)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pp_desktop.cli.secrets_input import get_passphrase
from pp_desktop.paths import default_vault_dir


def err(message: str) -> None:
    """Print a message for the officer on standard error."""
    print(f"pp-desktop: {message}", file=sys.stderr)


def vault_arg(p: argparse.ArgumentParser) -> None:
    """Add ``--vault DIR``."""
    p.add_argument(
        "--vault",
        type=Path,
        default=None,
        metavar="DIR",
        help=f"vault folder (default: {default_vault_dir()})",
    )


def pass_arg(p: argparse.ArgumentParser, new: bool = False) -> None:
    """Add ``--passphrase-file FILE`` (and ``--new-passphrase-file`` when ``new``)."""
    p.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        help="read the passphrase from FILE (one trailing newline stripped) instead of prompting",
    )
    if new:
        p.add_argument(
            "--new-passphrase-file",
            type=Path,
            metavar="FILE",
            help="read the new passphrase from FILE instead of prompting twice",
        )


def vault_dir(args: argparse.Namespace) -> Path:
    """The vault folder named by ``--vault``, or the default one."""
    return Path(args.vault) if args.vault else default_vault_dir()


def unlock(args: argparse.Namespace) -> Any:
    """Unlock the vault of ``args`` (VaultNotFound when there is none)."""
    from pp_desktop.store import Vault

    folder = vault_dir(args)
    from pp_desktop.store.keyfile import keyfile_exists
    from pp_desktop.store.vault import DB_NAME

    if not (folder / DB_NAME).exists() and not keyfile_exists(folder):
        from pp_desktop.store import VaultNotFound

        raise VaultNotFound(f"There is no vault in {folder}. Create one with 'pp-desktop init'.")
    return Vault.unlock(folder, get_passphrase(args.passphrase_file))


def services(vault: Any) -> Any:
    """The service layer over an unlocked vault."""
    from pp_desktop.services import Services

    return Services(vault)
