"""The passages out of a country (and the countries with one into it) on a day, per span of days.

A country's table for a day holds what its passages give over the longest span of days
around it on which the same of them answer; that span is found while the table is built,
from each passage's first and last day, so no list of change days is sorted first. All
tables of a country are kept in one memo entry and found by bisection.

Entries of the memo are replaced, never changed in place: two threads that build tables
at once may lose one of them (it is built again when next asked), never mix them up.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from operator import itemgetter
from typing import Any, Protocol, TypeVar

from nkasylum.core.countries import Country
from nkasylum.core.places import THIRD_COUNTRY, Region
from nkasylum.engine.index import Index
from nkasylum.model.passages import Passage
from nkasylum.model.routes import Leg

__all__ = ["WHOLE_AFTER", "Incoming", "Outgoing", "Whole", "dated_get", "dated_put", "incoming", "outgoing",
           "passage_legs", "passage_newest", "reach", "span_of", "whole"]

_FIRST, _LAST = dt.date.min.toordinal(), dt.date.max.toordinal()
_PAIR = itemgetter(4, 2)

SPANS_KEPT = 256
"""How many spans one memo entry keeps at most before it starts again (bounds memory when a
loop asks about every day of decades)."""

# A passage between two countries: its first and last day (as ordinals), the destination's
# code, the passage and the origin's code.
_Dated = tuple[int, int, str, Passage, str]


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
    """The item of a memo entry (``None`` or a pair: first days, items) whose span holds the
    day of ordinal ``day``."""
    if found is None:
        return None
    starts, items = found
    i = bisect.bisect_right(starts, day) - 1
    if i >= 0 and day <= items[i].last:
        return items[i]
    return None


def dated_put(index: Index, key: Any, found: Any, item: _T) -> _T:
    """Keep ``item`` in the memo entry ``key`` (``found``: the entry as read) and return it."""
    starts: tuple[int, ...] = ()
    items: tuple[Any, ...] = ()
    if found is not None and len(found[0]) < SPANS_KEPT:
        starts, items = found
    i = bisect.bisect_right(starts, item.first)
    if not (i and starts[i - 1] == item.first):  # another thread may have kept it already
        index.cache()[key] = ((*starts[:i], item.first, *starts[i:]), (*items[:i], item, *items[i:]))
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


def _best_last(index: Index, dated: list[_D], key: Any) -> list[_D]:
    """The same passages (sorted on ``key``), those with the same ``key`` with the best last."""
    keys = list(map(key, dated))
    for same, count in Counter(keys).items():
        if count > 1:
            i = bisect.bisect_left(keys, same)
            dated[i:i + count] = sorted(dated[i:i + count], key=lambda d: _rank(index, d[3]))
    return dated


class _Passages:
    """Every passage between two countries that answers on some day, once per horizon: its
    first and last day (ordinals), the destination's code, the passage and the origin's
    code; in ``every`` by origin and destination (of the passages between two countries,
    the best last), and the same grouped by origin and by destination."""

    __slots__ = ("by_dest", "by_origin", "every")

    def __init__(self, index: Index, horizon: dt.timedelta | None) -> None:
        every = []
        timings = index.timings
        for p in index.passages:
            origin, dest, timing = p.origin, p.dest, timings[p.id]
            if timing.undated or not isinstance(origin, Country) or not isinstance(dest, Country):
                continue
            days = (timing.start, timing.end) if horizon is None else timing.reach(horizon)
            assert days is not None  # dated
            every.append((days[0].toordinal(), days[1].toordinal(), dest.alpha_2, p,
                          origin.alpha_2))
        every.sort(key=_PAIR)
        self.every = _best_last(index, every, _PAIR)
        self.by_origin: dict[str, list[_Dated]] = {}
        self.by_dest: dict[str, list[_Dated]] = {}
        for d in self.every:
            self.by_origin.setdefault(d[4], []).append(d)
            self.by_dest.setdefault(d[2], []).append(d)


def _passages(index: Index, horizon: dt.timedelta | None) -> _Passages:
    """The passages between countries, with their days (built once per knowledge base and
    horizon: one pass over the passages, where a table per country and day would read each
    country's passages again)."""
    key = ("passages", horizon)
    found: _Passages | None = index.memo.get(key)
    if found is None:
        found = index.cache()[key] = _Passages(index, horizon)
    return found


def outgoing(index: Index, code: str, day: int, horizon: dt.timedelta | None) -> Outgoing:
    """The passages out of the country ``code`` that answer on the day of ordinal ``day``
    (cached per span)."""
    key = ("out", code, horizon)
    found = index.memo.get(key)
    table: Outgoing | None = dated_get(found, day)
    if table is None:
        first, last, answer = span_of(_passages(index, horizon).by_origin.get(code, ()), day)
        # Each destination's best passage comes last among its own: the last one kept wins.
        table = dated_put(index, key, found, Outgoing(first, last, {d[2]: d[3] for d in answer}))
    return table


def incoming(index: Index, code: str, day: int, horizon: dt.timedelta | None) -> Incoming:
    """The countries with a passage into the country ``code`` on the day of ordinal ``day``
    (cached per span)."""
    key = ("in", code, horizon)
    found = index.memo.get(key)
    table: Incoming | None = dated_get(found, day)
    if table is None:
        first, last, answer = span_of(_passages(index, horizon).by_dest.get(code, ()), day)
        table = dated_put(index, key, found, Incoming(first, last, tuple(dict.fromkeys(
            d[4] for d in answer))))
    return table


WHOLE_AFTER = 8
"""How many route searches on one day read per-country tables before the tables of every
country are built for that day's span at once (one pass over all passages)."""

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
    """The tables of every country on the day of ordinal ``day``, once route searches have
    asked about that day :data:`WHOLE_AFTER` times (``None`` before: a few questions about a
    day read only the few tables they need)."""
    key = ("whole", horizon)
    memo = index.memo
    found = memo.get(key)
    kept: Whole | None = dated_get(found, day)
    if kept is not None:
        return kept
    asked = ("asked", day, horizon)
    times = memo.get(asked, 0) + 1
    if times < WHOLE_AFTER:
        index.cache()[asked] = times
        return None
    if found is not None and len(found[0]) >= _WHOLE_KEPT:
        found = None
    first, last, answer = span_of(_passages(index, horizon).every, day)
    outs: dict[str, dict[str, Passage]] = {}
    ins: dict[str, dict[str, None]] = {}
    for d in answer:  # by origin, then destination, the best passage of a pair last
        origin, dest = d[4], d[2]
        outs.setdefault(origin, {})[dest] = d[3]
        ins.setdefault(dest, {})[origin] = None
    return dated_put(index, key, found, Whole(
        first, last, {code: Outgoing(first, last, best) for code, best in outs.items()},
        {code: Incoming(first, last, tuple(origins)) for code, origins in ins.items()}))


def _rank(index: Index, p: Passage) -> tuple[Any, ...]:
    return (passage_newest(index, p), not p.via_third_country, p.id)


def passage_newest(index: Index, p: Passage) -> dt.date:
    """The newest evidence date behind one passage (``date.min`` if none is dated)."""
    key = ("newest", p.id)
    memo = index.memo
    found: dt.date | None = memo.get(key)
    if found is None:
        found = dt.date.min
        for e in p.evidence:
            reported = index.reported(e)
            if reported is not None and reported > found:
                found = reported
        memo[key] = found
    return found


def passage_legs(index: Index, p: Passage) -> tuple[Leg, ...]:
    """The legs of one passage: two when it goes through an unnamed third country (cached).

    Built without :class:`~nkasylum.Leg`'s constructor: its fields are the passage's own
    places, channel and id, which the passage's constructor has checked already (a test
    checks them equal to constructed legs)."""
    key = ("legs", p.id)
    memo = index.memo
    found = memo.get(key)
    if found is None:
        if p.via_third_country:
            found = (_leg(p.origin, THIRD_COUNTRY, p), _leg(THIRD_COUNTRY, p.dest, p))
        else:
            found = (_leg(p.origin, p.dest, p),)
        memo[key] = found
    return found


def _leg(origin: Country | Region, dest: Country | Region, p: Passage) -> Leg:
    leg: Leg = object.__new__(Leg)
    put = object.__setattr__  # the only way to fill a frozen value's slots
    put(leg, "origin", origin)
    put(leg, "dest", dest)
    put(leg, "channel", p.channel)
    put(leg, "passage", p.id)
    return leg
