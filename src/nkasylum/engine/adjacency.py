"""The passages out of a country (and the countries with one into it) on a day, per span of days.

A country's table for a day holds what its passages give over the longest span of days
around it on which the same of them answer; that span is found while the table is built,
from each passage's first and last day, so no list of change days is sorted first. All
tables of a country are kept in one memo entry and found by bisection.

Once the tables built for one day have read half as many passages as there are, the
tables of every country for that day's span are built at once, in one pass over the
passages (a loop over many questions on one day, as research code runs, then reads only
those).

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

__all__ = ["Incoming", "Outgoing", "Whole", "dated_get", "dated_put", "incoming", "outgoing",
           "passage_legs", "passage_newest", "reach", "span_of", "whole"]

_FIRST, _LAST = dt.date.min.toordinal(), dt.date.max.toordinal()
_PAIR = itemgetter(4, 2)
_DEST = itemgetter(2)
_ORIGIN = itemgetter(4)

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


def _every(index: Index, horizon: dt.timedelta | None) -> list[_Dated]:
    """Every passage between two countries that answers on some day, by origin and
    destination (of the passages between two countries, the best last); once per horizon."""
    key = ("every", horizon)
    found: list[_Dated] | None = index.memo.get(key)
    if found is None:
        found = _dated(index, index.passages, horizon, _PAIR)
        index.cache()[key] = found
    return found


def _dated(index: Index, passages: Sequence[Passage], horizon: dt.timedelta | None,
           order: Any) -> list[_Dated]:
    """These passages between countries with their first and last day (ordinals), the
    destination's code, the passage and the origin's code, sorted on ``order``; of those
    equal on it, the best last."""
    dated = []
    timings = index.timings
    for p in passages:
        origin, dest, timing = p.origin, p.dest, timings[p.id]
        if timing.undated or not isinstance(origin, Country) or not isinstance(dest, Country):
            continue
        days = (timing.start, timing.end) if horizon is None else timing.reach(horizon)
        assert days is not None  # dated
        dated.append((days[0].toordinal(), days[1].toordinal(), dest.alpha_2, p, origin.alpha_2))
    dated.sort(key=order)
    return _best_last(index, dated, order)


def _table(index: Index, key: Any, day: int, passages: Sequence[Passage],
           horizon: dt.timedelta | None, order: Any) -> tuple[Any, tuple[int, int, list[_Dated]]]:
    """The memo entry ``key`` of a country's tables, and what its passages give on ``day``;
    counts the passages read for ``day`` (see :func:`whole`)."""
    memo = index.memo
    dated: list[_Dated] | None = memo.get(("dated", key))
    if dated is None:
        dated = index.cache()[("dated", key)] = _dated(index, passages, horizon, order)
    read = ("read", day, horizon)
    index.cache()[read] = memo.get(read, 0) + len(dated)
    return memo.get(key), span_of(dated, day)


def outgoing(index: Index, code: str, day: int, horizon: dt.timedelta | None) -> Outgoing:
    """The passages out of the country ``code`` that answer on the day of ordinal ``day``
    (cached per span)."""
    key = ("out", code, horizon)
    table: Outgoing | None = dated_get(index.memo.get(key), day)
    if table is None:
        found, (first, last, answer) = _table(index, key, day, index.passages_from.get(code, ()),
                                              horizon, _DEST)
        # Each destination's best passage comes last among its own: the last one kept wins.
        table = dated_put(index, key, found, Outgoing(first, last, {d[2]: d[3] for d in answer}))
    return table


def incoming(index: Index, code: str, day: int, horizon: dt.timedelta | None) -> Incoming:
    """The countries with a passage into the country ``code`` on the day of ordinal ``day``
    (cached per span)."""
    key = ("in", code, horizon)
    table: Incoming | None = dated_get(index.memo.get(key), day)
    if table is None:
        found, (first, last, answer) = _table(index, key, day, index.passages_to.get(code, ()),
                                              horizon, _ORIGIN)
        table = dated_put(index, key, found, Incoming(first, last, tuple(dict.fromkeys(
            d[4] for d in answer))))
    return table


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
    key = ("whole", horizon)
    memo = index.memo
    found = memo.get(key)
    kept: Whole | None = dated_get(found, day)
    if kept is not None:
        return kept
    if 2 * memo.get(("read", day, horizon), 0) < len(index.passages):
        return None
    if found is not None and len(found[0]) >= _WHOLE_KEPT:
        found = None
    first, last, answer = span_of(_every(index, horizon), day)
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
