"""The bulk path (demo data, imports, sync): many records, their journal and audit entries,
written with executemany in one transaction — no per-object ORM construction (DESIGN §8)."""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from itertools import islice
from json.encoder import encode_basestring
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, select

from pp_desktop.models import SYNC_COLUMN_NAMES
from pp_desktop.services.context import Services, WriteScope
from pp_desktop.services.errors import Issue, ValidationFailed
from pp_desktop.services.fields import FIELDS, NOT_FUTURE, field_names
from pp_desktop.services.ledger import CreateChanges, dumps
from pp_desktop.services.records import (
    UNIQUE_FIELDS,
    ChangeSet,
    derive,
    new_id,
    normalise,
    table,
)
from pp_desktop.services.validation import (
    ISO_DATE_RE,
    MAX_TEXT,
    ReferenceCache,
    record_rules,
    validate,
)

BATCH = 5000


def _chunks(rows: Iterable[Mapping[str, Any]], size: int) -> Iterator[list[Mapping[str, Any]]]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


_MISSING = object()
_REJECT = ()  # "needs the general path": unpacking it fails, and the row falls back
_MEMO_KINDS = frozenset({"ref", "refs", "date"})  # few distinct values: decided once per value
_BIG_INT = 2**53
_CODE = {"ref": 1, "refs": 2}  # normalise's upper-casing of codes
# Fields that ``derive`` sets; the row function re-checks them after derive. Should derive
# ever change another field, the row function notices and the row takes the general path.
_DERIVED = {"seizure": ("quantity", "kg_equivalent")}


