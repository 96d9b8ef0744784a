"""IATI 2.03 activity XML: export assistance projects, import donors' activity files (issue 7).

Public entry points: :func:`export_projects`, :func:`import_activities` (returns an
:class:`ImportPreview`), :func:`reporting_org` / :func:`set_reporting_org`. docs/iati.md has the
field mapping. No Qt here.
"""

from __future__ import annotations

from pp_desktop.exchange.iati.errors import (
    ExportRefused,
    FileTooLarge,
    HostileXml,
    IatiError,
    IatiFileRefused,
    IatiSettingRefused,
    NotWellFormed,
    UnsupportedVersion,
    WrongRoot,
)
from pp_desktop.exchange.iati.export import ExportResult, export_projects
from pp_desktop.exchange.iati.importer import import_activities
from pp_desktop.exchange.iati.preview import Action, ImportPreview, PreviewItem
from pp_desktop.exchange.iati.reader import MAX_BYTES
from pp_desktop.exchange.iati.settings import ReportingOrg, reporting_org, set_reporting_org

__all__ = [
    "MAX_BYTES",
    "Action",
    "ExportRefused",
    "ExportResult",
    "FileTooLarge",
    "HostileXml",
    "IatiError",
    "IatiFileRefused",
    "IatiSettingRefused",
    "ImportPreview",
    "NotWellFormed",
    "PreviewItem",
    "ReportingOrg",
    "UnsupportedVersion",
    "WrongRoot",
    "export_projects",
    "import_activities",
    "reporting_org",
    "set_reporting_org",
]
