"""Bulk insert: the service bulk path vs raw sqlcipher3 executemany of the same rows.

The baseline writes exactly what the service writes (records, audit entries with their chained
hashes, journal entries, the persisted clock), precomputed outside the timed part, into a
second copy of the same fresh vault through ``Vault.connect_raw()`` — same SQLCipher settings,
same schema, indexes and FTS triggers. Afterwards both vaults are compared row by row (user
fields, audit changes, journal fields) and both audit chains are verified: a baseline that
wrote less would not be a baseline.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import uuid_utils

from benchmarks.common import Result, best, copy_vault, log, median, peak_rss_mb, timed
from pp_desktop.services import Services
from pp_desktop.services.bulk import bulk_insert
from pp_desktop.services.ledger import verify_chain
from pp_desktop.store import Vault

SYNC_COLS = (
    "id",
    "version",
    "hlc",
    "origin_device",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "deleted_at",
)
_json = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
GENESIS = "0" * 64


def _columns(conn: Any) -> list[str]:
    return [r[1] for r in conn.execute("PRAGMA table_info(seizure)")]


def _prepare_baseline(vault: Vault, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Every statement and parameter tuple the service would write, computed up front."""
    conn: Any = vault.connect_raw()
    try:
        cols = _columns(conn)
        meta = dict(conn.execute("SELECT key, value FROM vault_meta").fetchall())
        factors = dict(
            conn.execute("SELECT code, factor_kg FROM reference_code WHERE kind='unit'").fetchall()
        )
        head = conn.execute(
            "SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        jseq = conn.execute("SELECT coalesce(max(seq), 0) FROM sync_journal").fetchone()[0]
    finally:
        conn.close()
    fields = [c for c in cols if c not in SYNC_COLS]
    device, who = meta["device_id"], meta.get("officer_name") or "unknown officer"
    at = datetime.now(UTC).isoformat(timespec="milliseconds")
    ms = int(datetime.now(UTC).timestamp() * 1000)
    seq, prev = (int(head[0]), str(head[1])) if head else (0, GENESIS)
    fields_json = _json(sorted(fields))
    records, audit, journal = [], [], []
    for i, row in enumerate(rows):
        rid = str(uuid_utils.uuid7())
        hlc = f"{ms + i // 100_000:013d}-{i % 100_000:05d}-{device}"
        full = dict(row)  # the generator gives every field, in stored form
        if full["quantity_known"]:
            q = full["quantity"]
            full["kg_equivalent"] = None if q is None else round(q * factors[full["unit"]], 6)
        else:
            full["kg_equivalent"] = None
        values = [full[c] for c in fields]
        records.append((rid, 1, hlc, device, at, who, at, who, None, *values))
        changes = _json(
            {c: [None, v] for c, v in zip(fields, values, strict=True) if v is not None and v != ""}
        )
        seq += 1
        material = _json([prev, seq, at, who, device, "create", "seizure", rid, changes])
        h = hashlib.sha256(material.encode("utf-8")).hexdigest()
        audit.append((seq, at, who, device, "create", "seizure", rid, changes, prev, h))
        prev = h
        jseq += 1
        journal.append((jseq, "seizure", rid, 1, hlc, 0, "", fields_json, 0))
    all_cols = [*SYNC_COLS, *fields]
    return {
        "records_sql": f"INSERT INTO seizure ({', '.join(all_cols)}) "
        f"VALUES ({', '.join('?' * len(all_cols))})",
        "records": records,
        "audit": audit,
        "journal": journal,
        "hlc_last": records[-1][2] if records else "",
    }


AUDIT_SQL = (
    "INSERT INTO audit_entry(seq, at, who, device, action, entity, entity_id, changes, "
    "prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)"
)
JOURNAL_SQL = (
    "INSERT INTO sync_journal(seq, entity, entity_id, version, hlc, base_version, base_hlc, "
    "fields, deleted, bundle_seq) VALUES (?,?,?,?,?,?,?,?,?,NULL)"
)


def _run_baseline(vault: Vault, prepared: dict[str, Any]) -> float:
    conn: Any = vault.connect_raw()
    conn.isolation_level = None
    try:

        def work() -> None:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(prepared["records_sql"], prepared["records"])
            conn.executemany(AUDIT_SQL, prepared["audit"])
            conn.executemany(JOURNAL_SQL, prepared["journal"])
            conn.execute(
                "INSERT INTO vault_meta(key, value) VALUES ('hlc_last', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (prepared["hlc_last"],),
            )
            conn.execute("COMMIT")

        seconds, _ = timed(work)
    finally:
        conn.close()
    return seconds


def _run_candidate(vault: Vault, rows: list[dict[str, Any]]) -> float:
    ctx = Services(vault)
    seconds, changes = timed(lambda: bulk_insert(ctx, "seizure", rows))
    assert len(changes.created) == len(rows)
    return seconds


def _digest(vault: Vault) -> tuple[str, int]:
    """A digest of what was written (user fields, audit changes, journal fields) + row count."""
    conn: Any = vault.connect_raw()
    try:
        cols = [c for c in _columns(conn) if c not in SYNC_COLS]
        h = hashlib.sha256()
        n = 0
        for row in conn.execute(
            f"SELECT {', '.join(cols)}, version, deleted_at FROM seizure ORDER BY rowid"
        ):
            h.update(repr(row).encode())
            n += 1
        for row in conn.execute(
            "SELECT a.action, a.entity, a.changes, j.entity, j.version, j.base_version, "
            "j.base_hlc, j.fields, j.deleted, j.bundle_seq, s.rowid, (j.hlc = s.hlc) "
            "FROM audit_entry a JOIN sync_journal j ON j.seq = a.seq "
            "JOIN seizure s ON s.id = a.entity_id AND s.id = j.entity_id ORDER BY a.seq"
        ):
            h.update(repr(row).encode())
        fts = conn.execute("SELECT count(*) FROM seizure_fts WHERE seizure_fts MATCH 'kabul'")
        h.update(repr(fts.fetchone()).encode())
    finally:
        conn.close()
    return h.hexdigest(), n


def bench_bulk(template: Path, work: Path, n_rows: int, repeats: int) -> Result:
    """Bulk insert ``n_rows`` seizures, ``repeats`` times each side.

    Each repetition is a pair of runs made one after the other (which side goes first
    alternates); the ratio reported is the median of the pairs' ratios: a shared machine drifts
    by ±30 % over minutes, far less between two neighbouring runs.
    """
    from benchmarks.data import seizures

    log(f"bulk: generating {n_rows:,} seizures")
    rows = list(seizures(n_rows))
    base_s: list[float] = []
    cand_s: list[float] = []
    same = True
    for r in range(repeats):
        base_vault = copy_vault(template, work / "bulk-baseline")
        cand_vault = copy_vault(template, work / "bulk-candidate")
        try:
            prepared = _prepare_baseline(base_vault, rows)
            if r % 2 == 0:
                log(f"bulk {r + 1}/{repeats}: baseline, then candidate")
                base_s.append(_run_baseline(base_vault, prepared))
                cand_s.append(_run_candidate(cand_vault, rows))
            else:
                log(f"bulk {r + 1}/{repeats}: candidate, then baseline")
                cand_s.append(_run_candidate(cand_vault, rows))
                base_s.append(_run_baseline(base_vault, prepared))
            del prepared
            log(
                f"bulk {r + 1}/{repeats}: baseline {base_s[-1]:.2f} s, candidate {cand_s[-1]:.2f} s"
                f" ({cand_s[-1] / base_s[-1]:.2f}x)"
            )
            if r == 0:  # the same rows on both sides, and intact chains
                d_base, d_cand = _digest(base_vault), _digest(cand_vault)
                with base_vault.read() as c1, cand_vault.read() as c2:
                    chains = verify_chain(c1).ok and verify_chain(c2).ok
                same = d_base == d_cand and d_base[1] == n_rows and chains
                if not same:
                    log(f"bulk: MISMATCH baseline {d_base} candidate {d_cand} chains ok {chains}")
        finally:
            base_vault.lock()
            cand_vault.lock()
    b, c = median(base_s), median(cand_s)
    paired = [ci / bi for bi, ci in zip(base_s, cand_s, strict=True)]
    return Result(
        name=f"bulk insert {n_rows:,} seizures: service vs raw executemany",
        kind="ratio",
        budget=1.5,
        baseline=b,
        candidate=c,
        samples={"baseline": base_s, "candidate": cand_s},
        paired=paired,
        ok=same,
        note="" if same else "rows written differ from the baseline",
        context=[
            f"bulk: {repeats} pairs, ratios {', '.join(f'{x:.2f}' for x in paired)} (median "
            f"{median(paired):.2f}x); medians baseline {b:.2f} s ({n_rows / b:,.0f} rows/s), "
            f"service {c:.2f} s ({n_rows / c:,.0f} rows/s); best runs {best(base_s):.2f} s / "
            f"{best(cand_s):.2f} s",
            f"bulk: rows identical on both sides and audit chains verified: {same}; "
            f"peak RSS so far {peak_rss_mb():,.0f} MB",
        ],
    )
