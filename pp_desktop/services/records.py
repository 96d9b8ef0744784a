"""Create, update, soft-delete and read records of every entity (DESIGN §2: the only write path).

Each function validates, writes in one transaction, appends the audit and journal entries and
returns a :class:`ChangeSet`. Records are handed out as plain dicts, never ORM instances.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import uuid_utils
from sqlalchemy import Connection, Table, exists, select
from sqlalchemy.exc import IntegrityError

from pp_desktop.models import ENTITIES
from pp_desktop.services.context import Services, WriteScope
from pp_desktop.services.errors import Issue, NotFound, StaleRecord, ValidationFailed
from pp_desktop.services.fields import FIELDS, Field, field_names
from pp_desktop.services.ledger import dumps
from pp_desktop.services.validation import ReferenceCache, kg_equivalent, validate

UNIQUE_FIELDS = {"project": "identifier", "recommendation": "code"}


@dataclass
class ChangeSet:
    """What a service call changed; the UI refreshes from it, sync reads the journal."""

    entity: str
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)

    @property
    def ids(self) -> list[str]:
        """Every id touched."""
        return self.created + self.updated + self.deleted


def table(entity: str) -> Table:
    """The table of ``entity``."""
    try:
        tbl = ENTITIES[entity].__table__  # type: ignore[attr-defined]
    except KeyError:
        raise NotFound(f"Unknown kind of record: {entity}") from None
    assert isinstance(tbl, Table)
    return tbl


def new_id() -> str:
    """A new record id (UUIDv7: unique everywhere, sortable by creation time)."""
    return str(uuid_utils.uuid7())


_NONE_WHEN_BLANK = frozenset({"int", "float", "date", "fk"})
# entity -> (its FIELDS tuple, name -> (field, str mode, blank becomes None)); str mode:
# 0 plain text, 1 a reference code (upper case), 2 reference codes (upper case, single spaces)
_PLANS: dict[str, tuple[tuple[Field, ...], dict[str, tuple[Field, int, bool]]]] = {}


def _plan(entity: str) -> dict[str, tuple[Field, int, bool]]:
    fields = FIELDS[entity]
    cached = _PLANS.get(entity)
    if cached is not None and cached[0] is fields:
        return cached[1]
    plan = {
        f.name: (f, {"ref": 1, "refs": 2}.get(f.kind, 0), f.kind in _NONE_WHEN_BLANK)
        for f in fields
    }
    _PLANS[entity] = (fields, plan)
    return plan


def _normalise_value(f: Field, value: Any) -> Any:
    if isinstance(value, datetime):
        value = value.date().isoformat()
    elif isinstance(value, date):
        value = value.isoformat()
    elif isinstance(value, list | tuple | set | frozenset):
        # given order kept (a transit route is ordered), duplicates dropped, as for text
        items = sorted(value) if isinstance(value, set | frozenset) else value
        value = " ".join(dict.fromkeys(str(v).strip().upper() for v in items if str(v).strip()))
    elif isinstance(value, str):
        value = value.strip()
        if f.kind in {"ref", "refs"}:
            value = (
                " ".join(dict.fromkeys(value.upper().split()))
                if f.kind == "refs"
                else value.upper()
            )
    if value == "" and f.kind in _NONE_WHEN_BLANK:
        value = None
    return value


def normalise(entity: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """Coerce Python values to stored form: dates to ISO text, lists of codes to text,
    blank strings stripped; unknown field names are refused."""
    plan = _plan(entity)
    out: dict[str, Any] = {}
    for name, value in values.items():
        p = plan.get(name)
        if p is None:
            raise ValidationFailed(entity, [Issue(name, "is not a field of this record.")])
        tv = type(value)
        if tv is str:  # the common case, inline (same result as _normalise_value)
            value = value.strip()
            mode = p[1]
            if mode == 1:
                value = value.upper()
            elif mode == 2:
                value = " ".join(dict.fromkeys(value.upper().split()))
            if not value and p[2]:
                value = None
        elif not (value is None or tv is float or tv is int or tv is bool):
            value = _normalise_value(p[0], value)
        out[name] = value
    return out


def derive(entity: str, values: dict[str, Any], refs: ReferenceCache) -> None:
    """Fill derived fields (a seizure's kilogram equivalent) in place."""
    if entity == "seizure":
        if not values.get("quantity_known", True):
            values["quantity"] = values.get("quantity")
            values["kg_equivalent"] = None
        else:
            values["kg_equivalent"] = kg_equivalent(
                values.get("quantity"), str(values.get("unit") or "KG"), refs
            )


def _defaults(entity: str) -> dict[str, Any]:
    return {f.name: f.default for f in FIELDS[entity]}


def _exists_fn(conn: Connection) -> Any:
    def exists_(entity: str, rid: str) -> bool:
        t = table(entity)
        return bool(
            conn.execute(select(exists().where(t.c.id == rid, t.c.deleted_at.is_(None)))).scalar()
        )

    return exists_


def _check_unique(
    conn: Connection, entity: str, values: Mapping[str, Any], rid: str
) -> list[Issue]:
    name = UNIQUE_FIELDS.get(entity)
    if not name or not values.get(name):
        return []
    t = table(entity)
    other = conn.execute(select(t.c.id).where(t.c[name] == values[name], t.c.id != rid)).first()
    if other:
        return [Issue(name, f"'{values[name]}' is already used by another {entity}.")]
    return []


def check(ctx: Services, entity: str, values: Mapping[str, Any], rid: str = "") -> list[Issue]:
    """Validate a record without saving it (forms call this as the officer types)."""
    with ctx.reading() as conn:
        full = {**_defaults(entity), **normalise(entity, values)}
        refs = ctx.refs(conn)
        derive(entity, full, refs)
        return validate(entity, full, refs, ctx.today(), _exists_fn(conn)) + _check_unique(
            conn, entity, full, rid
        )


def _raise_on_errors(entity: str, issues: list[Issue]) -> list[Issue]:
    if any(i.is_error for i in issues):
        raise ValidationFailed(entity, issues)
    return issues


def _provenance(ctx: Services, scope: WriteScope, hlc: str) -> dict[str, Any]:
    who = scope.ledger.who
    return {
        "version": 1,
        "hlc": hlc,
        "origin_device": ctx.device_id,
        "created_at": scope.at,
        "created_by": who,
        "updated_at": scope.at,
        "updated_by": who,
        "deleted_at": None,
    }


def _audit_changes(before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> str:
    if before is None:
        return dumps({k: [None, v] for k, v in after.items() if v not in (None, "")})
    return dumps({k: [before.get(k), v] for k, v in after.items()})


def insert_one(
    ctx: Services, scope: WriteScope, entity: str, values: Mapping[str, Any], rid: str | None = None
) -> tuple[str, list[Issue]]:
    """Validate and insert one record inside an open write scope (building block)."""
    conn = scope.conn
    full = {**_defaults(entity), **normalise(entity, values)}
    refs = ctx.refs(conn)
    derive(entity, full, refs)
    rid = rid or new_id()
    issues = validate(entity, full, refs, ctx.today(), _exists_fn(conn))
    issues += _check_unique(conn, entity, full, rid)
    _raise_on_errors(entity, issues)
    hlc = ctx.clock.now()
    try:
        conn.execute(table(entity).insert(), {"id": rid, **full, **_provenance(ctx, scope, hlc)})
    except IntegrityError as exc:
        raise ValidationFailed(entity, [Issue("id", f"could not be saved: {exc.orig}")]) from None
    scope.ledger.audit(scope.at, "create", entity, rid, _audit_changes(None, full))
    scope.ledger.journal(entity, rid, 1, hlc, 0, "", dumps(sorted(full)))
    return rid, [i for i in issues if not i.is_error]


def create(ctx: Services, entity: str, values: Mapping[str, Any]) -> ChangeSet:
    """Create one record; raises :class:`ValidationFailed` on errors, returns warnings."""
    with ctx.writing() as scope:
        rid, warnings = insert_one(ctx, scope, entity, values)
    return ChangeSet(entity, created=[rid], warnings=warnings)


def _live_row(conn: Connection, entity: str, rid: str) -> dict[str, Any]:
    t = table(entity)
    row = conn.execute(select(t).where(t.c.id == rid)).mappings().first()
    if row is None or row["deleted_at"] is not None:
        raise NotFound(f"That {entity.replace('_', ' ')} does not exist or was deleted.")
    return dict(row)


def update_one(
    ctx: Services,
    scope: WriteScope,
    entity: str,
    rid: str,
    changes: Mapping[str, Any],
    expected_version: int | None = None,
) -> list[Issue] | None:
    """Apply field changes inside an open write scope; None when nothing changed."""
    conn = scope.conn
    current = _live_row(conn, entity, rid)
    if expected_version is not None and current["version"] != expected_version:
        raise StaleRecord(
            f"This {entity.replace('_', ' ')} was changed elsewhere since you opened it "
            f"(version {current['version']}, you edited version {expected_version}). "
            "Reopen it to see the changes."
        )
    names = field_names(entity)
    before = {k: current[k] for k in names}
    merged = {**before, **normalise(entity, changes)}
    refs = ctx.refs(conn)
    derive(entity, merged, refs)
    changed = {k: v for k, v in merged.items() if before.get(k) != v}
    if not changed:
        return None
    issues = validate(entity, merged, refs, ctx.today(), _exists_fn(conn))
    issues += _check_unique(conn, entity, merged, rid)
    _raise_on_errors(entity, issues)
    hlc = ctx.clock.now()
    version = int(current["version"]) + 1
    t = table(entity)
    conn.execute(
        t.update().where(t.c.id == rid),
        {
            **changed,
            "version": version,
            "hlc": hlc,
            "updated_at": scope.at,
            "updated_by": scope.ledger.who,
        },
    )
    scope.ledger.audit(
        scope.at, "update", entity, rid, _audit_changes({k: before[k] for k in changed}, changed)
    )
    scope.ledger.journal(
        entity,
        rid,
        version,
        hlc,
        int(current["version"]),
        str(current["hlc"]),
        dumps(sorted(changed)),
    )
    return [i for i in issues if not i.is_error]


def update(
    ctx: Services,
    entity: str,
    rid: str,
    changes: Mapping[str, Any],
    expected_version: int | None = None,
) -> ChangeSet:
    """Change fields of one record (``expected_version`` guards against lost updates)."""
    with ctx.writing() as scope:
        warnings = update_one(ctx, scope, entity, rid, changes, expected_version)
    if warnings is None:
        return ChangeSet(entity)
    return ChangeSet(entity, updated=[rid], warnings=warnings)


def delete_one(ctx: Services, scope: WriteScope, entity: str, rid: str) -> None:
    """Soft-delete one live record inside an open write scope (building block)."""
    t = table(entity)
    current = _live_row(scope.conn, entity, rid)
    hlc = ctx.clock.now()
    version = int(current["version"]) + 1
    scope.conn.execute(
        t.update().where(t.c.id == rid),
        {
            "deleted_at": scope.at,
            "version": version,
            "hlc": hlc,
            "updated_at": scope.at,
            "updated_by": scope.ledger.who,
        },
    )
    scope.ledger.audit(scope.at, "delete", entity, rid, dumps({"deleted_at": [None, scope.at]}))
    scope.ledger.journal(
        entity,
        rid,
        version,
        hlc,
        int(current["version"]),
        str(current["hlc"]),
        "[]",
        deleted=True,
    )


def delete(ctx: Services, entity: str, ids: Iterable[str]) -> ChangeSet:
    """Soft-delete records (tombstones: sync still needs them)."""
    done: list[str] = []
    with ctx.writing() as scope:
        for rid in dict.fromkeys(ids):
            delete_one(ctx, scope, entity, rid)
            done.append(rid)
    return ChangeSet(entity, deleted=done)


def get(ctx: Services, entity: str, rid: str) -> dict[str, Any]:
    """One live record as a dict (every column but attachment bytes)."""
    with ctx.reading() as conn:
        row = _live_row(conn, entity, rid)
    row.pop("data", None)
    return row


def restore_one(ctx: Services, scope: WriteScope, entity: str, rid: str) -> None:
    """Bring one soft-deleted record back inside an open write scope (building block); the
    record is validated again, since what it refers to may have gone meanwhile. A live or
    unknown id is refused: there is nothing to undo."""
    conn = scope.conn
    t = table(entity)
    names = field_names(entity)
    row = conn.execute(select(t).where(t.c.id == rid)).mappings().first()
    if row is None or row["deleted_at"] is None:
        raise NotFound(f"That {entity.replace('_', ' ')} is not a deleted record.")
    values = {k: row[k] for k in names}
    refs = ctx.refs(conn)
    _raise_on_errors(entity, validate(entity, values, refs, ctx.today(), _exists_fn(conn)))
    hlc = ctx.clock.now()
    version = int(row["version"]) + 1
    conn.execute(
        t.update().where(t.c.id == rid),
        {
            "deleted_at": None,
            "version": version,
            "hlc": hlc,
            "updated_at": scope.at,
            "updated_by": scope.ledger.who,
        },
    )
    scope.ledger.audit(
        scope.at, "restore", entity, rid, dumps({"deleted_at": [row["deleted_at"], None]})
    )
    # every field travels: the receiving side may have dropped the tombstoned values
    scope.ledger.journal(
        entity, rid, version, hlc, int(row["version"]), str(row["hlc"]), dumps(sorted(names))
    )


def restore(ctx: Services, entity: str, ids: Iterable[str]) -> ChangeSet:
    """Bring soft-deleted records back (undo of a delete), all or none."""
    done: list[str] = []
    with ctx.writing() as scope:
        for rid in dict.fromkeys(ids):
            restore_one(ctx, scope, entity, rid)
            done.append(rid)
    return ChangeSet(entity, updated=done)
