"""The organisation form (donors, implementing agencies, national counterparts)."""

from __future__ import annotations

from pp_desktop.ui.forms.form_base import RecordForm


class OrganisationForm(RecordForm):
    """Create or edit an organisation."""

    entity = "organisation"

    def title(self) -> str:
        return self.tr("Edit organisation") if self.record_id else self.tr("New organisation")

    preferred_width = 620

    def build(self) -> None:
        self.setMinimumWidth(560)
        self.add_group(
            self.tr("Organisation"),
            [
                (self.tr("&Name"), self.field("name")),
                (self.tr("Acronym"), self.field("acronym")),
                (self.tr("Kind"), self.field("kind")),
                (self.tr("Country"), self.field("country")),
                (self.tr("IATI identifier"), self.field("iati_ref")),
            ],
        )
