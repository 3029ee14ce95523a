"""Waypoint questions: ``via`` without ``exact``, routes that pass through places in order.

A route answers a waypoint question when it passes through the waypoints in the order
given, other stops allowed, visiting no country twice (so none before its turn) and naming
at most :data:`~nkasylum.engine.search.WAYPOINT_TRANSITS` transit countries. Three readings
of one rule live here: the search for the best such routes on a day
(:func:`waypoint_routes`, the reference), the days on which one exists, as intervals
(:func:`waypoint_days`, what bulk verdicts, periods and last-known answers read), and the
verdict and steps of an answer (:func:`waypoint_answer`): documented by the best route
found; otherwise blocked when the destination is closed or a waypoint is sealed (it sends
North Koreans back with no documented exception and no passage out of it is documented),
undocumented when neither.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from operator import itemgetter

from nkasylum.core.countries import Country
from nkasylum.engine.fast.adjacency import dated_get, dated_put
from nkasylum.engine.fast.chains import chain_rank, chain_route, chain_steps
from nkasylum.engine.fast.documented import (
    _EVER,
    Days,
    _intersect,
    _leg_table,
    _legs_from,
    _minus,
    _policy_days,
    _union,
    within,
)
from nkasylum.engine.index import Index
from nkasylum.engine.legs import leg_steps, policy_step
from nkasylum.engine.search import MAX_ROUTES, WAYPOINT_TRANSITS, _Found, _Search
from nkasylum.engine.timeline import closed, sends_back
from nkasylum.model.passages import Passage
from nkasylum.model.policies import Policy
from nkasylum.model.routes import Leg, Route
from nkasylum.model.verdicts import Step, StepKind, Verdict

__all__ = ["route_steps", "waypoint_answer", "waypoint_blocked_days", "waypoint_days", "waypoint_routes",
           "waypoint_verdict", "waypoint_verdict_days"]

Horizon = dt.timedelta | None


def waypoint_routes(index: Index, start: str, stops: tuple[str, ...], goal: str, day: dt.date,
                    horizon: dt.timedelta | None = None,
                    max_routes: int = MAX_ROUTES) -> tuple[Route, ...]:
    """The best documented routes from ``start`` to ``goal`` on ``day`` that pass through the
    waypoints ``stops`` in that order, other stops allowed (codes throughout), at most
    ``max_routes``: those naming the fewest countries first (so the exact route, when it is
    documented, is the answer), then as :func:`~nkasylum.engine.search.find_routes` ranks them.

    A route visits no country twice, so it meets no waypoint before its turn; it names at
    most :data:`~nkasylum.engine.search.WAYPOINT_TRANSITS` transit countries. Counts of arrivals are not routes
    through a waypoint: they never answer here. The search walks one length at a time,
    prunes a step from which the next waypoint, then each after it, cannot be reached with
    the passages left (backward distances on the day), and stops after the first length
    at which it has kept ``max_routes`` routes (longer ones rank after them). Cached per
    span of days on which the tables it read are the same.
    """
    key = (start, stops, goal, horizon, max_routes)
    found = index.caches.waypoint_routes.get(key)
    ordinal = day.toordinal()
    known: _Found | None = dated_get(found, ordinal)
    if known is not None:
        return known.routes
    targets = (*stops, goal)
    most = WAYPOINT_TRANSITS + 1  # passages
    searches = [_Search(index, start, target, day, horizon) for target in targets]
    for search in searches:
        search.deepen(most)
    dists = [search.dist for search in searches]
    # need[j]: the fewest passages from target j - 1 (the start, for j = 0) on to the goal
    # through every target from j on; None when one of them cannot be reached at all.
    need: list[int | None] = [0] * (len(targets) + 1)
    for j in range(len(targets) - 1, -1, -1):
        here = start if j == 0 else targets[j - 1]
        step = dists[j].get(here)
        after = need[j + 1]
        need[j] = None if step is None or after is None else step + after
    routes: tuple[Route, ...] = ()
    least = need[0]
    if least is not None and least <= most:
        steps = chain_steps(index)
        kept: list[tuple[tuple[int, int, str], tuple[Passage, ...]]] = []
        for length in range(least, most + 1):
            kept.extend(sorted(((chain_rank(index, steps, start, chain), chain)
                                for chain in _chains(searches[0], targets, dists, need, length)
                                if searches[0].hard is None or searches[0].fits(chain, goal)),
                               key=itemgetter(0))[:max_routes - len(kept)])
            if len(kept) == max_routes:  # longer chains name more countries: they rank after
                break
        routes = tuple(chain_route(index, steps, chain) for _, chain in kept)
    spans = [search.span() for search in searches]
    first, last = max(s[0] for s in spans), min(s[1] for s in spans)
    return dated_put(index.caches.waypoint_routes, key, found, _Found(first, last, routes),
                     sum(len(r.legs) for r in routes)).routes


def _chains(search: _Search, targets: tuple[str, ...], dists: list[dict[str, int]],
             need: list[int | None], length: int) -> Iterator[tuple[Passage, ...]]:
    """Every chain of exactly ``length`` passages from the search's start through each of
    ``targets`` in order (the last is the goal) that visits no country twice."""
    order = {code: j for j, code in enumerate(targets)}
    last = len(targets)
    stack: list[tuple[str, int, tuple[Passage, ...], frozenset[str]]] = [
        (search.start, 0, (), frozenset((search.start,)))]
    while stack:
        here, j, path, seen = stack.pop()
        table = search.outs.get(here) or search.out_of(here)
        left = length - len(path) - 1  # passages left after the next one
        for nxt, passage in table.best.items():
            if nxt in seen:
                continue
            k = order.get(nxt)
            if k is not None and k != j:
                continue  # a waypoint out of its turn (or the goal too early)
            after = j + 1 if k == j else j
            if after == last:
                if left == 0:
                    yield (*path, passage)
                continue
            rest = need[after + 1]
            to_next = dists[after].get(nxt)
            if to_next is None or rest is None or to_next + rest > left:
                continue
            stack.append((nxt, after, (*path, passage), seen | {nxt}))


def _all_time_distances(index: Index, goal: str) -> dict[str, int]:
    """How many passages each country needs at least to reach ``goal`` at any date."""
    cache = index.caches.all_time_distances
    found = cache.get(goal)
    if found is None:
        found = {goal: 0}
        frontier = [goal]
        level = 0
        while frontier:
            level += 1
            nxt = []
            for code in frontier:
                for p in index.passages_to.get(code, ()):
                    if isinstance(p.origin, Country) and p.origin.alpha_2 not in found:
                        found[p.origin.alpha_2] = level
                        nxt.append(p.origin.alpha_2)
            frontier = nxt
        cache.keep(goal, found, len(found))
    return found


def waypoint_days(index: Index, start: Country, stops: tuple[Country, ...], goal: Country,
                  horizon: Horizon) -> Days:
    """The days on which some documented route from ``start`` passes through ``stops`` in
    that order (other stops allowed) to ``goal``: what
    :func:`nkasylum.engine.search.waypoint_routes` finds a route on.

    A depth-first walk over the chains of countries (visiting none twice, meeting the
    waypoints in turn, at most :data:`~nkasylum.engine.search.WAYPOINT_TRANSITS` transit
    countries) that keeps, along each chain, the days on which every leg so far has a
    passage, and drops a chain once they are none or the targets left are too far.
    """
    targets = (*[c.alpha_2 for c in stops], goal.alpha_2)
    dists = [_all_time_distances(index, t) for t in targets]
    need: list[int | None] = [0] * (len(targets) + 1)
    for j in range(len(targets) - 1, -1, -1):
        step = dists[j].get(start.alpha_2 if j == 0 else targets[j - 1])
        after = need[j + 1]
        need[j] = None if step is None or after is None else step + after
    most = WAYPOINT_TRANSITS + 1
    if need[0] is None or need[0] > most:
        return ()  # no chain of passages at any time: nothing to walk, nor to keep
    key = (start.alpha_2, targets, horizon)
    cache = index.caches.waypoint_days
    found = cache.get(key)
    if found is not None:
        return found
    parts: list[tuple[dt.date, dt.date]] = []
    order = {code: j for j, code in enumerate(targets)}
    stack: list[tuple[str, int, int, Days, frozenset[str]]] = [
        (start.alpha_2, 0, 0, _EVER, frozenset((start.alpha_2,)))]
    while stack:
        here, j, used, days, seen = stack.pop()
        for nxt, leg in _legs_from(index, here, horizon).items():
            if horizon is not None:
                # the leg rule's documented days: a passage only carried forward never
                # outranks a block seen or in force that day (as for named routes)
                leg = _leg_table(index, here, nxt, nxt == goal.alpha_2, horizon)[0]
            k = order.get(nxt)
            if nxt in seen or (k is not None and k != j):
                continue  # a country twice, or a waypoint out of its turn
            after = j + 1 if k == j else j
            if after < len(targets):
                to_next, rest = dists[after].get(nxt), need[after + 1]
                if to_next is None or rest is None or used + 1 + to_next + rest > most:
                    continue
            both = _intersect(days, leg)
            if not both:
                continue
            if after == len(targets):
                parts.extend(both)
            else:
                stack.append((nxt, after, used + 1, both, seen | {nxt}))
    found = _union(parts)
    cache.keep(key, found, len(found))
    return found


def waypoint_blocked_days(index: Index, stops: tuple[Country, ...], goal: Country,
                          horizon: Horizon) -> Days:
    """The days on which a waypoint question is blocked when no route is documented: the
    destination is closed, or a waypoint is sealed: it sends North Koreans back with no
    documented exception, and no passage out of it is documented (the route cannot pass it)."""
    closing = _policy_days(index, goal.alpha_2, horizon, False)
    # A destination that is never closed adds no day: the question is blocked on the days a
    # waypoint is sealed, whatever the destination, and one value serves them all.
    key = (tuple([c.alpha_2 for c in stops]), goal.alpha_2 if closing else "", horizon)
    cache = index.caches.waypoint_blocked
    found = cache.get(key)
    if found is None:
        sealed = [_sealed_days(index, c.alpha_2, horizon) for c in stops]
        found = _union((*closing, *(d for days in sealed for d in days)))
        cache.keep(key, found, len(found))
    return found


def _sealed_days(index: Index, code: str, horizon: Horizon) -> Days:
    """The days on which waypoint ``code`` is sealed (see :func:`waypoint_blocked_days`)."""
    cache = index.caches.sealed
    found = cache.get((code, horizon))
    if found is None:
        found = _minus(_policy_days(index, code, horizon, True), _ways_out(index, code, horizon))
        cache.keep((code, horizon), found, len(found))
    return found


def _ways_out(index: Index, code: str, horizon: Horizon) -> Days:
    """The days on which some passage out of ``code`` is documented: with a horizon, a passage
    only carried forward counts only on days no block of ``code`` is seen or in force."""
    cache = index.caches.ways_out
    found = cache.get((code, horizon))
    if found is None:
        seen = _union(d for days in _legs_from(index, code, None).values() for d in days)
        if horizon is None:
            found = seen
        else:
            carried = _union(d for days in _legs_from(index, code, horizon).values() for d in days)
            found = _union((*seen, *_minus(carried, _policy_days(index, code, None, True))))
        cache.keep((code, horizon), found, len(found))
    return found


def _asked(start: Country, stops: tuple[Country, ...], goal: Country) -> Route:
    """The waypoints of a question as a route (origin, waypoints, destination), for wording."""
    places = (start, *stops, goal)
    return Route(tuple(Leg(a, b) for a, b in itertools.pairwise(places)))


def _sealed(index: Index, stops: tuple[Country, ...], day: dt.date,
            horizon: Horizon) -> list[tuple[Country, Policy]]:
    """The sealed waypoints on ``day``: each sends North Koreans back with no documented
    exception, and no passage out of it is documented; a route cannot pass them."""
    found = []
    for c in stops:
        held = index.policy(c.alpha_2, day, horizon)
        if held is not None and _seals(index, c, held, day, horizon):
            found.append((c, held))
    return found


def _seals(index: Index, c: Country, held: Policy, day: dt.date, horizon: Horizon) -> bool:
    """Whether waypoint ``c``, holding ``held`` on ``day``, is sealed that day: it sends North
    Koreans back with no documented exception, and no passage out of it is documented."""
    return sends_back(held) and not held.exceptions and \
        not within(_ways_out(index, c.alpha_2, horizon), day)


def route_steps(index: Index, route: Route, goal: Country, day: dt.date,
                 horizon: Horizon) -> list[Step]:
    """The steps of a documented route found by a search: one per passage behind its legs."""
    steps: list[Step] = []
    for passage_id in dict.fromkeys(leg.passage for leg in route.legs):
        p = index.passage(passage_id or "")
        a, b = p.origin, p.dest
        assert isinstance(a, Country) and isinstance(b, Country)
        steps.extend(leg_steps(index, a, b, day, b == goal, horizon)[2])
    return steps


def waypoint_answer(index: Index, start: Country, stops: tuple[Country, ...], goal: Country,
             day: dt.date, found: tuple[Route, ...],
             horizon: Horizon) -> tuple[Verdict, Route | None, list[Step]]:
    """The verdict, route and steps of a waypoint question (``via`` without ``exact``):
    documented by the best route found; otherwise blocked when the destination is closed or
    a waypoint is sealed, and undocumented when neither."""
    if found:
        return Verdict.DOCUMENTED, found[0], route_steps(index, found[0], goal, day, horizon)
    journey = index.leg(start, goal)
    steps = [Step(StepKind.NO_ROUTE, day, journey, transits=WAYPOINT_TRANSITS,
                  route=_asked(start, stops, goal))]
    verdict = Verdict.UNDOCUMENTED
    arrival = index.policy(goal.alpha_2, day, horizon)
    if arrival is not None and closed(arrival):
        verdict = Verdict.BLOCKED
        steps.append(policy_step(index, StepKind.DESTINATION_CLOSED, day, journey, arrival, horizon,
                                 verdict))
    places = [*stops, goal]
    for (c, held) in _sealed(index, stops, day, horizon):
        verdict = Verdict.BLOCKED
        after = places[places.index(c) + 1]
        steps.append(policy_step(index, StepKind.BLOCKED_LEAVING, day, index.leg(c, after), held,
                                 horizon, verdict))
    return verdict, None, steps


def waypoint_verdict(index: Index, stops: tuple[Country, ...], goal: Country, day: dt.date,
                     found: tuple[Route, ...], horizon: Horizon) -> tuple[Verdict, Route | None]:
    """The verdict and route :func:`waypoint_answer` gives, without working out its steps
    (an answer's steps are worded only when its details are read)."""
    if found:
        return Verdict.DOCUMENTED, found[0]
    # The days a closed destination or a sealed waypoint blocks the question, kept per
    # question (shared by destinations never closed): one bisection a day asked.
    if within(waypoint_blocked_days(index, stops, goal, horizon), day):
        return Verdict.BLOCKED, None
    return Verdict.UNDOCUMENTED, None


def waypoint_verdict_days(index: Index, start: Country, stops: tuple[Country, ...], goal: Country,
                          horizon: Horizon) -> tuple[Days, Days]:
    """The days on which a waypoint question is documented, and those on which it is blocked
    (as :func:`nkasylum.engine.fast.documented.verdict_days` gives them for other questions)."""
    documented = waypoint_days(index, start, stops, goal, horizon)
    return documented, _minus(waypoint_blocked_days(index, stops, goal, horizon), documented)