class RowChecker:
    """A shortcut for the rows the bulk path (and HQ's apply, ``pp_hq.fast_apply``) mostly
    sees: values in (or close to) their stored form, and valid. For such a row the row
    function gives what ``normalise`` + defaults + ``derive`` give, having found that
    ``validate`` has nothing to say at field level, plus the audit changes JSON. For any other
    row — or on any doubt or error — it gives None and the row takes the general path, which
    decides (and words the errors) exactly as before; so the shortcut may refuse more than
    needed, never accept what the general path would not.

    The row function is straight-line code generated per entity: on this path a loop over 25
    fields with a dispatch on kinds costs more than everything else the bulk path does in
    Python. Reference codes and dates repeat a lot: each distinct value is decided once.
    """

    def __init__(self, entity: str, refs: ReferenceCache, today: date) -> None:
        self.entity = entity
        self.refs = refs
        self.names = field_names(entity)
        # the shortcut assumes the standard reference cache and a plain date (ISO text order)
        self.enabled = type(refs) is ReferenceCache and type(today) is date
        self.today_iso = today.isoformat()
        self.specs: list[tuple[Any, ...]] = []
        self.memos: list[dict[Any, Any] | None] = []
        self.defaults: list[Any] = []
        codes = refs.codes if self.enabled else {}
        for f in FIELDS[entity]:
            spec = (
                f.name,
                f.kind,
                _CODE.get(f.kind, 0),
                f.kind in {"int", "float", "date", "fk"},  # a blank value is stored as None
                f.required,
                codes.get(f.ref, {}),
                f.name in NOT_FUTURE,
                f"{encode_basestring(f.name)}:[null,",  # this field's start in the changes JSON
            )
            self.specs.append(spec)
            default = self._stored(spec, f.default)  # a default is used as it is
            self.defaults.append(default)
            memo = None
            if f.kind in _MEMO_KINDS:
                memo = {_MISSING: default, None: self._stored(spec, None)}
            self.memos.append(memo)

    # --- deciding one value: (stored value, JSON piece) or _REJECT -------------------------

    def _text(self, spec: tuple[Any, ...], raw: str) -> Any:
        """A string as given: normalised, then checked."""
        code, blank_none, required = spec[2], spec[3], spec[4]
        v = raw.strip()
        if code == 1:
            v = v.upper()
        elif code == 2:
            v = " ".join(dict.fromkeys(v.upper().split()))
        if not v:
            if required:
                return _REJECT
            return (None if blank_none else v), ""
        return self._check_str(spec, v)

    def _check_str(self, spec: tuple[Any, ...], v: str) -> Any:
        """A non-blank string in stored form."""
        kind, known, not_future, prefix = spec[1], spec[5], spec[6], spec[7]
        if kind == "ref":
            ok = v in known
        elif kind == "refs":
            ok = all(c in known for c in v.split())
        elif kind == "str" or kind == "text":
            ok = len(v) <= MAX_TEXT[kind]
        elif kind == "date":
            ok = ISO_DATE_RE.fullmatch(v) is not None and v[:4] >= "1900"
            if ok:
                try:
                    date.fromisoformat(v)
                except ValueError:
                    ok = False
            ok = ok and not (not_future and v > self.today_iso)
        else:  # e-mail, links, numbers given as text: the general path
            ok = False
        if not ok or v.isspace():
            return _REJECT
        return v, f"{prefix}{encode_basestring(v)}]"

    def _stored(self, spec: tuple[Any, ...], v: Any) -> Any:
        """A value used as it is (a default, a derived value, a number or bool as given)."""
        kind, required, prefix = spec[1], spec[4], spec[7]
        tv = type(v)
        if v is None:
            return _REJECT if required else (None, "")
        if tv is str:
            if not v or v.isspace():
                return _REJECT if required else (v, "")
            if v != v.strip():
                return _REJECT
            return self._check_str(spec, v)
        if tv is float:
            return (v, f"{prefix}{v!r}]") if kind == "float" and math.isfinite(v) else _REJECT
        if tv is int:
            ok = (kind == "float" or kind == "int") and -_BIG_INT <= v <= _BIG_INT
            return (v, f"{prefix}{v!r}]") if ok else _REJECT
        if tv is bool:
            return (v, f"{prefix}{'true' if v else 'false'}]") if kind == "bool" else _REJECT
        return _REJECT  # dates, lists, decimals...: normalise decides

    def _given(self, i: int, v: Any) -> Any:
        """A value as given, of any type (_MISSING: the field is absent)."""
        if v is _MISSING:
            return self.defaults[i]
        if type(v) is str:
            return self._text(self.specs[i], v)
        return self._stored(self.specs[i], v)

    def _given_memo(self, i: int, v: Any) -> Any:
        decision = self._given(i, v)
        memo = self.memos[i]
        if memo is not None and type(v) is str:  # str keys only: 1, 1.0 and True are equal
            memo[v] = decision
        return decision

    # --- the row function ------------------------------------------------------------------

    def _inline(self, i: int, spec: tuple[Any, ...], audit: bool) -> list[str]:
        """Code deciding field ``i`` (value in ``v``) for the common cases; others call _given."""
        kind, required = spec[1], spec[4]
        lines: list[str] = []

        def piece(expr: str) -> str:  # the audit JSON piece, only when the caller wants it
            return f"; p{i} = {expr}" if audit else ""

        as_text, as_number = piece(f"pre{i} + enc(v) + ']'"), piece(f"pre{i} + repr(v) + ']'")
        as_true, as_false = piece(f"pre{i} + 'true]'"), piece(f"pre{i} + 'false]'")
        if kind in ("str", "text"):  # as _text: stripped, at most MAX_TEXT long
            lines += [
                "if type(v) is str:",
                "    v = v.strip()",
                "    if not v:",
                "        return None" if required else f"        v{i} = v{piece(repr(''))}",
                f"    elif len(v) > {MAX_TEXT[kind]}:",
                "        return None",
                "    else:",
                f"        v{i} = v{as_text}",
            ]
        elif kind == "float":  # as _stored: a finite float
            lines += ["if type(v) is float and v - v == 0.0:", f"    v{i} = v{as_number}"]
        elif kind == "int":  # as _stored: an int float() takes exactly
            lines += [
                f"if type(v) is int and {-_BIG_INT} <= v <= {_BIG_INT}:",
                f"    v{i} = v{as_number}",
            ]
        elif kind == "bool":
            lines += [
                "if v is True:",
                f"    v{i} = v{as_true}",
                "elif v is False:",
                f"    v{i} = v{as_false}",
            ]
        for test, decision in (
            ("v is None", self._stored(spec, None)),
            ("v is _M", self.defaults[i]),
        ):
            lines.append(f"{'elif' if lines else 'if'} {test}:")
            if decision is _REJECT:
                lines.append("    return None")
            elif test == "v is None":
                lines.append(f"    v{i} = None{piece(repr(decision[1]))}")
            else:
                lines.append(f"    v{i} = d{i}{piece(f'dp{i}')}")
        lines += ["else:", f"    v{i}, p{i} = given_({i}, v)"]
        return lines

    def compile(
        self, *, audit: bool = True, ignore: frozenset[str] = frozenset()
    ) -> Callable[[Mapping[str, Any]], Any]:
        """``row(given)`` -> (full values, values in field order, audit changes JSON) or None.

        ``audit=False``: the audit JSON is not built (returned as ""), for callers that write no
        audit entry (HQ). ``ignore``: keys ``given`` may also hold, not looked at (HQ passes a
        change's fields, in which the sync columns travel too); any other key still means None.
        """
        if not self.enabled:
            return lambda given: None
        ns: dict[str, Any] = {
            "_M": _MISSING,
            "given_": self._given,
            "first": self._given_memo,
            "stored": self._stored,
            "derive": derive,
            "entity": self.entity,
            "refs": self.refs,
            "enc": encode_basestring,
            "names": frozenset(self.names) | ignore,
            "after": itemgetter(*self.names),
            "is_not": operator.is_not,
        }
        body = ["if not given.keys() <= names:", "    return None", "get = given.get"]
        # The coded and date fields (half of them) all at once, with C-level maps: each value's
        # decision from its memo, the first time of a value from first(); per field, the
        # interpreted lookups cost more than the rest of the row.
        memo_idx = [i for i, spec in enumerate(self.specs) if spec[1] in _MEMO_KINDS]
        if memo_idx:
            ns["memo_names"] = tuple(self.specs[i][0] for i in memo_idx)
            ns["memo_dicts"] = tuple(self.memos[i] for i in memo_idx)
            ns["memo_idx"] = tuple(memo_idx)
            ns["missing"] = (_MISSING,) * len(memo_idx)
            ns["lookup"] = dict.get
            targets = ", ".join(f"(v{i}, p{i})" for i in memo_idx)
            body += [
                "keys = list(map(get, memo_names, missing))",
                "hs = list(map(lookup, memo_dicts, keys))",
                "if None in hs:",
                "    for j, h in enumerate(hs):",
                "        if h is None:",
                "            hs[j] = first(memo_idx[j], keys[j])",
                f"{targets}, = hs",
            ]
        for i, spec in enumerate(self.specs):
            name, kind, prefix = spec[0], spec[1], spec[7]
            ns[f"m{i}"], ns[f"s{i}"], ns[f"pre{i}"] = self.memos[i], spec, prefix
            if self.defaults[i] is not _REJECT:
                ns[f"d{i}"], ns[f"dp{i}"] = self.defaults[i]
            if kind not in _MEMO_KINDS:
                body.append(f"v = get({name!r}, _M)")
                body += self._inline(i, spec, audit)
        items = ", ".join(f"{spec[0]!r}: v{i}" for i, spec in enumerate(self.specs))
        body += [f"full = {{{items}}}", "derive(entity, full, refs)"]
        for name in _DERIVED.get(self.entity, ()):
            i = self.names.index(name)
            body += [f"d = full[{name!r}]", f"if d is not v{i}:"]
            if not audit and self.specs[i][1] == "float":  # the common case, as _stored decides
                body += [
                    "    if type(d) is float and d - d == 0.0:",
                    f"        v{i} = d",
                    "    else:",
                ]
                body += [f"        v{i}, p{i} = stored(s{i}, d)"]
            else:
                body += [f"    v{i}, p{i} = stored(s{i}, d)"]
        vs = ", ".join(f"v{i}" for i in range(len(self.specs)))
        ps = ", ".join(f"p{i}" for i in range(len(self.specs)))
        changes = f"'{{' + ','.join(filter(None, ({ps},))) + '}}'" if audit else "''"
        body += [
            f"if len(full) != {len(self.specs)} or any(map(is_not, after(full), ({vs},))):",
            "    return None",  # derive changed something else
            f"return full, [{vs}], {changes}",
        ]
        source = "\n".join(
            [
                "def row(given):",
                "    try:",
                *(f"        {line}" for line in body),
                "    except Exception:",  # whatever went wrong, the general path decides
                "        return None",
            ]
        )
        exec(source, ns)  # noqa: S102 (source generated above from FIELDS only)
        fn: Callable[[Mapping[str, Any]], Any] = ns["row"]
        return fn


