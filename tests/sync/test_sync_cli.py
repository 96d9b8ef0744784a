"""``pp-desktop sync`` and ``pp-hq`` as an officer and an operator use them: real processes,
a real vault, real bundle files on a "USB stick" folder, the real ``minisign`` tool."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pp_desktop.services import Services
from pp_desktop.store import Vault
from tests.conftest import PASSPHRASE
from tests.hq.helpers import seizure


def run(prog: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    module = {"pp-desktop": "pp_desktop", "pp-hq": "pp_hq.cli"}[prog]
    code = (
        [sys.executable, "-m", module]
        if prog == "pp-desktop"
        else [sys.executable, "-c", "import sys, pp_hq.cli as c; sys.exit(c.main())"]
    )
    env = {k: v for k, v in os.environ.items() if k != "PP_DEBUG"}
    return subprocess.run(
        [*code, *map(str, args)], capture_output=True, text=True, env=env, timeout=120
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


@pytest.fixture
def setup(tmp_path: Path, vault_dir: Path) -> dict[str, Path]:
    pass_file = tmp_path / "pass.txt"
    pass_file.write_text(PASSPHRASE + "\n", "utf-8")
    usb = tmp_path / "usb"
    usb.mkdir()
    return {"home": tmp_path / "hq", "vault": vault_dir, "pass": pass_file, "usb": usb}


@pytest.mark.slow
def test_usb_route_from_the_command_line(setup: dict[str, Path], tmp_path: Path) -> None:
    home, vault, pw, usb = setup["home"], setup["vault"], setup["pass"], setup["usb"]
    dev = ["--vault", vault, "--passphrase-file", pw]
    out = ok(run("pp-hq", "init", "--home", home, "--root-keys", tmp_path / "offline"))
    fingerprint = out.split("Root fingerprint (officers confirm it at enrolment): ")[1].split()[:8]
    assert sorted(p.name for p in (tmp_path / "offline").iterdir()) == ["root-1.key", "root-2.key"]
    assert (home / "keys" / "age.key").stat().st_mode & 0o777 == 0o600
    ok(run("pp-hq", "device", "add", "Officer TJK", "--home", home, "--out", tmp_path / "e.json"))
    status = json.loads(ok(run("pp-desktop", "sync", "status", "--json", *dev)))
    assert status["enrolled"] is False

    out = ok(run("pp-desktop", "sync", "enrol", tmp_path / "e.json", *dev))
    assert " ".join(fingerprint) in out
    again = run("pp-desktop", "sync", "enrol", tmp_path / "e.json", *dev)
    assert again.returncode == 38 and "already enrolled" in again.stderr

    v = Vault.unlock(vault, PASSPHRASE)
    seizure(Services(v), quantity=12.0)
    v.lock()
    out = ok(run("pp-desktop", "sync", "export", usb, *dev))
    device_id = json.loads(ok(run("pp-desktop", "sync", "status", "--json", *dev)))["device_id"]
    assert f"written: {device_id}-2.age" in out

    # the Debian minisign tool verifies the bundle with the device's public key
    pub = tmp_path / "device.pub"
    pub.write_text(ok(run("pp-desktop", "sync", "pubkey", *dev)))
    checked = subprocess.run(
        ["minisign", "-V", "-p", pub, "-m", usb / f"{device_id}-2.age"],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr
    assert f'"sender":"{device_id}","to":"hq","seq":2' in checked.stdout

    out = ok(run("pp-hq", "exchange", usb, "--home", home))
    assert f"{device_id}-2: applied" in out and f"written: hq-{device_id}-1.age" in out
    ok(run("pp-desktop", "sync", "import", usb, *dev))
    status = json.loads(ok(run("pp-desktop", "sync", "status", "--json", *dev)))
    assert {"enrolled", "pending", "held", "conflicts", "last_receipt"} <= set(status)
    assert (status["pending"], status["held"], status["conflicts"]) == (0, 0, 0)
    assert status["last_receipt"]

    hq_stats = json.loads(ok(run("pp-hq", "stats", "--home", home, "--json")))
    dev_stats = json.loads(ok(run("pp-desktop", "stats", "--json", *dev)))
    assert set(hq_stats) == set(dev_stats) and hq_stats["seizures"] == 1
    devices = json.loads(ok(run("pp-hq", "device", "list", "--home", home, "--json")))
    assert [(d["id"], d["status"], d["last_seq"]) for d in devices] == [(device_id, "enrolled", 2)]
    assert "No open conflicts." in ok(run("pp-hq", "conflicts", "list", "--home", home))

    # reference data and a new online key reach the device with its next exchange
    refs = tmp_path / "refs"
    refs.mkdir()
    (refs / "drug.csv").write_text(
        "code,label_en,label_ru,parent,factor_kg,sort\nNITAZENE,Nitazenes,Нитазены,OPIOIDS,,500\n",
        "utf-8",
    )
    assert "1 reference codes loaded" in ok(run("pp-hq", "reference", "load", refs, "--home", home))
    ok(run("pp-hq", "rotate-key", "--home", home, "--root-keys", tmp_path / "offline"))
    v = Vault.unlock(vault, PASSPHRASE)
    seizure(Services(v))
    v.lock()
    ok(run("pp-desktop", "sync", "export", usb, *dev))
    ok(run("pp-hq", "exchange", usb, "--home", home))
    out = ok(run("pp-desktop", "sync", "import", usb, *dev))
    assert "1 reference codes" in out
    v = Vault.unlock(vault, PASSPHRASE)
    seizure(Services(v), drug="NITAZENE", quantity=0.1)  # the new code validates on the device
    from sqlalchemy import text

    with v.read() as conn:
        root = json.loads(conn.execute(text("SELECT root FROM sync_identity")).scalar())
    v.lock()
    assert root["version"] == 2
    ok(run("pp-desktop", "sync", "export", usb, *dev))
    out = ok(run("pp-hq", "exchange", usb, "--home", home))  # signed with the new key
    ok(run("pp-desktop", "sync", "import", usb, *dev))
    assert json.loads(ok(run("pp-hq", "stats", "--home", home, "--json")))["seizures"] == 3

    # a damaged bundle: exit status non-zero, the file and the reason named, nothing applied
    bad = tmp_path / "bad"
    bad.mkdir()
    damaged = bytearray((usb / f"{device_id}-4.age").read_bytes())
    damaged[-10] ^= 0x40
    (bad / f"{device_id}-4.age").write_bytes(bytes(damaged))
    shutil.copy(usb / f"{device_id}-4.age.minisig", bad / f"{device_id}-4.age.minisig")
    rejected = run("pp-hq", "exchange", bad, "--home", home)
    assert rejected.returncode == 31
    assert f"REJECTED {device_id}-4.age: bad-signature" in rejected.stderr
    assert "Traceback" not in rejected.stderr
    assert json.loads(ok(run("pp-hq", "stats", "--home", home, "--json")))["seizures"] == 3

    ok(run("pp-hq", "device", "revoke", device_id, "--home", home))
    v = Vault.unlock(vault, PASSPHRASE)
    seizure(Services(v))
    v.lock()
    ok(run("pp-desktop", "sync", "export", usb, *dev))
    rejected = run("pp-hq", "exchange", usb, "--home", home)
    assert rejected.returncode == 31 and f"{device_id}-5.age: revoked" in rejected.stderr
