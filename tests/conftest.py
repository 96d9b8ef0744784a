"""Shared fixtures: every test gets a fresh vault, copied from a template made once per session.

Vaults in tests use cheap Argon2id parameters (the format stores them, so this is a real vault);
the default cost is exercised by the unlock benchmark and by tests that say so.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pp_desktop.services import Services
from pp_desktop.store import OfficerProfile, Vault
from pp_desktop.store.keyfile import Argon2Params

PASSPHRASE = "correct horse battery staple"
FAST_ARGON2 = Argon2Params(time_cost=1, memory_kib=8 * 1024, lanes=1)
PROFILE = OfficerProfile("Test Officer", "TJK", "test-laptop")
TODAY = date(2026, 11, 28)


@pytest.fixture(scope="session")
def template_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A vault made once (migrations run, reference data seeded); returns (folder, recovery key)."""
    folder = tmp_path_factory.mktemp("template") / "vault"
    vault, recovery = Vault.create(folder, PASSPHRASE, PROFILE, argon2=FAST_ARGON2)
    vault.lock()
    return folder, recovery


@pytest.fixture
def vault_dir(template_vault: tuple[Path, str], tmp_path: Path) -> Path:
    """A fresh copy of the template vault in this test's temporary folder (locked)."""
    target = tmp_path / "vault"
    shutil.copytree(template_vault[0], target)
    return target


@pytest.fixture
def recovery_key(template_vault: tuple[Path, str]) -> str:
    """The recovery key of the template vault (and so of every copy)."""
    return template_vault[1]


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Vault]:
    """An unlocked fresh vault, locked after the test."""
    v = Vault.unlock(vault_dir, PASSPHRASE)
    yield v
    v.lock()


@pytest.fixture
def ctx(vault: Vault) -> Services:
    """Services over a fresh vault, with 'today' fixed at 2026-11-28."""
    return Services(vault, today=lambda: TODAY)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI a skipped test is a test that does not exist: fail the run instead."""
    if not os.environ.get("CI"):
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if skipped:
        reporter.write_line(f"CI: {skipped} test(s) skipped; CI skips no test.", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
