"""Two devices and one HQ exchange seizures, projects and a conflicting edit through a folder.

Real SQLCipher vaults, real minisign/age bundle files in a folder, a real HQ database.
"""

from __future__ import annotations

from pathlib import Path

from pp_desktop.services import records as rec
from pp_desktop.services import stats
from pp_hq import conflicts as hq_conflicts
from pp_hq.context import Hq
from pp_hq.stats import live_counts
from tests.hq.fixtures import *  # noqa: F403 (the real HQ, folder and device fixtures)
from tests.hq.helpers import (
    Device,
    content_hash,
    device_table,
    hq_table,
    project,
    seizure,
    sync_round,
)

SHARED = ("organisation", "project", "project_donor", "recommendation")


def test_two_devices_and_hq_agree_after_a_conflicting_edit(
    hq: Hq, usb: Path, alpha: Device, bravo: Device
) -> None:
    a_seizures = [seizure(alpha.ctx, quantity=q) for q in (1.0, 2.5)]
    org = rec.create(alpha.ctx, "organisation", {"name": "UNODC", "acronym": "UNODC"}).created[0]
    shared = project(alpha.ctx, "XM-DAC-41114-1", implementing_org_id=org)
    b_seizure = seizure(bravo.ctx, country="AFG", drug="OPIUM", quantity=40)
    secret = project(bravo.ctx, "XM-B-SECRET", confidentiality="CONFIDENTIAL")

    first = sync_round(hq, usb, alpha, bravo)
    assert {r.status for r in first.received} == {"applied"}
    assert not first.rejected
    # bravo received alpha's shared records; alpha never sees bravo's confidential project
    assert rec.get(bravo.ctx, "project", shared)["title"] == "Project XM-DAC-41114-1"
    assert [r[0] for r in device_table(alpha, "project")] == [shared]

    # both officers edit the same project before hearing from each other
    rec.update(alpha.ctx, "project", shared, {"title": "Alpha title"})
    rec.update(bravo.ctx, "project", shared, {"title": "Bravo title", "budget": 1000.0})
    second = sync_round(hq, usb, alpha, bravo)
    assert not second.rejected
    open_conflicts = hq_conflicts.list_conflicts(hq)
    assert [(c.entity, c.entity_id, c.fields) for c in open_conflicts] == [
        ("project", shared, ["title"])
    ]
    c = open_conflicts[0]
    # HQ's version ("mine") is whichever bundle HQ read first; the other is "theirs"
    assert {c.mine["title"], c.theirs["title"]} == {"Alpha title", "Bravo title"}
    keep_alpha = "mine" if c.mine["title"] == "Alpha title" else "theirs"
    # disjoint field merged silently; the later edit (bravo's) shown provisionally everywhere
    for d in (alpha, bravo):
        got = rec.get(d.ctx, "project", shared)
        assert (got["title"], got["budget"]) == ("Bravo title", 1000.0)

    # HQ resolves through the service API: alpha's title
    hq_conflicts.resolve(hq, c.id, keep_alpha)
    assert hq_conflicts.list_conflicts(hq) == []
    sync_round(hq, usb, alpha, bravo)

    # final states agree: shared tables on every side, field data per owner at HQ
    not_secret = lambda t: t.c.id != secret  # noqa: E731
    for entity in SHARED:
        hq_rows = hq_table(hq, entity)
        assert content_hash(device_table(bravo, entity)) == content_hash(hq_rows), entity
        assert content_hash(device_table(alpha, entity)) == content_hash(
            hq_table(hq, entity, not_secret)
        ), entity
    for d, mine in ((alpha, a_seizures), (bravo, [b_seizure])):
        rows = device_table(d, "seizure")
        assert sorted(r[0] for r in rows) == sorted(mine)
        assert content_hash(rows) == content_hash(
            hq_table(hq, "seizure", lambda t, ids=mine: t.c.id.in_(ids))
        )
    for d in (alpha, bravo):
        got = rec.get(d.ctx, "project", shared)
        assert (got["title"], got["budget"]) == ("Alpha title", 1000.0)
    counts = live_counts(hq)
    assert counts["seizures"] == 3 and counts["projects"] == 2 and counts["organisations"] == 1
    assert set(counts) == set(stats.live_counts(alpha.ctx))
    # nothing is pending anywhere: every change is covered by a verified receipt
    from pp_desktop.sync.state import status

    for d in (alpha, bravo):
        s = status(d.ctx)
        assert (s["pending"], s["held"], s["conflicts"]) == (0, 0, 0)
        assert s["last_receipt"] is not None
