"""A demo vault's worth of realistic synthetic data, written through the service bulk path
(journal and audit entries included), reproducible from a seed."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pp_desktop.services import bulk
from pp_desktop.services.context import Services
from pp_desktop.services.demo_places import CURRENCY, HEROIN_USD_KG, PLACES, USD_RATE
from pp_desktop.services.records import new_id

RLO = tuple(PLACES)
# Drug mix (code, weight, typical kg, unit choices) — opiates dominate on these routes
DRUGS: tuple[tuple[str, float, float, tuple[str, ...]], ...] = (
    ("HEROIN", 28, 4.0, ("KG", "G")),
    ("OPIUM", 22, 25.0, ("KG",)),
    ("MORPHINE", 4, 8.0, ("KG",)),
    ("CANNABIS_RESIN", 16, 40.0, ("KG",)),
    ("CANNABIS_HERB", 9, 15.0, ("KG", "G")),
    ("METHAMPHETAMINE", 9, 3.0, ("KG", "G")),
    ("TRAMADOL", 4, 2000.0, ("TABLET",)),
    ("CAPTAGON", 2, 5000.0, ("TABLET",)),
    ("ACETIC_ANHYDRIDE", 3, 200.0, ("L",)),
    ("POPPY_STRAW", 2, 60.0, ("KG",)),
    ("COCAINE_HCL", 1, 2.0, ("KG",)),
)
TRANSPORT = {
    "LAND_BORDER_CROSSING": ("ROAD_TRUCK", "ROAD_PRIVATE", "ROAD_BUS", "PEDESTRIAN"),
    "ROAD_CHECKPOINT": ("ROAD_TRUCK", "ROAD_PRIVATE", "ROAD_BUS"),
    "AIRPORT": ("AIR_PASSENGER", "AIR_CARGO"),
    "SEAPORT": ("SEA_CONTAINER", "SEA_VESSEL"),
    "RAILWAY_STATION": ("RAIL",),
    "POSTAL_FACILITY": ("POSTAL_COURIER",),
}
CONCEALMENT = {
    "ROAD_TRUCK": ("MIXED_IN_CARGO", "VEHICLE_COMPARTMENT"),
    "ROAD_PRIVATE": ("VEHICLE_COMPARTMENT", "LUGGAGE"),
    "ROAD_BUS": ("LUGGAGE", "ON_BODY"),
    "AIR_PASSENGER": ("LUGGAGE", "INTERNAL", "ON_BODY"),
    "AIR_CARGO": ("MIXED_IN_CARGO",),
    "SEA_CONTAINER": ("MIXED_IN_CARGO",),
    "SEA_VESSEL": ("MIXED_IN_CARGO", "OTHER"),
    "RAIL": ("LUGGAGE", "MIXED_IN_CARGO"),
    "POSTAL_COURIER": ("MAIL_PARCEL",),
    "PEDESTRIAN": ("ON_BODY",),
}
DESTINATIONS = ("RUS", "KAZ", "TUR", "IRN", "PAK", "DEU", "NLD", "GBR", "ARE", "CHN", "SRB")
NOTES = (
    "Concealed in a false floor of the trailer; driver detained.",
    "Joint operation with customs after an intelligence tip-off.",
    "Packages marked with a horse logo, similar to earlier seizures on this route.",
    "Контролируемая поставка, задержаны два курьера.",
    "Изъято при досмотре пассажирского поезда.",
    "Found during a routine inspection; sample sent for forensic analysis.",
    "Pressed into bricks of about 1 kg each.",
    "Spotted by a sniffer dog at the checkpoint.",
    "",
    "",
)
SOURCES = (
    "National ARQ report",
    "Press release",
    "Liaison meeting",
    "Agency weekly bulletin",
    "Seizure report form",
    "Сводка МВД",
)


@dataclass(frozen=True)
class DemoSize:
    """How much demo data to make."""

    seizures: int = 5_000
    prices: int = 1_200
    projects: int = 30
    recommendations: int = 40
    contacts: int = 40


def _seizures(rng: random.Random, refs: Any, today: date, n: int) -> Iterator[dict[str, Any]]:
    weights = [d[1] for d in DRUGS]
    agencies: dict[str, list[str]] = {}
    for code, (parent, _f) in refs.codes.get("agency", {}).items():
        agencies.setdefault(parent, []).append(code)
    provinces = refs.codes.get("province", {})
    country_w = [30, 14, 14, 12, 8, 5, 4, 4, 5, 2, 2]  # AFG..MKD, as PLACES is ordered
    span = 3 * 365
    for _ in range(n):
        country = rng.choices(RLO, weights=country_w[: len(RLO)])[0]
        place, province, site = rng.choice(PLACES[country])
        drug, _w, typical, units = rng.choices(DRUGS, weights=weights)[0]
        unit = rng.choice(units)
        kg = rng.lognormvariate(0, 1.4) * typical
        quantity = round(kg * (1000 if unit == "G" else 1), 3 if unit in ("KG", "L") else 0)
        known = rng.random() > 0.02
        transport = rng.choice(TRANSPORT.get(site, ("ROAD_PRIVATE", "NOT_KNOWN")))
        origin = "AFG" if drug in ("HEROIN", "OPIUM", "MORPHINE", "POPPY_STRAW") else ""
        dest = rng.choice(DESTINATIONS)
        transit = " ".join(
            sorted(
                rng.sample([c for c in RLO if c not in (country, dest)], k=rng.choice((0, 0, 1, 2)))
            )
        )
        arrested = rng.choice((0, 1, 1, 1, 2, 2, 3, 5)) if rng.random() > 0.1 else None
        confidentiality = rng.choices(("NORMAL", "RESTRICTED", "CONFIDENTIAL"), (90, 8, 2))[0]
        yield {
            "seized_on": (today - timedelta(days=rng.randrange(span))).isoformat(),
            "country": country,
            "province": province if province in provinces else "",
            "place": place,
            "site_type": site,
            "agency": rng.choice(agencies.get(country, [""])),
            "drug": drug,
            "quantity_known": known,
            "quantity": max(quantity, 1.0) if known else None,
            "unit": unit,
            "purity_pct": round(rng.uniform(20, 85), 1) if rng.random() < 0.15 else None,
            "transport_mode": transport,
            "concealment": rng.choice(CONCEALMENT.get(transport, ("NOT_KNOWN",))),
            "origin_country": origin,
            "departure_country": country if rng.random() < 0.5 else "",
            "transit_countries": transit,
            "destination_country": dest if rng.random() < 0.7 else "",
            "persons_arrested": arrested,
            "nationalities": country if arrested else "",
            "source_ref": rng.choice(SOURCES),
            "confidentiality": confidentiality,
            "notes": rng.choice(NOTES),
        }


def _prices(rng: random.Random, today: date, n: int) -> Iterator[dict[str, Any]]:
    for _ in range(n):
        country = rng.choice(RLO)
        drug = rng.choices(("HEROIN", "OPIUM", "CANNABIS_RESIN", "METHAMPHETAMINE"), (5, 3, 2, 1))[
            0
        ]
        level = rng.choice(("RETAIL", "WHOLESALE"))
        currency = CURRENCY[country] if rng.random() < 0.6 else "USD"
        usd_kg = (
            HEROIN_USD_KG[country]
            * {"HEROIN": 1, "OPIUM": 0.08, "CANNABIS_RESIN": 0.05, "METHAMPHETAMINE": 0.9}[drug]
        )
        per_unit = "KG" if level == "WHOLESALE" else "G"
        per_kg = usd_kg * (1 if level == "WHOLESALE" else 3) * USD_RATE[currency]
        typical = per_kg if per_unit == "KG" else per_kg / 1000
        low, high = typical * rng.uniform(0.6, 0.9), typical * rng.uniform(1.1, 1.6)
        if rng.random() < 0.01:  # real data has typical outside min-max: kept, with a warning
            typical = high * 1.1
        place = rng.choice(PLACES[country])[0]
        yield {
            "observed_on": (today - timedelta(days=rng.randrange(3 * 365))).isoformat(),
            "country": country,
            "place": place,
            "drug": drug,
            "sale_level": level,
            "price_typical": round(typical, 2),
            "price_min": round(low, 2),
            "price_max": round(high, 2),
            "currency": currency,
            "per_quantity": 1.0,
            "per_unit": per_unit,
            "purity_typical": round(rng.uniform(30, 70), 0) if drug == "HEROIN" else None,
            "source": rng.choice(SOURCES),
            "notes": "",
        }


ORGANISATIONS = (
    ("United Nations Office on Drugs and Crime", "UNODC", "40", "", "XM-DAC-41128"),
    ("United States Department of State, INL", "INL", "10", "USA", "US-GOV-1"),
    ("Foreign, Commonwealth & Development Office", "FCDO", "10", "GBR", "GB-GOV-1"),
    ("Federal Foreign Office of Germany", "AA", "10", "DEU", "XM-DAC-5-7"),
    ("Japan International Cooperation Agency", "JICA", "10", "JPN", "XM-DAC-701-8"),
    ("European Union", "EU", "40", "", "XI-IATI-EC_INTPA"),
    ("Organization for Security and Co-operation in Europe", "OSCE", "40", "", ""),
    ("Norwegian Ministry of Foreign Affairs", "MFA Norway", "10", "NOR", "XM-DAC-8-1"),
    ("Ministry of Foreign Affairs of the Russian Federation", "MID", "10", "RUS", ""),
    ("Drug Control Agency under the President of Tajikistan", "DCA", "10", "TJK", ""),
    ("Anti-Narcotics Force", "ANF", "10", "PAK", ""),
    ("Drug Control Headquarters", "DCHQ", "10", "IRN", ""),
    ("Ministry of Internal Affairs of the Kyrgyz Republic", "MVD KR", "10", "KGZ", ""),
    ("State Customs Committee of Uzbekistan", "SCC", "10", "UZB", ""),
    ("Central Asian Regional Information and Coordination Centre", "CARICC", "40", "KAZ", ""),
    ("Ministry of Interior of Serbia", "MUP", "10", "SRB", ""),
    ("Customs Administration of North Macedonia", "CA", "10", "MKD", ""),
    ("Aga Khan Foundation", "AKF", "21", "", ""),
)
PROJECT_TITLES = (
    "Strengthening border liaison offices on the Tajik-Afghan border",
    "Container Control Programme: port control units",
    "Precursor control: acetic anhydride interdiction training",
    "Financial investigations of drug trafficking proceeds",
    "Forensic laboratory capacity for drug analysis",
    "Drug dependence treatment and care services",
    "Cross-border cooperation between customs and border guards",
    "Airport interdiction task forces (AIRCOP)",
    "Alternative livelihoods for poppy-growing communities",
    "Canine units for drug detection",
    "Regional intelligence sharing through CARICC",
    "Prevention of drug use among young people",
)
RECOMMENDATION_TEXTS = (
    "Strengthen the exchange of operational information on heroin trafficking routes.",
    "Establish joint investigative teams for cases crossing several borders.",
    "Improve the control of acetic anhydride imports and pre-export notifications.",
    "Develop national capacities to trace and seize proceeds of drug trafficking.",
    "Expand evidence-based drug dependence treatment in prisons.",
    "Harmonise drug seizure reporting with the UNODC Annual Report Questionnaire.",
    "Train border officers in profiling and risk analysis at land crossings.",
    "Use controlled deliveries more often in transnational cases.",
)


def _domain(acronym: str) -> str:
    return "".join(ch for ch in acronym.lower() if ch.isalnum())


def _org_rows() -> list[dict[str, Any]]:
    return [
        {"id": new_id(), "name": n, "acronym": a, "kind": k, "country": c, "iati_ref": r}
        for n, a, k, c, r in ORGANISATIONS
    ]


def make_demo(
    ctx: Services,
    size: DemoSize | None = None,
    seed: int = 2026,
    progress: Callable[[str, int], None] | None = None,
) -> dict[str, int]:
    """Fill the vault with demo data; returns the number of records made per entity."""
    size = size or DemoSize()
    rng = random.Random(seed)
    today = ctx.today()
    refs = ctx.refs()
    made: dict[str, int] = {}

    def run(entity: str, rows: Any) -> list[str]:
        cs = bulk.bulk_insert(
            ctx,
            entity,
            rows,
            progress=(lambda n: progress(entity, n)) if progress else None,
        )
        made[entity] = made.get(entity, 0) + len(cs.created)
        return cs.created

    orgs = _org_rows()
    run("organisation", orgs)
    donors = [
        o["id"]
        for o in orgs
        if o["kind"] == "10" and o["country"] in ("USA", "GBR", "DEU", "JPN", "NOR", "RUS")
    ] + [orgs[5]["id"]]
    national = [o for o in orgs if o["country"] in RLO and o["kind"] == "10"]
    first = (
        "Farid",
        "Dilnoza",
        "Rustam",
        "Aziz",
        "Elena",
        "Marko",
        "Aigerim",
        "Bakhtiyor",
        "Nargis",
        "Sergei",
        "Ana",
        "Omid",
        "Zarina",
        "Imran",
        "Jovan",
        "Gulnara",
    )
    last = (
        "Karimov",
        "Nazarova",
        "Rahimi",
        "Petrov",
        "Jovanović",
        "Tokhtarov",
        "Sadykova",
        "Khan",
        "Hosseini",
        "Ivanova",
        "Stojanovski",
        "Yusupov",
        "Abdullaev",
        "Mirzoeva",
    )
    contacts = [
        {
            "id": new_id(),
            "name": f"{rng.choice(first)} {rng.choice(last)}",
            "organisation_id": (org := rng.choice(national))["id"],
            "role": rng.choice(
                (
                    "Head of international cooperation",
                    "Analyst",
                    "Liaison officer",
                    "Deputy director",
                    "Head of precursor control unit",
                )
            ),
            "phone": f"+{rng.randint(7, 998)} {rng.randint(100, 999)} {rng.randrange(10**7):07d}",
            "email": f"liaison{rng.randint(1, 99)}@{_domain(org['acronym'])}.example.org",
            "notes": "",
        }
        for _ in range(size.contacts)
    ]
    run("contact", contacts)

    projects = []
    for i in range(size.projects):
        country = rng.choice(RLO)
        start = today - timedelta(days=rng.randrange(60, 5 * 365))
        length = timedelta(days=rng.choice((365, 730, 1095, 1460)))
        status = "4" if start + length < today else rng.choice(("2", "2", "2", "1", "3"))
        projects.append(
            {
                "id": new_id(),
                "identifier": f"XM-DAC-41128-PPI-{start.year}-{i + 1:03d}",
                "title": f"{rng.choice(PROJECT_TITLES)} ({country})",
                "description": "Technical assistance under the Paris Pact Initiative.",
                "implementing_org_id": orgs[0]["id"],
                "beneficiary_country": country,
                "beneficiary_agencies": rng.choice(national)["name"],
                "pillar": rng.choice(("REGIONAL", "IFF", "PRECURSORS", "DEMAND", "BORDER")),
                "dac_sector": rng.choice(("16063", "16063", "16063", "15210", "31165", "15132")),
                "status": status,
                "planned_start": start.isoformat(),
                "actual_start": start.isoformat() if status != "1" else None,
                "planned_end": (start + length).isoformat(),
                "actual_end": (start + length).isoformat() if status == "4" else None,
                "budget": float(rng.randrange(150, 6000) * 1000),
                "currency": "USD",
                "contact_id": rng.choice(contacts)["id"] if contacts else None,
            }
        )
    run("project", projects)
    run(
        "project_donor",
        [
            {
                "project_id": p["id"],
                "organisation_id": d,
                "amount": round(float(p["budget"]) * share, 0),
                "currency": "USD",
            }
            for p in projects
            for d, share in zip(rng.sample(donors, k=rng.choice((1, 2))), (0.7, 0.3), strict=False)
        ],
    )

    recs, notes, links = [], [], []
    groups = ("REGIONAL", "IFF", "PRECURSORS", "DEMAND", "BORDER")
    for i in range(size.recommendations):
        pillar = groups[i % 5]
        meeting = today - timedelta(days=rng.randrange(90, 4 * 365))
        status = rng.choices(
            ("OPEN", "IN_PROGRESS", "IMPLEMENTED", "NOT_IMPLEMENTED", "SUPERSEDED"),
            (30, 35, 20, 10, 5),
        )[0]
        rid = new_id()
        recs.append(
            {
                "id": rid,
                "code": f"PP-{pillar[:3]}-{meeting.year}-{i + 1:02d}",
                "text": rng.choice(RECOMMENDATION_TEXTS),
                "working_group": f"EWG_{pillar}",
                "meeting_date": meeting.isoformat(),
                "pillar": pillar,
                "priority": rng.choice(("HIGH", "MEDIUM", "LOW")),
                "addressed_to": " ".join(rng.sample(RLO, k=rng.choice((1, 2, 3)))),
                "status": status,
                "follow_up_due": (
                    meeting + timedelta(days=rng.choice((180, 365, 540)))
                ).isoformat(),
            }
        )
        for k in range(rng.randrange(0, 4)):
            noted = meeting + timedelta(days=60 * (k + 1) + rng.randrange(30))
            if noted <= today:
                notes.append(
                    {
                        "recommendation_id": rid,
                        "noted_on": noted.isoformat(),
                        "note": rng.choice(
                            (
                                "Discussed at the liaison meeting; agency agreed a work plan.",
                                "No progress reported by the national focal point.",
                                "Training delivered; follow-up mission planned.",
                                "Draft legislation submitted to parliament.",
                            )
                        ),
                    }
                )
        if projects and rng.random() < 0.5:
            links.append({"recommendation_id": rid, "project_id": rng.choice(projects)["id"]})
    run("recommendation", recs)
    run("progress_note", notes)
    run("recommendation_project", links)
    run("price", _prices(rng, today, size.prices))
    run("seizure", _seizures(rng, refs, today, size.seizures))
    return made
