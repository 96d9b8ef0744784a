"""Validation through records.create / update / check on a real vault (DESIGN §4, issue 2)."""

from __future__ import annotations

from typing import Any

import pytest

from pp_desktop.services import Issue, Services, ValidationFailed
from pp_desktop.services import records as rec

# --- helpers -----------------------------------------------------------------------------------


def refused(ctx: Services, entity: str, values: dict[str, Any]) -> ValidationFailed:
    """Create must fail; returns the error."""
    with pytest.raises(ValidationFailed) as info:
        rec.create(ctx, entity, values)
    return info.value


def error_fields(exc: ValidationFailed) -> set[str]:
    return {i.field for i in exc.issues if i.is_error}


def live(db: Any, entity_table: str) -> int:
    return int(db.scalar(f"SELECT count(*) FROM {entity_table} WHERE deleted_at IS NULL"))


# --- required fields and reference codes ------------------------------------------------------


@pytest.mark.parametrize(
    ("entity", "missing"),
    [
        ("seizure", "seized_on"),
        ("seizure", "country"),
        ("seizure", "drug"),
        ("price", "observed_on"),
        ("price", "country"),
        ("price", "drug"),
        ("project", "identifier"),
        ("project", "title"),
        ("recommendation", "code"),
        ("recommendation", "text"),
    ],
)
def test_required_field_missing_is_refused(ctx, db, make, entity, missing):
    values = make.values(entity)
    del values[missing]
    exc = refused(ctx, entity, values)
    assert missing in error_fields(exc)
    assert "required" in exc.message
    assert db.ledger_counts() == (0, 0)


@pytest.mark.parametrize("blank", ["", "   ", None])
def test_blank_required_value_counts_as_missing(ctx, make, blank):
    exc = refused(ctx, "organisation", {"name": blank})
    assert error_fields(exc) == {"name"}


def test_contact_and_organisation_require_a_name(ctx):
    assert error_fields(refused(ctx, "contact", {"email": "a@b.org"})) == {"name"}
    assert error_fields(refused(ctx, "organisation", {"acronym": "X"})) == {"name"}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("country", "XXX"),
        ("drug", "UNOBTAINIUM"),
        ("unit", "BUSHEL"),
        ("transport_mode", "TELEPORT"),
        ("site_type", "MOON"),
        ("concealment", "IN_PLAIN_SIGHT"),
        ("province", "ZZ-01"),
        ("confidentiality", "TOP_SECRET"),
        ("origin_country", "ATL"),
        ("destination_country", "ATL"),
    ],
)
def test_unknown_reference_code_is_refused(ctx, make, field, value):
    exc = refused(ctx, "seizure", make.values("seizure", **{field: value}))
    assert field in error_fields(exc)
    assert value in exc.message


def test_unknown_code_inside_a_code_list_is_named(ctx, make):
    exc = refused(ctx, "seizure", make.values("seizure", transit_countries="UZB XXQ KAZ"))
    assert error_fields(exc) == {"transit_countries"}
    assert "XXQ" in exc.message
    assert "UZB" not in exc.message


def test_reference_codes_are_case_insensitive_on_input(ctx, make):
    rid = make.seizure(country="afg", drug="heroin", unit="kg", province="af-bal")
    row = rec.get(ctx, "seizure", rid)
    assert (row["country"], row["drug"], row["unit"], row["province"]) == (
        "AFG",
        "HEROIN",
        "KG",
        "AF-BAL",
    )


@pytest.mark.parametrize(
    ("entity", "field", "value"),
    [
        ("project", "pillar", "SPACE"),
        ("project", "status", "9"),
        ("project", "dac_sector", "99999"),
        ("project", "currency", "XBT"),
        ("recommendation", "status", "FORGOTTEN"),
        ("recommendation", "priority", "URGENT"),
        ("recommendation", "working_group", "EWG_NONE"),
        ("price", "sale_level", "STREET"),
        ("price", "per_unit", "BUSHEL"),
    ],
)
def test_unknown_codes_on_other_entities(ctx, make, entity, field, value):
    exc = refused(ctx, entity, make.values(entity, **{field: value}))
    assert field in error_fields(exc)


def test_unknown_field_name_is_refused(ctx, make):
    exc = refused(ctx, "seizure", {**make.values("seizure"), "colour": "blue"})
    assert error_fields(exc) == {"colour"}


