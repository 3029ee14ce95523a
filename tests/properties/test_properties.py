"""Laws of the transit logic, on generated knowledge bases as well as the bundled one."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import (
    GENERATED_EVIDENCE,
    GENERATED_SOURCE,
    TRANSIT_CODES,
    TRANSIT_DAYS,
    examples,
    sightings_of,
    simple_paths,
    transit_evidence,
)

import nkasylum as nk
from nkasylum.engine.legs import leg_steps
from nkasylum.engine.search import route_of
from nkasylum.engine.sightings import CARRIED

CODES = TRANSIT_CODES
SPELLINGS = {"KP": ["KP", "PRK", "408", "North Korea", "dprk"], "KR": ["KR", "KOR", "ROK", "South Korea"],
             "CN": ["CN", "CHN", "China", "PRC"], "RU": ["RU", "Russia", "RUS"]}
SOURCE = GENERATED_SOURCE
DAYS = st.dates(*TRANSIT_DAYS)


# An observation has no dates of its own: it is seen on its evidence spans (known days
# within the transit years); about one in eight is undated and answers no dated question.
@st.composite
def observed(draw: Any) -> dict[str, Any]:
    if draw(st.integers(0, 7)) == 0:
        return {"undated": True, "evidence": (nk.Evidence("generated", "one two three", "undated"),)}
    return {"evidence": draw(transit_evidence())}


@st.composite
def passages(draw: Any, index: int) -> nk.Passage:
    origin, dest = draw(st.lists(st.sampled_from(CODES), min_size=2, max_size=2, unique=True))
    return nk.Passage(id=f"p{index}", origin=nk.country(origin), dest=nk.country(dest),
                      channel=draw(st.sampled_from(list(nk.Channel))), summary="s",
                      basis=nk.Basis.OBSERVATION,
                      via_third_country=draw(st.booleans()), **draw(observed()))


@st.composite
def policies(draw: Any, index: int) -> nk.Policy:
    code = draw(st.sampled_from(CODES[1:]))
    return nk.Policy(id=f"q{index}", country=nk.country(code), summary="s",
                     basis=nk.Basis.OBSERVATION,
                     repatriates=draw(st.sampled_from([True, None])),
                     returns_to=draw(st.sampled_from([(), ("CN",)])) if code != "CN" else (),
                     exceptions=draw(st.sampled_from([(), ("an exception",)])), **draw(observed()))


@st.composite
def knowledge_bases(draw: Any) -> nk.KnowledgeBase:
    n = draw(st.integers(0, 14))
    m = draw(st.integers(0, 4))
    return nk.KnowledgeBase(all_sources=(SOURCE,),
                            all_passages=tuple(draw(passages(i)) for i in range(n)),
                            all_policies=tuple(draw(policies(i)) for i in range(m)))


@st.composite
def blocked_worlds(draw: Any) -> tuple[nk.KnowledgeBase, str]:
    """A generated world with a way from North Korea to a destination through one or two
    transit countries (each leg a rule in force from a day, or an observation seen on a few
    days, which a horizon carries forward), and one or two rules in force over a span that
    block it: a transit country that sends North Koreans back with no exception, or the
    destination admitting none. Returns the world and the destination."""
    kb = draw(knowledge_bases())
    path = ["KP", *draw(st.lists(st.sampled_from(CODES[1:]), min_size=2, max_size=3, unique=True))]
    ways = []
    for i, (a, b) in enumerate(itertools.pairwise(path)):
        if draw(st.booleans()):
            timing: dict[str, Any] = {"basis": nk.Basis.RULE, "evidence": GENERATED_EVIDENCE,
                                      "valid_from": nk.When.day(draw(DAYS))}
        else:
            timing = {"basis": nk.Basis.OBSERVATION, "evidence": draw(transit_evidence())}
        ways.append(nk.Passage(id=f"way{i}", origin=nk.country(a), dest=nk.country(b),
                               channel=nk.Channel.BROKER, summary="s", **timing))
    rules = []
    # mostly a country whose way out is only seen on a few days, so carried forward after them
    observed = [p.origin.alpha_2 for p in ways if p.basis is nk.Basis.OBSERVATION and p.origin.alpha_2 != "KP"]
    for i in range(draw(st.integers(1, 2))):
        code = draw(st.sampled_from(observed if observed and draw(st.booleans()) else path[1:]))
        # mostly early and long, so that it meets the days a horizon carries a leg forward
        start = draw(st.dates(TRANSIT_DAYS[0], dt.date(2012, 12, 31)))
        until = draw(st.one_of(st.none(), st.dates(start, TRANSIT_DAYS[1])))
        block = {"admits": False} if code == path[-1] else {"repatriates": True}
        rules.append(nk.Policy(id=f"rule{i}", country=nk.country(code), summary="s",
                               basis=nk.Basis.RULE, evidence=GENERATED_EVIDENCE,
                               valid_from=nk.When.day(start),
                               valid_until=None if until is None else nk.When.day(until), **block))
    world = nk.KnowledgeBase(all_sources=(SOURCE,), all_passages=(*kb.all_passages, *ways),
                             all_policies=(*kb.all_policies, *rules))
    return world, path[-1]


def _turning_days(kb: nk.KnowledgeBase, horizon: dt.timedelta | None) -> list[dt.date]:
    """Days on which a carried-forward passage may meet a block (or a verdict change)."""
    index = kb._index
    # the first and last day on which each passage is only carried forward, if any, else
    # the days on which a verdict may change
    carried = {d for p in kb.all_passages for lo, hi, strength in index.timings[p.id].pieces(horizon)
               if strength == CARRIED for d in (lo, hi)}
    if carried:
        return sorted(carried)
    points = {*index.breakpoints(None), *index.breakpoints(horizon)}
    return sorted({d for p in points for d in (p, p - dt.timedelta(days=1))} | {dt.date(2002, 9, 11)})


DESTS = st.sampled_from(CODES[1:])
FAST = settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
# No horizon (the default), one shorter than most gaps between sightings, one longer than any.
HORIZONS = st.sampled_from([None, dt.timedelta(days=30), dt.timedelta(days=400), dt.timedelta(days=20_000)])


def _shapes(routes: tuple[nk.Route, ...]) -> set[tuple[str, ...]]:
    # The countries a route goes through: a passage added or removed may change which
    # passage documents a leg (direct, or through an unnamed third country), never the way.
    return {tuple(p.alpha_2 for p in r.places if isinstance(p, nk.Country)) for r in routes}


def _documented_on(kb: nk.KnowledgeBase, passage: nk.Passage, day: dt.date) -> bool:
    """Whether a generated observation's value is seen on ``day`` or lies between two of its
    sightings: the sightings of every dated passage with the same origin, destination and
    channel form one series, whichever statement made them (the time model's value series)."""
    if passage.undated:
        return False
    value = (passage.origin, passage.dest, passage.channel)
    seen = [w for q in kb.all_passages if not q.undated and (q.origin, q.dest, q.channel) == value
            for w in sightings_of(q.evidence)]
    return min(w.start for w in seen) <= day <= max(w.end for w in seen)


@FAST
@given(knowledge_bases(), DESTS, DAYS)
def test_every_route_is_valid_and_each_leg_backed_on_the_day(
        kb: nk.KnowledgeBase, dest: str, day: dt.date) -> None:
    for route in kb.routes("KP", dest, on=day):
        assert route.origin == nk.country("KP") and route.dest == nk.country(dest)
        assert nk.Route(route.legs) == route  # re-validates
        for leg in route.legs:
            passage = kb.entry(leg.passage or "")
            assert isinstance(passage, nk.Passage) and passage.evidence
            # computed here from the sightings, independently of the engine's support
            assert _documented_on(kb, passage, day), (passage.id, day)
            assert kb.support(passage.id, on=day).support in (nk.Support.SEEN,
                                                              nk.Support.BETWEEN_SIGHTINGS)


@FAST
@given(knowledge_bases(), DESTS, DAYS)
def test_the_search_tables_find_what_a_plain_search_finds(
        kb: nk.KnowledgeBase, dest: str, day: dt.date) -> None:
    # The route search reads derived tables (engine/fast/adjacency.py, chains.py); here a plain
    # depth-first walk over the passages documented on the day, read from their sightings.
    ways: dict[str, set[str]] = {}
    for p in kb.passages(any_date=True):
        if isinstance(p.origin, nk.Country) and isinstance(p.dest, nk.Country) and _documented_on(kb, p, day):
            ways.setdefault(p.origin.alpha_2, set()).add(p.dest.alpha_2)
    plain = simple_paths(ways, "KP", dest, max_transits=3)  # as an any-route search looks
    assert _shapes(kb.routes("KP", dest, on=day, max_routes=100_000)) == plain


@FAST
@given(knowledge_bases(), DESTS, DAYS)
def test_a_passage_documented_on_the_day_is_on_some_route_or_its_leg_is_closed(
        kb: nk.KnowledgeBase, dest: str, day: dt.date) -> None:
    # The converse: a direct KP -> dest passage documented on the day (computed from its
    # sightings) is a documented direct route, unless a policy blocks it; the route found
    # then rests on a passage of that leg.
    direct = [p for p in kb.all_passages
              if p.origin == nk.country("KP") and p.dest == nk.country(dest) and _documented_on(kb, p, day)]
    a = kb.can_resettle("KP", [], dest, on=day)
    if not direct:
        assert a.verdict is not nk.Verdict.DOCUMENTED
        return
    assert a.verdict in (nk.Verdict.DOCUMENTED, nk.Verdict.BLOCKED)
    if a:
        assert a.route is not None and a.route.legs[0].passage in {p.id for p in direct}
        assert a.evidence_age is not None


@FAST
@given(knowledge_bases(), DESTS, DAYS)
def test_can_resettle_agrees_with_routes(kb: nk.KnowledgeBase, dest: str, day: dt.date) -> None:
    found = kb.routes("KP", dest, on=day)
    any_route = kb.can_resettle("KP", None, dest, on=day)
    assert bool(any_route) == bool(found)
    if found:
        assert any_route.route == found[0]
    for route in found:
        named = [c.alpha_2 for c in route.named_transits]
        assert kb.can_resettle("KP", named, dest, on=day, exact=True).verdict is nk.Verdict.DOCUMENTED
        assert kb.can_resettle("KP", named, dest, on=day).verdict is nk.Verdict.DOCUMENTED
    for via in CODES[1:]:
        if via != dest:
            verdict = kb.can_resettle("KP", via, dest, on=day, exact=True).verdict
            matching = [r for r in found if [c.alpha_2 for c in r.named_transits] == [via]]
            assert (verdict is nk.Verdict.DOCUMENTED) == bool(matching)


def _passes(route: nk.Route, via: list[str]) -> bool:
    """Whether a route passes through the countries ``via`` in that order."""
    named = [c.alpha_2 for c in route.named_transits]
    return all(v in named for v in via) and [c for c in named if c in via] == via


WAYPOINTS = st.lists(st.sampled_from(CODES[1:]), min_size=1, max_size=3, unique=True)


@FAST
@given(knowledge_bases(), DESTS, DAYS, WAYPOINTS)
def test_waypoints_are_documented_when_some_route_passes_through_them_in_order(
        kb: nk.KnowledgeBase, dest: str, day: dt.date, via: list[str]) -> None:
    if dest in via:
        return
    every = kb.routes("KP", dest, on=day, max_transits=8, max_routes=100_000)
    a = kb.can_resettle("KP", via, dest, on=day)
    through = [r for r in every if _passes(r, via)
               and r.legs[0].channel is not nk.Channel.UNKNOWN_ROUTE]
    assert bool(a) == bool(through)
    if a:
        assert a.route in through and _passes(a.route, via)
        assert a.route.origin == nk.country("KP") and a.route.dest == nk.country(dest)
        assert set(a.alternatives) <= set(through)
    assert not a.exact and a.via == tuple(nk.country(v) for v in via)
    listed = kb.routes("KP", dest, on=day, via=via, max_transits=8, max_routes=100_000)
    assert set(listed) == set(through) and listed[:1] == ((a.route,) if a else ())
    exact = kb.routes("KP", dest, on=day, via=via, exact=True)
    assert exact == ((kb.can_resettle("KP", via, dest, on=day, exact=True).route,) if exact else ())


@FAST
@given(knowledge_bases(), DESTS, DAYS, WAYPOINTS)
def test_a_documented_exact_route_is_documented_as_waypoints(
        kb: nk.KnowledgeBase, dest: str, day: dt.date, via: list[str]) -> None:
    if dest in via:
        return
    exact = kb.can_resettle("KP", via, dest, on=day, exact=True)
    assert exact.exact
    if exact:
        assert kb.can_resettle("KP", via, dest, on=day)
        assert exact.route is not None
        assert kb.can_resettle("KP", exact.route, dest, on=day) == exact  # a Route is exact


@FAST
@given(knowledge_bases(), DESTS, DAYS, WAYPOINTS, st.sampled_from(CODES[1:]), st.data())
def test_adding_a_waypoint_never_adds_documented_routes(
        kb: nk.KnowledgeBase, dest: str, day: dt.date, via: list[str], extra: str,
        data: Any) -> None:
    from nkasylum.engine.waypoints import waypoint_routes

    if dest in via or extra in via or extra == dest:
        return
    more = list(via)
    more.insert(data.draw(st.integers(0, len(via))), extra)
    index = kb._index
    fewer_routes = set(waypoint_routes(index, "KP", tuple(via), dest, day, None, 100_000))
    more_routes = set(waypoint_routes(index, "KP", tuple(more), dest, day, None, 100_000))
    assert more_routes <= fewer_routes
    if kb.can_resettle("KP", more, dest, on=day):
        assert kb.can_resettle("KP", via, dest, on=day)


@FAST
@given(st.one_of(st.tuples(knowledge_bases(), DESTS), blocked_worlds()),
       st.lists(DAYS, min_size=1, max_size=6), WAYPOINTS, st.booleans(), HORIZONS, st.data())
def test_the_fast_paths_give_the_reference_verdicts(
        world: tuple[nk.KnowledgeBase, str], days: list[dt.date], via: list[str], exact: bool,
        horizon: dt.timedelta | None, data: Any) -> None:
    # assess_many reads interval tables (engine/fast/documented.py); can_resettle searches routes
    # on the day. Periods go through best_day, which reads the fast verdicts.
    kb, dest = world
    days = [*days, *data.draw(st.lists(st.sampled_from(_turning_days(kb, horizon)), max_size=4))]
    if dest in via:
        return
    rows = [("KP", via, dest, day) for day in days] + [("KP", None, dest, day) for day in days]
    fast = kb.assess_many(rows, exact=exact, horizon=horizon)
    slow = [attrs.evolve(kb).can_resettle(o, v, d, on=day, exact=exact, horizon=horizon).verdict
            for o, v, d, day in rows]
    assert list(fast) == slow
    for v in (via, None):
        for day in days:  # the routes listed are the answer's, on a fresh copy and on a warm one
            found = attrs.evolve(kb).routes("KP", dest, on=day, via=v, exact=exact, horizon=horizon,
                                            max_transits=3 if v is None else 8)
            answer = kb.can_resettle("KP", v, dest, on=day, exact=exact, horizon=horizon)
            assert found[:1] == ((answer.route,) if answer.route is not None else ())
    year = days[0].year
    period = kb.can_resettle("KP", via, dest, on=year, exact=exact, horizon=horizon)
    assert period.verdict is kb.can_resettle("KP", via, dest, on=period.on, exact=exact,
                                             horizon=horizon).verdict
    if period.verdict is not nk.Verdict.DOCUMENTED:
        assert not any(kb.can_resettle("KP", via, dest, on=dt.date(year, m, 1), exact=exact,
                                       horizon=horizon)
                       for m in range(1, 13))
    for day in days:
        answer = kb.can_resettle("KP", via, dest, on=day, exact=exact, horizon=horizon)
        if not answer and answer.last_known is not None:
            assert answer.last_known and answer.last_known.on < day


@FAST
@given(st.one_of(st.tuples(knowledge_bases(), DESTS), blocked_worlds()), HORIZONS, st.data())
def test_any_route_is_documented_iff_some_named_route_is(
        world: tuple[nk.KnowledgeBase, str], horizon: dt.timedelta | None, data: Any) -> None:
    # The any-route answer is the best of the named routes it could take (at most three
    # named transit countries), each asked exactly, with the same horizon: a passage only
    # carried forward documents neither where a block is seen or in force that day. (These
    # worlds have no counts of arrivals, which document a way no named route gives.)
    kb, dest = world
    day = data.draw(st.sampled_from(_turning_days(kb, horizon)))
    others = [c for c in CODES[1:] if c != dest]
    vias = [list(t) for n in range(4) for t in itertools.permutations(others, n)]
    named = kb.assess_many([("KP", v, dest, day) for v in vias], horizon=horizon, exact=True)
    any_route = kb.can_resettle("KP", None, dest, on=day, horizon=horizon)
    assert bool(any_route) == (nk.Verdict.DOCUMENTED in named)
    for route in (*kb.routes("KP", dest, on=day, horizon=horizon, max_routes=10),
                  *itertools.islice(kb.iter_routes("KP", dest, on=day, horizon=horizon), 10)):
        transits = [c.alpha_2 for c in route.named_transits]
        assert kb.can_resettle("KP", transits, dest, on=day, horizon=horizon, exact=True), route


@FAST
@given(blocked_worlds(), HORIZONS, st.data())
def test_a_carried_passage_never_outranks_a_block_on_an_any_route_answer(
        world: tuple[nk.KnowledgeBase, str], horizon: dt.timedelta | None, data: Any) -> None:
    # A horizon only adds ways, and a passage it only carries forward backs no leg of a
    # route found on a day on which the leg's origin sends people back with no exception, or
    # the destination is closed (a leg into it), as seen or in force that day.
    kb, dest = world
    day = data.draw(st.sampled_from(_turning_days(kb, horizon)))
    strict = kb.can_resettle("KP", None, dest, on=day)
    carried = kb.can_resettle("KP", None, dest, on=day, horizon=horizon)
    if strict:
        assert carried
    found = kb.routes("KP", dest, on=day, horizon=horizon)
    assert found[:1] == ((carried.route,) if carried else ())
    for route in found:
        for entry in dict.fromkeys(leg.passage or "" for leg in route.legs):
            if kb.support(entry, on=day).support in _DOCUMENTING:
                continue  # seen, between sightings or in force: outranks any policy
            passage = kb.entry(entry)
            assert isinstance(passage, nk.Passage) and isinstance(passage.origin, nk.Country)
            leaving = kb.policy(passage.origin.alpha_2, on=day)
            assert not (leaving is not None and (leaving.repatriates or leaving.returns_to)
                        and not leaving.exceptions), (route, entry)
            if passage.dest == nk.country(dest):
                arriving = kb.policy(dest, on=day)
                assert not (arriving is not None and (arriving.admits is False or arriving.repatriates
                                                      or arriving.returns_to)), (route, entry)


_DOCUMENTING = (nk.Support.SEEN, nk.Support.BETWEEN_SIGHTINGS, nk.Support.RULE)


@FAST
@given(knowledge_bases(), DESTS, st.lists(DAYS, min_size=1, max_size=4), WAYPOINTS)
def test_the_derived_answers_equal_the_leg_rule_in_verdict_route_and_support(
        kb: nk.KnowledgeBase, dest: str, days: list[dt.date], via: list[str]) -> None:
    # The derived answer (engine/fast/: the verdict from interval tables, bulk verdicts from
    # the same tables) against the reference: the leg rule of engine/legs.py walked leg by
    # leg, the route of the passages it chose, and each passage's support read on its own.
    if dest in via:
        return
    index = kb._index
    path = [nk.country(c) for c in ("KP", *via, dest)]
    bulk = kb.assess_many([("KP", via, dest, day) for day in days], exact=True)
    for day, bulk_verdict in zip(days, bulk, strict=True):
        legs = [leg_steps(index, a, b, day, b == path[-1]) for a, b in itertools.pairwise(path)]
        verdicts = [verdict for verdict, _, _ in legs]
        verdict = (nk.Verdict.BLOCKED if nk.Verdict.BLOCKED in verdicts else nk.Verdict.DOCUMENTED
                   if all(v is nk.Verdict.DOCUMENTED for v in verdicts) else nk.Verdict.UNDOCUMENTED)
        chosen = [p for _, p, _ in legs if p is not None]
        route = route_of(index, chosen) if verdict is nk.Verdict.DOCUMENTED else None
        answer = attrs.evolve(kb).can_resettle("KP", via, dest, on=day, exact=True)
        assert (answer.verdict, answer.route, bulk_verdict) == (verdict, route, verdict)
        if route is not None:
            backing = {b.entry: b.support for b in answer.backing}
            assert {p.id: backing[p.id] for p in chosen} == {
                p.id: kb.support(p.id, on=day).support for p in chosen}


@FAST
@given(knowledge_bases(), passages(99), DESTS, DAYS)
def test_adding_a_passage_never_removes_a_route(
        kb: nk.KnowledgeBase, extra: nk.Passage, dest: str, day: dt.date) -> None:
    before = _shapes(kb.routes("KP", dest, on=day))
    after = _shapes(kb.with_passage(extra).routes("KP", dest, on=day))
    assert before <= after


@FAST
@given(knowledge_bases(), DESTS, DAYS, st.data())
def test_removing_a_passage_never_adds_a_route(
        kb: nk.KnowledgeBase, dest: str, day: dt.date, data: Any) -> None:
    if not kb.all_passages:
        return
    gone = data.draw(st.sampled_from(kb.all_passages))
    before = _shapes(kb.routes("KP", dest, on=day))
    after = _shapes(kb.without(gone.id).routes("KP", dest, on=day))
    assert after <= before


@FAST
@given(knowledge_bases(), st.sampled_from(SPELLINGS["KP"]), st.sampled_from(SPELLINGS["KR"]),
       st.sampled_from(SPELLINGS["CN"]), DAYS)
def test_spelling_does_not_change_the_answer(
        kb: nk.KnowledgeBase, kp: str, kr: str, cn: str, day: dt.date) -> None:
    assert kb.can_resettle(kp, cn, kr, on=day) == kb.can_resettle("KP", "CN", "KR", on=day)
    assert kb.routes(kp, kr, on=day) == kb.routes("KP", "KR", on=day)


@FAST
@given(knowledge_bases(), DESTS, DAYS)
def test_same_inputs_same_answer_even_on_a_fresh_copy(
        kb: nk.KnowledgeBase, dest: str, day: dt.date) -> None:
    fresh = attrs.evolve(kb)  # an equal value with empty caches
    assert kb.can_resettle("KP", None, dest, on=day) == fresh.can_resettle("KP", None, dest, on=day)
    assert kb.routes("KP", dest, on=day) == fresh.routes("KP", dest, on=day)


@FAST
@given(knowledge_bases(), DESTS, DAYS)
def test_blocked_needs_evidence_and_documented_needs_a_route(
        kb: nk.KnowledgeBase, dest: str, day: dt.date) -> None:
    for via in (None, "CN", ["RU", "CN"]):
        try:
            a = kb.can_resettle("KP", via, dest, on=day)
        except nk.InvalidRouteError:
            continue
        if a.verdict is nk.Verdict.BLOCKED:
            assert a.evidence
        if a.verdict is nk.Verdict.DOCUMENTED:
            assert a.route is not None and a.evidence
        else:
            assert a.route is None


@settings(max_examples=examples(150), deadline=None)
@given(st.one_of(st.none(), st.text(max_size=12), st.integers(), st.floats(),
                 st.lists(st.text(max_size=4), max_size=3), st.binary(max_size=4)),
       st.one_of(st.text(max_size=12), st.integers()), DAYS)
def test_any_input_gives_an_answer_or_a_documented_error(via: object, dest: object, day: dt.date) -> None:
    try:
        a = nk.can_resettle("KP", via, dest, on=day)  # type: ignore[arg-type]
    except nk.NKAsylumError:
        return
    assert isinstance(a.verdict, nk.Verdict)


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.sampled_from(CODES), min_size=2, max_size=6, unique=True))
def test_route_text_round_trips(stops: list[str]) -> None:
    text = " > ".join(stops)
    route = nk.Route.parse(text)
    assert str(route) == text
    assert nk.Route.parse(str(route)) == route
