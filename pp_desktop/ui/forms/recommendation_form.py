"""The recommendation form: the Paris Pact recommendation, its dated progress notes and the
projects that implement it."""

from __future__ import annotations

from typing import Any

from pp_desktop.ui.forms.child_list import ChildList
from pp_desktop.ui.forms.date_field import DateField
from pp_desktop.ui.forms.form_base import RecordForm
from pp_desktop.ui.forms.record_choices import record_choices
from pp_desktop.ui.forms.record_field import RecordField
from pp_desktop.ui.forms.simple_fields import TextField


class RecommendationForm(RecordForm):
    """Create or edit a recommendation with its progress notes and linked projects."""

    entity = "recommendation"

    def title(self) -> str:
        return self.tr("Edit recommendation") if self.record_id else self.tr("New recommendation")

    def build(self) -> None:
        self.add_group(
            self.tr("Recommendation"),
            [
                (self.tr("&Code"), self.field("code")),
                (self.tr("&Text"), self.field("text")),
                (self.tr("Working group"), self.field("working_group")),
                (self.tr("Meeting date"), self.field("meeting_date")),
                (self.tr("Pillar"), self.field("pillar")),
                (self.tr("Priority"), self.field("priority")),
                (self.tr("Addressed to"), self.field("addressed_to")),
                (self.tr("Status"), self.field("status")),
                (self.tr("Follow-up due"), self.field("follow_up_due")),
            ],
        )
        self.notes = ChildList(
            self.ctx,
            "progress_note",
            "recommendation_id",
            [
                (self.tr("Date"), DateField("noted_on", self.ctx.today(), optional=False)),
                (self.tr("Note"), TextField("note", max_length=2000)),
            ],
            lambda row: f"{row.get('noted_on') or ''}  {row.get('note') or ''}",
            self.record_id,
        )
        self.add_panel(self.tr("Progress notes"), self.notes, column=1)
        self._projects = dict(record_choices(self.ctx, "project"))
        self.links = ChildList(
            self.ctx,
            "recommendation_project",
            "recommendation_id",
            [(self.tr("Project"), RecordField("project_id", list(self._projects.items())))],
            self._describe_link,
            self.record_id,
        )
        self.add_panel(self.tr("Linked projects"), self.links, column=1)

    def _describe_link(self, row: dict[str, Any]) -> str:
        rid = str(row.get("project_id") or "")
        return self._projects.get(rid, rid)
