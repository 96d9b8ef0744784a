"""List queries: filters, sorting, keyset pagination, counts, free text (FTS5 and LIKE).

One vault per module with a few hundred seizures (made through the bulk path, some deleted);
expected results come from the inserted data in Python or from plain SQL, never from the
service code under test.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from pp_desktop.services import ServiceError, Services
from pp_desktop.services import records as rec
from pp_desktop.services.bulk import bulk_insert
from pp_desktop.services.queries import ListQuery, count, fts_match, list_page, page_at
from pp_desktop.store import Vault

TODAY_FIXED = date(2026, 11, 28)
PASSPHRASE = "correct horse battery staple"

PLACES = {
    "AFG": ["AF-BAL", "AF-KAN", "AF-NAN", "AF-HEL", ""],
    "TJK": ["TJ-KT", "TJ-DU", "TJ-GB", ""],
    "IRN": ["IR-11", ""],
    "PAK": ["PK-BA", "PK-KP"],
}
DRUGS = ["HEROIN", "OPIUM", "CANNABIS_RESIN", "METHAMPHETAMINE", "TRAMADOL"]
NOTES = [
    "heroin hidden in the fuel tank",
    "героин в бензобаке грузовика",
    "Опий в тайнике под сиденьем",
    'opium; source said "urgent" (unconfirmed)',
    "hashish bricks near the border post",
    "café owner arrested, résumé found",
    "NEAR(cargo) AND OR NOT * ^ : -",
    "tramadol tablets in parcels",
    "",
]
DATES = [f"2025-{m:02d}-{d:02d}" for m in (1, 3, 6, 9, 12) for d in (1, 15)] + [
    "2026-11-28",
    "2024-02-29",
]


@dataclass
class Dataset:
    ctx: Services
    rows: dict[str, dict[str, Any]]  # live records as inserted: id -> values
    deleted: set[str]

    def ids(self, pred: Any = lambda r: True) -> set[str]:
        return {i for i, r in self.rows.items() if pred(r)}

    def sql_ids(self, where: str = "", order: str = "seized_on DESC, id DESC", **p: Any) -> list:
        sql = "SELECT id FROM seizure WHERE deleted_at IS NULL"
        if where:
            sql += f" AND ({where})"
        sql += f" ORDER BY {order}"
        with self.ctx.vault.read() as conn:
            return [r[0] for r in conn.execute(text(sql), p)]


def _make_rows(n: int) -> list[dict[str, Any]]:
    rnd = random.Random(20261128)
    out = []
    for i in range(n):
        country = rnd.choice(list(PLACES))
        known = rnd.random() > 0.15
        row: dict[str, Any] = {
            "seized_on": rnd.choice(DATES),
            "country": country,
            "province": rnd.choice(PLACES[country]),
            "place": rnd.choice(["Hairatan", "Ишкашим", "Kulob", "Taftan", "Torkham", ""]),
            "drug": rnd.choice(DRUGS),
            "quantity_known": known,
            "quantity": rnd.choice([1.0, 2.5, 10.0, 125.0, round(rnd.uniform(0.1, 900), 2)])
            if known
            else None,
            "unit": rnd.choice(["KG", "G", "L", "TABLET"]),
            "persons_arrested": rnd.choice([None, 0, 1, 2, 5]),
            "origin_country": rnd.choice(["AFG", "", "PAK"]),
            "destination_country": rnd.choice(["RUS", "", "TUR", "KAZ"]),
            "notes": rnd.choice(NOTES),
            "source_ref": f"REF-{i:04d}",
        }
        out.append(row)
    return out


@pytest.fixture(scope="module")
def data(
    template_vault: tuple[Any, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Dataset]:
    folder = tmp_path_factory.mktemp("queries") / "vault"
    shutil.copytree(template_vault[0], folder)
    vault = Vault.unlock(folder, PASSPHRASE)
    ctx = Services(vault, today=lambda: TODAY_FIXED)
    values = _make_rows(400)
    cs = bulk_insert(ctx, "seizure", values)
    rows = dict(zip(cs.created, values, strict=True))
    deleted = set(random.Random(5).sample(cs.created, 25))
    rec.delete(ctx, "seizure", deleted)
    for rid in deleted:
        del rows[rid]
    with vault.read() as conn:  # kg as stored, for kg sorting expectations
        for rid, kg in conn.execute(text("SELECT id, kg_equivalent FROM seizure")):
            if rid in rows:
                rows[rid]["kg_equivalent"] = kg
    yield Dataset(ctx, rows, deleted)
    vault.lock()


def walk(ctx: Services, q: ListQuery, limit: int) -> list[str]:
    """Every id of a list, page by page with keyset pagination."""
    out: list[str] = []
    page = list_page(ctx, q, limit=limit)
    guard = 0
    while True:
        out += [r["id"] for r in page.rows]
        assert len(page.rows) <= limit
        if page.next_key is None:
            return out
        page = list_page(ctx, q, after=page.next_key, limit=limit)
        guard += 1
        assert guard < 10_000


# --- filters ----------------------------------------------------------------------------------


def test_dataset_has_nulls_ties_and_tombstones(data):
    kgs = [r["kg_equivalent"] for r in data.rows.values()]
    assert any(k is None for k in kgs)
    assert len(set(kgs)) < len(kgs)
    assert len({r["seized_on"] for r in data.rows.values()}) < len(data.rows) / 10
    assert count(data.ctx, ListQuery("seizure")) == len(data.rows) == 375


@pytest.mark.parametrize(
    ("filters", "pred"),
    [
        ({}, lambda r: True),
        ({"country": "AFG"}, lambda r: r["country"] == "AFG"),
        ({"country": ["TJK", "PAK"]}, lambda r: r["country"] in ("TJK", "PAK")),
        ({"province": "AF-BAL"}, lambda r: r["province"] == "AF-BAL"),
        ({"province": ["TJ-KT", "IR-11"]}, lambda r: r["province"] in ("TJ-KT", "IR-11")),
        ({"drug": "HEROIN"}, lambda r: r["drug"] == "HEROIN"),
        ({"drug": ("OPIUM", "TRAMADOL")}, lambda r: r["drug"] in ("OPIUM", "TRAMADOL")),
        ({"date_from": "2025-06-01"}, lambda r: r["seized_on"] >= "2025-06-01"),
        ({"date_to": "2025-06-01"}, lambda r: r["seized_on"] <= "2025-06-01"),
        (
            {"date_from": "2025-03-01", "date_to": "2025-09-15"},
            lambda r: "2025-03-01" <= r["seized_on"] <= "2025-09-15",
        ),
        (
            {"country": "AFG", "drug": "HEROIN", "date_from": "2025-01-01"},
            lambda r: (
                r["country"] == "AFG" and r["drug"] == "HEROIN" and r["seized_on"] >= "2025-01-01"
            ),
        ),
        ({"quantity_known": False}, lambda r: not r["quantity_known"]),
        ({"country": "", "drug": None, "province": []}, lambda r: True),  # empty = no filter
    ],
)
def test_filters(data, filters, pred):
    q = ListQuery("seizure", filters=filters)
    expected = data.ids(pred)
    assert expected
    assert set(walk(data.ctx, q, 50)) == expected
    assert count(data.ctx, q) == len(expected)


def test_date_range_is_inclusive_at_both_ends(data):
    q = ListQuery("seizure", filters={"date_from": "2025-06-15", "date_to": "2025-06-15"})
    expected = data.ids(lambda r: r["seized_on"] == "2025-06-15")
    assert expected
    assert set(walk(data.ctx, q, 1000)) == expected


def test_deleted_rows_are_listed_only_on_request(data):
    q = ListQuery("seizure", include_deleted=True)
    ids = set(walk(data.ctx, q, 100))
    assert ids == set(data.rows) | data.deleted
    assert count(data.ctx, q) == 400
    assert not set(walk(data.ctx, ListQuery("seizure"), 100)) & data.deleted


def test_unknown_filter_or_sort_is_a_service_error(data):
    with pytest.raises(ServiceError):
        count(data.ctx, ListQuery("seizure", filters={"colour": "red"}))
    with pytest.raises(ServiceError):
        list_page(data.ctx, ListQuery("seizure", sort="colour"))
    with pytest.raises(ServiceError):
        page_at(data.ctx, ListQuery("seizure", sort="'; DROP TABLE seizure; --"), 0)


def test_rows_are_plain_dicts_without_attachment_bytes(data):
    page = list_page(data.ctx, ListQuery("seizure"), limit=3)
    assert all(type(r) is dict for r in page.rows)
    assert {"id", "seized_on", "kg_equivalent", "version", "hlc"} <= set(page.rows[0])


# --- sorting and keyset pagination ------------------------------------------------------------

SORTS = ["seized_on", "kg_equivalent", "quantity", "country", "drug", "persons_arrested", "place"]


@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("sort", SORTS)
def test_keyset_pagination_matches_a_full_order_by(data, sort, descending):
    q = ListQuery("seizure", sort=sort, descending=descending)
    d = "DESC" if descending else "ASC"
    expected = data.sql_ids(order=f"{sort} {d}, id {d}")
    # limit 1: every row is a page boundary; 375 = 3 x 125: the last page is exactly full
    limits = (1, 7, 125, 1000) if sort in ("kg_equivalent", "persons_arrested") else (7, 1000)
    for limit in limits:
        got = walk(data.ctx, q, limit)
        assert got == expected, f"limit {limit}"


@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("sort", ["kg_equivalent", "seized_on", "persons_arrested"])
def test_keyset_pagination_with_filters(data, sort, descending):
    q = ListQuery(
        "seizure",
        filters={"country": ["AFG", "TJK"], "date_from": "2025-01-01"},
        sort=sort,
        descending=descending,
    )
    d = "DESC" if descending else "ASC"
    expected = data.sql_ids(
        "country IN ('AFG','TJK') AND seized_on >= '2025-01-01'", f"{sort} {d}, id {d}"
    )
    assert len(expected) > 50
    assert walk(data.ctx, q, 13) == expected


def test_default_sort_is_newest_first(data):
    rows = list_page(data.ctx, ListQuery("seizure"), limit=1000).rows
    assert [r["id"] for r in rows] == data.sql_ids()
    assert rows[0]["seized_on"] == "2026-11-28"


def test_nulls_come_last_descending_and_first_ascending(data):
    desc = list_page(data.ctx, ListQuery("seizure", sort="kg_equivalent"), limit=1000).rows
    asc = list_page(
        data.ctx, ListQuery("seizure", sort="kg_equivalent", descending=False), limit=1000
    ).rows
    nulls = sum(1 for r in desc if r["kg_equivalent"] is None)
    assert nulls > 0
    assert all(r["kg_equivalent"] is None for r in desc[-nulls:])
    assert all(r["kg_equivalent"] is None for r in asc[:nulls])
    assert all(r["kg_equivalent"] is not None for r in asc[nulls:])


@pytest.mark.parametrize("sort", ["seized_on", "kg_equivalent"])
@pytest.mark.parametrize("offset", [0, 1, 9, 77, 200, 369, 374, 375, 500])
def test_page_at_offset_matches_the_full_order(data, sort, offset):
    q = ListQuery("seizure", sort=sort)
    expected = data.sql_ids(order=f"{sort} DESC, id DESC")
    page = page_at(data.ctx, q, offset, limit=10)
    assert [r["id"] for r in page.rows] == expected[offset : offset + 10]
    # and the scrollbar jump continues seamlessly with keyset pages
    rest = [r["id"] for r in page.rows]
    key = page.next_key
    while key is not None:
        nxt = list_page(data.ctx, q, after=key, limit=10)
        rest += [r["id"] for r in nxt.rows]
        key = nxt.next_key
    assert rest == expected[offset:]


def test_page_at_negative_offset_is_the_first_page(data):
    q = ListQuery("seizure")
    assert page_at(data.ctx, q, -5, limit=4).rows == page_at(data.ctx, q, 0, limit=4).rows


def test_count_matches_plain_sql(data):
    for country in PLACES:
        q = ListQuery("seizure", filters={"country": country})
        assert count(data.ctx, q) == len(data.sql_ids("country = :c", c=country))


# --- free text (FTS5) -----------------------------------------------------------------------------


def fts_ids(data: Dataset, text_: str, **filters: Any) -> set[str]:
    q = ListQuery("seizure", text=text_, filters=filters)
    ids = set(walk(data.ctx, q, 500))
    assert count(data.ctx, q) == len(ids)
    return ids


def notes_with(data: Dataset, *needles: str) -> set[str]:
    return data.ids(
        lambda r: all(
            n.lower() in f"{r['notes']} {r['place']} {r['source_ref']}".lower() for n in needles
        )
    )


@pytest.mark.parametrize(
    ("query", "needles"),
    [
        ("heroin", ["heroin"]),
        ("HEROIN", ["heroin"]),
        ("hero", ["hero"]),  # prefix
        ("fuel tank", ["fuel", "tank"]),  # every word must match
        ("героин", ["героин"]),
        ("ГЕРОИН", ["героин"]),
        ("бензобак", ["бензобак"]),
        ("опий", ["опий"]),
        ("тайнике", ["тайнике"]),
        ("Ишкашим", ["Ишкашим"]),
        ("cafe", ["café"]),  # diacritics removed
        ("resume", ["résumé"]),
        ("REF-0007", ["ref-0007"]),
        ('"urgent"', ["urgent"]),
        ("unconfirmed)", ["unconfirmed"]),
    ],
)
def test_text_search(data, query, needles):
    expected = notes_with(data, *needles)
    assert expected, "the dataset should contain the searched text"
    assert fts_ids(data, query) == expected


def test_text_search_excludes_deleted_rows(data):
    assert fts_ids(data, "REF") == set(data.rows)


def test_text_search_combines_with_filters(data):
    expected = notes_with(data, "героин") & data.ids(lambda r: r["country"] == "TJK")
    assert expected
    assert fts_ids(data, "героин", country="TJK") == expected


@pytest.mark.parametrize(
    "query",
    [
        "AND",
        "OR",
        "NOT",
        "NEAR(",
        "NEAR(cargo",
        "cargo NEAR",
        '"',
        '""',
        '"heroin',
        "*",
        "heroin*",
        "^heroin",
        "notes:heroin",
        "-heroin",
        "heroin AND",
        "(",
        ")",
        "{}",
        "a'b",
        "\\",
        "%_",
        ";",
        "\x00",
        "   ",
        "_",
        "__init__",
        "²",
        "e\u0301",
    ],
)
def test_fts_syntax_in_the_query_never_crashes(data, query):
    ids = fts_ids(data, query)
    assert ids <= set(data.rows)


def test_operator_words_are_searched_as_words(data):
    expected = notes_with(data, "near(cargo)")
    assert expected
    assert fts_ids(data, "NEAR(cargo) AND") == expected


def test_empty_text_matches_everything(data):
    assert fts_ids(data, "") == set(data.rows)
    assert fts_ids(data, " ,;!? ") == set(data.rows)


def test_fts_match_quotes_every_word():
    assert fts_match("heroin tank") == '"heroin"* AND "tank"*'
    assert fts_match('NEAR( "x" AND') == '"NEAR"* AND "x"* AND "AND"*'
    assert fts_match("  ") == ""


def test_text_search_follows_updates_and_deletes(ctx, make):
    rid = make.seizure(notes="первоначальная заметка")
    assert count(ctx, ListQuery("seizure", text="первоначальная")) == 1
    rec.update(ctx, "seizure", rid, {"notes": "исправленная запись"})
    assert count(ctx, ListQuery("seizure", text="первоначальная")) == 0
    assert count(ctx, ListQuery("seizure", text="исправленн")) == 1
    rec.delete(ctx, "seizure", [rid])
    assert count(ctx, ListQuery("seizure", text="исправленн")) == 0


def test_price_text_search(ctx, make):
    a = make.price(source="Ministry of Interior bulletin", place="Душанбе")
    make.price(source="street survey")
    assert [r["id"] for r in list_page(ctx, ListQuery("price", text="bulletin")).rows] == [a]
    assert [r["id"] for r in list_page(ctx, ListQuery("price", text="душанбе")).rows] == [a]
    assert count(ctx, ListQuery("price", text='"')) == 2


# --- LIKE search on the small tables --------------------------------------------------------------


@pytest.fixture
def orgs(ctx, make) -> dict[str, str]:
    names = {
        "unodc": ("United Nations Office on Drugs and Crime", "UNODC"),
        "dca": ("Drug Control Agency of Tajikistan", "DCA"),
        "ru": ("Агентство по контролю за наркотиками", "АКН"),
        "pct": ("100% Clean Borders Foundation", "CBF"),
        "und": ("Border_Guard Service", "BGS"),
        "plain": ("BorderXGuard Trust", "BXT"),
    }
    return {k: make.organisation(n, acronym=a) for k, (n, a) in names.items()}


def like_ids(ctx, entity: str, text_: str) -> set[str]:
    q = ListQuery(entity, text=text_, sort="created_at")
    ids = {r["id"] for r in list_page(ctx, q, limit=1000).rows}
    assert count(ctx, q) == len(ids)
    return ids


def test_like_search_on_organisations(ctx, orgs):
    assert like_ids(ctx, "organisation", "drug") == {orgs["unodc"], orgs["dca"]}
    assert like_ids(ctx, "organisation", "UNODC") == {orgs["unodc"]}
    assert like_ids(ctx, "organisation", "unodc") == {orgs["unodc"]}  # acronym, any case
    assert like_ids(ctx, "organisation", "tajik") == {orgs["dca"]}
    assert like_ids(ctx, "organisation", "nothing like it") == set()


def test_like_search_finds_cyrillic_in_any_case(ctx, orgs):
    assert like_ids(ctx, "organisation", "Агентство") == {orgs["ru"]}
    assert like_ids(ctx, "organisation", "наркотиками") == {orgs["ru"]}
    assert like_ids(ctx, "organisation", "агентство") == {orgs["ru"]}
    assert like_ids(ctx, "organisation", "акн") == {orgs["ru"]}


def test_like_wildcards_in_the_text_are_literal(ctx, orgs):
    assert like_ids(ctx, "organisation", "100%") == {orgs["pct"]}
    assert like_ids(ctx, "organisation", "%") == {orgs["pct"]}
    assert like_ids(ctx, "organisation", "Border_Guard") == {orgs["und"]}


def test_like_search_on_projects_excludes_deleted(ctx, make):
    a = make.project(identifier="XM-DAC-41128-A", title="Precursor control in Central Asia")
    b = make.project(identifier="XM-DAC-41128-B", title="Border liaison", description="precursor")
    c = make.project(identifier="XM-DAC-41128-C", title="Precursor lab training")
    rec.delete(ctx, "project", [c])
    assert like_ids(ctx, "project", "precursor") == {a, b}
    assert like_ids(ctx, "project", "41128-B") == {b}


def test_like_search_on_recommendations_and_contacts(ctx, make):
    r = make.recommendation(code="EWG-IFF-2025-03", text="Share financial intelligence")
    make.recommendation(code="EWG-BORDER-2025-01")
    c = make.contact("Farrukh Nazarov", role="analyst", email="f.nazarov@dca.tj")
    assert like_ids(ctx, "recommendation", "IFF") == {r}
    assert like_ids(ctx, "recommendation", "intelligence") == {r}
    assert like_ids(ctx, "contact", "dca.tj") == {c}
    assert like_ids(ctx, "contact", "NAZAROV") == {c}


def test_filters_on_other_entities(ctx, make):
    a = make.recommendation(code="R-1", status="OPEN")
    make.recommendation(code="R-2", status="IMPLEMENTED")
    b = make.recommendation(code="R-3", status="IN_PROGRESS")
    q = ListQuery("recommendation", filters={"status": ["OPEN", "IN_PROGRESS"]})
    assert {r["id"] for r in list_page(ctx, q).rows} == {a, b}
    assert count(ctx, q) == 2


# --- property: no text can break the search ------------------------------------------------------


FTS_ALPHABET = st.sampled_from(
    [
        *"\"*^:()-+{}[]'\\%_.,;!?~<>@#&|/ \t\n",
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "NEAR(",
        "heroin",
        "героин",
        "é",
        "\u0301",
        "²",
        "٣",
        "ß",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=40), st.lists(FTS_ALPHABET, max_size=12).map("".join)))
def test_any_text_searches_without_error(data, query):
    q = ListQuery("seizure", text=query)
    ids = {r["id"] for r in list_page(data.ctx, q, limit=500).rows}
    assert ids <= set(data.rows)
    assert count(data.ctx, q) == len(ids)


@settings(max_examples=100, deadline=None)
@given(
    st.text(alphabet='"*^:()-+{}., ;!?', max_size=6),
    st.text(alphabet='"*^:()-+{}., ;!?', max_size=6),
)
def test_punctuation_around_a_word_does_not_change_the_result(data, before, after):
    plain = {
        r["id"] for r in list_page(data.ctx, ListQuery("seizure", text="героин"), limit=500).rows
    }
    noisy = ListQuery("seizure", text=f"{before}героин{after}")
    assert {r["id"] for r in list_page(data.ctx, noisy, limit=500).rows} == plain
