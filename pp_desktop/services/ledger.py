"""The two ledgers every write appends to in its own transaction: the hash-chained audit log
and the sync change journal.

Audit hash (docs/vault-format.md): ``sha256(json([prev_hash, seq, at, who, device, action,
entity, entity_id, changes]))`` in hex, compact separators, UTF-8, ``ensure_ascii`` false; the
first entry's ``prev_hash`` is 64 zeros.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from json.encoder import encode_basestring
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


# The JSON of one string exactly as ``_dumps`` writes it (ensure_ascii false: the same function
# the encoder uses). Fast paths below build JSON from it for exact str/int/float/bool values and
# fall back to ``_dumps`` for anything else, so every text is the one ``_dumps`` would give.
_enc = encode_basestring


def _audit_material(
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
    """The hashed text: ``_dumps([prev, seq, at, who, device, action, entity, entity_id,
    changes])``."""
    if type(seq) is int and all(
        type(v) is str for v in (prev, at, who, device, action, entity, entity_id, changes)
    ):
        return (
            f"[{_enc(prev)},{seq!r},{_enc(at)},{_enc(who)},{_enc(device)},{_enc(action)},"
            f"{_enc(entity)},{_enc(entity_id)},{_enc(changes)}]"
        )
    return _dumps([prev, seq, at, who, device, action, entity, entity_id, changes])


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
    material = _audit_material(prev, seq, at, who, device, action, entity, entity_id, changes)
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def dumps(value: Any) -> str:
    """Compact JSON as stored in the ledgers."""
    return _dumps(value)


class CreateChanges:
    """The audit ``changes`` of new records with fields ``names``:
    ``dumps({n: [None, v] for n, v in zip(names, values) if v is not None and v != ""})``,
    built for many records at a time (the bulk path)."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = tuple(names)
        self._fast = len(set(self.names)) == len(self.names) and all(
            type(n) is str for n in self.names
        )
        self._prefixes = tuple(f"{_enc(n)}:[null," for n in self.names)

    def _slow(self, values: Sequence[Any]) -> str:
        return _dumps(
            {
                n: [None, v]
                for n, v in zip(self.names, values, strict=True)
                if v is not None and v != ""
            }
        )

    def __call__(self, values: Sequence[Any]) -> str:
        """The JSON text for one record's ``values`` (in ``names`` order)."""
        if not self._fast or len(values) != len(self.names):
            return self._slow(values)
        parts: list[str] = []
        add = parts.append
        for prefix, v in zip(self._prefixes, values):  # noqa: B905 (lengths checked)
            tv = type(v)
            if tv is str:
                if v:
                    add(f"{prefix}{_enc(v)}]")
            elif v is None:
                continue
            elif tv is bool:
                add(f"{prefix}true]" if v else f"{prefix}false]")
            elif tv is int or (tv is float and math.isfinite(v)):
                add(f"{prefix}{v!r}]")
            else:  # NaN, infinities, dates, decimals...: the encoder decides
                return self._slow(values)
        return "{" + ",".join(parts) + "}"


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
    # (at, who, device, action, entity) of the last audit entry and their JSON, as hashed
    _mid_key: tuple[Any, ...] = field(default=(), repr=False, compare=False)
    _mid_json: str = field(default="", repr=False, compare=False)

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
        self._append(at, action, entity, entity_id, changes, False)

    def audit_json(self, at: str, action: str, entity: str, entity_id: str, changes: str) -> None:
        """:meth:`audit` for ``changes`` made by :func:`dumps` or :class:`CreateChanges` (the
        bulk path): JSON text has no raw control characters, so quoting it for the hash only
        needs its backslashes and quotes escaped."""
        self._append(at, action, entity, entity_id, changes, True)

    def _append(
        self, at: str, action: str, entity: str, entity_id: str, changes: str, is_json: bool
    ) -> None:
        self.audit_seq += 1
        key = (at, self.who, self.device, action, entity)
        if key != self._mid_key:
            self._mid_key = key
            self._mid_json = (
                ",".join(_enc(v) for v in key) if all(type(v) is str for v in key) else ""
            )
        prev = self.prev_hash
        if (
            self._mid_json
            and type(entity_id) is str
            and type(changes) is str
            and type(prev) is str
            and type(self.audit_seq) is int
        ):  # the same text as audit_hash hashes, with the constant middle encoded once
            if is_json:
                quoted = '"' + changes.replace("\\", "\\\\").replace('"', '\\"') + '"'
            else:
                quoted = _enc(changes)
            material = (
                f"[{_enc(prev)},{self.audit_seq!r},{self._mid_json},{_enc(entity_id)},{quoted}]"
            )
            h = hashlib.sha256(material.encode("utf-8")).hexdigest()
        else:
            h = audit_hash(
                prev,
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
                prev,
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
