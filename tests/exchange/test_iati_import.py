"""IATI import of hand-written 2.01-2.03 files: mapping, preview, filters, idempotence,
updates by identifier, one transaction, and hostile or broken files refused with nothing
written."""

from __future__ import annotations

from pathlib import Path

import pytest

from pp_desktop.exchange.iati import (
    Action,
    FileTooLarge,
    HostileXml,
    IatiError,
    NotWellFormed,
    UnsupportedVersion,
    WrongRoot,
    import_activities,
)
from pp_desktop.services import Services
from pp_desktop.services import records as rec
from tests.exchange.test_iati_support import (
    FILES,
    ledger_size,
    org,
    project,
    project_view,
    recommendation,
    rows,
    scalar,
)

DONORS = FILES / "v203_donor_many.xml"


def _by_id(preview_items: list) -> dict:  # type: ignore[type-arg]
    return {i.identifier: i for i in preview_items}


def test_donor_file_maps_into_projects_and_organisations(ctx: Services) -> None:
    unodc = org(ctx, "UNODC (local name)", "40", "XM-DAC-41128")  # matched by its IATI id
    preview = import_activities(ctx, DONORS)
    assert preview.applied and preview.version == "2.03"
    items = _by_id(preview.items)
    assert items["XI-IATI-EC_INTPA-2024-451-002"].action is Action.NEW
    bomca = project_view(ctx, "XI-IATI-EC_INTPA-2024-451-002")
    assert bomca == {
        "identifier": "XI-IATI-EC_INTPA-2024-451-002",
        # the English narrative (the officer's language), not the first one
        "title": "Border management in Central Asia (BOMCA 11)",
        "description": "Strengthens border agencies of the five Central Asian states.\n\n"
        "Objectives: Fewer drug consignments crossing the Tajik-Afghan border.",
        "status": "2",
        "planned_start": "2024-01-01",
        "actual_start": "2024-03-15",
        "planned_end": "2026-12-31",
        "actual_end": None,
        "beneficiary_country": "TJK",  # the largest share of three
        "dac_sector": "16063",  # 70 % beats 15210 at 30 %
        "budget": 2000000.50,  # revised 2024 replaces original 2024, plus 2025
        "currency": "EUR",
        "pillar": "",
        "implementing": ("UNODC (local name)", "40", "XM-DAC-41128"),
        "donors": [
            ("European Union", "15", "XI-IATI-EC_INTPA"),
            ("Federal Ministry for Economic Cooperation and Development", "10", "DE-1"),
        ],
        "recommendations": [],
    }
    notes = items["XI-IATI-EC_INTPA-2024-451-002"].notes
    assert any("several recipient countries (TJK, KGZ, UZB)" in n for n in notes)
    helmand = project_view(ctx, "GB-GOV-1-300871")
    assert helmand["beneficiary_country"] == "AFG"
    assert helmand["dac_sector"] == "31165"  # no vocabulary attribute: DAC 5-digit
    assert helmand["budget"] == 5000000.0 and helmand["currency"] == "USD"
    assert helmand["implementing"] == ("Mercy Corps", "21", "")
    assert helmand["description"] == "Licit crops and market access in Helmand province."
    assert (helmand["actual_start"], helmand["actual_end"]) == ("2019-04-01", "2022-03-31")
    # a DAC sector not in the vault's list is not replaced by 16063
    clinics = project_view(ctx, "NL-KVK-41198677-HEALTH-01")
    assert clinics["dac_sector"] == ""
    assert any("12220" in n for n in items["NL-KVK-41198677-HEALTH-01"].notes)
    # roles 2 (accountable) and 3 (extending) are not mapped: UNDP was not created
    names = {r["name"] for r in rows(ctx, "SELECT name FROM organisation")}
    assert "UNDP" not in names and "European Commission" not in names
    assert sorted(preview.new_organisations) == sorted(
        [
            "European Union",
            "Federal Ministry for Economic Cooperation and Development",
            "Mercy Corps",
            "UK - Foreign, Commonwealth and Development Office",
            "U.S. Department of State",
            "Example NGO",
        ]
    )
    assert unodc == scalar(
        ctx, "SELECT implementing_org_id FROM project WHERE identifier = :i",
        i="XI-IATI-EC_INTPA-2024-451-002",
    )  # fmt: skip


