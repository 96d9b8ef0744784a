"""The seizure form: when and where, drug and quantity with its live kilogram equivalent, the
route with several transit countries, and a hint when the seizure may already be recorded."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from pp_desktop.services.duplicates import Candidate, possible_duplicates
from pp_desktop.services.errors import ServiceError
from pp_desktop.store.errors import VaultError
from pp_desktop.ui.forms.form_base import RecordForm, Row
from pp_desktop.ui.forms.quantity_field import QuantityField
from pp_desktop.ui.forms.reference_field import ReferenceField
from pp_desktop.ui.forms.simple_fields import show_kg


class SeizureForm(RecordForm):
    """Create or edit a seizure."""

    entity = "seizure"

    def title(self) -> str:
        return self.tr("Edit seizure") if self.record_id else self.tr("New seizure")

    def build(self) -> None:
        refs = self.ctx.refs()
        self.quantity = QuantityField(self.options("unit"), refs.factor_kg)
        country = self.field("country")
        self.province = self.field("province")
        self.add_group(
            self.tr("When and where"),
            [
                (self.tr("&Date of seizure"), self.field("seized_on")),
                (self.tr("&Country"), country),
                (self.tr("&Province"), self.province),
                (self.tr("Place"), self.field("place")),
                (self.tr("Latitude"), self.field("latitude")),
                (self.tr("Longitude"), self.field("longitude")),
                (self.tr("Site type"), self.field("site_type")),
                (self.tr("Seizing agency"), self.field("agency")),
            ],
        )
        self.add_group(
            self.tr("Drug and quantity"),
            [
                (self.tr("D&rug"), self.field("drug")),
                (self.tr("&Quantity"), self.quantity),
                (self.tr("Purity %"), self.field("purity_pct")),
            ],
        )
        self.add_group(
            self.tr("Handling"),
            [
                (self.tr("Confidentiality"), self.field("confidentiality")),
                (self.tr("Source / reference"), self.field("source_ref")),
            ],
            column=1,
        )
        self.add_group(
            self.tr("Route and concealment"),
            [
                (self.tr("Transport"), self.field("transport_mode")),
                (self.tr("Concealment"), self.field("concealment")),
                (self.tr("Origin"), self.field("origin_country")),
                (self.tr("Departure"), self.field("departure_country")),
                (self.tr("Transit countries"), self.field("transit_countries")),
                (self.tr("Destination"), self.field("destination_country")),
            ],
            column=1,
        )
        self.add_group(
            self.tr("People and notes"),
            [
                (self.tr("Persons arrested"), self.field("persons_arrested")),
                (self.tr("Nationalities"), self.field("nationalities")),
                (self.tr("Notes"), self.field("notes")),
            ],
            column=1,
        )
        self.add_panel(self.tr("Attachments"), self.attachments_panel(), column=0)
        assert isinstance(country, ReferenceField)
        self.country = country
        country.changed.connect(self._narrow_provinces)

    def load(self, values: Row) -> None:
        # provinces are narrowed to the country before the province is chosen
        if hasattr(self, "country"):
            self.country.set_values(values)
            self._narrow_provinces()
        super().load(values)

    def _narrow_provinces(self) -> None:
        """Offer the provinces of the chosen country (all of them while none is chosen)."""
        assert isinstance(self.province, ReferenceField)
        country = self.country.code()
        parents = self.ctx.refs().codes.get("province", {})
        options = [
            (code, text)
            for code, text in self.options("province")
            if not country or parents.get(code, ("", None))[0] == country
        ]
        self.province.set_options(options)

    def add_footer_widgets(self, layout: QVBoxLayout) -> None:
        self.duplicate_hint = QLabel(self)
        self.duplicate_hint.setObjectName("duplicateHint")
        self.duplicate_hint.setWordWrap(True)
        self.duplicate_hint.setProperty("role", "message")
        self.duplicate_hint.setProperty("severity", "info")
        self.duplicate_hint.hide()
        layout.addWidget(self.duplicate_hint)
        self.duplicates: list[Candidate] = []

    def after_check(self, values: Row) -> None:
        """Show seizures that may be this one (same date, place, drug, similar quantity)."""
        try:
            self.duplicates = possible_duplicates(self.ctx, values, self.record_id)
        except (ServiceError, VaultError):
            self.duplicates = []
        if not self.duplicates:
            self.duplicate_hint.hide()
            return
        labels = self.session.labels
        lines = [self.tr("Possibly recorded already — check before saving:")]
        for c in self.duplicates[:3]:
            where = ", ".join(p for p in (c.place, labels.label("country", c.country)) if p)
            kg = "?" if c.kg_equivalent is None else show_kg(c.kg_equivalent)
            lines.append(
                self.tr("• %1: %2 at %3, %4 kg equivalent")
                .replace("%1", c.seized_on)
                .replace("%2", labels.label("drug", c.drug))
                .replace("%3", where)
                .replace("%4", kg)
            )
        self.duplicate_hint.setText("\n".join(lines))
        self.duplicate_hint.show()
