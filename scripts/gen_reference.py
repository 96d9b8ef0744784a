#!/usr/bin/env python3
"""Regenerate and check the shipped reference lists in ``resources/reference/``.

Three lists are derived from ISO standards through ``pycountry``:

* ``country.csv``  -- ISO 3166-1 alpha-3 (all countries) plus Kosovo (``XKX``), with the UN/UNODC
  display names where they differ from the ISO short names, Russian names, and the UNODC
  sub-region (code in ``region.csv``) as ``parent``;
* ``province.csv`` -- first-level ISO 3166-2 subdivisions of the eleven RLO countries and their
  direct land neighbours, ``parent`` = country alpha-3;
* ``currency.csv`` -- ISO 4217 (all current codes), plus a few withdrawn ones still needed for
  historical prices.

Every other list in the folder is hand-written and checked in as plain CSV; this script only
validates those.

Codes are never re-coded and never dropped: when a code present in the existing CSV is no longer
produced (withdrawn from ISO, or excluded here), its old row is kept as it is (only ``sort`` is
renumbered).  Labels are owned by this script: edit the tables below, not the generated CSV.

Usage::

    python scripts/gen_reference.py            # regenerate country, province, currency
    python scripts/gen_reference.py --check    # validate every CSV, regenerate nothing

The output is deterministic: the same pycountry version and tables give byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import math
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib.metadata import version
from pathlib import Path
from typing import Protocol

import pycountry

REF_DIR = Path(__file__).resolve().parent.parent / "resources" / "reference"
HEADER: tuple[str, ...] = ("code", "label_en", "label_ru", "parent", "factor_kg", "sort")
SORT_STEP = 10

RLO_COUNTRIES: tuple[str, ...] = (
    "AFG", "IRN", "PAK", "KAZ", "KGZ", "TJK", "TKM", "UZB", "RUS", "SRB", "MKD",
)  # fmt: skip
# Direct land neighbours of the RLO countries (Kosovo has no ISO 3166-2 subdivisions).
NEIGHBOUR_COUNTRIES: tuple[str, ...] = (
    "ALB", "ARM", "AZE", "BGR", "BIH", "BLR", "CHN", "EST", "FIN", "GEO", "GRC", "HRV", "HUN",
    "IND", "IRQ", "LTU", "LVA", "MNE", "MNG", "NOR", "POL", "PRK", "ROU", "TUR", "UKR",
)  # fmt: skip
PROVINCE_COUNTRIES: tuple[str, ...] = RLO_COUNTRIES + NEIGHBOUR_COUNTRIES

# ISO 3166-2 grouping entries replaced by their children (the level an officer means).
SUBDIVISION_FLATTEN: frozenset[str] = frozenset({"RS-VO", "IQ-KR"})
# ISO 3166-2 entries left out, together with their children:
# RS-KM (Kosovo) is the country XKX here; CN-HK, CN-MO and CN-TW are the countries HKG, MAC, TWN.
SUBDIVISION_EXCLUDE: frozenset[str] = frozenset({"RS-KM", "CN-HK", "CN-MO", "CN-TW"})

# --------------------------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------------------------

# UN (M49) / UNODC display names where they differ from the ISO 3166-1 short name.
COUNTRY_EN: dict[str, str] = {
    "BOL": "Bolivia (Plurinational State of)",
    "COD": "Democratic Republic of the Congo",
    "FSM": "Micronesia (Federated States of)",
    "GBR": "United Kingdom of Great Britain and Northern Ireland",
    "HKG": "China, Hong Kong SAR",
    "IRN": "Iran (Islamic Republic of)",
    "KOR": "Republic of Korea",
    "MAC": "China, Macao SAR",
    "MDA": "Republic of Moldova",
    "NLD": "Netherlands (Kingdom of the)",
    "PRK": "Democratic People's Republic of Korea",
    "PSE": "State of Palestine",
    "SHN": "Saint Helena",
    "TWN": "Taiwan Province of China",
    "TZA": "United Republic of Tanzania",
    "USA": "United States of America",
    "VAT": "Holy See",
    "VEN": "Venezuela (Bolivarian Republic of)",
    "VGB": "British Virgin Islands",
    "VIR": "United States Virgin Islands",
    "WLF": "Wallis and Futuna Islands",
}

# Russian names where the pycountry translation is missing, wrong or not the UN form.
COUNTRY_RU: dict[str, str] = {
    "ASM": "Американское Самоа",
    "BOL": "Боливия (Многонациональное Государство)",
    "BRN": "Бруней-Даруссалам",
    "CAF": "Центральноафриканская Республика",
    "DOM": "Доминиканская Республика",
    "FSM": "Микронезия (Федеративные Штаты)",
    "GBR": "Соединенное Королевство Великобритании и Северной Ирландии",
    "HKG": "Китай, САР Гонконг",
    "HMD": "Остров Херд и острова Макдональд",
    "IRN": "Иран (Исламская Республика)",
    "KGZ": "Кыргызстан",
    "MAC": "Китай, САР Макао",
    "MNP": "Северные Марианские острова",
    "NLD": "Нидерланды (Королевство)",
    "PSE": "Государство Палестина",
    "SHN": "Остров Святой Елены",
    "TLS": "Тимор-Лешти",
    "TWN": "Провинция Китая Тайвань",
    "TZA": "Объединенная Республика Танзания",
    "UMI": "Внешние малые острова США",
    "USA": "Соединенные Штаты Америки",
    "VAT": "Святой Престол",
    "VEN": "Венесуэла (Боливарианская Республика)",
    "VGB": "Британские Виргинские острова",
    "VIR": "Виргинские острова Соединенных Штатов",
    "WLF": "Острова Уоллис и Футуна",
}

# Entries that are not (or not yet) ISO 3166-1 countries: code -> (label_en, label_ru).
EXTRA_COUNTRIES: dict[str, tuple[str, str]] = {
    # User-assigned code (ISO reserves XA-XZ for user assignment); UN naming.
    "XKX": ("Kosovo under UNSCR 1244", "Косово согласно резолюции 1244 Совета Безопасности ООН"),
}

# UNODC sub-regions (World Drug Report grouping); codes are rows of region.csv.
REGION_MEMBERS: dict[str, tuple[str, ...]] = {
    "NORTH_AFRICA": ("DZA", "EGY", "ESH", "LBY", "MAR", "SDN", "TUN"),
    "EAST_AFRICA": (
        "ATF", "BDI", "COM", "DJI", "ERI", "ETH", "IOT", "KEN", "MDG", "MUS", "MYT", "REU",
        "RWA", "SOM", "SSD", "SYC", "TZA", "UGA",
    ),
    "SOUTHERN_AFRICA": ("AGO", "BWA", "LSO", "MOZ", "MWI", "NAM", "SWZ", "ZAF", "ZMB", "ZWE"),
    "WEST_CENTRAL_AFRICA": (
        "BEN", "BFA", "CAF", "CIV", "CMR", "COD", "COG", "CPV", "GAB", "GHA", "GIN", "GMB",
        "GNB", "GNQ", "LBR", "MLI", "MRT", "NER", "NGA", "SEN", "SHN", "SLE", "STP", "TCD",
        "TGO",
    ),
    "CARIBBEAN": (
        "ABW", "AIA", "ATG", "BES", "BHS", "BLM", "BRB", "CUB", "CUW", "CYM", "DMA", "DOM",
        "GLP", "GRD", "HTI", "JAM", "KNA", "LCA", "MAF", "MSR", "MTQ", "PRI", "SXM", "TCA",
        "TTO", "VCT", "VGB", "VIR",
    ),
    "CENTRAL_AMERICA": ("BLZ", "CRI", "GTM", "HND", "NIC", "PAN", "SLV"),
    "NORTH_AMERICA": ("BMU", "CAN", "GRL", "MEX", "SPM", "USA"),
    "SOUTH_AMERICA": (
        "ARG", "BOL", "BRA", "BVT", "CHL", "COL", "ECU", "FLK", "GUF", "GUY", "PER", "PRY",
        "SGS", "SUR", "URY", "VEN",
    ),
    "CENTRAL_ASIA": ("ARM", "AZE", "GEO", "KAZ", "KGZ", "TJK", "TKM", "UZB"),
    "EAST_ASIA": (
        "BRN", "CHN", "HKG", "IDN", "JPN", "KHM", "KOR", "LAO", "MAC", "MMR", "MNG", "MYS",
        "PHL", "PRK", "SGP", "THA", "TLS", "TWN", "VNM",
    ),
    "SW_ASIA": (
        "AFG", "ARE", "BHR", "IRN", "IRQ", "ISR", "JOR", "KWT", "LBN", "OMN", "PAK", "PSE",
        "QAT", "SAU", "SYR", "YEM",
    ),
    "SOUTH_ASIA": ("BGD", "BTN", "IND", "LKA", "MDV", "NPL"),
    "EASTERN_EUROPE": ("BLR", "MDA", "RUS", "UKR"),
    "SE_EUROPE": ("ALB", "BGR", "BIH", "HRV", "MKD", "MNE", "ROU", "SRB", "TUR", "XKX"),
    "WESTERN_EUROPE": (
        "ALA", "AND", "AUT", "BEL", "CHE", "CYP", "CZE", "DEU", "DNK", "ESP", "EST", "FIN",
        "FRA", "FRO", "GBR", "GGY", "GIB", "GRC", "HUN", "IMN", "IRL", "ISL", "ITA", "JEY",
        "LIE", "LTU", "LUX", "LVA", "MCO", "MLT", "NLD", "NOR", "POL", "PRT", "SJM", "SMR",
        "SVK", "SVN", "SWE", "VAT",
    ),
    "OCEANIA": (
        "ASM", "AUS", "CCK", "COK", "CXR", "FJI", "FSM", "GUM", "HMD", "KIR", "MHL", "MNP",
        "NCL", "NFK", "NIU", "NRU", "NZL", "PCN", "PLW", "PNG", "PYF", "SLB", "TKL", "TON",
        "TUV", "UMI", "VUT", "WLF", "WSM",
    ),
    "OTHER": ("ATA",),
}  # fmt: skip
FALLBACK_REGION = "OTHER"

# --------------------------------------------------------------------------------------------
# Provinces: code -> label.  English overrides replace the ISO 3166-2 name (a romanised local
# name) for the RLO countries; Russian entries replace or complete pycountry's translation.
# --------------------------------------------------------------------------------------------

SUBDIVISION_EN: dict[str, str] = {
    # Afghanistan: spellings of the UNODC Afghanistan Opium Survey.
    "AF-BAL": "Balkh", "AF-BAM": "Bamyan", "AF-BDG": "Badghis", "AF-BDS": "Badakhshan",
    "AF-BGL": "Baghlan", "AF-DAY": "Daykundi", "AF-FRA": "Farah", "AF-FYB": "Faryab",
    "AF-GHA": "Ghazni", "AF-GHO": "Ghor", "AF-HEL": "Hilmand", "AF-HER": "Herat",
    "AF-JOW": "Jawzjan", "AF-KAB": "Kabul", "AF-KAN": "Kandahar", "AF-KAP": "Kapisa",
    "AF-KDZ": "Kunduz", "AF-KHO": "Khost", "AF-KNR": "Kunar", "AF-LAG": "Laghman",
    "AF-LOG": "Logar", "AF-NAN": "Nangarhar", "AF-NIM": "Nimroz", "AF-NUR": "Nuristan",
    "AF-PAN": "Panjshir", "AF-PAR": "Parwan", "AF-PIA": "Paktya", "AF-PKA": "Paktika",
    "AF-SAM": "Samangan", "AF-SAR": "Sari Pul", "AF-TAK": "Takhar", "AF-URU": "Uruzgan",
    "AF-WAR": "Wardak", "AF-ZAB": "Zabul",
    # Iran
    "IR-00": "Markazi", "IR-01": "Gilan", "IR-02": "Mazandaran", "IR-03": "East Azerbaijan",
    "IR-04": "West Azerbaijan", "IR-05": "Kermanshah", "IR-06": "Khuzestan", "IR-07": "Fars",
    "IR-08": "Kerman", "IR-09": "Razavi Khorasan", "IR-10": "Isfahan",
    "IR-11": "Sistan and Baluchestan", "IR-12": "Kurdistan", "IR-13": "Hamadan",
    "IR-14": "Chaharmahal and Bakhtiari", "IR-15": "Lorestan", "IR-16": "Ilam",
    "IR-17": "Kohgiluyeh and Boyer-Ahmad", "IR-18": "Bushehr", "IR-19": "Zanjan",
    "IR-20": "Semnan", "IR-21": "Yazd", "IR-22": "Hormozgan", "IR-23": "Tehran",
    "IR-24": "Ardabil", "IR-25": "Qom", "IR-26": "Qazvin", "IR-27": "Golestan",
    "IR-28": "North Khorasan", "IR-29": "South Khorasan", "IR-30": "Alborz",
    # Pakistan
    "PK-IS": "Islamabad Capital Territory",
    # Kazakhstan
    "KZ-10": "Abai Region", "KZ-11": "Akmola Region", "KZ-15": "Aktobe Region",
    "KZ-19": "Almaty Region", "KZ-23": "Atyrau Region", "KZ-27": "West Kazakhstan Region",
    "KZ-31": "Jambyl Region", "KZ-33": "Jetisu Region", "KZ-35": "Karaganda Region",
    "KZ-39": "Kostanay Region", "KZ-43": "Kyzylorda Region", "KZ-47": "Mangystau Region",
    "KZ-55": "Pavlodar Region", "KZ-59": "North Kazakhstan Region", "KZ-61": "Turkistan Region",
    "KZ-62": "Ulytau Region", "KZ-63": "East Kazakhstan Region", "KZ-71": "Astana (city)",
    "KZ-75": "Almaty (city)", "KZ-79": "Shymkent (city)",
    # Kyrgyzstan
    "KG-B": "Batken Region", "KG-C": "Chuy Region", "KG-GB": "Bishkek (city)",
    "KG-GO": "Osh (city)", "KG-J": "Jalal-Abad Region", "KG-N": "Naryn Region",
    "KG-O": "Osh Region", "KG-T": "Talas Region", "KG-Y": "Issyk-Kul Region",
    # Tajikistan
    "TJ-DU": "Dushanbe (city)", "TJ-GB": "Gorno-Badakhshan Autonomous Region",
    "TJ-KT": "Khatlon Region", "TJ-RA": "Districts of Republican Subordination",
    "TJ-SU": "Sughd Region",
    # Turkmenistan
    "TM-A": "Ahal Region", "TM-B": "Balkan Region", "TM-D": "Dashoguz Region",
    "TM-L": "Lebap Region", "TM-M": "Mary Region", "TM-S": "Ashgabat (city)",
    # Uzbekistan
    "UZ-AN": "Andijan Region", "UZ-BU": "Bukhara Region", "UZ-FA": "Fergana Region",
    "UZ-JI": "Jizzakh Region", "UZ-NG": "Namangan Region", "UZ-NW": "Navoiy Region",
    "UZ-QA": "Kashkadarya Region", "UZ-QR": "Republic of Karakalpakstan",
    "UZ-SA": "Samarkand Region", "UZ-SI": "Syrdarya Region", "UZ-SU": "Surkhandarya Region",
    "UZ-TK": "Tashkent (city)", "UZ-TO": "Tashkent Region", "UZ-XO": "Khorezm Region",
    # Russian Federation
    "RU-AD": "Republic of Adygea", "RU-AL": "Altai Republic", "RU-ALT": "Altai Krai",
    "RU-AMU": "Amur Oblast", "RU-ARK": "Arkhangelsk Oblast", "RU-AST": "Astrakhan Oblast",
    "RU-BA": "Republic of Bashkortostan", "RU-BEL": "Belgorod Oblast",
    "RU-BRY": "Bryansk Oblast", "RU-BU": "Republic of Buryatia", "RU-CE": "Chechen Republic",
    "RU-CHE": "Chelyabinsk Oblast", "RU-CHU": "Chukotka Autonomous Okrug",
    "RU-CU": "Chuvash Republic", "RU-DA": "Republic of Dagestan",
    "RU-IN": "Republic of Ingushetia", "RU-IRK": "Irkutsk Oblast", "RU-IVA": "Ivanovo Oblast",
    "RU-KAM": "Kamchatka Krai", "RU-KB": "Kabardino-Balkarian Republic",
    "RU-KC": "Karachay-Cherkess Republic", "RU-KDA": "Krasnodar Krai",
    "RU-KEM": "Kemerovo Oblast", "RU-KGD": "Kaliningrad Oblast", "RU-KGN": "Kurgan Oblast",
    "RU-KHA": "Khabarovsk Krai", "RU-KHM": "Khanty-Mansi Autonomous Okrug",
    "RU-KIR": "Kirov Oblast", "RU-KK": "Republic of Khakassia", "RU-KL": "Republic of Kalmykia",
    "RU-KLU": "Kaluga Oblast", "RU-KO": "Komi Republic", "RU-KOS": "Kostroma Oblast",
    "RU-KR": "Republic of Karelia", "RU-KRS": "Kursk Oblast", "RU-KYA": "Krasnoyarsk Krai",
    "RU-LEN": "Leningrad Oblast", "RU-LIP": "Lipetsk Oblast", "RU-MAG": "Magadan Oblast",
    "RU-ME": "Mari El Republic", "RU-MO": "Republic of Mordovia", "RU-MOS": "Moscow Oblast",
    "RU-MOW": "Moscow (city)", "RU-MUR": "Murmansk Oblast",
    "RU-NEN": "Nenets Autonomous Okrug", "RU-NGR": "Novgorod Oblast",
    "RU-NIZ": "Nizhny Novgorod Oblast", "RU-NVS": "Novosibirsk Oblast", "RU-OMS": "Omsk Oblast",
    "RU-ORE": "Orenburg Oblast", "RU-ORL": "Oryol Oblast", "RU-PER": "Perm Krai",
    "RU-PNZ": "Penza Oblast", "RU-PRI": "Primorsky Krai", "RU-PSK": "Pskov Oblast",
    "RU-ROS": "Rostov Oblast", "RU-RYA": "Ryazan Oblast", "RU-SA": "Sakha (Yakutia) Republic",
    "RU-SAK": "Sakhalin Oblast", "RU-SAM": "Samara Oblast", "RU-SAR": "Saratov Oblast",
    "RU-SE": "Republic of North Ossetia-Alania", "RU-SMO": "Smolensk Oblast",
    "RU-SPE": "Saint Petersburg (city)", "RU-STA": "Stavropol Krai",
    "RU-SVE": "Sverdlovsk Oblast", "RU-TA": "Republic of Tatarstan", "RU-TAM": "Tambov Oblast",
    "RU-TOM": "Tomsk Oblast", "RU-TUL": "Tula Oblast", "RU-TVE": "Tver Oblast",
    "RU-TY": "Tuva Republic", "RU-TYU": "Tyumen Oblast", "RU-UD": "Udmurt Republic",
    "RU-ULY": "Ulyanovsk Oblast", "RU-VGG": "Volgograd Oblast", "RU-VLA": "Vladimir Oblast",
    "RU-VLG": "Vologda Oblast", "RU-VOR": "Voronezh Oblast",
    "RU-YAN": "Yamalo-Nenets Autonomous Okrug", "RU-YAR": "Yaroslavl Oblast",
    "RU-YEV": "Jewish Autonomous Oblast", "RU-ZAB": "Zabaykalsky Krai",
    # Serbia
    "RS-00": "Belgrade (city)", "RS-01": "North Bačka District",
    "RS-02": "Central Banat District", "RS-03": "North Banat District",
    "RS-04": "South Banat District", "RS-05": "West Bačka District",
    "RS-06": "South Bačka District", "RS-07": "Srem District", "RS-08": "Mačva District",
    "RS-09": "Kolubara District", "RS-10": "Podunavlje District", "RS-11": "Braničevo District",
    "RS-12": "Šumadija District", "RS-13": "Pomoravlje District", "RS-14": "Bor District",
    "RS-15": "Zaječar District", "RS-16": "Zlatibor District", "RS-17": "Moravica District",
    "RS-18": "Raška District", "RS-19": "Rasina District", "RS-20": "Nišava District",
    "RS-21": "Toplica District", "RS-22": "Pirot District", "RS-23": "Jablanica District",
    "RS-24": "Pčinja District",
    # Belarus (the ISO names are Belarusian romanisations)
    "BY-BR": "Brest Region", "BY-HM": "Minsk (city)", "BY-HO": "Gomel Region",
    "BY-HR": "Grodno Region", "BY-MA": "Mogilev Region", "BY-MI": "Minsk Region",
    "BY-VI": "Vitebsk Region",
}  # fmt: skip

SUBDIVISION_RU: dict[str, str] = {
    # Iran
    "IR-00": "Меркези", "IR-01": "Гилян", "IR-02": "Мазендеран", "IR-03": "Восточный Азербайджан",
    "IR-04": "Западный Азербайджан", "IR-05": "Керманшах", "IR-06": "Хузестан", "IR-07": "Фарс",
    "IR-08": "Керман", "IR-09": "Хорасан-Резави", "IR-10": "Исфахан",
    "IR-11": "Систан и Белуджистан", "IR-12": "Курдистан", "IR-13": "Хамадан",
    "IR-14": "Чехармехаль и Бахтиария", "IR-15": "Лурестан", "IR-16": "Илам",
    "IR-17": "Кохгилуйе и Бойерахмед", "IR-18": "Бушир", "IR-19": "Зенджан", "IR-20": "Семнан",
    "IR-21": "Йезд", "IR-22": "Хормозган", "IR-23": "Тегеран", "IR-24": "Ардебиль", "IR-25": "Кум",
    "IR-26": "Казвин", "IR-27": "Голестан", "IR-28": "Северный Хорасан",
    "IR-29": "Южный Хорасан", "IR-30": "Альборз",
    # Pakistan
    "PK-BA": "Белуджистан", "PK-GB": "Гилгит-Балтистан",
    "PK-IS": "Столичная территория Исламабад", "PK-JK": "Азад Джамму и Кашмир",
    "PK-KP": "Хайбер-Пахтунхва", "PK-SD": "Синд",
    # Kazakhstan
    "KZ-10": "область Абай", "KZ-11": "Акмолинская область", "KZ-15": "Актюбинская область",
    "KZ-19": "Алматинская область", "KZ-23": "Атырауская область",
    "KZ-33": "область Жетысу", "KZ-35": "Карагандинская область",
    "KZ-39": "Костанайская область", "KZ-43": "Кызылординская область",
    "KZ-59": "Северо-Казахстанская область", "KZ-61": "Туркестанская область",
    "KZ-62": "область Улытау", "KZ-71": "Астана (город)", "KZ-75": "Алматы (город)",
    "KZ-79": "Шымкент (город)",
    # Kyrgyzstan
    "KG-B": "Баткенская область", "KG-C": "Чуйская область", "KG-GB": "Бишкек (город)",
    "KG-GO": "Ош (город)", "KG-J": "Джалал-Абадская область", "KG-N": "Нарынская область",
    "KG-O": "Ошская область", "KG-T": "Таласская область", "KG-Y": "Иссык-Кульская область",
    # Tajikistan
    "TJ-DU": "Душанбе (город)", "TJ-GB": "Горно-Бадахшанская автономная область",
    "TJ-KT": "Хатлонская область", "TJ-RA": "Районы республиканского подчинения",
    "TJ-SU": "Согдийская область",
    # Turkmenistan
    "TM-A": "Ахалский велаят", "TM-B": "Балканский велаят", "TM-D": "Дашогузский велаят",
    "TM-L": "Лебапский велаят", "TM-M": "Марыйский велаят", "TM-S": "Ашхабад (город)",
    # Uzbekistan
    "UZ-AN": "Андижанская область", "UZ-BU": "Бухарская область", "UZ-FA": "Ферганская область",
    "UZ-JI": "Джизакская область", "UZ-NG": "Наманганская область",
    "UZ-NW": "Навоийская область", "UZ-QA": "Кашкадарьинская область",
    "UZ-QR": "Республика Каракалпакстан", "UZ-SA": "Самаркандская область",
    "UZ-SI": "Сырдарьинская область", "UZ-SU": "Сурхандарьинская область",
    "UZ-TK": "Ташкент (город)", "UZ-TO": "Ташкентская область", "UZ-XO": "Хорезмская область",
    # Russian Federation (official names of the federal subjects)
    "RU-AD": "Республика Адыгея", "RU-AL": "Республика Алтай", "RU-ALT": "Алтайский край",
    "RU-AMU": "Амурская область", "RU-ARK": "Архангельская область",
    "RU-AST": "Астраханская область", "RU-BA": "Республика Башкортостан",
    "RU-BEL": "Белгородская область", "RU-BRY": "Брянская область", "RU-BU": "Республика Бурятия",
    "RU-CE": "Чеченская Республика", "RU-CHE": "Челябинская область",
    "RU-CHU": "Чукотский автономный округ", "RU-CU": "Чувашская Республика",
    "RU-DA": "Республика Дагестан", "RU-IN": "Республика Ингушетия",
    "RU-IRK": "Иркутская область", "RU-IVA": "Ивановская область", "RU-KAM": "Камчатский край",
    "RU-KB": "Кабардино-Балкарская Республика", "RU-KC": "Карачаево-Черкесская Республика",
    "RU-KDA": "Краснодарский край", "RU-KEM": "Кемеровская область",
    "RU-KGD": "Калининградская область", "RU-KGN": "Курганская область",
    "RU-KHA": "Хабаровский край", "RU-KHM": "Ханты-Мансийский автономный округ — Югра",
    "RU-KIR": "Кировская область", "RU-KK": "Республика Хакасия",
    "RU-KL": "Республика Калмыкия", "RU-KLU": "Калужская область", "RU-KO": "Республика Коми",
    "RU-KOS": "Костромская область", "RU-KR": "Республика Карелия", "RU-KRS": "Курская область",
    "RU-KYA": "Красноярский край", "RU-LEN": "Ленинградская область",
    "RU-LIP": "Липецкая область", "RU-MAG": "Магаданская область",
    "RU-ME": "Республика Марий Эл", "RU-MO": "Республика Мордовия",
    "RU-MOS": "Московская область", "RU-MOW": "Москва (город)", "RU-MUR": "Мурманская область",
    "RU-NEN": "Ненецкий автономный округ", "RU-NGR": "Новгородская область",
    "RU-NIZ": "Нижегородская область", "RU-NVS": "Новосибирская область",
    "RU-OMS": "Омская область", "RU-ORE": "Оренбургская область", "RU-ORL": "Орловская область",
    "RU-PER": "Пермский край", "RU-PNZ": "Пензенская область", "RU-PRI": "Приморский край",
    "RU-PSK": "Псковская область", "RU-ROS": "Ростовская область", "RU-RYA": "Рязанская область",
    "RU-SA": "Республика Саха (Якутия)", "RU-SAK": "Сахалинская область",
    "RU-SAM": "Самарская область", "RU-SAR": "Саратовская область",
    "RU-SE": "Республика Северная Осетия — Алания", "RU-SMO": "Смоленская область",
    "RU-SPE": "Санкт-Петербург (город)", "RU-STA": "Ставропольский край",
    "RU-SVE": "Свердловская область", "RU-TA": "Республика Татарстан",
    "RU-TAM": "Тамбовская область", "RU-TOM": "Томская область", "RU-TUL": "Тульская область",
    "RU-TVE": "Тверская область", "RU-TY": "Республика Тыва", "RU-TYU": "Тюменская область",
    "RU-UD": "Удмуртская Республика", "RU-ULY": "Ульяновская область",
    "RU-VGG": "Волгоградская область", "RU-VLA": "Владимирская область",
    "RU-VLG": "Вологодская область", "RU-VOR": "Воронежская область",
    "RU-YAN": "Ямало-Ненецкий автономный округ", "RU-YAR": "Ярославская область",
    "RU-YEV": "Еврейская автономная область", "RU-ZAB": "Забайкальский край",
    # Serbia
    "RS-00": "Белград (город)",
    # North Macedonia (municipalities; Skopje city municipalities marked)
    "MK-101": "Велес", "MK-102": "Градско", "MK-103": "Демир-Капия", "MK-104": "Кавадарци",
    "MK-105": "Лозово", "MK-106": "Неготино", "MK-107": "Росоман", "MK-108": "Свети-Николе",
    "MK-109": "Чашка", "MK-201": "Берово", "MK-202": "Виница", "MK-203": "Делчево",
    "MK-204": "Зрновци", "MK-205": "Карбинци", "MK-206": "Кочани",
    "MK-207": "Македонска-Каменица", "MK-208": "Пехчево", "MK-209": "Пробиштип",
    "MK-210": "Чешиново-Облешево", "MK-211": "Штип", "MK-301": "Вевчани", "MK-303": "Дебар",
    "MK-304": "Дебрца", "MK-307": "Кичево", "MK-308": "Македонски-Брод", "MK-310": "Охрид",
    "MK-311": "Пласница", "MK-312": "Струга", "MK-313": "Центар-Жупа", "MK-401": "Богданци",
    "MK-402": "Босилово", "MK-403": "Валандово", "MK-404": "Василево", "MK-405": "Гевгелия",
    "MK-406": "Дойран", "MK-407": "Конче", "MK-408": "Ново-Село", "MK-409": "Радовиш",
    "MK-410": "Струмица", "MK-501": "Битола", "MK-502": "Демир-Хисар", "MK-503": "Долнени",
    "MK-504": "Кривогаштани", "MK-505": "Крушево", "MK-506": "Могила", "MK-507": "Новаци",
    "MK-508": "Прилеп", "MK-509": "Ресен", "MK-601": "Боговине", "MK-602": "Брвеница",
    "MK-603": "Врапчиште", "MK-604": "Гостивар", "MK-605": "Желино", "MK-606": "Егуновце",
    "MK-607": "Маврово и Ростуше", "MK-608": "Теарце", "MK-609": "Тетово", "MK-701": "Кратово",
    "MK-702": "Крива-Паланка", "MK-703": "Куманово", "MK-704": "Липково",
    "MK-705": "Ранковце", "MK-706": "Старо-Нагоричане", "MK-801": "Аэродром (город Скопье)",
    "MK-802": "Арачиново", "MK-803": "Бутел (город Скопье)",
    "MK-804": "Гази-Баба (город Скопье)", "MK-805": "Гьорче-Петров (город Скопье)",
    "MK-806": "Зелениково", "MK-807": "Илинден", "MK-808": "Карпош (город Скопье)",
    "MK-809": "Кисела-Вода (город Скопье)", "MK-810": "Петровец",
    "MK-811": "Сарай (город Скопье)", "MK-812": "Сопиште", "MK-813": "Студеничани",
    "MK-814": "Центар (город Скопье)", "MK-815": "Чаир (город Скопье)",
    "MK-816": "Чучер-Сандево", "MK-817": "Шуто-Оризари (город Скопье)",
    # China (pycountry's "Гирин" for Jilin is the pre-1958 form)
    "CN-AH": "Аньхой", "CN-FJ": "Фуцзянь", "CN-GS": "Ганьсу",
    "CN-GX": "Гуанси-Чжуанский автономный район", "CN-GZ": "Гуйчжоу", "CN-HA": "Хэнань",
    "CN-HB": "Хубэй", "CN-HE": "Хэбэй", "CN-HL": "Хэйлунцзян", "CN-JL": "Цзилинь",
    "CN-JS": "Цзянсу", "CN-JX": "Цзянси", "CN-LN": "Ляонин",
    "CN-NX": "Нинся-Хуэйский автономный район", "CN-SD": "Шаньдун", "CN-SN": "Шэньси",
    "CN-SX": "Шаньси", "CN-TJ": "Тяньцзинь", "CN-XJ": "Синьцзян-Уйгурский автономный район",
    "CN-XZ": "Тибетский автономный район",
    # India (pycountry has wrong names for IN-CH and IN-TS)
    "IN-CH": "Чандигарх", "IN-DH": "Дадра и Нагар-Хавели и Даман и Диу", "IN-JH": "Джаркханд",
    "IN-LA": "Ладакх", "IN-PY": "Пудучерри", "IN-TS": "Телангана", "IN-UK": "Уттаракханд",
    # Azerbaijan (pycountry duplicates rayon names for the cities)
    "AZ-AGS": "Агдашский район", "AZ-LA": "Ленкорань (город)", "AZ-LAN": "Ленкоранский район",
    "AZ-SA": "Шеки (город)", "AZ-YE": "Евлах (город)",
    # Armenia
    "AM-LO": "Лорийская область",
    # Türkiye
    "TR-01": "Адана", "TR-02": "Адыяман", "TR-03": "Афьонкарахисар", "TR-04": "Агры",
    "TR-05": "Амасья", "TR-06": "Анкара", "TR-07": "Анталья", "TR-08": "Артвин",
    "TR-09": "Айдын", "TR-10": "Балыкесир", "TR-11": "Биледжик", "TR-12": "Бингёль",
    "TR-13": "Битлис", "TR-14": "Болу", "TR-15": "Бурдур", "TR-16": "Бурса",
    "TR-17": "Чанаккале", "TR-18": "Чанкыры", "TR-19": "Чорум", "TR-20": "Денизли",
    "TR-21": "Диярбакыр", "TR-22": "Эдирне", "TR-23": "Элязыг", "TR-24": "Эрзинджан",
    "TR-25": "Эрзурум", "TR-26": "Эскишехир", "TR-27": "Газиантеп", "TR-28": "Гиресун",
    "TR-29": "Гюмюшхане", "TR-30": "Хаккяри", "TR-31": "Хатай", "TR-32": "Ыспарта",
    "TR-33": "Мерсин", "TR-34": "Стамбул", "TR-35": "Измир", "TR-36": "Карс",
    "TR-37": "Кастамону", "TR-38": "Кайсери", "TR-39": "Кыркларели", "TR-40": "Кыршехир",
    "TR-41": "Коджаэли", "TR-42": "Конья", "TR-43": "Кютахья", "TR-44": "Малатья",
    "TR-45": "Маниса", "TR-46": "Кахраманмараш", "TR-47": "Мардин", "TR-48": "Мугла",
    "TR-49": "Муш", "TR-50": "Невшехир", "TR-51": "Нигде", "TR-52": "Орду", "TR-53": "Ризе",
    "TR-54": "Сакарья", "TR-55": "Самсун", "TR-56": "Сиирт", "TR-57": "Синоп",
    "TR-58": "Сивас", "TR-59": "Текирдаг", "TR-60": "Токат", "TR-61": "Трабзон",
    "TR-62": "Тунджели", "TR-63": "Шанлыурфа", "TR-64": "Ушак", "TR-65": "Ван",
    "TR-66": "Йозгат", "TR-67": "Зонгулдак", "TR-68": "Аксарай", "TR-69": "Байбурт",
    "TR-70": "Караман", "TR-71": "Кырыккале", "TR-72": "Батман", "TR-73": "Шырнак",
    "TR-74": "Бартын", "TR-75": "Ардахан", "TR-76": "Ыгдыр", "TR-77": "Ялова",
    "TR-78": "Карабюк", "TR-79": "Килис", "TR-80": "Османие", "TR-81": "Дюздже",
    # Iraq
    "IQ-AN": "Анбар", "IQ-AR": "Эрбиль", "IQ-BA": "Басра", "IQ-BB": "Бабиль",
    "IQ-BG": "Багдад", "IQ-DA": "Дахук", "IQ-DI": "Дияла", "IQ-DQ": "Ди-Кар",
    "IQ-KA": "Кербела", "IQ-KI": "Киркук", "IQ-MA": "Майсан", "IQ-MU": "Мутанна",
    "IQ-NA": "Наджаф", "IQ-NI": "Найнава", "IQ-QA": "Кадисия", "IQ-SD": "Салах-эд-Дин",
    "IQ-SU": "Сулеймания", "IQ-WA": "Васит",
    # Georgia
    "GE-KA": "Кахетия", "GE-RL": "Рача-Лечхуми и Квемо-Сванети",
    # Mongolia
    "MN-035": "Орхон", "MN-037": "Дархан-Уул", "MN-039": "Хэнтий", "MN-041": "Хувсгел",
    "MN-043": "Ховд", "MN-046": "Увс", "MN-047": "Туве", "MN-049": "Сэлэнгэ",
    "MN-051": "Сухэ-Батор", "MN-053": "Умнеговь", "MN-055": "Уверхангай", "MN-057": "Завхан",
    "MN-059": "Дундговь", "MN-061": "Дорнод", "MN-063": "Дорноговь", "MN-064": "Говьсумбэр",
    "MN-065": "Говь-Алтай", "MN-067": "Булган", "MN-069": "Баянхонгор", "MN-071": "Баян-Улгий",
    "MN-073": "Архангай", "MN-1": "Улан-Батор",
    # Ukraine
    "UA-48": "Николаевская область",
    # Belarus
    "BY-BR": "Брестская область", "BY-HM": "Минск (город)", "BY-HO": "Гомельская область",
    "BY-HR": "Гродненская область", "BY-MA": "Могилёвская область", "BY-MI": "Минская область",
    "BY-VI": "Витебская область",
    # Finland (pycountry has wrong names for FI-11 and an old form for FI-18)
    "FI-06": "Канта-Хяме", "FI-07": "Центральная Остроботния", "FI-08": "Центральная Финляндия",
    "FI-11": "Пирканмаа", "FI-12": "Остроботния", "FI-13": "Северная Карелия",
    "FI-14": "Северная Остроботния", "FI-15": "Северное Саво", "FI-16": "Пяйят-Хяме",
    "FI-18": "Уусимаа", "FI-19": "Исконная Финляндия",
    # Latvia
    "LV-111": "Аугшдаугавский край", "LV-112": "Южнокурземский край",
    "LV-113": "Валмиерский край",
    # Lithuania (counties)
    "LT-AL": "Алитусский уезд", "LT-KL": "Клайпедский уезд", "LT-KU": "Каунасский уезд",
    "LT-MR": "Мариямпольский уезд", "LT-PN": "Паневежский уезд", "LT-SA": "Шяуляйский уезд",
    "LT-TA": "Таурагский уезд", "LT-TE": "Тельшяйский уезд", "LT-UT": "Утенский уезд",
    "LT-VL": "Вильнюсский уезд",
    # Poland
    "PL-04": "Куявско-Поморское воеводство", "PL-28": "Варминьско-Мазурское воеводство",
    # Norway
    "NO-03": "Осло", "NO-11": "Ругаланн", "NO-15": "Мёре-ог-Ромсдал", "NO-18": "Нурланн",
    "NO-21": "Шпицберген", "NO-22": "Ян-Майен", "NO-30": "Викен", "NO-34": "Иннландет",
    "NO-38": "Вестфолл-ог-Телемарк", "NO-42": "Агдер", "NO-46": "Вестланн",
    "NO-50": "Трёнделаг", "NO-54": "Тромс-ог-Финнмарк",
    # Democratic People's Republic of Korea
    "KP-01": "Пхеньян", "KP-02": "Пхёнан-Намдо", "KP-03": "Пхёнан-Пукто", "KP-04": "Чагандо",
    "KP-05": "Хванхэ-Намдо", "KP-06": "Хванхэ-Пукто", "KP-07": "Канвондо",
    "KP-08": "Хамгён-Намдо", "KP-09": "Хамгён-Пукто", "KP-10": "Рянгандо", "KP-15": "Кэсон",
    # Bulgaria
    "BG-18": "Русе", "BG-22": "София (столица)", "BG-23": "Софийская область",
    # Romania
    "RO-AB": "Алба", "RO-AG": "Арджеш", "RO-AR": "Арад", "RO-B": "Бухарест",
    "RO-BC": "Бакэу", "RO-BH": "Бихор", "RO-BN": "Бистрица-Нэсэуд", "RO-BR": "Брэила",
    "RO-BT": "Ботошани", "RO-BV": "Брашов", "RO-BZ": "Бузэу", "RO-CJ": "Клуж",
    "RO-CL": "Кэлэраши", "RO-CS": "Караш-Северин", "RO-CT": "Констанца", "RO-CV": "Ковасна",
    "RO-DB": "Дымбовица", "RO-DJ": "Долж", "RO-GJ": "Горж", "RO-GL": "Галац",
    "RO-GR": "Джурджу", "RO-HD": "Хунедоара", "RO-HR": "Харгита", "RO-IF": "Илфов",
    "RO-IL": "Яломица", "RO-IS": "Яссы", "RO-MH": "Мехединци", "RO-MM": "Марамуреш",
    "RO-MS": "Муреш", "RO-NT": "Нямц", "RO-OT": "Олт", "RO-PH": "Прахова", "RO-SB": "Сибиу",
    "RO-SJ": "Сэлаж", "RO-SM": "Сату-Маре", "RO-SV": "Сучава", "RO-TL": "Тулча",
    "RO-TM": "Тимиш", "RO-TR": "Телеорман", "RO-VL": "Вылча", "RO-VN": "Вранча",
    "RO-VS": "Васлуй",
    # Hungary (counties = медье; cities with county rights = город)
    "HU-BA": "медье Баранья", "HU-BE": "медье Бекеш", "HU-CS": "медье Чонград-Чанад",
    "HU-FE": "медье Фейер", "HU-GY": "Дьёр (город)", "HU-HE": "медье Хевеш",
    "HU-JN": "медье Яс-Надькун-Сольнок", "HU-KM": "Кечкемет (город)",
    "HU-KV": "Капошвар (город)", "HU-MI": "Мишкольц (город)", "HU-NK": "Надьканижа (город)",
    "HU-NO": "медье Ноград", "HU-NY": "Ньиредьхаза (город)", "HU-PE": "медье Пешт",
    "HU-PS": "Печ (город)", "HU-SD": "Сегед (город)", "HU-SF": "Секешфехервар (город)",
    "HU-SH": "Сомбатхей (город)", "HU-SK": "Сольнок (город)", "HU-TO": "медье Толна",
    "HU-VA": "медье Ваш", "HU-VE": "медье Веспрем", "HU-VM": "Веспрем (город)",
    "HU-ZA": "медье Зала",
    # Croatia (pycountry gives the bare Croatian adjective)
    "HR-01": "Загребская жупания", "HR-02": "Крапинско-Загорская жупания",
    "HR-03": "Сисачко-Мославинская жупания", "HR-04": "Карловацкая жупания",
    "HR-05": "Вараждинская жупания", "HR-06": "Копривничко-Крижевацкая жупания",
    "HR-07": "Бьеловарско-Билогорская жупания", "HR-08": "Приморско-Горанская жупания",
    "HR-09": "Лика-Сень жупания", "HR-10": "Вировитицко-Подравская жупания",
    "HR-11": "Пожешско-Славонская жупания", "HR-12": "Бродско-Посавская жупания",
    "HR-13": "Задарская жупания", "HR-14": "Осиецко-Бараньская жупания",
    "HR-15": "Шибенско-Книнская жупания", "HR-16": "Вуковарско-Сремская жупания",
    "HR-17": "Сплитско-Далматинская жупания", "HR-18": "Истрийская жупания",
    "HR-19": "Дубровницко-Неретванская жупания", "HR-20": "Меджимурская жупания",
    "HR-21": "Загреб (город)",
    # Montenegro (municipalities)
    "ME-01": "Андриевица", "ME-02": "Бар", "ME-03": "Беране", "ME-04": "Биело-Поле",
    "ME-05": "Будва", "ME-06": "Цетине", "ME-07": "Даниловград", "ME-08": "Херцег-Нови",
    "ME-09": "Колашин", "ME-10": "Котор", "ME-11": "Мойковац", "ME-12": "Никшич",
    "ME-13": "Плав", "ME-14": "Плевля", "ME-15": "Плужине", "ME-16": "Подгорица",
    "ME-17": "Рожае", "ME-18": "Шавник", "ME-19": "Тиват", "ME-20": "Улцинь",
    "ME-21": "Жабляк", "ME-22": "Гусинье", "ME-23": "Петнице", "ME-24": "Тузи", "ME-25": "Зета",
    # Greece
    "GR-69": "Святая гора Афон", "GR-A": "Восточная Македония и Фракия",
    "GR-B": "Центральная Македония", "GR-C": "Западная Македония", "GR-D": "Эпир",
    "GR-E": "Фессалия", "GR-F": "Ионические острова", "GR-G": "Западная Греция",
    "GR-H": "Центральная Греция", "GR-K": "Северные Эгейские острова",
    "GR-L": "Южные Эгейские острова",
}  # fmt: skip

# --------------------------------------------------------------------------------------------
# Currencies
# --------------------------------------------------------------------------------------------

# Shown first in pick lists: reporting currencies, then the RLO countries' currencies.
CURRENCY_FIRST: tuple[str, ...] = (
    "USD", "EUR", "AFN", "IRR", "PKR", "KZT", "KGS", "TJS", "TMT", "UZS", "RUB", "RSD", "MKD",
)  # fmt: skip

# English names where ISO gives two codes the same name.
CURRENCY_EN: dict[str, str] = {
    "VED": "Bolívar Digital (2021)",
    "VES": "Bolívar Soberano (2018)",
}

CURRENCY_RU: dict[str, str] = {
    "CHE": "Евро WIR",
    "CHW": "Франк WIR",
    "COU": "Единица реальной стоимости (Колумбия)",
    "GEL": "Лари",
    "KGS": "Кыргызский сом",
    "MXV": "Мексиканская инвестиционная единица (UDI)",
    "USN": "Доллар США (следующего дня)",
    "UYI": "Уругвайское песо в индексированных единицах (UI)",
    "UYW": "Единица номинальной заработной платы (Уругвай)",
    "VED": "Цифровой боливар (2021)",
    "VES": "Суверенный боливар (2018)",
    "XAD": "Арабский расчётный динар",
    "XCG": "Карибский гульден",
    "ZWG": "Зимбабвийское золото (ZiG)",
}

# ISO 4217 codes that are not money anyone reports a price in.
CURRENCY_EXCLUDE: frozenset[str] = frozenset({"XTS"})  # reserved for testing

# Withdrawn ISO 4217 codes kept for historical prices: code -> (label_en, label_ru).
EXTRA_CURRENCIES: dict[str, tuple[str, str]] = {
    "HRK": ("Kuna (withdrawn 2023)", "Хорватская куна (выведена в 2023 г.)"),
}

# --------------------------------------------------------------------------------------------
# Machinery
# --------------------------------------------------------------------------------------------

CODE_RE = re.compile(r"^[A-Z0-9_-]+$")
CYRILLIC_RE = re.compile(r"[\u0400-\u04FF]")
UNIT_KINDS: frozenset[str] = frozenset({"MASS", "VOLUME", "COUNT"})

# list kind -> list kind its `parent` column refers to (None: parent must be empty).
PARENT_OF: dict[str, str | None] = {
    "region": None,
    "country": "region",
    "province": "country",
    "currency": None,
    "drug_group": None,
    "drug_subgroup": "drug_group",
    "drug": "drug_subgroup",
    "unit": None,  # special: MASS / VOLUME / COUNT
    "transport_mode": None,
    "site_type": None,
    "concealment": None,
    "agency": "country",
    "pillar": None,
    "working_group": "pillar",
    "activity_status": None,
    "dac_sector": None,
    "org_kind": None,
    "org_role": None,
    "confidentiality": None,
    "sale_level": None,
    "recommendation_status": None,
    "priority": None,
}
MUST_HAVE_NOT_KNOWN: frozenset[str] = frozenset(
    {"transport_mode", "site_type", "concealment", "sale_level"}
)


@dataclass(frozen=True)
class Row:
    """One line of a reference CSV."""

    code: str
    label_en: str
    label_ru: str
    parent: str = ""
    factor_kg: str = ""
    sort: int = 0

    def as_list(self) -> list[str]:
        return [
            self.code,
            self.label_en,
            self.label_ru,
            self.parent,
            self.factor_kg,
            str(self.sort),
        ]


def fold(text: str) -> str:
    """Sort key: accents removed, case folded."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def read_rows(path: Path) -> list[Row]:
    """Read a reference CSV (empty list if the file does not exist)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            return []
        if tuple(header) != HEADER:
            raise SystemExit(f"{path}: unexpected header {header!r}")
        return [
            Row(r[0], r[1], r[2], r[3], r[4], int(r[5]) if r[5].strip() else 0) for r in reader if r
        ]


def write_rows(path: Path, rows: Sequence[Row]) -> None:
    """Write rows as UTF-8 CSV (no BOM, LF line ends, minimal quoting)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        for row in rows:
            writer.writerow(row.as_list())