def test_every_write_went_through_the_services(ctx: Services) -> None:
    before = ledger_size(ctx)
    preview = import_activities(ctx, DONORS)
    made = (
        scalar(ctx, "SELECT count(*) FROM project")
        + scalar(ctx, "SELECT count(*) FROM organisation")
        + scalar(ctx, "SELECT count(*) FROM project_donor")
    )
    assert made == 4 + 7 + 5  # projects, organisations (UNODC too: not in the vault), donors
    after = ledger_size(ctx)
    assert after == (before[0] + made, before[1] + made)  # one audit + one journal entry each
    assert len(preview.of(Action.NEW)) == 4


def test_reimporting_the_same_file_changes_nothing(ctx: Services) -> None:
    import_activities(ctx, DONORS)
    size = ledger_size(ctx)
    versions = rows(ctx, "SELECT id, version FROM project ORDER BY id")
    again = import_activities(ctx, DONORS)
    assert [i.action for i in again.items] == [Action.SKIP] * 4
    assert {i.reason for i in again.items} == {"already up to date."}
    assert again.new_organisations == []
    assert ledger_size(ctx) == size
    assert rows(ctx, "SELECT id, version FROM project ORDER BY id") == versions


def test_an_imported_activity_updates_the_same_project(ctx: Services) -> None:
    import_activities(ctx, DONORS)
    pid = scalar(ctx, "SELECT id FROM project WHERE identifier = 'GB-GOV-1-300871'")
    rec.update(ctx, "project", pid, {"title": "Edited locally", "pillar": "REGIONAL"})
    preview = import_activities(ctx, DONORS)
    item = _by_id(preview.items)["GB-GOV-1-300871"]
    assert item.action is Action.UPDATE and item.changed == ("title",)
    assert item.project_id == pid
    view = project_view(ctx, "GB-GOV-1-300871")
    assert view["title"] == "Alternative livelihoods for poppy farmers, Helmand"
    assert view["pillar"] == "REGIONAL"  # the file says nothing about pillars: kept
    assert scalar(ctx, "SELECT count(*) FROM project WHERE identifier = 'GB-GOV-1-300871'") == 1
    assert scalar(ctx, "SELECT version FROM project WHERE id = :i", i=pid) == 3


def test_dry_run_previews_and_writes_nothing(ctx: Services) -> None:
    size = ledger_size(ctx)
    preview = import_activities(ctx, DONORS, dry_run=True)
    assert not preview.applied
    assert [i.action for i in preview.items] == [Action.NEW] * 4
    assert len(preview.new_organisations) == 7
    assert "4 new, 0 updated, 0 skipped; 7 new organisations" in preview.summary()
    assert preview.summary().startswith("Would import")
    assert ledger_size(ctx) == size
    assert scalar(ctx, "SELECT count(*) FROM project") == 0
    real = import_activities(ctx, DONORS)  # the dry run predicted exactly this
    assert [(i.identifier, i.action, i.changed) for i in real.items] == [
        (i.identifier, i.action, i.changed) for i in preview.items
    ]


