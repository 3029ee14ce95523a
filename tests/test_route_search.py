"""The route search's contract on generated worlds: the order of routes (fewest legs, then
newest evidence, then the route's text), ``max_routes`` as a prefix of that order, the
``max_transits`` limit, no country twice, and ``iter_routes`` finding the same routes."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nkasylum as nk

CODES = ["KP", "CN", "RU", "KR", "TH", "LA", "MN", "JP", "US"]
DAY = dt.date(2024, 1, 1)
# Sources reporting in different years, so that routes differ in how new their evidence is.
SOURCES = tuple(nk.Source(id=f"s{year}", title="t", document="seeds/x.txt",
                          kind=nk.SourceKind.UNATTRIBUTED, published=nk.When.parse(str(year)))
                for year in (2001, 2011, 2021))
FEW = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _passage(i: int, a: str, b: str, source: int, through: bool) -> nk.Passage:
    return nk.Passage(id=f"p{i}", origin=nk.country(a), dest=nk.country(b),
                      channel=nk.Channel.BROKER, summary="s", basis=nk.Basis.RULE,
                      evidence=(nk.Evidence(SOURCES[source].id, "one two three", "generated"),),
                      valid_from=nk.When.parse("1990"), via_third_country=through)


def _world(passages: list[nk.Passage]) -> nk.KnowledgeBase:
    return nk.KnowledgeBase(all_sources=SOURCES, all_passages=tuple(passages), scope=tuple(CODES))


@st.composite
def _worlds(draw: Any) -> nk.KnowledgeBase:
    pairs = draw(st.lists(st.lists(st.sampled_from(CODES[:7]), min_size=2, max_size=2, unique=True),
                          max_size=30))
    return _world([_passage(i, a, b, draw(st.integers(0, 2)), draw(st.booleans()))
                   for i, (a, b) in enumerate(pairs)])


def _rank(kb: nk.KnowledgeBase, route: nk.Route) -> tuple[int, int, str]:
    """The documented order, from the route's own legs and its passages' sources."""
    by_id = {p.id: p for p in kb.all_passages}
    published = {s.id: s.published.lower for s in kb.all_sources
                 if s.published is not None and s.published.lower is not None}
    newest = max(published[e.source] for leg in route.legs
                 for e in by_id[leg.passage or ""].evidence)
    return len(route.legs), -newest.toordinal(), str(route)


@FEW
@given(_worlds(), st.sampled_from(CODES[:7]), st.sampled_from(CODES[:7]), st.integers(0, 3))
def test_routes_come_best_first_and_max_routes_keeps_the_best(
        kb: nk.KnowledgeBase, origin: str, dest: str, transits: int) -> None:
    if origin == dest:
        return
    every = kb.routes(origin, dest, on=DAY, max_transits=transits, max_routes=10**6)
    ranks = [_rank(kb, r) for r in every]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)
    for most in (1, 2, 3, 5):
        fresh = _world(list(kb.all_passages))  # nothing cached from the longer answer
        assert fresh.routes(origin, dest, on=DAY, max_transits=transits, max_routes=most) == \
            every[:most]
    for route in every:
        assert nk.Route(route.legs) == route  # valid: legs join, no country twice
        assert all(leg == nk.Leg(leg.origin, leg.dest, leg.channel, leg.passage) for leg in route.legs)
        assert len(route.named_transits) <= transits
        assert (route.origin, route.dest) == (nk.country(origin), nk.country(dest))


@FEW
@given(_worlds(), st.sampled_from(CODES[:7]), st.sampled_from(CODES[:7]), st.integers(0, 3))
def test_iter_routes_finds_the_same_routes_fewer_passages_first(
        kb: nk.KnowledgeBase, origin: str, dest: str, transits: int) -> None:
    if origin == dest:
        return
    lazily = list(kb.iter_routes(origin, dest, on=DAY, max_transits=transits))
    every = kb.routes(origin, dest, on=DAY, max_transits=transits, max_routes=10**6)
    assert sorted(map(str, lazily)) == sorted(map(str, every))
    passages = [len({leg.passage for leg in r.legs}) for r in lazily]
    assert passages == sorted(passages)


def test_at_most_max_routes_routes_by_default() -> None:
    # Every pair of nine countries linked: 260 routes from KP to KR through at most three.
    kb = _world([_passage(i, a, b, i % 3, False)
                 for i, (a, b) in enumerate(itertools.permutations(CODES, 2))])
    every = kb.routes("KP", "KR", on=DAY, max_routes=10**6)
    assert len(every) == 1 + 7 + 7 * 6 + 7 * 6 * 5
    assert kb.routes("KP", "KR", on=DAY) == every[:100]
    assert [len(r.named_transits) for r in every[:8]] == [0, 1, 1, 1, 1, 1, 1, 1]


def test_a_longer_route_with_newer_evidence_ranks_before_one_through_a_third_country() -> None:
    # Both have two legs: the direct passage through an unnamed third country (2001), and
    # two passages through China (2021). The newer evidence ranks first, however few are asked.
    kb = _world([_passage(0, "KP", "KR", 0, True), _passage(1, "KP", "CN", 2, False),
                 _passage(2, "CN", "KR", 2, False)])
    for transits in (3, 4):
        assert [str(r) for r in kb.routes("KP", "KR", on=DAY, max_transits=transits)] == [
            "KP > CN > KR", "KP > third country > KR"]
        assert [str(r) for r in kb.routes("KP", "KR", on=DAY, max_transits=transits,
                                          max_routes=1)] == ["KP > CN > KR"]
