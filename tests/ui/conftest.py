"""Fixtures of the GUI tests: a themed application, sessions, and a vault with seizures.

The seizure vault is filled once per session through the service bulk path and copied per
test, like the conftest's template vault.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from pp_desktop.services import Services
from pp_desktop.services.bulk import bulk_insert
from pp_desktop.store import Vault
from pp_desktop.ui import paged_table_model, theme
from pp_desktop.ui.session import Session
from tests.conftest import PASSPHRASE, TODAY

SEIZURES = 4_000
MARKER = "zirconmarker"  # a word only some seizures' notes carry (quick-search tests)
MARKED_EVERY = 40
COUNTRIES = ("AFG", "TJK", "IRN", "UZB")
DRUGS = ("HEROIN", "OPIUM", "CANNABIS_RESIN")


def seizure_rows(n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """``n`` valid seizures spread over three years before TODAY, deterministic."""
    rng = random.Random(seed)
    for i in range(n):
        yield {
            "seized_on": (TODAY - timedelta(days=rng.randrange(3 * 365))).isoformat(),
            "country": COUNTRIES[i % len(COUNTRIES)],
            "place": f"Checkpoint {i % 97}",
            "drug": DRUGS[i % len(DRUGS)],
            "quantity": round(rng.uniform(0.5, 500.0), 3),
            "unit": "KG",
            "notes": f"Seizure number {i} {MARKER}" if i % MARKED_EVERY == 0 else "",
        }


@pytest.fixture(scope="session", autouse=True)
def themed_app(qapp: QApplication) -> QApplication:
    """The pytest-qt application with the app's theme (the widgets as the officer sees them)."""
    theme.apply_theme(qapp)
    return qapp


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path) -> Iterator[Path]:
    """Every test its own QSettings files (column layouts, recent vaults, language): nothing
    is read from or written to the officer's real settings."""
    folder = tmp_path / "qsettings"
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def patient_first_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """List pages read their first page off the UI thread and wait 60 ms for it; on a busy CI
    machine a test could see "loading" where it expects rows. Tests wait long enough for
    the page; test_background_reads covers the slow path on purpose."""
    monkeypatch.setattr(paged_table_model, "FIRST_PAGE_WAIT_S", 10.0)


@pytest.fixture(scope="session")
def seizure_template(
    template_vault: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A copy of the template vault with SEIZURES seizures, made once."""
    folder = tmp_path_factory.mktemp("seizures") / "vault"
    shutil.copytree(template_vault[0], folder)
    vault = Vault.unlock(folder, PASSPHRASE)
    try:
        bulk_insert(Services(vault, today=lambda: TODAY), "seizure", seizure_rows(SEIZURES))
    finally:
        vault.lock()
    return folder


@pytest.fixture
def seizure_vault_dir(seizure_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the seizure vault (locked)."""
    target = tmp_path / "seizure-vault"
    shutil.copytree(seizure_template, target)
    return target


@pytest.fixture
def seizure_ctx(seizure_vault_dir: Path) -> Iterator[Services]:
    """Services over the seizure vault, 'today' fixed like the ``ctx`` fixture."""
    vault = Vault.unlock(seizure_vault_dir, PASSPHRASE)
    yield Services(vault, today=lambda: TODAY)
    vault.lock()


@pytest.fixture
def session(ctx: Services) -> Session:
    """A GUI session over the fresh (empty) vault of ``ctx``."""
    return Session(ctx.vault, ctx)


@pytest.fixture
def seizure_session(seizure_ctx: Services) -> Session:
    """A GUI session over the seizure vault."""
    return Session(seizure_ctx.vault, seizure_ctx)
