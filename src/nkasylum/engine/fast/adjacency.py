"""The passages out of a country (and the countries with one into it) on a day, per span of days.

Every table comes from the passages between two countries, grouped once per knowledge base
and horizon by origin (each group by destination) and by destination (each group by
origin); a country's passages are its group, found in a dict. A country's table for a day
holds what its passages give over the longest span of days around it on which the same of
them answer; that span is found while the table is built, from its passages' first and
last days. All tables of a country are kept in one cache entry and found by bisection.

Once the tables built for one day have read half as many passages as there are, the
tables of every country for that day's span are built at once, in one pass over the
passages (a loop over many questions on one day, as research code runs, then reads only
those); their span is one bisection in the sorted days on which a passage starts or stops.

Cache entries are replaced, never changed in place: two threads that build tables
at once may lose one of them (it is built again when next asked), never mix them up.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import operator
from collections.abc import Callable, Sequence
from operator import attrgetter, itemgetter
from typing import Any, Protocol, TypeVar

from nkasylum.core.caches import Cache
from nkasylum.core.countries import Country
from nkasylum.core.places import THIRD_COUNTRY, Region
from nkasylum.core.trusted import trusted
from nkasylum.engine.index import Index
from nkasylum.model.passages import Channel, Passage
from nkasylum.model.routes import Leg

__all__ = ["Incoming", "Outgoing", "Whole", "dated_get", "dated_put", "incoming", "legs_of",
           "outgoing", "passage_legs", "passage_newest", "reach", "span_of", "whole"]

_FIRST, _LAST = dt.date.min.toordinal(), dt.date.max.toordinal()
_DEST = itemgetter(2)
_ORIGIN = itemgetter(4)
_FIRST_DAY = itemgetter(0)
_ID = attrgetter("id")
_LAST_DAY = itemgetter(1)

SPANS_KEPT = 256
"""How many spans one cache entry keeps at most before it starts again (bounds memory when a
loop asks about every day of decades)."""

# A passage between two countries over a span of days on which its support is the same:
# the span's first and last day (as ordinals), the destination's code, the passage, the
# origin's code and the strength of its support (precedence on one day: seen > between
# sightings > rule in force > carried forward; see nkasylum.engine.sightings).
_Dated = tuple[int, int, str, Passage, str, int]


class _Spanned(Protocol):
    @property
    def first(self) -> int: ...

    @property
    def last(self) -> int: ...


_T = TypeVar("_T", bound=_Spanned)
_D = TypeVar("_D", bound=tuple[Any, ...])  # a passage with its first and last day first


class Outgoing:
    """The passages out of one country on every day from ``first`` to ``last`` (ordinals):
    the best one per destination, by the destination's code, in code order."""

    __slots__ = ("best", "first", "last")

    def __init__(self, first: int, last: int, best: dict[str, Passage]) -> None:
        self.first = first
        self.last = last
        self.best = best


class Incoming:
    """The codes of the countries with a passage into one country (in code order) on every
    day from ``first`` to ``last`` (ordinals)."""

    __slots__ = ("first", "last", "origins")

    def __init__(self, first: int, last: int, origins: tuple[str, ...]) -> None:
        self.first = first
        self.last = last
        self.origins = origins


def dated_get(found: Any, day: int) -> Any:
    """The item of a cache entry (``None`` or a pair: first days, items) whose span holds the
    day of ordinal ``day``."""
    if found is None:
        return None
    starts, items = found
    i = bisect.bisect_right(starts, day) - 1
    if i >= 0 and day <= items[i].last:
        return items[i]
    return None


def dated_put(cache: Cache[Any, Any], key: Any, found: Any, item: _T, size: int) -> _T:
    """Keep ``item`` in the entry ``key`` of ``cache`` (``found``: the entry as read) and
    return it; ``size``: about how many items it holds (see
    :meth:`~nkasylum.core.caches.Cache.keep`)."""
    starts: tuple[int, ...] = ()
    items: tuple[Any, ...] = ()
    if found is not None and len(found[0]) < SPANS_KEPT:
        starts, items = found
    i = bisect.bisect_right(starts, item.first)
    if not (i and starts[i - 1] == item.first):  # another thread may have kept it already
        cache.keep(key, ((*starts[:i], item.first, *starts[i:]), (*items[:i], item, *items[i:])),
                   size + 1)
    return item


