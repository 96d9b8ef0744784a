"""The two ledgers every write appends to in its own transaction: the hash-chained audit log
and the sync change journal.

Audit hash (docs/vault-format.md): ``sha256(json([prev_hash, seq, at, who, device, action,
entity, entity_id, changes]))`` in hex, compact separators, UTF-8, ``ensure_ascii`` false; the
first entry's ``prev_hash`` is 64 zeros.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text

GENESIS = "0" * 64
_dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, default=str).encode

AUDIT_INSERT = (
    "INSERT INTO audit_entry(seq, at, who, device, action, entity, entity_id, changes, "
    "prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)"
)
JOURNAL_INSERT = (
    "INSERT INTO sync_journal(seq, entity, entity_id, version, hlc, base_version, base_hlc, "
    "fields, deleted, bundle_seq) VALUES (?,?,?,?,?,?,?,?,?,NULL)"
)


def audit_hash(
    prev: str,
    seq: int,
    at: str,
    who: str,
    device: str,
    action: str,
    entity: str,
    entity_id: str,
    changes: str,
) -> str:
    """The chained hash of one audit entry."""
    material = _dumps([prev, seq, at, who, device, action, entity, entity_id, changes])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def dumps(value: Any) -> str:
    """Compact JSON as stored in the ledgers."""
    return _dumps(value)


@dataclass
class Ledger:
    """Collects audit and journal rows of one write transaction, then inserts them at once."""

    who: str
    device: str
    audit_seq: int
    prev_hash: str
    journal_seq: int
    _audit: list[tuple[Any, ...]] = field(default_factory=list)
    _journal: list[tuple[Any, ...]] = field(default_factory=list)

    @classmethod
    def open(cls, conn: Connection, who: str, device: str) -> Ledger:
        """Read the chain head and sequence numbers (inside the write transaction)."""
        row = conn.execute(
            text("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1")
        ).first()
        jseq = conn.execute(text("SELECT coalesce(max(seq), 0) FROM sync_journal")).scalar()
        return cls(
            who, device, int(row[0]) if row else 0, str(row[1]) if row else GENESIS, int(jseq or 0)
        )

    def audit(self, at: str, action: str, entity: str, entity_id: str, changes: str) -> None:
        """Append one audit entry (``changes``: JSON ``{field: [before, after]}``)."""
        self.audit_seq += 1
        h = audit_hash(
            self.prev_hash,
            self.audit_seq,
            at,
            self.who,
            self.device,
            action,
            entity,
            entity_id,
            changes,
        )
        self._audit.append(
            (
                self.audit_seq,
                at,
                self.who,
                self.device,
                action,
                entity,
                entity_id,
                changes,
                self.prev_hash,
                h,
            )
        )
        self.prev_hash = h

    def journal(
        self,
        entity: str,
        entity_id: str,
        version: int,
        hlc: str,
        base_version: int,
        base_hlc: str,
        fields: str,
        deleted: bool = False,
    ) -> None:
        """Append one journal entry (``fields``: JSON list of changed field names)."""
        self.journal_seq += 1
        self._journal.append(
            (
                self.journal_seq,
                entity,
                entity_id,
                version,
                hlc,
                base_version,
                base_hlc,
                fields,
                int(deleted),
            )
        )

    def flush(self, conn: Connection) -> None:
        """Insert what was collected (executemany)."""
        if self._audit:
            conn.exec_driver_sql(AUDIT_INSERT, self._audit)
            self._audit = []
        if self._journal:
            conn.exec_driver_sql(JOURNAL_INSERT, self._journal)
            self._journal = []


@dataclass(frozen=True)
class ChainReport:
    """Result of :func:`verify_chain`."""

    entries: int
    ok: bool
    first_broken: int | None = None
    reason: str = ""
    head: str = GENESIS


def verify_chain(conn: Connection) -> ChainReport:
    """Recompute the chain; names the first entry whose hash or link does not match."""
    prev, count, expected_seq = GENESIS, 0, 1
    rows = conn.execute(
        text(
            "SELECT seq, at, who, device, action, entity, entity_id, changes, prev_hash, hash "
            "FROM audit_entry ORDER BY seq"
        )
    )
    for seq, at, who, device, action, entity, eid, changes, prev_hash, h in rows:
        count += 1
        if seq != expected_seq:
            return ChainReport(count, False, expected_seq, f"entry {expected_seq} is missing", prev)
        if prev_hash != prev:
            return ChainReport(count, False, seq, "its link to the previous entry is broken", prev)
        if audit_hash(prev, seq, at, who, device, action, entity, eid, changes) != h:
            return ChainReport(count, False, seq, "its content was altered", prev)
        prev, expected_seq = h, seq + 1
    return ChainReport(count, True, None, "", prev)
