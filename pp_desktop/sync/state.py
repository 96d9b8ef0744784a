"""The device's sync state inside the vault: identity, HQ's state marker, status counts.

Everything lives in the encrypted database (tables of ``pp_desktop.models.sync_state`` and a few
``vault_meta`` keys), so a lost laptop leaks no key and a backup carries the whole state.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from pp_desktop.services import Services
from pp_desktop.sync import minisign
from pp_desktop.sync.errors import SyncError
from pp_desktop.sync.trust import RootDocument

# vault_meta keys
HQ_LAST_SEQ = "sync_hq_last_seq"  # HQ's last accepted upstream seq for this device (a "state")
HQ_LAST_HASH = "sync_hq_last_hash"
LAST_RECEIPT = "sync_last_receipt"  # when the last verified receipt was applied
NEEDS_RECONCILE = "needs_reconcile"  # set by a restore (pp_desktop.store.vault)
REVOKED = "sync_revoked"  # HQ revoked this device


class NotEnrolled(SyncError):
    """The vault has no sync identity yet."""

    exit_code = 35
    default_message = (
        "This vault is not enrolled with HQ yet. Run 'pp-desktop sync enrol FILE' with the "
        "enrolment file HQ gave you."
    )


class NeedsReconcile(SyncError):
    """A restored or copied vault must hear from HQ before it sends anything."""

    exit_code = 36
    default_message = (
        "This vault was restored from a backup or copied. Import HQ's latest bundles first "
        "('pp-desktop sync import FOLDER'), so that nothing is sent twice or lost."
    )


@dataclass(frozen=True)
class Identity:
    """This device's enrolment as stored in the vault."""

    device_id: str
    device_name: str
    signer: minisign.SigningKey
    age_identity: str
    age_recipient: str
    root_json: str
    root_fingerprint: str
    enrolled_at: str

    @property
    def root(self) -> RootDocument:
        """HQ's installed root document."""
        return root_from_text(self.root_json)


def root_to_text(doc: RootDocument) -> str:
    """The root document as stored in the vault (its JSON form)."""
    return json.dumps(doc.to_dict(), sort_keys=True, separators=(",", ":"))


def root_from_text(text_: str) -> RootDocument:
    """Inverse of :func:`root_to_text` (``RootRejected`` on damage)."""
    try:
        raw = json.loads(text_)
    except ValueError:
        raw = None
    return RootDocument.from_dict(raw)


def load_identity(conn: Connection) -> Identity | None:
    """The stored identity, or None before enrolment."""
    row = conn.execute(
        text(
            "SELECT device_id, device_name, sign_key, age_identity, age_recipient, root, "
            "root_fingerprint, enrolled_at FROM sync_identity WHERE id = 1"
        )
    ).first()
    if row is None:
        return None
    signer = minisign.SigningKey.from_bytes(base64.b64decode(row[2]))
    return Identity(
        str(row[0]),
        str(row[1]),
        signer,
        str(row[3]),
        str(row[4]),
        str(row[5]),
        str(row[6]),
        str(row[7]),
    )


def require_identity(conn: Connection) -> Identity:
    """The identity; :class:`NotEnrolled` before enrolment."""
    ident = load_identity(conn)
    if ident is None:
        raise NotEnrolled()
    return ident


def store_identity(conn: Connection, ident: Identity) -> None:
    """Insert or replace the identity (enrolment, a new root)."""
    conn.execute(
        text(
            "INSERT INTO sync_identity(id, device_id, device_name, sign_key, age_identity, "
            "age_recipient, root, root_fingerprint, enrolled_at) VALUES (1, :d, :n, :k, :ai, "
            ":ar, :r, :f, :at) ON CONFLICT(id) DO UPDATE SET device_id=excluded.device_id, "
            "device_name=excluded.device_name, sign_key=excluded.sign_key, "
            "age_identity=excluded.age_identity, age_recipient=excluded.age_recipient, "
            "root=excluded.root, root_fingerprint=excluded.root_fingerprint, "
            "enrolled_at=excluded.enrolled_at"
        ),
        {
            "d": ident.device_id,
            "n": ident.device_name,
            "k": base64.b64encode(ident.signer.to_bytes()).decode(),
            "ai": ident.age_identity,
            "ar": ident.age_recipient,
            "r": ident.root_json,
            "f": ident.root_fingerprint,
            "at": ident.enrolled_at,
        },
    )


def get_meta(conn: Connection, key: str) -> str | None:
    """One ``vault_meta`` value."""
    row = conn.execute(text("SELECT value FROM vault_meta WHERE key = :k"), {"k": key}).first()
    return None if row is None else str(row[0])


def set_meta(conn: Connection, key: str, value: str | None) -> None:
    """Set (or, with None, remove) one ``vault_meta`` value in the open transaction."""
    if value is None:
        conn.execute(text("DELETE FROM vault_meta WHERE key = :k"), {"k": key})
        return
    conn.execute(
        text(
            "INSERT INTO vault_meta(key, value) VALUES (:k, :v) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
        ),
        {"k": key, "v": value},
    )


def pending_changes(conn: Connection) -> int:
    """Records with changes not yet covered by a verified receipt (what 'pending' counts)."""
    return int(
        conn.execute(
            text(
                "SELECT count(*) FROM (SELECT DISTINCT j.entity, j.entity_id FROM sync_journal j "
                "LEFT JOIN sync_outbound o ON o.seq = j.bundle_seq "
                "WHERE j.bundle_seq IS NULL OR o.receipt_at IS NULL)"
            )
        ).scalar()
        or 0
    )


def status(ctx: Services) -> dict[str, Any]:
    """What ``pp-desktop sync status`` reports."""
    with ctx.reading() as conn:
        ident = load_identity(conn)

        def count(sql: str) -> int:
            return int(conn.execute(text(sql)).scalar() or 0)

        out_last = conn.execute(text("SELECT coalesce(max(seq), 0) FROM sync_outbound")).scalar()
        return {
            "enrolled": ident is not None,
            "device_id": ident.device_id if ident else None,
            "root_fingerprint": ident.root_fingerprint if ident else None,
            "pending": pending_changes(conn),
            "unsent_bundles": count("SELECT count(*) FROM sync_outbound WHERE receipt_at IS NULL"),
            "held": count("SELECT count(*) FROM sync_inbound WHERE status = 'held'"),
            "conflicts": count("SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL"),
            "quarantined": count("SELECT count(*) FROM sync_quarantine"),
            "last_receipt": get_meta(conn, LAST_RECEIPT),
            "last_sent_seq": int(out_last or 0),
            "last_received_seq": count(
                "SELECT coalesce(max(seq), 0) FROM sync_inbound WHERE status = 'applied'"
            ),
            "needs_reconcile": get_meta(conn, NEEDS_RECONCILE) == "1",
            "revoked": get_meta(conn, REVOKED) == "1",
        }