# --- dates relative to the officer's today (2026-11-28 in the fixture) ------------------------


def test_date_after_today_is_refused_and_today_is_accepted(ctx, db, make):
    exc = refused(ctx, "seizure", make.values("seizure", seized_on="2026-11-29"))
    assert error_fields(exc) == {"seized_on"}
    assert "2026-11-29" in exc.message
    assert "after today" in exc.message
    rid = make.seizure(seized_on="2026-11-28")
    assert rec.get(ctx, "seizure", rid)["seized_on"] == "2026-11-28"
    assert live(db, "seizure") == 1


@pytest.mark.parametrize(
    ("entity", "field"),
    [
        ("price", "observed_on"),
        ("recommendation", "meeting_date"),
        ("project", "actual_start"),
    ],
)
def test_not_future_dates_on_other_entities(ctx, make, entity, field):
    values = make.values(entity, **{field: "2026-11-29"})
    if field == "actual_start":
        values["actual_end"] = None
    assert field in error_fields(refused(ctx, entity, values))
    make.one(entity, make.values(entity, **{field: "2026-11-28"}))


def test_planned_dates_may_lie_in_the_future(ctx, make):
    rid = make.project(planned_start="2027-01-01", planned_end="2029-12-31")
    assert rec.get(ctx, "project", rid)["planned_end"] == "2029-12-31"


def test_follow_up_due_may_lie_in_the_future(ctx, make):
    make.recommendation(follow_up_due="2027-03-01")


def test_today_comes_from_the_services_clock_not_the_machine(vault):
    from datetime import date

    early = Services(vault, today=lambda: date(2020, 1, 1))
    values = {
        "seized_on": "2020-01-02",
        "country": "AFG",
        "drug": "OPIUM",
        "quantity": 1.0,
    }
    with pytest.raises(ValidationFailed):
        rec.create(early, "seizure", values)


@pytest.mark.parametrize("bad", ["2026-02-30", "yesterday", "28.11.2026", "2026-13-01"])
def test_malformed_dates_are_refused(ctx, make, bad):
    exc = refused(ctx, "seizure", make.values("seizure", seized_on=bad))
    assert error_fields(exc) == {"seized_on"}


@pytest.mark.parametrize("odd", ["20261101", "2026-W44-1"])
def test_other_iso_date_spellings_are_stored_canonically_or_refused(ctx, make, odd):
    """Dates are compared and range-filtered as text: only YYYY-MM-DD may reach the table.

    Python 3.11's date.fromisoformat accepts '20261101' and '2026-W44-1'; stored verbatim they
    sort before every real date and escape date-range filters.
    """
    try:
        rid = make.seizure(seized_on=odd)
    except ValidationFailed as exc:
        assert error_fields(exc) == {"seized_on"}
        return
    from datetime import date

    assert rec.get(ctx, "seizure", rid)["seized_on"] == date.fromisoformat(odd).isoformat()


def test_date_objects_are_accepted(ctx, make):
    from datetime import date, datetime

    a = make.seizure(seized_on=date(2026, 1, 2))
    b = make.seizure(seized_on=datetime(2026, 1, 3, 23, 59))
    assert rec.get(ctx, "seizure", a)["seized_on"] == "2026-01-02"
    assert rec.get(ctx, "seizure", b)["seized_on"] == "2026-01-03"


# --- quantities -----------------------------------------------------------------------------------


@pytest.mark.parametrize("q", [0, 0.0, -1, -0.001])
def test_quantity_must_be_positive(ctx, make, q):
    exc = refused(ctx, "seizure", make.values("seizure", quantity=q))
    assert error_fields(exc) == {"quantity"}
    assert "not known" in exc.message  # tells the officer the way out


def test_quantity_is_required_unless_marked_not_known(ctx, make):
    values = make.values("seizure")
    del values["quantity"]
    assert error_fields(refused(ctx, "seizure", values)) == {"quantity"}


def test_quantity_not_known_is_stored_as_null_never_zero(ctx, db, make):
    values = make.values("seizure", quantity_known=False)
    del values["quantity"]
    rid = make.one("seizure", values)
    row = db.maps("SELECT quantity, quantity_known, kg_equivalent FROM seizure WHERE id=:i", i=rid)
    assert row == [{"quantity": None, "quantity_known": 0, "kg_equivalent": None}]
    assert rec.get(ctx, "seizure", rid)["quantity_known"] is False


