"""Quick answers: a process's first named-route questions, read from tables compiled with the
bundled data, before the knowledge base is built.

Building the bundled knowledge base (parsing the bundle, building its entries, indexing
them) is most of a cold start, and the verdict of a named route needs none of it: the leg
rule reads, for each country on the route, the days its passages lead to each country and
the days its policy sends people back or shuts them out (:data:`~nkasylum.engine.fast.documented.CountryDays`),
and the route of a documented answer is the legs of the passage that backs each leg on the
day. ``python -m nkasylum._compile`` writes those tables, for the default horizon, into
``data/quick.json`` beside the bundle, from the knowledge base built from the TOML files;
they are served only while the fingerprint of the TOML files matches, and a test fails
while they differ from what the engine computes.

:meth:`QuickTables.journey_answer` (for a journey the domain's door resolved, see
:func:`nkasylum.engine.knowledge.can_resettle`) gives the same answer as
:meth:`nkasylum.KnowledgeBase.can_resettle` on the bundled knowledge base: the same
verdict and route, read by the same rule (:func:`~nkasylum.engine.fast.documented.verdict_from`),
and details (steps, evidence, last known...) worked out from the knowledge base when one is
first read, which builds it then. It answers only what the tables hold (a named route, exact or
as waypoints, a single day, no horizon, valid arguments) and only until the knowledge base is built; for
anything else it returns ``None`` and the caller asks the knowledge base, which also
raises the errors (but those of the journey itself, which the door raises as it resolves it).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import threading
from collections.abc import Callable, Mapping
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from nkasylum.core.countries import Country
from nkasylum.core.errors import NKAsylumError
from nkasylum.core.periods import today
from nkasylum.core.places import place, place_code, place_label
from nkasylum.core.resources import bundled_quick
from nkasylum.engine import arguments
from nkasylum.engine.assessment import answer_details, pending_answer
from nkasylum.engine.fast.adjacency import passage_legs, passage_newest
from nkasylum.engine.fast.documented import CountryDays, Days, country_days, verdict_from, within
from nkasylum.engine.search import WAYPOINT_TRANSITS, edges
from nkasylum.model.assessment import Assessment
from nkasylum.model.passages import Channel
from nkasylum.model.provenance import DataVersion
from nkasylum.model.routes import Leg, Route
from nkasylum.model.sources import Source
from nkasylum.model.verdicts import Verdict

if TYPE_CHECKING:  # the knowledge base imports this module: only its type is named here
    from nkasylum.engine.knowledge import KnowledgeBase

Bundled = Callable[[], "KnowledgeBase"]
"""What builds (once) and returns the bundled knowledge base: where a quick answer's details
and citations come from when first read."""

__all__ = ["QuickTables", "bundled_tables", "quick_tables"]

_NOTHING: CountryDays = ({}, (), ())  # a country the data says nothing about


def quick_tables(kb: KnowledgeBase) -> dict[str, Any]:
    """The tables of quick answers of a knowledge base, as plain JSON values.

    ``scope``: the origins it covers. ``days``: for each country with a passage or a
    policy, its :data:`~nkasylum.engine.fast.documented.CountryDays` for the default horizon,
    days as ordinals. ``legs``: for each origin and destination, the spans of days (first
    and last ordinal) over which one passage backs that leg, with the legs of that passage
    (origin, destination and channel, as codes and values; a passage via a third country
    gives two). ``newest``: for each passage in ``legs``, the ordinal of its newest evidence
    (what ranks routes through waypoints, see
    :func:`~nkasylum.engine.waypoints.waypoint_routes`).
    """
    index = kb._index
    codes = sorted(set(index.policies) | set(index.passages_from) | set(index.passages_to))
    days: dict[str, list[Any]] = {}
    for code in codes:
        out, strict, closing = country_days(index, code, None)
        if out or strict or closing:
            days[code] = [{b: _ordinals(d) for b, d in sorted(out.items())}, _ordinals(strict),
                          _ordinals(closing)]
    cuts = [dt.date.min, *index.breakpoints(None)]
    legs: dict[str, dict[str, list[list[Any]]]] = {}
    for origin in sorted(index.passages_from):
        if not isinstance(place(origin), Country):  # a region: a named route runs through countries
            continue
        for first, following in itertools.zip_longest(cuts, cuts[1:]):
            last = dt.date.max if following is None else following - dt.timedelta(days=1)
            for dest, passage in edges(index, origin, first).items():
                spans = legs.setdefault(origin, {}).setdefault(dest, [])
                if spans and spans[-1][2] == passage.id and spans[-1][1] + 1 == first.toordinal():
                    spans[-1][1] = last.toordinal()
                    continue
                spans.append([first.toordinal(), last.toordinal(), passage.id, [
                    [place_code(leg.origin), place_code(leg.dest),
                     leg.channel.value if leg.channel else None]
                    for leg in passage_legs(index, passage)]])  # the legs the search gives it
    newest = {span[2]: passage_newest(index, index.passage(span[2])).toordinal()
              for dests in legs.values() for spans in dests.values() for span in spans}
    return {"scope": list(index.scope_order), "days": days, "legs": legs,
            "newest": dict(sorted(newest.items()))}


def _ordinals(days: Days) -> list[list[int]]:
    return [[lo.toordinal(), hi.toordinal()] for lo, hi in days]


class QuickTables:
    """Parsed tables of quick answers (:func:`quick_tables`); each country's days are turned
    into dates when first read. ``bundled`` gives the knowledge base they were compiled from,
    which works out an answer's details and citations when first read."""

    def __init__(self, raw: Mapping[str, Any], bundled: Bundled) -> None:
        self._bundled = _Bundled(bundled)
        self.scope = frozenset(raw["scope"])
        self.scope_order: tuple[str, ...] = tuple(raw["scope"])
        self._days: dict[str, list[Any]] = raw["days"]
        self._legs: dict[str, dict[str, list[list[Any]]]] = raw["legs"]
        self._newest: dict[str, int] = raw["newest"]
        self._read: dict[str, CountryDays] = {}
        self._dists: dict[str, dict[str, int]] = {}

    def days(self, code: str) -> CountryDays:
        found = self._read.get(code)
        if found is None:
            raw = self._days.get(code)
            found = _NOTHING if raw is None else (
                {b: _dates(d) for b, d in raw[0].items()}, _dates(raw[1]), _dates(raw[2]))
            self._read[code] = found
        return found

    def route(self, codes: list[str], day: dt.date) -> Route | None:
        """The legs of the passages that back each leg of the route on ``day``; ``None`` if
        a leg has none (the tables and the verdict would then disagree: not answered)."""
        ordinal = day.toordinal()
        legs: list[Leg] = []
        for a, b in itertools.pairwise(codes):
            spans = self._legs.get(a, {}).get(b, ())
            i = bisect.bisect_right(spans, ordinal, key=_FIRST) - 1
            if i < 0 or spans[i][1] < ordinal:
                return None
            passage = spans[i][2]
            legs.extend(Leg(place(o), place(d), None if c is None else Channel(c), passage)
                        for o, d, c in spans[i][3])
        return Route(tuple(legs))

    def _distances(self, goal: str) -> dict[str, int]:
        """How many passages each country needs at least to reach ``goal`` at any date."""
        found = self._dists.get(goal)
        if found is None:
            into: dict[str, list[str]] = {}
            for a, dests in self._legs.items():
                for b in dests:
                    into.setdefault(b, []).append(a)
            found = {goal: 0}
            frontier = [goal]
            while frontier:
                nxt = []
                for code in frontier:
                    for a in into.get(code, ()):
                        if a not in found:
                            found[a] = found[code] + 1
                            nxt.append(a)
                frontier = nxt
            self._dists[goal] = found
        return found

    def _out(self, code: str, ordinal: int) -> dict[str, list[Any]]:
        """The span of each leg out of ``code`` that holds the day of ordinal ``ordinal``."""
        out = {}
        for b, spans in self._legs.get(code, {}).items():
            i = bisect.bisect_right(spans, ordinal, key=_FIRST) - 1
            if i >= 0 and spans[i][1] >= ordinal:
                out[b] = spans[i]
        return out

    def through(self, codes: list[str], day: dt.date) -> tuple[Verdict, Route | None]:
        """The verdict and route of a waypoint question (``codes``: origin, waypoints,
        destination): the best chain of passages through the waypoints in order, ranked as
        :func:`~nkasylum.engine.waypoints.waypoint_routes` ranks them; when there is none,
        blocked by a closed destination or a sealed waypoint, as
        :func:`~nkasylum.engine.waypoints.waypoint_blocked_days` reads them."""
        start, targets = codes[0], codes[1:]
        ordinal = day.toordinal()
        dists = [self._distances(t) for t in targets]
        need: list[int | None] = [0] * (len(targets) + 1)
        for j in range(len(targets) - 1, -1, -1):
            step = dists[j].get(codes[j])
            after = need[j + 1]
            need[j] = None if step is None or after is None else step + after
        order = {code: j for j, code in enumerate(targets)}
        most = WAYPOINT_TRANSITS + 1
        outs: dict[str, dict[str, list[Any]]] = {}
        least = need[0]
        for length in range(least if least is not None else most + 1, most + 1):
            best: tuple[tuple[int, int, str], list[list[Any]]] | None = None
            stack: list[tuple[str, int, tuple[list[Any], ...], frozenset[str]]] = [
                (start, 0, (), frozenset((start,)))]
            while stack:
                here, j, path, seen = stack.pop()
                table = outs.get(here)
                if table is None:
                    table = outs[here] = self._out(here, ordinal)
                left = length - len(path) - 1
                for nxt, span in table.items():
                    k = order.get(nxt)
                    if nxt in seen or (k is not None and k != j):
                        continue
                    after = j + 1 if k == j else j
                    if after == len(targets):
                        if left == 0:
                            chain = [*path, span]
                            rank = self._rank(start, chain)
                            if best is None or rank < best[0]:
                                best = (rank, chain)
                        continue
                    to_next, rest = dists[after].get(nxt), need[after + 1]
                    if to_next is None or rest is None or to_next + rest > left:
                        continue
                    stack.append((nxt, after, (*path, span), seen | {nxt}))
            if best is not None:
                legs = [Leg(place(o), place(d), None if c is None else Channel(c), span[2])
                        for span in best[1] for o, d, c in span[3]]
                return Verdict.DOCUMENTED, Route(tuple(legs))
        closing = self.days(targets[-1])[2]
        if closing and within(closing, day):
            return Verdict.BLOCKED, None
        for code in targets[:-1]:
            out, strict, _ = self.days(code)
            if strict and within(strict, day) and not any(within(d, day) for d in out.values()):
                return Verdict.BLOCKED, None
        return Verdict.UNDOCUMENTED, None

    def _rank(self, start: str, chain: list[list[Any]]) -> tuple[int, int, str]:
        """Where a chain of leg spans ranks: fewest legs, newest evidence, its text (as
        :func:`~nkasylum.engine.fast.chains.chain_rank`)."""
        legs = [leg for span in chain for leg in span[3]]
        newest = max(self._newest[span[2]] for span in chain)
        text = " > ".join([place_label(place(start)), *(place_label(place(d)) for _, d, _ in legs)])
        return len(legs), -newest, text

    def answer(self, origin: object, via: object, dest: object, on: object,
               exact: object = False) -> Assessment | None:
        """The bundled knowledge base's answer to ``can_resettle(origin, via, dest, on=on,
        exact=exact)`` (no horizon), or ``None`` when the tables cannot give it (see the
        module), or when an argument is refused (the knowledge base raises the error)."""
        try:
            start, stops, goal = arguments.journey(self, origin, via, dest)
        except NKAsylumError:
            return None  # the knowledge base raises it, with the error can_resettle gives
        return self.journey_answer(start, stops, goal, via, on, exact)

    def journey_answer(self, start: Country, stops: tuple[Country, ...] | None, goal: Country,
                       via: object, on: object, exact: object = False) -> Assessment | None:
        """:meth:`answer` for a journey already resolved (:func:`~nkasylum.engine.arguments.journey`,
        with these tables as its scope) from the question's ``via``; waypoints (``via``
        without ``exact``) need the route search."""
        day = today() if on is None else on
        if stops is None or day.__class__ is not dt.date:
            return None
        try:
            codes = arguments.check_path(start, stops, goal)
            exact = arguments.exact_arg(exact, via)
        except NKAsylumError:
            return None  # the knowledge base raises it, with the error can_resettle gives
        assert isinstance(day, dt.date)
        if exact:
            verdict = verdict_from([self.days(code) for code in codes], codes, day)
            route = None
            if verdict is Verdict.DOCUMENTED:
                route = self.route(codes, day)
                if route is None:
                    return None
        else:
            verdict, route = self.through(codes, day)
        # self._bundled: what answer.cite() cites from
        return pending_answer(
            start, stops, goal, day, verdict, route, None, None, self._bundled,
            functools.partial(_details, self._bundled.build, start, stops, goal, day, verdict, route, exact),
            exact)


