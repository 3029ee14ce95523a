"""Route search: every documented chain of passages from an origin to a destination on a day.

A route is documented when every leg is backed by a passage that applies on the day. The
search never revisits a country and prunes with backward distances from the destination.
It reads each country's passages from tables cached per span of days
(:mod:`nkasylum.engine.fast.adjacency`), ranks chains of passages by plain tuples and builds
:class:`~nkasylum.Route` values only for the routes it returns
(:mod:`nkasylum.engine.fast.chains`); the answer is cached for every day on which the tables it
read are the same.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
from collections.abc import Iterator, Sequence
from operator import itemgetter

from nkasylum.core.countries import Country
from nkasylum.core.errors import InvalidRouteError
from nkasylum.core.periods import resolve_on
from nkasylum.engine import arguments
from nkasylum.engine.fast.adjacency import (
    Incoming,
    Outgoing,
    dated_get,
    dated_put,
    incoming,
    outgoing,
    passage_legs,
    passage_newest,
    reach,
    span_of,
    whole,
)
from nkasylum.engine.fast.chains import chain_rank, chain_route, chain_steps
from nkasylum.engine.index import Index
from nkasylum.engine.timeline import closed, sends_back
from nkasylum.model.passages import Passage
from nkasylum.model.routes import Route
from nkasylum.model.sources import Evidence

__all__ = ["ANY_ROUTE_TRANSITS", "MAX_ROUTES", "WAYPOINT_TRANSITS", "edges",
           "find_routes", "iter_routes", "passage_newest", "route_evidence", "route_of"]

ANY_ROUTE_TRANSITS = 3
"""How many named transit countries an any-route question (``via=None``) looks through."""

WAYPOINT_TRANSITS = 8
"""How many named transit countries a waypoint question (``via`` without ``exact``) looks
through: the most a route may name, the same for every list of waypoints, so that an exact
route is always among the routes through its transit countries as waypoints, and adding a
waypoint never adds a route."""


def edges(index: Index, code: str, day: dt.date,
          horizon: dt.timedelta | None = None) -> dict[str, Passage]:
    """The documented passages out of country ``code`` on ``day``: the best one per
    destination, keyed by the destination's code, in code order.

    Cached per span of days over which the same passages apply, so a search on another
    day of the same span costs one bisection. Codes rather than countries key it: a str
    hashes in C, a Country in Python.
    """
    return outgoing(index, code, day.toordinal(), horizon).best


def route_of(index: Index, passages: Sequence[Passage]) -> Route:
    """The route that follows these passages (a passage via a third country gives two legs)."""
    return Route(tuple(leg for p in passages for leg in passage_legs(index, p)))


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
    Between two countries, a leg is backed by their passage with the newest evidence (then
    one through no third country, then the greatest id). Each leg follows the leg rule of
    :func:`nkasylum.engine.legs.leg_verdict`: with a ``horizon``, a passage only carried
    forward never backs a leg on a day on which a block is seen or in force (its origin
    sends North Koreans back with no documented exception, or, on the last leg, ``dest`` is
    closed), so an any-route answer is documented only when some named route is.

    Cost: the search keeps only the ``max_routes`` best chains so far (memory bounded by
    ``max_routes`` and the search depth). Up to four passages (three transits) it walks
    every length at once; deeper, one length at a time, and it stops at the first length
    after which no longer route can rank among those kept. Time grows with the number of
    chains of the lengths it visits.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> [str(r) for r in nk.routes("KP", "KR", on=dt.date(2009, 12, 23))]
        ['KP > RU > KR', 'KP > CN > TH > KR', 'KP > CN > third country > KR', 'KP > CN > LA > TH > KR']
    """
    start, goal, day, limit = _question(index, origin, dest, on, max_transits)
    most = arguments.max_routes(max_routes)
    key = (start.alpha_2, goal.alpha_2, limit, horizon, most)
    found = index.caches.routes.get(key)
    known: _Found | None = dated_get(found, day.toordinal())
    if known is not None:
        return known.routes
    search = _Search(index, start.alpha_2, goal.alpha_2, day, horizon)
    steps = chain_steps(index)
    kept: list[tuple[tuple[int, int, str], tuple[Passage, ...]]] = []
    heap: list[tuple[_Negated, int, tuple[Passage, ...]]] = []  # once full: the worst kept on top
    count = 0
    # Up to the any-route depth, one search finds the chains of every length at once: it
    # walks the tree the longest would walk alone. Deeper, one length at a time, so that the
    # search can stop as soon as no longer chain can rank among those kept.
    every = limit <= ANY_ROUTE_TRANSITS
    for length in ([limit + 1] if every else range(1, limit + 2)):
        for chain in (search.up_to_four(length) if every else search.chains(length)):
            if search.hard is not None and not search.fits(chain):
                continue
            rank = chain_rank(index, steps, start.alpha_2, chain)
            if len(kept) < most:
                kept.append((rank, chain))
                if len(kept) == most:
                    heap = [(_Negated(r), i, c) for i, (r, c) in enumerate(kept)]
                    heapq.heapify(heap)
                    count = most
            elif rank < heap[0][0].rank:
                count += 1
                heapq.heapreplace(heap, (_Negated(rank), count, chain))
        # Chains of more passages have more than ``length`` legs: once the worst route kept
        # has no more legs than that, none can rank better.
        if heap and heap[0][0].rank[0] <= length:
            break
    best = sorted(((entry[0].rank, entry[2]) for entry in heap) if heap else kept,
                  key=itemgetter(0))
    routes = tuple(chain_route(index, steps, chain) for _, chain in best)
    first, last = search.span()
    if not routes:
        counted = index.counted_arrivals(start.alpha_2, goal.alpha_2, day, horizon)
        if counted is not None and (search.hard is None or search.fits((counted,))):
            routes = (route_of(index, (counted,)),)
        first, last = _counted_span(index, start.alpha_2, goal.alpha_2, search.day, horizon,
                                    first, last)
    return dated_put(index.caches.routes, key, found, _Found(first, last, routes),
                     sum(len(r.legs) for r in routes)).routes