def finalise(
    kind: str, generated: Iterable[Row], key: Callable[[Row], tuple[object, ...]]
) -> list[Row]:
    """Keep rows of the existing file that are no longer generated, order, number ``sort``."""
    new = {row.code: row for row in generated}
    for old in read_rows(REF_DIR / f"{kind}.csv"):
        if old.code not in new:
            print(
                f"{kind}: keeping {old.code} (no longer produced, never dropped)", file=sys.stderr
            )
            new[old.code] = old
    ordered = sorted(new.values(), key=lambda r: (*key(r), r.code))
    return [replace(row, sort=SORT_STEP * (i + 1)) for i, row in enumerate(ordered)]


def translator(domain: str) -> Callable[[str], str | None]:
    """Russian gettext lookup in pycountry's locales; None when untranslated."""
    tr = gettext.translation(domain, pycountry.LOCALES_DIR, languages=["ru"])

    def lookup(text: str) -> str | None:
        out = tr.gettext(text)
        return out if out != text else None

    return lookup


def region_of() -> dict[str, str]:
    mapping: dict[str, str] = {}
    for region, members in REGION_MEMBERS.items():
        for code in members:
            if code in mapping:
                raise SystemExit(f"{code} is in two regions: {mapping[code]} and {region}")
            mapping[code] = region
    return mapping