def span_of(dated: Sequence[_D], day: int) -> tuple[int, int, list[_D]]:
    """The first and last day (as ordinals) of the longest span around the day of ordinal
    ``day`` on which the same of these passages answer, and those that answer on it, in
    their order."""
    first, last = _FIRST, _LAST  # the latest first and the earliest last day of those that answer
    ended, ahead = _FIRST - 1, _LAST + 1  # the last day of the latest one past, the first of the next
    answer = []
    for d in dated:
        if day < d[0]:
            if d[0] < ahead:
                ahead = d[0]
        elif day > d[1]:
            if d[1] > ended:
                ended = d[1]
        else:
            answer.append(d)
            if d[0] > first:
                first = d[0]
            if d[1] < last:
                last = d[1]
    return max(first, ended + 1), min(last, ahead - 1), answer


def reach(index: Index, p: Passage, horizon: dt.timedelta | None) -> tuple[int, int] | None:
    """The ordinals of the first and last day on which a passage answers (``None``: undated)."""
    found = index.timings[p.id].reach(horizon)
    return None if found is None else (found[0].toordinal(), found[1].toordinal())


def _best_last(index: Index, dated: list[_Dated]) -> list[_Dated]:
    """The same passages (sorted by origin and destination), of those between the same two
    countries the best last."""
    origins, dests = list(map(_ORIGIN, dated)), list(map(_DEST, dated))
    same = map(operator.and_, map(operator.eq, origins, origins[1:]), map(operator.eq, dests, dests[1:]))
    start = end = -1  # the run of equal pairs being gathered
    # The places where a pair repeats, found in C (and without a tuple per passage, which
    # would add garbage collections): a few hundred in thousands of passages.
    for i in itertools.compress(range(1, len(dated)), same):
        if i != end + 1:
            _best_of_run(index, dated, start, end)
            start = i - 1
        end = i
    _best_of_run(index, dated, start, end)
    return dated


def _best_of_run(index: Index, dated: list[_Dated], start: int, end: int) -> None:
    if end > start:
        dated[start:end + 1] = sorted(dated[start:end + 1], key=lambda d: _rank(index, d[3]))


class _Every:
    """Every passage between two countries that answers on some day, sorted by origin and
    destination (``out``; ``where``: the slice of each origin in it) and grouped by
    destination, each group by origin (``into``), of the passages between two countries the
    best last; and every day on which the passages that answer change (``changes``: first
    days, and days after last days, as sorted ordinals)."""

    __slots__ = ("changes", "into", "out", "where")

    def __init__(self, index: Index, horizon: dt.timedelta | None) -> None:
        dated: list[_Dated] = []
        for p in index.passages:
            if isinstance(p.origin, Country) and isinstance(p.dest, Country):
                dest, origin = p.dest.alpha_2, p.origin.alpha_2
                dated += [(lo.toordinal(), hi.toordinal(), dest, p, origin, strength)
                          for lo, hi, strength in index.timings[p.id].pieces(horizon)]
        # Grouped by origin, in code order, each group sorted by destination: sorting each
        # country's few dozen passages costs less than sorting them all.
        groups: dict[str, list[_Dated]] = {}
        for d in dated:
            groups.setdefault(d[4], []).append(d)
        out: list[_Dated] = []
        where: dict[str, tuple[int, int]] = {}
        for code in sorted(groups):
            group = groups[code]
            group.sort(key=_DEST)
            where[code] = (len(out), len(out) + len(group))
            out += group
        self.out = _best_last(index, out)
        self.where = where
        into: dict[str, list[_Dated]] = {}
        for d in self.out:  # in origin order: each destination's passages come by origin
            into.setdefault(d[2], []).append(d)
        self.into = {code: tuple(group) for code, group in into.items()}
        # Many passages start or stop on the same days: a set sorts a fraction of them.
        self.changes = sorted({*map(_FIRST_DAY, out), *map((1).__add__, map(_LAST_DAY, out))})

    def of(self, code: str, out: bool) -> Sequence[_Dated]:
        """The passages out of (or into) the country ``code``."""
        if not out:
            return self.into.get(code, ())
        lo, hi = self.where.get(code, (0, 0))
        return self.out[lo:hi]

    def span(self, day: int) -> tuple[int, int]:
        """The first and last day (ordinals) of the longest span around the day of ordinal
        ``day`` on which the same passages answer (the days between two changes)."""
        changes = self.changes
        i = bisect.bisect_right(changes, day)
        return (changes[i - 1] if i else _FIRST), (changes[i] - 1 if i < len(changes) else _LAST)