def iter_routes(index: Index, origin: object, dest: object, *, on: object = None,
                max_transits: object = ANY_ROUTE_TRANSITS,
                horizon: dt.timedelta | None = None) -> Iterator[Route]:
    """Every documented route from ``origin`` to ``dest`` on ``on``, lazily: fewer passages
    first, in no further order; nothing is kept but the search path, so a caller can stop
    at any point (see :func:`nkasylum.iter_routes`). A bad argument raises at the call, not
    at the first route."""
    start, goal, day, limit = _question(index, origin, dest, on, max_transits)
    search = _Search(index, start.alpha_2, goal.alpha_2, day, horizon)
    steps = chain_steps(index)
    return (chain_route(index, steps, chain) for length in range(1, limit + 2)
            for chain in search.chains(length) if search.hard is None or search.fits(chain))


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


class _Found:
    """The routes found, and the first and last day (ordinals) on which they are the answer."""

    __slots__ = ("first", "last", "routes")

    def __init__(self, first: int, last: int, routes: tuple[Route, ...]) -> None:
        self.first = first
        self.last = last
        self.routes = routes


def _counted_span(index: Index, start: str, goal: str, day: int, horizon: dt.timedelta | None,
                  first: int, last: int) -> tuple[int, int]:
    """The days from ``first`` to ``last`` around ``day`` (ordinals) on which counts of
    arrivals in ``goal`` document the same way-unknown passage from ``start`` (or none)."""
    dated = []
    for p in index.counted.get(goal, ()):
        days = reach(index, p, horizon)
        if isinstance(p.origin, Country) and p.origin.alpha_2 == start and days is not None:
            dated.append((*days, start, p))
    lo, hi, _ = span_of(dated, day)
    return max(first, lo), min(last, hi)


