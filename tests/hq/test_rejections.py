"""HQ and the device refuse bad bundles with a reason and apply nothing (DESIGN §5 order)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from pp_desktop.services import records as rec
from pp_desktop.sync import bundle, device
from pp_desktop.sync.enrolment_file import EnrolmentFile
from pp_desktop.sync.errors import BundleRejected
from pp_desktop.sync.folder_transport import upstream_bundles
from pp_desktop.sync.inbox import import_bundle
from pp_desktop.sync.outbox import pending_items
from pp_desktop.sync.state import Identity, load_identity
from pp_hq.context import Hq
from pp_hq.exchange import exchange_folder, receive_bytes
from pp_hq.registry import add_device, list_devices, revoke_device
from pp_hq.stats import live_counts
from tests.hq.helpers import Device, hq_scalar, new_vault, seizure, sync_round


def ident(d: Device) -> Identity:
    with d.ctx.reading() as conn:
        got = load_identity(conn)
    assert got is not None
    return got


def only(usb: Path, device_id: str, seq: int) -> tuple[bytes, bytes]:
    found = [b for b in upstream_bundles(usb) if (b.party, b.seq) == (device_id, seq)]
    assert len(found) == 1
    return found[0].read()


def hq_state(hq: Hq) -> tuple[dict[str, int], int, int]:
    """What must not change when a bundle is refused."""
    return (
        live_counts(hq),
        int(hq_scalar(hq, "SELECT count(*) FROM hq_inbound")),
        int(hq_scalar(hq, "SELECT count(*) FROM hq_change")),
    )


def seal_as(
    signer_of: Device, sender: str, seq: int, prev: str, items: list[dict]
) -> bundle.Sealed:
    i = ident(signer_of)
    return bundle.seal(
        kind="up",
        sender=sender,
        seq=seq,
        prev=prev,
        audit_head="",
        items=items,
        signer=i.signer,
        recipients=list(i.root.hq_recipients),
    )


def test_bundle_re_signed_by_another_enrolled_device_is_refused(
    hq: Hq, usb: Path, alpha: Device, bravo: Device
) -> None:
    sync_round(hq, usb, alpha, bravo)  # both enrolled
    seizure(alpha.ctx, quantity=3.0)
    alpha.export(usb)
    age, sig = only(usb, alpha.device_id, 2)
    header = bundle.read_outer(age, sig)
    before = hq_state(hq)
    # bravo signs alpha's ciphertext and header with its own key
    forged = ident(bravo).signer.sign(age, header.to_comment(), bundle.untrusted_comment(header))
    with pytest.raises(BundleRejected) as exc:
        receive_bytes(hq, age, forged)
    assert exc.value.reason == "wrong-key", exc.value.message
    # bravo re-labels alpha's bundle as its own: the encrypted header still names alpha
    relabelled = bundle.Header(**{**header.__dict__, "sender": bravo.device_id, "seq": 2})
    forged = ident(bravo).signer.sign(
        age, relabelled.to_comment(), bundle.untrusted_comment(relabelled)
    )
    with pytest.raises(BundleRejected) as exc:
        receive_bytes(hq, age, forged)
    assert exc.value.reason == "header-mismatch"
    assert hq_state(hq) == before
    # the sequence numbers stayed free: the genuine bundles are accepted afterwards
    assert receive_bytes(hq, age, sig).status == "applied"
    assert live_counts(hq)["seizures"] == before[0]["seizures"] + 1


def test_revoked_device_is_refused_and_others_learn_it(
    hq: Hq, usb: Path, alpha: Device, bravo: Device
) -> None:
    sync_round(hq, usb, alpha, bravo)
    assert revoke_device(hq, alpha.device_id) == 1
    assert {d.id: d.status for d in list_devices(hq)}[alpha.device_id] == "revoked"
    seizure(alpha.ctx)
    alpha.export(usb)
    before = hq_state(hq)
    report = exchange_folder(hq, usb)
    assert [(name, reason) for name, reason, _ in report.rejected] == [
        (f"{alpha.device_id}-2.age", "revoked")
    ]
    assert hq_state(hq) == before
    seizure(bravo.ctx)
    sync_round(hq, usb, bravo)
    from pp_desktop.sync.state import REVOKED, get_meta

    with bravo.ctx.reading() as conn:  # alpha's revocation does not revoke bravo
        assert get_meta(conn, REVOKED) is None


def test_enrolment_with_a_wrong_token_then_a_used_token(
    hq: Hq, usb: Path, template_vault: tuple[Path, str], tmp_path: Path
) -> None:
    good = add_device(hq, "charlie", tmp_path / "charlie.enrol")
    wrong = tmp_path / "wrong.enrol"
    EnrolmentFile(good.device_id, good.device_name, "x" * 43, good.token_expires, good.root).write(
        wrong
    )
    v1, ctx1 = new_vault(template_vault[0], tmp_path / "v1")
    device.enrol(ctx1, wrong)
    device.export(ctx1, usb)
    before = hq_state(hq)
    report = exchange_folder(hq, usb)
    assert [r for _, r, _ in report.rejected] == ["bad-token"]
    assert hq_state(hq) == before
    assert {d.id: d.status for d in list_devices(hq)}[good.device_id] == "waiting for enrolment"
    shutil.rmtree(usb)
    usb.mkdir()

    v2, ctx2 = new_vault(template_vault[0], tmp_path / "v2")
    device.enrol(ctx2, tmp_path / "charlie.enrol")
    device.export(ctx2, usb)
    assert exchange_folder(hq, usb).rejected == []
    shutil.rmtree(usb)
    usb.mkdir()
    # a second laptop with the same (now used) file
    v3, ctx3 = new_vault(template_vault[0], tmp_path / "v3")
    device.enrol(ctx3, tmp_path / "charlie.enrol")
    device.export(ctx3, usb)
    before = hq_state(hq)
    report = exchange_folder(hq, usb)
    assert [r for _, r, _ in report.rejected] == ["token-used"]
    assert hq_state(hq) == before
    for v in (v1, v2, v3):
        v.lock()


def test_fork_is_refused_and_replay_gets_the_same_receipt_bytes(
    hq: Hq, usb: Path, alpha: Device
) -> None:
    sync_round(hq, usb, alpha)
    sid = seizure(alpha.ctx, quantity=7.0)
    alpha.export(usb)
    exchange_folder(hq, usb)
    answer = sorted(usb.glob(f"hq-{alpha.device_id}-*.age"))[-1]
    first_bytes = (answer.read_bytes(), Path(str(answer) + ".minisig").read_bytes())
    before = hq_state(hq)
    outbound = hq_scalar(hq, "SELECT count(*) FROM hq_outbound")

    answer.unlink()
    report = exchange_folder(hq, usb)  # the same bundles again: a replay
    assert {r.status for r in report.received} == {"replay"}
    assert (answer.read_bytes(), Path(str(answer) + ".minisig").read_bytes()) == first_bytes
    assert hq_state(hq) == before
    assert hq_scalar(hq, "SELECT count(*) FROM hq_outbound") == outbound

    # the same seq with other content, properly signed by alpha: a fork
    age, sig = only(usb, alpha.device_id, 2)
    header = bundle.read_outer(age, sig)
    rec.update(alpha.ctx, "seizure", sid, {"quantity": 8.0})
    with alpha.ctx.reading() as conn:
        items, _ = pending_items(conn)
    fork = seal_as(alpha, alpha.device_id, 2, header.prev, items)
    with pytest.raises(BundleRejected) as exc:
        receive_bytes(hq, fork.age, fork.minisig)
    assert exc.value.reason == "fork"
    assert hq_state(hq) == before


def test_expired_downstream_bundle_is_refused_by_the_device(
    hq: Hq, usb: Path, alpha: Device
) -> None:
    sync_round(hq, usb, alpha)
    org = {
        "t": "change", "entity": "organisation", "id": "01900000-0000-7000-8000-000000000001",
        "version": 1, "hlc": "0001764000000000-00000-hq", "base_version": 0, "base_hlc": "",
        "fields": {"name": "Expired Org"}, "deleted": False,
    }  # fmt: skip
    last_in = int(hq_scalar(hq, "SELECT max(seq) FROM hq_outbound"))
    sealed = bundle.seal(
        kind="down",
        sender="hq",
        to=alpha.device_id,
        seq=last_in + 1,
        prev="",
        audit_head="",
        items=[org],
        signer=hq.keys.signer_for(hq.keys.root.version),
        recipients=[ident(alpha).age_recipient],
        expires="2026-01-01T00:00:00Z",
    )
    with pytest.raises(BundleRejected) as exc:
        import_bundle(alpha.ctx, sealed.age, sealed.minisig)
    assert exc.value.reason == "expired"
    with alpha.ctx.reading() as conn:
        assert conn.execute(text("SELECT count(*) FROM organisation")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM sync_inbound")).scalar() == 1


def test_tampered_bundle_leaves_its_seq_free(hq: Hq, usb: Path, alpha: Device) -> None:
    sync_round(hq, usb, alpha)
    seizure(alpha.ctx)
    alpha.export(usb)
    age, sig = only(usb, alpha.device_id, 2)
    flipped = bytearray(age)
    flipped[len(flipped) // 2] ^= 0x01
    before = hq_state(hq)
    with pytest.raises(BundleRejected) as exc:
        receive_bytes(hq, bytes(flipped), sig)
    assert exc.value.reason == "bad-signature"
    assert hq_state(hq) == before
    assert receive_bytes(hq, age, sig).status == "applied"
