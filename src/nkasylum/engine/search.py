"""Route search: every documented chain of passages from an origin to a destination on a day.

A route is documented when every leg is backed by a passage that applies on the day. The
search never revisits a country, prunes with backward distances from the destination, and
caches each country's outgoing passages per span of days over which they do not change.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
from collections.abc import Iterator, Sequence
from typing import Any

from nkasylum.core.countries import Country
from nkasylum.core.errors import ArgumentTypeError, InvalidRouteError
from nkasylum.core.periods import resolve_on
from nkasylum.core.places import THIRD_COUNTRY
from nkasylum.engine import arguments
from nkasylum.engine.index import Index
from nkasylum.model.passages import Passage
from nkasylum.model.routes import Leg, Route
from nkasylum.model.sources import Evidence

__all__ = ["ANY_ROUTE_TRANSITS", "MAX_ROUTES", "distances_to", "edges", "find_routes", "iter_routes",
           "passage_newest", "route_evidence", "route_of"]

ANY_ROUTE_TRANSITS = 3
"""How many named transit countries an any-route question (``via=None``) looks through."""


def passage_newest(index: Index, p: Passage) -> dt.date:
    """The newest evidence date behind one passage (``date.min`` if none is dated)."""
    key = ("newest", p.id)
    memo = index.memo
    found = memo.get(key)
    if found is None:
        found = max((index.reported(e) or dt.date.min for e in p.evidence), default=dt.date.min)
        memo[key] = found
    return found


def _best(candidates: Sequence[Passage], index: Index) -> Passage:
    def rank(p: Passage) -> tuple[Any, ...]:
        return (passage_newest(index, p), not p.via_third_country, p.id)

    return max(candidates, key=rank)


def edges(index: Index, code: str, day: dt.date,
          horizon: dt.timedelta | None = None) -> dict[str, Passage]:
    """The documented passages out of country ``code`` on ``day``: the best one per
    destination, keyed by the destination's code, in code order.

    Cached per span of days over which the same passages apply, so a search on another
    day of the same span costs one bisection. Codes rather than countries key it: a str
    hashes in C, a Country in Python.
    """
    key = ("edges", code, bisect.bisect_right(index.bounds_from(code, horizon), day), horizon)
    memo = index.cache()
    found: dict[str, Passage] | None = memo.get(key)
    if found is None:
        grouped: dict[str, list[Passage]] = {}
        for p in index.passages_from.get(code, ()):
            if isinstance(p.dest, Country) and index.covers(p.id, day, horizon):
                grouped.setdefault(p.dest.alpha_2, []).append(p)
        found = {dest: _best(ps, index) for dest, ps in sorted(grouped.items())}
        memo[key] = found
    return found


def _sources_into(index: Index, code: str, day: dt.date,
                  horizon: dt.timedelta | None) -> frozenset[str]:
    """The codes of the countries with a documented passage into ``code`` on ``day``."""
    key = ("into", code, bisect.bisect_right(index.bounds_to(code, horizon), day), horizon)
    memo = index.cache()
    found: frozenset[str] | None = memo.get(key)
    if found is None:
        found = frozenset(p.origin.alpha_2 for p in index.passages_to.get(code, ())
                          if isinstance(p.origin, Country) and index.covers(p.id, day, horizon))
        memo[key] = found
    return found


def distances_to(index: Index, goal: str, day: dt.date, depth: int,
                 horizon: dt.timedelta | None = None) -> dict[str, int]:
    """How many passages each country needs at least to reach ``goal`` on ``day``, for the
    countries that need at most ``depth`` (a breadth-first search backwards from ``goal``)."""
    dist = {goal: 0}
    frontier = [goal]
    for level in range(1, depth + 1):
        nxt = []
        for node in frontier:
            for before in _sources_into(index, node, day, horizon):
                if before not in dist:
                    dist[before] = level
                    nxt.append(before)
        frontier = nxt
    return dist


def _legs(index: Index, p: Passage) -> tuple[Leg, ...]:
    key = ("legs", p.id)
    memo = index.memo
    found = memo.get(key)
    if found is None:
        if p.via_third_country:
            found = (Leg(p.origin, THIRD_COUNTRY, p.channel, p.id),
                     Leg(THIRD_COUNTRY, p.dest, p.channel, p.id))
        else:
            found = (Leg(p.origin, p.dest, p.channel, p.id),)
        memo[key] = found
    return found


def route_of(index: Index, passages: Sequence[Passage]) -> Route:
    """The route that follows these passages (a passage via a third country gives two legs)."""
    return Route(tuple(leg for p in passages for leg in _legs(index, p)))


def route_evidence(index: Index, route: Route) -> tuple[Evidence, ...]:
    """The evidence of the passages behind a route's legs, once each."""
    passages = [index.passage(leg.passage) for leg in route.legs if leg.passage]
    return tuple(dict.fromkeys(e for p in passages for e in p.evidence))


MAX_ROUTES = 100
"""How many routes :func:`find_routes` returns at most unless asked for more (best first)."""


