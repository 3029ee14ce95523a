"""Coverage: for each country and year, how the knowledge base answers "what was its policy?".

One cell per country and year, on the same day of each year (1 July by default) or for the
whole year (``"year"``: documented at some time in it, read on its last documented day):
the strongest support of the policy documented then (rule in force, seen, between
sightings), else what was last known and how long before, else whether only undated
statements exist, else nothing. Read for one field (``field="repatriates"``), a cell is
the support of the statements that state that field, so a year with only a rule on
something else is not shown as covered.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable

from nkasylum.core.countries import Country
from nkasylum.core.errors import ArgumentTypeError, ArgumentValueError
from nkasylum.core.places import Region, place, place_code
from nkasylum.engine.index import Index
from nkasylum.engine.policy_answer import policy_answer
from nkasylum.model.policies import Policy
from nkasylum.model.support import CoverageCell, Support

__all__ = ["COVERAGE_COUNTRIES", "FIELDS", "YEAR", "asked_day", "countries_arg", "coverage", "states", "year_fields",
           "years_arg"]

COVERAGE_COUNTRIES = ("CN", "RU", "KR", "US", "CA", "GB", "DE", "NL", "AU", "JP", "TH", "LA",
                      "VN", "MN", "KH", "MM", "PH")
"""The countries the sources discuss, in the order the coverage table shows them."""

_STRENGTH = (Support.RULE, Support.SEEN, Support.BETWEEN_SIGHTINGS, Support.CARRIED_FORWARD)


YEAR = "year"
"""``at=YEAR`` asks each whole year: documented at some time in it."""

FIELDS = ("classification", "repatriates", "returns_to", "admits", "grants", "procedures")
"""The policy fields a coverage table can be read for (``field=``)."""


def _day(year: int, day: str) -> dt.date:
    try:
        if not day.isascii():  # int() reads Arabic-Indic and fullwidth digits too
            raise ValueError(day)
        month, dom = (int(part) for part in day.split("-"))
        return dt.date(year, month, dom)
    except (ValueError, TypeError):
        raise ArgumentValueError("at", day, what="day of the year",
                                 note=f"write it as MM-DD, e.g. \"07-01\", or \"year\" for the whole "
                                      f"year; it must exist in {year}") from None


def states(policy: Policy | None, field: str | None) -> bool:
    """Whether a (merged) policy documents ``field`` (any field: ``None``)."""
    if policy is None:
        return False
    if field is None:
        return True
    value = getattr(policy, field)
    return value is not None if field in ("repatriates", "admits") else bool(value)


def asked_day(index: Index, code: str, year: int, at: str, field: str | None = None,
              horizon: dt.timedelta | None = None) -> dt.date:
    """The day a coverage cell or panel row asks for ``year``: the day ``at`` ("MM-DD") of
    it, or for the whole year (``at="year"``) its last day on which the policy (or its
    ``field``) is documented, else its last day."""
    if at != YEAR:
        return _day(year, at)
    lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
    starts, ends, segments = index.timeline(code, horizon)
    i = bisect.bisect_right(starts, hi) - 1
    while i >= 0 and ends[i] >= lo:
        if not segments.gists[i].undated and (field is None or states(segments[i], field)):
            return min(ends[i], hi)
        i -= 1
    return hi


def year_fields(index: Index, code: str, year: int,
                horizon: dt.timedelta | None = None) -> dict[str, tuple[dt.date, bool]]:
    """For each policy field documented at some time in ``year``: its last documented day
    in the year, and whether its documented value differs between days of the year (one
    pass over the year's spans)."""
    lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
    starts, ends, segments = index.timeline(code, horizon)
    last: dict[str, dt.date] = {}
    values: dict[str, set[object]] = {}
    i = bisect.bisect_right(starts, hi) - 1
    while i >= 0 and ends[i] >= lo:
        if not segments.gists[i].undated:
            merged = segments[i]
            for name in FIELDS:
                if states(merged, name):
                    value = getattr(merged, name)
                    last.setdefault(name, min(ends[i], hi))
                    values.setdefault(name, set()).add(frozenset(value) if isinstance(value, tuple) else value)
        i -= 1
    return {name: (day, len(values[name]) > 1) for name, day in last.items()}


def _check_at(at: object, field: object) -> None:
    if not isinstance(at, str):
        raise ArgumentTypeError(f"at= is a month and day such as \"07-01\", or \"year\", not {at!r}")
    if field is not None and field not in FIELDS:
        raise ArgumentValueError("field", field, list(FIELDS), what="policy field")


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


def coverage(index: Index, countries: object = None, years: object = None, day: str = "07-01",
             field: str | None = None, horizon: dt.timedelta | None = None) -> tuple[CoverageCell, ...]:
    """The coverage table: one :class:`~nkasylum.CoverageCell` per country and year.

    ``countries``: one place or several (default: :data:`COVERAGE_COUNTRIES`); ``years``:
    one year or several (default 2000-2025). ``day``: the day of each year asked ("MM-DD"),
    or ``"year"``: the whole year (the cell of its last day with a documented policy).
    ``field``: read the cell for one policy field (its statements' support), not for the
    policy as a whole."""
    _check_at(day, field)
    places = [place(c) for c in countries_arg(countries)]  # type: ignore[arg-type]
    wanted = years_arg(years)
    cells = []
    for where in places:
        code = place_code(where)
        for year in wanted:
            on = asked_day(index, code, year, day, field, horizon)
            cells.append(_cell(index, where, code, on, field, horizon))
    return tuple(cells)


def _cell(index: Index, where: object, code: str, on: dt.date, field: str | None,
          horizon: dt.timedelta | None) -> CoverageCell:
    answer = policy_answer(index, where, on, horizon)
    if answer.policy is not None and states(answer.policy, field):
        backing = [b for b in answer.backing if field is None or _stated_by(index, b.entry, field, answer.policy)]
        supports = [b.support for b in backing]
        best = min(supports, key=_STRENGTH.index) if supports else Support.RULE
        ages = [b.age for b in backing if b.support is not Support.RULE]
        age = None if best is Support.RULE else max(ages, default=dt.timedelta(0))
        return CoverageCell(code, on, best, age, tuple(b.entry for b in backing))
    if field is not None:
        last = _last_stated(index, code, on, field, horizon)
        if last is not None:
            then = policy_answer(index, where, last, horizon)
            entries = tuple(b.entry for b in then.backing
                            if then.policy is not None and _stated_by(index, b.entry, field, then.policy))
            return CoverageCell(code, on, Support.LAST_KNOWN, on - last, entries)
        context = tuple(p.id for p in answer.undated if states(p, field))
        return CoverageCell(code, on, Support.UNDATED, None, context) if context else \
            CoverageCell(code, on, Support.NOTHING)
    if answer.last_known is not None:
        return CoverageCell(code, on, Support.LAST_KNOWN, answer.evidence_age,
                            tuple(b.entry for b in answer.last_known.backing))
    if answer.undated:
        return CoverageCell(code, on, Support.UNDATED, None, tuple(p.id for p in answer.undated))
    return CoverageCell(code, on, Support.NOTHING)


def _stated_by(index: Index, entry: str, field: str, merged: Policy) -> bool:
    """Whether the statement ``entry`` states ``field`` as the merged policy does."""
    statement = index.entries.get(entry)
    if not isinstance(statement, Policy) or not states(statement, field):
        return False
    mine, theirs = getattr(statement, field), getattr(merged, field)
    if isinstance(mine, tuple):
        return bool(set(mine) & set(theirs))
    return bool(mine == theirs)


def _last_stated(index: Index, code: str, day: dt.date, field: str,
                 horizon: dt.timedelta | None) -> dt.date | None:
    """The last day before ``day`` on which the policy of ``code`` documents ``field``."""
    starts, ends, segments = index.timeline(code, horizon)
    i = bisect.bisect_right(starts, day) - 1
    while i >= 0:
        if not segments.gists[i].undated and ends[i] < day and states(segments[i], field):
            return ends[i]
        i -= 1
    return None
