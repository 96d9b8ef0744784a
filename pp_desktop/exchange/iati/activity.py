"""One IATI activity as plain data: what the reader produces and the writer consumes.

Only the parts the mapping uses are kept; everything else of an activity (transactions,
results, locations...) is skipped by the reader and never written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# IATI code lists used by the mapping (DOMAIN.md).
ROLE_FUNDING, ROLE_ACCOUNTABLE, ROLE_EXTENDING, ROLE_IMPLEMENTING = "1", "2", "3", "4"
DATE_FIELDS = {  # ActivityDateType -> project field
    "1": "planned_start",
    "2": "actual_start",
    "3": "planned_end",
    "4": "actual_end",
}
DESCRIPTION_GENERAL = "1"
DESCRIPTION_LABELS = {"2": "Objectives", "3": "Target groups", "4": "Other"}
SECTOR_VOCAB_DAC = "1"
TAG_VOCAB_REPORTING_ORG = "99"
# The reporting organisation's own tag vocabularies (IATI tag vocabulary 99 needs a URI that
# names the vocabulary; a URN says so without pretending to be a web page).
PILLAR_VOCAB_URI = "urn:paris-pact:iati:vocabulary:pillar"
RECOMMENDATION_VOCAB_URI = "urn:paris-pact:iati:vocabulary:recommendation"


@dataclass(frozen=True)
class OrgRef:
    """A participating organisation: role, IATI identifier, type and name."""

    role: str
    ref: str = ""
    type: str = ""
    name: str = ""


@dataclass(frozen=True)
class Budget:
    """One budget period (at most a year in IATI)."""

    start: str
    end: str
    value: Decimal
    currency: str = ""
    type: str = "1"  # BudgetType: 1 original, 2 revised
    status: str = "1"  # BudgetStatus: 1 indicative, 2 committed


@dataclass(frozen=True)
class Tag:
    """A tag: vocabulary, its URI (vocabulary 99) and code, with an optional label."""

    vocabulary: str
    code: str
    uri: str = ""
    name: str = ""
    lang: str = ""  # language of ``name`` ("" : the activity's)


@dataclass
class Activity:
    """The mapped parts of one ``iati-activity``."""

    identifier: str
    reporting_ref: str = ""
    reporting_name: str = ""
    reporting_type: str = ""
    secondary_reporter: bool = False
    title: str = ""
    descriptions: list[tuple[str, str]] = field(default_factory=list)  # (type, text)
    orgs: list[OrgRef] = field(default_factory=list)
    status: str = ""
    dates: dict[str, str] = field(default_factory=dict)  # ActivityDateType -> YYYY-MM-DD
    countries: list[tuple[str, float | None]] = field(default_factory=list)  # alpha-2, %
    sectors: list[tuple[str, str, float | None]] = field(default_factory=list)  # vocab, code, %
    tags: list[Tag] = field(default_factory=list)
    budgets: list[Budget] = field(default_factory=list)
    currency: str = ""  # default-currency
    lang: str = ""  # the language of the narratives written (export) or chosen (import)
    last_updated: str = ""
    line: int = 0  # line in the source file (import messages)
    notes: list[str] = field(default_factory=list)  # parts of the activity the reader dropped