class _Search:
    """One route question's search on one day: the tables it has read (kept here, so that
    each is looked up once, and so that the answer's span of days is theirs, unless it reads
    the tables of every country at once) and the backward distances to the destination
    found so far."""

    __slots__ = ("date", "day", "depth", "dist", "frontier", "goal", "hard", "horizon", "index",
                 "ins", "outs", "start", "whole")

    def __init__(self, index: Index, start: str, goal: str, day: dt.date,
                 horizon: dt.timedelta | None) -> None:
        self.index = index
        self.start = start
        self.goal = goal
        self.day = day.toordinal()
        self.horizon = horizon
        self.whole = whole(index, self.day, horizon)
        # With every country's tables at hand, a country missing from them has no passages.
        self.outs: dict[str, Outgoing] = {} if self.whole is None else self.whole.outs
        self.ins: dict[str, Incoming] = {} if self.whole is None else self.whole.ins
        self.dist = {goal: 0}
        self.frontier = [goal]
        self.depth = 0
        self.date = day
        # With a horizon: whether each country read so far blocks, as seen or in force on the
        # day (sends back with no exception, or, as the destination, is closed); see fits().
        self.hard: dict[tuple[str, bool], bool] | None = None if horizon is None else {}

    def out_of(self, code: str) -> Outgoing:
        """The passages out of ``code``, for a country not yet in :attr:`outs`."""
        if self.whole is not None:
            return self.whole.none_out
        table = self.outs[code] = outgoing(self.index, code, self.day, self.horizon)
        return table

    def into(self, code: str) -> Incoming:
        """The countries with a passage into ``code``, for one not yet in :attr:`ins`."""
        if self.whole is not None:
            return self.whole.none_in
        table = self.ins[code] = incoming(self.index, code, self.day, self.horizon)
        return table

    def before(self, code: str) -> tuple[str, ...]:
        """The countries with a passage into ``code``."""
        table = self.ins.get(code)
        return (table or self.into(code)).origins

    def deepen(self, depth: int) -> None:
        """Extend the backward distances to the countries ``depth`` passages from the goal."""
        dist = self.dist
        while self.depth < depth:
            self.depth += 1
            nxt = []
            for node in self.frontier:
                for before in self.before(node):
                    if before not in dist:
                        dist[before] = self.depth
                        nxt.append(before)
            self.frontier = nxt

    def span(self) -> tuple[int, int]:
        """The first and last day (ordinals) on which every table read so far is the same."""
        if self.whole is not None:
            first, last = self.whole.first, self.whole.last
        else:
            tables: list[Outgoing | Incoming] = [*self.outs.values(), *self.ins.values()]
            first, last = max(t.first for t in tables), min(t.last for t in tables)
        if self.horizon is not None:
            # fits() read what is seen or in force on the day: the same between two of the
            # breakpoints without a horizon
            points = self.index.breakpoints(None)
            i = bisect.bisect_right(points, self.date)
            if i:
                first = max(first, points[i - 1].toordinal())
            if i < len(points):
                last = min(last, points[i].toordinal() - 1)
        return first, last

    def fits(self, chain: Sequence[Passage], goal: str | None = None) -> bool:
        """Whether every passage of a chain backs its leg on the day by the leg rule (see
        :func:`nkasylum.engine.legs.leg_verdict`): with a horizon, a passage only carried
        forward never outranks a block seen or in force that day, its origin sending North
        Koreans back with no documented exception or, on a leg into the journey's
        destination (``goal``, by default the search's), that destination closed. Without a
        horizon every passage found fits (:attr:`hard` is then ``None``)."""
        hard = self.hard
        if hard is None:
            return True
        target = self.goal if goal is None else goal
        timings, day = self.index.timings, self.date
        for p in chain:
            if timings[p.id].covers(day, None):
                continue  # seen, between sightings or in force: not only carried
            a, b = p.origin, p.dest
            assert isinstance(a, Country) and isinstance(b, Country)
            if self._blocks(hard, a.alpha_2, True) or (
                    b.alpha_2 == target and self._blocks(hard, target, False)):
                return False
        return True

    def _blocks(self, hard: dict[tuple[str, bool], bool], code: str, leaving: bool) -> bool:
        """Whether ``code`` blocks on the day as seen or in force (no horizon): on leaving, it
        sends people back with no documented exception; as a destination, it is closed."""
        found = hard.get((code, leaving))
        if found is None:
            policy = self.index.policy(code, self.date, None)
            found = hard[(code, leaving)] = (
                sends_back(policy) and policy is not None and not policy.exceptions
                if leaving else closed(policy))
        return found

    def up_to_four(self, most: int) -> Iterator[tuple[Passage, ...]]:
        """Every chain of at most ``most`` passages (four at most) from the start to the goal
        that visits no country twice: the search of :meth:`chains`, written out level by
        level (no stack of partial paths), in another order.

        A country two passages before the end must be within two of the goal, one a
        passage before the end within one: those are found by intersecting a table's
        destinations with the sets of such countries (in C, not a Python loop), which
        yields the chains in no fixed order; the caller ranks them."""
        assert most <= 4
        target, start, outs, out_of = self.goal, self.start, self.outs, self.out_of
        one = set(self.before(target))
        if not one:  # nothing leads into the goal on that day
            return
        two = one.union(*map(self.before, one)) if most == 4 else one  # before the last two
        first = (outs.get(start) or out_of(start)).best  # the tables read inline: the hot loop
        last = first.get(target)
        if last is not None:
            yield (last,)
        if most == 1:
            return
        for x, p1 in first.items():
            if x in (target, start) or (most == 2 and x not in one):
                continue
            second = (outs.get(x) or out_of(x)).best
            last = second.get(target)
            if last is not None:
                yield (p1, last)
            if most == 2:
                continue
            for y in second.keys() & two:
                if y in (target, start, x):
                    continue
                third = (outs.get(y) or out_of(y)).best
                last = third.get(target)
                if last is not None:
                    yield (p1, second[y], last)
                if most == 3:
                    continue
                for z in third.keys() & one:
                    if z in (start, x, y):  # never the target: not in ``one``
                        continue
                    last = (outs.get(z) or out_of(z)).best.get(target)
                    if last is not None:
                        yield (p1, second[y], third[z], last)

    def chains(self, length: int) -> Iterator[tuple[Passage, ...]]:
        """Every chain of exactly ``length`` passages from the start to the goal that visits
        no country twice, lazily.

        A depth-first search that never revisits a country on the current path, and
        prunes any step into a country that cannot reach the goal with the passages left:
        the backward distances of countries near the goal are computed first (up to half
        the length), and a country not among them is at least one step further away.
        """
        self.deepen(max(1, length // 2))
        dist, outs, target = self.dist, self.outs, self.goal
        if len(dist) == 1:  # nothing leads into the goal on that day
            return
        far = self.depth + 1
        stack: list[tuple[str, tuple[Passage, ...], tuple[str, ...]]] = [
            (self.start, (), (self.start,))]
        while stack:
            here, path, seen = stack.pop()
            table = outs.get(here)
            if table is None:
                table = self.out_of(here)
            best = table.best
            left = length - len(path) - 1  # passages left after the next one
            if left == 0:
                last = best.get(target)
                if last is not None:
                    yield (*path, last)
                continue
            if left >= far:  # every country passes the distance test
                for nxt, passage in best.items():
                    if nxt != target and nxt not in seen:
                        stack.append((nxt, (*path, passage), (*seen, nxt)))
            else:
                for nxt, passage in best.items():
                    if nxt != target and nxt not in seen and dist.get(nxt, far) <= left:
                        stack.append((nxt, (*path, passage), (*seen, nxt)))
