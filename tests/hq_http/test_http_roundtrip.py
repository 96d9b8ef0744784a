"""Two devices and one HQ on a real uvicorn: enrolment, exchange, conflict, resolution over HTTP.

Real SQLCipher vaults, real bundles, ``pp-hq serve`` in a child process (SQLite and PostgreSQL).
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from pp_desktop.services import records as rec
from pp_desktop.sync.http_transport import (
    HQ_URL,
    LAST_RESULT,
    LAST_SYNC,
    SyncReport,
    hq_reachable,
    sync_now,
)
from pp_desktop.sync.state import get_meta, status
from pp_hq import conflicts as hq_conflicts
from pp_hq.context import Hq
from pp_hq.stats import live_counts
from tests.hq.helpers import Device, content_hash, device_table, hq_table, project, seizure
from tests.hq_http.conftest import make_device
from tests.hq_http.server import HqServer

SHARED = ("organisation", "project", "project_donor", "recommendation")


def _sync(d: Device, url: str | None = None) -> SyncReport:
    report = sync_now(d.ctx, url)
    assert report.ok, (d.name, report)
    return report


def _round(*devices: Device) -> None:
    """Everyone syncs twice: HQ applies everything, then everyone hears about everything."""
    for _ in range(2):
        for d in devices:
            _sync(d)


def test_two_devices_over_http_agree_after_a_conflict_and_its_resolution(
    hq_server: HqServer,
    hq_view: Hq,
    template_vault: tuple[Path, str],
    tmp_path: Path,
    devices: list[Device],
) -> None:
    from pp_desktop.sync.http_transport import enrol_and_remember

    alpha, a_file = make_device(
        hq_view, template_vault[0], tmp_path, "alpha", hq_server.url, devices
    )
    bravo, b_file = make_device(
        hq_view, template_vault[0], tmp_path, "bravo", hq_server.url, devices
    )
    # enrolment over HTTP: the file carries HQ's address, the request is the first bundle
    for d, f in ((alpha, a_file), (bravo, b_file)):
        enrol_and_remember(d.ctx, f)
        with d.ctx.reading() as conn:
            assert get_meta(conn, HQ_URL) == hq_server.url
    a_seizures = [seizure(alpha.ctx, quantity=q) for q in (1.0, 2.5)]
    org = rec.create(alpha.ctx, "organisation", {"name": "UNODC", "acronym": "UNODC"}).created[0]
    shared = project(alpha.ctx, "XM-DAC-41114-1", implementing_org_id=org)
    b_seizure = seizure(bravo.ctx, country="AFG", drug="OPIUM", quantity=40)
    secret = project(bravo.ctx, "XM-B-SECRET", confidentiality="CONFIDENTIAL")

    first = _sync(alpha)  # no URL given: the one remembered from the enrolment file
    assert first.sent == 2 and first.confirmed == 2  # enrolment + data, both receipted
    _round(alpha, bravo)
    assert rec.get(bravo.ctx, "project", shared)["title"] == "Project XM-DAC-41114-1"
    assert [r[0] for r in device_table(alpha, "project")] == [shared]  # not bravo's secret

    rec.update(alpha.ctx, "project", shared, {"title": "Alpha title"})
    rec.update(bravo.ctx, "project", shared, {"title": "Bravo title", "budget": 1000.0})
    _round(alpha, bravo)
    open_conflicts = hq_conflicts.list_conflicts(hq_view)
    assert [(c.entity, c.entity_id, c.fields) for c in open_conflicts] == [
        ("project", shared, ["title"])
    ]
    c = open_conflicts[0]
    keep_alpha = "mine" if c.mine["title"] == "Alpha title" else "theirs"
    hq_conflicts.resolve(hq_view, c.id, keep_alpha)
    _round(alpha, bravo)

    not_secret = lambda t: t.c.id != secret  # noqa: E731
    for entity in SHARED:
        assert content_hash(device_table(bravo, entity)) == content_hash(
            hq_table(hq_view, entity)
        ), entity
        assert content_hash(device_table(alpha, entity)) == content_hash(
            hq_table(hq_view, entity, not_secret)
        ), entity
    for d, mine in ((alpha, a_seizures), (bravo, [b_seizure])):
        rows = device_table(d, "seizure")
        assert sorted(r[0] for r in rows) == sorted(mine)
        assert content_hash(rows) == content_hash(
            hq_table(hq_view, "seizure", lambda t, ids=mine: t.c.id.in_(ids))
        )
    for d in (alpha, bravo):
        got = rec.get(d.ctx, "project", shared)
        assert (got["title"], got["budget"]) == ("Alpha title", 1000.0)
        s = status(d.ctx)
        assert (s["pending"], s["held"], s["conflicts"]) == (0, 0, 0)
        with d.ctx.reading() as conn:
            assert get_meta(conn, LAST_SYNC) is not None
            last = json.loads(get_meta(conn, LAST_RESULT) or "{}")
        assert last["status"] == "done"
    counts = live_counts(hq_view)
    assert counts["seizures"] == 3 and counts["projects"] == 2 and counts["organisations"] == 1
    assert hq_reachable(hq_server.url)
    # the server's logs are JSON lines and never carry record contents
    lines = [json.loads(x) for x in hq_server.log_lines() if x.startswith("{")]
    assert any(x["event"] == "bundle" and x["status"] == "applied" for x in lines)
    text_ = "\n".join(hq_server.log_lines())
    for secret_text in ("Alpha title", "Bravo title", "XM-B-SECRET", "UNODC", "OPIUM"):
        assert secret_text not in text_


def test_downstream_needs_a_fresh_request_signed_by_the_device(
    hq_server: HqServer,
    hq_view: Hq,
    template_vault: tuple[Path, str],
    tmp_path: Path,
    devices: list[Device],
) -> None:
    from pp_desktop.sync.device import enrol
    from pp_desktop.sync.http_transport import _signed_headers
    from pp_desktop.sync.state import require_identity

    alpha, a_file = make_device(
        hq_view, template_vault[0], tmp_path, "alpha", hq_server.url, devices
    )
    bravo, b_file = make_device(
        hq_view, template_vault[0], tmp_path, "bravo", hq_server.url, devices
    )
    enrol(alpha.ctx, a_file)
    enrol(bravo.ctx, b_file)
    seizure(alpha.ctx)
    _sync(alpha, hq_server.url)
    _sync(bravo, hq_server.url)
    with alpha.ctx.reading() as conn:
        a = require_identity(conn)
    with bravo.ctx.reading() as conn:
        b = require_identity(conn)
    path = f"/v1/devices/{a.device_id}/downstream"
    url = hq_server.url + path + "?after=0"
    assert httpx.get(url).status_code == 401  # unsigned
    # signed by bravo's key but claiming to be alpha
    forged = _signed_headers(b.signer, a.device_id, "GET", path, "after=0")
    assert httpx.get(url, headers=forged).status_code == 401
    # signed by bravo as bravo, for alpha's path
    other = _signed_headers(b.signer, b.device_id, "GET", path, "after=0")
    assert httpx.get(url, headers=other).status_code == 401
    # signed for another query (after=5): refused for after=0
    wrong_q = _signed_headers(a.signer, a.device_id, "GET", path, "after=5")
    assert httpx.get(url, headers=wrong_q).status_code == 401
    good = _signed_headers(a.signer, a.device_id, "GET", path, "after=0")
    r = httpx.get(url, headers=good)
    assert r.status_code == 200 and r.json()["bundles"]
    assert httpx.get(url, headers=good).status_code == 401  # the same nonce again: replay
    stale = dict(_signed_headers(a.signer, a.device_id, "GET", path, "after=0"))
    stale["X-PP-Time"] = str(int(stale["X-PP-Time"]) - 3600)
    assert httpx.get(url, headers=stale).status_code == 401
    one = hq_server.url + f"/v1/devices/{a.device_id}/downstream/1"
    assert httpx.get(one).status_code == 401


def test_upload_limits_and_bad_input_are_refused_with_a_reason(hq_server: HqServer) -> None:
    big = b"x" * (40 * 1024 * 1024)
    r = httpx.post(hq_server.url + "/v1/bundles", content=big, timeout=60)
    assert r.status_code == 413 and r.json()["reason"] == "too-large"
    r = httpx.post(hq_server.url + "/v1/bundles", content=b"{not json")
    assert r.status_code == 400 and r.json()["reason"] == "malformed"
    r = httpx.post(hq_server.url + "/v1/bundles", json={"age": "AAAA", "minisig": "AAAA"})
    assert r.status_code == 422 and r.json()["reason"] == "malformed"
    root = httpx.get(hq_server.url + "/v1/root").json()
    assert root["document"]["version"] == 1 and root["fingerprint"]
