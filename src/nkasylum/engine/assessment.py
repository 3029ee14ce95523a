"""Assessing one journey: is there a documented way from an origin, through transit countries,
to a destination on a date, which way, and on what evidence?

Everything here reads the index's passages and policies; no country is special in code. A
route is blocked when any leg is blocked, documented when every leg is, and undocumented
otherwise (see :mod:`nkasylum.engine.legs`). With ``via=None`` the answer is documented when
the route search finds a route, blocked only when the destination itself is closed, and
undocumented otherwise. The answer's steps are data; :mod:`nkasylum.model.wording` words them.
"""

from __future__ import annotations

import datetime as dt
import itertools

from nkasylum.core.countries import Country
from nkasylum.core.periods import resolve_on
from nkasylum.engine import arguments
from nkasylum.engine.index import Index
from nkasylum.engine.legs import closed, leg_steps
from nkasylum.engine.search import (
    ANY_ROUTE_TRANSITS,
    edges,
    find_routes,
    last_route_before,
    route_evidence,
    route_of,
)
from nkasylum.engine.timeline import policy_ids
from nkasylum.model.assessment import Assessment
from nkasylum.model.passages import Passage
from nkasylum.model.routes import Leg, Route
from nkasylum.model.verdicts import Step, StepKind, Verdict

__all__ = ["assess"]


def assess(index: Index, origin: object, via: object, dest: object, *,
           on: object = None) -> Assessment:
    """Assess a journey; see :func:`nkasylum.can_resettle` for the contract."""
    start, stops, goal = arguments.journey(index, origin, via, dest)
    day = resolve_on(on)
    arguments.check_path(start, stops, goal)
    key = ("assess", start, stops, goal, day)
    memo = index.cache()
    result = memo.get(key)
    if result is None:
        result = memo[key] = _assess(index, start, stops, goal, day)
    return result


def _any_route(index: Index, start: Country, goal: Country, day: dt.date,
               found: tuple[Route, ...]) -> tuple[Verdict, Route | None, list[Step]]:
    """The verdict, route and steps of an any-route question (``via=None``)."""
    steps: list[Step] = []
    if found:
        route = found[0]
        for passage_id in dict.fromkeys(leg.passage for leg in route.legs):
            p = index.entries[passage_id or ""]
            assert isinstance(p, Passage)
            a, b = p.origin, p.dest
            assert isinstance(a, Country) and isinstance(b, Country)
            steps.extend(leg_steps(index, a, b, day, b == goal)[2])
        return Verdict.DOCUMENTED, route, steps
    journey = Leg(start, goal)
    verdict = Verdict.UNDOCUMENTED
    steps.append(Step(StepKind.NO_ROUTE, day, journey, transits=ANY_ROUTE_TRANSITS))
    earlier = last_route_before(index, start, goal, day)
    if earlier is not None:
        when, last = earlier
        steps.append(Step(StepKind.LAST_ROUTE, day, journey,
                          entries=tuple(dict.fromkeys(leg.passage for leg in last.legs if leg.passage)),
                          evidence=route_evidence(index, last), route=last, dates=(when,)))
    policy = index.policy(goal.alpha_2, day)
    if policy is not None and closed(policy):
        verdict = Verdict.BLOCKED
        steps.append(Step(StepKind.DESTINATION_CLOSED, day, journey, verdict, policy_ids(policy),
                          policy.evidence, policy=policy))
    for passage in edges(index, start.alpha_2, day).values():
        nxt = passage.dest
        assert isinstance(nxt, Country)
        held = index.policy(nxt.alpha_2, day)
        if nxt != goal and held is not None and held.repatriates:
            steps.append(Step(StepKind.DEAD_END, day, Leg(start, nxt), None, policy_ids(held),
                              held.evidence, policy=held))
    return verdict, None, steps


def _named_route(index: Index, path: list[Country], goal: Country,
                 day: dt.date) -> tuple[Verdict, Route | None, list[Step]]:
    """The verdict, route and steps of a question that names its transit countries."""
    legs = [leg_steps(index, a, b, day, b == goal) for a, b in itertools.pairwise(path)]
    steps = [step for _, _, leg in legs for step in leg]
    verdicts = [verdict for verdict, _, _ in legs]
    if Verdict.BLOCKED in verdicts:
        return Verdict.BLOCKED, None, steps
    if all(v is Verdict.DOCUMENTED for v in verdicts):
        return Verdict.DOCUMENTED, route_of(index, [p for _, p, _ in legs if p is not None]), steps
    return Verdict.UNDOCUMENTED, None, steps


def _assess(index: Index, start: Country, stops: tuple[Country, ...] | None,
            goal: Country, day: dt.date) -> Assessment:
    path = [start, *(stops or ()), goal]
    everything = find_routes(index, start, goal, on=day,
                             max_transits=max(ANY_ROUTE_TRANSITS, len(path) - 2))
    if stops is None:
        verdict, route, steps = _any_route(index, start, goal, day, everything)
    else:
        verdict, route, steps = _named_route(index, path, goal, day)
    arrival = index.policy(goal.alpha_2, day)
    if arrival is not None and verdict is Verdict.DOCUMENTED:
        steps.append(Step(StepKind.ARRIVAL, day, Leg(start, goal), None, policy_ids(arrival),
                          arrival.evidence, policy=arrival))
    support = [s for s in steps if s.kind.supports]
    disputed: list[str] = []
    for entry in dict.fromkeys(e for s in support for e in s.entries):
        for conflict in index.disputed.get(entry, ()):
            if conflict.id not in disputed:
                disputed.append(conflict.id)
                steps.append(Step(StepKind.DISPUTED, day, entries=(conflict.id,),
                                  evidence=conflict.evidence, conflict=conflict))
    evidence = tuple(dict.fromkeys(e for s in support for e in s.evidence))
    dates = sorted({d for d in (index.published(e) for e in evidence) if d is not None})
    steps.append(Step(StepKind.EVIDENCE_DATES, day, dates=(dates[0], dates[-1]) if dates else ()))
    return Assessment(
        origin=start, via=stops, dest=goal, on=day, verdict=verdict, route=route,
        alternatives=tuple(r for r in everything if r != route)[:5], steps=tuple(steps),
        evidence=evidence, latest_evidence=dates[-1] if dates else None, disputed=tuple(disputed),
    )