_FIRST = itemgetter(0)  # a span's first day


def _dates(days: list[list[int]]) -> Days:
    day = dt.date.fromordinal
    return tuple((day(lo), day(hi)) for lo, hi in days)


_parsed: QuickTables | None = None
_lock = threading.Lock()


def bundled_tables(bundled: Bundled) -> QuickTables | None:
    """The quick tables of the bundled data, parsed once, answering for the knowledge base
    ``bundled`` gives; ``None`` when they are missing or stale (the fingerprint of the TOML
    files beside them differs)."""
    global _parsed
    if _parsed is None:
        with _lock:
            if _parsed is None:
                raw = bundled_quick()
                if raw is None or not isinstance(raw.get("days"), dict):
                    return None
                _parsed = QuickTables(raw, bundled)
    return _parsed


def _details(bundled: Bundled, start: Country, stops: tuple[Country, ...], goal: Country, day: dt.date,
             verdict: Verdict, route: Route | None, exact: bool) -> dict[str, object]:
    # Worked out by the knowledge base, which checks that its steps reach this verdict and route.
    index = bundled()._index
    return answer_details(index, start, stops, goal, day, None, verdict, route, None, exact)


class _Bundled:
    """The bundled knowledge base as a quick answer cites it: built when first cited."""

    def __init__(self, build: Bundled) -> None:
        self.build = build

    def source(self, id: str) -> Source:
        return self.build().source(id)

    @property
    def data_version(self) -> DataVersion:
        return self.build().data_version