def build_countries() -> list[Row]:
    ru = translator("iso3166-1")
    regions = region_of()
    known_regions = {row.code for row in read_rows(REF_DIR / "region.csv")}
    rows: list[Row] = []
    for country in pycountry.countries:
        code = country.alpha_3
        label_en = COUNTRY_EN.get(code, country.name)
        label_ru = COUNTRY_RU.get(code) or ru(country.name)
        if not label_ru:
            print(f"country: no Russian name for {code}, using English", file=sys.stderr)
            label_ru = label_en
        region = regions.get(code)
        if region is None:
            print(f"country: {code} has no region, using {FALLBACK_REGION}", file=sys.stderr)
            region = FALLBACK_REGION
        rows.append(Row(code, label_en, label_ru, region))
    for code, (label_en, label_ru) in EXTRA_COUNTRIES.items():
        rows.append(Row(code, label_en, label_ru, regions.get(code, FALLBACK_REGION)))
    if known_regions:
        for row in rows:
            if row.parent not in known_regions:
                raise SystemExit(f"country {row.code}: region {row.parent} not in region.csv")
    return finalise("country", rows, key=lambda r: (fold(r.label_en),))


class SubdivisionLike(Protocol):
    """The fields of a pycountry ISO 3166-2 record used here."""

    code: str
    name: str
    type: str
    parent_code: str | None


