"""Conflicts on the device: the officer's unsent edit meets HQ's newer version of the record.

Both versions are kept, the later HLC is shown provisionally, the service API lists and resolves
the conflict (keep mine / keep theirs / per field), and the resolution travels to HQ and on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pp_desktop.services import conflicts
from pp_desktop.services import records as rec
from pp_desktop.services.errors import NotFound
from pp_desktop.sync.state import status
from pp_hq import conflicts as hq_conflicts
from pp_hq.context import Hq
from pp_hq.exchange import exchange_folder
from tests.hq.fixtures import *  # noqa: F403 (the real HQ, folder and device fixtures)
from tests.hq.helpers import Device, hq_scalar, project, sync_round


def _shared_project(hq: Hq, usb: Path, alpha: Device, bravo: Device) -> str:
    pid = project(alpha.ctx, "XM-1", budget=10.0)
    sync_round(hq, usb, alpha, bravo)
    sync_round(hq, usb, alpha, bravo)
    assert rec.get(bravo.ctx, "project", pid)["identifier"] == "XM-1"
    return pid


def _conflict_on_alpha(
    hq: Hq, usb: Path, alpha: Device, bravo: Device, mine: dict, theirs: dict
) -> tuple[str, conflicts.Conflict]:
    pid = _shared_project(hq, usb, alpha, bravo)
    rec.update(alpha.ctx, "project", pid, mine)  # not exported yet
    rec.update(bravo.ctx, "project", pid, theirs)  # later HLC: provisional winner
    bravo.export(usb)
    exchange_folder(hq, usb)
    got = alpha.import_(usb)
    assert sum(r.conflicts for r in got.results) == 1
    [c] = conflicts.list_conflicts(alpha.ctx)
    return pid, c


def test_keep_mine_resolution_travels_to_hq_and_the_other_device(
    hq: Hq, usb: Path, alpha: Device, bravo: Device
) -> None:
    pid, c = _conflict_on_alpha(
        hq, usb, alpha, bravo, {"title": "Alpha title"}, {"title": "Bravo title"}
    )
    assert (c.entity, c.entity_id, c.fields) == ("project", pid, ("title",))
    assert (c.mine, c.theirs) == ({"title": "Alpha title"}, {"title": "Bravo title"})
    assert rec.get(alpha.ctx, "project", pid)["title"] == "Bravo title"  # provisional
    assert status(alpha.ctx)["conflicts"] == 1

    version = rec.get(alpha.ctx, "project", pid)["version"]
    conflicts.resolve(alpha.ctx, c.id, "mine")
    got = rec.get(alpha.ctx, "project", pid)
    assert (got["title"], got["version"]) == ("Alpha title", version + 1)
    assert conflicts.list_conflicts(alpha.ctx) == []
    with pytest.raises(NotFound):
        conflicts.resolve(alpha.ctx, c.id, "theirs")  # settled once

    sync_round(hq, usb, alpha, bravo)
    assert hq_scalar(hq, "SELECT title FROM project WHERE id = :i", i=pid) == "Alpha title"
    assert hq_conflicts.list_conflicts(hq) == []  # the resolution is a plain continuation
    sync_round(hq, usb, bravo)
    assert rec.get(bravo.ctx, "project", pid)["title"] == "Alpha title"


def test_per_field_resolution(hq: Hq, usb: Path, alpha: Device, bravo: Device) -> None:
    pid, c = _conflict_on_alpha(
        hq,
        usb,
        alpha,
        bravo,
        {"title": "Alpha title", "budget": 20.0},
        {"title": "Bravo title", "budget": 30.0},
    )
    assert c.fields == ("budget", "title")
    conflicts.resolve(alpha.ctx, c.id, "fields", {"title": "theirs", "budget": "mine"})
    got = rec.get(alpha.ctx, "project", pid)
    assert (got["title"], got["budget"]) == ("Bravo title", 20.0)
    sync_round(hq, usb, alpha, bravo)
    sync_round(hq, usb, bravo)
    for d in (alpha, bravo):
        got = rec.get(d.ctx, "project", pid)
        assert (got["title"], got["budget"]) == ("Bravo title", 20.0)


def test_keep_theirs_and_disjoint_fields_merge_silently(
    hq: Hq, usb: Path, alpha: Device, bravo: Device
) -> None:
    pid = _shared_project(hq, usb, alpha, bravo)
    rec.update(alpha.ctx, "project", pid, {"description": "alpha's words"})
    rec.update(bravo.ctx, "project", pid, {"budget": 99.0})
    bravo.export(usb)
    exchange_folder(hq, usb)
    got = alpha.import_(usb)
    assert sum(r.conflicts for r in got.results) == 0
    merged = rec.get(alpha.ctx, "project", pid)
    assert (merged["description"], merged["budget"]) == ("alpha's words", 99.0)
    sync_round(hq, usb, alpha, bravo)
    sync_round(hq, usb, bravo)
    for d in (alpha, bravo):
        got_ = rec.get(d.ctx, "project", pid)
        assert (got_["description"], got_["budget"]) == ("alpha's words", 99.0)


def test_delete_against_edit_keeps_both_and_keep_theirs_undeletes(
    hq: Hq, usb: Path, alpha: Device, bravo: Device
) -> None:
    pid = _shared_project(hq, usb, alpha, bravo)
    rec.delete(alpha.ctx, "project", [pid])
    rec.update(bravo.ctx, "project", pid, {"title": "Still running"})
    bravo.export(usb)
    exchange_folder(hq, usb)
    alpha.import_(usb)
    [c] = conflicts.list_conflicts(alpha.ctx)
    assert c.mine_deleted and not c.theirs_deleted
    conflicts.resolve(alpha.ctx, c.id, "theirs")
    assert rec.get(alpha.ctx, "project", pid)["title"] == "Still running"
    sync_round(hq, usb, alpha, bravo)
    assert hq_scalar(hq, "SELECT deleted_at FROM project WHERE id = :i", i=pid) is None
    assert hq_scalar(hq, "SELECT title FROM project WHERE id = :i", i=pid) == "Still running"
