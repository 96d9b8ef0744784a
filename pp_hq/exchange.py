"""The USB route at HQ: import every device bundle in a folder, answer into the same folder.

Each bundle is verified and applied in its own transaction, so one bad bundle rejects only
itself (its sequence number stays free) and never what came before it. Then, for every device
that had a bundle in the folder, HQ writes its downstream bundle (receipts, shared records,
reference data, revocations, a new root) back into the folder; a replayed bundle gets the same
downstream bundle that carried its receipt the first time, byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from pp_desktop.sync.errors import BundleRejected
from pp_desktop.sync.folder_transport import upstream_bundles, write_bundle
from pp_hq.context import Hq
from pp_hq.db import hq_inbound, lock_writes
from pp_hq.downstream import build_for, stored
from pp_hq.ingest import Received, receive


@dataclass
class ExchangeReport:
    """What ``pp-hq exchange`` did."""

    received: list[Received] = field(default_factory=list)
    rejected: list[tuple[str, str, str]] = field(default_factory=list)  # (file, reason, message)
    written: list[str] = field(default_factory=list)


def receive_bytes(hq: Hq, age: bytes, minisig: bytes, now_ms: int | None = None) -> Received:
    """Verify and apply one bundle in its own transaction (any transport)."""
    with hq.engine.begin() as conn:
        return receive(conn, hq, age, minisig, now_ms)  # receive() takes the writers' turn


def exchange_folder(hq: Hq, folder: Path, now_ms: int | None = None) -> ExchangeReport:
    """Import every device bundle in ``folder`` and write the answers into it."""
    report = ExchangeReport()
    devices: list[str] = []
    replays: dict[str, set[int]] = {}
    for found in upstream_bundles(folder):
        age, sig = found.read()
        try:
            got = receive_bytes(hq, age, sig, now_ms)
        except BundleRejected as exc:
            report.rejected.append((found.name, exc.reason, exc.message))
            continue
        report.received.append(got)
        if got.device not in devices:
            devices.append(got.device)
        if got.status == "replay":
            replays.setdefault(got.device, set()).add(got.seq)
    for device in devices:
        with hq.engine.begin() as conn:
            lock_writes(conn)
            answers = []
            for seq in sorted(replays.get(device, ())):
                down = conn.execute(
                    select(hq_inbound.c.receipt_down_seq).where(
                        hq_inbound.c.device == device, hq_inbound.c.seq == seq
                    )
                ).scalar()
                if down is not None:
                    answers.append(stored(conn, device, int(down)))
            sealed = build_for(conn, hq, device)
            if sealed is not None:
                answers.append(sealed)
        for s in answers:
            write_bundle(folder, s.names, s.age, s.minisig)
            if s.names[0] not in report.written:
                report.written.append(s.names[0])
    return report