def test_country_and_sector_filters(ctx: Services) -> None:
    preview = import_activities(ctx, DONORS, country="KGZ", dry_run=True)
    items = _by_id(preview.items)
    assert items["XI-IATI-EC_INTPA-2024-451-002"].action is Action.NEW
    assert items["GB-GOV-1-300871"].reason == "not for KGZ (recipient countries: AFG)."
    assert items["US-GOV-1-INL-PK-0042"].action is Action.SKIP
    import_activities(ctx, DONORS, country="KGZ")
    # filtered on Kyrgyzstan: the project is recorded for Kyrgyzstan
    assert project_view(ctx, "XI-IATI-EC_INTPA-2024-451-002")["beneficiary_country"] == "KGZ"

    by_sector = import_activities(ctx, DONORS, sector="15132", dry_run=True)
    assert [i.identifier for i in by_sector.of(Action.NEW)] == ["US-GOV-1-INL-PK-0042"]
    by_category = import_activities(ctx, DONORS, sector="160", dry_run=True)
    cat = _by_id(by_category.items)
    # without the country filter the file's main country (TJK, 60 %) comes back
    assert cat["XI-IATI-EC_INTPA-2024-451-002"].action is Action.UPDATE
    assert cat["XI-IATI-EC_INTPA-2024-451-002"].changed == ("beneficiary_country",)
    assert cat["GB-GOV-1-300871"].reason == "not in sector 160 (sectors: 311, 31165)."
    assert cat["NL-KVK-41198677-HEALTH-01"].reason == "not in sector 160 (sectors: 122, 12220)."
    both = import_activities(ctx, DONORS, country="AFG", sector="31165", dry_run=True)
    assert [i.identifier for i in both.of(Action.NEW)] == ["GB-GOV-1-300871"]


@pytest.mark.parametrize(
    ("country", "sector", "message"),
    [("AF", "", "ISO three-letter"), ("ZZZ", "", "not a country"), ("", "16O63", "DAC sector")],
)
def test_bad_filters_are_refused(ctx: Services, country: str, sector: str, message: str) -> None:
    with pytest.raises(IatiError, match=message):
        import_activities(ctx, DONORS, country=country, sector=sector)


def test_minimal_202_activity_with_optional_parts_missing(ctx: Services) -> None:
    preview = import_activities(ctx, FILES / "v202_single_minimal.xml")
    assert preview.version == "2.02"
    [item] = preview.items
    assert item.action is Action.NEW and item.notes == ()
    view = project_view(ctx, "JP-8-2022-0017")
    assert view["planned_start"] == "2027-04-01"  # a planned date may be in the future
    assert (view["budget"], view["beneficiary_country"], view["dac_sector"]) == (None, "", "")
    assert view["status"] == "1"
    assert view["donors"] == [("JICA", "10", "JP-8")]


def test_201_file_dates_languages_and_skips_with_reasons(ctx: Services) -> None:
    preview = import_activities(ctx, FILES / "v201_odd.xml")
    assert preview.version == "2.01"
    actions = [(i.identifier, i.action, i.reason) for i in preview.items]
    assert actions[0] == ("RU-RUS-1-2021-003", Action.NEW, "")
    assert actions[1][1:] == (Action.SKIP, "it has no iati-identifier.")
    assert actions[1][0].startswith("(activity at line ")
    assert actions[2][1] is Action.SKIP and "appears again in the file" in actions[2][2]
    assert actions[3] == ("RU-RUS-1-NO-TITLE", Action.SKIP, "it has no title.")
    assert actions[4][1] is Action.SKIP and "actual_start" in actions[4][2]
    assert "after today" in actions[4][2]
    view = project_view(ctx, "RU-RUS-1-2021-003")
    assert view["title"] == "Training of drug police staff"  # English preferred over default ru
    assert view["description"] == (
        "Курсы для сотрудников.\n\nTarget groups: Сотрудники антинаркотических ведомств."
    )
    assert (view["actual_start"], view["actual_end"]) == ("2021-09-01", "2022-06-30")
    assert (view["budget"], view["currency"], view["status"]) == (15000000.0, "RUB", "3")
    assert view["implementing"] == ("Всероссийский институт повышения квалификации МВД", "10", "")


