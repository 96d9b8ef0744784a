"""The contact form: a person at an organisation (personal data: shown, never logged)."""

from __future__ import annotations

from pp_desktop.ui.forms.form_base import RecordForm


class ContactForm(RecordForm):
    """Create or edit a contact."""

    entity = "contact"

    def title(self) -> str:
        return self.tr("Edit contact") if self.record_id else self.tr("New contact")

    preferred_width = 620

    def build(self) -> None:
        self.setMinimumWidth(560)
        self.add_group(
            self.tr("Contact"),
            [
                (self.tr("&Name"), self.field("name")),
                (self.tr("Organisation"), self.field("organisation_id")),
                (self.tr("Role"), self.field("role")),
                (self.tr("Phone"), self.field("phone")),
                (self.tr("E-mail"), self.field("email")),
                (self.tr("Notes"), self.field("notes")),
            ],
        )
