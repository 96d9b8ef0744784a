"""What each list shows: its columns, filters, search hint, default sort (no Qt here).

One generic table model and one list page serve every entity; everything that differs between
the Seizures list and the Contacts list is data in this module.

Sortable columns of the big tables (seizures, prices) are only those with an index that serves
the sort (DESIGN §7): sorting a million rows by an unindexed column costs a full sort per page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pp_desktop.services.fields import field_map
from pp_desktop.ui import formatting as fmt

if TYPE_CHECKING:
    from pp_desktop.ui.session import Session

Row = dict[str, Any]
Renderer = Callable[[Row, "Session"], str]

AUDIT = "audit"  # the audit log is listed like an entity, but is not one of the services'


@dataclass(frozen=True)
class Column:
    """One column of a list: a stored field (``key``, the sort key) and how it reads."""

    key: str
    title: str
    render: Renderer
    width: int = 14  # in average characters
    numeric: bool = False
    sortable: bool = False
    tooltip: Renderer | None = None


@dataclass(frozen=True)
class FilterSpec:
    """One filter of a list's filter bar.

    ``kind``: ``ref`` (a combo of reference list ``ref``), ``choice`` (fixed ``choices``),
    ``dates`` (from/to on the entity's main date).
    """

    name: str
    title: str
    kind: str = "ref"
    ref: str = ""
    choices: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ListSpec:
    """A list page: which records, which columns, how they can be narrowed down."""

    key: str
    entity: str
    title: str
    singular: str
    plural: str
    columns: tuple[Column, ...]
    filters: tuple[FilterSpec, ...] = ()
    search_hint: str | None = None
    sort: str = ""
    descending: bool = True
    highlight: Callable[[Row, Session], str | None] | None = None  # -> "warning" or None
    title_of: Callable[[Row, Session], str] = field(default=lambda row, s: "")

    def column(self, key: str) -> Column:
        """The column of field ``key``."""
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    def count_text(self, n: int) -> str:
        """``5,000 seizures`` / ``1 seizure``."""
        return f"{n:,} {self.singular if n == 1 else self.plural}"


def field_column(
    entity: str,
    name: str,
    width: int = 14,
    *,
    sortable: bool = False,
    title: str = "",
) -> Column:
    """A column showing one field with the standard formatting of its kind."""
    f = field_map(entity)[name]

    def render(row: Row, session: Session) -> str:
        value = fmt.field_value(f, row.get(name), session.labels)
        return fmt.one_line(value) if f.kind == "text" else value

    tooltip: Renderer | None = None
    if f.kind == "ref":

        def tooltip(row: Row, session: Session) -> str:
            return session.labels.display(f.ref, str(row.get(name) or ""))

    elif f.kind == "refs":

        def tooltip(row: Row, session: Session) -> str:
            return fmt.codes(session.labels, f.ref, row.get(name), with_labels=True)

    elif f.kind == "text":

        def tooltip(row: Row, session: Session) -> str:
            return str(row.get(name) or "")

    return Column(
        name,
        title or f.title,
        render,
        width,
        numeric=f.kind in ("int", "float"),
        sortable=sortable,
        tooltip=tooltip,
    )


def name_column(entity: str, name: str, target: str, width: int, title: str) -> Column:
    """A column showing the name of the organisation/contact a foreign key points to.

    Not sortable: the stored value is an id, and sorting by it would look random.
    """

    def render(row: Row, session: Session) -> str:
        return session.record_name(target, row.get(name))

    return Column(name, title, render, width)


def _overdue(row: Row, session: Session) -> str | None:
    due = row.get("follow_up_due")
    open_ = row.get("status") in ("OPEN", "IN_PROGRESS")
    if open_ and due and str(due) < session.ctx.today().isoformat():
        return "warning"
    return None


def _seizure_title(row: Row, session: Session) -> str:
    drug = session.labels.label("drug", str(row.get("drug") or ""))
    where = row.get("place") or session.labels.label("country", str(row.get("country") or ""))
    return f"Seizure of {drug}, {where}, {row.get('seized_on', '')}"


def _price_title(row: Row, session: Session) -> str:
    drug = session.labels.label("drug", str(row.get("drug") or ""))
    return f"Price of {drug}, {row.get('place') or row.get('country')}, {row.get('observed_on')}"


SEIZURES = ListSpec(
    key="seizures",
    entity="seizure",
    title="Seizures",
    singular="seizure",
    plural="seizures",
    columns=(
        field_column("seizure", "seized_on", 10, sortable=True, title="Date"),
        field_column("seizure", "country", 18),
        field_column("seizure", "province", 20),
        field_column("seizure", "place", 16),
        field_column("seizure", "drug", 28),
        Column(
            "quantity",
            "Quantity",
            lambda row, s: fmt.quantity(s.labels, row),
            11,
            numeric=True,
        ),
        Column(
            "kg_equivalent",
            "Kg equiv.",
            lambda row, s: fmt.kg_number(row.get("kg_equivalent")),
            9,
            numeric=True,
            sortable=True,
            tooltip=lambda row, s: fmt.kilograms(row.get("kg_equivalent")),
        ),
        field_column("seizure", "transport_mode", 22, title="Transport"),
    ),
    filters=(
        FilterSpec("country", "Country", ref="country"),
        FilterSpec("drug", "Drug", ref="drug"),
        FilterSpec("dates", "Date", kind="dates"),
    ),
    search_hint="Search place, notes, source…",
    title_of=_seizure_title,
)

PRICES = ListSpec(
    key="prices",
    entity="price",
    title="Prices",
    singular="price observation",
    plural="price observations",
    columns=(
        field_column("price", "observed_on", 11, sortable=True, title="Date"),
        field_column("price", "country", 18),
        field_column("price", "place", 16),
        field_column("price", "drug", 22),
        field_column("price", "sale_level", 16, title="Level"),
        field_column("price", "price_typical", 10, title="Typical"),
        field_column("price", "price_min", 10, title="Minimum"),
        field_column("price", "price_max", 10, title="Maximum"),
        Column("currency", "Currency", lambda row, s: str(row.get("currency") or ""), 8),
        Column("per_unit", "Per", lambda row, s: fmt.price_per(s.labels, row), 9),
        field_column("price", "purity_typical", 8, title="Purity %"),
        field_column("price", "source", 18),
    ),
    filters=(
        FilterSpec("country", "Country", ref="country"),
        FilterSpec("drug", "Drug", ref="drug"),
        FilterSpec("sale_level", "Level", ref="sale_level"),
        FilterSpec("dates", "Date", kind="dates"),
    ),
    search_hint="Search place, notes, source…",
    title_of=_price_title,
)

PROJECTS = ListSpec(
    key="projects",
    entity="project",
    title="Projects",
    singular="project",
    plural="projects",
    columns=(
        field_column("project", "identifier", 18, sortable=True),
        field_column("project", "title", 40, sortable=True),
        field_column("project", "beneficiary_country", 18, sortable=True, title="Beneficiary"),
        field_column("project", "pillar", 22, sortable=True),
        field_column("project", "status", 18, sortable=True),
        field_column("project", "planned_start", 11, sortable=True),
        field_column("project", "planned_end", 11, sortable=True),
        field_column("project", "budget", 12, sortable=True),
        Column("currency", "Currency", lambda row, s: str(row.get("currency") or ""), 8),
        name_column("project", "implementing_org_id", "organisation", 26, "Implementing"),
    ),
    filters=(
        FilterSpec("beneficiary_country", "Beneficiary", ref="country"),
        FilterSpec("status", "Status", ref="activity_status"),
        FilterSpec("pillar", "Pillar", ref="pillar"),
    ),
    search_hint="Search identifier, title, description…",
    title_of=lambda row, s: f"Project {row.get('identifier', '')}",
)

RECOMMENDATIONS = ListSpec(
    key="recommendations",
    entity="recommendation",
    title="Recommendations",
    singular="recommendation",
    plural="recommendations",
    columns=(
        field_column("recommendation", "code", 12, sortable=True),
        field_column("recommendation", "text", 48, sortable=True),
        field_column("recommendation", "status", 18, sortable=True),
        field_column("recommendation", "priority", 12, sortable=True),
        field_column("recommendation", "follow_up_due", 12, sortable=True, title="Follow-up"),
        field_column("recommendation", "meeting_date", 12, sortable=True, title="Meeting"),
        field_column("recommendation", "working_group", 28, sortable=True),
        field_column("recommendation", "pillar", 22, sortable=True),
    ),
    filters=(
        FilterSpec("status", "Status", ref="recommendation_status"),
        FilterSpec("priority", "Priority", ref="priority"),
        FilterSpec("pillar", "Pillar", ref="pillar"),
    ),
    search_hint="Search code or text…",
    highlight=_overdue,
    title_of=lambda row, s: f"Recommendation {row.get('code', '')}",
)

ORGANISATIONS = ListSpec(
    key="organisations",
    entity="organisation",
    title="Organisations",
    singular="organisation",
    plural="organisations",
    columns=(
        field_column("organisation", "name", 44, sortable=True),
        field_column("organisation", "acronym", 12, sortable=True),
        field_column("organisation", "kind", 22, sortable=True),
        field_column("organisation", "country", 20, sortable=True),
        field_column("organisation", "iati_ref", 18, sortable=True, title="IATI identifier"),
    ),
    filters=(
        FilterSpec("kind", "Kind", ref="org_kind"),
        FilterSpec("country", "Country", ref="country"),
    ),
    search_hint="Search name or acronym…",
    sort="name",
    descending=False,
    title_of=lambda row, s: str(row.get("name", "")),
)

CONTACTS = ListSpec(
    key="contacts",
    entity="contact",
    title="Contacts",
    singular="contact",
    plural="contacts",
    columns=(
        field_column("contact", "name", 24, sortable=True),
        name_column("contact", "organisation_id", "organisation", 34, "Organisation"),
        field_column("contact", "role", 22, sortable=True),
        field_column("contact", "phone", 16, sortable=True),
        field_column("contact", "email", 26, sortable=True, title="E-mail"),
    ),
    search_hint="Search name, role, e-mail…",
    sort="name",
    descending=False,
    title_of=lambda row, s: str(row.get("name", "")),
)

_AUDITED = ("seizure", "price", "project", "recommendation", "organisation", "contact")
AUDIT_LOG = ListSpec(
    key="audit",
    entity=AUDIT,
    title="Audit log",
    singular="entry",
    plural="entries",
    columns=(
        Column(
            "seq", "#", lambda row, s: fmt.number(row.get("seq")), 7, numeric=True, sortable=True
        ),
        Column(
            "at", "When (UTC)", lambda row, s: str(row.get("at", ""))[:19].replace("T", " "), 17
        ),
        Column("who", "Who", lambda row, s: str(row.get("who", "")), 18),
        Column("action", "Action", lambda row, s: str(row.get("action", "")), 9),
        Column("entity", "Record", lambda row, s: str(row.get("entity", "")).replace("_", " "), 14),
        Column("entity_id", "Record id", lambda row, s: str(row.get("entity_id", "")), 30),
        Column(
            "changes",
            "Fields",
            lambda row, s: fmt.one_line(fmt.audit_changes_summary(str(row.get("changes", "")))),
            40,
        ),
    ),
    filters=(
        FilterSpec(
            "entity",
            "Record",
            kind="choice",
            choices=tuple((e, e.replace("_", " ").capitalize()) for e in _AUDITED),
        ),
        FilterSpec(
            "action",
            "Action",
            kind="choice",
            choices=(("create", "Create"), ("update", "Update"), ("delete", "Delete")),
        ),
    ),
    sort="seq",
    title_of=lambda row, s: f"Audit entry {row.get('seq', '')}",
)

LISTS: dict[str, ListSpec] = {
    spec.key: spec
    for spec in (
        SEIZURES,
        PRICES,
        PROJECTS,
        RECOMMENDATIONS,
        ORGANISATIONS,
        CONTACTS,
        AUDIT_LOG,
    )
}
