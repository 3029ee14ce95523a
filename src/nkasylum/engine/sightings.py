"""Sightings and support: how far a statement reaches in time, and how it is supported on a day.

* A **rule** (law, treaty, official status) is *in force* from the start of its
  ``valid_from`` until the end of its ``valid_until`` (or without end).
* An **observation** is *seen* during each of its evidence spans: the span the quoted
  words date (``Evidence.happened``), or else the report date of its source.
* **Sightings belong to a value.** The sightings of every statement asserting the same
  value (a country's ``repatriates = true``, one label of its ``classification``, one
  passage's origin, destination and channel) form one series. Between two sightings of a
  value, with no sighting of a contrary value between them, the value is documented
  *between sightings*, and the statements whose sightings bracket the day answer for it;
  the answer names both sightings and the gap. A gap cap (``max_gap``) leaves longer gaps
  open. After its last sighting a statement is only *last known*, unless the caller opts
  in to carrying it forward for a ``horizon``.
* A statement none of whose evidence is dated is *undated*: it answers no dated
  question, and is listed beside answers as context.

A sighting whose span has an open start ("at some time up to 2008") sees no particular
day: it is a sighting ending on its last day, which brackets later days and can be last
known. One with an open end counts up to its source's report date.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from nkasylum.core.periods import Basis
from nkasylum.core.when import When
from nkasylum.model.sources import Evidence
from nkasylum.model.support import Backing, Support

__all__ = ["BETWEEN", "CARRIED", "IN_FORCE", "SEEN", "Timing", "bridges", "dates_nothing", "is_open",
           "observed", "sighting", "timing"]

_DAY = dt.timedelta(days=1)
_ZERO = dt.timedelta(0)


SEEN, BETWEEN, IN_FORCE, CARRIED = 4, 3, 2, 1
"""The strength of a statement's support on a day, strongest first (precedence on one day)."""

_Sighting = tuple[dt.date, dt.date, When, tuple[Evidence, ...]]
"""A sighting: its first and last day, its date as the source gives it, and its evidence.
An open start ("at some time up to 2004-07-27") is kept as its last day alone, its date's
``lower`` being ``None``: it brackets later days and can be last known, but sees no day."""

_Days = list[tuple[dt.date, dt.date]]
# A bridge: the days from ``lo`` to ``hi`` lie between the sightings ``left`` and ``right``
# of one value (with no contrary sighting between them).
_Bridge = tuple[dt.date, dt.date, _Sighting, _Sighting]


def is_open(s: _Sighting) -> bool:
    """Whether a sighting has an open start (it sees no particular day)."""
    return s[2].lower is None


