"""Statistics over small hand-made data whose expected values are worked out independently."""

from __future__ import annotations

import pytest

from pp_desktop.services import records as rec
from pp_desktop.services import stats
from pp_desktop.services.attachments import add_attachment
from pp_desktop.services.queries import ListQuery

REQUIRED_KEYS = {
    "seizures",
    "prices",
    "projects",
    "recommendations",
    "organisations",
    "contacts",
    "attachments",
}


def test_live_counts_on_an_empty_vault(ctx):
    counts = stats.live_counts(ctx)
    assert set(counts) >= REQUIRED_KEYS
    assert all(type(v) is int and v == 0 for v in counts.values())


def test_live_counts_exclude_tombstones(ctx, make):
    s = [make.seizure() for _ in range(3)]
    make.price()
    org = make.organisation()
    make.organisation("Japan")
    make.contact(organisation_id=org)
    pid = make.project()
    make.recommendation()
    add_attachment(ctx, "seizure", s[0], "photo.jpg", b"\xff\xd8jpeg")
    rec.delete(ctx, "seizure", [s[1]])
    rec.delete(ctx, "project", [pid])
    counts = stats.live_counts(ctx)
    assert {k: counts[k] for k in REQUIRED_KEYS} == {
        "seizures": 2,
        "prices": 1,
        "projects": 0,
        "recommendations": 1,
        "organisations": 2,
        "contacts": 1,
        "attachments": 1,
    }


@pytest.fixture
def seizures(ctx, make, factors):
    """Hand-made seizures: (drug, date, quantity, unit, province, origin, destination)."""
    spec = [
        ("HEROIN", "2026-01-05", 10, "KG", "AF-BAL", "AFG", "RUS"),
        ("HEROIN", "2026-01-20", 500, "G", "AF-BAL", "AFG", "RUS"),
        ("HEROIN", "2026-02-01", 2, "L", "AF-KAN", "AFG", "TUR"),
        ("HEROIN", "2026-02-28", None, "KG", "AF-KAN", "", ""),  # not known: counted, 0 kg
        ("OPIUM", "2026-01-31", 100, "KG", "AF-HEL", "AFG", "IRN"),
        ("METHAMPHETAMINE", "2026-01-10", 25_000, "TABLET", "AF-NAN", "", "PAK"),
        ("OPIUM", "2025-12-31", 7, "KG", "AF-HEL", "AFG", "IRN"),
        ("HEROIN", "2026-01-11", 999, "KG", "AF-BAL", "AFG", "RUS"),  # deleted below
    ]
    ids = []
    for drug, day, q, unit, prov, origin, dest in spec:
        values = make.values(
            "seizure",
            drug=drug,
            seized_on=day,
            quantity=q,
            quantity_known=q is not None,
            unit=unit,
            province=prov,
            origin_country=origin,
            destination_country=dest,
        )
        ids.append(make.one("seizure", values))
    rec.delete(ctx, "seizure", [ids[-1]])
    kg = [None if q is None else q * factors[unit] for _d, _t, q, unit, *_ in spec]
    return spec[:-1], kg[:-1]


def test_seizures_by_drug_month(ctx, seizures):
    spec, kg = seizures
    expected: dict[tuple[str, str], list[float]] = {}
    for (drug, day, *_rest), k in zip(spec, kg, strict=True):
        cell = expected.setdefault((drug, day[:7]), [0.0, 0])
        cell[0] += k or 0.0
        cell[1] += 1
    got = stats.seizures_by_drug_month(ctx)
    assert [(d, m) for d, m, _k, _n in got] == sorted(expected)
    for drug, month, kg_sum, n in got:
        assert kg_sum == pytest.approx(expected[(drug, month)][0])
        assert n == expected[(drug, month)][1]
    # spelled out for the reader: heroin in January 2026 is 10 kg + 500 g (the deleted 999 kg
    # seizure is left out)
    assert ("HEROIN", "2026-01", pytest.approx(10.5), 2) in got
    assert ("HEROIN", "2026-02", pytest.approx(2.0), 2) in got


