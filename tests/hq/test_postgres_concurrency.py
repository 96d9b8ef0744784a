"""Two uploads at once, on two real connections, on both backends (``hq_db_url``).

HQ's writers take turns (``pp_hq.db.lock_writes``) and ``(device, seq)`` is unique in the
database itself: the same bundle uploaded twice at the same moment is applied once and the second
upload gets the replay answer; two consecutive bundles racing each other are both applied, the
later one never left held behind the other's uncommitted transaction.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from pp_desktop.sync.folder_transport import upstream_bundles
from pp_hq.context import Hq
from pp_hq.db import hq_inbound
from pp_hq.exchange import receive_bytes
from pp_hq.ingest import Received, receive
from tests.hq.helpers import Device, hq_scalar, seizure, sync_round

WAIT = 1.5  # seconds the second upload must still be waiting for the first one's commit


def _bundle(usb: Path, device_id: str, seq: int) -> tuple[bytes, bytes]:
    [found] = [b for b in upstream_bundles(usb) if (b.party, b.seq) == (device_id, seq)]
    return found.read()


class _Upload(threading.Thread):
    """``receive_bytes`` on a connection of its own, in another thread."""

    def __init__(self, fn: Callable[[], Received]) -> None:
        super().__init__(daemon=True)
        self._fn = fn
        self.result: Received | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._fn()
        except BaseException as exc:  # reported by the test, not lost in the thread
            self.error = exc


def _first_uncommitted(hq: Hq, age: bytes, sig: bytes) -> tuple[Connection, Any, Received]:
    conn = hq.engine.connect()
    tx = conn.begin()
    return conn, tx, receive(conn, hq, age, sig)


def test_the_same_bundle_uploaded_twice_at_once_is_applied_once(
    hq: Hq, usb: Path, alpha: Device
) -> None:
    sync_round(hq, usb, alpha)  # enrolled: seq 1 applied
    for q in (1.0, 2.0, 3.0):
        seizure(alpha.ctx, quantity=q)
    alpha.export(usb)
    dev = alpha.device_id
    age, sig = _bundle(usb, dev, 2)

    conn, tx, first = _first_uncommitted(hq, age, sig)
    assert first.status == "applied"
    second = _Upload(lambda: receive_bytes(hq, age, sig))
    second.start()
    second.join(WAIT)
    assert second.is_alive(), "the second upload did not wait for the first one's transaction"
    tx.commit()
    conn.close()
    second.join(60)
    assert second.error is None, second.error
    assert second.result is not None and second.result.status == "replay"

    n = "SELECT count(*) FROM hq_inbound WHERE device = :d AND seq = 2"
    assert hq_scalar(hq, n, d=dev) == 1
    assert hq_scalar(hq, "SELECT count(*) FROM seizure") == 3
    assert hq_scalar(hq, "SELECT count(*) FROM hq_inbound") == 2  # the enrolment and this one


def test_consecutive_bundles_racing_are_both_applied_none_left_held(
    hq: Hq, usb: Path, alpha: Device
) -> None:
    sync_round(hq, usb, alpha)
    seizure(alpha.ctx, quantity=1.0)
    alpha.export(usb)  # seq 2
    seizure(alpha.ctx, quantity=2.0)
    alpha.export(usb)  # seq 3
    dev = alpha.device_id
    two, three = _bundle(usb, dev, 2), _bundle(usb, dev, 3)

    conn, tx, first = _first_uncommitted(hq, *two)
    assert first.status == "applied"
    later = _Upload(lambda: receive_bytes(hq, *three))
    later.start()
    later.join(WAIT)
    assert later.is_alive()
    tx.commit()
    conn.close()
    later.join(60)
    assert later.error is None, later.error
    # it ran after seq 2 was committed: applied at once, not held behind a gap that is not there
    assert later.result is not None and later.result.status == "applied"
    assert hq_scalar(hq, "SELECT count(*) FROM hq_inbound WHERE status = 'held'") == 0
    assert hq_scalar(hq, "SELECT max(seq) FROM hq_inbound WHERE status = 'applied'") == 3
    assert hq_scalar(hq, "SELECT count(*) FROM seizure") == 2


def test_device_and_seq_are_unique_in_the_database_itself(hq: Hq) -> None:
    """Without HQ's writer turn, two transactions inserting the same (device, seq): the
    database refuses the second one once the first commits."""
    row = {
        "device": "d-race", "seq": 7, "kind": "up", "bundle_hash": "a" * 64, "status": "held",
        "received_at": "2026-11-28T12:00:00Z", "audit_head": "", "age": b"x", "minisig": b"y",
    }  # fmt: skip
    first = hq.engine.connect()
    tx = first.begin()
    first.execute(hq_inbound.insert().values(**row))

    def insert_again() -> Received:
        with hq.engine.begin() as conn:
            conn.execute(hq_inbound.insert().values(**{**row, "bundle_hash": "b" * 64}))
        raise AssertionError("unreachable: the insert must be refused")

    other = _Upload(insert_again)
    other.start()
    other.join(0.5)
    tx.commit()
    first.close()
    other.join(60)
    assert isinstance(other.error, IntegrityError), other.error
    assert hq_scalar(hq, "SELECT count(*) FROM hq_inbound WHERE device = 'd-race'") == 1
    assert hq_scalar(hq, "SELECT bundle_hash FROM hq_inbound WHERE device = 'd-race'") == "a" * 64


@pytest.mark.parametrize("n", [4])
def test_many_devices_uploading_at_once_lose_nothing(
    hq: Hq, usb: Path, alpha: Device, bravo: Device, n: int
) -> None:
    """Both devices' bundles, each uploaded by two threads at once: every record exactly once."""
    sync_round(hq, usb, alpha, bravo)
    for d in (alpha, bravo):
        for i in range(n):
            seizure(d.ctx, quantity=float(i + 1))
            d.export(usb)  # seqs 2..n+1
    bundles = [_bundle(usb, d.device_id, s) for d in (alpha, bravo) for s in range(2, n + 2)]
    threads = [_Upload(lambda b=b: receive_bytes(hq, *b)) for b in bundles for _ in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert [t.error for t in threads if t.error] == []
    assert hq_scalar(hq, "SELECT count(*) FROM hq_inbound WHERE status = 'applied'") == 2 + 2 * n
    assert hq_scalar(hq, "SELECT count(*) FROM hq_inbound WHERE status = 'held'") == 0
    assert hq_scalar(hq, "SELECT count(*) FROM seizure") == 2 * n
    assert hq_scalar(hq, "SELECT count(*) FROM hq_inbound") == 2 + 2 * n  # no row twice
    for i in range(len(bundles)):  # of each bundle's two uploads, one took it, one replayed
        pair = sorted(t.result.status for t in threads[2 * i : 2 * i + 2] if t.result)
        assert pair in (["applied", "replay"], ["held", "replay"]), pair
