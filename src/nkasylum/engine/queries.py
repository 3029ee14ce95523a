"""The look-up queries of a knowledge base: passages, cases, statistics and series, filtered and ordered.

Argument checking happens here, with the errors :class:`~nkasylum.KnowledgeBase` documents;
the knowledge base's methods only pass their arguments on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from nkasylum.core.errors import ArgumentTypeError, ArgumentValueError
from nkasylum.core.periods import resolve_when
from nkasylum.core.places import PlaceLike, place, place_code
from nkasylum.core.text import shown
from nkasylum.core.when import When, when
from nkasylum.engine.index import Index, statistic_order
from nkasylum.model.cases import Case, Outcome
from nkasylum.model.conflicts import Conflict
from nkasylum.model.passages import Passage
from nkasylum.model.statistics import SeriesPoint, Statistic

__all__ = ["cases", "check_known_measure", "check_measure", "in_window", "measures", "passages", "series",
           "statistics", "window"]


def passages(index: Index, origin: PlaceLike | None, dest: PlaceLike | None, on: object,
             any_date: object) -> tuple[Passage, ...]:
    """Passages from ``origin`` and/or to ``dest`` documented on ``on`` (or at any date)."""
    if not isinstance(any_date, bool):
        raise ArgumentTypeError(f"any_date= takes True or False, not {any_date!r}")
    # Checked even with any_date=True: a bad on= is a mistake, not something to ignore.
    # A period asks "at some time in it": a passage that answers on some day of it.
    asked = resolve_when(on)
    days: list[dt.date] | None = None if any_date else _days_of(index, asked)
    pool: Iterable[Passage] = (
        index.passages_from.get(place_code(place(origin)), ())
        if origin is not None else index.passages)
    target = place(dest) if dest is not None else None
    return tuple(p for p in pool
                 if p.id in index.entries  # not the passages made from cases
                 and (target is None or p.dest == target)
                 and (days is None or any(index.covers(p.id, d, None) for d in days)))


def _days_of(index: Index, asked: When) -> list[dt.date]:
    """One day of each span of a period over which what answers stays the same (its first,
    and each breakpoint in it): a passage answers at some time in the period iff on one of them."""
    lo, hi = asked.start, asked.end
    if lo == hi:
        return [lo]
    points = index.breakpoints(None)
    return [lo, *(d for d in points if lo < d <= hi)]


def _outcome(value: object) -> Outcome:
    if isinstance(value, Outcome):
        return value
    if isinstance(value, str):
        try:
            return Outcome(value)
        except ValueError:
            raise ArgumentValueError("outcome", value, [o.value for o in Outcome],
                                     what="outcome") from None
    raise ArgumentTypeError(f"outcome= takes an Outcome or its value, not {value!r}")


def window(since: object, until: object) -> tuple[dt.date, dt.date] | None:
    """The window of days ``since`` and ``until`` ask about, each in the one date grammar
    (a date, an ``int`` year, an EDTF text, a :class:`~nkasylum.When`; ``None``: open):
    from the first day ``since`` can mean to the last day ``until`` can mean (``None``
    when neither is given).

    Raises:
        ArgumentTypeError: a bound that is not a date in that grammar, naming it.
    """
    if since is None and until is None:
        return None
    first = _bound(since, "since").start if since is not None else dt.date.min
    last = _bound(until, "until").end if until is not None else dt.date.max
    return first, last


def _bound(value: object, name: str) -> When:
    try:
        return when(value)  # type: ignore[arg-type]
    except ArgumentTypeError as err:
        raise ArgumentTypeError(str(err).replace("on=", f"{name}=")) from None


def in_window(span: When | None, days: tuple[dt.date, dt.date]) -> bool | None:
    """Whether an entry dated ``span`` ("at some time in it") falls in the window ``days``:
    ``True`` when every day it can mean does, ``None`` when only some do (it may fall in
    the window), ``False`` when none does or it is undated. Both ends of the span are
    compared: one "at some time up to 2014-06" may fall in a window in 2013, never surely."""
    if span is None:
        return False
    lo, hi = days
    # An inverted window (since after until) holds no day, so nothing falls in it, not even
    # a span long enough to reach over both of its ends.
    if lo > hi or span.end < lo or span.start > hi:
        return False
    return True if lo <= span.start and span.end <= hi else None


def _window_test(since: object, until: object,
                 possible: object) -> Callable[[When | None], bool] | None:
    """What ``since``, ``until`` and ``possible=`` keep of dated entries (``None``: no window
    asked): a date that surely falls in the window, or with ``possible=True`` one that only
    may (see :func:`in_window`). ``cases`` and ``statistics`` read their windows this way."""
    days = window(since, until)
    if not isinstance(possible, bool):
        raise ArgumentTypeError(f"possible= takes True or False, not {possible!r}")
    if days is None:
        return None
    kept = (True, None) if possible else (True,)
    return lambda span: in_window(span, days) in kept


def cases(all_cases: Iterable[Case], country: PlaceLike | None, since: object, until: object,
          outcome: object, possible: object = False) -> tuple[Case, ...]:
    """Cases filtered by country involved, date window and outcome, oldest first (undated last).

    With a window, a case is kept when its date surely falls in it (both ends of its span
    inside); ``possible=True`` also keeps those whose date may fall in it (spans that only
    overlap the window, such as an open start)."""
    keeps = _window_test(since, until, possible)
    wanted = None if outcome is None else _outcome(outcome)
    target = place(country) if country is not None else None
    found = []
    for c in all_cases:
        if target is not None and target != c.place and target not in c.countries:
            continue
        if wanted is not None and c.outcome is not wanted:
            continue
        if keeps is not None and not keeps(c.date):
            continue
        found.append(c)
    return tuple(sorted(found, key=_case_order))


def known_span(date: When) -> tuple[dt.date, dt.date]:
    """The earliest and latest day a date is known to reach: an open side (``..``) is the
    other side's day, not the beginning or end of time."""
    lower, upper = date.lower, date.upper
    return (lower if lower is not None else upper,  # type: ignore[return-value]
            upper if upper is not None else lower)


