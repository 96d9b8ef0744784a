"""Typed sync errors: a stable reason code for programs, a message for an officer or operator.

Every way a bundle, a root document, an enrolment file or a key file can be refused is listed in
``REASONS`` (and, with the same codes and words, in docs/sync-protocol.md). The protocol layer
raises only these types, whatever the input bytes, so callers never see a stray ``ValueError``.
"""

from __future__ import annotations

# reason code -> officer-facing message. ``{detail}`` (when given) says which part was wrong.
REASONS: dict[str, str] = {
    # step 1: parse the two files and the header
    "malformed": "The bundle is damaged or is not a pp-desktop bundle",
    "format-too-new": (
        "This bundle was made by a newer version of pp-desktop. Update the app, then import it "
        "again"
    ),
    "format-too-old": "This bundle was made by a version of pp-desktop too old to be read",
    "too-large": "The bundle is larger than the size limit and was not opened",
    "wrong-kind": "This bundle is not meant for this side (device or HQ)",
    # step 2 (the caller: sender's key lookup, revocation, enrolment token)
    "unknown-sender": "The bundle comes from a device or server this side does not know",
    "revoked": "The sending device has been revoked; its later bundles are refused",
    "bad-token": "The enrolment token is wrong or has expired; ask HQ for a new enrolment file",
    "token-used": "The enrolment token has already been used; ask HQ for a new enrolment file",
    # step 3-4: signature and hash
    "wrong-key": "The bundle is signed by a key that does not belong to its sender",
    "bad-signature": "The bundle's signature does not match its contents (damaged or altered)",
    "hash-mismatch": "The bundle's contents do not match the hash in its signed header",
    "expired": "The bundle has expired; ask for a new one",
    # step 5 (the caller: replay and fork)
    "fork": "Another bundle with the same sequence number was already accepted from this sender",
    # step 6-8: decrypt, inner header, limits and shapes
    "not-for-us": "The bundle is encrypted for another recipient",
    "decrypt-failed": "The bundle could not be decrypted (damaged or wrong key)",
    "header-mismatch": "The bundle's encrypted header does not match its signed header",
    "bad-item": "The bundle contains an item of the wrong shape",
    "unknown-entity": "The bundle contains a record type this app does not know",
    "unknown-field": "The bundle contains a field this app does not know",
    # trust: the root document
    "root-malformed": "HQ's root document is damaged",
    "root-too-new": "HQ's root document uses a newer format. Update the app",
    "root-threshold": "HQ's root document is not signed by enough root keys",
    "root-expired": "HQ's root document has expired",
    "root-rollback": "HQ's root document is older than the one already installed",
    "root-pinned": "HQ's root fingerprint does not match the one built into this app",
    "online-key-expired": "HQ's online signing key has expired",
}


class SyncError(Exception):
    """Base of every error the sync layer reports to an officer or operator."""

    exit_code = 30
    default_message = "Synchronisation failed."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)

    @property
    def message(self) -> str:
        """The officer-facing message."""
        return str(self.args[0])


class BundleRejected(SyncError):
    """A bundle (or trust document) was refused; nothing of it was applied.

    ``reason`` is a stable code from ``REASONS``; ``detail`` names the part that failed.
    """

    exit_code = 31

    def __init__(self, reason: str, detail: str = "") -> None:
        if reason not in REASONS:  # a typo in a reason code is a bug, not a rejection
            raise AssertionError(f"unknown rejection reason {reason!r}")
        self.reason = reason
        self.detail = detail
        text = REASONS[reason]
        super().__init__(f"{text} ({reason}{': ' + detail if detail else ''}).")


class RootRejected(BundleRejected):
    """HQ's root document (from an enrolment file or a downstream bundle) was refused."""

    exit_code = 32


class KeyFileError(SyncError):
    """A secret key file is missing, damaged, or its passphrase is wrong."""

    exit_code = 33
    default_message = "The key file could not be read."


class KeyPassphraseWrong(KeyFileError):
    """The key file is intact but the passphrase does not open it."""

    default_message = "Wrong passphrase for the key file. Check it and try again."


class EnrolmentFileError(SyncError):
    """An enrolment file is damaged, of an unknown format, or not an enrolment file at all."""

    exit_code = 34
    default_message = (
        "The enrolment file is damaged or is not a pp-desktop enrolment file. Ask HQ for a new one."
    )
