"""``pp-hq conflicts`` and ``pp-hq device`` in process (the full USB route runs as real processes
in tests/sync/test_sync_cli.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pp_desktop.services import records as rec
from pp_hq.cli import main
from pp_hq.context import Hq
from tests.hq.helpers import Device, project, sync_round


def _conflict(hq: Hq, usb: Path, alpha: Device, bravo: Device) -> str:
    pid = project(alpha.ctx, "XM-CLI", budget=1.0)
    sync_round(hq, usb, alpha, bravo)
    rec.update(alpha.ctx, "project", pid, {"title": "A", "budget": 2.0})
    rec.update(bravo.ctx, "project", pid, {"title": "B", "budget": 3.0})
    sync_round(hq, usb, alpha, bravo)
    return pid


def test_conflicts_list_and_resolve_per_field(
    hq: Hq,
    usb: Path,
    alpha: Device,
    bravo: Device,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pid = _conflict(hq, usb, alpha, bravo)
    home = str(hq.home)
    monkeypatch.setenv("PP_HQ_DB", str(hq.url))  # the database the commands open (no --db)
    assert main(["conflicts", "list", "--home", home, "--json"]) == 0
    [c] = json.loads(capsys.readouterr().out)
    assert (c["entity_id"], c["fields"]) == (pid, ["budget", "title"])

    assert main(["conflicts", "resolve", c["id"], "--home", home, "--keep", "mine",
                 "--field", "title=mine"]) == 43  # fmt: skip
    assert "either --keep" in capsys.readouterr().err
    assert main(["conflicts", "resolve", c["id"], "--home", home, "--field", "title=maybe"]) == 43
    assert main(["conflicts", "resolve", "nope", "--home", home, "--keep", "mine"]) == 43
    assert "No open conflict nope" in capsys.readouterr().err

    side = {"A": "mine", "B": "theirs"}[c["mine"]["title"]]  # keep A's title, B's budget
    other = "theirs" if side == "mine" else "mine"
    assert main(["conflicts", "resolve", c["id"], "--home", home,
                 "--field", f"title={side}", "--field", f"budget={other}"]) == 0  # fmt: skip
    assert main(["conflicts", "list", "--home", home]) == 0
    assert "No open conflicts." in capsys.readouterr().out
    sync_round(hq, usb, alpha, bravo)
    for d in (alpha, bravo):
        got = rec.get(d.ctx, "project", pid)
        assert (got["title"], got["budget"]) == ("A", 3.0)


def test_device_commands(
    hq: Hq, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home = str(hq.home)
    monkeypatch.setenv("PP_HQ_DB", str(hq.url))  # the database the commands open (no --db)
    out = tmp_path / "x.enrol"
    assert main(["device", "add", "Officer X", "--home", home, "--out", str(out)]) == 0
    assert out.stat().st_mode & 0o777 == 0o600
    assert main(["device", "add", "Officer X", "--home", home, "--out", str(out)]) == 41
    capsys.readouterr()
    assert main(["device", "list", "--home", home, "--json"]) == 0
    [d] = json.loads(capsys.readouterr().out)
    assert (d["name"], d["status"]) == ("Officer X", "waiting for enrolment")
    assert main(["device", "revoke", d["id"], "--home", home]) == 0
    assert main(["device", "revoke", d["id"], "--home", home]) == 41
    assert main(["device", "revoke", "d000", "--home", home]) == 41


def test_age_identity_opens_a_device_bundle_with_the_age_tool(
    hq: Hq, usb: Path, alpha: Device, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import subprocess

    capsys.readouterr()
    assert main(["age-identity", "--home", str(hq.home)]) == 0
    identity = tmp_path / "hq-identity.txt"
    identity.write_text(capsys.readouterr().out)
    alpha.export(usb)
    [first, *_] = sorted(usb.glob(f"{alpha.device_id}-*.age"))
    opened = subprocess.run(
        ["age", "-d", "-i", str(identity), str(first)], capture_output=True, check=True
    )
    assert opened.stdout.startswith(b"pp-bundle\n")
    assert alpha.device_id.encode() in opened.stdout.splitlines()[1]
    assert main(["age-identity", "--home", str(tmp_path / "nothing")]) == 40
