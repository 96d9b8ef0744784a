"""The officer's IATI reporting organisation, kept in the vault's settings (``vault_meta``).

Default: UNODC, which runs the Paris Pact programme. Its IATI organisation identifier follows
the IATI rule for multilateral agencies with an OECD-DAC channel code (``XM-DAC-`` + code): CRS
channel code 41128 is UNODC, hence ``XM-DAC-41128`` (``XM-DAC-41146`` is UN Women, not UNODC).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pp_desktop.exchange.iati.errors import IatiSettingRefused
from pp_desktop.store.vault import Vault

DEFAULT_REF = "XM-DAC-41128"
DEFAULT_NAME = "United Nations Office on Drugs and Crime"
DEFAULT_TYPE = "40"  # Multilateral
DEFAULT_LANG = "en"

_KEYS = {
    "ref": "iati_org_ref",
    "name": "iati_org_name",
    "type": "iati_org_type",
    "lang": "iati_lang",
}
# An organisation identifier is an agency prefix and an identifier joined by dashes
# (XM-DAC-41128, GB-GOV-1, XI-IATI-OCHASDC); no spaces, no slashes (they break activity ids).
_REF_RE = re.compile(r"[A-Za-z0-9]{2}-[A-Za-z0-9]+-[A-Za-z0-9._-]+")
_LANG_RE = re.compile(r"[a-z]{2}")
ORG_TYPES = frozenset(
    {"10", "11", "15", "21", "22", "23", "24", "30", "40", "60", "70", "71", "72", "73", "80", "90"}
)


@dataclass(frozen=True)
class ReportingOrg:
    """Who publishes the exported activities, and the language of the officer's texts."""

    ref: str = DEFAULT_REF
    name: str = DEFAULT_NAME
    type: str = DEFAULT_TYPE
    lang: str = DEFAULT_LANG


def reporting_org(vault: Vault) -> ReportingOrg:
    """The stored setting, or the default for each part not set."""
    meta = vault.meta()
    d = ReportingOrg()
    return ReportingOrg(
        meta.get(_KEYS["ref"]) or d.ref,
        meta.get(_KEYS["name"]) or d.name,
        meta.get(_KEYS["type"]) or d.type,
        meta.get(_KEYS["lang"]) or d.lang,
    )


def check_reporting_org(org: ReportingOrg) -> None:
    """Refuse an identifier, type or language IATI would not accept, with the reason."""
    if not _REF_RE.fullmatch(org.ref) or len(org.ref) > 100:
        raise IatiSettingRefused(
            f"'{org.ref}' is not an IATI organisation identifier. It is an agency prefix and "
            "a number joined by dashes, without spaces, e.g. XM-DAC-41128 (UNODC)."
        )
    if not org.name.strip():
        raise IatiSettingRefused("The reporting organisation needs a name.")
    if org.type not in ORG_TYPES:
        raise IatiSettingRefused(
            f"'{org.type}' is not an IATI organisation type (e.g. 10 Government, "
            "40 Multilateral, 21 International NGO)."
        )
    if not _LANG_RE.fullmatch(org.lang):
        raise IatiSettingRefused(
            f"'{org.lang}' is not a two-letter ISO 639-1 language code (e.g. en, ru)."
        )


def set_reporting_org(vault: Vault, org: ReportingOrg) -> None:
    """Check and store the setting (a vault setting, not a synchronised record)."""
    org = ReportingOrg(org.ref.strip(), org.name.strip(), org.type.strip(), org.lang.strip())
    check_reporting_org(org)
    vault.set_meta(
        {
            _KEYS["ref"]: org.ref,
            _KEYS["name"]: org.name,
            _KEYS["type"]: org.type,
            _KEYS["lang"]: org.lang,
        }
    )
