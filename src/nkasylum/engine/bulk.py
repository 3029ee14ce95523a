"""Bulk assessment: the verdicts of many journeys at once, without explanations.

A journey's verdict can only change on a day when some passage or policy starts or stops
applying, so it is computed once per journey and span of days (with the leg rule of
:mod:`nkasylum.engine.legs`), and each row costs a dictionary look-up and a bisection.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from typing import Any

from nkasylum.core.countries import Country
from nkasylum.core.errors import ArgumentTypeError
from nkasylum.core.periods import resolve_on, today
from nkasylum.engine import arguments
from nkasylum.engine.index import Index
from nkasylum.engine.legs import closed, leg_verdict
from nkasylum.engine.search import ANY_ROUTE_TRANSITS, distances_to
from nkasylum.model.verdicts import Verdict

__all__ = ["assess_many", "verdict"]


def verdict(index: Index, start: Country, stops: tuple[Country, ...] | None,
            goal: Country, day: dt.date, horizon: dt.timedelta | None = None) -> Verdict:
    """The verdict :func:`nkasylum.engine.assessment.assess` gives, without building its steps."""
    if stops is None:
        if start.alpha_2 in distances_to(index, goal.alpha_2, day, ANY_ROUTE_TRANSITS + 1, horizon):
            return Verdict.DOCUMENTED
        if index.counted_arrivals(start.alpha_2, goal.alpha_2, day, horizon) is not None:
            return Verdict.DOCUMENTED
        return (Verdict.BLOCKED if closed(index.policy(goal.alpha_2, day, horizon))
                else Verdict.UNDOCUMENTED)
    path = (start, *stops, goal)
    verdicts = [leg_verdict(index, a, b, day, b == goal, horizon)[0]
                for a, b in itertools.pairwise(path)]
    if Verdict.BLOCKED in verdicts:
        return Verdict.BLOCKED
    if all(v is Verdict.DOCUMENTED for v in verdicts):
        return Verdict.DOCUMENTED
    return Verdict.UNDOCUMENTED


def assess_many(index: Index, rows: Any, horizon: dt.timedelta | None = None) -> tuple[Verdict, ...]:
    """The verdicts of many journeys at once; see :meth:`nkasylum.KnowledgeBase.assess_many`."""
    rows = _rows(rows)
    breakpoints = index.breakpoints(horizon)
    bisect_right = bisect.bisect_right
    journeys: dict[tuple[object, object, object], tuple[Country, tuple[Country, ...] | None,
                                                         Country]] = {}
    tables: dict[tuple[object, object, object], dict[int, Verdict]] = {}
    spans: dict[object, int] = {}  # only days that passed resolve_on get here
    out: list[Verdict] = []
    append = out.append
    for row in rows:
        try:
            origin, via, dest, day = row
        except (TypeError, ValueError):
            raise ArgumentTypeError(
                f"each row is (origin, via, dest, on), not {row!r}") from None
        key = (origin, via, dest)
        try:
            verdicts = tables.get(key)
        except TypeError:  # unhashable: refused as can_resettle would, unless via is a list
            arguments.journey(index, origin, via, dest)
            key = (origin, tuple(via), dest)
            verdicts = tables.get(key)
        if verdicts is None:
            # The checks and their order are assess()'s, so a bad row fails as
            # can_resettle would on it.
            start, stops, goal = arguments.journey(index, origin, via, dest)
            if day is not None:
                resolve_on(day)
            arguments.check_path(start, stops, goal)
            journeys[key] = (start, stops, goal)
            verdicts = tables[key] = {}
        if day is None:
            day = today()
        try:
            span = spans.get(day)
        except TypeError:  # an unhashable on=: refused
            span = None
        if span is None:
            span = spans[resolve_on(day)] = bisect_right(breakpoints, day)
        found = verdicts.get(span)
        if found is None:
            found = verdicts[span] = verdict(index, *journeys[key], day, horizon)
        append(found)
    return tuple(out)


def _rows(rows: Any) -> Any:
    """Rows as an iterable of 4-tuples; a pandas DataFrame gives its four named columns."""
    columns = getattr(rows, "columns", None)
    if columns is None or not hasattr(rows, "itertuples"):
        if isinstance(rows, (str, bytes)) or not hasattr(rows, "__iter__"):
            raise ArgumentTypeError(
                "rows must be an iterable of (origin, via, dest, on) tuples or a DataFrame "
                f"with those columns, not {type(rows).__name__}")
        return rows
    missing = [c for c in ("origin", "via", "dest", "on") if c not in columns]
    if missing:
        raise ArgumentTypeError(
            f"the DataFrame needs columns origin, via, dest and on; missing {', '.join(missing)}")
    on = rows["on"]
    if str(on.dtype).startswith("datetime64"):
        days = on.dt.normalize()
        if not bool((days == on).all()) or on.dt.tz is not None:
            raise ArgumentTypeError(
                "the on column holds times of day or time zones; cut it to calendar days "
                "first (e.g. df['on'] = df['on'].dt.date)")
        on = on.dt.date
    via = [None if isinstance(v, float) and v != v else v for v in rows["via"].tolist()]
    return zip(rows["origin"].tolist(), via, rows["dest"].tolist(), on.tolist(), strict=True)
