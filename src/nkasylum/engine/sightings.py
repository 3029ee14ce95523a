"""Sightings and support: how far a statement reaches in time, and how it is supported on a day.

* A **rule** (law, treaty, official status) is *in force* from the start of its
  ``valid_from`` until the end of its ``valid_until`` (or without end).
* An **observation** is *seen* during each of its evidence spans: the span the quoted
  words date (``Evidence.happened``), or else the report date of its source. Between its
  first and last sighting it is documented *between sightings*. After its last sighting
  it is only *last known*, unless the caller opts in to carrying it forward for a
  ``horizon``.
* A statement none of whose evidence is dated is *undated*: it answers no dated
  question, and is listed beside answers as context.

A sighting whose span has an open start ("at some time up to 2008") dates nothing it
could be seen on, so it does not count as a sighting; one with an open end counts up to
its source's report date.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from nkasylum.core.periods import Basis
from nkasylum.core.when import When
from nkasylum.model.sources import Evidence
from nkasylum.model.support import Backing, Support

__all__ = ["Timing", "dates_nothing", "observed", "sighting", "timing"]

_DAY = dt.timedelta(days=1)
_ZERO = dt.timedelta(0)


_Sighting = tuple[dt.date, dt.date, When, tuple[Evidence, ...]]


class Timing:
    """When one statement is documented: its kind, its sightings and its documented span.

    A plain slotted class: internal, one per statement, built once per knowledge base.
    """

    __slots__ = ("basis", "end", "entry", "first", "last", "rule_dates", "rule_evidence",
                 "sightings", "start", "starts", "undated")

    def __init__(self, entry: str, basis: Basis, undated: bool, start: dt.date, end: dt.date,
                 sightings: tuple[_Sighting, ...], rule_evidence: tuple[Evidence, ...],
                 rule_dates: tuple[dt.date | None, ...] = ()) -> None:
        self.entry = entry
        self.basis = basis
        self.undated = undated
        self.start = start
        self.end = end
        self.first = start.toordinal()  # the same days as ordinals, which route tables compare
        self.last = end.toordinal()
        self.sightings = sightings  # sorted by first day
        self.starts = [s[0] for s in sightings]
        self.rule_evidence = rule_evidence
        # the first day each piece of a rule's evidence speaks to (None: undated)
        self.rule_dates = rule_dates or (None,) * len(rule_evidence)

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """All its evidence, sightings in time order (or the rule's)."""
        if self.basis is Basis.RULE or self.undated:
            return self.rule_evidence
        return tuple(dict.fromkeys(e for s in self.sightings for e in s[3]))

    def reach(self, horizon: dt.timedelta | None) -> tuple[dt.date, dt.date] | None:
        """The first and last day on which it answers (``None``: undated)."""
        if self.undated:
            return None
        if horizon is None or self.basis is Basis.RULE or self.end == dt.date.max:
            return self.start, self.end
        try:
            return self.start, self.end + horizon
        except OverflowError:
            return self.start, dt.date.max

    def covers(self, day: dt.date, horizon: dt.timedelta | None) -> bool:
        """Whether it answers for ``day`` (in force, seen, between sightings, carried forward)."""
        if self.undated or day < self.start:
            return False
        if day <= self.end:
            return True
        return horizon is not None and self.basis is not Basis.RULE and day - self.end <= horizon

    def spans(self) -> tuple[tuple[dt.date, dt.date], ...]:
        """The days it was seen on (or, for a rule, its whole span)."""
        if self.undated:
            return ()
        if self.basis is Basis.RULE:
            return ((self.start, self.end),)
        return tuple((s[0], s[1]) for s in self.sightings)

    def support(self, day: dt.date, horizon: dt.timedelta | None) -> Backing:
        """How it is supported on ``day``."""
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
        i = bisect.bisect_right(self.starts, day)  # sightings[:i] start on or before day
        before = self.sightings[:i]
        if not before:
            return Backing(self.entry, Support.NOTHING, self.start - day, ())
        cited = tuple(dict.fromkeys(e for s in before for e in s[3]))
        covering = [s for s in before if s[1] >= day]
        if covering:
            return Backing(self.entry, Support.SEEN, _ZERO, cited, covering[-1][2])
        latest = max(before, key=lambda s: s[1])
        since = day - latest[1]
        if day <= self.end:  # a later sighting exists: the next one is cited too
            nxt = self.sightings[i]
            following = tuple(e for s in self.sightings[i:] if s[0] == nxt[0] for e in s[3])
            ahead = nxt[0] - day
            return Backing(self.entry, Support.BETWEEN_SIGHTINGS, min(since, ahead),
                           tuple(dict.fromkeys(cited + following)),
                           latest[2] if since <= ahead else nxt[2])
        if horizon is not None and since <= horizon:
            return Backing(self.entry, Support.CARRIED_FORWARD, since, cited, latest[2])
        return Backing(self.entry, Support.LAST_KNOWN, since, cited, latest[2])

    def change_days(self, horizon: dt.timedelta | None) -> tuple[dt.date, ...]:
        """The days on which whether it answers changes: its first day and the day after
        its last (whether a statement applies is constant between two such days)."""
        reach = self.reach(horizon)
        if reach is None:
            return ()
        days = [reach[0]] if reach[0] > dt.date.min else []
        if reach[1] < dt.date.max:
            days.append(reach[1] + _DAY)
        return tuple(days)


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
    return Timing(entry, Basis.OBSERVATION, False, ordered[0][0], max(s[1] for s in ordered),
                  ordered, ())


def sighting(evidence: Evidence, reported: When | None) -> tuple[dt.date, dt.date, When] | None:
    """The days one piece of evidence sees its statement on (``None``: it dates nothing).

    A span with an open start ("at some time up to 2008") dates no day it could be seen on;
    one with an open end counts up to the report date.
    """
    when = evidence.happened if evidence.happened is not None else reported
    if when is None or when.lower is None:
        return None
    upper = when.upper
    if upper is None:  # an open end: up to the report date
        upper = when.lower if reported is None or reported.upper is None else max(
            when.lower, reported.upper)
    return when.lower, upper, when


def dates_nothing(item: Any, published: Mapping[str, When | None]) -> bool:
    """Whether ``item`` (a policy or passage) is an observation, not yet marked undated, that
    none of its evidence dates (``published``: each source's report date)."""
    return (item.basis is Basis.OBSERVATION and not item.undated and item.valid_from is None
            and all(sighting(e, published.get(e.source)) is None for e in item.evidence))
