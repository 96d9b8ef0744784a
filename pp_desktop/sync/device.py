"""The device side of sync as the command line and the GUI use it: enrol, export, import, status.

Enrolment (DESIGN §5): the enrolment file from HQ installs HQ's root document and the device id;
the device makes its Ed25519 signing key and X25519 age identity (stored inside the vault) and
queues its enrolment request, authenticated with the file's one-time token, as its first bundle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from pp_desktop.services import Services
from pp_desktop.sync import agecrypt, bundle, minisign
from pp_desktop.sync.enrolment_file import EnrolmentFile, enrol_proof
from pp_desktop.sync.errors import BundleRejected, SyncError
from pp_desktop.sync.folder_transport import downstream_bundles, write_bundle
from pp_desktop.sync.inbox import ImportResult, import_bundle
from pp_desktop.sync.outbox import audit_head, build, store_sealed, unsent
from pp_desktop.sync.state import (
    Identity,
    load_identity,
    require_identity,
    root_to_text,
    store_identity,
)
from pp_desktop.sync.trust import check_pin, pinned_fingerprint, verify_root


class AlreadyEnrolled(SyncError):
    """The vault is enrolled already."""

    exit_code = 38
    default_message = "This vault is already enrolled with HQ."


@dataclass(frozen=True)
class Enrolled:
    """The outcome of an enrolment: what the officer confirms with HQ by phone or on paper."""

    device_id: str
    device_name: str
    root_fingerprint: str
    sign_key_id: str


def enrol(ctx: Services, path: Path) -> Enrolled:
    """Enrol this vault with the enrolment file at ``path``; the request travels as bundle 1."""
    ef = EnrolmentFile.read(path)
    verify_root(ef.root, None)
    check_pin(ef.root, pinned_fingerprint())
    signer = minisign.SigningKey.generate()
    age_identity, age_recipient = agecrypt.new_identity()
    sign_pub = signer.public.to_b64()
    item = {
        "t": "enrol",
        "device": ef.device_id,
        "name": ef.device_name,
        "sign_pub": sign_pub,
        "age_recipient": age_recipient,
        "proof": enrol_proof(ef.token, ef.device_id, sign_pub, age_recipient),
    }
    with ctx.writing() as scope:
        conn = scope.conn
        if load_identity(conn) is not None:
            raise AlreadyEnrolled()
        ident = Identity(
            ef.device_id,
            ef.device_name,
            signer,
            age_identity,
            age_recipient,
            root_to_text(ef.root),
            ef.root.fingerprint(),
            scope.at,
        )
        store_identity(conn, ident)
        sealed = bundle.seal(
            kind="enrol",
            sender=ef.device_id,
            seq=1,
            prev="",
            audit_head=audit_head(conn),
            items=[item],
            signer=signer,
            recipients=list(ef.root.hq_recipients),
        )
        store_sealed(conn, sealed, "enrol", 0, scope.at)
    return Enrolled(ef.device_id, ef.device_name, ef.root.fingerprint(), signer.key_id)


def public_key_file(ctx: Services) -> str:
    """The device's public signing key in minisign's ``.pub`` format (``minisign -V -p``)."""
    with ctx.reading() as conn:
        return require_identity(conn).signer.public.to_pub_file()


@dataclass
class ExportResult:
    """Files written by an export."""

    new_bundles: list[int] = field(default_factory=list)
    written: list[str] = field(default_factory=list)


def export(ctx: Services, folder: Path) -> ExportResult:
    """Seal what changed and write every bundle HQ has not acknowledged into ``folder``."""
    result = ExportResult()
    result.new_bundles = [o.seq for o in build(ctx)]
    for out in unsent(ctx):
        write_bundle(folder, out.names, out.age, out.minisig)
        result.written.append(out.names[0])
    return result


@dataclass
class FolderImport:
    """What an import of a folder did, bundle by bundle."""

    results: list[ImportResult] = field(default_factory=list)
    rejected: list[tuple[str, str, str]] = field(default_factory=list)  # (file, reason, message)


def import_folder(ctx: Services, folder: Path, now_ms: int | None = None) -> FolderImport:
    """Verify and apply every downstream bundle for this device found in ``folder``."""
    with ctx.reading() as conn:
        device_id = require_identity(conn).device_id
    out = FolderImport()
    for found in downstream_bundles(folder, device_id):
        age, sig = found.read()
        try:
            out.results.append(import_bundle(ctx, age, sig, now_ms))
        except BundleRejected as exc:
            out.rejected.append((found.name, exc.reason, exc.message))
    return out


def open_quarantine(ctx: Services) -> list[tuple[str, str, str]]:
    """Quarantined changes (entity, id, reason) for review."""
    with ctx.reading() as conn:
        rows = conn.execute(
            text("SELECT entity, entity_id, reason FROM sync_quarantine ORDER BY id")
        ).all()
    return [(str(a), str(b), str(c)) for a, b, c in rows]


__all__ = [
    "AlreadyEnrolled",
    "Enrolled",
    "ExportResult",
    "FolderImport",
    "enrol",
    "export",
    "import_folder",
    "open_quarantine",
    "public_key_file",
]
