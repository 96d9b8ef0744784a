"""Attachments: file bytes inside the encrypted database, with a size cap."""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path

from sqlalchemy import select

from pp_desktop.models import MAX_ATTACHMENT_BYTES
from pp_desktop.services.context import Services, WriteScope
from pp_desktop.services.errors import Issue, NotFound, ValidationFailed
from pp_desktop.services.records import ChangeSet, insert_one, table


def add_attachment(
    ctx: Services,
    owner_entity: str,
    owner_id: str,
    file_name: str,
    data: bytes,
    media_type: str | None = None,
) -> ChangeSet:
    """Attach ``data`` to a record; refused above the size cap with a clear message."""
    check_size(file_name, len(data))
    with ctx.writing() as scope:
        rid, warnings = add_attachment_in(
            ctx, scope, owner_entity, owner_id, file_name, data, media_type
        )
    return ChangeSet("attachment", created=[rid], warnings=warnings)


def check_size(file_name: str, size: int) -> None:
    """Refuse a file above the attachment cap (before anything is read or written)."""
    if size > MAX_ATTACHMENT_BYTES:
        raise ValidationFailed(
            "attachment",
            [
                Issue(
                    "file",
                    f"{file_name} is {size / 1e6:.1f} MB; attachments are limited to "
                    f"{MAX_ATTACHMENT_BYTES / 1e6:.0f} MB. Reduce or compress the file.",
                )
            ],
        )


def add_attachment_in(
    ctx: Services,
    scope: WriteScope,
    owner_entity: str,
    owner_id: str,
    file_name: str,
    data: bytes,
    media_type: str | None = None,
) -> tuple[str, list[Issue]]:
    """Building block of :func:`add_attachment` inside a caller's transaction (a form stores a
    record and its new files atomically); returns the attachment id and warnings."""
    check_size(file_name, len(data))
    owner = table(owner_entity)
    alive = scope.conn.execute(
        select(owner.c.id).where(owner.c.id == owner_id, owner.c.deleted_at.is_(None))
    ).first()
    if not alive:
        raise NotFound("The record to attach the file to does not exist.")
    rid, warnings = insert_one(
        ctx,
        scope,
        "attachment",
        {
            "owner_entity": owner_entity,
            "owner_id": owner_id,
            "file_name": Path(file_name).name,
            "media_type": media_type
            or mimetypes.guess_type(file_name)[0]
            or "application/octet-stream",
            "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        },
    )
    att = table("attachment")
    scope.conn.execute(att.update().where(att.c.id == rid), {"data": data})
    return rid, warnings


def attachment_bytes(ctx: Services, attachment_id: str) -> bytes:
    """The bytes of a live attachment, checked against their SHA-256."""
    att = table("attachment")
    with ctx.reading() as conn:
        row = conn.execute(
            select(att.c.data, att.c.sha256).where(
                att.c.id == attachment_id, att.c.deleted_at.is_(None)
            )
        ).first()
    if row is None:
        raise NotFound("That attachment does not exist or was deleted.")
    data = bytes(row[0] or b"")
    if hashlib.sha256(data).hexdigest() != row[1]:
        raise ValidationFailed("attachment", [Issue("data", "is damaged (checksum mismatch).")])
    return data
