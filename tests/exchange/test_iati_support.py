"""Helpers of the IATI tests: a vault with assistance projects built through the services,
the official 2.03 schema, and row reads that bypass the services (to check what was written).

No test lives here; the other test_iati modules import these helpers.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from lxml import etree
from sqlalchemy import text

from pp_desktop.services import Services
from pp_desktop.services import records as rec

HERE = Path(__file__).resolve().parent
FILES = HERE / "iati_files"
SCHEMA_PATH = HERE.parents[2] / "shared" / "iati-2.03" / "iati-activities-schema.xsd"
_SCHEMA: list[etree.XMLSchema] = []

PROJECT_FIELDS = (
    "identifier", "title", "description", "status", "planned_start", "actual_start",
    "planned_end", "actual_end", "beneficiary_country", "dac_sector", "budget", "currency",
    "pillar",
)  # fmt: skip


def schema() -> etree.XMLSchema:
    """The official IATI 2.03 activity schema (../shared/iati-2.03 beside the repository)."""
    if not _SCHEMA:
        _SCHEMA.append(etree.XMLSchema(etree.parse(str(SCHEMA_PATH))))
    return _SCHEMA[0]


def assert_valid(path: Path) -> etree._ElementTree:
    """Parse ``path`` and fail with the schema's own messages unless it validates."""
    doc = etree.parse(str(path))
    xsd = schema()
    assert xsd.validate(doc), str(xsd.error_log)
    return doc


def copy_vault(template: tuple[Path, str], target: Path) -> Path:
    """Another fresh vault folder (a second officer's laptop)."""
    shutil.copytree(template[0], target)
    return target


def org(ctx: Services, name: str, kind: str = "10", iati_ref: str = "") -> str:
    """Create an organisation; its id."""
    return rec.create(ctx, "organisation", {"name": name, "kind": kind, "iati_ref": iati_ref}).ids[
        0
    ]


def recommendation(ctx: Services, code: str) -> str:
    """Create a recommendation; its id."""
    values = {"code": code, "text": f"Recommendation {code}", "pillar": "BORDER"}
    return rec.create(ctx, "recommendation", values).ids[0]


def project(ctx: Services, **over: Any) -> str:
    """Create a fully filled project; its id."""
    values: dict[str, Any] = {
        "identifier": "XM-DAC-41128-PPI-2025-001",
        "title": "Mobile interdiction teams, Tajik-Afghan border",
        "description": "Training and equipment for five teams.\nLine two: «quotes» & <tags>.",
        "beneficiary_country": "TJK",
        "pillar": "BORDER",
        "dac_sector": "15210",
        "status": "2",
        "planned_start": "2025-01-01",
        "actual_start": "2025-02-15",
        "planned_end": "2027-06-30",
        "budget": 1234567.89,
        "currency": "EUR",
    }
    values.update(over)
    return rec.create(ctx, "project", values).ids[0]


def donor(ctx: Services, project_id: str, org_id: str, amount: float | None = None) -> None:
    """Add a donor share."""
    values = {"project_id": project_id, "organisation_id": org_id, "amount": amount}
    rec.create(ctx, "project_donor", values)


def link(ctx: Services, rec_id: str, project_id: str) -> None:
    """Link a recommendation to a project."""
    rec.create(
        ctx, "recommendation_project", {"recommendation_id": rec_id, "project_id": project_id}
    )


def rows(ctx: Services, sql: str, **params: Any) -> list[dict[str, Any]]:
    """Rows of a raw query on the vault."""
    with ctx.vault.read() as conn:
        return [dict(r) for r in conn.execute(text(sql), params).mappings()]


def scalar(ctx: Services, sql: str, **params: Any) -> Any:
    """One value of a raw query on the vault."""
    with ctx.vault.read() as conn:
        return conn.execute(text(sql), params).scalar()


def ledger_size(ctx: Services) -> tuple[int, int]:
    """(audit entries, journal entries): any write adds to both."""
    return (
        int(scalar(ctx, "SELECT count(*) FROM audit_entry")),
        int(scalar(ctx, "SELECT count(*) FROM sync_journal")),
    )


