"""IATI export: every file validates against the official 2.03 schema and says what the
projects say; confidentiality is respected; a failed export leaves nothing behind."""

from __future__ import annotations

import itertools
from decimal import Decimal
from pathlib import Path

import pytest

from pp_desktop.exchange.iati import (
    ExportRefused,
    IatiSettingRefused,
    ReportingOrg,
    export_projects,
    reporting_org,
    set_reporting_org,
)
from pp_desktop.exchange.iati.activity import PILLAR_VOCAB_URI, RECOMMENDATION_VOCAB_URI
from pp_desktop.exchange.iati.budgets import periods
from pp_desktop.exchange.iati.writer import write_activities
from pp_desktop.services import Services
from pp_desktop.services import records as rec
from tests.exchange.test_iati_support import assert_valid, donor, link, org, project, recommendation

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _full_project(ctx: Services) -> str:
    pid = project(ctx)
    donor(ctx, pid, org(ctx, "European Union", "40", "XI-IATI-EC_INTPA"), 500_000.0)
    donor(ctx, pid, org(ctx, "Ministry of Foreign Affairs of Japan", "10"))
    impl = org(ctx, "United Nations Office on Drugs and Crime", "40", "XM-DAC-41128")
    rec.update(ctx, "project", pid, {"implementing_org_id": impl})
    link(ctx, recommendation(ctx, "PP-BOR-2024-07"), pid)
    link(ctx, recommendation(ctx, "PP-IFF-2023-02"), pid)
    return pid


def test_export_validates_and_carries_every_mapped_field(ctx: Services, tmp_path: Path) -> None:
    _full_project(ctx)
    out = tmp_path / "projects.xml"
    result = export_projects(ctx, out)
    assert result.exported == ["XM-DAC-41128-PPI-2025-001"]
    assert result.skipped == [] and result.warnings == []
    root = assert_valid(out).getroot()
    assert root.get("version") == "2.03"
    [act] = root.findall("iati-activity")
    assert act.get("default-currency") == "EUR"
    assert act.get(XML_LANG) == "en"
    assert act.findtext("iati-identifier") == "XM-DAC-41128-PPI-2025-001"
    rep = act.find("reporting-org")
    assert (rep.get("ref"), rep.get("type")) == ("XM-DAC-41128", "40")
    assert rep.get("secondary-reporter") is None
    title = act.find("title/narrative")
    assert title.text == "Mobile interdiction teams, Tajik-Afghan border"
    assert title.get(XML_LANG) == "en"
    desc = act.find("description")
    assert desc.get("type") == "1"
    assert desc.findtext("narrative") == (
        "Training and equipment for five teams.\nLine two: «quotes» & <tags>."
    )
    roles = [
        (p.get("role"), p.get("ref"), p.get("type"), p.findtext("narrative"))
        for p in act.findall("participating-org")
    ]
    assert roles == [
        ("1", "XI-IATI-EC_INTPA", "40", "European Union"),
        ("1", None, "10", "Ministry of Foreign Affairs of Japan"),
        ("4", "XM-DAC-41128", "40", "United Nations Office on Drugs and Crime"),
    ]
    assert act.find("activity-status").get("code") == "2"
    dates = {d.get("type"): d.get("iso-date") for d in act.findall("activity-date")}
    assert dates == {"1": "2025-01-01", "2": "2025-02-15", "3": "2027-06-30"}
    assert [c.get("code") for c in act.findall("recipient-country")] == ["TJ"]
    [sector] = act.findall("sector")
    assert (sector.get("vocabulary"), sector.get("code")) == ("1", "15210")
    tags = [
        (t.get("vocabulary"), t.get("vocabulary-uri"), t.get("code")) for t in act.findall("tag")
    ]
    assert tags == [
        ("99", PILLAR_VOCAB_URI, "BORDER"),
        ("99", RECOMMENDATION_VOCAB_URI, "PP-BOR-2024-07"),
        ("99", RECOMMENDATION_VOCAB_URI, "PP-IFF-2023-02"),
    ]
    label = act.find("tag/narrative")
    assert label.text == "Border control and law-enforcement cooperation"
    assert label.get(XML_LANG) == "en"


