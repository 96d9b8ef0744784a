"""Typed errors of the IATI exchange, each with a message written for an officer.

They are service errors, so the command line turns them into a message and exit code 2 (input
error) and the GUI shows the message; nothing is written when one is raised.
"""

from __future__ import annotations

from pp_desktop.services.errors import ServiceError


class IatiError(ServiceError):
    """Base of every IATI import or export refusal."""

    exit_code = 2


class IatiFileRefused(IatiError):
    """The file cannot be read as an IATI activity file; nothing was imported."""


class NotWellFormed(IatiFileRefused):
    """The file is not well-formed XML (cut short, wrong encoding, not XML at all)."""


class HostileXml(IatiFileRefused):
    """The file declares a DTD or entities (XXE, billion-laughs): refused before reading on."""


class WrongRoot(IatiFileRefused):
    """The XML is fine but it is not an ``iati-activities`` file."""


class UnsupportedVersion(IatiFileRefused):
    """An IATI version this application does not read (only 2.01 to 2.03)."""


class FileTooLarge(IatiFileRefused):
    """The file is over the size cap."""


class IatiSettingRefused(IatiError):
    """The reporting organisation setting was refused (identifier or type not valid)."""


class ExportRefused(IatiError):
    """Nothing could be exported (no project, or every project was left out)."""
