"""What each exported sheet holds: its columns, headers in English and Russian, formats.

A header reads "Label (code)": the code in brackets is what import matches, whatever the header
language, so a counterpart may translate or re-order columns freely.
"""

from __future__ import annotations

from dataclasses import dataclass

from pp_desktop.services.fields import FIELDS, Field

# entity -> (sheet name en, sheet name ru); at most 31 characters with a " (99)" split suffix.
SHEETS: dict[str, tuple[str, str]] = {
    "seizure": ("Seizures", "Изъятия"),
    "price": ("Prices", "Цены"),
    "organisation": ("Organisations", "Организации"),
    "project": ("Projects", "Проекты"),
    "project_donor": ("Project donors", "Доноры проектов"),
    "recommendation": ("Recommendations", "Рекомендации"),
    "progress_note": ("Progress notes", "Ход выполнения"),
    "contact": ("Contacts", "Контакты"),
}
# The order sheets are written and imported in (records before those that refer to them).
ENTITY_ORDER = tuple(SHEETS)
# What the command line's --entity names select (a project comes with its donors...).
GROUPS: dict[str, tuple[str, ...]] = {
    "seizure": ("seizure",),
    "price": ("price",),
    "organisation": ("organisation",),
    "project": ("project", "project_donor"),
    "recommendation": ("recommendation", "progress_note"),
    "contact": ("contact",),
}
DEFAULT_GROUPS = ("seizure", "price", "organisation", "project", "recommendation")

# Fields computed by the app: exported for reading, ignored on import.
DERIVED = {("seizure", "kg_equivalent")}

RU: dict[str, str] = {
    "id": "Идентификатор",
    "version": "Версия",
    "seized_on": "Дата изъятия",
    "country": "Страна",
    "province": "Провинция / область",
    "place": "Место",
    "latitude": "Широта",
    "longitude": "Долгота",
    "site_type": "Тип места",
    "agency": "Ведомство",
    "drug": "Наркотик",
    "quantity_known": "Количество известно",
    "quantity": "Количество",
    "unit": "Единица",
    "kg_equivalent": "Эквивалент, кг",
    "purity_pct": "Чистота, %",
    "transport_mode": "Вид транспорта",
    "concealment": "Способ сокрытия",
    "origin_country": "Страна происхождения",
    "departure_country": "Страна отправления",
    "transit_countries": "Страны транзита",
    "destination_country": "Страна назначения",
    "persons_arrested": "Задержано лиц",
    "nationalities": "Гражданство задержанных",
    "source_ref": "Источник / ссылка",
    "confidentiality": "Конфиденциальность",
    "notes": "Примечания",
    "observed_on": "Дата наблюдения",
    "period_end": "Конец периода",
    "sale_level": "Уровень продажи",
    "price_typical": "Типичная цена",
    "price_min": "Минимальная цена",
    "price_max": "Максимальная цена",
    "currency": "Валюта",
    "per_quantity": "За количество",
    "per_unit": "За единицу",
    "purity_typical": "Типичная чистота",
    "purity_min": "Минимальная чистота",
    "purity_max": "Максимальная чистота",
    "source": "Источник",
    "name": "Наименование",
    "acronym": "Аббревиатура",
    "kind": "Тип",
    "iati_ref": "Идентификатор IATI организации",
    "organisation_id": "Организация",
    "role": "Должность",
    "phone": "Телефон",
    "email": "Эл. почта",
    "identifier": "Идентификатор IATI",
    "title": "Название",
    "description": "Описание",
    "implementing_org_id": "Исполнитель",
    "beneficiary_country": "Страна-получатель",
    "beneficiary_agencies": "Ведомства-получатели",
    "pillar": "Направление",
    "dac_sector": "Сектор DAC",
    "status": "Статус",
    "planned_start": "Плановое начало",
    "actual_start": "Фактическое начало",
    "planned_end": "Плановое окончание",
    "actual_end": "Фактическое окончание",
    "budget": "Бюджет",
    "contact_id": "Контактное лицо",
    "project_id": "Проект",
    "amount": "Сумма",
    "code": "Код",
    "text": "Текст",
    "working_group": "Рабочая группа",
    "meeting_date": "Дата заседания",
    "priority": "Приоритет",
    "addressed_to": "Адресаты",
    "follow_up_due": "Срок контроля",
    "recommendation_id": "Рекомендация",
    "noted_on": "Дата записи",
    "note": "Запись",
}

_WIDTH = {
    "date": 12,
    "float": 12,
    "int": 10,
    "bool": 10,
    "ref": 24,
    "refs": 18,
    "fk": 38,
    "text": 50,
    "email": 28,
}
# Excel number formats per kind (dates are written as dates, so Excel sorts and filters them).
NUMBER_FORMAT = {"date": "yyyy-mm-dd", "float": "#,##0.######", "int": "0"}


@dataclass(frozen=True)
class Column:
    """One column of a data sheet: a record field, or ``id`` / ``version`` (kind ``key``)."""

    code: str
    kind: str
    ref: str = ""
    label_en: str = ""
    required: bool = False
    personal: bool = False
    derived: bool = False

    def header(self, lang: str) -> str:
        """The header cell text: "Label (code)" in ``lang`` (en or ru)."""
        label = RU.get(self.code, self.label_en) if lang == "ru" else self.label_en
        return f"{label} ({self.code})"

    @property
    def width(self) -> int:
        """Column width in characters."""
        if self.kind == "key":
            return 38 if self.code == "id" else 9
        return _WIDTH.get(self.kind, 20)

    @property
    def redactable(self) -> bool:
        """Left out when the officer asks for redaction (notes and personal data)."""
        return self.personal or self.kind == "text"


def _column(f: Field, entity: str) -> Column:
    return Column(
        f.name,
        f.kind,
        f.ref,
        f.title,
        f.required,
        f.personal,
        (entity, f.name) in DERIVED,
    )


def columns(entity: str, redact: bool = False) -> tuple[Column, ...]:
    """The columns of ``entity``'s sheet: id, version, then every field in form order."""
    keys = (Column("id", "key", label_en="Record id"), Column("version", "key", label_en="Version"))
    fields = tuple(_column(f, entity) for f in FIELDS[entity])
    if redact:
        fields = tuple(c for c in fields if not c.redactable)
    return keys + fields


def sheet_name(entity: str, lang: str, part: int = 1) -> str:
    """The sheet name of ``entity`` (part 2, 3... when split at Excel's row limit)."""
    base = SHEETS[entity][1 if lang == "ru" else 0]
    return base if part == 1 else f"{base} ({part})"


def entity_of_sheet(name: str) -> str | None:
    """The entity a sheet name (either language, split parts included) stands for."""
    base = name.strip()
    if base.endswith(")") and " (" in base:
        head, _, tail = base.rpartition(" (")
        if tail[:-1].isdigit():
            base = head
    folded = base.casefold()
    for entity, names in SHEETS.items():
        if folded in (n.casefold() for n in names) or folded == entity:
            return entity
    return None