def test_seizures_by_drug_month_respects_filters(ctx, seizures):
    q = ListQuery("seizure", filters={"province": "AF-HEL"})
    assert stats.seizures_by_drug_month(ctx, q) == [
        ("OPIUM", "2025-12", pytest.approx(7.0), 1),
        ("OPIUM", "2026-01", pytest.approx(100.0), 1),
    ]
    q = ListQuery("seizure", filters={"date_from": "2026-02-01"})
    assert stats.seizures_by_drug_month(ctx, q) == [("HEROIN", "2026-02", pytest.approx(2.0), 2)]


def test_seizures_by_province(ctx, seizures, factors):
    got = stats.seizures_by_province(ctx)
    tablets = 25_000 * factors["TABLET"]
    expected = {
        ("AFG", "AF-BAL"): (10.5, 2),
        ("AFG", "AF-KAN"): (2.0, 2),
        ("AFG", "AF-HEL"): (107.0, 2),
        ("AFG", "AF-NAN"): (tablets, 1),
    }
    assert {(c, p): (pytest.approx(k), n) for c, p, k, n in got} == expected
    kgs = [k for *_cp, k, _n in got]
    assert kgs == sorted(kgs, reverse=True)


def test_seizures_by_route(ctx, seizures, factors):
    got = stats.seizures_by_route(ctx)
    expected = {
        ("AFG", "RUS"): (10.5, 2),
        ("AFG", "TUR"): (2.0, 1),
        ("AFG", "IRN"): (107.0, 2),
        ("", "PAK"): (25_000 * factors["TABLET"], 1),
    }
    assert {(o, d): (pytest.approx(k), n) for o, d, k, n in got} == expected
    assert ("", "", 0.0, 1) not in got  # no route known: not a route
    kgs = [k for *_od, k, _n in got]
    assert kgs == sorted(kgs, reverse=True)
    assert len(stats.seizures_by_route(ctx, limit=2)) == 2


@pytest.fixture
def recs(ctx, make):
    """Recommendations around 'today' = 2026-11-28."""
    spec = {
        "R-OPEN-LATE": ("OPEN", "2026-10-01"),
        "R-PROG-LATE": ("IN_PROGRESS", "2026-11-27"),
        "R-OPEN-OLDEST": ("OPEN", "2025-11-28"),
        "R-OPEN-TODAY": ("OPEN", "2026-11-28"),  # due today: not overdue yet
        "R-OPEN-FUTURE": ("OPEN", "2027-01-01"),
        "R-OPEN-NODATE": ("OPEN", None),
        "R-DONE-LATE": ("IMPLEMENTED", "2026-01-01"),
        "R-NOT-LATE": ("NOT_IMPLEMENTED", "2026-01-01"),
        "R-SUPER-LATE": ("SUPERSEDED", "2026-01-01"),
        "R-DELETED-LATE": ("OPEN", "2026-01-01"),
    }
    ids = {
        code: make.recommendation(code=code, status=status, follow_up_due=due)
        for code, (status, due) in spec.items()
    }
    rec.delete(ctx, "recommendation", [ids["R-DELETED-LATE"]])
    note = {"recommendation_id": ids["R-OPEN-LATE"], "note": "meeting held"}
    make.one("progress_note", {**note, "noted_on": "2026-10-15"})
    make.one("progress_note", {**note, "noted_on": "2026-11-02"})
    gone = make.one("progress_note", {**note, "noted_on": "2026-11-20"})
    rec.delete(ctx, "progress_note", [gone])
    return ids


def test_recommendations_by_status(ctx, recs):
    assert stats.recommendations_by_status(ctx) == {
        "OPEN": 5,
        "IN_PROGRESS": 1,
        "IMPLEMENTED": 1,
        "NOT_IMPLEMENTED": 1,
        "SUPERSEDED": 1,
    }


