"""Assessing one journey: is there a documented way from an origin, through transit countries,
to a destination on a date, which way, and on what evidence?

Everything here reads the index's passages and policies; no country is special in code. A
route is blocked when any leg is blocked, documented when every leg is, and undocumented
otherwise (see :mod:`nkasylum.engine.legs`). With ``via=None`` the answer is documented when
the route search finds a route (or counts of arrivals show that some way was used),
blocked only when the destination itself is closed, and undocumented otherwise.

Every answer says how it is supported on the date (seen, between sightings, rule in
force, carried forward), cites only the evidence that bears on that date, and, when it is
not documented, carries the latest earlier documented answer (``last_known``). A period
asked (``on=2015``) is answered for the last day in it on which the best answer holds.
The answer's steps are data; :mod:`nkasylum.model.wording` words them.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Iterator

from nkasylum.core.countries import Country
from nkasylum.core.errors import ArgumentTypeError
from nkasylum.core.periods import resolve_horizon, resolve_when
from nkasylum.core.places import place_code
from nkasylum.core.trusted import trusted
from nkasylum.core.when import When
from nkasylum.engine import arguments
from nkasylum.engine.fast.bulk import verdict as fast_verdict
from nkasylum.engine.fast.documented import documented_days, last_documented, named_verdict, within
from nkasylum.engine.index import Index
from nkasylum.engine.legs import bearing, closed, leg_steps, policy_step, sends_back
from nkasylum.engine.search import (
    ANY_ROUTE_TRANSITS,
    MAX_ROUTES,
    edges,
    find_routes,
    iter_routes,
    route_of,
)
from nkasylum.engine.waypoints import (
    route_steps,
    waypoint_answer,
    waypoint_days,
    waypoint_routes,
    waypoint_verdict,
)
from nkasylum.model.assessment import Assessment
from nkasylum.model.passages import Passage
from nkasylum.model.policies import Policy
from nkasylum.model.routes import Route
from nkasylum.model.support import Support
from nkasylum.model.verdicts import Step, StepKind, Verdict

__all__ = ["answer_details", "assess", "best_day", "iter_routes_on", "pending_answer", "route_day", "routes_on"]

Horizon = dt.timedelta | None
_DAY = dt.timedelta(days=1)
_RANK = {Verdict.DOCUMENTED: 0, Verdict.BLOCKED: 1, Verdict.UNDOCUMENTED: 2}

pending_answer = trusted(Assessment, "origin", "via", "dest", "on", "verdict", "route", "asked", "horizon",
                         "_knowledge_base", "_details", "exact")
"""``pending_answer(origin, via, dest, on, verdict, route, asked, horizon, knowledge_base,
details, exact)``: an answer whose :data:`~nkasylum.model.assessment.DETAILS` are worked out
by ``details`` when one is first read, so a loop that reads only verdicts and routes never
pays for explanations. It is the same value as one built with every field: equality,
hashing, ``repr``, pickling and serialisation read the fields, which works the details out
first. Built here, where the answer is reasoned, in one call without the constructor: the
engine passes the values the constructor would make (tuples, not lists), positional, as
this runs once per fresh question."""


def assess(index: Index, start: Country, stops: tuple[Country, ...] | None, goal: Country, via: object, *,
           on: object = None, horizon: object = None, exact: object = False) -> Assessment:
    """Assess a journey resolved by :func:`~nkasylum.engine.arguments.journey` from the
    question's ``via`` (which also says whether the stops are exact legs); see
    :func:`nkasylum.can_resettle` for the contract. The remaining arguments are checked
    in the order :func:`nkasylum.can_resettle` reports them: ``exact``, ``on``,
    ``horizon``, then the path."""
    exact = arguments.exact_arg(exact, via)
    # A date (not a datetime, a date's subclass) is its own day: no When to build for it.
    asked = None if on.__class__ is dt.date else resolve_when(on)
    limit = resolve_horizon(horizon)
    codes = arguments.check_path(start, stops, goal)
    if asked is None or (asked.lower is not None and asked.lower == asked.upper):
        day = on if asked is None else asked.lower
        assert isinstance(day, dt.date)
        # Not kept here: the knowledge base keeps its answers by the arguments as given,
        # and a distinct question would only be kept twice.
        return _assess(index, start, stops, goal, day, limit, None, codes, exact)
    key = ("assess", start, stops, goal, asked, limit, exact)
    result: Assessment | None = index.answers.get(key)
    if result is None:
        day = best_day(index, asked, limit,
                       lambda d: fast_verdict(index, start, stops, goal, d, limit, exact))
        result = _assess(index, start, stops, goal, day, limit, asked, exact=exact)
        index.answers.put(key, result)
    return result


def _on_day(index: Index, start: Country, stops: tuple[Country, ...] | None, goal: Country,
            day: dt.date, horizon: Horizon, exact: bool) -> Assessment:
    """The answer for one day, cached: the last-known answer of every later undocumented
    question that ends there is the same value, kept once."""
    key = ("assess", start, stops, goal, day, horizon, exact)
    result: Assessment | None = index.answers.get(key)
    if result is None:
        result = _assess(index, start, stops, goal, day, horizon, None, exact=exact)
        index.answers.put(key, result)
    return result


def best_day(index: Index, asked: When, horizon: Horizon,
             verdict_on: object) -> dt.date:
    """The day in the period ``asked`` whose answer stands for the whole period: the last
    day on which it is documented; else the last on which it is blocked; else its last day.

    A verdict changes only on the index's breakpoints, so one day per span is tried.
    """
    assert callable(verdict_on)
    lo = asked.start if asked.lower is not None else dt.date(1, 1, 1)
    hi = asked.end if asked.upper is not None else dt.date(9999, 12, 31)
    points = index.breakpoints(horizon)
    # The last day of each span that meets [lo, hi], latest first.
    cuts = [p for p in points if lo < p <= hi]
    lasts = [c - _DAY for c in cuts] + [hi]
    best: tuple[int, dt.date] | None = None
    for day in sorted(set(lasts), reverse=True):
        rank = _RANK[verdict_on(day)]
        if best is None or rank < best[0]:
            best = (rank, day)
        if rank == 0:
            break
    assert best is not None
    return best[1]


def _counted_steps(index: Index, start: Country, goal: Country, day: dt.date,
                   route: Route, horizon: Horizon) -> list[Step]:
    passage = index.passage(route.legs[0].passage or "")
    backing, evidence = bearing(index, (passage.id,), day, horizon)
    return [Step(StepKind.PASSAGE, day, route.legs[0], Verdict.DOCUMENTED, (passage.id,), evidence,
                 passage=passage, backing=backing)]


def _any_route(index: Index, start: Country, goal: Country, day: dt.date,
               found: tuple[Route, ...], horizon: Horizon) -> tuple[Verdict, Route | None, list[Step]]:
    """The verdict, route and steps of an any-route question (``via=None``)."""
    steps: list[Step] = []
    if found:
        route = found[0]
        if (route.legs[0].passage or "").startswith("counted-arrivals."):
            return Verdict.DOCUMENTED, route, _counted_steps(index, start, goal, day, route, horizon)
        return Verdict.DOCUMENTED, route, route_steps(index, route, goal, day, horizon)
    journey = index.leg(start, goal)
    verdict = Verdict.UNDOCUMENTED
    steps.append(Step(StepKind.NO_ROUTE, day, journey, transits=ANY_ROUTE_TRANSITS))
    policy = index.policy(goal.alpha_2, day, horizon)
    if policy is not None and closed(policy):
        verdict = Verdict.BLOCKED
        steps.append(policy_step(index, StepKind.DESTINATION_CLOSED, day, journey, policy, horizon,
                                 verdict))
    for passage in edges(index, start.alpha_2, day, horizon).values():
        nxt = passage.dest
        assert isinstance(nxt, Country)
        held = index.policy(nxt.alpha_2, day, horizon)
        if nxt != goal and sends_back(held):
            assert held is not None
            steps.append(policy_step(index, StepKind.DEAD_END, day, index.leg(start, nxt), held, horizon))
    return verdict, None, steps


def _named_route(index: Index, path: list[Country], goal: Country, day: dt.date,
                 horizon: Horizon) -> tuple[Verdict, Route | None, list[Step]]:
    """The verdict, route and steps of a question that names its transit countries."""
    legs = [leg_steps(index, a, b, day, b == goal, horizon) for a, b in itertools.pairwise(path)]
    steps = [step for _, _, leg in legs for step in leg]
    verdicts = [verdict for verdict, _, _ in legs]
    if Verdict.BLOCKED in verdicts:
        return Verdict.BLOCKED, None, steps
    if all(v is Verdict.DOCUMENTED for v in verdicts):
        return Verdict.DOCUMENTED, route_of(index, [p for _, p, _ in legs if p is not None]), steps
    return Verdict.UNDOCUMENTED, None, steps


def _last_documented(index: Index, start: Country, stops: tuple[Country, ...] | None,
                     goal: Country, day: dt.date, horizon: Horizon,
                     exact: bool = True) -> dt.date | None:
    """The last day before ``day`` on which the same question was documented, or ``None``
    (from the journey's documented days, see :mod:`nkasylum.engine.fast.documented`)."""
    waypoints = waypoint_days(index, start, stops, goal, horizon) if stops and not exact else None
    return last_documented(index, start, stops, goal, day, horizon, waypoints)


def _undated_of(index: Index, code: str) -> tuple[tuple[Policy, ...], tuple[Passage, ...]]:
    """The undated policies of a country and the undated passages out of it (cached)."""
    found = index.caches.undated.get(code)
    if found is None:
        found = (
            tuple(p for p in index.policies.get(code, ()) if index.timings[p.id].undated),
            tuple(p for p in index.passages_from.get(code, ()) if index.timings[p.id].undated))
        index.caches.undated.keep(code, found, len(found[0]) + len(found[1]))
    return found


def _undated(index: Index, places: list[Country]) -> tuple[tuple[Policy, ...], tuple[Passage, ...]]:
    codes = [c.alpha_2 for c in places]
    policies = tuple(p for code in codes for p in _undated_of(index, code)[0])
    inside = {*codes, "third-country"}
    passages = tuple(p for code in codes for p in _undated_of(index, code)[1]
                     if place_code(p.dest) in inside)
    return policies, passages


def _assess(index: Index, start: Country, stops: tuple[Country, ...] | None, goal: Country,
            day: dt.date, horizon: Horizon, asked: When | None,
            codes: list[str] | None = None, exact: bool = True) -> Assessment:
    """The answer: verdict and route now; its details (alternatives, steps, evidence, what
    was last known) when first read, so a loop over verdicts never words an explanation.
    ``codes``: the journey's codes, when the caller has them; ``exact``: the stops are the
    exact legs, else waypoints."""
    if stops is None:
        everything = _everything(index, start, None, goal, day, horizon)
        verdict, route = _any_route_verdict(index, goal, day, everything, horizon)
    elif not exact:
        everything = _everything(index, start, stops, goal, day, horizon, exact)
        verdict, route = waypoint_verdict(index, stops, goal, day, everything, horizon)
    else:
        everything = None  # only the details list alternatives to a named route
        verdict, route = _named_route_verdict(
            index, codes or arguments.path_codes(start, stops, goal), day, horizon)
    return pending_answer(
        start, stops, goal, day, verdict, route, asked, horizon, None,
        functools.partial(answer_details, index, start, stops, goal, day, horizon, verdict, route,
                          everything, exact), exact and stops is not None)


def _everything(index: Index, start: Country, stops: tuple[Country, ...] | None, goal: Country,
                day: dt.date, horizon: Horizon, exact: bool = True) -> tuple[Route, ...]:
    """The route and five alternatives (never more is searched for than is reported), among
    routes of as many transit countries as asked or as an any-route question looks through;
    for a waypoint question, the routes through its waypoints."""
    if stops and not exact:
        if not within(waypoint_days(index, start, stops, goal, horizon), day):
            return ()  # no route, as the search would find: not searched
        return waypoint_routes(index, start.alpha_2, tuple(c.alpha_2 for c in stops), goal.alpha_2,
                               day, horizon, 6)
    transits = ANY_ROUTE_TRANSITS if stops is None or len(stops) <= ANY_ROUTE_TRANSITS \
        else len(stops)
    if transits == ANY_ROUTE_TRANSITS and not within(
            documented_days(index, start, None, goal, horizon), day):
        return ()  # no route, as a search would find: not searched
    # Cached per span of days, so most questions find them already searched.
    return find_routes(index, start, goal, on=day, max_transits=transits, horizon=horizon,
                       max_routes=6)


def _any_route_verdict(index: Index, goal: Country, day: dt.date, found: tuple[Route, ...],
                       horizon: Horizon) -> tuple[Verdict, Route | None]:
    """The verdict and route of an any-route question, as :func:`_any_route` explains them."""
    if found:
        return Verdict.DOCUMENTED, found[0]
    if closed(index.policy(goal.alpha_2, day, horizon)):
        return Verdict.BLOCKED, None
    return Verdict.UNDOCUMENTED, None


def _named_route_verdict(index: Index, codes: list[str], day: dt.date,
                         horizon: Horizon) -> tuple[Verdict, Route | None]:
    """The verdict and route of a named route, as :func:`_named_route` explains them."""
    verdict = named_verdict(index, codes, day, horizon)
    if verdict is not Verdict.DOCUMENTED:
        return verdict, None
    return verdict, route_of(index, [edges(index, a, day, horizon)[b]
                                     for a, b in itertools.pairwise(codes)])


def answer_details(index: Index, start: Country, stops: tuple[Country, ...] | None, goal: Country,
             day: dt.date, horizon: Horizon, verdict: Verdict, route: Route | None,
             everything: tuple[Route, ...] | None, exact: bool = True) -> dict[str, object]:
    """The fields of :data:`nkasylum.model.assessment.DETAILS` of an answer whose verdict
    and route are known (``everything``: the routes its verdict was read from, if any;
    ``exact``: the stops are the exact legs, else waypoints)."""
    path = [start, *(stops or ()), goal]
    if everything is None:
        everything = _everything(index, start, stops, goal, day, horizon, exact)
    if stops is None:
        found = _any_route(index, start, goal, day, everything, horizon)
    elif not exact:
        found = waypoint_answer(index, start, stops, goal, day, everything, horizon)
    else:
        found = _named_route(index, path, goal, day, horizon)
    # The steps reach the verdict on their own: one rule, two readings of it.
    assert found[:2] == (verdict, route), (found[:2], verdict, route)
    steps = found[2]
    arrival = index.policy(goal.alpha_2, day, horizon)
    if arrival is not None and verdict is Verdict.DOCUMENTED:
        steps.append(policy_step(index, StepKind.ARRIVAL, day, index.leg(start, goal), arrival, horizon))
    last_known = None
    if verdict is not Verdict.DOCUMENTED:
        last = _last_documented(index, start, stops, goal, day, horizon, exact)
        if last is not None:
            last_known = _on_day(index, start, stops, goal, last, horizon, exact)
            steps.append(Step(StepKind.LAST_ROUTE, day, index.leg(start, goal),
                              entries=tuple(dict.fromkeys(e for b in last_known.backing
                                                          for e in (b.entry,))),
                              evidence=last_known.evidence, route=last_known.route, dates=(last,),
                              age=day - last))
    policies, passages = _undated(index, path)
    for p in policies:
        steps.append(Step(StepKind.UNDATED, day, entries=(p.id,), evidence=p.evidence, policy=p))
    for q in passages:
        steps.append(Step(StepKind.UNDATED, day, entries=(q.id,), evidence=q.evidence, passage=q))
    support = [s for s in steps if s.kind.supports]
    disputed: list[str] = []
    for entry in dict.fromkeys(e for s in support for e in s.entries):
        for conflict in index.disputed.get(entry, ()):
            if conflict.id not in disputed:
                disputed.append(conflict.id)
                steps.append(Step(StepKind.DISPUTED, day, entries=(conflict.id,),
                                  evidence=conflict.evidence, conflict=conflict))
    backing = tuple(dict.fromkeys(b for s in support for b in s.backing))
    evidence = tuple(dict.fromkeys(e for s in support for e in s.evidence))
    dates = sorted({d for d in (index.reported(e) for e in evidence) if d is not None})
    if verdict is Verdict.DOCUMENTED:
        ages = [b.age for b in backing if b.support is not Support.RULE]
        age: dt.timedelta | None = max(ages, default=dt.timedelta(0))
    else:
        # the age of what was last known: from its last day to the day asked
        age = day - last_known.on if last_known is not None else None
    steps.append(Step(StepKind.EVIDENCE_DATES, day, dates=(dates[0], dates[-1]) if dates else (),
                      age=age))
    return {"alternatives": tuple([r for r in everything if r != route][:5]),
            "steps": tuple(steps), "evidence": evidence,
            "latest_evidence": dates[-1] if dates else None, "disputed": tuple(disputed),
            "backing": backing, "evidence_age": age, "last_known": last_known,
            "undated_policies": policies, "undated_passages": passages}


def routes_on(index: Index, origin: object, dest: object, on: object, max_transits: object,
              horizon: object, last_known: object, max_routes: object = MAX_ROUTES,
              via: object = None, exact: object = False) -> tuple[Route, ...]:
    """The documented routes on a day (or, for a period, on its last day that has one); with
    ``last_known``, the routes of the latest earlier day that had one when none is documented.
    With ``via``, only those through its waypoints in order (ranked as
    :func:`~nkasylum.engine.waypoints.waypoint_routes` ranks them, naming at most
    ``max_transits`` transit countries), or with ``exact`` the one route of exactly those legs
    (whatever ``max_transits`` says)."""
    if not isinstance(last_known, bool):
        raise ArgumentTypeError(f"last_known= takes True or False, not {last_known!r}")
    one_day = on if type(on) is dt.date else None  # one day: no need to build its When
    asked = None if one_day is not None else resolve_when(on)
    limit = resolve_horizon(horizon)
    start, stops, goal = arguments.journey(index, origin, via, dest)
    named = arguments.exact_arg(exact, via)
    if stops is not None:
        most = arguments.max_transits(max_transits)
        count = arguments.max_routes(max_routes)
        codes = arguments.check_path(start, stops, goal)

    def found_on(day: dt.date) -> tuple[Route, ...]:
        if stops is None:
            return find_routes(index, start, goal, on=day, max_transits=max_transits, horizon=limit,
                               max_routes=max_routes)
        if named:  # the legs named, whatever max_transits says
            route = _named_route_verdict(index, codes, day, limit)[1]
            return () if route is None else (route,)
        if not within(waypoint_days(index, start, stops, goal, limit), day):
            return ()
        found = waypoint_routes(index, start.alpha_2, tuple(codes[1:-1]), goal.alpha_2, day, limit,
                                count)
        return tuple(r for r in found if len(r.named_transits) <= most)

    if asked is None:
        assert one_day is not None
        day = one_day
    elif asked.lower is not None and asked.lower == asked.upper:
        day = asked.lower
    else:
        day = best_day(index, asked, limit,
                       lambda d: Verdict.DOCUMENTED if found_on(d) else Verdict.UNDOCUMENTED)
    found = found_on(day)
    if not found and last_known:
        last = _last_documented(index, start, stops, goal, day, limit, named)
        if last is not None:
            found = find_routes(index, start, goal, on=last, max_transits=max_transits, horizon=limit,
                                max_routes=max_routes)
    return found


def route_day(index: Index, start: Country, goal: Country, on: object, max_transits: object,
              horizon: Horizon, max_routes: object = MAX_ROUTES) -> dt.date:
    """The day a route question asks about: ``on`` itself, or for a period (a year, an EDTF
    interval) its last day with a documented route (else its last day)."""
    if type(on) is dt.date:
        return on  # one day: no need to build its When
    asked = resolve_when(on)
    if asked.lower is not None and asked.lower == asked.upper:
        return asked.lower

    def found_on(day: dt.date) -> tuple[Route, ...]:
        return find_routes(index, start, goal, on=day, max_transits=max_transits, horizon=horizon,
                           max_routes=max_routes)

    return best_day(index, asked, horizon,
                    lambda d: Verdict.DOCUMENTED if found_on(d) else Verdict.UNDOCUMENTED)


def iter_routes_on(index: Index, origin: object, dest: object, on: object, max_transits: object,
                   horizon: Horizon) -> Iterator[Route]:
    """:func:`~nkasylum.engine.search.iter_routes` on a day, or for a period on its last day
    with a documented route (as :func:`routes_on` reads a period)."""
    if type(on) is not dt.date and on is not None:
        start = arguments.origin(index, origin)
        goal = arguments.country_arg(dest, "dest")
        on = route_day(index, start, goal, on, max_transits, horizon)
    return iter_routes(index, origin, dest, on=on, max_transits=max_transits, horizon=horizon)
