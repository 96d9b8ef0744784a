"""Import preview: every row read, checked by the same validators as the forms, and sorted into
new / updated / unchanged / with warnings / with errors, per sheet — before anything is written.

Ids round-trip: a row with an id updates that record if it changed; if the record also changed
in the vault since the export (its version moved on), the row is a conflict and blocks the
import. A row without an id is a new record. Rows deleted from a sheet delete nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from pp_desktop.exchange.excel.cells import MISSING, CodeReader, as_text, parse_number, read_cell
from pp_desktop.exchange.excel.columns import ENTITY_ORDER, Column
from pp_desktop.exchange.excel.errors import ImportRefused
from pp_desktop.exchange.excel.reader import (
    Layout,
    Limits,
    SheetMapping,
    check_file,
    open_workbook,
    sheet_rows,
    sheets,
)
from pp_desktop.services import Services
from pp_desktop.services.errors import Issue, ValidationFailed
from pp_desktop.services.export_reads import (
    current_versions,
    known_values,
    live_ids,
    reference_labels,
    used_values,
    values_at_version,
)
from pp_desktop.services.fields import FIELDS
from pp_desktop.services.import_apply import EntityChanges, Update, new_record_check
from pp_desktop.services.queries import DATE_FIELD
from pp_desktop.services.records import UNIQUE_FIELDS, derive, normalise
from pp_desktop.services.validation import validate

_BLANK_TEXT = frozenset({"str", "text", "email", "ref", "refs"})
_REPEATING = frozenset({"ref", "refs", "date", "bool"})  # few distinct values per column


@dataclass
class RowIssue:
    """One finding on one cell (or row, when ``col`` is 0)."""

    sheet: str
    row: int
    col: int
    column: str
    value: Any
    message: str
    severity: str = "error"


@dataclass
class SheetPreview:
    """Counts of one sheet."""

    sheet: str
    entity: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    warnings: int = 0
    errors: int = 0
    extra: list[str] = field(default_factory=list)
    mapped: bool = False


@dataclass
class ImportPlan:
    """The preview and, when it has no errors, what committing it writes."""

    path: Path
    sheets: list[SheetPreview]
    issues: list[RowIssue]
    notes: list[str]
    changes: dict[str, EntityChanges]
    layouts: list[Layout]
    source: str = ""  # the mapping's source, remembered on commit
    mappings: list[SheetMapping] = field(default_factory=list)

    @property
    def error_count(self) -> int:
        """Rows with errors, over every sheet."""
        return sum(s.errors for s in self.sheets)

    def totals(self) -> dict[str, int]:
        """new / updated / unchanged / warnings / errors over every sheet."""
        keys = ("new", "updated", "unchanged", "warnings", "errors")
        return {k: sum(int(getattr(s, k)) for s in self.sheets) for k in keys}


class _Checker:
    """Everything a row check needs from the vault, read once per entity."""

    def __init__(self, ctx: Services, entity: str) -> None:
        self.ctx = ctx
        self.entity = entity
        self.refs = ctx.refs()
        self.today = ctx.today()
        self.defaults = {f.name: f.default for f in FIELDS[entity]}
        self._live: dict[str, set[str]] = {}
        self.unique = UNIQUE_FIELDS.get(entity, "")
        self.taken: dict[Any, str] = {}
        if self.unique:
            with ctx.reading() as conn:
                self.taken = used_values(conn, entity, self.unique)
        self.in_file: dict[Any, str] = {}
        self.new = new_record_check(ctx, entity, self.exists)
        self._values = itemgetter(*self.defaults)  # a record's values in form order
        self._by = DATE_FIELD.get(entity)  # read the vault's records one date at a time
        self._known: dict[Any, set[tuple[Any, ...]]] = {}
        self.conn: Connection | None = None  # the preview's read snapshot of the moment

    def already_there(self, full: Mapping[str, Any]) -> bool:
        """True when a live record holds exactly these values (a new row imported before:
        re-importing the same file must change nothing)."""
        key = full.get(self._by) if self._by else None
        known = self._known.get(key)
        if known is None:
            where = (self._by, key) if self._by else None
            if self.conn is not None:
                known = known_values(self.conn, self.entity, where)
            else:
                with self.ctx.reading() as conn:
                    known = known_values(conn, self.entity, where)
            self._known[key] = known
        return bool(known) and self._values(full) in known

    def exists(self, entity: str, rid: str) -> bool:
        if entity not in self._live:
            with self.ctx.reading() as conn:
                self._live[entity] = live_ids(conn, entity)
        return rid in self._live[entity]

    def issues(self, full: Mapping[str, Any], rid: str) -> list[Issue]:
        return self.unique_issues(
            validate(self.entity, full, self.refs, self.today, self.exists), full, rid
        )

    def unique_issues(self, found: list[Issue], full: Mapping[str, Any], rid: str) -> list[Issue]:
        """``found`` plus a unique field already used (in the vault or the workbook)."""
        if self.unique and full.get(self.unique):
            value = full[self.unique]
            owner = self.taken.get(value)
            if owner is not None and owner != rid:
                found.append(Issue(self.unique, f"'{value}' is already used by another record."))
            elif self.in_file.get(value, rid) != rid:
                found.append(Issue(self.unique, f"'{value}' appears twice in the workbook."))
            self.in_file[value] = rid or f"new:{id(full)}"
        return found


CHUNK = 2000  # rows checked per look-up of their records' current versions


class _Reader:
    """How the cells of one sheet become field values: one function per column, remembering
    the values it has seen for columns whose values repeat (codes, dates, yes/no)."""

    def __init__(self, layout: Layout, codes: CodeReader) -> None:
        self.layout = layout
        self.id_at = next((i for i, c in layout.positions if c.code == "id"), None)
        self.version_at = next((i for i, c in layout.positions if c.code == "version"), None)
        self.fields: list[tuple[int, str, Callable[[Any], Any]]] = []
        self.kinds = {c.code: c.kind for _i, c in layout.positions}
        self.col_of = {c.code: layout.first_col + i for i, c in layout.positions}
        self.at = {c.code: i for i, c in layout.positions}
        for i, c in layout.positions:
            if c.kind == "key" or c.derived:
                continue
            self.fields.append((i, c.code, self._reader(c, codes)))

    @staticmethod
    def _reader(c: Column, codes: CodeReader) -> Callable[[Any], Any]:
        kind, ref = c.kind, c.ref
        if kind in ("str", "text", "email"):

            def text_cell(v: Any) -> Any:
                if type(v) is str:
                    v = v.strip()
                    return None if v.casefold() in MISSING else v
                return read_cell(kind, ref, v, codes)

            return text_cell
        if kind not in _REPEATING:  # numbers are mostly all different: nothing to remember
            whole = kind == "int"

            def number(v: Any) -> Any:
                if type(v) is float:  # what a number cell holds: decided here, quickly
                    return int(v) if whole and v.is_integer() else v
                if v == "":
                    return None
                return read_cell(kind, ref, v, codes)

            return number
        memo: dict[Any, Any] = {}

        def repeated(v: Any) -> Any:
            try:
                return memo[v]
            except KeyError:
                got = memo[v] = read_cell(kind, ref, v, codes)
                return got
            except TypeError:  # unhashable: not from a spreadsheet, but decide anyway
                return read_cell(kind, ref, v, codes)

        return repeated

    def key(self, row: Sequence[Any]) -> str:
        at = self.id_at
        if at is None or at >= len(row) or row[at] in (None, ""):
            return ""
        return as_text(row[at])

    def version(self, row: Sequence[Any]) -> int | None:
        at = self.version_at
        if at is None or at >= len(row) or row[at] in (None, ""):
            return None
        v = parse_number(row[at], whole=True)
        return v if isinstance(v, int) and not isinstance(v, bool) else None

    def values(self, row: Sequence[Any]) -> dict[str, Any]:
        n = len(row)
        return {code: fn(row[i] if i < n else "") for i, code, fn in self.fields}

    def raw(self, row: Sequence[Any], code: str) -> Any:
        i = self.at.get(code)
        return row[i] if i is not None and i < len(row) else ""


def preview_import(
    ctx: Services,
    path: Path,
    mappings: Sequence[SheetMapping] = (),
    source: str = "",
    limits: Limits | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportPlan:
    """Read ``path`` and check every row; writes nothing."""
    path = Path(path)
    limits = limits or Limits()
    check_file(path, limits)
    wb = open_workbook(path)
    codes = CodeReader(reference_labels(ctx))
    plan = ImportPlan(path, [], [], [], {}, [], source, list(mappings))
    done = 0
    checkers: dict[str, _Checker] = {}
    seen_ids: dict[str, set[str]] = {}
    for layout, sheet in sheets(wb, mappings, limits, plan.notes):
        plan.layouts.append(layout)
        entity = layout.entity
        checker = checkers.setdefault(entity, _Checker(ctx, entity))
        changes = plan.changes.setdefault(entity, EntityChanges(entity))
        sp = SheetPreview(layout.sheet, entity, extra=list(layout.extra), mapped=layout.mapped)
        plan.sheets.append(sp)
        if layout.extra:
            plan.notes.append(
                f"Sheet '{layout.sheet}': column(s) {', '.join(layout.extra)} are not fields "
                "of this app and were ignored."
            )
        reader = _Reader(layout, codes)
        seen = seen_ids.setdefault(entity, set())
        rows = sheet_rows(sheet, layout)
        while chunk := list(islice(rows, CHUNK)):
            ids = [k for k in (reader.key(r) for _n, r in chunk) if k]
            with ctx.reading() as conn:
                current = current_versions(conn, entity, ids) if ids else {}
                checker.conn = conn
                try:
                    for number, row in chunk:
                        _check_row(reader, number, row, checker, current, seen, changes, sp, plan)
                finally:
                    checker.conn = None
            done += len(chunk)
            if progress is not None:
                progress(done)
    if not plan.layouts:
        raise ImportRefused(
            f"{path.name} has no sheet of records this app can read. Use a workbook exported "
            "by pp-desktop, its blank template, or give a column mapping (--mapping)."
        )
    plan.sheets.sort(key=lambda sp: ENTITY_ORDER.index(sp.entity))
    return plan


def _check_row(
    reader: _Reader,
    number: int,
    row: Sequence[Any],
    checker: _Checker,
    current: Mapping[str, tuple[int, dict[str, Any], bool]],
    seen: set[str],
    changes: EntityChanges,
    sp: SheetPreview,
    plan: ImportPlan,
) -> None:
    layout = reader.layout
    entity = layout.entity
    values = reader.values(row)
    rid = reader.key(row)

    def report(found: list[Issue]) -> None:
        for issue in found:
            name = issue.field
            plan.issues.append(
                RowIssue(
                    layout.sheet,
                    number,
                    reader.col_of.get(name, 0),
                    name,
                    reader.raw(row, name),
                    issue.message,
                    issue.severity,
                )
            )
        if any(i.is_error for i in found):
            sp.errors += 1
        elif found:
            sp.warnings += 1

    try:
        if not rid:
            given = {k: v for k, v in values.items() if v is not None}
            full, found = checker.new(given)
            if checker.already_there(full):
                sp.unchanged += 1
                return
            issues = checker.unique_issues(found, full, "")
            if not any(i.is_error for i in issues):
                changes.add(full)
                sp.new += 1
            report(issues)
            return
        if rid in seen:
            report([Issue("id", "this record appears twice in the workbook.")])
            return
        seen.add(rid)
        if rid not in current:
            report([Issue("id", "no record with this id in the vault (from another vault?).")])
            return
        cur_version, cur, deleted = current[rid]
        if deleted:
            report([Issue("id", "this record was deleted in the vault after the export.")])
            return
        kinds = reader.kinds
        given = {}
        for k, v in values.items():
            if v is None:
                kind = kinds[k]
                if kind == "bool":
                    continue  # an empty yes/no cell leaves the field as it is
                v = "" if kind in _BLANK_TEXT else None
            given[k] = v
        norm = normalise(entity, given)
        changed = {k: v for k, v in norm.items() if cur.get(k) != v}
        if not changed:
            sp.unchanged += 1
            return
        version = reader.version(row)
        if version != cur_version:
            # like a sync conflict: what the counterpart changed is compared with what the
            # vault changed since the export; disjoint changes merge, the same field is a conflict
            assert checker.conn is not None
            then = values_at_version(
                checker.conn, entity, rid, cur, cur_version, version if version is not None else 0
            )
            if then is None:
                report([_conflict(cur_version, version, sorted(changed))])
                return
            theirs = {k: v for k, v in norm.items() if then.get(k) != v}
            ours = {k for k in cur if then.get(k) != cur.get(k)}
            both = sorted(k for k in theirs if k in ours and cur.get(k) != theirs[k])
            if both:
                report([_conflict(cur_version, version, both)])
                return
            changed = {k: v for k, v in theirs.items() if cur.get(k) != v}
            if not changed:
                sp.unchanged += 1  # the workbook is older than the vault, nothing else
                return
        merged = {**cur, **norm}
        derive(entity, merged, checker.refs)
        issues = checker.issues(merged, rid)
        if not any(i.is_error for i in issues):
            changes.updates.append(Update(rid, cur_version, changed))
            sp.updated += 1
        report(issues)
    except ValidationFailed as exc:
        report(exc.issues)


def _conflict(now: int, then: int | None, fields: Sequence[str]) -> Issue:
    return Issue(
        "version",
        f"conflict: {', '.join(fields)} changed both in the vault since the export (vault "
        f"version {now}, workbook version {then}) and in the workbook. Export again and redo "
        "the edit.",
    )