def test_budget_periods_are_at_most_a_year_and_add_up_to_the_total(
    ctx: Services, tmp_path: Path
) -> None:
    _full_project(ctx)
    out = tmp_path / "b.xml"
    export_projects(ctx, out)
    budgets = assert_valid(out).getroot().findall("iati-activity/budget")
    # actual start 2025-02-15 to planned end 2027-06-30: three periods
    spans = [(b.find("period-start").get("iso-date"), b.find("period-end").get("iso-date"))
             for b in budgets]  # fmt: skip
    assert spans == [
        ("2025-02-15", "2026-02-14"),
        ("2026-02-15", "2027-02-14"),
        ("2027-02-15", "2027-06-30"),
    ]
    assert sum(Decimal(b.findtext("value")) for b in budgets) == Decimal("1234567.89")
    assert all(b.get("status") == "1" and b.get("type") == "1" for b in budgets)


@pytest.mark.parametrize(
    ("start", "end", "n"),
    [
        ("2024-02-29", "2025-02-28", 1),
        ("2024-02-29", "2025-03-01", 2),
        ("2025-01-01", "2025-01-01", 1),
    ],
)
def test_periods_cover_the_span_without_gaps(start: str, end: str, n: int) -> None:
    from datetime import date, timedelta

    spans = periods(date.fromisoformat(start), date.fromisoformat(end))
    assert len(spans) == n
    assert spans[0][0] == date.fromisoformat(start) and spans[-1][1] == date.fromisoformat(end)
    for (_, a_end), (b_start, _) in itertools.pairwise(spans):
        assert b_start == a_end + timedelta(days=1)
    for a, b in spans:
        assert (b - a).days < 366


def test_project_without_orgs_names_the_publisher_accountable(
    ctx: Services, tmp_path: Path
) -> None:
    project(ctx, budget=None)
    out = tmp_path / "a.xml"
    export_projects(ctx, out)
    [p] = assert_valid(out).getroot().findall("iati-activity/participating-org")
    assert (p.get("role"), p.get("ref")) == ("2", "XM-DAC-41128")


def test_projects_iati_cannot_represent_are_left_out_with_the_reason(
    ctx: Services, tmp_path: Path
) -> None:
    project(ctx)
    project(ctx, identifier="XM-DAC-41128-NO-DESC", description="")
    project(
        ctx, identifier="XM-DAC-41128-NO-DATE", planned_start=None, actual_start=None,
        planned_end=None,
    )  # fmt: skip
    project(ctx, identifier="XM-DAC-41128-OPEN-END", planned_end=None)
    out = tmp_path / "p.xml"
    result = export_projects(ctx, out)
    assert result.exported == ["XM-DAC-41128-OPEN-END", "XM-DAC-41128-PPI-2025-001"]
    reasons = dict(result.skipped)
    assert "description" in reasons["XM-DAC-41128-NO-DESC"]
    assert "date" in reasons["XM-DAC-41128-NO-DATE"]
    assert result.warnings == [
        ("XM-DAC-41128-OPEN-END", "budget not exported: IATI budgets need the start and end dates.")
    ]
    assert_valid(out)


def test_confidentiality_restricted_named_confidential_confirmed(
    ctx: Services, tmp_path: Path
) -> None:
    project(ctx)
    project(ctx, identifier="XM-DAC-41128-R", confidentiality="RESTRICTED")
    project(ctx, identifier="XM-DAC-41128-C", confidentiality="CONFIDENTIAL")
    out = tmp_path / "c.xml"
    all_ = export_projects(ctx, out)
    assert all_.exported == ["XM-DAC-41128-PPI-2025-001"]
    assert {i for i, _ in all_.skipped} == {"XM-DAC-41128-R", "XM-DAC-41128-C"}
    named = export_projects(ctx, out, ["XM-DAC-41128-R", "XM-DAC-41128-C"])
    assert named.exported == ["XM-DAC-41128-R"]
    assert [i for i, _ in named.skipped] == ["XM-DAC-41128-C"]
    confirmed = export_projects(ctx, out, ["XM-DAC-41128-C"], confirm_confidential=True)
    assert confirmed.exported == ["XM-DAC-41128-C"]
    ids = [e.text for e in assert_valid(out).getroot().iter("iati-identifier")]
    assert ids == ["XM-DAC-41128-C"]