def test_overdue_follow_ups(ctx, recs):
    got = stats.overdue_follow_ups(ctx)
    assert [(f.code, f.status, f.follow_up_due, f.days_overdue) for f in got] == [
        ("R-OPEN-OLDEST", "OPEN", "2025-11-28", 365),
        ("R-OPEN-LATE", "OPEN", "2026-10-01", 58),
        ("R-PROG-LATE", "IN_PROGRESS", "2026-11-27", 1),
    ]
    assert got[1].id == recs["R-OPEN-LATE"]
    assert got[1].last_note == "2026-11-02"  # the deleted later note does not count
    assert got[0].last_note is None


def test_overdue_follow_ups_move_with_today(ctx, recs):
    from datetime import date

    from pp_desktop.services import Services

    later = Services(ctx.vault, today=lambda: date(2027, 1, 2))
    codes = [f.code for f in stats.overdue_follow_ups(later)]
    assert codes == [
        "R-OPEN-OLDEST",
        "R-OPEN-LATE",
        "R-PROG-LATE",
        "R-OPEN-TODAY",
        "R-OPEN-FUTURE",
    ]


def test_implementing_a_recommendation_removes_it_from_overdue(ctx, recs):
    rec.update(ctx, "recommendation", recs["R-OPEN-LATE"], {"status": "IMPLEMENTED"})
    assert "R-OPEN-LATE" not in [f.code for f in stats.overdue_follow_ups(ctx)]


@pytest.fixture
def projects(ctx, make):
    japan = make.organisation("Japan", kind="10")
    eu = make.organisation("European Union", kind="40")
    spec = [
        ("P-1", "BORDER", 100.0, "USD"),
        ("P-2", "BORDER", 250.0, "USD"),
        ("P-3", "BORDER", 80.0, "EUR"),
        ("P-4", "PRECURSORS", None, "USD"),  # no budget yet
        ("P-5", "IFF", 1000.0, "USD"),
        ("P-6", "IFF", 5000.0, "USD"),  # deleted below
    ]
    ids = {
        ident: make.project(identifier=ident, pillar=p, budget=b, currency=c)
        for ident, p, b, c in spec
    }
    donors = [
        ("P-1", japan, 60.0, "USD"),
        ("P-1", eu, 40.0, "USD"),
        ("P-2", japan, 250.0, "USD"),
        ("P-3", eu, 80.0, "EUR"),
        ("P-5", japan, 700.0, "USD"),
        ("P-5", japan, 10.0, "USD"),  # a second tranche of the same donor
        ("P-6", eu, 5000.0, "USD"),  # project deleted
    ]
    for pid, org, amount, cur in donors:
        make.one(
            "project_donor",
            {"project_id": ids[pid], "organisation_id": org, "amount": amount, "currency": cur},
        )
    gone = make.one(
        "project_donor",
        {"project_id": ids["P-2"], "organisation_id": eu, "amount": 999.0, "currency": "USD"},
    )
    rec.delete(ctx, "project_donor", [gone])
    rec.delete(ctx, "project", [ids["P-6"]])
    return ids


def test_budgets_by_pillar(ctx, projects):
    assert stats.budgets_by_pillar(ctx) == [
        ("BORDER", "EUR", 80.0, 1),
        ("BORDER", "USD", 350.0, 2),
        ("IFF", "USD", 1000.0, 1),
        ("PRECURSORS", "USD", 0.0, 1),
    ]


def test_budgets_by_donor(ctx, projects):
    got = stats.budgets_by_donor(ctx)
    assert sorted(got) == sorted(
        [
            ("Japan", "USD", 1020.0, 3),  # 60 + 250 + 700 + 10 over P-1, P-2, P-5
            ("European Union", "USD", 40.0, 1),
            ("European Union", "EUR", 80.0, 1),
        ]
    )
    totals = [a for _o, _c, a, _n in got]
    assert totals == sorted(totals, reverse=True)
