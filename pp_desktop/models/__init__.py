"""The domain model (SQLAlchemy 2.0, typed). No Qt here."""

from pp_desktop.models.assistance import (
    Contact,
    Organisation,
    ProgressNote,
    Project,
    ProjectDonor,
    Recommendation,
    RecommendationProject,
)
from pp_desktop.models.attachment import MAX_ATTACHMENT_BYTES, Attachment
from pp_desktop.models.base import SYNC_COLUMN_NAMES, Base, SyncColumns
from pp_desktop.models.field_data import PriceObservation, Seizure
from pp_desktop.models.ledger import AuditEntry, JournalEntry, VaultMeta
from pp_desktop.models.reference import REFERENCE_KINDS, ReferenceCode
from pp_desktop.models.sync_state import (
    InboundBundle,
    OutboundBundle,
    QuarantinedChange,
    SyncConflict,
    SyncIdentity,
)

# Entity name (as used in journal, audit and bundles) -> mapped class, for every synced record.
ENTITIES: dict[str, type[SyncColumns]] = {
    "seizure": Seizure,
    "price": PriceObservation,
    "organisation": Organisation,
    "contact": Contact,
    "project": Project,
    "project_donor": ProjectDonor,
    "recommendation": Recommendation,
    "progress_note": ProgressNote,
    "recommendation_project": RecommendationProject,
    "attachment": Attachment,
}

__all__ = [
    "ENTITIES",
    "MAX_ATTACHMENT_BYTES",
    "REFERENCE_KINDS",
    "SYNC_COLUMN_NAMES",
    "Attachment",
    "AuditEntry",
    "Base",
    "Contact",
    "InboundBundle",
    "JournalEntry",
    "Organisation",
    "OutboundBundle",
    "PriceObservation",
    "ProgressNote",
    "Project",
    "ProjectDonor",
    "QuarantinedChange",
    "Recommendation",
    "RecommendationProject",
    "ReferenceCode",
    "Seizure",
    "SyncColumns",
    "SyncConflict",
    "SyncIdentity",
    "VaultMeta",
]