class Timing:
    """When one statement is documented: its kind, its sightings and the days it answers on.

    A plain slotted class: internal, one per statement, built once per knowledge base.
    An observation answers on its sightings (``closed``) and on its ``bridges``: the days
    between two sightings of a value it states, one of them its own (the sightings of every
    statement asserting the same value form one series, see :func:`link`). ``intervals``
    are those days, sorted and disjoint; ``fields`` says, for a policy, on which days each
    of its values is documented beyond its own sightings (the merge keeps a value only there).
    """

    __slots__ = ("basis", "bridges", "closed", "end", "entry", "fields", "first", "intervals",
                 "last", "own", "own_bridges", "rule_dates", "rule_evidence", "sightings", "start",
                 "undated")

    def __init__(self, entry: str, basis: Basis, undated: bool, start: dt.date, end: dt.date,
                 sightings: tuple[_Sighting, ...], rule_evidence: tuple[Evidence, ...],
                 rule_dates: tuple[dt.date | None, ...] = ()) -> None:
        self.entry = entry
        self.basis = basis
        self.undated = undated
        self.sightings = sightings  # sorted by first day
        self.closed = tuple(s for s in sightings if not is_open(s))
        self.rule_evidence = rule_evidence
        # the first day each piece of a rule's evidence speaks to (None: undated)
        self.rule_dates = rule_dates or (None,) * len(rule_evidence)
        self.bridges: tuple[_Bridge, ...] = ()
        self.own_bridges: tuple[_Bridge, ...] = ()  # those between its own sightings
        self.fields: dict[Any, _Days] = {}
        self.own: _Days = []
        if undated:
            self.intervals: _Days = []
        elif basis is Basis.RULE:
            self.intervals = [(start, end)]
        else:
            self.intervals = _merge_days((s[0], s[1]) for s in self.closed)
        self.own = list(self.intervals)
        self._bounds(start, end)

    def _bounds(self, start: dt.date, end: dt.date) -> None:
        if self.intervals:
            start, end = self.intervals[0][0], self.intervals[-1][1]
        self.start = start
        self.end = end
        self.first = start.toordinal()  # the same days as ordinals, which route tables compare
        self.last = end.toordinal()

    def link(self, bridges: Sequence[_Bridge], own: Sequence[_Bridge],
             fields: Mapping[Any, Sequence[_Bridge]]) -> None:
        """Add the days between sightings: ``own`` bridges join its own sightings, the
        others join one of its sightings to another statement's sighting of a value it
        states (``fields``: those bridges by value)."""
        self.own_bridges = tuple(own)
        self.bridges = tuple(sorted({*bridges, *own}, key=lambda b: (b[0], b[1])))
        self.own = _merge_days([*((s[0], s[1]) for s in self.closed), *((b[0], b[1]) for b in own)])
        self.intervals = _merge_days([*self.own, *((b[0], b[1]) for b in self.bridges)])
        self.fields = {k: _merge_days((b[0], b[1]) for b in v) for k, v in fields.items()}
        self._bounds(self.start, self.end)

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """All its evidence, sightings in time order (or the rule's)."""
        if self.basis is Basis.RULE or self.undated:
            return self.rule_evidence
        return tuple(dict.fromkeys(e for s in self.sightings for e in s[3]))

    def _marks(self) -> list[dt.date]:
        """The last days from which it can be carried forward: each interval's last day and
        each open sighting's day."""
        return sorted({*(hi for _, hi in self.intervals), *(s[1] for s in self.sightings if is_open(s))})

    def days(self, horizon: dt.timedelta | None) -> _Days:
        """The days on which it answers, sorted and disjoint (empty: undated, or only last known)."""
        if self.undated:
            return []
        if horizon is None or self.basis is Basis.RULE:
            return self.intervals
        carried = []
        for mark in self._marks():
            if mark < dt.date.max:
                try:
                    carried.append((mark + _DAY, mark + horizon))
                except OverflowError:
                    carried.append((mark + _DAY, dt.date.max))
        return _merge_days([*self.intervals, *((lo, hi) for lo, hi in carried if lo <= hi)])

    def pieces(self, horizon: dt.timedelta | None) -> list[tuple[dt.date, dt.date, int]]:
        """The days it answers on, in sorted disjoint pieces, each with the strength of its
        support there (precedence on one day): :data:`SEEN` > :data:`BETWEEN` > :data:`IN_FORCE`
        > :data:`CARRIED`."""
        if self.undated:
            return []
        if self.basis is Basis.RULE:
            return [(lo, hi, IN_FORCE) for lo, hi in self.intervals]
        seen = _merge_days((x[0], x[1]) for x in self.closed)
        out = [(lo, hi, SEEN) for lo, hi in seen]
        out += [(lo, hi, BETWEEN) for lo, hi in _minus(self.intervals, seen)]
        if horizon is not None:
            out += [(lo, hi, CARRIED) for lo, hi in _minus(self.days(horizon), self.intervals)]
        return sorted(out)

    def reach(self, horizon: dt.timedelta | None) -> tuple[dt.date, dt.date] | None:
        """The first and last day on which it answers (``None``: never); see :meth:`days`
        for the days themselves, which a contrary sighting or a gap cap may split."""
        days = self.days(horizon)
        return (days[0][0], days[-1][1]) if days else None

    def covers(self, day: dt.date, horizon: dt.timedelta | None) -> bool:
        """Whether it answers for ``day`` (in force, seen, between sightings, carried forward)."""
        days = self.days(horizon)
        i = bisect.bisect_right(days, (day, dt.date.max)) - 1
        return i >= 0 and days[i][1] >= day

    def spans(self) -> tuple[tuple[dt.date, dt.date], ...]:
        """The days it was seen on (or, for a rule, its whole span)."""
        if self.undated:
            return ()
        if self.basis is Basis.RULE:
            return ((self.start, self.end),)
        return tuple((s[0], s[1]) for s in self.closed)

    def states(self, key: Any, day: dt.date) -> bool:
        """Whether the value ``key`` it states is documented through it on ``day``: on its own
        days (sightings and the days between them), or between a sighting of the value."""
        for days in (self.own, self.fields.get(key, ())):
            i = bisect.bisect_right(days, (day, dt.date.max)) - 1
            if i >= 0 and days[i][1] >= day:
                return True
        return self.basis is Basis.RULE

    def support(self, day: dt.date, horizon: dt.timedelta | None) -> Backing:
        """How it is supported on ``day``, citing only the sightings that bear on it."""
        if self.undated:
            return Backing(self.entry, Support.UNDATED, _ZERO, self.evidence)
        if self.basis is Basis.RULE:
            # A rule's evidence that speaks of a later time (an amendment, a later report of
            # it in the present tense) does not bear on an earlier day.
            cited = tuple(e for e, d in zip(self.rule_evidence, self.rule_dates, strict=True)
                          if d is None or d <= day) or self.rule_evidence
            if self.start <= day <= self.end:
                return Backing(self.entry, Support.RULE, _ZERO, cited)
            if day > self.end:
                return Backing(self.entry, Support.LAST_KNOWN, day - self.end, cited)
            return Backing(self.entry, Support.NOTHING, self.start - day, ())
        covering = [s for s in self.closed if s[0] <= day <= s[1]]
        if covering:
            return Backing(self.entry, Support.SEEN, _ZERO,
                           tuple(dict.fromkeys(e for s in covering for e in s[3])), covering[-1][2])
        bridging = [b for b in self.bridges if b[0] <= day <= b[1]]
        if bridging:
            _, _, left, right = min(bridging, key=lambda b: (b[3][0] - b[2][1], b[0]))
            since, ahead = day - left[1], right[0] - day
            return Backing(self.entry, Support.BETWEEN_SIGHTINGS, min(since, ahead),
                           tuple(dict.fromkeys(left[3] + right[3])),
                           left[2] if since <= ahead else right[2],
                           gap=right[0] - left[1], before=left[2], after=right[2])
        marks = [m for m in self._marks() if m < day]
        if not marks:
            later = [lo for lo, _ in self.intervals if lo > day]
            return Backing(self.entry, Support.NOTHING, (later[0] - day) if later else _ZERO, ())
        last = marks[-1]
        since = day - last
        # the latest sighting of its own on or before the last day it answered
        mine = [s for s in self.sightings if s[1] <= last] or list(self.sightings[:1])
        latest = max(mine, key=lambda s: s[1])
        kind = (Support.CARRIED_FORWARD if horizon is not None and since <= horizon
                else Support.LAST_KNOWN)
        return Backing(self.entry, kind, since, latest[3], latest[2])

    def breaks(self, horizon: dt.timedelta | None) -> tuple[dt.date, ...]:
        """The days on which whether it answers, or how strongly (see :meth:`pieces`), changes."""
        days = []
        for lo, hi, _ in self.pieces(horizon):
            if lo > dt.date.min:
                days.append(lo)
            if hi < dt.date.max:
                days.append(hi + _DAY)
        return tuple(days)

    def change_days(self, horizon: dt.timedelta | None) -> tuple[dt.date, ...]:
        """The days on which whether it answers changes: the first day of each span of days
        it answers on and the day after its last (constant between two such days)."""
        days = []
        for lo, hi in self.days(horizon):
            if lo > dt.date.min:
                days.append(lo)
            if hi < dt.date.max:
                days.append(hi + _DAY)
        return tuple(days)


