"""What an import did or would do, activity by activity: a plain object a dialog can show."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Action(StrEnum):
    """What happens to one activity."""

    NEW = "new"
    UPDATE = "update"
    SKIP = "skip"


@dataclass(frozen=True)
class PreviewItem:
    """One activity of the file: the decision, why, and which project fields change."""

    identifier: str
    title: str
    action: Action
    reason: str = ""  # why it is skipped ("" for new and updated)
    changed: tuple[str, ...] = ()  # project fields set or changed, plus donors / links added
    notes: tuple[str, ...] = ()  # parts of the activity that could not be taken over
    project_id: str = ""  # the project created or updated ("" in a dry run of a new one)


@dataclass
class ImportPreview:
    """The decisions for a whole file. ``applied`` is False for a dry run (nothing written)."""

    path: Path
    version: str
    country: str = ""
    sector: str = ""
    items: list[PreviewItem] = field(default_factory=list)
    new_organisations: list[str] = field(default_factory=list)
    applied: bool = False

    def of(self, action: Action) -> list[PreviewItem]:
        """The items with ``action``."""
        return [i for i in self.items if i.action is action]

    @property
    def counts(self) -> dict[Action, int]:
        """How many activities are new, updated, skipped."""
        out = dict.fromkeys(Action, 0)
        for i in self.items:
            out[i.action] += 1
        return out

    def summary(self) -> str:
        """One line for the officer."""
        c = self.counts
        verb = "Imported" if self.applied else "Would import"
        orgs = len(self.new_organisations)
        return (
            f"{verb} {self.path.name} (IATI {self.version}): {c[Action.NEW]} new, "
            f"{c[Action.UPDATE]} updated, {c[Action.SKIP]} skipped; "
            f"{orgs} new organisation{'s' if orgs != 1 else ''}."
        )