def test_officer_language_setting_picks_the_narrative(ctx: Services) -> None:
    from pp_desktop.exchange.iati import ReportingOrg, set_reporting_org

    set_reporting_org(ctx.vault, ReportingOrg(lang="ru"))
    import_activities(ctx, DONORS)
    assert project_view(ctx, "XI-IATI-EC_INTPA-2024-451-002")["title"] == (
        "Управление границами в Центральной Азии (БОМКА 11)"
    )


def test_recommendation_tags_link_known_codes_and_note_unknown_ones(
    ctx: Services, tmp_path: Path
) -> None:
    recommendation(ctx, "PP-BOR-2024-07")
    src = tmp_path / "tags.xml"
    src.write_text(
        (FILES / "v202_single_minimal.xml")
        .read_text(encoding="utf-8")
        .replace(
            '<activity-date type="1" iso-date="2027-04-01"/>',
            '<activity-date type="1" iso-date="2027-04-01"/>'
            '<tag vocabulary="99" vocabulary-uri="urn:paris-pact:iati:vocabulary:recommendation"'
            ' code="PP-BOR-2024-07"/>'
            '<tag vocabulary="99" vocabulary-uri="urn:paris-pact:iati:vocabulary:recommendation"'
            ' code="PP-XXX-1999-01"/>'
            '<tag vocabulary="99" vocabulary-uri="urn:paris-pact:iati:vocabulary:pillar"'
            ' code="PRECURSORS"/>'
            '<tag vocabulary="99" vocabulary-uri="http://other.example/vocab" code="BORDER"/>',
        ),
        encoding="utf-8",
    )
    [item] = import_activities(ctx, src).items
    assert item.notes == ("recommendation PP-XXX-1999-01 is not in this vault; not linked",)
    view = project_view(ctx, "JP-8-2022-0017")
    assert view["recommendations"] == ["PP-BOR-2024-07"]
    assert view["pillar"] == "PRECURSORS"
    again = import_activities(ctx, src)
    assert again.items[0].reason == "already up to date."


def test_a_deleted_project_is_not_brought_back(ctx: Services) -> None:
    pid = project(ctx, identifier="JP-8-2022-0017")
    rec.delete(ctx, "project", [pid])
    [item] = import_activities(ctx, FILES / "v202_single_minimal.xml").items
    assert item.action is Action.SKIP and "deleted" in item.reason
    assert scalar(ctx, "SELECT count(*) FROM project WHERE deleted_at IS NULL") == 0


def test_organisations_are_matched_by_name_when_they_have_no_identifier(ctx: Services) -> None:
    mercy = org(ctx, "mercy corps", "21")
    import_activities(ctx, DONORS)
    assert project_view(ctx, "GB-GOV-1-300871")["implementing"] == ("mercy corps", "21", "")
    assert scalar(ctx, "SELECT count(*) FROM organisation WHERE name LIKE 'mercy corps'") == 1
    assert mercy == scalar(
        ctx, "SELECT implementing_org_id FROM project WHERE identifier = 'GB-GOV-1-300871'"
    )


# --- refused files: typed error, officer's message, nothing written -----------------------


@pytest.mark.parametrize(
    ("name", "error", "message"),
    [
        ("hostile_billion_laughs.xml", HostileXml, "DTD or entities"),
        ("hostile_xxe_file.xml", HostileXml, "refused unread"),
        ("hostile_xxe_parameter.xml", HostileXml, "DTD or entities"),
        ("hostile_external_dtd.xml", HostileXml, "DTD or entities"),
        ("broken_truncated.xml", NotWellFormed, r"not well-formed XML \(line 15"),
        ("wrong_root_organisations.xml", WrongRoot, "IATI organisation file"),
        ("version_105.xml", UnsupportedVersion, "version 1.05"),
    ],
)
def test_refused_files_write_nothing(
    ctx: Services, name: str, error: type[Exception], message: str
) -> None:
    size = ledger_size(ctx)
    for dry_run in (True, False):
        with pytest.raises(error, match=message) as caught:
            import_activities(ctx, FILES / name, dry_run=dry_run)
        assert "root:" not in str(caught.value)  # /etc/passwd never reaches a message
    assert ledger_size(ctx) == size
    assert scalar(ctx, "SELECT count(*) FROM project") == 0
    assert scalar(ctx, "SELECT count(*) FROM organisation") == 0