def _minus(a: _Days, b: _Days) -> _Days:
    """The days of ``a`` (sorted, disjoint) that are not in ``b`` (sorted, disjoint)."""
    out: _Days = []
    for lo, hi in a:
        cur, done = lo, False
        for blo, bhi in b:
            if bhi < cur or blo > hi:
                continue
            if blo > cur:
                out.append((cur, blo - _DAY))
            if bhi >= hi:
                done = True
                break
            cur = bhi + _DAY
        if not done and cur <= hi:
            out.append((cur, hi))
    return out


def _merge_days(spans: Iterable[tuple[dt.date, dt.date]]) -> _Days:
    """Sorted, disjoint spans covering the same days (spans that touch are joined)."""
    merged: _Days = []
    for lo, hi in sorted(spans):
        if merged and (merged[-1][1] == dt.date.max or lo <= merged[-1][1] + _DAY):
            if hi > merged[-1][1]:
                merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


def bridges(anchors: Sequence[tuple[_Sighting, str]], contrary: Sequence[_Sighting],
            max_gap: dt.timedelta | None) -> list[tuple[_Bridge, str, str]]:
    """The days between consecutive sightings of one value, each with the owners of its two
    bracketing sightings.

    ``anchors``: every sighting of the value with the id of the statement it belongs to.
    A day lies between sightings when a sighting ends before it (an open start counts, as
    its last day) and a sighting with a start begins after it, with no ``contrary``
    sighting (of a value that says the opposite) between the two, and the two are at most
    ``max_gap`` apart (``None``: no cap).
    """
    ordered = sorted(anchors, key=lambda a: (a[0][0], a[0][1]))
    found: list[tuple[_Bridge, str, str]] = []
    left: tuple[_Sighting, str] | None = None  # the closed sighting that ends last so far
    opens: list[tuple[_Sighting, str]] = []  # open starts after it, by day
    for anchor in ordered:
        s = anchor[0]
        if is_open(s):
            if left is None or s[1] > left[0][1]:
                opens.append(anchor)
            continue
        lefts = ([left] if left is not None else []) + sorted(
            (o for o in opens if o[0][1] < s[0] and (left is None or o[0][1] > left[0][1])),
            key=lambda o: o[0][1])
        for i, (l_s, l_owner) in enumerate(lefts):
            if l_s[1] >= s[0]:
                continue
            lo = l_s[1] + _DAY
            hi = (lefts[i + 1][0][1] if i + 1 < len(lefts) else s[0] - _DAY)
            if lo > hi or (max_gap is not None and s[0] - l_s[1] > max_gap):
                continue
            if any(c[0] < s[0] and c[1] > l_s[1] for c in contrary):
                continue
            found.append(((lo, hi, l_s, s), l_owner, anchor[1]))
        if left is None or s[1] > left[0][1]:
            left = anchor
        opens = [o for o in opens if o[0][1] > left[0][1]]
    return found


