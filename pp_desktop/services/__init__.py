"""Use cases: validate, save, delete, search, stats; each returns a change set. No Qt here."""

from pp_desktop.services.context import Services
from pp_desktop.services.errors import Issue, NotFound, ServiceError, StaleRecord, ValidationFailed
from pp_desktop.services.records import ChangeSet

__all__ = [
    "ChangeSet",
    "Issue",
    "NotFound",
    "ServiceError",
    "Services",
    "StaleRecord",
    "ValidationFailed",
]