def _every(index: Index, horizon: dt.timedelta | None) -> _Every:
    """Every passage between two countries, grouped both ways; once per horizon."""
    found = index.caches.every.get(horizon)
    if found is None:
        found = _Every(index, horizon)
        index.caches.every.keep(horizon, found, 3 * len(found.out))  # a tuple and two slots a passage
    return found


def _built(index: Index, cache: Cache[tuple[str, dt.timedelta | None], Any], day: int, code: str,
           horizon: dt.timedelta | None, out: bool,
           make: Callable[[int, int, list[_Dated]], tuple[_T, int]]) -> _T:
    """The table ``make`` builds from the passages out of (or into) the country ``code`` that
    answer on ``day``, kept in ``cache`` under ``(code, horizon)``; counts the passages read
    for ``day`` (see :func:`whole`). ``make`` returns the table and about how many items it
    holds."""
    dated = _every(index, horizon).of(code, out)
    read = index.caches.read
    read.keep((day, horizon), (read.get((day, horizon)) or 0) + len(dated))
    key = (code, horizon)
    found = cache.get(key)
    table, size = make(*span_of(dated, day))
    return dated_put(cache, key, found, table, size)


def outgoing(index: Index, code: str, day: int, horizon: dt.timedelta | None) -> Outgoing:
    """The passages out of the country ``code`` that answer on the day of ordinal ``day``
    (cached per span)."""
    cache = index.caches.outgoing
    table: Outgoing | None = dated_get(cache.get((code, horizon)), day)
    return table if table is not None else _built(index, cache, day, code, horizon, True, _outgoing)


def incoming(index: Index, code: str, day: int, horizon: dt.timedelta | None) -> Incoming:
    """The countries with a passage into the country ``code`` on the day of ordinal ``day``
    (cached per span)."""
    cache = index.caches.incoming
    table: Incoming | None = dated_get(cache.get((code, horizon)), day)
    return table if table is not None else _built(index, cache, day, code, horizon, False, _incoming)


def _strongest(answer: Sequence[_Dated]) -> dict[str, Passage]:
    """Each destination's passage with the strongest support, of those equally strong the
    best (which comes last among its own: the last one kept wins)."""
    best: dict[str, Passage] = {}
    strength: dict[str, int] = {}
    for d in answer:
        if d[5] >= strength.get(d[2], 0):
            best[d[2]] = d[3]
            strength[d[2]] = d[5]
    return best


def _outgoing(first: int, last: int, answer: list[_Dated]) -> tuple[Outgoing, int]:
    best = _strongest(answer)
    return Outgoing(first, last, best), len(best)


def _incoming(first: int, last: int, answer: list[_Dated]) -> tuple[Incoming, int]:
    origins = tuple(dict.fromkeys(d[4] for d in answer))
    return Incoming(first, last, origins), len(origins) // 4


_WHOLE_KEPT = 8  # days whose whole tables are kept at once (each holds every passage once)


