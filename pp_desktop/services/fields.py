"""What each entity's user-editable fields are: type, reference list, requiredness, default.

One table drives validation, coercion, the bulk path, exports and bundles, so a field added to a
model is added here once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Field:
    """One user-editable field.

    ``kind``: ``str``, ``text``, ``int``, ``float``, ``bool``, ``date``, ``email``,
    ``ref`` (a code of reference list ``ref``), ``refs`` (space-separated codes of ``ref``),
    ``fk`` (the id of a record of entity ``ref``).
    """

    name: str
    kind: str = "str"
    ref: str = ""
    required: bool = False
    default: Any = ""
    label: str = ""
    personal: bool = False  # personal data: redacted on request, exported only on purpose

    @property
    def title(self) -> str:
        """Display label (English)."""
        return self.label or self.name.replace("_", " ").capitalize()


def _f(name: str, kind: str = "str", ref: str = "", **kw: Any) -> Field:
    if "default" not in kw:
        kw["default"] = None if kind in {"int", "float", "date", "fk"} else ""
        if kind == "bool":
            kw["default"] = False
    return Field(name, kind, ref, **kw)


FIELDS: dict[str, tuple[Field, ...]] = {
    "seizure": (
        _f("seized_on", "date", required=True, label="Date of seizure"),
        _f("country", "ref", "country", required=True),
        _f("province", "ref", "province"),
        _f("place"),
        _f("latitude", "float"),
        _f("longitude", "float"),
        _f("site_type", "ref", "site_type", default="NOT_KNOWN"),
        _f("agency", "ref", "agency", label="Seizing agency"),
        _f("drug", "ref", "drug", required=True),
        _f("quantity_known", "bool", default=True),
        _f("quantity", "float"),
        _f("unit", "ref", "unit", default="KG"),
        _f("kg_equivalent", "float", label="Kilogram equivalent"),
        _f("purity_pct", "float", label="Purity %"),
        _f("transport_mode", "ref", "transport_mode", default="NOT_KNOWN"),
        _f("concealment", "ref", "concealment", default="NOT_KNOWN"),
        _f("origin_country", "ref", "country"),
        _f("departure_country", "ref", "country"),
        _f("transit_countries", "refs", "country"),
        _f("destination_country", "ref", "country"),
        _f("persons_arrested", "int"),
        _f("nationalities", "refs", "country", label="Nationalities of arrested persons"),
        _f("source_ref", label="Source / reference"),
        _f("confidentiality", "ref", "confidentiality", default="NORMAL"),
        _f("notes", "text"),
    ),
    "price": (
        _f("observed_on", "date", required=True, label="Date observed"),
        _f("period_end", "date"),
        _f("country", "ref", "country", required=True),
        _f("place"),
        _f("drug", "ref", "drug", required=True),
        _f("sale_level", "ref", "sale_level", default="RETAIL"),
        _f("price_typical", "float"),
        _f("price_min", "float"),
        _f("price_max", "float"),
        _f("currency", "ref", "currency", default="USD"),
        _f("per_quantity", "float", default=1.0),
        _f("per_unit", "ref", "unit", default="G"),
        _f("purity_typical", "float"),
        _f("purity_min", "float"),
        _f("purity_max", "float"),
        _f("source"),
        _f("confidentiality", "ref", "confidentiality", default="NORMAL"),
        _f("notes", "text"),
    ),
    "organisation": (
        _f("name", required=True),
        _f("acronym"),
        _f("kind", "ref", "org_kind", default="10"),
        _f("country", "ref", "country"),
        _f("iati_ref", label="IATI organisation identifier"),
    ),
    "contact": (
        _f("name", required=True, personal=True),
        _f("organisation_id", "fk", "organisation"),
        _f("role"),
        _f("phone", personal=True),
        _f("email", "email", personal=True),
        _f("notes", "text", personal=True),
    ),
    "project": (
        _f("identifier", required=True, label="IATI identifier"),
        _f("title", required=True),
        _f("description", "text"),
        _f("implementing_org_id", "fk", "organisation", label="Implementing organisation"),
        _f("beneficiary_country", "ref", "country"),
        _f("beneficiary_agencies"),
        _f("pillar", "ref", "pillar"),
        _f("dac_sector", "ref", "dac_sector", default="16063", label="DAC sector"),
        _f("status", "ref", "activity_status", default="2"),
        _f("planned_start", "date"),
        _f("actual_start", "date"),
        _f("planned_end", "date"),
        _f("actual_end", "date"),
        _f("budget", "float"),
        _f("currency", "ref", "currency", default="USD"),
        _f("contact_id", "fk", "contact"),
        _f("confidentiality", "ref", "confidentiality", default="NORMAL"),
    ),
    "project_donor": (
        _f("project_id", "fk", "project", required=True),
        _f("organisation_id", "fk", "organisation", required=True, label="Donor"),
        _f("amount", "float"),
        _f("currency", "ref", "currency", default="USD"),
    ),
    "recommendation": (
        _f("code", required=True),
        _f("text", "text", required=True),
        _f("working_group", "ref", "working_group"),
        _f("meeting_date", "date"),
        _f("pillar", "ref", "pillar"),
        _f("priority", "ref", "priority", default="MEDIUM"),
        _f("addressed_to"),
        _f("status", "ref", "recommendation_status", default="OPEN"),
        _f("follow_up_due", "date"),
    ),
    "progress_note": (
        _f("recommendation_id", "fk", "recommendation", required=True),
        _f("noted_on", "date", required=True),
        _f("note", "text", required=True),
    ),
    "recommendation_project": (
        _f("recommendation_id", "fk", "recommendation", required=True),
        _f("project_id", "fk", "project", required=True),
    ),
    "attachment": (
        _f("owner_entity", required=True),
        _f("owner_id", required=True),
        _f("file_name", required=True),
        _f("media_type", default="application/octet-stream"),
        _f("size", "int", default=0),
        _f("sha256"),
    ),
}

# Dates a record may not carry in the future (the officer's local today).
NOT_FUTURE = {"seized_on", "observed_on", "meeting_date", "noted_on", "actual_start", "actual_end"}


def field_names(entity: str) -> tuple[str, ...]:
    """The user-editable field names of ``entity``, in display order."""
    return tuple(f.name for f in FIELDS[entity])


def field_map(entity: str) -> dict[str, Field]:
    """Field name -> Field for ``entity``."""
    return {f.name: f for f in FIELDS[entity]}