def first_level_subdivisions(alpha_2: str) -> list[SubdivisionLike]:
    """The subdivisions an officer means by province: ISO first level, flattened/excluded."""
    subs: list[SubdivisionLike] = [s for s in pycountry.subdivisions if s.country_code == alpha_2]
    by_parent: dict[str | None, list[SubdivisionLike]] = {}
    for sub in sorted(subs, key=lambda s: s.code):
        by_parent.setdefault(sub.parent_code, []).append(sub)

    out: list[SubdivisionLike] = []

    def visit(sub: SubdivisionLike) -> None:
        if sub.code in SUBDIVISION_EXCLUDE:
            return
        if sub.code in SUBDIVISION_FLATTEN:
            for child in by_parent.get(sub.code, []):
                visit(child)
            return
        out.append(sub)

    for top in by_parent.get(None, []):
        visit(top)
    return out


def clean_iso_name(name: str) -> str:
    """ISO 3166-2 names carry footnote marks: '†' marks the City of Skopje municipalities."""
    if name.endswith("†"):
        return f"{name.rstrip('† ').strip()} (City of Skopje)"
    return name.strip()


def build_provinces() -> list[Row]:
    ru = translator("iso3166-2")
    rows: list[Row] = []
    for alpha_3 in PROVINCE_COUNTRIES:
        country = pycountry.countries.get(alpha_3=alpha_3)
        if country is None:
            raise SystemExit(f"province: unknown country {alpha_3}")
        subs = first_level_subdivisions(country.alpha_2)
        labels_en = {s.code: SUBDIVISION_EN.get(s.code, clean_iso_name(s.name)) for s in subs}
        # Same name twice in one country (a city and its district): add the ISO type.
        seen: dict[str, int] = {}
        for label in labels_en.values():
            seen[fold(label)] = seen.get(fold(label), 0) + 1
        for sub in subs:
            label_en = labels_en[sub.code]
            if seen[fold(label_en)] > 1:
                label_en = f"{label_en} ({sub.type.lower()})"
            label_ru = SUBDIVISION_RU.get(sub.code) or ru(sub.name)
            if not label_ru:
                print(f"province: no Russian name for {sub.code}, using English", file=sys.stderr)
                label_ru = label_en
            rows.append(Row(sub.code, label_en, label_ru, alpha_3))
        ru_seen: dict[str, str] = {}
        for row in rows:
            if row.parent == alpha_3:
                if fold(row.label_ru) in ru_seen:
                    print(
                        f"province: {row.code} and {ru_seen[fold(row.label_ru)]} share the "
                        f"Russian label {row.label_ru!r}",
                        file=sys.stderr,
                    )
                ru_seen[fold(row.label_ru)] = row.code
    return finalise("province", rows, key=lambda r: (r.parent, fold(r.label_en)))