def project_view(ctx: Services, identifier: str) -> dict[str, Any]:
    """A project's mapped fields, with organisations named (ids differ between vaults)."""
    [p] = rows(ctx, "SELECT * FROM project WHERE identifier = :i AND deleted_at IS NULL",
               i=identifier)  # fmt: skip
    view = {k: p[k] for k in PROJECT_FIELDS}
    impl = p["implementing_org_id"]
    view["implementing"] = (
        tuple(
            rows(ctx, "SELECT name, kind, iati_ref FROM organisation WHERE id = :i", i=impl)[
                0
            ].values()
        )
        if impl
        else None
    )
    view["donors"] = sorted(
        tuple(r.values())
        for r in rows(
            ctx,
            "SELECT o.name, o.kind, o.iati_ref FROM project_donor d JOIN organisation o "
            "ON o.id = d.organisation_id WHERE d.project_id = :p AND d.deleted_at IS NULL",
            p=p["id"],
        )
    )
    view["recommendations"] = sorted(
        r["code"]
        for r in rows(
            ctx,
            "SELECT r.code FROM recommendation_project l JOIN recommendation r "
            "ON r.id = l.recommendation_id WHERE l.project_id = :p AND l.deleted_at IS NULL",
            p=p["id"],
        )
    )
    return view


def generate_file(path: Path, n: int, reporter: str = "XM-DAC-41128") -> None:
    """Write an IATI 2.03 file of ``n`` varied activities (large-file tests), streamed."""
    countries = ("AF", "TJ", "KG", "UZ", "PK", "IR", "KZ", "TM")
    sectors = ("16063", "15210", "31165", "15132", "12220")
    donors = (
        ("XI-IATI-EC_INTPA", "15", "European Union"),
        ("GB-GOV-1", "10", "UK - Foreign, Commonwealth and Development Office"),
        ("", "10", "Ministry of Foreign Affairs of Japan"),
    )
    with path.open("w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n')
        for i in range(n):
            ref, kind, name = donors[i % len(donors)]
            year = 2015 + i % 10
            ref_attr = f' ref="{ref}"' if ref else ""
            fh.write(
                f'<iati-activity default-currency="USD" xml:lang="en">'
                f"<iati-identifier>{reporter}-GEN-{i:06d}</iati-identifier>"
                f'<reporting-org ref="{reporter}" type="40"><narrative>Publisher</narrative>'
                f"</reporting-org>"
                f"<title><narrative>Generated activity {i} against drug trafficking</narrative>"
                f'<narrative xml:lang="ru">Проект {i}</narrative></title>'
                f"<description><narrative>{'Counter-narcotics assistance. ' * 8}</narrative>"
                f"</description>"
                f'<participating-org role="1"{ref_attr} type="{kind}"><narrative>{name}'
                f"</narrative></participating-org>"
                f'<participating-org role="4" ref="XM-DAC-41128" type="40"><narrative>UNODC'
                f"</narrative></participating-org>"
                f'<activity-status code="{1 + i % 4}"/>'
                f'<activity-date type="1" iso-date="{year}-01-01"/>'
                f'<activity-date type="3" iso-date="{year + 2}-12-31"/>'
                f'<recipient-country code="{countries[i % len(countries)]}"/>'
                f'<sector vocabulary="1" code="{sectors[i % len(sectors)]}"/>'
                f'<budget type="1" status="1"><period-start iso-date="{year}-01-01"/>'
                f'<period-end iso-date="{year}-12-31"/><value value-date="{year}-01-01">'
                f"{1000 + i}.50</value></budget>"
                f'<transaction><transaction-type code="3"/>'
                f'<transaction-date iso-date="{year}-06-01"/><value value-date="{year}-06-01">'
                f"500</value></transaction>"
                "</iati-activity>\n"
            )
        fh.write("</iati-activities>\n")
