"""``pp-desktop iati export | import | org`` as an officer runs them: real processes, real
vaults, messages and exit codes instead of tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pp_desktop.services import Services
from pp_desktop.store import Vault
from tests.conftest import PASSPHRASE, TODAY
from tests.exchange.test_iati_support import FILES, assert_valid, copy_vault, project, scalar

PP = [sys.executable, "-m", "pp_desktop"]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PP_DEBUG"}
    return subprocess.run(
        [*PP, *map(str, args)], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture
def auth(vault_dir: Path, tmp_path: Path) -> list[str]:
    """``--vault DIR --passphrase-file FILE`` of a fresh vault with one project."""
    f = tmp_path / "pass.txt"
    f.write_text(PASSPHRASE + "\n", "utf-8")
    vault = Vault.unlock(vault_dir, PASSPHRASE)
    try:
        project(Services(vault, today=lambda: TODAY))
        project(Services(vault, today=lambda: TODAY), identifier="XM-DAC-41128-B")
    finally:
        vault.lock()
    return ["--vault", str(vault_dir), "--passphrase-file", str(f)]


def test_export_all_and_named(auth: list[str], tmp_path: Path) -> None:
    out = tmp_path / "all.xml"
    done = run("iati", "export", "--out", out, *auth)
    assert done.returncode == 0, done.stderr
    assert "Exported 2 project(s)" in done.stdout
    assert len(assert_valid(out).getroot()) == 2
    one = tmp_path / "one.xml"
    done = run("iati", "export", "--out", one, "--project", "XM-DAC-41128-B", *auth)
    assert done.returncode == 0, done.stderr
    ids = [e.text for e in assert_valid(one).getroot().iter("iati-identifier")]
    assert ids == ["XM-DAC-41128-B"]


def test_export_of_an_unknown_project_is_an_input_error(auth: list[str], tmp_path: Path) -> None:
    done = run("iati", "export", "--out", tmp_path / "x.xml", "--project", "NOPE", *auth)
    assert done.returncode == 2
    assert "No project with the id or IATI identifier NOPE" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "x.xml").exists()


def test_import_dry_run_then_real_then_again(auth: list[str], vault_dir: Path) -> None:
    src = FILES / "v203_donor_many.xml"
    dry = run("iati", "import", src, "--dry-run", "--country", "AFG", *auth)
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.startswith("Would import v203_donor_many.xml (IATI 2.03): 2 new, 0 updated")
    assert "skip   US-GOV-1-INL-PK-0042: not for AFG (recipient countries: PAK)." in dry.stdout
    assert "Dry run: nothing was written." in dry.stdout
    real = run("iati", "import", src, "--country", "AFG", "--sector", "31165", *auth)
    assert real.returncode == 0, real.stderr
    assert real.stdout.startswith("Imported v203_donor_many.xml (IATI 2.03): 1 new, 0 updated")
    assert "new    GB-GOV-1-300871: identifier, title" in real.stdout
    assert "donor: UK - Foreign, Commonwealth and Development Office" in real.stdout
    again = run("iati", "import", src, "--country", "AFG", "--sector", "31165", *auth)
    assert "0 new, 0 updated, 4 skipped" in again.stdout
    assert "GB-GOV-1-300871: already up to date." in again.stdout
    vault = Vault.unlock(vault_dir, PASSPHRASE)
    try:
        ctx = Services(vault, today=lambda: TODAY)
        assert scalar(ctx, "SELECT count(*) FROM project") == 3
    finally:
        vault.lock()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("hostile_xxe_file.xml", "declares a DTD or entities"),
        ("broken_truncated.xml", "is not well-formed XML"),
        ("wrong_root_organisations.xml", "IATI organisation file, not an activity file"),
    ],
)
def test_refused_files_exit_2_with_the_reason(auth: list[str], name: str, message: str) -> None:
    done = run("iati", "import", FILES / name, *auth)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr and "root:x:" not in done.stderr + done.stdout


def test_bad_filter_is_an_input_error(auth: list[str]) -> None:
    done = run("iati", "import", FILES / "v202_single_minimal.xml", "--country", "Tajik", *auth)
    assert done.returncode == 2
    assert "is not a country code" in done.stderr


def test_reporting_org_show_and_set(auth: list[str], tmp_path: Path) -> None:
    shown = run("iati", "org", *auth)
    assert shown.returncode == 0
    assert shown.stdout.strip() == (
        "Reporting organisation: XM-DAC-41128 (United Nations Office on Drugs and Crime), "
        "type 40, language en"
    )
    bad = run("iati", "org", "--set", "not an id", *auth)
    assert bad.returncode == 2 and "not an IATI organisation identifier" in bad.stderr
    done = run("iati", "org", "--set", "XM-DAC-41128", "--name", "UNODC Dushanbe", "--lang", "ru",
               *auth)  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = tmp_path / "o.xml"
    run("iati", "export", "--out", out, *auth)
    act = assert_valid(out).getroot()[0]
    assert act.find("reporting-org").findtext("narrative") == "UNODC Dushanbe"


def test_wrong_passphrase_is_the_vault_message(auth: list[str], tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all\n")
    args = [*auth[:2], "--passphrase-file", str(wrong)]
    done = run("iati", "export", "--out", tmp_path / "x.xml", *args)
    assert done.returncode == 3 and "Wrong passphrase" in done.stderr


def test_a_second_vault_imports_the_first_ones_export(
    auth: list[str], template_vault: tuple[Path, str], tmp_path: Path
) -> None:
    out = tmp_path / "a.xml"
    assert run("iati", "export", "--out", out, *auth).returncode == 0
    other = copy_vault(template_vault, tmp_path / "other")
    done = run("iati", "import", out, "--vault", other, *auth[2:])
    assert done.returncode == 0, done.stderr
    assert "2 new, 0 updated, 0 skipped" in done.stdout
