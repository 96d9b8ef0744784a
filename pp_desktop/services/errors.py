"""Typed service errors with officer-facing messages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Issue:
    """One validation finding: an error blocks saving, a warning asks for confirmation."""

    field: str
    message: str
    severity: str = "error"  # "error" or "warning"

    @property
    def is_error(self) -> bool:
        """True for a blocking finding."""
        return self.severity == "error"


class ServiceError(Exception):
    """Base of errors the services report to an officer."""

    exit_code = 20

    @property
    def message(self) -> str:
        """The officer-facing message."""
        return str(self.args[0]) if self.args else self.__class__.__name__


class ValidationFailed(ServiceError):
    """Saving was refused: the record has errors (warnings ride along)."""

    exit_code = 21

    def __init__(self, entity: str, issues: list[Issue]) -> None:
        self.entity = entity
        self.issues = issues
        errors = [i for i in issues if i.is_error]
        lines = "; ".join(f"{i.field}: {i.message.rstrip('.')}" for i in errors[:5])
        more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
        super().__init__(f"The {entity.replace('_', ' ')} was not saved: {lines}{more}")


class NotFound(ServiceError):
    """No live record with that id."""

    exit_code = 22


class StaleRecord(ServiceError):
    """The record changed since it was read (another window, an import or a sync)."""

    exit_code = 23