@pytest.mark.parametrize("q", [0, 0.0, 5.0])
def test_quantity_not_known_refuses_any_number(ctx, make, q):
    exc = refused(ctx, "seizure", make.values("seizure", quantity_known=False, quantity=q))
    assert error_fields(exc) == {"quantity"}


def test_quantity_not_known_with_blank_quantity_is_fine(ctx, db, make):
    rid = make.seizure(quantity_known=False, quantity="")
    assert db.scalar("SELECT quantity FROM seizure WHERE id=:i", i=rid) is None


def test_marking_quantity_not_known_on_update_clears_kg(ctx, db, make):
    rid = make.seizure(quantity=3.0, unit="KG")
    rec.update(ctx, "seizure", rid, {"quantity_known": False, "quantity": None})
    row = rec.get(ctx, "seizure", rid)
    assert (row["quantity"], row["kg_equivalent"]) == (None, None)
    # and the other way: known again needs a positive quantity
    with pytest.raises(ValidationFailed) as info:
        rec.update(ctx, "seizure", rid, {"quantity_known": True})
    assert error_fields(info.value) == {"quantity"}


@pytest.mark.parametrize("q", ["5", "five", float("nan"), True])
def test_quantity_must_be_a_number(ctx, make, q):
    exc = refused(ctx, "seizure", make.values("seizure", quantity=q))
    assert "quantity" in error_fields(exc)


# --- purity, coordinates, persons ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("purity", "ok"), [(0, True), (100, True), (55.5, True), (-0.1, False), (100.01, False)]
)
def test_purity_between_0_and_100(ctx, make, purity, ok):
    values = make.values("seizure", purity_pct=purity)
    if ok:
        make.one("seizure", values)
    else:
        assert error_fields(refused(ctx, "seizure", values)) == {"purity_pct"}


@pytest.mark.parametrize("field", ["purity_typical", "purity_min", "purity_max"])
def test_price_purity_between_0_and_100(ctx, make, field):
    assert field in error_fields(refused(ctx, "price", make.values("price", **{field: 101})))


@pytest.mark.parametrize(
    ("over", "field"),
    [
        ({"latitude": 91.0}, "latitude"),
        ({"longitude": -180.5}, "longitude"),
        ({"persons_arrested": -1}, "persons_arrested"),
        ({"persons_arrested": 1.5}, "persons_arrested"),
    ],
)
def test_coordinates_and_persons(ctx, make, over, field):
    assert error_fields(refused(ctx, "seizure", make.values("seizure", **over))) == {field}


# --- prices: warnings, not errors ---------------------------------------------------------------


def _warned_fields(warnings: list[Issue]) -> set[str]:
    assert all(not w.is_error for w in warnings)
    return {w.field for w in warnings}


def test_price_in_order_has_no_warnings(ctx, make):
    cs = rec.create(ctx, "price", make.values("price"))
    assert cs.warnings == []


@pytest.mark.parametrize(
    ("prices", "warned"),
    [
        ({"price_min": 4000.0, "price_max": 3500.0, "price_typical": None}, {"price_max"}),
        ({"price_typical": 2000.0}, {"price_typical"}),  # typical below min
        ({"price_typical": 4000.0}, {"price_max"}),  # typical above max
        ({"price_min": 10.0, "price_typical": 10.0, "price_max": 10.0}, set()),  # equal is fine
    ],
)
def test_price_order_problems_are_warnings_and_the_row_is_saved(ctx, db, make, prices, warned):
    cs = rec.create(ctx, "price", make.values("price", **prices))
    assert len(cs.created) == 1
    assert _warned_fields(cs.warnings) == warned
    assert live(db, "price_observation") == 1
    assert db.ledger_counts() == (1, 1)


def test_min_above_max_warns_and_keeps_the_values(ctx, make):
    cs = rec.create(
        ctx, "price", make.values("price", price_min=5.0, price_max=4.0, price_typical=None)
    )
    row = rec.get(ctx, "price", cs.created[0])
    assert (row["price_min"], row["price_max"]) == (5.0, 4.0)
    assert any("minimum" in w.message for w in cs.warnings)


