"""Import IATI 2.01-2.03 activity files into projects and organisations.

The file is streamed activity by activity. Each activity is mapped (docs/iati.md), filtered
(recipient country, sector), matched to a project by its IATI identifier and validated with the
same rules as the forms, then written through the service layer (records.insert_one /
update_one: audit and journal entries included) in ONE transaction for the whole file: a file
that turns out broken half-way changes nothing. A dry run takes the same decisions in a read
transaction and writes nothing. Values the file gives replace the project's; what the file
leaves out is kept, so re-importing the same file changes nothing.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from pp_desktop.exchange.iati.activity import (
    DATE_FIELDS,
    DESCRIPTION_GENERAL,
    DESCRIPTION_LABELS,
    PILLAR_VOCAB_URI,
    RECOMMENDATION_VOCAB_URI,
    ROLE_FUNDING,
    ROLE_IMPLEMENTING,
    SECTOR_VOCAB_DAC,
    TAG_VOCAB_REPORTING_ORG,
    Activity,
    OrgRef,
)
from pp_desktop.exchange.iati.budgets import total_of
from pp_desktop.exchange.iati.countries import ALPHA2_TO_ALPHA3, ALPHA3_TO_ALPHA2
from pp_desktop.exchange.iati.errors import IatiError
from pp_desktop.exchange.iati.preview import Action, ImportPreview, PreviewItem
from pp_desktop.exchange.iati.reader import MAX_BYTES, ActivityFile
from pp_desktop.exchange.iati.settings import reporting_org
from pp_desktop.services import records
from pp_desktop.services.context import Services, WriteScope
from pp_desktop.services.fields import FIELDS
from pp_desktop.services.validation import ReferenceCache, validate

SECTOR_VOCAB_DAC3 = "2"
FLUSH_EVERY = 500  # activities between two writes of the collected audit and journal entries
_SECTOR_RE = re.compile(r"[0-9]{3}([0-9]{2})?")
MAPPED = (
    "identifier", "title", "description", "status", *DATE_FIELDS.values(),
    "beneficiary_country", "dac_sector", "budget", "currency", "pillar", "implementing_org_id",
)  # fmt: skip


def _check_filters(country: str, sector: str) -> tuple[str, str]:
    country, sector = country.strip().upper(), sector.strip()
    if country and country not in ALPHA3_TO_ALPHA2:
        raise IatiError(
            f"'{country}' is not a country code: give the ISO three-letter code (e.g. AFG)."
        )
    if sector and not _SECTOR_RE.fullmatch(sector):
        raise IatiError(
            f"'{sector}' is not a DAC sector code: give five digits (e.g. 16063) or the "
            "three-digit category (e.g. 160)."
        )
    return country, sector


def import_activities(
    ctx: Services,
    path: Path,
    country: str = "",
    sector: str = "",
    dry_run: bool = False,
    max_bytes: int = MAX_BYTES,
) -> ImportPreview:
    """Import (or with ``dry_run`` only preview) the activities of an IATI file.

    ``country`` (ISO alpha-3) and ``sector`` (DAC code) keep only matching activities. Raises an
    :class:`~pp_desktop.exchange.iati.errors.IatiFileRefused` for a file it cannot read safely;
    nothing is written then.
    """
    country, sector = _check_filters(country, sector)
    lang = reporting_org(ctx.vault).lang
    with ActivityFile(Path(path), prefer_lang=lang, max_bytes=max_bytes) as source:
        preview = ImportPreview(Path(path), source.version, country, sector)
        if dry_run:
            with ctx.reading() as conn:
                _Run(ctx, conn, None, preview).all(source)
        else:
            with ctx.writing() as scope:
                _Run(ctx, scope.conn, scope, preview).all(source)
            preview.applied = True
    return preview


class _Skip(Exception):
    """This activity is skipped, for the reason given."""


class _Run:
    """The state of one import: organisation and recommendation indexes, what was seen."""

    def __init__(
        self, ctx: Services, conn: Connection, scope: WriteScope | None, preview: ImportPreview
    ) -> None:
        self.ctx, self.conn, self.scope, self.preview = ctx, conn, scope, preview
        self.refs: ReferenceCache = ctx.refs(conn)
        self.today = ctx.today()
        self.by_ref: dict[str, str] = {}
        self.by_name: dict[str, str] = {}
        self.org_names: dict[str, str] = {}  # id -> name, for the preview
        for oid, name, ref in conn.execute(
            text("SELECT id, name, iati_ref FROM organisation WHERE deleted_at IS NULL")
        ):
            if ref:
                self.by_ref.setdefault(str(ref).casefold(), str(oid))
            self.by_name.setdefault(str(name).strip().casefold(), str(oid))
            self.org_names[str(oid)] = str(name)
        self.recs = {
            str(code): str(rid)
            for rid, code in conn.execute(
                text("SELECT id, code FROM recommendation WHERE deleted_at IS NULL")
            )
        }
        # identifiers of every project, live or deleted: one query instead of one per activity
        self.identifiers = {str(i) for (i,) in conn.execute(text("SELECT identifier FROM project"))}
        self.pending: set[str] = set()  # ids of organisations created by this import
        self.seen: dict[str, int] = {}
        self.country2 = ALPHA3_TO_ALPHA2.get(preview.country, "")

    def all(self, source: ActivityFile) -> None:
        """Decide (and unless a dry run, apply) every activity of ``source``."""
        for n, act in enumerate(source, 1):
            try:
                item = self.one(act)
            except _Skip as skip:
                ident = act.identifier or f"(activity at line {act.line})"
                item = PreviewItem(ident, act.title, Action.SKIP, str(skip))
            self.preview.items.append(item)
            if self.scope is not None and n % FLUSH_EVERY == 0:
                # the ledger collects its entries in memory until the end of the transaction;
                # writing them as we go (same transaction) keeps a large file's memory flat
                self.scope.ledger.flush(self.conn)

    # --- decisions ----------------------------------------------------------------------

    def _filters(self, act: Activity) -> None:
        if self.country2:
            countries = [c for c, _ in act.countries]
            if self.country2 not in countries:
                listed = ", ".join(ALPHA2_TO_ALPHA3.get(c, c) for c in countries) or "none"
                raise _Skip(f"not for {self.preview.country} (recipient countries: {listed}).")
        want = self.preview.sector
        if want:
            codes = {code for vocab, code, _ in act.sectors if vocab == SECTOR_VOCAB_DAC}
            cats = {c[:3] for c in codes} | {
                code for vocab, code, _ in act.sectors if vocab == SECTOR_VOCAB_DAC3
            }
            if want not in (codes if len(want) == 5 else cats):
                listed = ", ".join(sorted(codes | cats)) or "none"
                raise _Skip(f"not in sector {want} (sectors: {listed}).")

    def _values(self, act: Activity, notes: list[str]) -> dict[str, Any]:
        values: dict[str, Any] = {"identifier": act.identifier, "title": act.title}
        general = [t for k, t in act.descriptions if k == DESCRIPTION_GENERAL]
        others = [
            f"{DESCRIPTION_LABELS.get(k, 'Description')}: {t}"
            for k, t in act.descriptions
            if k != DESCRIPTION_GENERAL
        ]
        if general or others:
            values["description"] = "\n\n".join(general[:1] + others)
        if act.status:
            if self.refs.known("activity_status", act.status):
                values["status"] = act.status
            else:
                notes.append(f"activity status '{act.status}' is not an IATI status code")
        for kind, name in DATE_FIELDS.items():
            if kind in act.dates:
                values[name] = act.dates[kind]
        self._country(act, values, notes)
        self._sector(act, values, notes)
        if act.budgets:
            total = total_of(act.budgets)
            if isinstance(total, str):
                notes.append(f"budget not imported: {total}")
            elif not self.refs.known("currency", total[1]):
                notes.append(f"budget not imported: unknown currency '{total[1]}'")
            else:
                values["budget"] = float(total[0])
                values["currency"] = total[1]
        elif act.currency and self.refs.known("currency", act.currency):
            values["currency"] = act.currency
        for tag in act.tags:
            if tag.vocabulary == TAG_VOCAB_REPORTING_ORG and tag.uri == PILLAR_VOCAB_URI:
                if self.refs.known("pillar", tag.code):
                    values["pillar"] = tag.code
                else:
                    notes.append(f"pillar '{tag.code}' is not a Paris Pact pillar code")
        return values

    def _country(self, act: Activity, values: dict[str, Any], notes: list[str]) -> None:
        if not act.countries:
            return
        if self.country2:  # the officer filtered on a country: the project is for that one
            values["beneficiary_country"] = self.preview.country
        else:
            ranked = sorted(act.countries, key=lambda c: -(c[1] if c[1] is not None else 100))
            known = [ALPHA2_TO_ALPHA3[c] for c, _ in ranked if c in ALPHA2_TO_ALPHA3]
            if not known:
                notes.append(
                    "recipient country code(s) not known: " + ", ".join(c for c, _ in act.countries)
                )
                return
            values["beneficiary_country"] = known[0]
        if len(act.countries) > 1:
            notes.append(
                "several recipient countries ("
                + ", ".join(ALPHA2_TO_ALPHA3.get(c, c) for c, _ in act.countries)
                + f"); the project is for {values['beneficiary_country']}"
            )

    def _sector(self, act: Activity, values: dict[str, Any], notes: list[str]) -> None:
        dac = [(code, pct) for vocab, code, pct in act.sectors if vocab == SECTOR_VOCAB_DAC]
        if not dac:
            return
        want = self.preview.sector
        ranked = sorted(dac, key=lambda s: (s[0] != want, -(s[1] if s[1] is not None else 100)))
        known = [code for code, _ in ranked if self.refs.known("dac_sector", code)]
        if known:
            values["dac_sector"] = known[0]
        else:
            values["dac_sector"] = ""  # never invent 16063 for a sector the list lacks
            notes.append(
                "DAC sector(s) " + ", ".join(c for c, _ in dac) + " not in the sector list"
            )

    def _resolve(self, org: OrgRef, new: dict[str, dict[str, Any]]) -> str | None:
        """The id of ``org`` in the vault, or of a new organisation (added to ``new``)."""
        if org.ref and org.ref.casefold() in self.by_ref:
            return self.by_ref[org.ref.casefold()]
        name = org.name or org.ref
        if not name:
            return None
        key = name.strip().casefold()
        if key in self.by_name:
            return self.by_name[key]
        for oid, values in new.items():
            if values["name"].casefold() == key:
                return oid
        kind = org.type if self.refs.known("org_kind", org.type) else "90"
        values = records.normalise(
            "organisation", {"name": name, "kind": kind, "iati_ref": org.ref}
        )
        full = {**_defaults("organisation"), **values}
        if any(i.is_error for i in validate("organisation", full, self.refs, self.today)):
            return None
        oid = records.new_id()
        new[oid] = values
        return oid

    def _exists(self, entity: str, rid: str) -> bool:
        if rid in self.pending or (entity == "organisation" and rid in self.org_names):
            return True  # every live organisation is indexed already: no query needed
        row = self.conn.execute(
            text(f"SELECT 1 FROM {entity} WHERE id = :i AND deleted_at IS NULL"), {"i": rid}
        ).first()
        return row is not None

    def one(self, act: Activity) -> PreviewItem:
        """The decision for one activity (applied unless a dry run)."""
        if not act.identifier:
            raise _Skip("it has no iati-identifier.")
        if act.identifier in self.seen:
            raise _Skip(
                f"the identifier appears again in the file (first at line "
                f"{self.seen[act.identifier]}); only the first was used."
            )
        self.seen[act.identifier] = act.line
        self._filters(act)
        if not act.title:
            raise _Skip("it has no title.")
        notes = list(act.notes)
        values = self._values(act, notes)
        new_orgs: dict[str, dict[str, Any]] = {}
        impl = next((o for o in act.orgs if o.role == ROLE_IMPLEMENTING), None)
        if impl is not None:
            oid = self._resolve(impl, new_orgs)
            if oid:
                values["implementing_org_id"] = oid
            else:
                notes.append("the implementing organisation has no usable name")
        donors: list[str] = []
        for org in (o for o in act.orgs if o.role == ROLE_FUNDING):
            oid = self._resolve(org, new_orgs)
            if oid and oid not in donors:
                donors.append(oid)
        rec_ids = []
        for tag in act.tags:
            if tag.vocabulary == TAG_VOCAB_REPORTING_ORG and tag.uri == RECOMMENDATION_VOCAB_URI:
                if tag.code in self.recs:
                    rec_ids.append(self.recs[tag.code])
                else:
                    notes.append(f"recommendation {tag.code} is not in this vault; not linked")
        current = None
        if act.identifier in self.identifiers:  # most of a donor file is usually new
            current = (
                self.conn.execute(
                    text("SELECT * FROM project WHERE identifier = :i"), {"i": act.identifier}
                )
                .mappings()
                .first()
            )
        if current is not None and current["deleted_at"] is not None:
            raise _Skip("a project with this identifier was deleted in this vault.")
        values = records.normalise("project", values)
        self.pending.update(new_orgs)  # validation below may refer to them
        try:
            if current is None:
                return self._new(act, values, new_orgs, donors, rec_ids, notes)
            return self._update(act, dict(current), values, new_orgs, donors, rec_ids, notes)
        except _Skip:
            self.pending.difference_update(new_orgs)
            raise

    def _validate(self, values: dict[str, Any], notes: list[str]) -> None:
        issues = validate("project", values, self.refs, self.today, self._exists)
        errors = [i for i in issues if i.is_error]
        if errors:
            raise _Skip("not valid: " + "; ".join(f"{i.field} {i.message}" for i in errors[:3]))
        notes.extend(f"{i.field}: {i.message}" for i in issues)

    def _new(
        self,
        act: Activity,
        values: dict[str, Any],
        new_orgs: dict[str, dict[str, Any]],
        donors: list[str],
        rec_ids: list[str],
        notes: list[str],
    ) -> PreviewItem:
        full = {**_defaults("project"), "dac_sector": "", **values}
        self._validate(full, notes)
        changed = tuple(k for k in MAPPED if full.get(k) not in (None, ""))
        self._keep_orgs(new_orgs)
        changed += self._children(donors, rec_ids)
        pid = ""
        if self.scope is not None:
            pid = self._write_new(full, new_orgs, donors, rec_ids)
        return PreviewItem(act.identifier, act.title, Action.NEW, "", changed, tuple(notes), pid)

    def _update(
        self,
        act: Activity,
        current: dict[str, Any],
        values: dict[str, Any],
        new_orgs: dict[str, dict[str, Any]],
        donors: list[str],
        rec_ids: list[str],
        notes: list[str],
    ) -> PreviewItem:
        pid = str(current["id"])
        changes = {k: v for k, v in values.items() if current.get(k) != v}
        have = self._ids("SELECT organisation_id FROM project_donor", pid)
        add_donors = [d for d in donors if d not in have]
        linked = self._ids("SELECT recommendation_id FROM recommendation_project", pid)
        add_links = [r for r in dict.fromkeys(rec_ids) if r not in linked]
        if not changes and not add_donors and not add_links:
            self.pending.difference_update(new_orgs)
            return PreviewItem(
                act.identifier,
                act.title,
                Action.SKIP,
                "already up to date.",
                (),
                tuple(notes),
                pid,
            )
        names = [f.name for f in FIELDS["project"]]
        self._validate({**{k: current[k] for k in names}, **values}, notes)
        used = set(add_donors) | {values.get("implementing_org_id")}
        new_orgs = {k: v for k, v in new_orgs.items() if k in used}
        self._keep_orgs(new_orgs)
        if self.scope is not None:
            self._write_orgs(new_orgs)
            if changes:
                records.update_one(self.ctx, self.scope, "project", pid, changes)
            self._write_children(
                pid, str(values.get("currency") or current["currency"]), add_donors, add_links
            )
        changed = tuple(changes) + self._children(add_donors, add_links)
        return PreviewItem(act.identifier, act.title, Action.UPDATE, "", changed, tuple(notes), pid)

    def _children(self, donors: list[str], rec_ids: list[str]) -> tuple[str, ...]:
        """Preview entries for donors and recommendation links added ("donor: name")."""
        codes = {rid: code for code, rid in self.recs.items()}
        return tuple(f"donor: {self.org_names.get(d, d)}" for d in donors) + tuple(
            f"recommendation: {codes.get(r, r)}" for r in dict.fromkeys(rec_ids)
        )

    def _ids(self, select: str, pid: str) -> set[str]:
        rows = self.conn.execute(
            text(f"{select} WHERE project_id = :p AND deleted_at IS NULL"), {"p": pid}
        )
        return {str(r[0]) for r in rows}

    def _keep_orgs(self, new_orgs: dict[str, dict[str, Any]]) -> None:
        """Remember the organisations this activity creates, for the next activities."""
        for oid, values in new_orgs.items():
            self.pending.add(oid)
            if values.get("iati_ref"):
                self.by_ref.setdefault(str(values["iati_ref"]).casefold(), oid)
            self.by_name.setdefault(str(values["name"]).casefold(), oid)
            self.org_names[oid] = str(values["name"])
            self.preview.new_organisations.append(str(values["name"]))

    # --- writes (through the service layer, inside the one transaction) -----------------

    def _write_orgs(self, new_orgs: dict[str, dict[str, Any]]) -> None:
        assert self.scope is not None
        for oid, values in new_orgs.items():
            records.insert_one(self.ctx, self.scope, "organisation", values, rid=oid)

    def _write_new(
        self,
        full: dict[str, Any],
        new_orgs: dict[str, dict[str, Any]],
        donors: list[str],
        rec_ids: list[str],
    ) -> str:
        assert self.scope is not None
        self._write_orgs(new_orgs)
        pid, _ = records.insert_one(self.ctx, self.scope, "project", full)
        self._write_children(pid, str(full.get("currency") or "USD"), donors, rec_ids)
        return pid

    def _write_children(
        self, pid: str, currency: str, donors: list[str], rec_ids: list[str]
    ) -> None:
        assert self.scope is not None
        for oid in donors:
            records.insert_one(
                self.ctx, self.scope, "project_donor",
                {"project_id": pid, "organisation_id": oid, "currency": currency},
            )  # fmt: skip
        for rid in dict.fromkeys(rec_ids):
            records.insert_one(
                self.ctx, self.scope, "recommendation_project",
                {"recommendation_id": rid, "project_id": pid},
            )  # fmt: skip


def _defaults(entity: str) -> dict[str, Any]:
    return {f.name: f.default for f in FIELDS[entity]}
