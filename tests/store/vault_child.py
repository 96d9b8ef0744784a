"""Child process of the crash tests: does one vault operation and reports progress on stdout.

Usage: python vault_child.py MODE FOLDER [ARG]; the passphrase is read from stdin (one line).

* ``rekey FOLDER [CRASH_AT]``: unlock, then ``Vault.rekey`` (``_crash_at=CRASH_AT``); prints
  ``RECOVERY <key>`` from the show_recovery_key callback, then ``DONE``.
* ``write FOLDER``: unlock, then create seizures one transaction at a time through the service
  layer, printing ``ID <id>`` after each commit, until killed (or 100,000 records).
* ``rlimit FOLDER``: raise the core-dump soft limit, unlock, print the limit before and after.
"""

from __future__ import annotations

import resource
import sys
from datetime import date
from pathlib import Path


def say(*parts: object) -> None:
    print(*parts, flush=True)


def main() -> int:
    mode, folder = sys.argv[1], Path(sys.argv[2])
    arg = sys.argv[3] if len(sys.argv) > 3 else ""
    passphrase = sys.stdin.readline().rstrip("\n")

    from pp_desktop.store import Vault

    if mode == "rlimit":
        _soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
        want = 1 << 20 if hard == resource.RLIM_INFINITY else min(hard, 1 << 20)
        resource.setrlimit(resource.RLIMIT_CORE, (want, hard))
        say("BEFORE", *resource.getrlimit(resource.RLIMIT_CORE))
        vault = Vault.unlock(folder, passphrase)
        say("AFTER", *resource.getrlimit(resource.RLIMIT_CORE))
        vault.lock()
        return 0

    vault = Vault.unlock(folder, passphrase)
    say("UNLOCKED")
    if mode == "rekey":
        vault.rekey(
            passphrase, lambda key: say("RECOVERY", key), _crash_at=(arg if arg != "-" else None)
        )
        say("DONE")
        vault.lock()
        return 0
    if mode == "write":
        from pp_desktop.services import Services, records

        ctx = Services(vault, today=lambda: date(2026, 11, 28))
        for i in range(100_000):
            cs = records.create(
                ctx,
                "seizure",
                {
                    "seized_on": "2026-03-01",
                    "country": "TJK",
                    "drug": "HEROIN",
                    "quantity": 1.0 + i,
                    "unit": "KG",
                    "notes": f"crash test record {i}",
                },
            )
            say("ID", cs.created[0])
        vault.lock()
        return 0
    raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    sys.exit(main())
