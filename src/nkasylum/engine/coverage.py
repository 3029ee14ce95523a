"""Coverage: for each country and year, how the knowledge base answers "what was its policy?".

One cell per country and year, on the same day of each year (1 July by default, so that a
year-long sighting and a mid-year rule count alike): the strongest support of the policy
documented that day (rule in force, seen, between sightings), else what was last known
and how long before, else whether only undated statements exist, else nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from nkasylum.core.countries import Country
from nkasylum.core.errors import ArgumentTypeError, ArgumentValueError
from nkasylum.core.places import Region, place, place_code
from nkasylum.engine.index import Index
from nkasylum.engine.policy_answer import policy_answer
from nkasylum.model.support import CoverageCell, Support

__all__ = ["COVERAGE_COUNTRIES", "countries_arg", "coverage", "years_arg"]

COVERAGE_COUNTRIES = ("CN", "RU", "KR", "US", "CA", "GB", "DE", "NL", "AU", "JP", "TH", "LA",
                      "VN", "MN", "KH", "MM", "PH")
"""The countries the sources discuss, in the order the coverage table shows them."""

_STRENGTH = (Support.RULE, Support.SEEN, Support.BETWEEN_SIGHTINGS, Support.CARRIED_FORWARD)


def _day(year: int, day: str) -> dt.date:
    try:
        if not day.isascii():  # int() reads Arabic-Indic and fullwidth digits too
            raise ValueError(day)
        month, dom = (int(part) for part in day.split("-"))
        return dt.date(year, month, dom)
    except (ValueError, TypeError):
        raise ArgumentValueError("day", day, what="day of the year",
                                 note=f"write it as MM-DD, e.g. \"07-01\"; it must exist in {year}") from None


def countries_arg(countries: object) -> list[object]:
    """``countries=``: ``None`` (the default countries), one place, or an iterable of them.

    One place (``"CN"``) is one item: iterating it would ask for the countries "C" and "N".
    """
    if countries is None:
        return list(COVERAGE_COUNTRIES)
    if isinstance(countries, (str, Country, Region)):
        return [countries]
    if isinstance(countries, bytes) or not isinstance(countries, Iterable):
        raise ArgumentTypeError(f"countries= takes a country or a list of them, not {type(countries).__name__}: "
                                f"{countries!r}")
    return list(countries)


def years_arg(years: object) -> list[int]:
    """``years=``: ``None`` (2000 to 2025), one year (``2015``), or an iterable of years."""
    if years is None:
        return list(range(2000, 2026))
    if isinstance(years, int) and not isinstance(years, bool):
        years = [years]
    if isinstance(years, (str, bytes)) or not isinstance(years, Iterable):
        raise ArgumentTypeError(f"years= takes a year (int) or a list of them, such as range(2000, 2026), "
                                f"not {type(years).__name__}: {years!r}")
    wanted = list(years)
    for y in wanted:
        if isinstance(y, bool) or not isinstance(y, int) or not 1 <= y <= 9999:
            raise ArgumentTypeError(f"years= holds calendar years (int), not {y!r}")
    return wanted


def coverage(index: Index, countries: object = None, years: object = None,
             day: str = "07-01") -> tuple[CoverageCell, ...]:
    """The coverage table: one :class:`~nkasylum.CoverageCell` per country and year."""
    if not isinstance(day, str):
        raise ArgumentTypeError(f"day= is a month and day such as \"07-01\", not {day!r}")
    places = [place(c) for c in countries_arg(countries)]  # type: ignore[arg-type]
    wanted = years_arg(years)
    cells = []
    for where in places:
        code = place_code(where)
        for year in wanted:
            on = _day(year, day)
            answer = policy_answer(index, where, on)
            if answer.policy is not None:
                supports = [b.support for b in answer.backing]
                best = min(supports, key=_STRENGTH.index) if supports else Support.RULE
                age = None if best is Support.RULE else answer.evidence_age
                cells.append(CoverageCell(code, on, best, age, tuple(b.entry for b in answer.backing)))
            elif answer.last_known is not None:
                cells.append(CoverageCell(code, on, Support.LAST_KNOWN, answer.evidence_age,
                                          tuple(b.entry for b in answer.last_known.backing)))
            elif answer.undated:
                cells.append(CoverageCell(code, on, Support.UNDATED, None,
                                          tuple(p.id for p in answer.undated)))
            else:
                cells.append(CoverageCell(code, on, Support.NOTHING))
    return tuple(cells)