class Whole:
    """The tables of every country for every day from ``first`` to ``last`` (ordinals): the
    same passages answer on all of them. A country without passages out of (or into) it on
    those days has no table here: :attr:`none_out` (:attr:`none_in`) stands for it."""

    __slots__ = ("first", "ins", "last", "none_in", "none_out", "outs")

    def __init__(self, first: int, last: int, outs: dict[str, Outgoing],
                 ins: dict[str, Incoming]) -> None:
        self.first = first
        self.last = last
        self.outs = outs
        self.ins = ins
        self.none_out = Outgoing(first, last, {})
        self.none_in = Incoming(first, last, ())


def whole(index: Index, day: int, horizon: dt.timedelta | None) -> Whole | None:
    """The tables of every country on the day of ordinal ``day``, once the tables of single
    countries built for that day have read half as many passages as there are (``None``
    before: a few questions about a day read only the few tables they need, and building
    every table costs at most twice what they have read)."""
    cache = index.caches.whole
    found = cache.get(horizon)
    kept: Whole | None = dated_get(found, day)
    if kept is not None:
        return kept
    if 2 * (index.caches.read.get((day, horizon)) or 0) < len(index.passages):
        return None
    if found is not None and len(found[0]) >= _WHOLE_KEPT:
        found = None
    every = _every(index, horizon)
    first, last = every.span(day)
    answer = [d for d in every.out if d[0] <= day <= d[1]]
    grouped: dict[str, list[_Dated]] = {}
    ins: dict[str, dict[str, None]] = {}
    for d in answer:  # by origin, then destination, the best passage of a pair last
        origin, dest = d[4], d[2]
        grouped.setdefault(origin, []).append(d)
        ins.setdefault(dest, {})[origin] = None
    outs = {code: _strongest(group) for code, group in grouped.items()}
    return dated_put(cache, horizon, found, Whole(
        first, last, {code: Outgoing(first, last, best) for code, best in outs.items()},
        {code: Incoming(first, last, tuple(origins)) for code, origins in ins.items()}),
        2 * len(answer) + len(outs) + len(ins))


def _rank(index: Index, p: Passage) -> tuple[Any, ...]:
    # A named way beats one whose channel the sources leave unknown (a leg seen only in cases).
    return (p.channel is not Channel.UNKNOWN_ROUTE, passage_newest(index, p), not p.via_third_country, p.id)


def passage_newest(index: Index, p: Passage) -> dt.date:
    """The newest evidence date behind one passage (``date.min`` if none is dated)."""
    cache = index.caches.newest
    table = cache.data
    found: dt.date | None = table.get(p.id)
    if found is None:
        found = dt.date.min
        for e in p.evidence:
            reported = index.reported(e)
            if reported is not None and reported > found:
                found = reported
        table[p.id] = found
        cache.charge(1)
    return found


def passage_legs(index: Index, p: Passage) -> tuple[Leg, ...]:
    """The legs of one passage: two when it goes through an unnamed third country (cached).

    Built without :class:`~nkasylum.Leg`'s constructor: its fields are the passage's own
    places, channel and id, which the passage's constructor has checked already (a test
    checks them equal to constructed legs)."""
    cache = index.caches.passage_legs
    table = cache.data
    found: tuple[Leg, ...] | None = table.get(p.id)
    if found is None:
        found = table[p.id] = legs_of(p)
        cache.charge(len(found) + 1)
    return found


def legs_of(p: Passage) -> tuple[Leg, ...]:
    """The legs of one passage, built anew (:func:`passage_legs` keeps them)."""
    if p.via_third_country:
        return (_leg(p.origin, THIRD_COUNTRY, p), _leg(THIRD_COUNTRY, p.dest, p))
    return (_leg(p.origin, p.dest, p),)


# Trusted: a leg's fields are a checked passage's own places, channel and id.
_LEG = trusted(Leg, "origin", "dest", "channel", "passage")


def _leg(origin: Country | Region, dest: Country | Region, p: Passage) -> Leg:
    return _LEG(origin, dest, p.channel, p.id)
