"""The command line as an officer or a script uses it: real processes, real vaults."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE

PP = [sys.executable, "-m", "pp_desktop"]


def run(
    *args: str | Path,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    full_env.pop("PP_DEBUG", None)
    return subprocess.run(
        [*PP, *map(str, args)],
        capture_output=True,
        text=True,
        env=full_env,
        input=stdin,
        timeout=120,
    )


@pytest.fixture
def pass_file(tmp_path: Path) -> Path:
    f = tmp_path / "pass.txt"
    f.write_text(PASSPHRASE + "\n", "utf-8")
    return f


def test_version() -> None:
    r = run("--version")
    assert r.returncode == 0
    assert r.stdout.startswith("pp-desktop ")


def test_stats_json_keys_and_exit_codes(vault_dir: Path, pass_file: Path, tmp_path: Path) -> None:
    r = run("stats", "--json", "--vault", vault_dir, "--passphrase-file", pass_file)
    assert r.returncode == 0, r.stderr
    counts = json.loads(r.stdout)
    for key in (
        "seizures",
        "prices",
        "projects",
        "recommendations",
        "organisations",
        "contacts",
        "attachments",
    ):
        assert isinstance(counts[key], int)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all\n")
    r = run("stats", "--vault", vault_dir, "--passphrase-file", wrong)
    assert r.returncode == 3
    assert "Wrong passphrase" in r.stderr
    assert "Traceback" not in r.stderr
    r = run("stats", "--vault", tmp_path / "nothing-here", "--passphrase-file", pass_file)
    assert r.returncode == 7
    assert "no vault" in r.stderr.lower()


def test_demo_then_stats_counts(tmp_path: Path, pass_file: Path) -> None:
    vault = tmp_path / "demo"
    r = run("demo", "--vault", vault, "--passphrase-file", pass_file, "--seizures", "600")
    assert r.returncode == 0, r.stderr
    assert "RECOVERY KEY" in r.stdout
    r = run("stats", "--json", "--vault", vault, "--passphrase-file", pass_file)
    counts = json.loads(r.stdout)
    assert counts["seizures"] == 600
    assert counts["projects"] == 30
    assert counts["recommendations"] == 40
    assert counts["progress_notes"] > 0
    assert counts["organisations"] > 0 and counts["contacts"] > 0 and counts["prices"] > 0
    r = run("audit", "verify", "--vault", vault, "--passphrase-file", pass_file)
    assert r.returncode == 0, r.stderr
    assert "intact" in r.stdout


def test_init_refuses_weak_passphrase_and_existing_vault(tmp_path: Path, pass_file: Path) -> None:
    weak = tmp_path / "weak.txt"
    weak.write_text("password1234\n")
    args = ("--officer", "R. Officer", "--country", "kgz", "--device", "lt-7")
    r = run("init", "--vault", tmp_path / "v", "--passphrase-file", weak, *args)
    assert r.returncode == 9
    assert not (tmp_path / "v" / "vault.db").exists()
    r = run("init", "--vault", tmp_path / "v", "--passphrase-file", pass_file, *args)
    assert r.returncode == 0, r.stderr
    r = run("profile", "--vault", tmp_path / "v", "--passphrase-file", pass_file)
    assert "R. Officer" in r.stdout and "KGZ" in r.stdout
    r = run("init", "--vault", tmp_path / "v", "--passphrase-file", pass_file, *args)
    assert r.returncode == 8


def test_passphrase_never_from_prompt_without_tty(vault_dir: Path) -> None:
    r = run("stats", "--vault", vault_dir, stdin="")
    assert r.returncode == 2
    assert "--passphrase-file" in r.stderr


def test_passwd_recover_rekey(
    vault_dir: Path, pass_file: Path, recovery_key: str, tmp_path: Path
) -> None:
    new = tmp_path / "new.txt"
    new.write_text("a brand new phrase for the laptop\n")
    r = run(
        "passwd", "--vault", vault_dir, "--passphrase-file", pass_file, "--new-passphrase-file", new
    )
    assert r.returncode == 0, r.stderr
    assert run("stats", "--vault", vault_dir, "--passphrase-file", pass_file).returncode == 3
    assert run("stats", "--vault", vault_dir, "--passphrase-file", new).returncode == 0
    key = tmp_path / "key.txt"
    key.write_text(recovery_key.lower().replace("-", "") + "\n")
    r = run(
        "recover",
        "--vault",
        vault_dir,
        "--recovery-key-file",
        key,
        "--new-passphrase-file",
        pass_file,
    )
    assert r.returncode == 0, r.stderr
    r = run("rekey", "--vault", vault_dir, "--passphrase-file", pass_file)
    assert r.returncode == 0, r.stderr
    new_key = next(line.strip() for line in r.stdout.splitlines() if line.count("-") == 7)
    assert new_key != recovery_key
    r = run(
        "recover", "--vault", vault_dir, "--recovery-key-file", key, "--new-passphrase-file", new
    )
    assert r.returncode == 3  # the old recovery key no longer opens the vault
    key.write_text(new_key)
    r = run(
        "recover", "--vault", vault_dir, "--recovery-key-file", key, "--new-passphrase-file", new
    )
    assert r.returncode == 0, r.stderr


def test_backup_restore_roundtrip(vault_dir: Path, pass_file: Path, tmp_path: Path) -> None:
    r = run(
        "demo", "--vault", tmp_path / "src", "--passphrase-file", pass_file, "--seizures", "300"
    )
    assert r.returncode == 0, r.stderr
    r = run("backup", tmp_path / "bk", "--vault", tmp_path / "src", "--passphrase-file", pass_file)
    assert r.returncode == 0, r.stderr
    manifest = json.loads((tmp_path / "bk" / "manifest.json").read_text())
    assert {"vault.db", "vault.key", "vault.key.bak"} <= set(manifest["files"])
    # an existing vault is not overwritten without --force
    r = run("restore", tmp_path / "bk", "--vault", vault_dir)
    assert r.returncode == 8
    r = run("restore", tmp_path / "bk", "--vault", tmp_path / "restored")
    assert r.returncode == 0, r.stderr
    r = run("stats", "--json", "--vault", tmp_path / "restored", "--passphrase-file", pass_file)
    assert json.loads(r.stdout)["seizures"] == 300
    # a damaged backup is refused before anything is written
    db = tmp_path / "bk" / "vault.db"
    data = bytearray(db.read_bytes())
    data[5000] ^= 0x01
    db.write_bytes(bytes(data))
    r = run("restore", tmp_path / "bk", "--vault", tmp_path / "restored2")
    assert r.returncode == 11
    assert "checksum" in r.stderr
    assert not (tmp_path / "restored2").exists()
    r = run("restore", tmp_path / "bk", "--vault", vault_dir, "--force")
    assert r.returncode == 11


def test_gui_without_display_explains(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    r = subprocess.run(
        [*PP, "gui", "--vault", str(tmp_path)], capture_output=True, text=True, env=env, timeout=60
    )
    assert r.returncode == 13
    assert "xvfb-run" in r.stderr
    assert "Traceback" not in r.stderr


def test_check_detects_damage(vault_dir: Path, pass_file: Path) -> None:
    assert run("check", "--vault", vault_dir, "--passphrase-file", pass_file).returncode == 0
    db = vault_dir / "vault.db"
    data = bytearray(db.read_bytes())
    data[len(data) - 2000] ^= 0xFF  # a page far from the header
    db.write_bytes(bytes(data))
    r = run("check", "--vault", vault_dir, "--passphrase-file", pass_file)
    assert r.returncode == 5
    assert "Traceback" not in r.stderr


def test_reader_leaving_early_is_not_an_error(vault_dir: Path, pass_file: Path) -> None:
    # `pp-desktop stats --json | head -c 1`: the pipe closes before the command writes
    proc = subprocess.Popen(
        [*PP, "stats", "--json", "--vault", str(vault_dir), "--passphrase-file", str(pass_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    assert proc.wait(timeout=120) == 0
    assert proc.stderr.read() == b""
