"""The project form: the IATI activity, its dates and budget, and its donors."""

from __future__ import annotations

from typing import Any

from pp_desktop.ui.forms.child_list import ChildList
from pp_desktop.ui.forms.editor import FieldEditor
from pp_desktop.ui.forms.form_base import RecordForm
from pp_desktop.ui.forms.record_choices import record_choices
from pp_desktop.ui.forms.record_field import RecordField
from pp_desktop.ui.forms.reference_field import ReferenceField
from pp_desktop.ui.forms.simple_fields import NumberField


class ProjectForm(RecordForm):
    """Create or edit a project with its donors."""

    entity = "project"

    def title(self) -> str:
        return self.tr("Edit project") if self.record_id else self.tr("New project")

    def build(self) -> None:
        self.add_group(
            self.tr("Activity"),
            [
                (self.tr("&IATI identifier"), self.field("identifier")),
                (self.tr("&Title"), self.field("title")),
                (self.tr("Description"), self.field("description")),
                (self.tr("Implementing organisation"), self.field("implementing_org_id")),
                (self.tr("Beneficiary country"), self.field("beneficiary_country")),
                (self.tr("Beneficiary agencies"), self.field("beneficiary_agencies")),
                (self.tr("Pillar"), self.field("pillar")),
                (self.tr("DAC sector"), self.field("dac_sector")),
                (self.tr("Status"), self.field("status")),
                (self.tr("Contact"), self.field("contact_id")),
                (self.tr("Confidentiality"), self.field("confidentiality")),
            ],
        )
        self.add_group(
            self.tr("Dates and budget"),
            [
                (self.tr("Planned start"), self.field("planned_start")),
                (self.tr("Actual start"), self.field("actual_start")),
                (self.tr("Planned end"), self.field("planned_end")),
                (self.tr("Actual end"), self.field("actual_end")),
                (self.tr("Budget"), self.field("budget")),
                (self.tr("Currency"), self.field("currency")),
            ],
            column=1,
        )
        donor_fields = self._donor_fields()
        self.donors = ChildList(
            self.ctx,
            "project_donor",
            "project_id",
            donor_fields,
            self._describe_donor,
            self.record_id,
        )
        self.add_panel(self.tr("Donors"), self.donors, column=1)

    def _donor_fields(self) -> list[tuple[str, FieldEditor]]:
        currency = ReferenceField("currency", self.options("currency"))
        currency.set_code("USD")
        return [
            (
                self.tr("Donor"),
                RecordField("organisation_id", record_choices(self.ctx, "organisation")),
            ),
            (self.tr("Amount"), NumberField("amount")),
            ("", currency),
        ]

    def _describe_donor(self, row: dict[str, Any]) -> str:
        name = self.session.record_name("organisation", row.get("organisation_id"))
        amount = row.get("amount")
        if amount is None:
            return name
        return f"{name} — {amount:,.0f} {row.get('currency') or ''}".rstrip()
