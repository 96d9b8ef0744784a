"""Export assistance projects as an IATI 2.03 activity file (one activity per project).

Confidentiality (DESIGN §4): restricted projects are exported only when named; confidential
ones only when named and confirmed. A project IATI cannot represent (no description, no date)
is left out with the reason, and the others are still exported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from pp_desktop.exchange.iati.activity import (
    DATE_FIELDS,
    DESCRIPTION_GENERAL,
    PILLAR_VOCAB_URI,
    RECOMMENDATION_VOCAB_URI,
    ROLE_ACCOUNTABLE,
    ROLE_FUNDING,
    ROLE_IMPLEMENTING,
    SECTOR_VOCAB_DAC,
    TAG_VOCAB_REPORTING_ORG,
    Activity,
    OrgRef,
    Tag,
)
from pp_desktop.exchange.iati.budgets import split_total
from pp_desktop.exchange.iati.countries import ALPHA3_TO_ALPHA2
from pp_desktop.exchange.iati.errors import ExportRefused
from pp_desktop.exchange.iati.settings import ReportingOrg, reporting_org
from pp_desktop.exchange.iati.writer import write_activities
from pp_desktop.services.context import Services
from pp_desktop.store.vault import utc_now


@dataclass
class ExportResult:
    """What an export wrote and what it left out (with the reason, for the officer)."""

    path: Path
    exported: list[str] = field(default_factory=list)  # IATI identifiers
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (identifier, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (identifier, message)


@dataclass
class _Related:
    """Everything of the vault a project's activity needs besides the project row."""

    orgs: dict[str, dict[str, Any]]
    donors: dict[str, list[str]]  # project id -> organisation ids (in creation order)
    recommendations: dict[str, list[str]]  # project id -> recommendation codes
    pillar_labels: dict[str, tuple[str, str]]  # code -> (English, Russian)


def _load_related(conn: Connection) -> _Related:
    orgs = {
        str(r["id"]): dict(r)
        for r in conn.execute(
            text("SELECT id, name, kind, iati_ref FROM organisation WHERE deleted_at IS NULL")
        ).mappings()
    }
    donors: dict[str, list[str]] = {}
    for pid, oid in conn.execute(
        text(
            "SELECT project_id, organisation_id FROM project_donor "
            "WHERE deleted_at IS NULL ORDER BY created_at, id"
        )
    ):
        donors.setdefault(str(pid), []).append(str(oid))
    recs: dict[str, list[str]] = {}
    for pid, code in conn.execute(
        text(
            "SELECT rp.project_id, r.code FROM recommendation_project rp "
            "JOIN recommendation r ON r.id = rp.recommendation_id "
            "WHERE rp.deleted_at IS NULL AND r.deleted_at IS NULL ORDER BY r.code"
        )
    ):
        recs.setdefault(str(pid), []).append(str(code))
    labels = {
        str(code): (str(en), str(ru or ""))
        for code, en, ru in conn.execute(
            text("SELECT code, label_en, label_ru FROM reference_code WHERE kind = 'pillar'")
        )
    }
    return _Related(orgs, donors, {k: sorted(set(v)) for k, v in recs.items()}, labels)


def _org_ref(org: dict[str, Any], role: str) -> OrgRef:
    return OrgRef(role, str(org["iati_ref"] or ""), str(org["kind"] or ""), str(org["name"]))


