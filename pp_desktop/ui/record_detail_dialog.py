"""A read-only view of one record (editing forms come with issue 3's form work)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pp_desktop.services import records
from pp_desktop.services.errors import ServiceError
from pp_desktop.services.fields import FIELDS, Field
from pp_desktop.store.errors import VaultError
from pp_desktop.ui import formatting as fmt
from pp_desktop.ui import theme, vault_reads
from pp_desktop.ui.error_messages import service_message
from pp_desktop.ui.list_specs import AUDIT, ListSpec, ui_title
from pp_desktop.ui.session import Session
from pp_desktop.ui.tr_marks import QT_TRANSLATE_NOOP

EMPTY = "—"

# Field groups of the detail view; entities not listed show one "Details" group.
SECTIONS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "seizure": (
        (
            "When and where",
            ("seized_on", "country", "province", "place", "latitude", "longitude", "site_type",
             "agency"),
        ),
        ("Drug and quantity", ("drug", "quantity", "kg_equivalent", "purity_pct")),
        (
            "Route and concealment",
            ("transport_mode", "concealment", "origin_country", "departure_country",
             "transit_countries", "destination_country"),
        ),
        (
            "People and source",
            ("persons_arrested", "nationalities", "source_ref", "confidentiality", "notes"),
        ),
    ),
    "price": (
        ("When and where", ("observed_on", "period_end", "country", "place")),
        (
            "Price",
            ("drug", "sale_level", "price_typical", "price_min", "price_max", "currency",
             "per_quantity"),
        ),
        ("Purity and source", ("purity_typical", "purity_min", "purity_max", "source",
                               "confidentiality", "notes")),
    ),
}  # fmt: skip

# Values that read better combined: shown under the first field, with a title of their own.
COMBINED: dict[tuple[str, str], tuple[str, Any]] = {
    ("seizure", "quantity"): ("Quantity", lambda s, row: fmt.quantity(s.labels, row)),
    ("price", "per_quantity"): ("Quoted", lambda s, row: fmt.price_per(s.labels, row)),
}

# Shorter captions where the field's own title is long (the list's column titles say the same).
CAPTIONS = {
    "nationalities": "Nationalities",
    "kg_equivalent": "Kg equivalent",
    "source_ref": "Source",
    "seized_on": "Date",
    "observed_on": "Date",
}


# Captions and group titles above, for Qt Linguist; translated where shown (:func:`_ui`).
DETAIL_TEXTS = (
    QT_TRANSLATE_NOOP("RecordDetailDialog", "When and where"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "Drug and quantity"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "Route and concealment"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "People and source"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "Price"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "Purity and source"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "Quantity"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "Quoted"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "Nationalities"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "Kg equivalent"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "Source"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "Date"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "Details"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "Entry"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "Sequence"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "When (UTC)"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "Who"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "Action"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "Record"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "Record id"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "Changes"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "Chain"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "Previous hash"),
    QT_TRANSLATE_NOOP("RecordDetailDialog", "Hash"),
)


def _ui(text: str) -> str:
    """A caption of this module, or a field title, in the interface's language."""
    translated = QCoreApplication.translate("RecordDetailDialog", text)
    if translated == text:
        translated = QCoreApplication.translate("fields", text)
    return translated