def timing(entry: str, basis: Basis, evidence: Sequence[Evidence], valid_from: When | None,
           valid_until: When | None, undated: bool,
           reported: Callable[[Evidence], When | None]) -> Timing:
    """Build the timing of one statement.

    ``reported`` gives the report date of the source behind a piece of evidence. An
    observation that carries dates of its own (a policy merged over a span, or one built in
    code) is seen over exactly that span.
    """
    if basis is Basis.RULE or valid_from is not None or valid_until is not None:
        if undated or valid_from is None or valid_from.lower is None:
            return Timing(entry, basis, True, dt.date.max, dt.date.max, (), tuple(evidence))
        end = valid_until.end if valid_until is not None else dt.date.max
        if basis is Basis.RULE:
            dates = []
            for ev in evidence:
                when = ev.happened if ev.happened is not None else reported(ev)
                dates.append(when.lower if when is not None else None)
            return Timing(entry, basis, False, valid_from.start, end, (), tuple(evidence),
                          tuple(dates))
        span = When.between(valid_from.start, end if end < dt.date.max else None)
        return Timing(entry, basis, False, valid_from.start, end,
                      ((valid_from.start, end, span, tuple(evidence)),), ())
    if undated:
        return Timing(entry, basis, True, dt.date.max, dt.date.max, (), tuple(evidence))
    spans: list[_Sighting] = []
    for ev in evidence:
        seen = sighting(ev, reported(ev))
        if seen is not None:
            spans.append((*seen, (ev,)))
    return observed(entry, spans, tuple(evidence))


def observed(entry: str, spans: Sequence[_Sighting], evidence: tuple[Evidence, ...]) -> Timing:
    """The timing of an observation seen during ``spans`` (undated when there are none)."""
    if not spans:
        return Timing(entry, Basis.OBSERVATION, True, dt.date.max, dt.date.max, (), evidence)
    ordered = tuple(sorted(spans, key=lambda s: (s[0], s[1])))
    timing = Timing(entry, Basis.OBSERVATION, False, ordered[0][0], max(s[1] for s in ordered),
                    ordered, ())
    timing.link((), [b for b, _, _ in bridges([(s, entry) for s in ordered], (), None)], {})
    return timing


def sighting(evidence: Evidence, reported: When | None) -> tuple[dt.date, dt.date, When] | None:
    """The days one piece of evidence sees its statement on (``None``: it dates nothing).

    A span with an open start ("at some time up to 2008") sees no particular day: it is
    kept as its last day, a sighting that ends then (see :func:`is_open`); one with an open
    end counts up to the report date.
    """
    when = evidence.happened if evidence.happened is not None else reported
    if when is None:
        return None
    if when.lower is None:
        assert when.upper is not None  # a When is never open at both ends
        return when.upper, when.upper, when
    upper = when.upper
    if upper is None:  # an open end: up to the report date
        upper = when.lower if reported is None or reported.upper is None else max(
            when.lower, reported.upper)
    return when.lower, upper, when


def dates_nothing(item: Any, published: Mapping[str, When | None]) -> bool:
    """Whether ``item`` (a policy or passage) is an observation, not yet marked undated, that
    none of its evidence sees on a particular day (``published``: each source's report date).

    One seen only "at some time up to" a day is marked undated too: it answers no dated
    question and is shown as context; its open sightings bracket days only beside sightings
    of its own that see a day."""
    if item.basis is not Basis.OBSERVATION or item.undated or item.valid_from is not None:
        return False
    for e in item.evidence:
        seen = sighting(e, published.get(e.source))
        if seen is not None and seen[2].lower is not None:
            return False
    return True