# The name existing callers use (the import path, tests).
_FastRows = RowChecker


def insert_sql(entity: str) -> tuple[str, tuple[str, ...]]:
    """The positional INSERT of ``entity`` and its column order."""
    cols = (*SYNC_COLUMN_NAMES, *field_names(entity))
    sql = (
        f"INSERT INTO {table(entity).name} ({', '.join(cols)}) "
        f"VALUES ({', '.join('?' * len(cols))})"
    )
    return sql, cols


class _LinkChecks:
    """What validation needs the database for, done with one query per referenced table:
    references to live records (as ``records._exists_fn`` checks them one by one) and unique
    fields (against the vault and the rows of this same insert)."""

    def __init__(self, conn: Connection, entity: str) -> None:
        self._conn = conn
        self._fks = [(f.name, f.ref) for f in FIELDS[entity] if f.kind == "fk"]
        self._live: dict[str, set[str]] = {}
        self._unique = UNIQUE_FIELDS.get(entity)
        self._taken: set[Any] = set()
        if self._unique:
            t = table(entity)
            self._taken = {v for (v,) in conn.execute(select(t.c[self._unique]))}

    def _ids(self, entity: str) -> set[str]:
        if entity not in self._live:
            t = table(entity)
            rows = self._conn.execute(select(t.c.id).where(t.c.deleted_at.is_(None)))
            self._live[entity] = {str(r[0]) for r in rows}
        return self._live[entity]

    def __call__(self, full: Mapping[str, Any]) -> list[Issue]:
        issues: list[Issue] = []
        for name, ref in self._fks:
            value = full.get(name)
            if value and str(value) not in self._ids(ref):
                issues.append(Issue(name, f"refers to a {ref} that does not exist."))
        if self._unique:
            value = full.get(self._unique)
            if value:
                if value in self._taken:
                    issues.append(Issue(self._unique, f"'{value}' is already used."))
                self._taken.add(value)
        return issues


