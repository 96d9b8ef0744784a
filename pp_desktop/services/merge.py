"""Three-way, field-by-field merge of a remote change into a local record (DESIGN §5).

Pure functions, shared by the device (:mod:`pp_desktop.services.remote`) and HQ (``pp_hq``): the
caller says what the local side changed since the change's base; this module decides what to
write. The base of a change is named by (version, hlc) together, since two devices can each turn
version 3 into a different version 4.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pp_desktop.services.hlc import MAX_SKEW_MS, format_hlc, parse_hlc

INSERT, SKIP, FAST_FORWARD, MERGE, CONFLICT = (
    "insert",
    "skip",
    "fast_forward",
    "merge",
    "conflict",
)


@dataclass(frozen=True)
class Change:
    """One record change as it travels in a bundle (``fields``: the changed fields' values)."""

    entity: str
    id: str
    version: int
    hlc: str
    base_version: int
    base_hlc: str
    fields: Mapping[str, Any]
    deleted: bool = False

    @classmethod
    def from_item(cls, item: Mapping[str, Any]) -> Change:
        """A change from a bundle's ``{"t": "change", ...}`` item."""
        return cls(
            str(item["entity"]),
            str(item["id"]),
            int(item["version"]),
            str(item["hlc"]),
            int(item.get("base_version") or 0),
            str(item.get("base_hlc") or ""),
            dict(item.get("fields") or {}),
            bool(item.get("deleted", False)),
        )

    def to_item(self) -> dict[str, Any]:
        """The bundle item of this change."""
        return {
            "t": "change",
            "entity": self.entity,
            "id": self.id,
            "version": self.version,
            "hlc": self.hlc,
            "base_version": self.base_version,
            "base_hlc": self.base_hlc,
            "fields": dict(self.fields),
            "deleted": self.deleted,
        }


@dataclass(frozen=True)
class Local:
    """The receiver's current state of the record."""

    version: int
    hlc: str
    values: Mapping[str, Any]
    deleted: bool


@dataclass(frozen=True)
class Plan:
    """What to do with one incoming change.

    ``write``: field values to store; ``deleted``: the tombstone state after the change;
    ``conflict_fields``: fields both sides changed to different values (the later HLC's value is
    in ``write`` provisionally); ``delete_conflict``: one side deleted what the other edited.
    """

    action: str
    write: dict[str, Any] = field(default_factory=dict)
    deleted: bool = False
    conflict_fields: tuple[str, ...] = ()
    delete_conflict: bool = False
    theirs_win: bool = False  # the remote side has the later HLC (provisional winner)

    @property
    def is_conflict(self) -> bool:
        """True when a person has to decide."""
        return self.action == CONFLICT


def plan(
    local: Local | None,
    change: Change,
    mine_changed: frozenset[str] = frozenset(),
    mine_deleted: bool = False,
    now_ms: int | None = None,
    seen: bool = False,
) -> Plan:
    """Decide how ``change`` lands on ``local``.

    ``mine_changed``: the fields the local side changed since the change's base that the sender
    has not seen; ``mine_deleted``: the local side deleted the record since then; ``now_ms``:
    the receiver's clock, to clamp a remote HLC more than a day ahead before it is compared (the
    stored HLC stays the sender's: it names the version); ``seen``: this exact (version, hlc)
    was applied or made here before (an echo or a re-sent change: nothing to do).
    """
    if seen and local is not None:
        return Plan(SKIP, {}, local.deleted)
    if local is None:
        return Plan(INSERT, dict(change.fields), change.deleted)
    if (local.version, local.hlc) == (change.version, change.hlc):
        return Plan(SKIP, {}, local.deleted)
    if (local.version, local.hlc) == (change.base_version, change.base_hlc):
        return Plan(FAST_FORWARD, dict(change.fields), change.deleted)
    theirs_hlc = change.hlc if now_ms is None else clamp_hlc(change.hlc, now_ms)[0]
    theirs_win = theirs_hlc > local.hlc
    if not mine_changed and not mine_deleted and change.version >= local.version:
        # nothing here the sender has not seen: its state supersedes ours (a stale base only)
        return Plan(FAST_FORWARD, dict(change.fields), change.deleted, (), False, True)
    # delete against edit: both versions are kept, the later HLC decides provisionally
    if change.deleted and not local.deleted and mine_changed:
        return Plan(CONFLICT, {}, theirs_win, (), True, theirs_win)
    if mine_deleted and local.deleted and not change.deleted and change.fields:
        write = dict(change.fields) if theirs_win else {}
        return Plan(CONFLICT, write, not theirs_win, (), True, theirs_win)
    overlap = tuple(
        sorted(
            name
            for name, value in change.fields.items()
            if name in mine_changed and name in local.values and local.values[name] != value
        )
    )
    write = {k: v for k, v in change.fields.items() if k not in mine_changed}
    deleted = local.deleted or change.deleted
    if overlap:
        if theirs_win:
            write.update({k: change.fields[k] for k in overlap})
        return Plan(CONFLICT, write, deleted, overlap, False, theirs_win)
    return Plan(MERGE, write, deleted, (), False, theirs_win)


def merged_version(local: Local | None, change: Change, action: str) -> int:
    """The version after applying: the change's own on insert / fast-forward, else one more than
    either side (a merge is a new state neither side had)."""
    if local is None or action in (INSERT, FAST_FORWARD):
        return change.version
    if action == SKIP:
        return local.version
    return max(local.version, change.version) + 1


def clamp_hlc(hlc: str, now_ms: int) -> tuple[str, bool]:
    """``hlc`` limited to a day ahead of ``now_ms``; True when it had to be clamped (flagged),
    so one laptop with a wrong clock cannot win every conflict."""
    wall, counter, device = parse_hlc(hlc)
    limit = now_ms + MAX_SKEW_MS
    if wall <= limit:
        return hlc, False
    return format_hlc(limit, counter, device), True
