"""Lists over a million seizures (first page, deep keyset page, free text) and unlock.

The big vault is made once per run through the bulk path (or reused with ``--keep DIR``):
default Argon2id parameters, the app's SQLCipher settings, the real schema. Pages are timed
warm (the first call is a warm-up, reported as context), through the service functions the
list views call (``queries.list_page`` / ``queries.count``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from itertools import islice
from pathlib import Path
from typing import Any

from benchmarks.common import PASSPHRASE, Result, best, log, median, peak_rss_mb, timed
from pp_desktop.services import Services
from pp_desktop.services.bulk import bulk_insert
from pp_desktop.services.queries import ListQuery, count, list_page
from pp_desktop.store import Vault

CHUNK = 100_000  # rows per bulk transaction while building
MARKER = "bench-vault.json"
PAGE = 200


def _marker(folder: Path) -> dict[str, Any]:
    try:
        return dict(json.loads((folder / MARKER).read_text()))
    except (OSError, ValueError):
        return {}


DELETE_EVERY = 200  # one seizure in 200 is soft-deleted (tombstones are part of real lists)


def big_vault(folder: Path, n_rows: int, template: Path) -> tuple[Path, float | None]:
    """A vault with ``n_rows`` seizures at ``folder`` (reused when one is already there), one
    in 200 of them soft-deleted.

    Returns the folder and the build time in seconds (None when reused).
    """
    from benchmarks.data import seizures

    marker = _marker(folder)
    if marker.get("rows") == n_rows and (folder / "vault.db").exists():
        log(f"lists: reusing the vault with {n_rows:,} seizures in {folder}")
        if marker.get("deleted") is None:
            marker["deleted"] = _soft_delete(folder)
            (folder / MARKER).write_text(json.dumps(marker))
        return folder, None
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(template, folder)
    vault = Vault.unlock(folder, PASSPHRASE)
    try:
        ctx = Services(vault)
        rows = seizures(n_rows, seed=1_000_003)
        seconds = 0.0
        done = 0
        while done < n_rows:
            part = list(islice(rows, min(CHUNK, n_rows - done)))
            s, _ = timed(lambda part=part: bulk_insert(ctx, "seizure", part))
            seconds += s
            done += len(part)
            log(f"lists: built {done:,}/{n_rows:,} seizures ({done / seconds:,.0f} rows/s)")
    finally:
        vault.lock()
    deleted = _soft_delete(folder)
    (folder / MARKER).write_text(json.dumps({"rows": n_rows, "deleted": deleted}))
    return folder, seconds


def _soft_delete(folder: Path) -> int:
    """Soft-delete one seizure in DELETE_EVERY through the service; returns how many."""
    from sqlalchemy import text

    from pp_desktop.services.records import delete

    vault = Vault.unlock(folder, PASSPHRASE)
    try:
        ctx = Services(vault)
        with ctx.reading() as conn:
            sql = text("SELECT id FROM seizure WHERE rowid % :k = 7 AND deleted_at IS NULL")
            ids = [str(r[0]) for r in conn.execute(sql, {"k": DELETE_EVERY})]
        for i in range(0, len(ids), 1000):
            delete(ctx, "seizure", ids[i : i + 1000])
        log(f"lists: soft-deleted {len(ids):,} seizures")
        conn_raw: Any = vault.connect_raw()
        try:
            conn_raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn_raw.close()
    finally:
        vault.lock()
    return len(ids)


def _walk_key(ctx: Services, depth: int, country: str | None = None) -> tuple[Any, str]:
    """(seized_on, id) of row ``depth`` of the seizure list by date desc: one SQL query."""
    from sqlalchemy import text

    where = "deleted_at IS NULL" + (" AND country = :country" if country else "")
    sql = (
        f"SELECT seized_on, id FROM seizure WHERE {where} "
        "ORDER BY seized_on DESC, id DESC LIMIT 1 OFFSET :skip"
    )
    with ctx.reading() as conn:
        row = conn.execute(text(sql), {"country": country, "skip": depth - 1}).first()
    assert row is not None, f"the list has fewer than {depth} rows"
    return str(row[0]), str(row[1])


def _time_warm(fn: Any, repeats: int) -> tuple[float, list[float], Any]:
    """(first call, warm samples, result of the last call)."""
    first, out = timed(fn)
    samples = []
    for _ in range(repeats):
        s, out = timed(fn)
        samples.append(s)
    return first, samples, out


def bench_lists(folder: Path, n_rows: int, repeats: int) -> list[Result]:
    """First page, deep keyset page and free text over the big vault."""
    results: list[Result] = []
    vault = Vault.unlock(folder, PASSPHRASE)
    try:
        ctx = Services(vault)
        depth = n_rows // 2

        # 1. first page: filtered (country) and sorted (date, newest first)
        q = ListQuery("seizure", filters={"country": "AFG"})
        first, samples, page = _time_warm(lambda: list_page(ctx, q, limit=PAGE), repeats)
        assert len(page.rows) == PAGE
        results.append(
            Result(
                name=f"first page ({PAGE}) of {n_rows:,}, country=AFG, by date desc, warm",
                kind="time",
                budget=0.020,
                candidate=best(samples),
                samples={"candidate": samples},
                context=[
                    f"first page: cold call {first * 1000:.1f} ms, warm median "
                    f"{median(samples) * 1000:.1f} ms"
                ],
            )
        )

        # 2. the same list, 500,000 rows down, by keyset (the unfiltered list has the depth)
        q_all = ListQuery("seizure")
        key = _walk_key(ctx, depth)
        first, samples, page = _time_warm(
            lambda: list_page(ctx, q_all, after=key, limit=PAGE), repeats
        )
        assert len(page.rows) == PAGE
        results.append(
            Result(
                name=f"page ({PAGE}) at depth {depth:,}, by date desc, keyset, warm",
                kind="time",
                budget=0.020,
                candidate=best(samples),
                samples={"candidate": samples},
                context=[
                    f"deep page: key {key[0]} / {key[1][:8]}…, cold call "
                    f"{first * 1000:.1f} ms, warm median {median(samples) * 1000:.1f} ms"
                ],
            )
        )
        n_afg = count(ctx, q)
        key_afg = _walk_key(ctx, n_afg // 2, "AFG")
        first, samples, page = _time_warm(
            lambda: list_page(ctx, q, after=key_afg, limit=PAGE), repeats
        )
        results.append(
            Result(
                name=f"page ({PAGE}) at depth {n_afg // 2:,} of the country=AFG list, warm",
                kind="time",
                budget=0.020,
                candidate=best(samples),
                samples={"candidate": samples},
                context=[
                    f"deep filtered page: {n_afg:,} AFG rows; cold call "
                    f"{first * 1000:.1f} ms, warm median {median(samples) * 1000:.1f} ms"
                ],
            )
        )

        # 3. free text (FTS5): first page and the count the list shows
        for words, label in (("pomegranates", "a cargo word"), ("fuel tank", "a common phrase")):
            qt = ListQuery("seizure", text=words)

            def search(qt: ListQuery = qt) -> tuple[int, int]:
                page = list_page(ctx, qt, limit=PAGE)
                return len(page.rows), count(ctx, qt)

            first, samples, (n_page, n_total) = _time_warm(search, repeats)
            results.append(
                Result(
                    name=f"free text '{words}' ({label}, {n_total:,} hits): first page + count",
                    kind="time",
                    budget=0.050,
                    candidate=best(samples),
                    samples={"candidate": samples},
                    context=[
                        f"free text '{words}': {n_page} rows on the page, {n_total:,} "
                        f"matches; cold call {first * 1000:.1f} ms, warm median "
                        f"{median(samples) * 1000:.1f} ms"
                    ],
                )
            )
        results[-1].context.append(f"lists: peak RSS so far {peak_rss_mb():,.0f} MB")
    finally:
        vault.lock()
    return results


def bench_unlock(folder: Path, n_rows: int, repeats: int) -> Result:
    """Unlock with the default Argon2id parameters, open, migrations check, first count."""
    samples: list[float] = []
    parts: list[str] = []
    for _ in range(repeats):
        opened: list[Vault] = []

        def unlock(opened: list[Vault] = opened) -> int:
            vault = Vault.unlock(folder, PASSPHRASE)
            opened.append(vault)
            return count(Services(vault), ListQuery("seizure"))

        s, n = timed(unlock)
        samples.append(s)
        parts.append(f"{s * 1000:.0f}")
        opened[0].lock()
        assert n == n_rows - int(_marker(folder).get("deleted") or 0), n
    return Result(
        name=f"unlock (Argon2id default) + open + count of {n_rows:,} seizures",
        kind="time",
        budget=1.0,
        candidate=best(samples),
        samples={"candidate": samples},
        context=[
            f"unlock: runs {', '.join(parts)} ms (in this process); in a fresh process: "
            + _unlock_in_fresh_process(folder)
        ],
    )


FRESH = """
import sys, time
t0 = time.perf_counter()
from pp_desktop.services import Services
from pp_desktop.services.queries import ListQuery, count
from pp_desktop.store import Vault
t1 = time.perf_counter()
vault = Vault.unlock(sys.argv[1], sys.stdin.read())
t2 = time.perf_counter()
n = count(Services(vault), ListQuery("seizure"))
t3 = time.perf_counter()
print(f"imports {(t1 - t0) * 1000:.0f} ms, unlock {(t2 - t1) * 1000:.0f} ms, "
      f"count {(t3 - t2) * 1000:.0f} ms")
"""


def _unlock_in_fresh_process(folder: Path) -> str:
    """Unlock + count in a new interpreter (nothing imported or cached yet)."""
    done = subprocess.run(
        [sys.executable, "-c", FRESH, str(folder)],
        input=PASSPHRASE,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() or f"failed: {done.stderr.strip()[-200:]}"