def test_projects_are_named_by_id_or_identifier(ctx: Services, tmp_path: Path) -> None:
    first = project(ctx)
    project(ctx, identifier="XM-DAC-41128-B")
    result = export_projects(ctx, tmp_path / "x.xml", [first, "XM-DAC-41128-B", first])
    assert sorted(result.exported) == ["XM-DAC-41128-B", "XM-DAC-41128-PPI-2025-001"]
    with pytest.raises(ExportRefused, match="NOPE"):
        export_projects(ctx, tmp_path / "y.xml", ["NOPE"])
    assert not (tmp_path / "y.xml").exists()


def test_nothing_to_export_is_refused_and_writes_nothing(ctx: Services, tmp_path: Path) -> None:
    with pytest.raises(ExportRefused, match="no project"):
        export_projects(ctx, tmp_path / "none.xml")
    project(ctx, description="")
    with pytest.raises(ExportRefused, match="description"):
        export_projects(ctx, tmp_path / "none.xml")
    with pytest.raises(ExportRefused, match="does not exist"):
        export_projects(ctx, tmp_path / "missing" / "x.xml")
    assert list(tmp_path.iterdir()) == [tmp_path / "vault"]


def test_a_failed_write_keeps_the_previous_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.xml"
    target.write_text("previous export")

    def broken():  # type: ignore[no-untyped-def]
        raise OSError("disk full")
        yield  # pragma: no cover

    with pytest.raises(OSError, match="disk full"):
        write_activities(target, broken(), "2026-11-28T00:00:00Z")
    assert target.read_text() == "previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xml"]


def test_reporting_org_setting_and_secondary_reporter(ctx: Services, tmp_path: Path) -> None:
    assert reporting_org(ctx.vault) == ReportingOrg(
        "XM-DAC-41128", "United Nations Office on Drugs and Crime", "40", "en"
    )
    set_reporting_org(ctx.vault, ReportingOrg("XM-DAC-41128", "UNODC Kabul", "40", "ru"))
    project(ctx)  # identifier starts with XM-DAC-41128: a primary publication
    project(ctx, identifier="GB-GOV-1-300871")  # a donor's activity kept in the vault
    out = tmp_path / "s.xml"
    export_projects(ctx, out)
    acts = {a.findtext("iati-identifier"): a for a in assert_valid(out).getroot()}
    assert acts["GB-GOV-1-300871"].find("reporting-org").get("secondary-reporter") == "1"
    mine = acts["XM-DAC-41128-PPI-2025-001"]
    assert mine.find("reporting-org").get("secondary-reporter") is None
    assert mine.find("reporting-org").findtext("narrative") == "UNODC Kabul"
    assert mine.find("title/narrative").get(XML_LANG) == "ru"
    label = mine.find("tag/narrative")  # the pillar's Russian label, tagged as Russian
    assert (label.text, label.get(XML_LANG)) == (
        "Пограничный контроль и сотрудничество правоохранительных органов",
        "ru",
    )


@pytest.mark.parametrize(
    ("org", "message"),
    [
        (ReportingOrg("XM DAC 41128"), "not an IATI organisation identifier"),
        (ReportingOrg("XM-DAC-41128", name=" "), "needs a name"),
        (ReportingOrg("XM-DAC-41128", type="99"), "not an IATI organisation type"),
        (ReportingOrg("XM-DAC-41128", lang="english"), "ISO 639-1"),
    ],
)
def test_bad_reporting_org_is_refused_and_not_stored(
    ctx: Services, org: ReportingOrg, message: str
) -> None:
    with pytest.raises(IatiSettingRefused, match=message):
        set_reporting_org(ctx.vault, org)
    assert reporting_org(ctx.vault) == ReportingOrg()


def test_text_xml_cannot_carry_is_dropped_not_fatal(ctx: Services, tmp_path: Path) -> None:
    project(ctx, title="Bell\x07 in the title")
    out = tmp_path / "t.xml"
    export_projects(ctx, out)
    assert (
        assert_valid(out).getroot().findtext("iati-activity/title/narrative") == "Bell in the title"
    )
