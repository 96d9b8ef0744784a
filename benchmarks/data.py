"""Synthetic but realistic seizures for the benchmarks (deterministic: same seed, same rows).

Rows are what an import or the demo generator hands to ``bulk_insert``: stored forms already
(ISO dates, upper-case codes), a mix of countries, provinces, agencies, drugs, units, dates over
three years, places and free-text notes in English and Russian, a few quantities "not known".
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from pp_desktop.paths import resource

# The RLO countries and neighbours, weighted roughly like real seizure reporting
COUNTRIES = {
    "AFG": 18,
    "IRN": 20,
    "PAK": 14,
    "TJK": 6,
    "UZB": 5,
    "KGZ": 4,
    "KAZ": 6,
    "TKM": 2,
    "RUS": 11,
    "TUR": 7,
    "AZE": 2,
    "GEO": 1,
    "UKR": 2,
    "SRB": 1,
    "MKD": 1,
}
# drug -> (weight, units it is usually counted in)
DRUGS: dict[str, tuple[int, tuple[str, ...]]] = {
    "HEROIN": (20, ("KG", "KG", "G")),
    "OPIUM": (18, ("KG", "KG", "G")),
    "MORPHINE": (3, ("KG", "G")),
    "CANNABIS_RESIN": (16, ("KG", "G")),
    "CANNABIS_HERB": (10, ("KG", "G")),
    "CANNABIS_PLANTS": (2, ("PLANT",)),
    "METHAMPHETAMINE": (12, ("KG", "G", "TABLET")),
    "AMPHETAMINE": (2, ("KG", "TABLET")),
    "CAPTAGON": (1, ("TABLET", "THOUSAND_TABLETS")),
    "TRAMADOL": (5, ("TABLET", "THOUSAND_TABLETS", "CAPSULE")),
    "COCAINE_HCL": (2, ("KG", "G")),
    "MDMA": (1, ("TABLET", "G")),
    "MEPHEDRONE": (2, ("G", "KG")),
    "ALPHA_PVP": (1, ("G",)),
    "ACETIC_ANHYDRIDE": (3, ("L", "KG")),
    "EPHEDRINE": (1, ("KG",)),
    "SYNTHETIC_CANNABINOIDS": (1, ("G", "KG")),
}
PLACES = {
    "AFG": ["Kabul", "Kandahar", "Herat", "Jalalabad", "Mazar-i-Sharif", "Torkham", "Islam Qala"],
    "IRN": ["Mashhad", "Zahedan", "Tehran", "Kerman", "Bandar Abbas", "Mirjaveh", "Taybad"],
    "PAK": ["Karachi", "Quetta", "Peshawar", "Lahore", "Chaman", "Islamabad", "Gwadar"],
    "TJK": ["Dushanbe", "Khorog", "Panji Poyon", "Kulob", "Khujand"],
    "UZB": ["Tashkent", "Termez", "Samarkand", "Bukhara"],
    "KGZ": ["Bishkek", "Osh", "Batken"],
    "KAZ": ["Almaty", "Astana", "Shymkent", "Aktobe"],
    "TKM": ["Ashgabat", "Turkmenabat", "Mary"],
    "RUS": ["Moscow", "Saint Petersburg", "Orenburg", "Astrakhan", "Novosibirsk"],
    "TUR": ["Istanbul", "Van", "Hakkari", "Mersin", "Kapikule"],
    "AZE": ["Baku", "Astara"],
    "GEO": ["Tbilisi", "Batumi", "Poti"],
    "UKR": ["Odesa", "Kyiv"],
    "SRB": ["Belgrade", "Preševo"],
    "MKD": ["Skopje", "Tabanovce"],
}
SITES = [
    "AIRPORT",
    "SEAPORT",
    "LAND_BORDER_CROSSING",
    "GREEN_BORDER",
    "ROAD_CHECKPOINT",
    "RAILWAY_STATION",
    "POSTAL_FACILITY",
    "RESIDENCE",
    "STORAGE",
    "PUBLIC_PLACE",
    "NOT_KNOWN",
]
TRANSPORT = [
    "AIR_PASSENGER",
    "AIR_CARGO",
    "ROAD_PRIVATE",
    "ROAD_TRUCK",
    "ROAD_BUS",
    "RAIL",
    "SEA_CONTAINER",
    "POSTAL_COURIER",
    "PEDESTRIAN",
    "PACK_ANIMAL",
    "NOT_KNOWN",
]
CONCEALMENT = [
    "ON_BODY",
    "INTERNAL",
    "LUGGAGE",
    "VEHICLE_COMPARTMENT",
    "MIXED_IN_CARGO",
    "MAIL_PARCEL",
    "NOT_CONCEALED",
    "NOT_KNOWN",
]
NOTE_EN = [
    "Concealed in the fuel tank of a {vehicle}.",
    "Found during a routine check of a {vehicle} at the {where}.",
    "Packed in {n} bags hidden among {cargo}.",
    "Courier detained on arrival; {n} packages swallowed.",
    "Joint operation with {agency} following a tip-off.",
    "Controlled delivery; the consignee was arrested at the {where}.",
    "Stored in a warehouse rented under a false name.",
    "Sniffer dog alerted on the {cargo} shipment.",
    "Seized from a {vehicle} with forged documents.",
]
NOTE_RU = [
    "Спрятано в топливном баке автомобиля {vehicle_ru}.",
    "Обнаружено при досмотре груза ({cargo_ru}).",
    "Задержан курьер, {n} упаковок в багаже.",
    "Контролируемая поставка, получатель задержан.",
]
VEHICLES = ["truck", "bus", "minivan", "car", "tanker", "motorbike", "train carriage"]
VEHICLES_RU = ["КамАЗ", "Газель", "Лада", "автобус", "грузовик"]
CARGO = [
    "pomegranates",
    "raisins",
    "cement",
    "textiles",
    "melons",
    "car parts",
    "onions",
    "dried fruit",
    "carpets",
    "rice",
]
CARGO_RU = ["изюм", "цемент", "текстиль", "дыни", "лук"]
WHERE = ["border crossing", "checkpoint", "airport", "seaport", "railway station", "bus terminal"]


def _codes_by_parent(kind: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    with resource("reference", f"{kind}.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["parent"], []).append(row["code"])
    return out


def seizures(
    n: int, *, seed: int = 20261128, today: date | None = None
) -> Iterator[dict[str, Any]]:
    """``n`` seizure rows, dated over the three years up to ``today``."""
    rnd = random.Random(seed)
    today = today or date.today()
    start = today - timedelta(days=3 * 365)
    span = (today - start).days
    provinces = _codes_by_parent("province")
    agencies = _codes_by_parent("agency")
    countries, cweights = list(COUNTRIES), list(COUNTRIES.values())
    drugs, dweights = list(DRUGS), [w for w, _ in DRUGS.values()]
    all_countries = [*countries, "CHN", "IND", "IRQ", "ARE", "DEU", "NLD"]
    for i in range(n):
        country = rnd.choices(countries, cweights)[0]
        drug = rnd.choices(drugs, dweights)[0]
        unit = rnd.choice(DRUGS[drug][1])
        known = rnd.random() > 0.03
        if not known:
            quantity = None
        elif unit in ("TABLET", "CAPSULE", "PLANT"):
            quantity = float(int(rnd.lognormvariate(6, 2)) + 1)
        else:
            quantity = round(rnd.lognormvariate(1.5, 2.0) + 0.001, 3)
        vars_ = {
            "vehicle": rnd.choice(VEHICLES),
            "vehicle_ru": rnd.choice(VEHICLES_RU),
            "where": rnd.choice(WHERE),
            "cargo": rnd.choice(CARGO),
            "cargo_ru": rnd.choice(CARGO_RU),
            "n": rnd.randint(2, 60),
            "agency": rnd.choice(["customs", "border police", "DEA", "ANF", "DCA"]),
        }
        r = rnd.random()
        if r < 0.15:
            notes = ""
        elif r < 0.3:
            notes = rnd.choice(NOTE_RU).format(**vars_)
        else:
            notes = " ".join(t.format(**vars_) for t in rnd.sample(NOTE_EN, rnd.randint(1, 3)))
        place = rnd.choice(PLACES[country])
        origin = rnd.choice(["AFG", "AFG", "AFG", "PAK", "IRN", ""])
        destination = rnd.choice(["RUS", "TUR", "KAZ", "IRN", "DEU", "NLD", ""])
        transit = " ".join(sorted(rnd.sample(all_countries, rnd.randint(0, 2))))
        arrested = rnd.choice([None, 0, 1, 1, 1, 2, 3, 5])
        nationalities = (
            " ".join(sorted(rnd.sample(countries, rnd.randint(0, 2)))) if arrested else ""
        )
        has_geo = rnd.random() < 0.6
        yield {
            "seized_on": (start + timedelta(days=rnd.randrange(span + 1))).isoformat(),
            "country": country,
            "province": rnd.choice([*provinces.get(country, [""]), ""]),
            "place": place if rnd.random() < 0.9 else "",
            "latitude": round(rnd.uniform(25.0, 55.0), 5) if has_geo else None,
            "longitude": round(rnd.uniform(45.0, 80.0), 5) if has_geo else None,
            "site_type": rnd.choice(SITES),
            "agency": rnd.choice([*agencies.get(country, []), ""]),
            "drug": drug,
            "quantity_known": known,
            "quantity": quantity,
            "unit": unit,
            "purity_pct": round(rnd.uniform(5, 95), 1) if rnd.random() < 0.2 else None,
            "transport_mode": rnd.choice(TRANSPORT),
            "concealment": rnd.choice(CONCEALMENT),
            "origin_country": origin,
            "departure_country": rnd.choice([origin, country, ""]),
            "transit_countries": transit,
            "destination_country": destination,
            "persons_arrested": arrested,
            "nationalities": nationalities,
            "source_ref": f"{country}-{rnd.randint(2023, 2026)}-{i:07d}",
            "confidentiality": "NORMAL" if rnd.random() < 0.95 else "RESTRICTED",
            "notes": notes,
        }