def bulk_insert(
    ctx: Services,
    entity: str,
    rows: Iterable[Mapping[str, Any]],
    *,
    check: bool = True,
    progress: Callable[[int], None] | None = None,
) -> ChangeSet:
    """Insert many new records of ``entity`` in one transaction (all or nothing).

    Every row is validated like a form (``check``); the first row with errors aborts the whole
    insert with :class:`ValidationFailed` naming the row. Warnings are returned.
    """
    with ctx.writing() as scope:
        return insert_many(ctx, scope, entity, rows, check=check, progress=progress)


def insert_many(
    ctx: Services,
    scope: WriteScope,
    entity: str,
    rows: Iterable[Mapping[str, Any]],
    *,
    check: bool = True,
    progress: Callable[[int], None] | None = None,
) -> ChangeSet:
    """:func:`bulk_insert` inside an open write scope (an import writes several entities and
    updates in the same transaction)."""
    names = field_names(entity)
    defaults = {f.name: f.default for f in FIELDS[entity]}
    sql, _cols = insert_sql(entity)
    fields_json = dumps(sorted(names))
    changes_of = CreateChanges(names)  # the audit changes {field: [None, value]}, as JSON
    today = ctx.today()
    created: list[str] = []
    warnings: list[Issue] = []
    done = 0
    refs = ctx.refs(scope.conn)
    fast = RowChecker(entity, refs, today).compile()
    links = _LinkChecks(scope.conn, entity)
    ledger, at, who, device = scope.ledger, scope.at, scope.ledger.who, ctx.device_id
    audit, journal = ledger.audit_json, ledger.journal
    for chunk in _chunks(rows, BATCH):
        hlcs = ctx.clock.batch(len(chunk))
        params: list[tuple[Any, ...]] = []
        add = params.append
        for offset, (row, hlc) in enumerate(zip(chunk, hlcs, strict=True)):
            rid = str(row.get("id") or new_id())
            given = {k: v for k, v in row.items() if k != "id"} if "id" in row else row
            quick = fast(given)
            if quick is not None:  # valid field by field: the record rules remain
                full, values, changes = quick
                if check:
                    issues: list[Issue] = []
                    record_rules(entity, full, refs, issues)
            else:
                full = defaults.copy()
                full.update(normalise(entity, given))
                derive(entity, full, refs)
                if check:
                    issues = validate(entity, full, refs, today)
                values = [full[n] for n in names]
                changes = changes_of(values)
            if check:
                issues += links(full)
            if check and issues:
                if any(i.is_error for i in issues):
                    n = done + offset + 1
                    raise ValidationFailed(
                        entity, [Issue(f"row {n}: {i.field}", i.message) for i in issues]
                    )
                warnings.extend(issues)
            add((rid, 1, hlc, device, at, who, at, who, None, *values))
            audit(at, "create", entity, rid, changes)
            journal(entity, rid, 1, hlc, 0, "", fields_json)
            created.append(rid)
        scope.conn.exec_driver_sql(sql, params)
        ledger.flush(scope.conn)
        done += len(chunk)
        if progress:
            progress(done)
    return ChangeSet(entity, created=created, warnings=warnings)
