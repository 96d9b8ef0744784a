"""Reconciliation of a restored or copied vault with HQ (DESIGN §5).

A vault restored from a backup remembers fewer bundles than HQ accepted from this device. Before
it sends anything it learns HQ's last accepted (seq, hash) for it (the ``state`` item of every
downstream bundle), then:

* its stored bundles up to that seq reached HQ (HQ applies in order): they count as delivered;
* its stored bundles after it never arrived: they are dropped and their journal entries bundled
  again, with sequence numbers following HQ's;
* the next bundle chains to HQ's last hash, so no sequence number is reused silently.

Changes HQ already has and that travel again are recognised by HQ as seen (same version and
HLC) and applied nothing: every record ends at HQ exactly once.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from pp_desktop.store.vault import utc_now
from pp_desktop.sync.state import HQ_LAST_HASH, HQ_LAST_SEQ, NEEDS_RECONCILE, get_meta, set_meta


def reconcile(conn: Connection) -> tuple[int, int]:
    """Align the outbound sequence with HQ's state; returns (bundles confirmed, bundles redone).

    Runs in the caller's transaction, after a downstream bundle carrying HQ's state was applied.
    """
    hq_seq = int(get_meta(conn, HQ_LAST_SEQ) or 0)
    hq_hash = get_meta(conn, HQ_LAST_HASH) or ""
    at = utc_now()
    confirmed = conn.execute(
        text(
            "UPDATE sync_outbound SET receipt_at = :at, age = NULL, minisig = NULL "
            "WHERE seq <= :s AND receipt_at IS NULL"
        ),
        {"at": at, "s": hq_seq},
    ).rowcount
    redo = [
        int(r[0])
        for r in conn.execute(
            text("SELECT seq FROM sync_outbound WHERE seq > :s"), {"s": hq_seq}
        ).all()
    ]
    if redo:
        conn.execute(
            text("UPDATE sync_journal SET bundle_seq = NULL WHERE bundle_seq > :s"), {"s": hq_seq}
        )
        conn.execute(text("DELETE FROM sync_outbound WHERE seq > :s"), {"s": hq_seq})
    known = conn.execute(
        text("SELECT bundle_hash FROM sync_outbound WHERE seq = :s"), {"s": hq_seq}
    ).first()
    if hq_seq and known is None:
        # HQ holds bundles this vault forgot: remember the last, so the chain continues from it
        conn.execute(
            text(
                "INSERT INTO sync_outbound(seq, kind, bundle_hash, prev_hash, created_at, "
                "change_count, age, minisig, receipt_at) VALUES (:s, 'known', :h, '', :at, 0, "
                "NULL, NULL, :at)"
            ),
            {"s": hq_seq, "h": hq_hash, "at": at},
        )
    set_meta(conn, NEEDS_RECONCILE, None)
    return int(confirmed or 0), len(redo)
