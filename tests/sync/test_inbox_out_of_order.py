"""Out of order through the folder: early bundles are held, then applied once the gap fills."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import text

from pp_desktop.services import records as rec
from pp_desktop.sync.state import status
from pp_hq.context import Hq
from pp_hq.exchange import exchange_folder
from pp_hq.stats import live_counts
from tests.hq.fixtures import *  # noqa: F403 (the real HQ, folder and device fixtures)
from tests.hq.helpers import Device, project, seizure, sync_round


def _move(src: Path, dst: Path, stem: str) -> None:
    for suffix in (".age", ".age.minisig"):
        shutil.move(src / f"{stem}{suffix}", dst / f"{stem}{suffix}")


def test_hq_holds_an_early_bundle_until_the_gap_fills(
    hq: Hq, usb: Path, alpha: Device, tmp_path: Path
) -> None:
    sync_round(hq, usb, alpha)
    first = seizure(alpha.ctx, quantity=1.0)
    alpha.export(usb)  # bundle 2
    second = seizure(alpha.ctx, quantity=2.0)
    rec.update(alpha.ctx, "seizure", first, {"quantity": 1.25})
    alpha.export(usb)  # bundle 3 (bundle 2 is written again: not yet receipted)
    later = tmp_path / "later"
    later.mkdir()
    _move(usb, later, f"{alpha.device_id}-2")  # the stick carries only bundle 3

    report = exchange_folder(hq, usb)
    fresh = [(r.seq, r.status, r.gap) for r in report.received if r.status != "replay"]
    assert fresh == [(3, "held", (2, 2))]
    assert live_counts(hq)["seizures"] == 0  # nothing of a held bundle is applied

    _move(later, usb, f"{alpha.device_id}-2")
    report = exchange_folder(hq, usb)
    by_seq = {r.seq: r for r in report.received}
    assert by_seq[2].status == "applied" and by_seq[2].applied == [2, 3]
    assert live_counts(hq)["seizures"] == 2
    alpha.import_(usb)
    assert status(alpha.ctx)["pending"] == 0
    del second


def test_device_holds_an_early_downstream_bundle(
    hq: Hq, usb: Path, alpha: Device, bravo: Device, tmp_path: Path
) -> None:
    sync_round(hq, usb, alpha, bravo)  # bravo applied HQ's bundle 1
    made = []
    for n in (1, 2):  # later HQ bundles for bravo carry alpha's projects
        made.append(project(alpha.ctx, f"P-{n}"))
        alpha.export(usb)
        exchange_folder(hq, usb)
        seizure(bravo.ctx, quantity=float(n))
        bravo.export(usb)
        exchange_folder(hq, usb)
    newest = max(
        int(p.name[:-4].rsplit("-", 1)[1]) for p in usb.glob(f"hq-{bravo.device_id}-*.age")
    )
    assert newest >= 3
    stick = tmp_path / "stick"
    stick.mkdir()
    _move(usb, stick, f"hq-{bravo.device_id}-{newest}")

    held = bravo.import_(stick)
    assert [(r.seq, r.status, r.gap) for r in held.results] == [(newest, "held", (2, newest - 1))]
    assert status(bravo.ctx)["held"] == 1
    with bravo.ctx.reading() as conn:
        assert conn.execute(text("SELECT count(*) FROM project")).scalar() == 0

    got = bravo.import_(usb)  # the earlier ones arrive: applied in order, then the held one
    applied = [seq for r in got.results for seq in r.applied_seqs]
    assert applied == list(range(2, newest + 1))
    s = status(bravo.ctx)
    assert (s["held"], s["pending"]) == (0, 0)
    assert [rec.get(bravo.ctx, "project", p)["identifier"] for p in made] == ["P-1", "P-2"]