def build_currencies() -> list[Row]:
    ru = translator("iso4217")
    rows: list[Row] = []
    for currency in pycountry.currencies:
        code = currency.alpha_3
        if code in CURRENCY_EXCLUDE:
            continue
        label_en = CURRENCY_EN.get(code, currency.name)
        label_ru = CURRENCY_RU.get(code) or ru(currency.name)
        if not label_ru:
            print(f"currency: no Russian name for {code}, using English", file=sys.stderr)
            label_ru = label_en
        rows.append(Row(code, label_en, label_ru))
    produced = {row.code for row in rows}
    for code, (label_en, label_ru) in EXTRA_CURRENCIES.items():
        if code not in produced:
            rows.append(Row(code, label_en, label_ru))
    first = {code: i for i, code in enumerate(CURRENCY_FIRST)}
    return finalise("currency", rows, key=lambda r: (first.get(r.code, len(first)),))


# --------------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------------


def check(ref_dir: Path = REF_DIR) -> list[str]:
    """Validate every list in ``ref_dir``; returns the problems found (empty: all good)."""
    problems: list[str] = []
    tables: dict[str, list[list[str]]] = {}
    for kind in PARENT_OF:
        path = ref_dir / f"{kind}.csv"
        if not path.exists():
            problems.append(f"{kind}.csv: missing")
            continue
        raw = path.read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            problems.append(f"{kind}.csv: starts with a BOM")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(f"{kind}.csv: not UTF-8 ({exc})")
            continue
        lines = list(csv.reader(text.splitlines()))
        if not lines or tuple(lines[0]) != HEADER:
            problems.append(f"{kind}.csv: header is {lines[0] if lines else None!r}")
            continue
        tables[kind] = lines[1:]
    for extra in sorted(p.stem for p in ref_dir.glob("*.csv")):
        if extra not in PARENT_OF:
            problems.append(f"{extra}.csv: not a known list kind (add it to PARENT_OF)")

    codes = {kind: {r[0] for r in rows if r} for kind, rows in tables.items()}
    for kind, rows in tables.items():
        seen: set[str] = set()
        sorts: set[int] = set()
        for n, r in enumerate(rows, start=2):
            where = f"{kind}.csv:{n}"
            if len(r) != len(HEADER):
                problems.append(f"{where}: {len(r)} fields")
                continue
            code, label_en, label_ru, parent, factor, sort = r
            if not CODE_RE.match(code):
                problems.append(f"{where}: bad code {code!r}")
            if code in seen:
                problems.append(f"{where}: duplicate code {code}")
            seen.add(code)
            if not label_en.strip() or not label_ru.strip():
                problems.append(f"{where}: empty label")
            if label_en != label_en.strip() or label_ru != label_ru.strip():
                problems.append(f"{where}: label with leading/trailing blanks")
            if label_ru.strip() and not CYRILLIC_RE.search(label_ru):
                problems.append(f"{where}: Russian label without Cyrillic: {label_ru!r}")
            target = PARENT_OF[kind]
            if kind == "unit":
                if parent not in UNIT_KINDS:
                    problems.append(f"{where}: unit kind {parent!r} not in {sorted(UNIT_KINDS)}")
                try:
                    value = float(factor)
                    if not math.isfinite(value) or value <= 0:
                        problems.append(f"{where}: factor_kg {factor!r} must be > 0")
                except ValueError:
                    problems.append(f"{where}: factor_kg {factor!r} does not parse")
            else:
                if factor:
                    problems.append(f"{where}: factor_kg only belongs to units")
                if target is None and parent:
                    problems.append(f"{where}: unexpected parent {parent!r}")
                if target is not None:
                    if not parent:
                        problems.append(f"{where}: missing parent ({target})")
                    elif parent not in codes.get(target, set()):
                        problems.append(f"{where}: parent {parent!r} not in {target}.csv")
            try:
                sort_value = int(sort)
                if sort_value in sorts:
                    problems.append(f"{where}: duplicate sort {sort_value}")
                sorts.add(sort_value)
            except ValueError:
                problems.append(f"{where}: sort {sort!r} is not an integer")
            if kind == "agency" and not code.startswith(f"{parent}-"):
                problems.append(f"{where}: agency code should start with '{parent}-'")
        if kind in MUST_HAVE_NOT_KNOWN and "NOT_KNOWN" not in seen:
            problems.append(f"{kind}.csv: no NOT_KNOWN row")

    # Province codes must belong to their country (ISO 3166-2 prefix = alpha-2).
    for r in tables.get("province", []):
        if len(r) == len(HEADER):
            country = pycountry.countries.get(alpha_3=r[3])
            if country is not None and not r[0].startswith(f"{country.alpha_2}-"):
                problems.append(f"province {r[0]}: code does not match country {r[3]}")
    return problems


def summary(ref_dir: Path = REF_DIR) -> Mapping[str, int]:
    return {p.stem: len(read_rows(p)) for p in sorted(ref_dir.glob("*.csv"))}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="only validate, write nothing")
    args = parser.parse_args(argv)
    if not args.check:
        countries = build_countries()
        write_rows(REF_DIR / "country.csv", countries)
        provinces = build_provinces()
        write_rows(REF_DIR / "province.csv", provinces)
        currencies = build_currencies()
        write_rows(REF_DIR / "currency.csv", currencies)
        print(
            f"pycountry {version('pycountry')}: {len(countries)} countries, "
            f"{len(provinces)} provinces, {len(currencies)} currencies"
        )
    problems = check()
    for problem in problems:
        print(problem, file=sys.stderr)
    for kind, count in summary().items():
        print(f"{kind}.csv: {count} rows")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