def test_a_file_broken_after_good_activities_imports_none_of_them(ctx: Services) -> None:
    with pytest.raises(NotWellFormed, match="Nothing was imported"):
        import_activities(ctx, FILES / "broken_truncated.xml")
    # the first activity was complete and valid, but the import is one transaction
    assert scalar(ctx, "SELECT count(*) FROM project") == 0
    assert scalar(ctx, "SELECT count(*) FROM audit_entry") == ledger_size(ctx)[0]


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        (b"", NotWellFormed, "is empty"),
        (b"PK\x03\x04 this is a zip, not XML", NotWellFormed, "not well-formed"),
        (b'<?xml version="1.0"?><iati-activities/>', UnsupportedVersion, "no version"),
        (b'<activities version="2.03"/>', WrongRoot, "'activities' file"),
        (
            '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE x [<!ENTITY a "b">]>'
            '<iati-activities version="2.03"/>'.encode("utf-16"),
            HostileXml,
            "DTD",
        ),
        (
            b'<?xml version="1.0"?>'
            + b"<!-- padding -->" * 5000
            + b'<!DOCTYPE x [<!ENTITY a "b">]><iati-activities version="2.03"/>',
            HostileXml,
            "DTD",
        ),  # past the first 64 KiB: caught by the parser's own report of the DOCTYPE
        (
            b'<iati-activities version="2.03"><iati-activity><iati-identifier>&ent;'
            b"</iati-identifier></iati-activity></iati-activities>",
            NotWellFormed,
            "ent",
        ),  # an entity reference without a DTD is not XML
    ],
)
def test_malformed_and_disguised_files(
    ctx: Services, tmp_path: Path, content: bytes, error: type[Exception], message: str
) -> None:
    src = tmp_path / "in.xml"
    src.write_bytes(content)
    with pytest.raises(error, match=message):
        import_activities(ctx, src)
    assert scalar(ctx, "SELECT count(*) FROM project") == 0


def test_files_over_the_size_cap_are_refused(ctx: Services) -> None:
    size = DONORS.stat().st_size
    with pytest.raises(FileTooLarge, match="larger than 0 MB"):
        import_activities(ctx, DONORS, max_bytes=size - 1)
    assert import_activities(ctx, DONORS, max_bytes=size).applied


def test_a_missing_file_is_a_clear_error(ctx: Services, tmp_path: Path) -> None:
    with pytest.raises(NotWellFormed, match="cannot be read"):
        import_activities(ctx, tmp_path / "nope.xml")
    with pytest.raises(NotWellFormed, match="cannot be read: Is a directory"):
        import_activities(ctx, tmp_path)


def test_the_reader_keeps_only_the_current_activity_in_memory(tmp_path: Path) -> None:
    from pp_desktop.exchange.iati.reader import ActivityFile
    from tests.exchange.test_iati_support import generate_file

    src = tmp_path / "many.xml"
    generate_file(src, 300)
    # extension elements between activities are freed as well
    text = src.read_text(encoding="utf-8").replace(
        "</iati-activity>\n",
        '</iati-activity>\n<x:junk xmlns:x="urn:x">' + "j" * 500 + "</x:junk>\n",
    )
    src.write_text(text, encoding="utf-8")
    held = []
    with ActivityFile(src) as source:
        for act in source:
            held.append(len(source._root))  # children of the root still in memory
            assert act.title.startswith("Generated activity")
    assert len(held) == 300
    # 600 children in all; only the current one and what the parser has read ahead of it (one
    # 32 KiB chunk, about 35 children here) are in memory at any time
    assert max(held) < 60, max(held)
    assert held[-1] <= 3  # the junk before it (emptied), the activity, the junk after it
