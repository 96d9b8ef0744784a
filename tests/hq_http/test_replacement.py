"""Replacement laptops: ``pp-hq device add NAME --replaces OLD_ID`` revokes the old device and the
new one receives, at its first sync, the records the old one had delivered - exactly once."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from pp_desktop.services import records as rec
from pp_desktop.sync import device as dev
from pp_desktop.sync.http_transport import enrol_and_remember, sync_now
from pp_desktop.sync.state import status
from pp_hq import replace
from pp_hq.cli import main as hq_main
from pp_hq.context import Hq
from pp_hq.registry import list_devices
from tests.hq.fixtures import alpha, hq, usb  # noqa: F401 (the folder-route fixtures)
from tests.hq.helpers import (
    Device,
    content_hash,
    device_table,
    hq_scalar,
    new_vault,
    project,
    seizure,
    sync_round,
)
from tests.hq_http.conftest import make_device
from tests.hq_http.server import HqServer


def _hq_seizures(h: Hq) -> int:
    return int(hq_scalar(h, "SELECT count(*) FROM seizure WHERE deleted_at IS NULL"))


def test_a_replacement_laptop_ends_with_the_old_ones_records_exactly_once(
    hq_server: HqServer,
    hq_view: Hq,
    hq_home: tuple[Path, str],
    template_vault: tuple[Path, str],
    tmp_path: Path,
    devices: list[Device],
) -> None:
    old, f = make_device(hq_view, template_vault[0], tmp_path, "old", hq_server.url, devices)
    enrol_and_remember(old.ctx, f)
    bravo, g = make_device(hq_view, template_vault[0], tmp_path, "bravo", hq_server.url, devices)
    enrol_and_remember(bravo.ctx, g)
    mine = [seizure(old.ctx, quantity=q) for q in (1.0, 2.0, 3.0)]
    rec.update(old.ctx, "seizure", mine[0], {"quantity": 9.5})  # delivered as edited
    gone = seizure(old.ctx, quantity=4.0)
    secret = project(old.ctx, "XM-OLD-SECRET", confidentiality="CONFIDENTIAL")
    theirs = seizure(bravo.ctx, country="AFG")
    org = rec.create(bravo.ctx, "organisation", {"name": "Shared org"}).created[0]
    for d in (old, bravo, old, bravo):
        assert sync_now(d.ctx).ok
    rec.delete(old.ctx, "seizure", [gone])  # deleted before the laptop was lost
    assert sync_now(old.ctx).ok
    old_id = old.device_id
    assert _hq_seizures(hq_view) == 4

    out = tmp_path / "new.enrol"
    code = hq_main(
        ["device", "add", "Officer A, new laptop", "--replaces", old_id, "--out", str(out),
         "--hq-url", hq_server.url, "--home", str(hq_home[0]), "--db", hq_home[1]]
    )  # fmt: skip
    assert code == 0
    rows = {r.id: r.status for r in list_devices(hq_view)}
    assert rows[old_id] == "revoked"

    v, ctx = new_vault(template_vault[0], tmp_path / "vault-new")
    new = Device("new", tmp_path / "vault-new", v, ctx)
    devices.append(new)
    enrol_and_remember(new.ctx, out)
    first = sync_now(new.ctx)
    assert first.ok, first
    # every live seizure the old laptop delivered, as HQ holds it; none of bravo's
    got = device_table(new, "seizure")
    assert sorted(r[0] for r in got) == sorted(mine)
    live = lambda t: t.c.deleted_at.is_(None)  # noqa: E731 (the tombstone stays behind)
    assert content_hash(got) == content_hash(device_table(old, "seizure", live))
    assert rec.get(new.ctx, "seizure", mine[0])["quantity"] == 9.5
    assert rec.get(new.ctx, "project", secret)["identifier"] == "XM-OLD-SECRET"
    assert rec.get(new.ctx, "organisation", org)["name"] == "Shared org"
    assert theirs not in {r[0] for r in got}
    assert secret not in {r[0] for r in device_table(bravo, "project")}
    # exactly once: nothing re-sent by the new laptop, nothing doubled at HQ, nothing sent again
    assert status(new.ctx)["pending"] == 0
    again = sync_now(new.ctx)
    assert again.ok and again.received == 0
    assert _hq_seizures(hq_view) == 4
    assert len(device_table(new, "seizure")) == 3
    # the new laptop works on: its edit of an inherited record reaches HQ and bravo is unaffected
    rec.update(new.ctx, "seizure", mine[1], {"quantity": 7.0})
    assert sync_now(new.ctx).ok and status(new.ctx)["pending"] == 0
    assert hq_scalar(hq_view, "SELECT quantity FROM seizure WHERE id = :i", i=mine[1]) == 7.0
    # the old laptop (found again, or stolen) can send nothing more
    late = seizure(old.ctx)
    report = sync_now(old.ctx)
    assert not report.ok
    assert [r[1] for r in report.rejected] == ["revoked"]
    assert hq_scalar(hq_view, "SELECT count(*) FROM seizure WHERE id = :i", i=late) == 0


def test_replacement_refuses_an_unknown_or_never_enrolled_device(
    hq_view: Hq, tmp_path: Path
) -> None:
    from pp_hq.registry import RegistryError, add_device

    with pytest.raises(RegistryError, match="No device"):
        replace.replace_device(hq_view, "new", "d000000000000", tmp_path / "x.enrol")
    add_device(hq_view, "never", tmp_path / "never.enrol")
    never = list_devices(hq_view)[0].id
    with pytest.raises(RegistryError, match="never enrolled"):
        replace.replace_device(hq_view, "new", never, tmp_path / "y.enrol")
    assert not (tmp_path / "y.enrol").exists()
    assert [r.status for r in list_devices(hq_view)] == ["waiting for enrolment"]


def test_a_large_inheritance_travels_in_chunks_through_the_folder_route(
    hq: Hq,  # noqa: F811
    usb: Path,  # noqa: F811
    alpha: Device,  # noqa: F811
    template_vault: tuple[Path, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = [seizure(alpha.ctx, quantity=float(q)) for q in range(1, 6)]
    sync_round(hq, usb, alpha)
    monkeypatch.setattr(replace, "CHUNK", 2)
    ef, n = replace.replace_device(hq, "alpha-2", alpha.device_id, tmp_path / "a2.enrol")
    assert n == 5
    v, ctx = new_vault(template_vault[0], tmp_path / "vault-a2")
    new = Device("alpha-2", tmp_path / "vault-a2", v, ctx)
    try:
        dev.enrol(new.ctx, tmp_path / "a2.enrol")
        seen = []
        for _ in range(4):
            sync_round(hq, usb, new)
            seen.append(len(device_table(new, "seizure")))
        assert seen == [2, 4, 5, 5]
        assert sorted(r[0] for r in device_table(new, "seizure")) == sorted(ids)
        with hq.engine.connect() as conn:
            assert replace.pending_inheritance(conn, ef.device_id) == 0
            left = conn.execute(text("SELECT count(*) FROM hq_inherit")).scalar()
        assert left == 0
        assert _hq_seizures(hq) == 5
    finally:
        new.vault.lock()