def _case_order(c: Case) -> tuple[Any, ...]:
    if c.date is None:
        return (True, dt.date.max, dt.date.max, c.id)
    return (False, *known_span(c.date), c.id)


def statistics(all_statistics: Iterable[Statistic], country: PlaceLike | None,
               measure: object, since: object = None, until: object = None,
               possible: object = False) -> tuple[Statistic, ...]:
    """Statistics for a place and/or measure, sorted by measure, place, date and id.

    With a window (``since``, ``until``, read as :func:`cases` reads them), a figure is kept
    when its as-of date surely falls in it (both ends of its span inside); ``possible=True``
    also keeps those whose as-of date only may (a span that overlaps the window, such as an
    open start). Undated figures are left out of a window."""
    keeps = _window_test(since, until, possible)
    target = place(country) if country is not None else None
    if measure is not None:
        if not isinstance(measure, str):
            raise ArgumentTypeError(f"measure= takes a str, not {type(measure).__name__}")
        check_known_measure(measure, all_statistics)
    found = []
    for s in all_statistics:
        if (target is not None and s.place != target) or (measure is not None and s.measure != measure):
            continue
        if keeps is not None and not keeps(s.as_of):
            continue
        found.append(s)
    return tuple(sorted(found, key=statistic_order))


def measures(all_statistics: Iterable[Statistic]) -> tuple[str, ...]:
    """Every measure code the statistics use, sorted."""
    return tuple(sorted({s.measure for s in all_statistics}))


def check_known_measure(measure: str, all_statistics: Iterable[Statistic]) -> None:
    """A misspelt measure is an error naming close ones, never an empty answer.

    Raises:
        ArgumentValueError: no statistic has this measure.
    """
    known = measures(all_statistics)
    if measure not in known:
        raise ArgumentValueError("measure", measure, known, what="measure")


def check_measure(measure: object) -> str:
    """A series is of one measure code.

    Raises:
        ArgumentTypeError: ``measure`` is not a string (``None`` would mean "every
            measure", which is no series).
    """
    if not isinstance(measure, str):
        raise ArgumentTypeError(f"series() takes a measure code (str), not {shown(measure)}")
    return measure


def series(statistics: Iterable[Statistic],
           disputed: Mapping[str, tuple[Conflict, ...]]) -> tuple[SeriesPoint, ...]:
    """The yearly figures among ``statistics`` (those with a ``year``), oldest first.

    Years with no figure are absent (a gap is never filled); a year with conflicting
    figures appears once per version, each flagged with the ids of the conflicts in
    ``disputed`` (entry id -> conflicts naming it).
    """
    points = []
    for s in statistics:
        if s.year is None:
            continue
        conflicts = tuple(c.id for c in disputed.get(s.id, ()))
        points.append(SeriesPoint(s.year, s.value, s.id, s.evidence, conflicts))
    return tuple(sorted(points, key=lambda p: (p.year, p.statistic)))