class RecordDetailDialog(QDialog):
    """Every field of one record, grouped, with its provenance; text is selectable.

    Groups are laid out in two columns when there are several, each column one grid, so that
    captions and values line up across the groups of a column.
    """

    def __init__(
        self, spec: ListSpec, session: Session, record_id: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.session = session
        self.setObjectName("recordDetail")
        self.setWindowTitle(self.tr("{record} — read only").format(record=ui_title(spec.singular)))
        self.setMinimumSize(560, 420)
        self.record: dict[str, Any] | None = None
        self.values: dict[str, str] = {}  # caption -> shown text (tests, copy)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 14)
        layout.setSpacing(12)
        self.heading = QLabel(self)
        self.heading.setObjectName("pageTitle")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)

        body = QWidget()
        body.setObjectName("detailBody")
        self._columns = QHBoxLayout(body)
        self._columns.setContentsMargins(0, 0, 6, 0)
        self._columns.setSpacing(28)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)

        self.provenance = QLabel(self)
        self.provenance.setObjectName("provenance")
        self.provenance.setProperty("role", "hint")
        self.provenance.setWordWrap(True)
        self.provenance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        footer = QHBoxLayout()
        footer.addWidget(self.provenance, 1)
        footer.addWidget(buttons, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(footer)

        try:
            self.record = self._load(record_id)
        except (ServiceError, VaultError, LookupError) as exc:
            self.heading.setText(self.tr("This record cannot be shown."))
            message = QLabel(self)
            message.setWordWrap(True)
            theme.set_message(
                message, service_message(getattr(exc, "message", str(exc))), "warning"
            )
            self._columns.addWidget(message, 0, Qt.AlignmentFlag.AlignTop)
            self.resize(560, 300)
            return
        self.heading.setText(spec.title_of(self.record, session))
        if spec.entity == AUDIT:
            self._fill_audit(self.record)
        else:
            self._fill_record(self.record)

    def _load(self, record_id: Any) -> dict[str, Any]:
        if self.spec.entity == AUDIT:
            return vault_reads.audit_entry(self.session.ctx, int(record_id))
        return records.get(self.session.ctx, self.spec.entity, str(record_id))

    # --- layout -------------------------------------------------------------------------------

    def _column(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        holder = QVBoxLayout()
        holder.addLayout(grid)
        holder.addStretch(1)
        self._columns.addLayout(holder, 1)
        return grid

    @staticmethod
    def _section(grid: QGridLayout, title: str) -> None:
        label = QLabel(_ui(title))
        label.setObjectName("sectionTitle")
        row = grid.rowCount()
        if row > 1:
            grid.setRowMinimumHeight(row, 14)  # air between groups
            row += 1
        grid.addWidget(label, row, 0, 1, 2)

    def _add(self, grid: QGridLayout, caption: str, text: str, *, mono: bool = False) -> None:
        value = QLabel(text or EMPTY)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setMinimumWidth(160)
        if not text:
            value.setProperty("role", "hint")
        if mono:
            value.setFont(QFont("DejaVu Sans Mono"))
        label = QLabel(_ui(caption) + ":")
        label.setProperty("role", "hint")
        row = grid.rowCount()
        grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(value, row, 1, Qt.AlignmentFlag.AlignTop)
        self.values[caption] = text

    # --- records ------------------------------------------------------------------------------

    def _fill_record(self, row: dict[str, Any]) -> None:
        entity = self.spec.entity
        fields = {f.name: f for f in FIELDS[entity]}
        groups = SECTIONS.get(entity, (("Details", tuple(fields)),))
        two = len(groups) > 1
        left = self._column()
        right = self._column() if two else left
        half = (len(groups) + 1) // 2
        for i, (title, names) in enumerate(groups):
            grid = left if i < half else right
            self._section(grid, title)
            for name in names:
                combined = COMBINED.get((entity, name))
                if combined:
                    self._add(grid, combined[0], combined[1](self.session, row))
                else:
                    caption = CAPTIONS.get(name, fields[name].title)
                    self._add(grid, caption, self._text(fields[name], row))
        by = self.tr("{when} by {who}")
        created = by.format(when=_when(row.get("created_at")), who=row.get("created_by"))
        changed = by.format(when=_when(row.get("updated_at")), who=row.get("updated_by"))
        self.provenance.setText(
            self.tr("Created {created} · last changed {changed} · version {version}").format(
                created=created, changed=changed, version=row.get("version", "")
            )
            + "<br>"
            + self.tr("Record id {id}").format(
                id=f"<span style='font-family: monospace'>{row.get('id', '')}</span>"
            )
        )
        self.values["Created"] = created
        self.values["Last changed"] = changed
        self.values["Id"] = str(row.get("id", ""))
        self._fit(940 if two else 640)

    def _text(self, f: Field, row: dict[str, Any]) -> str:
        value = row.get(f.name)
        if f.kind == "fk":
            if f.ref in ("organisation", "contact"):
                return self.session.record_name(f.ref, value)
            return str(value or "")
        return fmt.field_value(f, value, self.session.labels, long=True)

    def _fill_audit(self, row: dict[str, Any]) -> None:
        grid = self._column()
        self._section(grid, "Entry")
        self._add(grid, "Sequence", fmt.number(row.get("seq")))
        self._add(grid, "When (UTC)", _when(row.get("at")))
        self._add(grid, "Who", str(row.get("who", "")))
        self._add(grid, "Action", str(row.get("action", "")))
        self._add(grid, "Record", str(row.get("entity", "")).replace("_", " "))
        self._add(grid, "Record id", str(row.get("entity_id", "")), mono=True)
        self._section(grid, "Changes")
        changes = fmt.audit_changes(str(row.get("changes", "")))
        table = QTableWidget(len(changes), 3)
        table.setObjectName("auditChanges")
        table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Before"), self.tr("After")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for r, (name, before, after) in enumerate(changes):
            for c, text in enumerate((name, before, after)):
                table.setItem(r, c, QTableWidgetItem(text))
        table.setMinimumHeight(min(320, 40 + 28 * max(len(changes), 1)))
        grid.addWidget(table, grid.rowCount(), 0, 1, 2)
        self._section(grid, "Chain")
        self._add(grid, "Previous hash", str(row.get("prev_hash", "")), mono=True)
        self._add(grid, "Hash", str(row.get("hash", "")), mono=True)
        self._fit(720)

    def _fit(self, width: int) -> None:
        """``width`` wide and as tall as the content needs, within reason."""
        body = self.findChild(QWidget, "detailBody")
        self.resize(width, 400)
        layout = self.layout()
        if layout is not None:
            layout.activate()
        content = body.heightForWidth(width - 50) if body is not None else -1
        if content < 0 and body is not None:
            content = body.sizeHint().height()
        inner = width - 44  # the dialog's side margins
        chrome = (
            self.heading.heightForWidth(inner)
            + self.provenance.heightForWidth(inner - 120)  # the Close button beside it
            + 18 + 14 + 2 * 12 + 16  # margins, spacing, air
        )  # fmt: skip
        self.resize(width, max(360, min(content + chrome, 760)))


def _when(value: object) -> str:
    """``2026-11-28 08:30`` from an ISO timestamp (UTC)."""
    text = str(value or "")
    return text[:16].replace("T", " ") + (" UTC" if len(text) > 10 else "")
