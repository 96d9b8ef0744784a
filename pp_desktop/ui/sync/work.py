"""The work behind the Sync page's buttons, run as background tasks (no widgets here).

Each function takes the task's :class:`~pp_desktop.ui.background.TaskControl`: progress out,
cancel in. Cancel is honoured between bundles, never inside one (each bundle is applied in one
transaction, so a cancelled import leaves whole bundles applied and the rest untouched).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from pp_desktop.services import Services
from pp_desktop.sync import device
from pp_desktop.sync.enrolment_file import EnrolmentFile
from pp_desktop.sync.errors import BundleRejected
from pp_desktop.sync.folder_transport import downstream_bundles, write_bundle
from pp_desktop.sync.inbox import import_bundle
from pp_desktop.sync.outbox import build, unsent
from pp_desktop.sync.state import require_identity
from pp_desktop.sync.trust import check_pin, pinned_fingerprint, verify_root
from pp_desktop.ui.background import TaskControl


def export_to_folder(ctx: Services, folder: Path, control: TaskControl) -> device.ExportResult:
    """Seal new changes, then write every bundle HQ has not confirmed into ``folder``."""
    control.progress(
        -1, QCoreApplication.translate("sync", "Sealing the changes made since the last export…")
    )
    result = device.ExportResult()
    result.new_bundles = [o.seq for o in build(ctx)]
    waiting = unsent(ctx)
    for i, out in enumerate(waiting):
        control.check()
        control.progress(
            i / len(waiting),
            QCoreApplication.translate("sync", "Writing bundle {n} of {total}…").format(
                n=i + 1, total=len(waiting)
            ),
        )
        write_bundle(folder, out.names, out.age, out.minisig)
        result.written.append(out.names[0])
    control.progress(1.0, "")
    return result


def import_from_folder(ctx: Services, folder: Path, control: TaskControl) -> device.FolderImport:
    """Verify and apply HQ's bundles for this device found in ``folder``, bundle by bundle."""
    with ctx.reading() as conn:
        device_id = require_identity(conn).device_id
    found = downstream_bundles(folder, device_id)
    out = device.FolderImport()
    for i, item in enumerate(found):
        control.check()
        control.progress(
            i / len(found),
            QCoreApplication.translate("sync", "Checking bundle {n} of {total}…").format(
                n=i + 1, total=len(found)
            ),
        )
        age, sig = item.read()
        try:
            out.results.append(import_bundle(ctx, age, sig))
        except BundleRejected as exc:
            out.rejected.append((item.name, exc.reason, exc.message))
    control.progress(1.0, "")
    return out


@dataclass(frozen=True)
class EnrolmentPreview:
    """What the officer confirms before the vault is enrolled (nothing written yet)."""

    path: Path
    device_id: str
    device_name: str
    hq_url: str | None
    token_expires: str
    fingerprint: str
    pinned: bool  # the build pins HQ's fingerprint and this one matches it


def preview_enrolment(path: Path) -> EnrolmentPreview:
    """Read and check the enrolment file (its checksum, the root's signatures, the pinned
    fingerprint) without writing anything; typed sync errors on a bad file."""
    ef = EnrolmentFile.read(path)
    verify_root(ef.root, None)
    pinned = pinned_fingerprint()
    check_pin(ef.root, pinned)
    return EnrolmentPreview(
        path,
        ef.device_id,
        ef.device_name,
        ef.hq_url,
        ef.token_expires,
        ef.root.fingerprint(),
        pinned is not None,
    )


def enrol(ctx: Services, path: Path) -> device.Enrolled:
    """Enrol from the file; the HQ address it carries is remembered for Sync now."""
    try:
        from pp_desktop.sync import http_transport
    except ImportError:
        return device.enrol(ctx, path)
    done: device.Enrolled = http_transport.enrol_and_remember(ctx, path)
    return done


def sync_available() -> bool:
    """True when this build has the HTTP transport (``Sync now``)."""
    try:
        from pp_desktop.sync import http_transport
    except ImportError:
        return False
    return hasattr(http_transport, "sync_now")


def sync_now(ctx: Services, url: str | None, control: TaskControl) -> Any:
    """One HTTP sync with HQ (send what is pending, fetch what waits), as a task.

    Returns the transport's report; network trouble is a report (``ok`` False), not an error.
    """
    from pp_desktop.sync import http_transport

    def progress(done: int, total: int, what: str) -> None:
        control.progress(done / total if total > 0 else -1.0, what)

    control.progress(-1, QCoreApplication.translate("sync", "Connecting to HQ…"))
    return http_transport.sync_now(ctx, url, progress=progress, cancelled=lambda: control.cancelled)


def now_utc() -> str:
    """The time stamps the page shows (UTC, to the second)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def record_result(
    ctx: Services, kind: str, ok: bool, status: str, message: str, *, synced: bool
) -> dict[str, str | bool]:
    """Remember the outcome of a sync, export or import for the page (``sync_last_result``);
    ``synced``: HQ was heard from (a receipt or bundle applied), so ``last_sync`` moves too
    (the status bar's "Last sync")."""
    import json

    from pp_desktop.ui.sync.reads import LAST_RESULT

    outcome: dict[str, str | bool] = {
        "at": now_utc(),
        "kind": kind,
        "ok": ok,
        "status": status,
        "message": message,
    }
    values = {LAST_RESULT: json.dumps(outcome, sort_keys=True, separators=(",", ":"))}
    if synced:
        values["last_sync"] = str(outcome["at"])
    ctx.vault.set_meta(values)
    return outcome


def hq_reachable(url: str, timeout: float = 3.0) -> bool:
    """True when HQ answers its health check (never raises: unreachable is an answer)."""
    try:
        from pp_desktop.sync import http_transport
    except ImportError:
        return False
    probe = getattr(http_transport, "hq_reachable", None)
    if probe is not None:
        return bool(probe(url, timeout))
    import httpx

    try:
        return httpx.get(url.rstrip("/") + "/health", timeout=timeout).status_code == 200
    except httpx.HTTPError:
        return False
