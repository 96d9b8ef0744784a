"""Import preview: every row read, checked by the same validators as the forms, and sorted into
new / updated / unchanged / with warnings / with errors, per sheet — before anything is written.

Ids round-trip: a row with an id updates that record if it changed; if the record also changed
in the vault since the export (its version moved on), the row is a conflict and blocks the
import. A row without an id is a new record. Rows deleted from a sheet delete nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pp_desktop.exchange.excel.cells import CodeReader, as_text, parse_number, read_cell
from pp_desktop.exchange.excel.columns import ENTITY_ORDER, Column
from pp_desktop.exchange.excel.reader import (
    Layout,
    Limits,
    SheetMapping,
    check_file,
    count_rows,
    open_workbook,
    sheet_layouts,
    sheet_rows,
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
from pp_desktop.services.import_apply import EntityChanges, Update
from pp_desktop.services.records import UNIQUE_FIELDS, derive, normalise
from pp_desktop.services.validation import validate

_BLANK_TEXT = frozenset({"str", "text", "email", "ref", "refs"})


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
        self._known: set[tuple[Any, ...]] | None = None
        self._names = tuple(self.defaults)

    def already_there(self, full: Mapping[str, Any]) -> bool:
        """True when a live record holds exactly these values (a new row imported before:
        re-importing the same file must change nothing)."""
        if self._known is None:
            with self.ctx.reading() as conn:
                self._known = known_values(conn, self.entity)
        return tuple(full.get(n) for n in self._names) in self._known

    def exists(self, entity: str, rid: str) -> bool:
        if entity not in self._live:
            with self.ctx.reading() as conn:
                self._live[entity] = live_ids(conn, entity)
        return rid in self._live[entity]

    def issues(self, full: Mapping[str, Any], rid: str) -> list[Issue]:
        found = validate(self.entity, full, self.refs, self.today, self.exists)
        if self.unique and full.get(self.unique):
            value = full[self.unique]
            owner = self.taken.get(value)
            if owner is not None and owner != rid:
                found.append(Issue(self.unique, f"'{value}' is already used by another record."))
            elif self.in_file.get(value, rid) != rid:
                found.append(Issue(self.unique, f"'{value}' appears twice in the workbook."))
            self.in_file[value] = rid or f"new:{id(full)}"
        return found


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
    layouts, notes = sheet_layouts(wb, mappings)
    if not layouts:
        from pp_desktop.exchange.excel.errors import ImportRefused

        raise ImportRefused(
            f"{path.name} has no sheet of records this app can read. Use a workbook exported "
            "by pp-desktop, its blank template, or give a column mapping (--mapping)."
        )
    count_rows(wb, layouts, limits)
    codes = CodeReader(reference_labels(ctx))
    plan = ImportPlan(path, [], [], notes, {}, layouts, source, list(mappings))
    done = 0
    layouts.sort(key=lambda lay: ENTITY_ORDER.index(lay.entity))
    checkers: dict[str, _Checker] = {}
    seen_ids: dict[str, set[str]] = {}
    for layout in layouts:
        entity = layout.entity
        checker = checkers.setdefault(entity, _Checker(ctx, entity))
        changes = plan.changes.setdefault(entity, EntityChanges())
        sp = SheetPreview(layout.sheet, entity, extra=list(layout.extra), mapped=layout.mapped)
        plan.sheets.append(sp)
        if layout.extra:
            plan.notes.append(
                f"Sheet '{layout.sheet}': column(s) {', '.join(layout.extra)} are not fields "
                "of this app and were ignored."
            )
        rows = list(sheet_rows(wb, layout))
        id_at = next((i for i, c in layout.positions if c.code == "id"), None)
        ids = [as_text(r[id_at]) for _n, r in rows if id_at is not None and id_at < len(r)]
        with ctx.reading() as conn:
            current = current_versions(conn, entity, [i for i in ids if i])
        seen = seen_ids.setdefault(entity, set())
        for number, row in rows:
            _check_row(layout, number, row, codes, checker, current, seen, changes, sp, plan)
            done += 1
            if progress is not None and done % 1000 == 0:
                progress(done)
    return plan


def _check_row(
    layout: Layout,
    number: int,
    row: Sequence[Any],
    codes: CodeReader,
    checker: _Checker,
    current: Mapping[str, tuple[int, dict[str, Any], bool]],
    seen: set[str],
    changes: EntityChanges,
    sp: SheetPreview,
    plan: ImportPlan,
) -> None:
    entity = layout.entity
    values: dict[str, Any] = {}
    raw_of: dict[str, Any] = {}
    col_of: dict[str, int] = {}
    rid, version = "", None
    for i, col in layout.positions:
        raw = row[i] if i < len(row) else ""
        raw_of[col.code], col_of[col.code] = raw, layout.first_col + i
        if col.code == "id":
            rid = "" if raw in (None, "") else as_text(raw)
        elif col.code == "version":
            v = parse_number(raw, whole=True) if raw not in (None, "") else None
            version = v if isinstance(v, int) else None
        elif not col.derived:
            values[col.code] = read_cell(col.kind, col.ref, raw, codes)
    issues: list[Issue] = []

    def report(found: list[Issue]) -> None:
        for issue in found:
            name = issue.field
            plan.issues.append(
                RowIssue(
                    layout.sheet,
                    number,
                    col_of.get(name, 0),
                    name,
                    raw_of.get(name, ""),
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
            full = {**checker.defaults, **normalise(entity, given)}
            derive(entity, full, checker.refs)
            if checker.already_there(full):
                sp.unchanged += 1
                return
            issues = checker.issues(full, "")
            if not any(i.is_error for i in issues):
                changes.creates.append(given)
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
        given = {
            k: ("" if v is None and _blank_text(layout, k) else v)
            for k, v in values.items()
            if not (v is None and _kind(layout, k) == "bool")
        }
        norm = normalise(entity, given)
        changed = {k: v for k, v in norm.items() if cur.get(k) != v}
        if not changed:
            sp.unchanged += 1
            return
        if version != cur_version:
            # like a sync conflict: what the counterpart changed is compared with what the
            # vault changed since the export; disjoint changes merge, the same field is a conflict
            with checker.ctx.reading() as conn:
                then = values_at_version(
                    conn, entity, rid, cur, cur_version, version if version is not None else 0
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


def _kind(layout: Layout, code: str) -> str:
    return next((c.kind for _i, c in layout.positions if c.code == code), "")


def _blank_text(layout: Layout, code: str) -> bool:
    return _kind(layout, code) in _BLANK_TEXT


def column_of(layout: Layout, code: str) -> Column | None:
    """The column of ``code`` in ``layout``."""
    return next((c for _i, c in layout.positions if c.code == code), None)
