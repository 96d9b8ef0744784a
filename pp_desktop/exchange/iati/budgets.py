"""A project's budget total as IATI budget periods (a period is at most a year) and back.

The vault keeps one total per project. Exported, it is spread over consecutive periods of at
most a year from the project's start to its end, pro rata to the days of each period (as
differences of running totals rounded to cents), so the periods add up to the total exactly and
none is negative. Marked
BudgetStatus 1 (indicative): the yearly split is an estimate, the total is the officer's figure.
Imported, the periods are added up again (revised budgets replace the original ones of the same
period).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal

from pp_desktop.exchange.iati.activity import Budget

CENT = Decimal("0.01")
TYPE_ORIGINAL, TYPE_REVISED = "1", "2"


def _one_year_on(d: date) -> date:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year + 1, month=3, day=1)


def periods(start: date, end: date) -> list[tuple[date, date]]:
    """Consecutive periods of at most one year covering ``start``..``end`` (inclusive)."""
    out: list[tuple[date, date]] = []
    cur = start
    while cur <= end:
        stop = min(_one_year_on(cur) - timedelta(days=1), end)
        out.append((cur, stop))
        cur = stop + timedelta(days=1)
    return out


def split_total(total: Decimal, start: date, end: date, currency: str) -> list[Budget]:
    """``total`` spread over the yearly periods of ``start``..``end``; the sum is ``total``.

    Each period gets the difference of two rounded running totals (never a negative share,
    however the cents fall), the last running total being ``total`` itself."""
    spans = periods(start, end)
    days_total = (end - start).days + 1
    budgets: list[Budget] = []
    given = Decimal(0)
    days = 0
    for i, (a, b) in enumerate(spans):
        days += (b - a).days + 1
        if i == len(spans) - 1:
            running = total
        else:
            running = min((total * days / days_total).quantize(CENT, ROUND_HALF_EVEN), total)
        budgets.append(
            Budget(a.isoformat(), b.isoformat(), running - given, currency, TYPE_ORIGINAL, "1")
        )
        given = running
    return budgets


def total_of(budgets: list[Budget]) -> tuple[Decimal, str] | str:
    """(sum, currency) of ``budgets`` with revised periods replacing original ones, or why no
    total can be given."""
    by_period: dict[tuple[str, str], Budget] = {}
    for b in budgets:
        key = (b.start, b.end)
        kept = by_period.get(key)
        if kept is None or (b.type == TYPE_REVISED and kept.type != TYPE_REVISED):
            by_period[key] = b
    currencies = {b.currency for b in by_period.values()}
    if len(currencies) > 1:
        return "budgets are in several currencies (" + ", ".join(sorted(currencies)) + ")"
    if "" in currencies:
        return "the budget has no currency"
    return sum((b.value for b in by_period.values()), Decimal(0)), currencies.pop()
