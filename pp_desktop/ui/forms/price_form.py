"""The price observation form: where and when, the price range, purity, source."""

from __future__ import annotations

from pp_desktop.ui.forms.form_base import RecordForm


class PriceForm(RecordForm):
    """Create or edit a price observation."""

    entity = "price"

    def title(self) -> str:
        return (
            self.tr("Edit price observation")
            if self.record_id
            else self.tr("New price observation")
        )

    def build(self) -> None:
        self.add_group(
            self.tr("When and where"),
            [
                (self.tr("&Date observed"), self.field("observed_on")),
                (self.tr("Period end"), self.field("period_end")),
                (self.tr("&Country"), self.field("country")),
                (self.tr("Place"), self.field("place")),
            ],
        )
        self.add_group(
            self.tr("Price"),
            [
                (self.tr("D&rug"), self.field("drug")),
                (self.tr("Sale level"), self.field("sale_level")),
                (self.tr("&Typical price"), self.field("price_typical")),
                (self.tr("Minimum"), self.field("price_min")),
                (self.tr("Maximum"), self.field("price_max")),
                (self.tr("Currency"), self.field("currency")),
                (self.tr("Per quantity"), self.field("per_quantity")),
                (self.tr("Per unit"), self.field("per_unit")),
            ],
        )
        self.add_group(
            self.tr("Handling"),
            [
                (self.tr("Confidentiality"), self.field("confidentiality")),
                (self.tr("Source"), self.field("source")),
            ],
            column=1,
        )
        self.add_group(
            self.tr("Purity and notes"),
            [
                (self.tr("Typical purity %"), self.field("purity_typical")),
                (self.tr("Minimum purity %"), self.field("purity_min")),
                (self.tr("Maximum purity %"), self.field("purity_max")),
                (self.tr("Notes"), self.field("notes")),
            ],
            column=1,
        )
        self.add_panel(self.tr("Attachments"), self.attachments_panel(), column=1)
