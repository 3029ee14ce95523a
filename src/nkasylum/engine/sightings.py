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
from collections.abc import Callable, Sequence

from nkasylum.core.periods import Basis
from nkasylum.core.when import When
from nkasylum.model.sources import Evidence
from nkasylum.model.support import Backing, Support

__all__ = ["Timing", "sighting", "timing"]

_DAY = dt.timedelta(days=1)
_ZERO = dt.timedelta(0)


class Timing:
    """When one statement is documented: its kind, its sightings and its documented span.

    A plain slotted class: internal, one per statement, built once per knowledge base.
    """

    __slots__ = ("basis", "end", "entry", "evidence", "last_end", "rule_evidence", "sightings",
                 "start", "undated")

    def __init__(self, entry: str, basis: Basis, undated: bool, start: dt.date, end: dt.date,
                 sightings: tuple[tuple[dt.date, dt.date, When, Evidence], ...],
                 rule_evidence: tuple[Evidence, ...]) -> None:
        self.entry = entry
        self.basis = basis
        self.undated = undated
        self.start = start
        self.end = end
        self.sightings = sightings  # sorted by start
        self.last_end = max((s[1] for s in sightings), default=end)
        self.rule_evidence = rule_evidence
        self.evidence = tuple(s[3] for s in sightings)

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
        reach = self.reach(horizon)
        return reach is not None and reach[0] <= day <= reach[1]

    def support(self, day: dt.date, horizon: dt.timedelta | None) -> Backing:
        """How it is supported on ``day``."""
        if self.undated:
            return Backing(self.entry, Support.UNDATED, _ZERO, self.rule_evidence or self.evidence)
        if self.basis is Basis.RULE:
            if self.start <= day <= self.end:
                return Backing(self.entry, Support.RULE, _ZERO, self.rule_evidence)
            if day > self.end:
                return Backing(self.entry, Support.LAST_KNOWN, day - self.end, self.rule_evidence)
            return Backing(self.entry, Support.NOTHING, self.start - day, ())
        starts = [s[0] for s in self.sightings]
        i = bisect.bisect_right(starts, day)  # sightings[:i] start at or before day
        before = self.sightings[:i]
        covering = [s for s in before if s[1] >= day]
        if covering:
            return Backing(self.entry, Support.SEEN, _ZERO, tuple(s[3] for s in before),
                           covering[-1][2])
        if not before:
            return Backing(self.entry, Support.NOTHING, self.start - day, ())
        latest = max(before, key=lambda s: s[1])
        since = day - latest[1]
        cited = tuple(s[3] for s in before)
        if day <= self.end:  # a later sighting exists
            nxt = self.sightings[i]
            following = tuple(s[3] for s in self.sightings[i:] if s[0] == nxt[0])
            age = min(since, nxt[0] - day)
            sighting = latest[2] if since <= nxt[0] - day else nxt[2]
            return Backing(self.entry, Support.BETWEEN_SIGHTINGS, age, cited + following, sighting)
        if horizon is not None and since <= horizon:
            return Backing(self.entry, Support.CARRIED_FORWARD, since, cited, latest[2])
        return Backing(self.entry, Support.LAST_KNOWN, since, cited, latest[2])

    def change_days(self, horizon: dt.timedelta | None) -> tuple[dt.date, ...]:
        """The days on which whether it answers changes: its first day and the day after
        its last (a verdict is constant between two such days)."""
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

    ``reported`` gives the report date of the source behind a piece of evidence.
    """
    if basis is Basis.RULE:
        if undated or valid_from is None:
            return Timing(entry, basis, True, dt.date.max, dt.date.max, (), tuple(evidence))
        end = valid_until.end if valid_until is not None else dt.date.max
        return Timing(entry, basis, False, valid_from.start, end, (), tuple(evidence))
    spans: list[tuple[dt.date, dt.date, When, Evidence]] = []
    for ev in evidence:
        seen = sighting(ev, reported(ev))
        if seen is not None:
            spans.append((*seen, ev))
    if not spans:
        return Timing(entry, basis, True, dt.date.max, dt.date.max, (), tuple(evidence))
    spans.sort(key=lambda s: (s[0], s[1]))
    return Timing(entry, basis, False, spans[0][0], max(s[1] for s in spans), tuple(spans), ())


def sighting(evidence: Evidence, reported: When | None) -> tuple[dt.date, dt.date, When] | None:
    """The days one piece of evidence sees its statement on (``None``: it dates nothing)."""
    when = evidence.happened if evidence.happened is not None else reported
    if when is None or when.lower is None:
        return None
    upper = when.upper
    if upper is None:
        if reported is None or reported.upper is None:
            upper = when.lower
        else:
            upper = max(when.lower, reported.upper)
    return when.lower, upper, when
