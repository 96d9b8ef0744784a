"""The column-mapping step of an import: a counterpart's own layout — which kind of record a
sheet holds and which of its headers is which field. The mapping is remembered per source
(in the vault's settings, when the import is committed)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pp_desktop.exchange.excel.columns import columns
from pp_desktop.exchange.excel.reader import SheetMapping
from pp_desktop.ui.i18n import current_language

IMPORTABLE = (
    "seizure",
    "price",
    "organisation",
    "project",
    "project_donor",
    "recommendation",
    "progress_note",
    "contact",
)


class ColumnMappingDialog(QDialog):
    """Map the headers of one of the sheets the import could not read."""

    def __init__(
        self,
        unread: Mapping[str, Sequence[str]],
        source: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.unread = {k: list(v) for k, v in unread.items()}
        self.setObjectName("columnMappingDialog")
        self.setWindowTitle(self.tr("Map the columns of a counterpart's workbook"))
        self.setMinimumSize(620, 480)
        self.kind_names = {
            "seizure": self.tr("Seizures"),
            "price": self.tr("Prices"),
            "organisation": self.tr("Organisations"),
            "project": self.tr("Projects"),
            "project_donor": self.tr("Project donors"),
            "recommendation": self.tr("Recommendations"),
            "progress_note": self.tr("Progress notes"),
            "contact": self.tr("Contacts"),
        }
        hint = QLabel(
            self.tr(
                "Say which kind of record the sheet holds and which field each of its columns "
                "is. Columns set to “not imported” are ignored. The mapping is remembered for "
                "this source once the import is done."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.source_edit = QLineEdit(source, self)
        self.source_edit.setObjectName("mappingSource")
        self.source_edit.setPlaceholderText(self.tr("e.g. Drug Control Agency of Tajikistan"))
        self.source_edit.textChanged.connect(self._update)
        self.sheet_combo = QComboBox(self)
        self.sheet_combo.setObjectName("mappingSheet")
        self.sheet_combo.addItems(list(self.unread))
        self.entity_combo = QComboBox(self)
        self.entity_combo.setObjectName("mappingEntity")
        for entity in IMPORTABLE:
            self.entity_combo.addItem(self.kind_names[entity], entity)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("mappingTable")
        self.table.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Field")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Use this mapping"))
        self.ok_button.setObjectName("mappingOk")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Source (who sent it):"), self.source_edit)
        form.addRow(self.tr("Sheet:"), self.sheet_combo)
        form.addRow(self.tr("Kind of record:"), self.entity_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.sheet_combo.currentIndexChanged.connect(self._fill)
        self.entity_combo.currentIndexChanged.connect(self._fill)
        self._fill()

    def _field_combo(self, entity: str, header: str) -> QComboBox:
        combo = QComboBox(self.table)
        combo.addItem(self.tr("— not imported —"), "")
        lang = current_language()
        wanted = " ".join(header.split()).casefold()
        for c in columns(entity):
            if c.derived or c.code == "version":
                continue
            combo.addItem(c.header("ru" if lang == "ru" else "en"), c.code)
            if wanted in (c.code.casefold(), c.label_en.casefold(), c.header("ru").casefold()):
                combo.setCurrentIndex(combo.count() - 1)
        combo.currentIndexChanged.connect(self._update)
        return combo

    def _fill(self) -> None:
        headers = self.unread.get(self.sheet_combo.currentText(), [])
        entity = str(self.entity_combo.currentData())
        self.table.setRowCount(len(headers))
        for r, header in enumerate(headers):
            item = QTableWidgetItem(header)
            self.table.setItem(r, 0, item)
            self.table.setCellWidget(r, 1, self._field_combo(entity, header))
        self._update()

    def set_field(self, header: str, code: str) -> None:
        """Map column ``header`` to field ``code`` (tests and keyboard users alike)."""
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            combo = self.table.cellWidget(r, 1)
            if item is not None and item.text() == header and isinstance(combo, QComboBox):
                combo.setCurrentIndex(max(combo.findData(code), 0))

    def columns_mapped(self) -> dict[str, str]:
        """header -> field code of the columns mapped."""
        out: dict[str, str] = {}
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            combo = self.table.cellWidget(r, 1)
            if item is not None and isinstance(combo, QComboBox) and combo.currentData():
                out[item.text()] = str(combo.currentData())
        return out

    def mapping(self) -> tuple[str, SheetMapping]:
        """(source, the sheet's mapping)."""
        return self.source_edit.text().strip(), SheetMapping(
            str(self.entity_combo.currentData()),
            self.columns_mapped(),
            self.sheet_combo.currentText(),
        )

    def _update(self) -> None:
        codes = list(self.columns_mapped().values())
        unique = len(codes) == len(set(codes))
        self.ok_button.setEnabled(bool(self.source_edit.text().strip()) and bool(codes) and unique)
        self.ok_button.setToolTip(
            "" if unique else self.tr("Two columns are mapped to the same field")
        )