def test_check_reports_price_warnings_without_saving(ctx, db, make):
    issues = rec.check(ctx, "price", make.values("price", price_min=9.0, price_max=1.0))
    assert issues
    assert all(not i.is_error for i in issues)
    assert live(db, "price_observation") == 0
    assert db.ledger_counts() == (0, 0)


def test_price_needs_at_least_one_value(ctx, make):
    values = make.values("price", price_typical=None, price_min=None, price_max=None)
    assert error_fields(refused(ctx, "price", values)) == {"price_typical"}


@pytest.mark.parametrize("field", ["price_typical", "price_min", "price_max"])
def test_negative_price_is_an_error(ctx, make, field):
    assert field in error_fields(refused(ctx, "price", make.values("price", **{field: -1.0})))


def test_per_quantity_must_be_positive(ctx, make):
    assert error_fields(refused(ctx, "price", make.values("price", per_quantity=0))) == {
        "per_quantity"
    }


def test_price_period_end_before_start_is_an_error(ctx, make):
    values = make.values("price", observed_on="2026-06-01", period_end="2026-05-31")
    assert error_fields(refused(ctx, "price", values)) == {"period_end"}


# --- projects -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("budget", "ok"), [(0, True), (0.0, True), (1.5e6, True), (-0.01, False)])
def test_budget_not_negative(ctx, make, budget, ok):
    values = make.values("project", budget=budget)
    if ok:
        make.one("project", values)
    else:
        assert error_fields(refused(ctx, "project", values)) == {"budget"}


def test_project_donor_amount_not_negative(ctx, make):
    pid = make.project()
    org = make.organisation("Japan", kind="10")
    exc = refused(ctx, "project_donor", {"project_id": pid, "organisation_id": org, "amount": -5.0})
    assert error_fields(exc) == {"amount"}


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [("planned_start", "planned_end", "planned_end"), ("actual_start", "actual_end", "actual_end")],
)
def test_project_end_not_before_start(ctx, make, start, end, field):
    exc = refused(
        ctx, "project", make.values("project", **{start: "2025-05-02", end: "2025-05-01"})
    )
    assert error_fields(exc) == {field}
    # same day is fine
    make.project(**{start: "2025-05-02", end: "2025-05-02"})


def test_end_before_start_on_update_is_refused(ctx, make):
    pid = make.project(planned_start="2025-01-01", planned_end="2025-12-31")
    with pytest.raises(ValidationFailed) as info:
        rec.update(ctx, "project", pid, {"planned_start": "2026-01-01"})
    assert error_fields(info.value) == {"planned_end"}
    assert rec.get(ctx, "project", pid)["planned_start"] == "2025-01-01"


# --- e-mail ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("email", ["officer@unodc.org", "a.b-c+d@mvd.gov.tj", "x@sub.domain.kz"])
def test_valid_email(ctx, make, email):
    rid = make.contact(email=email)
    assert rec.get(ctx, "contact", rid)["email"] == email


@pytest.mark.parametrize(
    "email",
    ["officer", "officer@", "@unodc.org", "officer@unodc", "a b@c.org", "a@b@c.org", "a@b.c"],
)
def test_invalid_email(ctx, email):
    exc = refused(ctx, "contact", {"name": "A. Karimov", "email": email})
    assert error_fields(exc) == {"email"}
    assert "e-mail" in exc.message


def test_email_is_optional(ctx, make):
    make.contact(email="")


# --- province belongs to country ------------------------------------------------------------------


def test_province_must_belong_to_country(ctx, make):
    exc = refused(ctx, "seizure", make.values("seizure", country="TJK", province="AF-BAL"))
    assert error_fields(exc) == {"province"}
    assert "AF-BAL" in exc.message
    assert "TJK" in exc.message
    make.seizure(country="TJK", province="TJ-KT")


def test_changing_country_leaves_a_foreign_province_refused(ctx, make):
    rid = make.seizure(country="AFG", province="AF-BAL")
    with pytest.raises(ValidationFailed):
        rec.update(ctx, "seizure", rid, {"country": "PAK"})
    rec.update(ctx, "seizure", rid, {"country": "PAK", "province": "PK-BA"})
    assert rec.get(ctx, "seizure", rid)["province"] == "PK-BA"


def test_agency_of_another_country_is_a_warning(ctx, make):
    cs = rec.create(ctx, "seizure", make.values("seizure", country="AFG", agency="IRN-DCHQ"))
    assert cs.created
    assert _warned_fields(cs.warnings) == {"agency"}


