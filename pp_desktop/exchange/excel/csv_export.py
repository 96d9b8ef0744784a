"""CSV export: the same columns as the workbook's data sheets, UTF-8 with a byte-order mark so
that Excel opens Cyrillic text correctly, written atomically."""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pp_desktop.exchange.excel.cells import NO, YES
from pp_desktop.exchange.excel.columns import SHEETS, columns
from pp_desktop.exchange.excel.errors import ExchangeError, ExportCancelled
from pp_desktop.exchange.excel.sheets import code_label
from pp_desktop.exchange.excel.source import ExportSource
from pp_desktop.exchange.excel.staging import publish, staging

# A cell starting with these is taken for a formula by spreadsheet programs: such text gets a
# leading apostrophe (the usual guard against formula injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _converter(kind: str, labels: Mapping[str, tuple[str, str]], lang: str) -> Callable[[Any], Any]:
    """How a stored value of ``kind`` is written to a CSV cell."""
    if kind == "ref":
        names = {code: code_label(code, labels, lang) for code in labels}
        return lambda v: names.get(v, v) if v else ""
    if kind == "bool":
        yes, no = YES[lang], NO[lang]
        return lambda v: "" if v is None else (yes if v else no)
    if kind in {"str", "text", "email", "refs"}:
        return lambda v: "'" + v if v and v.startswith(_FORMULA_START) else (v or "")
    return lambda v: "" if v is None else v


def csv_targets(target: Path, entities: Sequence[str]) -> dict[str, Path]:
    """entity -> file: ``target`` itself for one entity, ``<stem>-<sheet>.csv`` for several."""
    target = Path(target)
    if len(entities) == 1:
        return {entities[0]: target}
    slug = {e: SHEETS[e][0].lower().replace(" ", "-") for e in entities}
    return {e: target.with_name(f"{target.stem}-{slug[e]}.csv") for e in entities}


def export_csv(
    source: ExportSource,
    target: Path,
    entity: str,
    lang: str = "en",
    redact: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the rows of ``entity`` to ``target`` (.csv); returns the number of rows."""
    target = Path(target)
    if target.suffix.lower() != ".csv":
        raise ExchangeError(f"{target.name}: a CSV export is written to a .csv file.")
    if entity not in SHEETS:
        raise ExchangeError(f"Cannot export {entity}.")
    cols = columns(entity, redact)
    keep = [i for i, c in enumerate(columns(entity)) if c in cols]
    labels = source.labels()
    total = source.count(entity)
    convs = [_converter(c.kind, labels.get(c.ref, {}), lang) for c in cols]
    n = 0
    with staging(target) as folder:
        out = folder / "export.csv"
        with out.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([c.header(lang) for c in cols])
            with source.rows(entity) as rows:
                for raw in rows:
                    values = [raw[i] for i in keep]
                    writer.writerow([conv(v) for conv, v in zip(convs, values, strict=True)])
                    n += 1
                    if n % 1000 == 0:
                        if cancelled is not None and cancelled():
                            raise ExportCancelled("Export cancelled; no file was written.")
                        if progress is not None:
                            progress(n, total)
        publish(out, target)
    return n
