"""What every create/edit form shares: field editors laid out in groups, validation by the
service layer as the officer types, saving in one transaction (the record, its child records,
removed attachments), the stale-record message, Save & New, Enter saves and Esc cancels.

A form writes only through the services (``records.insert_one``/``update_one``/``delete_one`` in
one ``Services.writing()`` scope) and reports what it wrote with :attr:`RecordForm.saved`, so the
window can refresh its lists and offer undo.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pp_desktop.services import records
from pp_desktop.services.errors import Issue, ServiceError, StaleRecord, ValidationFailed
from pp_desktop.services.fields import FIELDS, field_map
from pp_desktop.store.errors import VaultError
from pp_desktop.ui.forms.attachments_panel import AttachmentsPanel
from pp_desktop.ui.forms.child_list import ChildList
from pp_desktop.ui.forms.code_list_field import CodeListField
from pp_desktop.ui.forms.date_field import DateField
from pp_desktop.ui.forms.editor import FieldEditor
from pp_desktop.ui.forms.record_choices import record_choices
from pp_desktop.ui.forms.record_field import RecordField
from pp_desktop.ui.forms.reference_field import Options, ReferenceField
from pp_desktop.ui.forms.simple_fields import CheckField, NotesField, NumberField, TextField
from pp_desktop.ui.forms.validation_banner import ValidationBanner
from pp_desktop.ui.i18n import service_message
from pp_desktop.ui.session import Session

CHECK_DELAY_MS = 300  # typing pauses this long before the services check the record
Row = dict[str, Any]

# Fields with a finding get a coloured frame (the property is set by FieldEditor.set_issue).
FORM_STYLE = """
QLineEdit[issue="error"], QComboBox[issue="error"], QDateEdit[issue="error"],
QPlainTextEdit[issue="error"], QListWidget[issue="error"] { border: 1px solid #b3261e; }
QLineEdit[issue="warning"], QComboBox[issue="warning"], QDateEdit[issue="warning"],
QPlainTextEdit[issue="warning"] { border: 1px solid #b7791f; }
QLabel#formHint { color: #8a5a00; }
"""


@dataclass
class SaveResult:
    """What one save wrote: ``before``/``after`` hold the changed fields (empty on create)."""

    entity: str
    record_id: str
    created: bool
    version: int
    before: Row = field(default_factory=dict)
    after: Row = field(default_factory=dict)
    # (entity, id) of child records and attachments the save added and deleted (undo takes
    # them back with the fields)
    added: list[tuple[str, str]] = field(default_factory=list)
    deleted: list[tuple[str, str]] = field(default_factory=list)


class RecordForm(QDialog):
    """Create (``record_id`` empty) or edit one record of :attr:`entity`.

    Subclasses lay out their fields in :meth:`build` with :meth:`add_group` and the editor
    helpers; raises :class:`~pp_desktop.services.errors.NotFound` for a deleted record.
    """

    entity: ClassVar[str] = ""
    preferred_width: ClassVar[int] = 1180  # two columns of groups; one-column forms: less
    saved = Signal(object)  # SaveResult, after the transaction committed

    def __init__(
        self, session: Session, record_id: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.ctx = session.ctx
        self.fields = field_map(self.entity)
        self.record: Row | None = (
            records.get(self.ctx, self.entity, record_id) if record_id else None
        )
        self.record_id = record_id
        self.version = int(self.record["version"]) if self.record else 0
        self.editors: list[FieldEditor] = []
        self.captions: dict[str, str] = {}
        self.child_lists: list[ChildList] = []
        self.attachments: AttachmentsPanel | None = None
        self.touched: set[str] = set()
        self.attempted = False  # after a first Save every finding shows, not only touched ones
        self.confirmed: set[Issue] = set()  # warnings the officer already accepted
        self.issues: list[Issue] = []
        self.setObjectName(f"{self.entity}Form")
        self.setStyleSheet(FORM_STYLE)
        self.setMinimumWidth(720)

        self.heading = QLabel(self)
        self.heading.setObjectName("pageTitle")
        self.banner = ValidationBanner(self.caption, self)
        self._columns: list[QVBoxLayout] = []
        body = QWidget()
        body.setObjectName("formBody")
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 8, 0)
        columns.setSpacing(18)
        for _ in range(2):
            column = QVBoxLayout()
            column.setSpacing(12)
            columns.addLayout(column, 1)
            self._columns.append(column)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(body)
        self._body = body

        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("formSave")
        self.save_button.setProperty("primary", True)
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save and close (Enter)"))
        self.save_new_button = QPushButton(self.tr("Save && New"), self)
        self.save_new_button.setObjectName("formSaveNew")
        self.save_new_button.setAutoDefault(False)
        self.save_new_button.setToolTip(
            self.tr("Save, then start an empty form for the next record (Ctrl+Shift+Enter)")
        )
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("formCancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.setToolTip(self.tr("Close without saving (Esc)"))
        self.footer = QHBoxLayout()
        self.footer.setSpacing(8)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.run_check)

        self.build()
        for i, column in enumerate(self._columns):
            if column.count() == 0:  # a one-column form: the fields take the whole width
                columns.setStretch(i, 0)
            column.addStretch(1)
        self._assemble()
        self.load(self.record if self.record else self.defaults())
        for editor in self.editors:
            editor.changed.connect(lambda e=editor: self._edited(e))
        for child in self.child_lists:
            child.changed.connect(self._timer.start)
        self.heading.setText(self.title())
        self.setWindowTitle(self.title())
        self._fit_screen()
        if self.editors:  # keyboard-first: typing starts in the first field
            self.editors[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit_screen(self) -> None:
        """As large as the fields need, within the screen (1366×768 laptops included)."""
        screen = self.screen()
        available = screen.availableGeometry() if screen is not None else None
        # widths from size hints are too small before the style sheet polished the widgets
        wanted_w = self.preferred_width
        self._body.ensurePolished()
        wanted_h = self._body.sizeHint().height() + 190
        if available is not None:
            wanted_w = min(wanted_w, available.width() - 40)
            wanted_h = min(wanted_h, available.height() - 60)
        self.resize(max(wanted_w, self.minimumWidth()), max(wanted_h, 360))

    # --- building ---------------------------------------------------------------------------

    def build(self) -> None:
        """Lay out the fields (subclasses)."""
        raise NotImplementedError

    def title(self) -> str:
        """The window title and heading (subclasses)."""
        raise NotImplementedError

    def caption(self, name: str) -> str:
        """The caption of field ``name`` on this form."""
        return self.captions.get(name) or (self.fields[name].title if name in self.fields else name)

    def add_group(self, title: str, rows: list[tuple[str, QWidget]], column: int = 0) -> QGroupBox:
        """A titled group of captioned editors in ``column`` (0 left, 1 right)."""
        box = QGroupBox(title, self._body)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(7)
        for caption, widget in rows:
            if caption:
                label = QLabel(caption, box)
                label.setBuddy(widget)
                form.addRow(label, widget)
            else:
                form.addRow(widget)
            if isinstance(widget, FieldEditor):
                self.editors.append(widget)
                for name in widget.names:
                    self.captions.setdefault(name, caption.replace("&", ""))
        self._columns[column].addWidget(box)
        return box

    def add_panel(self, title: str, widget: QWidget, column: int = 0) -> QGroupBox:
        """A titled group holding one widget (child records, attachments)."""
        box = QGroupBox(title, self._body)
        layout = QVBoxLayout(box)
        layout.addWidget(widget)
        self._columns[column].addWidget(box)
        if isinstance(widget, ChildList):
            self.child_lists.append(widget)
        if isinstance(widget, AttachmentsPanel):
            self.attachments = widget
            widget.changed.connect(self._timer.start)
        return box

    def options(self, kind: str) -> Options:
        """(code, ``CODE — Label``) of reference list ``kind``."""
        labels = self.session.labels
        return [(o.code, labels.display(kind, o.code)) for o in labels.options(kind)]

    def field(self, name: str, caption: str = "") -> FieldEditor:
        """The usual editor of field ``name`` for its kind."""
        f = self.fields[name]
        editor: FieldEditor
        if f.kind == "date":
            editor = DateField(name, self.ctx.today(), optional=not f.required)
        elif f.kind == "ref":
            editor = ReferenceField(name, self.options(f.ref))
        elif f.kind == "refs":
            editor = CodeListField(name, self.options(f.ref))
        elif f.kind == "fk":
            editor = RecordField(name, record_choices(self.ctx, f.ref))
        elif f.kind in ("int", "float"):
            editor = NumberField(name, integer=f.kind == "int")
        elif f.kind == "bool":
            editor = CheckField(name, caption)
        elif f.kind == "text":
            editor = NotesField(name)
        else:
            editor = TextField(name, max_length=200 if f.kind == "email" else 500)
        return editor

    def attachments_panel(self) -> AttachmentsPanel:
        """The attachments of the record (queued until the save for a new one)."""
        return AttachmentsPanel(self.ctx, self.entity, self.record_id)

    def _assemble(self) -> None:
        self.footer.addWidget(self.save_new_button)
        self.footer.addStretch(1)
        self.footer.addWidget(self.cancel_button)
        self.footer.addWidget(self.save_button)
        self.save_new_button.setVisible(not self.record_id)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll_area, 1)
        self.add_footer_widgets(layout)
        layout.addLayout(self.footer)
        self.save_button.clicked.connect(self.save_and_close)
        self.save_new_button.clicked.connect(self.save_and_new)
        self.cancel_button.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save_and_close)
        for keys in ("Ctrl+Shift+Return", "Ctrl+Shift+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save_and_new)

    def add_footer_widgets(self, layout: QVBoxLayout) -> None:
        """Widgets between the fields and the buttons (the seizure form's duplicate hint)."""

    # --- values -------------------------------------------------------------------------------

    def defaults(self) -> Row:
        """Values of a new record: the field defaults, today for a required date."""
        values: Row = {f.name: f.default for f in FIELDS[self.entity]}
        for f in FIELDS[self.entity]:
            if f.kind == "date" and f.required:
                values[f.name] = self.ctx.today().isoformat()
        return values

    def load(self, values: Row) -> None:
        """Show ``values`` in every editor without counting as an edit."""
        for editor in self.editors:
            editor.blockSignals(True)
            try:
                editor.set_values(values)
            finally:
                editor.blockSignals(False)

    def values(self) -> Row:
        """Every field the form edits, as the services take it."""
        out: Row = {}
        for editor in self.editors:
            out.update(editor.values())
        return out

    def changes(self) -> tuple[Row, Row]:
        """(before, after) of the fields that differ from the stored record."""
        if self.record is None:
            return {}, records.normalise(self.entity, self.values())
        after = records.normalise(self.entity, self.values())
        changed = {k: v for k, v in after.items() if self.record.get(k) != v}
        return {k: self.record.get(k) for k in changed}, changed

    # --- validation ---------------------------------------------------------------------------

    def _edited(self, editor: FieldEditor) -> None:
        self.touched.update(editor.names)
        self._timer.start()

    def run_check(self) -> list[Issue]:
        """Validate with the services and show the findings (touched fields only until the
        officer first tries to save: an empty form is not a list of mistakes)."""
        self._timer.stop()
        values = self.values()
        try:
            issues = records.check(self.ctx, self.entity, values, self.record_id)
        except (ServiceError, VaultError) as exc:
            self.banner.show_text(service_message(exc.message))
            return []
        self.issues = issues
        shown = issues if self.attempted else [i for i in issues if i.field in self.touched]
        self.show_issues(shown)
        self.after_check(values)
        return issues

    def show_issues(self, issues: list[Issue]) -> None:
        """Banner plus a coloured frame and tooltip on each field with a finding."""
        self.banner.show_issues(issues)
        worst: dict[str, Issue] = {}
        for issue in issues:
            if issue.field not in worst or issue.is_error:
                worst[issue.field] = issue
        for editor in self.editors:
            found = [worst[n] for n in editor.names if n in worst]
            severity = ""
            if found:
                severity = "error" if any(i.is_error for i in found) else "warning"
            editor.set_issue(severity)
            editor.setToolTip("\n".join(service_message(i.message) for i in found))

    def after_check(self, values: Row) -> None:
        """Further hints once the record was checked (the seizure form's duplicates)."""

    def editor_of(self, name: str) -> FieldEditor | None:
        """The editor of field ``name``."""
        for editor in self.editors:
            if name in editor.names:
                return editor
        return None

    # --- saving ---------------------------------------------------------------------------------

    def confirm_warnings(self, warnings: list[Issue]) -> bool:
        """Ask once whether to save despite ``warnings``."""
        text = "\n".join(
            f"• {self.caption(i.field)}: {service_message(i.message)}" for i in warnings
        )
        answer = QMessageBox.question(
            self,
            self.tr("Save with warnings?"),
            self.tr("Please check before saving:") + "\n\n" + text,
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    def save(self) -> SaveResult | None:
        """Validate, ask about new warnings, write in one transaction; None when not saved."""
        self.attempted = True
        issues = self.run_check()
        errors = [i for i in issues if i.is_error]
        if errors:
            target = self.editor_of(errors[0].field)
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        warnings = [i for i in issues if not i.is_error and i not in self.confirmed]
        if warnings:
            if not self.confirm_warnings(warnings):
                return None
            self.confirmed.update(warnings)
        try:
            result = self._write()
        except StaleRecord as exc:
            self._stale(exc)
            return None
        except ValidationFailed as exc:
            self.show_issues(exc.issues)
            return None
        except (ServiceError, VaultError) as exc:
            for child in self.child_lists:
                child._written = []
            self.banner.show_text(service_message(exc.message))
            return None
        for child in self.child_lists:
            added, deleted = child.saved()
            result.added += [(child.entity, rid) for rid in added]
            result.deleted += [(child.entity, rid) for rid in deleted]
        if self.attachments is not None:
            self.attachments.committed()
            result.added += [("attachment", rid) for rid in self.attachments.added]
            result.deleted += [("attachment", rid) for rid in self.attachments.deleted]
        self.saved.emit(result)
        return result

    def _write(self) -> SaveResult:
        before, after = self.changes()
        with self.ctx.writing() as scope:
            if self.record is None:
                rid, _warnings = records.insert_one(self.ctx, scope, self.entity, after)
                created = True
            else:
                rid, created = self.record_id, False
                # an unchanged record is still checked for staleness: children hang off it
                records.update_one(
                    self.ctx, scope, self.entity, rid, after, expected_version=self.version
                )
            for child in self.child_lists:
                child.apply(scope, rid)
            if self.attachments is not None:
                self.attachments.apply(scope, rid)
        stored = records.get(self.ctx, self.entity, rid)
        self.record, self.record_id, self.version = stored, rid, int(stored["version"])
        return SaveResult(self.entity, rid, created, self.version, before, after)

    def _stale(self, exc: StaleRecord) -> None:
        text = self.tr(
            "Someone or something else (another window, an import or a sync) changed this "
            "record after you opened it. Your changes were not saved, so nothing was "
            "overwritten. Close this form and open the record again to see the current version."
        )
        self.banner.show_text(text)
        QMessageBox.warning(
            self, self.tr("Changed elsewhere"), text + "\n\n" + service_message(exc.message)
        )

    def save_and_close(self) -> None:
        """Save (Enter); close when saved."""
        if self.save() is not None:
            self.accept()

    def save_and_new(self) -> None:
        """Save, then show an empty form for the next record."""
        if self.save() is None:
            return
        self.record, self.record_id, self.version = None, "", 0
        self.touched.clear()
        self.confirmed.clear()
        self.attempted = False
        self.load(self.defaults())
        for child in self.child_lists:
            child.reset()
        if self.attachments is not None:
            self.attachments.reset()
        self.show_issues([])
        self.after_check(self.values())
        self.banner.show_text(self.tr("Saved. Enter the next one."), "success")
        self.save_new_button.setVisible(True)
        if self.editors:
            self.editors[0].setFocus(Qt.FocusReason.OtherFocusReason)