def find_routes(index: Index, origin: object, dest: object, *, on: object = None,
                max_transits: object = ANY_ROUTE_TRANSITS,
                horizon: dt.timedelta | None = None,
                max_routes: object = MAX_ROUTES) -> tuple[Route, ...]:
    """The best documented routes from ``origin`` to ``dest`` on ``on``, at most ``max_routes``.

    Routes visit no country twice and name at most ``max_transits`` transit countries
    (unnamed third countries do not count). Best first means fewest legs, then newest
    evidence, then alphabetical order of the route's text. When no chain of passages is
    documented but counts of arrivals in ``dest`` document that some way was used then,
    the one route returned is that way, route unknown (a single leg whose channel is
    ``unknown-route``): never a route the sources do not give.

    Cost: chains are searched by number of passages, one length at a time, keeping only
    the ``max_routes`` best so far (memory bounded by ``max_routes`` and the search
    depth); the search stops at the first length after which no longer route can rank
    among them. Time grows with the number of chains of the lengths it visits.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> [str(r) for r in nk.routes("KP", "KR", on=dt.date(2009, 12, 23))]
        ['KP > RU > KR', 'KP > CN > TH > KR']
    """
    start, goal, day, limit = _question(index, origin, dest, on, max_transits)
    most = _max_routes(max_routes)
    # Keyed by the span of days, not the day: the routes change only when a passage or a
    # count of arrivals starts or stops answering, so every day of a span shares them.
    span = bisect.bisect_right(index.breakpoints(horizon), day)
    key = ("routes", start.alpha_2, goal.alpha_2, span, limit, horizon, most)
    memo = index.cache()
    cached = memo.get(key)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    best: list[tuple[_Negated, int, Route]] = []  # the worst kept on top; size <= most
    count = 0
    for length in range(1, limit + 2):
        for chain in _chains(index, start, goal, day, length, horizon):
            route = route_of(index, chain)
            newest = max(passage_newest(index, p) for p in chain)
            rank = (len(route.legs), -newest.toordinal(), str(route))
            count += 1
            entry = (_Negated(rank), count, route)
            if len(best) < most:
                heapq.heappush(best, entry)
            elif rank < best[0][0].rank:
                heapq.heapreplace(best, entry)
        # Chains of more passages have more than ``length`` legs: once the worst route kept
        # has no more legs than that, none can rank better.
        if len(best) >= most and best[0][0].rank[0] <= length:
            break
    result = tuple(route for _, _, route in sorted(best, key=lambda entry: entry[0].rank))
    if not result:
        counted = index.counted_arrivals(start.alpha_2, goal.alpha_2, day, horizon)
        if counted is not None:
            result = (route_of(index, (counted,)),)
    memo[key] = result
    return result


def iter_routes(index: Index, origin: object, dest: object, *, on: object = None,
                max_transits: object = ANY_ROUTE_TRANSITS,
                horizon: dt.timedelta | None = None) -> Iterator[Route]:
    """Every documented route from ``origin`` to ``dest`` on ``on``, lazily: fewer passages
    first, in no further order; nothing is kept but the search path, so a caller can stop
    at any point (see :func:`nkasylum.iter_routes`). A bad argument raises at the call, not
    at the first route."""
    start, goal, day, limit = _question(index, origin, dest, on, max_transits)
    return (route_of(index, chain) for length in range(1, limit + 2)
            for chain in _chains(index, start, goal, day, length, horizon))


def _question(index: Index, origin: object, dest: object, on: object,
              max_transits: object) -> tuple[Country, Country, dt.date, int]:
    """The checked arguments of a route question: origin, destination, day, transit limit."""
    start = arguments.origin(index, origin)
    goal = arguments.country_arg(dest, "dest")
    if start == goal:
        # An empty answer would read as "no documented route"; the question is malformed.
        raise InvalidRouteError(f"origin and dest are both {start.alpha_2}; a route visits no "
                                "country twice")
    return start, goal, resolve_on(on), arguments.max_transits(max_transits)


class _Negated:
    """Orders ranks in reverse, so that :mod:`heapq`'s min-heap keeps the worst on top."""

    __slots__ = ("rank",)

    def __init__(self, rank: tuple[int, int, str]) -> None:
        self.rank = rank

    def __lt__(self, other: _Negated) -> bool:
        return self.rank > other.rank


def _max_routes(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentTypeError(f"max_routes= takes an int, not {value!r}")
    if value < 1:
        raise InvalidRouteError(f"max_routes must be at least 1, not {value}")
    return value


def _chains(index: Index, start: Country, goal: Country, day: dt.date,
            length: int, horizon: dt.timedelta | None) -> Iterator[tuple[Passage, ...]]:
    """Every chain of exactly ``length`` passages from ``start`` to ``goal`` on ``day`` that
    visits no country twice, lazily.

    A depth-first search that never revisits a country on the current path, and prunes
    any step into a country that cannot reach ``goal`` with the passages left: the
    backward distances of countries near ``goal`` are computed first (up to half the
    length), and a country not among them is at least one step further away.
    """
    depth = max(1, length // 2)
    target = goal.alpha_2
    dist = distances_to(index, target, day, depth, horizon)
    if len(dist) == 1:  # nothing leads into goal on that day
        return
    stack: list[tuple[str, tuple[Passage, ...], frozenset[str]]] = [
        (start.alpha_2, (), frozenset({start.alpha_2}))]
    while stack:
        here, path, seen = stack.pop()
        left = length - len(path) - 1  # passages left after the next one
        for nxt, passage in edges(index, here, day, horizon).items():
            if nxt == target:
                if left == 0:
                    yield (*path, passage)
            elif left > 0 and nxt not in seen and dist.get(nxt, depth + 1) <= left:
                stack.append((nxt, (*path, passage), seen | {nxt}))
