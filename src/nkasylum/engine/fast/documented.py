"""The days on which a journey is documented, as intervals: what was last known, without a
search per earlier day.

Whether a passage answers is one interval of days (from its first day to its last, or to
the end of its ``horizon``), so the days on which a journey is documented are a union of
intersections of intervals: a named route is documented on the days that every leg has a
passage, and an any-route question on the days some chain of at most four passages (each
answering that day) reaches the destination, or a count of arrivals documents some way.
These are the days on which :func:`nkasylum.engine.fast.bulk.verdict` says *documented*; they
are computed once per journey (per destination, for any-route questions) and kept in the
index's caches, so the latest earlier documented day is found by a bisection.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Iterable, Sequence

from nkasylum.core.countries import Country
from nkasylum.engine.arguments import path_codes
from nkasylum.engine.index import Index
from nkasylum.engine.search import ANY_ROUTE_TRANSITS
from nkasylum.engine.timeline import closed, sends_back
from nkasylum.model.verdicts import Verdict

__all__ = ["CountryDays", "Days", "country_days", "documented_days", "last_documented", "leg_days",
           "named_verdict", "verdict_days", "verdict_from", "within"]

Days = tuple[tuple[dt.date, dt.date], ...]
"""Sorted, disjoint, closed intervals of days."""

_DAY = dt.timedelta(days=1)
_EVER: Days = ((dt.date.min, dt.date.max),)
Horizon = dt.timedelta | None


def _union(intervals: Iterable[tuple[dt.date, dt.date]]) -> Days:
    merged: list[tuple[dt.date, dt.date]] = []
    for lo, hi in sorted(intervals):
        if merged and lo <= merged[-1][1]:
            if hi > merged[-1][1]:
                merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return tuple(merged)


def _intersect(a: Days, b: Days) -> Days:
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        lo = max(a[i][0], b[j][0])
        hi = min(a[i][1], b[j][1])
        if lo <= hi:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return tuple(out)


def _reach(index: Index, entry: str, horizon: Horizon) -> list[tuple[dt.date, dt.date]]:
    """The days on which a passage answers (a contrary sighting or a gap cap may split them)."""
    return index.timings[entry].days(horizon)


def within(days: Days, day: dt.date) -> bool:
    """Whether ``day`` is one of ``days``."""
    i = bisect.bisect_right(days, (day, dt.date.max)) - 1
    return i >= 0 and days[i][1] >= day


def leg_days(index: Index, a: str, b: str, horizon: Horizon) -> Days:
    """The days on which some passage leads from ``a`` to ``b`` (a documented leg)."""
    return _legs_from(index, a, horizon).get(b, ())


def _legs_from(index: Index, a: str, horizon: Horizon) -> dict[str, Days]:
    """:func:`leg_days` for every country a passage leads to from ``a``, in one pass over
    its passages: most legs asked about lead nowhere, and are then one look-up."""
    key = (a, horizon)
    cache = index.caches.legs_from
    found = cache.get(key)
    if found is None:
        parts: dict[str, list[tuple[dt.date, dt.date]]] = {}
        for p in index.passages_from.get(a, ()):
            if isinstance(p.dest, Country):
                parts.setdefault(p.dest.alpha_2, []).extend(_reach(index, p.id, horizon))
        found = {b: _union(rs) for b, rs in parts.items()}
        cache.keep(key, found, sum(map(len, found.values())) + len(found))
    return found


_NEAR = 2
"""How far back from a destination its passages are followed at any date, to prune: a chain
of at most four passages has its middle country at most two passages from either end."""


class _Reaching:
    """What is known of one destination: the countries at most :data:`_NEAR` passages from it
    at any date, and the days on which a country reaches it in at most k passages."""

    __slots__ = ("days", "near")

    def __init__(self, index: Index, goal: str) -> None:
        self.days: dict[tuple[str, int], Days] = {}
        self.near = {goal: 0}
        frontier = [goal]
        for level in range(1, _NEAR + 1):
            nxt = []
            for code in frontier:
                for p in index.passages_to.get(code, ()):
                    if isinstance(p.origin, Country) and p.origin.alpha_2 not in self.near:
                        self.near[p.origin.alpha_2] = level
                        nxt.append(p.origin.alpha_2)
            frontier = nxt


def _reaching(index: Index, goal: str, horizon: Horizon) -> _Reaching:
    key = (goal, horizon)
    found = index.caches.reaching.get(key)
    if found is None:
        found = index.caches.reaching.keep(key, _Reaching(index, goal))  # counted as it fills (_within)
    return found


def _within(index: Index, code: str, goal: str, steps: int, horizon: Horizon,
            table: _Reaching) -> Days:
    """The days on which ``code`` reaches ``goal`` through at most ``steps`` passages."""
    if code == goal:
        return _EVER
    if steps == 0 or (steps <= _NEAR and table.near.get(code, _NEAR + 1) > steps):
        return ()  # too far from goal at any date
    found = table.days.get((code, steps))
    if found is None:
        parts: list[tuple[dt.date, dt.date]] = []
        if horizon is not None:
            # the leg rule's documented days, as for named routes: a passage only carried
            # forward does not count where a block is seen or in force
            for dest in _legs_from(index, code, horizon):
                leg = _leg_table(index, code, dest, dest == goal, horizon)[0]
                if leg:
                    parts.extend(_intersect(leg, _within(index, dest, goal, steps - 1, horizon, table)))
            found = table.days[(code, steps)] = _union(parts)
            index.caches.reaching.charge(len(found) + 2)
            return found
        for p in index.passages_from.get(code, ()):
            if not isinstance(p.dest, Country):
                continue
            reach = _reach(index, p.id, horizon)
            if not reach:
                continue
            parts.extend(_intersect(tuple(reach), _within(index, p.dest.alpha_2, goal, steps - 1,
                                                       horizon, table)))
        found = table.days[(code, steps)] = _union(parts)
        index.caches.reaching.charge(len(found) + 2)
    return found


def documented_days(index: Index, start: Country, stops: tuple[Country, ...] | None,
                    goal: Country, horizon: Horizon) -> Days:
    """The days on which the journey's verdict is documented (see the module's docstring)."""
    key = (start.alpha_2, None if stops is None else tuple(c.alpha_2 for c in stops), goal.alpha_2,
           horizon)
    cache = index.caches.documented_days
    found = cache.get(key)
    if found is None:
        if stops is None:
            table = _reaching(index, goal.alpha_2, horizon)
            routes = _within(index, start.alpha_2, goal.alpha_2, ANY_ROUTE_TRANSITS + 1, horizon,
                             table)
            counted = _counted_days(index, start.alpha_2, goal.alpha_2, horizon)
            found = _union((*routes, *counted))
        else:
            found = _EVER
            codes = path_codes(start, stops, goal)
            for i, (a, b) in enumerate(itertools.pairwise(codes)):
                # the leg rule's documented days: with a horizon, a passage only carried
                # forward does not count where a block is seen or in force
                days = (leg_days(index, a, b, horizon) if horizon is None
                        else _leg_table(index, a, b, i == len(codes) - 2, horizon)[0])
                found = _intersect(found, days)
                if not found:
                    break
        cache.keep(key, found, len(found))
    return found


def _counted_days(index: Index, start: str, goal: str, horizon: Horizon) -> Days:
    """The days on which counts of arrivals in ``goal`` document a way from ``start``: with a
    horizon, a count only carried forward does not count where a block is seen or in force
    (``start`` sends people back with no exception, or ``goal`` is closed), as for a leg."""
    def days(limit: Horizon) -> Days:
        return _union(r for p in index.counted.get(goal, ())
                      if isinstance(p.origin, Country) and p.origin.alpha_2 == start
                      for r in _reach(index, p.id, limit))

    found = days(horizon)
    if horizon is None or not found:
        return found
    hard = _union((*_policy_days(index, start, None, True), *_policy_days(index, goal, None, False)))
    return _union((*days(None), *_minus(found, hard)))


def last_documented(index: Index, start: Country, stops: tuple[Country, ...] | None,
                    goal: Country, day: dt.date, horizon: Horizon,
                    documented: Days | None = None) -> dt.date | None:
    """The last day before ``day`` on which the same question was documented, or ``None``.

    That day is always the last of a span between two of the index's breakpoints (a
    verdict is constant on a span), as the answer on it stands for its whole span.
    """
    if day <= dt.date.min:
        return None
    points = index.breakpoints(horizon)
    before = day - _DAY
    if documented is None:  # else the days of a waypoint question (engine/waypoints.py)
        documented = documented_days(index, start, stops, goal, horizon)
    for lo, hi in reversed(documented):
        if lo > before:
            continue
        # The latest span whose last day lies in [lo, min(hi, before)].
        j = bisect.bisect_right(points, min(hi, before) + _DAY) - 1
        if j >= 0 and points[j] - _DAY >= lo:
            last = points[j] - _DAY
            return last if last > dt.date.min else None
        # No span ends inside this interval: look at an earlier one.
    return None


def _minus(a: Days, b: Days) -> Days:
    """The days of ``a`` that are not in ``b``."""
    if not a or not b:
        return a  # the same value: tables built from it are shared by identity (bulk)
    out = []
    j = 0
    for lo, hi in a:
        while j < len(b) and b[j][1] < lo:
            j += 1
        k = j
        while lo <= hi and k < len(b) and b[k][0] <= hi:
            if b[k][0] > lo:
                out.append((lo, b[k][0] - _DAY))
            if b[k][1] >= hi:
                break
            lo = max(lo, b[k][1] + _DAY)
            k += 1
        else:
            if lo <= hi:
                out.append((lo, hi))
    return tuple(out)


def _policy_days(index: Index, code: str, horizon: Horizon, strict: bool) -> Days:
    """The days on which the policy of ``code`` sends people back with no documented
    exception (``strict``), or shuts them out as a destination (admits none, or sends back)."""
    key = (code, horizon, strict)
    cache = index.caches.policy_days
    found = cache.get(key)
    if found is None:
        starts, ends, segments = index.timeline(code, horizon)
        found = _union(
            (s, e) for s, e, p in zip(starts, ends, segments.gists, strict=True)
            if not p.undated and (sends_back(p) and not p.exceptions if strict else closed(p)))
        cache.keep(key, found, len(found))
    return found


def _leg_table(index: Index, a: str, b: str, last: bool, horizon: Horizon) -> tuple[Days, Days]:
    """The days on which the leg from ``a`` to ``b`` is documented, and those on which it is
    blocked (the leg rule of :func:`nkasylum.engine.legs.leg_verdict`)."""
    key = (a, b, last, horizon)
    cache = index.caches.leg_tables
    found = cache.get(key)
    if found is None:
        documented = leg_days(index, a, b, horizon)
        stopped = _policy_days(index, a, horizon, True)
        if last:
            closing = _policy_days(index, b, horizon, False)
            if closing:
                stopped = _union((*stopped, *closing)) if stopped else closing
        if horizon is not None and documented:
            # A passage only carried forward never outranks a block seen or in force.
            hard = _policy_days(index, a, None, True)
            if last:
                hard = _union((*hard, *_policy_days(index, b, None, False)))
            documented = _union((*leg_days(index, a, b, None), *_minus(documented, hard)))
        found = (documented, _minus(stopped, documented) if documented else stopped)
        cache.keep(key, found, len(found[0]) + len(found[1]))
    return found


def named_verdict(index: Index, codes: Sequence[str], day: dt.date, horizon: Horizon) -> Verdict:
    """The verdict of a named route (``codes``: origin, transit countries, destination) on
    ``day``: blocked when a leg is, documented when every leg is, undocumented otherwise
    (the leg rule of :func:`nkasylum.engine.legs.leg_verdict`).

    Read from each country's tables (the days each of its passages leads on, and those on
    which its policy sends people back or shuts them out), computed once per country: a
    new journey costs a bisection or two per leg.
    """
    get = index.caches.country_days.get
    tables = [get((code, horizon)) or country_days(index, code, horizon) for code in codes]
    if horizon is None:
        return verdict_from(tables, codes, day)
    hard = [get((code, None)) or country_days(index, code, None) for code in codes]
    return verdict_from(tables, codes, day, hard)


CountryDays = tuple[dict[str, Days], Days, Days]
"""What the leg rule reads of one country: the days its passages lead to each country, the
days it sends people back with no exception, and the days it shuts them out."""


def verdict_from(tables: Sequence[CountryDays], codes: Sequence[str], day: dt.date,
                 hard: Sequence[CountryDays] | None = None) -> Verdict:
    """The leg rule on ``day`` for the named route ``codes``, from each country's tables
    (``tables[i]`` those of ``codes[i]``): the one reading of the rule that
    :func:`named_verdict` and the quick answers of :mod:`nkasylum.engine.fast.quick` share.
    ``hard``: with a horizon, the tables without it, so that a passage only carried forward
    does not outrank a block seen or in force that day."""
    last = len(codes) - 2
    documented = True
    for i in range(last + 1):
        out, strict, _ = tables[i]
        yes = out.get(codes[i + 1])
        if yes and within(yes, day):
            if hard is not None and not _within_leg(hard[i][0], codes[i + 1], day):
                if hard[i][1] and within(hard[i][1], day):
                    return Verdict.BLOCKED
                if i == last and hard[i + 1][2] and within(hard[i + 1][2], day):
                    return Verdict.BLOCKED
            continue
        documented = False
        if strict and within(strict, day):
            return Verdict.BLOCKED
        if i == last:
            closing = tables[i + 1][2]
            if closing and within(closing, day):
                return Verdict.BLOCKED
    return Verdict.DOCUMENTED if documented else Verdict.UNDOCUMENTED


def _within_leg(out: dict[str, Days], dest: str, day: dt.date) -> bool:
    found = out.get(dest)
    return bool(found) and within(found, day)  # type: ignore[arg-type]


def country_days(index: Index, code: str, horizon: Horizon) -> CountryDays:
    """What the leg rule reads of one country: the days its passages lead to each country,
    the days it sends people back with no exception, and the days it shuts them out."""
    key = (code, horizon)
    found = index.caches.country_days.get(key)
    if found is None:
        found = index.caches.country_days.keep(key, (_legs_from(index, code, horizon),
                                 _policy_days(index, code, horizon, True),
                                 _policy_days(index, code, horizon, False)))  # shared, counted there
    return found


def verdict_days(index: Index, start: Country, stops: tuple[Country, ...] | None,
                 goal: Country, horizon: Horizon,
                 codes: Sequence[str] | None = None) -> tuple[Days, Days]:
    """The days on which the journey is documented, and those on which it is blocked (the
    verdict of :func:`nkasylum.engine.fast.bulk.verdict` on every day at once; undocumented on
    the rest), its stops being the exact legs (for waypoints, see
    :func:`nkasylum.engine.waypoints.waypoint_verdict_days`). ``codes``: the journey's
    codes, when the caller has them."""
    if stops is None:
        documented = documented_days(index, start, None, goal, horizon)
        return documented, _minus(_policy_days(index, goal.alpha_2, horizon, False), documented)
    if codes is None:
        codes = path_codes(start, stops, goal)
    a, b = codes[-2], codes[-1]
    found = index.caches.leg_tables.get((a, b, True, horizon))
    yes, no = found if found is not None else _leg_table(index, a, b, True, horizon)
    if len(codes) == 2:
        return yes, no
    before, stopped = _prefix_table(index, tuple(codes[:-1]), horizon)
    return (_intersect(before, yes) if before and yes else ()), _merge(index, stopped, no)


def _merge(index: Index, a: Days, b: Days) -> Days:
    """The union of two sets of days, kept per pair: journeys that share their first legs
    and a last leg's closed days get the same value, the same object (see bulk)."""
    if not b or a is b:
        return a
    if not a:
        return b
    key = (id(a), id(b))
    found = index.caches.merged.get(key)
    if found is None:
        # a and b are kept with their union, so their ids name them as long as it is kept
        found = (a, b, _union((*a, *b)))
        index.caches.merged.keep(key, found, len(found[2]))
    return found[2]


def _prefix_table(index: Index, codes: tuple[str, ...], horizon: Horizon) -> tuple[Days, Days]:
    """:func:`verdict_days` of the legs along ``codes``, none of them the journey's last: a
    panel's journeys share their first legs, and differ mostly in the last."""
    key = (codes, horizon)
    cache = index.caches.prefix_tables
    found = cache.get(key)
    if found is None:
        yes, no = _leg_table(index, codes[-2], codes[-1], False, horizon)
        if len(codes) > 2:
            before, stopped = _prefix_table(index, codes[:-1], horizon)
            yes, no = (_intersect(before, yes) if before and yes else ()), _merge(index, stopped, no)
        found = (yes, no)
        cache.keep(key, found, len(yes) + len(no))
    return found
