"""What each list shows: its columns, filters, search hint, default sort.

One generic table model and one list page serve every entity; everything that differs between
the Seizures list and the Contacts list is data in this module. Titles are English source texts
marked for Qt Linguist (context ``lists``; field titles: ``fields``) and translated where they
are shown (:func:`ui_title`).

Sortable columns of the big tables (seizures, prices) are only those with an index that serves
the sort (DESIGN §7): sorting a million rows by an unindexed column costs a full sort per page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from pp_desktop.services.fields import field_map
from pp_desktop.ui import formatting as fmt
from pp_desktop.ui import i18n
from pp_desktop.ui.tr_marks import QT_TRANSLATE_NOOP

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
    parent: str = ""  # name of the filter whose code narrows this one's options (province)


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

    def count_text(self, n: int, narrowed: bool = False) -> str:
        """``Seizures: 5,000`` (``Matching: 12`` when a search or filter narrows the list):
        a label with a number reads right in every language without plural forms."""
        number = i18n.number(n)
        if narrowed:
            return QCoreApplication.translate("lists", "Matching: {n}").format(n=number)
        return QCoreApplication.translate("lists", "{title}: {n}").format(
            title=ui_title(self.title), n=number
        )


def ui_title(text: str) -> str:
    """A title of this module (context ``lists``) or a field title (``fields``), translated."""
    translated = QCoreApplication.translate("lists", text)
    if translated == text:
        translated = QCoreApplication.translate("fields", text)
    return translated


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
    return QCoreApplication.translate("lists", "Seizure of {drug}, {where}, {date}").format(
        drug=drug, where=where, date=row.get("seized_on", "")
    )


def _price_title(row: Row, session: Session) -> str:
    drug = session.labels.label("drug", str(row.get("drug") or ""))
    return QCoreApplication.translate("lists", "Price of {drug}, {where}, {date}").format(
        drug=drug, where=row.get("place") or row.get("country"), date=row.get("observed_on")
    )


SEIZURES = ListSpec(
    key="seizures",
    entity="seizure",
    title=QT_TRANSLATE_NOOP("lists", "Seizures"),
    singular=QT_TRANSLATE_NOOP("lists", "Seizure"),
    plural="seizures",
    columns=(
        field_column(
            "seizure", "seized_on", 10, sortable=True, title=QT_TRANSLATE_NOOP("lists", "Date")
        ),
        field_column("seizure", "country", 18),
        field_column("seizure", "province", 20),
        field_column("seizure", "place", 16),
        field_column("seizure", "drug", 28),
        Column(
            "quantity",
            QT_TRANSLATE_NOOP("lists", "Quantity"),
            lambda row, s: fmt.quantity(s.labels, row),
            11,
            numeric=True,
        ),
        Column(
            "kg_equivalent",
            QT_TRANSLATE_NOOP("lists", "Kg equiv."),
            lambda row, s: fmt.kg_number(row.get("kg_equivalent")),
            9,
            numeric=True,
            sortable=True,
            tooltip=lambda row, s: fmt.kilograms(row.get("kg_equivalent")),
        ),
        field_column(
            "seizure", "transport_mode", 22, title=QT_TRANSLATE_NOOP("lists", "Transport")
        ),
    ),
    filters=(
        FilterSpec("country", QT_TRANSLATE_NOOP("lists", "Country"), ref="country"),
        FilterSpec(
            "province", QT_TRANSLATE_NOOP("lists", "Province"), ref="province", parent="country"
        ),
        FilterSpec("drug", QT_TRANSLATE_NOOP("lists", "Drug"), ref="drug"),
        FilterSpec("dates", QT_TRANSLATE_NOOP("lists", "Date"), kind="dates"),
    ),
    search_hint=QT_TRANSLATE_NOOP("lists", "Search place, notes, source…"),
    title_of=_seizure_title,
)

PRICES = ListSpec(
    key="prices",
    entity="price",
    title=QT_TRANSLATE_NOOP("lists", "Prices"),
    singular=QT_TRANSLATE_NOOP("lists", "Price observation"),
    plural="price observations",
    columns=(
        field_column(
            "price", "observed_on", 11, sortable=True, title=QT_TRANSLATE_NOOP("lists", "Date")
        ),
        field_column("price", "country", 18),
        field_column("price", "place", 16),
        field_column("price", "drug", 22),
        field_column("price", "sale_level", 16, title=QT_TRANSLATE_NOOP("lists", "Level")),
        field_column("price", "price_typical", 10, title=QT_TRANSLATE_NOOP("lists", "Typical")),
        field_column("price", "price_min", 10, title=QT_TRANSLATE_NOOP("lists", "Minimum")),
        field_column("price", "price_max", 10, title=QT_TRANSLATE_NOOP("lists", "Maximum")),
        Column(
            "currency",
            QT_TRANSLATE_NOOP("lists", "Currency"),
            lambda row, s: str(row.get("currency") or ""),
            8,
        ),
        Column(
            "per_unit",
            QT_TRANSLATE_NOOP("lists", "Per"),
            lambda row, s: fmt.price_per(s.labels, row),
            9,
        ),
        field_column("price", "purity_typical", 8, title=QT_TRANSLATE_NOOP("lists", "Purity %")),
        field_column("price", "source", 18),
    ),
    filters=(
        FilterSpec("country", QT_TRANSLATE_NOOP("lists", "Country"), ref="country"),
        FilterSpec("drug", QT_TRANSLATE_NOOP("lists", "Drug"), ref="drug"),
        FilterSpec("sale_level", QT_TRANSLATE_NOOP("lists", "Level"), ref="sale_level"),
        FilterSpec("dates", QT_TRANSLATE_NOOP("lists", "Date"), kind="dates"),
    ),
    search_hint=QT_TRANSLATE_NOOP("lists", "Search place, notes, source…"),
    title_of=_price_title,
)

PROJECTS = ListSpec(
    key="projects",
    entity="project",
    title=QT_TRANSLATE_NOOP("lists", "Projects"),
    singular=QT_TRANSLATE_NOOP("lists", "Project"),
    plural="projects",
    columns=(
        field_column("project", "identifier", 18, sortable=True),
        field_column("project", "title", 40, sortable=True),
        field_column(
            "project",
            "beneficiary_country",
            18,
            sortable=True,
            title=QT_TRANSLATE_NOOP("lists", "Beneficiary"),
        ),
        field_column("project", "pillar", 22, sortable=True),
        field_column("project", "status", 18, sortable=True),
        field_column("project", "planned_start", 11, sortable=True),
        field_column("project", "planned_end", 11, sortable=True),
        field_column("project", "budget", 12, sortable=True),
        Column(
            "currency",
            QT_TRANSLATE_NOOP("lists", "Currency"),
            lambda row, s: str(row.get("currency") or ""),
            8,
        ),
        name_column(
            "project",
            "implementing_org_id",
            "organisation",
            26,
            QT_TRANSLATE_NOOP("lists", "Implementing"),
        ),
    ),
    filters=(
        FilterSpec("beneficiary_country", QT_TRANSLATE_NOOP("lists", "Beneficiary"), ref="country"),
        FilterSpec("status", QT_TRANSLATE_NOOP("lists", "Status"), ref="activity_status"),
        FilterSpec("pillar", QT_TRANSLATE_NOOP("lists", "Pillar"), ref="pillar"),
    ),
    search_hint=QT_TRANSLATE_NOOP("lists", "Search identifier, title, description…"),
    title_of=lambda row, s: QCoreApplication.translate("lists", "Project {id}").format(
        id=row.get("identifier", "")
    ),
)

RECOMMENDATIONS = ListSpec(
    key="recommendations",
    entity="recommendation",
    title=QT_TRANSLATE_NOOP("lists", "Recommendations"),
    singular=QT_TRANSLATE_NOOP("lists", "Recommendation"),
    plural="recommendations",
    columns=(
        field_column("recommendation", "code", 12, sortable=True),
        field_column("recommendation", "text", 48, sortable=True),
        field_column("recommendation", "status", 18, sortable=True),
        field_column("recommendation", "priority", 12, sortable=True),
        field_column(
            "recommendation",
            "follow_up_due",
            12,
            sortable=True,
            title=QT_TRANSLATE_NOOP("lists", "Follow-up"),
        ),
        field_column(
            "recommendation",
            "meeting_date",
            12,
            sortable=True,
            title=QT_TRANSLATE_NOOP("lists", "Meeting"),
        ),
        field_column("recommendation", "working_group", 28, sortable=True),
        field_column("recommendation", "pillar", 22, sortable=True),
    ),
    filters=(
        FilterSpec("status", QT_TRANSLATE_NOOP("lists", "Status"), ref="recommendation_status"),
        FilterSpec("priority", QT_TRANSLATE_NOOP("lists", "Priority"), ref="priority"),
        FilterSpec("pillar", QT_TRANSLATE_NOOP("lists", "Pillar"), ref="pillar"),
    ),
    search_hint=QT_TRANSLATE_NOOP("lists", "Search code or text…"),
    highlight=_overdue,
    title_of=lambda row, s: QCoreApplication.translate("lists", "Recommendation {code}").format(
        code=row.get("code", "")
    ),
)

ORGANISATIONS = ListSpec(
    key="organisations",
    entity="organisation",
    title=QT_TRANSLATE_NOOP("lists", "Organisations"),
    singular=QT_TRANSLATE_NOOP("lists", "Organisation"),
    plural="organisations",
    columns=(
        field_column("organisation", "name", 44, sortable=True),
        field_column("organisation", "acronym", 12, sortable=True),
        field_column("organisation", "kind", 22, sortable=True),
        field_column("organisation", "country", 20, sortable=True),
        field_column(
            "organisation",
            "iati_ref",
            18,
            sortable=True,
            title=QT_TRANSLATE_NOOP("lists", "IATI identifier"),
        ),
    ),
    filters=(
        FilterSpec("kind", QT_TRANSLATE_NOOP("lists", "Kind"), ref="org_kind"),
        FilterSpec("country", QT_TRANSLATE_NOOP("lists", "Country"), ref="country"),
    ),
    search_hint=QT_TRANSLATE_NOOP("lists", "Search name or acronym…"),
    sort="name",
    descending=False,
    title_of=lambda row, s: str(row.get("name", "")),
)

CONTACTS = ListSpec(
    key="contacts",
    entity="contact",
    title=QT_TRANSLATE_NOOP("lists", "Contacts"),
    singular=QT_TRANSLATE_NOOP("lists", "Contact"),
    plural="contacts",
    columns=(
        field_column("contact", "name", 24, sortable=True),
        name_column(
            "contact",
            "organisation_id",
            "organisation",
            34,
            QT_TRANSLATE_NOOP("lists", "Organisation"),
        ),
        field_column("contact", "role", 22, sortable=True),
        field_column("contact", "phone", 16, sortable=True),
        field_column(
            "contact", "email", 26, sortable=True, title=QT_TRANSLATE_NOOP("lists", "E-mail")
        ),
    ),
    search_hint=QT_TRANSLATE_NOOP("lists", "Search name, role, e-mail…"),
    sort="name",
    descending=False,
    title_of=lambda row, s: str(row.get("name", "")),
)

_AUDITED = ("seizure", "price", "project", "recommendation", "organisation", "contact")
_AUDITED_TITLES = (
    QT_TRANSLATE_NOOP("lists", "Seizure"),
    QT_TRANSLATE_NOOP("lists", "Price"),
    QT_TRANSLATE_NOOP("lists", "Project"),
    QT_TRANSLATE_NOOP("lists", "Recommendation"),
    QT_TRANSLATE_NOOP("lists", "Organisation"),
    QT_TRANSLATE_NOOP("lists", "Contact"),
)
AUDIT_LOG = ListSpec(
    key="audit",
    entity=AUDIT,
    title=QT_TRANSLATE_NOOP("lists", "Audit log"),
    singular=QT_TRANSLATE_NOOP("lists", "Entry"),
    plural="entries",
    columns=(
        Column(
            "seq",
            QT_TRANSLATE_NOOP("lists", "#"),
            lambda row, s: fmt.number(row.get("seq")),
            7,
            numeric=True,
            sortable=True,
        ),
        Column(
            "at",
            QT_TRANSLATE_NOOP("lists", "When (UTC)"),
            lambda row, s: str(row.get("at", ""))[:19].replace("T", " "),
            17,
        ),
        Column(
            "who", QT_TRANSLATE_NOOP("lists", "Who"), lambda row, s: str(row.get("who", "")), 18
        ),
        Column(
            "action",
            QT_TRANSLATE_NOOP("lists", "Action"),
            lambda row, s: str(row.get("action", "")),
            9,
        ),
        Column(
            "entity",
            QT_TRANSLATE_NOOP("lists", "Record"),
            lambda row, s: str(row.get("entity", "")).replace("_", " "),
            14,
        ),
        Column(
            "entity_id",
            QT_TRANSLATE_NOOP("lists", "Record id"),
            lambda row, s: str(row.get("entity_id", "")),
            30,
        ),
        Column(
            "changes",
            QT_TRANSLATE_NOOP("lists", "Fields"),
            lambda row, s: fmt.one_line(fmt.audit_changes_summary(str(row.get("changes", "")))),
            40,
        ),
    ),
    filters=(
        FilterSpec(
            "entity",
            QT_TRANSLATE_NOOP("lists", "Record"),
            kind="choice",
            choices=tuple(zip(_AUDITED, _AUDITED_TITLES, strict=True)),
        ),
        FilterSpec(
            "action",
            QT_TRANSLATE_NOOP("lists", "Action"),
            kind="choice",
            choices=(
                ("create", QT_TRANSLATE_NOOP("lists", "Create")),
                ("update", QT_TRANSLATE_NOOP("lists", "Update")),
                ("delete", QT_TRANSLATE_NOOP("lists", "Delete")),
            ),
        ),
    ),
    sort="seq",
    title_of=lambda row, s: QCoreApplication.translate("lists", "Audit entry {seq}").format(
        seq=row.get("seq", "")
    ),
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
