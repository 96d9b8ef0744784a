"""The sync layer's officer-facing texts marked for Qt Linguist (context ``sync_texts``).

The sync layer cannot use Qt; its rejection reasons (``pp_desktop.sync.errors.REASONS``) and the
default messages of its errors are repeated here verbatim so that ``pyside6-lupdate`` extracts
them; tests/ui/test_sync_page.py checks that every one of them is here, so a reason added there
and not here fails a test instead of showing English in the Russian interface.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pp_desktop.ui.tr_marks import QT_TRANSLATE_NOOP

MARKED: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("sync_texts", "The bundle is damaged or is not a pp-desktop bundle"),
    QT_TRANSLATE_NOOP(
        "sync_texts",
        "This bundle was made by a newer version of pp-desktop. Update the app, then import "
        "it again",
    ),
    QT_TRANSLATE_NOOP(
        "sync_texts", "This bundle was made by a version of pp-desktop too old to be read"
    ),
    QT_TRANSLATE_NOOP("sync_texts", "The bundle is larger than the size limit and was not opened"),
    QT_TRANSLATE_NOOP("sync_texts", "This bundle is not meant for this side (device or HQ)"),
    QT_TRANSLATE_NOOP(
        "sync_texts", "The bundle comes from a device or server this side does not know"
    ),
    QT_TRANSLATE_NOOP(
        "sync_texts", "The sending device has been revoked; its later bundles are refused"
    ),
    QT_TRANSLATE_NOOP(
        "sync_texts", "The enrolment token is wrong or has expired; ask HQ for a new enrolment file"
    ),
    QT_TRANSLATE_NOOP(
        "sync_texts", "The enrolment token has already been used; ask HQ for a new enrolment file"
    ),
    QT_TRANSLATE_NOOP(
        "sync_texts", "The bundle is signed by a key that does not belong to its sender"
    ),
    QT_TRANSLATE_NOOP(
        "sync_texts", "The bundle's signature does not match its contents (damaged or altered)"
    ),
    QT_TRANSLATE_NOOP(
        "sync_texts", "The bundle's contents do not match the hash in its signed header"
    ),
    QT_TRANSLATE_NOOP("sync_texts", "The bundle has expired; ask for a new one"),
    QT_TRANSLATE_NOOP(
        "sync_texts",
        "Another bundle with the same sequence number was already accepted from this sender",
    ),
    QT_TRANSLATE_NOOP("sync_texts", "The bundle is encrypted for another recipient"),
    QT_TRANSLATE_NOOP("sync_texts", "The bundle could not be decrypted (damaged or wrong key)"),
    QT_TRANSLATE_NOOP(
        "sync_texts", "The bundle's encrypted header does not match its signed header"
    ),
    QT_TRANSLATE_NOOP("sync_texts", "The bundle contains an item of the wrong shape"),
    QT_TRANSLATE_NOOP("sync_texts", "The bundle contains a record type this app does not know"),
    QT_TRANSLATE_NOOP("sync_texts", "The bundle contains a field this app does not know"),
    QT_TRANSLATE_NOOP("sync_texts", "HQ's root document is damaged"),
    QT_TRANSLATE_NOOP("sync_texts", "HQ's root document uses a newer format. Update the app"),
    QT_TRANSLATE_NOOP("sync_texts", "HQ's root document is not signed by enough root keys"),
    QT_TRANSLATE_NOOP("sync_texts", "HQ's root document has expired"),
    QT_TRANSLATE_NOOP("sync_texts", "HQ's root document is older than the one already installed"),
    QT_TRANSLATE_NOOP(
        "sync_texts", "HQ's root fingerprint does not match the one built into this app"
    ),
    QT_TRANSLATE_NOOP("sync_texts", "HQ's online signing key has expired"),
    QT_TRANSLATE_NOOP("sync_texts", "Synchronisation failed."),
    QT_TRANSLATE_NOOP("sync_texts", "The key file could not be read."),
    QT_TRANSLATE_NOOP("sync_texts", "Wrong passphrase for the key file. Check it and try again."),
    QT_TRANSLATE_NOOP(
        "sync_texts",
        "The enrolment file is damaged or is not a pp-desktop enrolment file. Ask HQ for a "
        "new one.",
    ),
    QT_TRANSLATE_NOOP(
        "sync_texts",
        "This vault is not enrolled with HQ yet. Run 'pp-desktop sync enrol FILE' with the "
        "enrolment file HQ gave you.",
    ),
    QT_TRANSLATE_NOOP(
        "sync_texts",
        "This vault was restored from a backup or copied. Import HQ's latest bundles first "
        "('pp-desktop sync import FOLDER'), so that nothing is sent twice or lost.",
    ),
    QT_TRANSLATE_NOOP("sync_texts", "This vault is already enrolled with HQ."),
)


def sync_text(text: str) -> str:
    """``text`` of the sync layer in the interface's language (as it came when not marked)."""
    return QCoreApplication.translate("sync_texts", text)