def project_activity(
    p: dict[str, Any], rel: _Related, me: ReportingOrg
) -> tuple[Activity | None, str, list[str]]:
    """The activity of project row ``p``: (activity, "", warnings) or (None, reason, [])."""
    ident = str(p["identifier"])
    description = str(p["description"] or "").strip()
    if not description:
        return None, "IATI requires a description; add one to the project.", []
    dates = {kind: str(p[name]) for kind, name in DATE_FIELDS.items() if p[name]}
    if not dates:
        return None, "IATI requires at least one date (planned or actual start or end).", []
    warnings: list[str] = []
    act = Activity(
        identifier=ident,
        reporting_ref=me.ref,
        reporting_name=me.name,
        reporting_type=me.type,
        # someone else's activity (imported from a donor) is re-published as a secondary reporter
        secondary_reporter=not ident.startswith(me.ref),
        title=str(p["title"]),
        descriptions=[(DESCRIPTION_GENERAL, description)],
        status=str(p["status"] or "2"),
        dates=dates,
        currency=str(p["currency"] or "USD"),
        lang=me.lang,
        last_updated=str(p["updated_at"] or ""),
    )
    for oid in rel.donors.get(str(p["id"]), []):
        if oid in rel.orgs:
            act.orgs.append(_org_ref(rel.orgs[oid], ROLE_FUNDING))
    impl = p["implementing_org_id"]
    if impl and impl in rel.orgs:
        act.orgs.append(_org_ref(rel.orgs[impl], ROLE_IMPLEMENTING))
    if not act.orgs:  # IATI needs one participating organisation: the publisher is accountable
        act.orgs.append(OrgRef(ROLE_ACCOUNTABLE, me.ref, me.type, me.name))
    country = str(p["beneficiary_country"] or "")
    if country:
        alpha2 = ALPHA3_TO_ALPHA2.get(country)
        if alpha2:
            act.countries.append((alpha2, None))
        else:
            warnings.append(f"country {country} has no ISO two-letter code; not exported.")
    if p["dac_sector"]:
        act.sectors.append((SECTOR_VOCAB_DAC, str(p["dac_sector"]), None))
    if p["pillar"]:
        pillar = str(p["pillar"])
        en, ru = rel.pillar_labels.get(pillar, ("", ""))
        # the label in the officer's language when the code list has it, else in English
        label, lang = (ru, "ru") if me.lang == "ru" and ru else (en, "en")
        act.tags.append(Tag(TAG_VOCAB_REPORTING_ORG, pillar, PILLAR_VOCAB_URI, label, lang))
    for code in rel.recommendations.get(str(p["id"]), []):
        act.tags.append(Tag(TAG_VOCAB_REPORTING_ORG, code, RECOMMENDATION_VOCAB_URI))
    if p["budget"] is not None:
        start = p["actual_start"] or p["planned_start"]
        end = p["actual_end"] or p["planned_end"]
        if start and end and start <= end:
            act.budgets = split_total(
                Decimal(repr(float(p["budget"]))),
                date.fromisoformat(str(start)),
                date.fromisoformat(str(end)),
                act.currency,
            )
        else:
            warnings.append("budget not exported: IATI budgets need the start and end dates.")
    return act, "", warnings


def _select(
    rows: list[dict[str, Any]], wanted: Sequence[str] | None, confirm_confidential: bool
) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """The projects to export and the ones left out for confidentiality or not found."""
    skipped: list[tuple[str, str]] = []
    if not wanted:
        chosen = []
        for p in rows:
            level = str(p["confidentiality"] or "NORMAL")
            if level == "NORMAL":
                chosen.append(p)
            else:
                skipped.append(
                    (str(p["identifier"]), f"{level.lower()}: exported only when named.")
                )
        return chosen, skipped
    by_key: dict[str, dict[str, Any]] = {}
    for p in rows:
        by_key[str(p["id"])] = p
        by_key[str(p["identifier"])] = p
    chosen = []
    missing = [w for w in wanted if w not in by_key]
    if missing:
        raise ExportRefused(
            "No project with the id or IATI identifier " + ", ".join(missing) + "; nothing "
            "was exported."
        )
    for w in dict.fromkeys(wanted):
        p = by_key[w]
        if p in chosen:
            continue
        if str(p["confidentiality"]) == "CONFIDENTIAL" and not confirm_confidential:
            skipped.append(
                (str(p["identifier"]), "confidential: export it only with explicit confirmation.")
            )
        else:
            chosen.append(p)
    return chosen, skipped


def export_projects(
    ctx: Services,
    out: Path,
    projects: Sequence[str] | None = None,
    confirm_confidential: bool = False,
) -> ExportResult:
    """Write the projects named by id or IATI identifier (all exportable ones when none) to
    ``out`` as an IATI 2.03 activity file; raises :class:`ExportRefused` when none can be."""
    out = Path(out)
    if not out.parent.is_dir():
        raise ExportRefused(f"The folder {out.parent} does not exist; nothing was exported.")
    me = reporting_org(ctx.vault)
    result = ExportResult(out)
    activities: list[Activity] = []
    with ctx.reading() as conn:
        rows = [
            dict(r)
            for r in conn.execute(
                text("SELECT * FROM project WHERE deleted_at IS NULL ORDER BY identifier")
            ).mappings()
        ]
        chosen, result.skipped = _select(rows, projects, confirm_confidential)
        rel = _load_related(conn)
    for p in chosen:
        act, reason, warnings = project_activity(p, rel, me)
        if act is None:
            result.skipped.append((str(p["identifier"]), reason))
            continue
        activities.append(act)
        result.exported.append(act.identifier)
        result.warnings.extend((act.identifier, w) for w in warnings)
    if not activities:
        why = "; ".join(f"{i}: {r}" for i, r in result.skipped[:5]) or "the vault has no project"
        raise ExportRefused(f"No project could be exported ({why}). Nothing was written.")
    write_activities(out, activities, utc_now())
    return result
