"""Technical assistance (ADAM): organisations, projects with donors, recommendations, contacts.

Child records (donor shares, progress notes, recommendation-project links) are records of their
own with sync columns, so two officers adding notes to the same recommendation never conflict.
"""

from __future__ import annotations

from sqlalchemy import Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pp_desktop.models.base import Base, SyncColumns


class Organisation(SyncColumns, Base):
    """Donor, implementing agency, national counterpart agency..."""

    __tablename__ = "organisation"

    name: Mapped[str] = mapped_column(String(300))
    acronym: Mapped[str] = mapped_column(String(40), default="")
    kind: Mapped[str] = mapped_column(String(8), default="10")  # IATI OrganisationType
    country: Mapped[str] = mapped_column(String(3), default="")
    iati_ref: Mapped[str] = mapped_column(String(100), default="")  # IATI organisation identifier

    __table_args__ = (Index("ix_organisation_name", "name"),)


class Contact(SyncColumns, Base):
    """A counterpart contact (personal data: exported only on purpose)."""

    __tablename__ = "contact"

    name: Mapped[str] = mapped_column(String(200))
    organisation_id: Mapped[str | None] = mapped_column(
        ForeignKey("organisation.id"), default=None, index=True
    )
    role: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Project(SyncColumns, Base):
    """An assistance project; maps one-to-one onto an IATI 2.03 iati-activity."""

    __tablename__ = "project"

    identifier: Mapped[str] = mapped_column(String(150), unique=True)  # IATI identifier
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    implementing_org_id: Mapped[str | None] = mapped_column(
        ForeignKey("organisation.id"), default=None, index=True
    )
    beneficiary_country: Mapped[str] = mapped_column(String(3), default="")
    beneficiary_agencies: Mapped[str] = mapped_column(String(500), default="")
    pillar: Mapped[str] = mapped_column(String(32), default="")
    dac_sector: Mapped[str] = mapped_column(String(8), default="16063")
    status: Mapped[str] = mapped_column(String(2), default="2")  # IATI ActivityStatus
    planned_start: Mapped[str | None] = mapped_column(String(10), default=None)
    actual_start: Mapped[str | None] = mapped_column(String(10), default=None)
    planned_end: Mapped[str | None] = mapped_column(String(10), default=None)
    actual_end: Mapped[str | None] = mapped_column(String(10), default=None)
    budget: Mapped[float | None] = mapped_column(Float, default=None)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None)
    confidentiality: Mapped[str] = mapped_column(String(16), default="NORMAL")

    __table_args__ = (Index("ix_project_country", "beneficiary_country", "status"),)


class ProjectDonor(SyncColumns, Base):
    """A donor's contribution to a project."""

    __tablename__ = "project_donor"

    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"), index=True)
    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisation.id"), index=True)
    amount: Mapped[float | None] = mapped_column(Float, default=None)
    currency: Mapped[str] = mapped_column(String(3), default="USD")


class Recommendation(SyncColumns, Base):
    """A recommendation of an expert working group, endorsed by the policy consultative group."""

    __tablename__ = "recommendation"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    text: Mapped[str] = mapped_column(Text)
    working_group: Mapped[str] = mapped_column(String(32), default="")
    meeting_date: Mapped[str | None] = mapped_column(String(10), default=None)
    pillar: Mapped[str] = mapped_column(String(32), default="")
    priority: Mapped[str] = mapped_column(String(8), default="MEDIUM")
    addressed_to: Mapped[str] = mapped_column(String(500), default="")  # countries / organisations
    status: Mapped[str] = mapped_column(String(16), default="OPEN")
    follow_up_due: Mapped[str | None] = mapped_column(String(10), default=None)

    __table_args__ = (Index("ix_recommendation_status", "status", "follow_up_due"),)


class ProgressNote(SyncColumns, Base):
    """A dated progress note on a recommendation."""

    __tablename__ = "progress_note"

    recommendation_id: Mapped[str] = mapped_column(ForeignKey("recommendation.id"), index=True)
    noted_on: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text)


class RecommendationProject(SyncColumns, Base):
    """A link between a recommendation and a project that follows it up."""

    __tablename__ = "recommendation_project"

    recommendation_id: Mapped[str] = mapped_column(ForeignKey("recommendation.id"), index=True)
    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"), index=True)