# --- uniqueness -----------------------------------------------------------------------------------


def test_project_identifier_is_unique(ctx, db, make):
    make.project(identifier="XM-DAC-41128-PP-7")
    exc = refused(ctx, "project", make.values("project", identifier="XM-DAC-41128-PP-7"))
    assert error_fields(exc) == {"identifier"}
    assert "XM-DAC-41128-PP-7" in exc.message
    assert live(db, "project") == 1


def test_recommendation_code_is_unique_on_update_too(ctx, make):
    make.recommendation(code="R-1")
    other = make.recommendation(code="R-2")
    with pytest.raises(ValidationFailed) as info:
        rec.update(ctx, "recommendation", other, {"code": "R-1"})
    assert error_fields(info.value) == {"code"}
    # re-saving a record with its own code is not a clash
    rec.update(ctx, "recommendation", other, {"code": "R-2", "priority": "HIGH"})


def test_check_reports_a_duplicate_identifier(ctx, make):
    pid = make.project(identifier="P-1")
    issues = rec.check(ctx, "project", make.values("project", identifier="P-1"))
    assert {i.field for i in issues if i.is_error} == {"identifier"}
    assert rec.check(ctx, "project", make.values("project", identifier="P-1"), rid=pid) == []


# --- references to other records ------------------------------------------------------------------


def test_fk_to_nonexistent_organisation_is_refused(ctx, db):
    exc = refused(
        ctx,
        "contact",
        {"name": "A. Karimov", "organisation_id": "01900000-0000-7000-8000-000000000000"},
    )
    assert error_fields(exc) == {"organisation_id"}
    assert db.ledger_counts() == (0, 0)


def test_fk_to_deleted_organisation_is_refused(ctx, make):
    org = make.organisation("Drug Control Agency")
    make.contact(organisation_id=org)
    rec.delete(ctx, "organisation", [org])
    exc = refused(ctx, "contact", {"name": "B. Rahimov", "organisation_id": org})
    assert error_fields(exc) == {"organisation_id"}
    exc = refused(ctx, "project", make.values("project", implementing_org_id=org))
    assert error_fields(exc) == {"implementing_org_id"}


def test_progress_note_needs_a_live_recommendation(ctx, make):
    rid = make.recommendation()
    make.one("progress_note", {"recommendation_id": rid, "noted_on": "2026-11-01", "note": "ok"})
    rec.delete(ctx, "recommendation", [rid])
    exc = refused(
        ctx,
        "progress_note",
        {"recommendation_id": rid, "noted_on": "2026-11-02", "note": "too late"},
    )
    assert error_fields(exc) == {"recommendation_id"}


# --- the error itself -----------------------------------------------------------------------------


def test_validation_failed_is_readable_and_lists_every_error(ctx):
    exc = refused(
        ctx,
        "seizure",
        {"seized_on": "2026-12-01", "country": "XXX", "drug": "HEROIN", "quantity": 1.0},
    )
    assert error_fields(exc) == {"seized_on", "country"}
    assert exc.message.startswith("The seizure was not saved: ")
    assert "Issue(" not in exc.message
    assert "Traceback" not in exc.message
    assert str(exc) == exc.message
    assert exc.entity == "seizure"
    assert exc.exit_code == 21


def test_long_list_of_errors_is_summarised(ctx):
    exc = refused(
        ctx,
        "seizure",
        {
            "seized_on": "nope",
            "country": "X1",
            "drug": "X2",
            "unit": "X3",
            "site_type": "X4",
            "transport_mode": "X5",
            "concealment": "X6",
            "quantity": 1.0,
        },
    )
    assert len([i for i in exc.issues if i.is_error]) == 7
    assert "(and 2 more)" in exc.message


def test_check_writes_nothing_and_returns_issues(ctx, db, make):
    issues = rec.check(ctx, "seizure", make.values("seizure", seized_on="2026-11-29"))
    assert [i.field for i in issues] == ["seized_on"]
    assert rec.check(ctx, "seizure", make.values("seizure")) == []
    assert db.ledger_counts() == (0, 0)
    assert live(db, "seizure") == 0


def test_too_long_text_is_refused(ctx, make):
    assert error_fields(refused(ctx, "seizure", make.values("seizure", place="x" * 501))) == {
        "place"
    }
