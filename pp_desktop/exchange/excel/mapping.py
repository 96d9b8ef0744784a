"""Column mappings of counterparts' own layouts, remembered per source in the vault's settings
(the vault_meta key/value table: settings, not records, so no audit entry)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from pp_desktop.exchange.excel.errors import ImportRefused
from pp_desktop.exchange.excel.reader import SheetMapping, load_mapping
from pp_desktop.services import Services

PREFIX = "exchange.mapping."


def read_mapping_file(path: Path) -> tuple[str, list[SheetMapping]]:
    """(source, sheet mappings) from a JSON mapping file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise ImportRefused(f"The mapping file {path} cannot be read: {exc}") from None
    if not isinstance(data, dict):
        raise ImportRefused(f"The mapping file {path} is not a JSON object.")
    return load_mapping(data)


def remembered(ctx: Services) -> dict[str, list[SheetMapping]]:
    """Every remembered mapping: source -> sheet mappings."""
    out: dict[str, list[SheetMapping]] = {}
    with ctx.reading() as conn:
        rows = conn.execute(
            text("SELECT key, value FROM vault_meta WHERE key LIKE :p"), {"p": PREFIX + "%"}
        )
        for key, value in rows:
            try:
                out[str(key)[len(PREFIX) :]] = load_mapping(json.loads(value))[1]
            except (ValueError, ImportRefused):
                continue  # a damaged setting is ignored, never fatal
    return out


def remember(conn: Connection, source: str, sheets: Sequence[SheetMapping]) -> None:
    """Store the mapping of ``source`` (inside the caller's transaction)."""
    value: dict[str, Any] = {"source": source, "sheets": [asdict(s) for s in sheets]}
    conn.execute(
        text(
            "INSERT INTO vault_meta(key, value) VALUES (:k, :v) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
        ),
        {"k": PREFIX + source, "v": json.dumps(value, ensure_ascii=False)},
    )
