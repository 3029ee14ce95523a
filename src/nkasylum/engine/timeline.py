"""Policies over time: statements that must not contradict each other, merged into one timeline.

A country's policy statements are cut at every day on which one of them starts or stops
answering (a rule's start and end; an observation's first sighting and the day after its
last, or after its ``horizon``); on each span between two cuts the statements that answer
are merged into one :class:`~nkasylum.Policy` whose period is that span and whose id joins
theirs with ``+``. Where they disagree on a yes/no field, the statement that began most
recently speaks for the span (newer information first). Undated statements have no such
order: where they disagree on a yes/no field, their merged policy leaves it unknown.

A span's policy is merged when it is first read (:class:`Segments`): an answer reads the
span of its day, and the leg rule only what each span says on returns and admission
(its :class:`Gist`), so a country's first question no longer merges the text and
evidence of every span it ever had.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, overload

import attrs

from nkasylum.core.errors import DataError
from nkasylum.core.periods import Basis
from nkasylum.core.places import place_code
from nkasylum.core.when import When
from nkasylum.engine.sightings import Timing
from nkasylum.model.policies import Policy

__all__ = ["Gist", "Key", "Segments", "Timeline", "change_days", "check_consistent", "closed",
           "merge_timeline", "policy_ids", "policy_values", "sends_back"]

_DAY = dt.timedelta(days=1)


def change_days(timings: Iterable[Timing], horizon: dt.timedelta | None) -> list[dt.date]:
    """The days on which one of these statements starts or stops answering, sorted.

    Between two consecutive days the same statements answer, so anything computed from
    them for one day holds for the whole span (``bisect_right`` names the span).
    """
    return sorted({d for t in timings for d in t.change_days(horizon)})


def _overlap(a: Timing, b: Timing) -> bool:
    return any(lo1 <= hi2 and lo2 <= hi1 for lo1, hi1 in a.spans() for lo2, hi2 in b.spans())


def check_consistent(statements: Sequence[Policy], timings: Mapping[str, Timing]) -> None:
    """Statements seen (or in force) together must not contradict each other on a yes/no field.

    Two observations contradict each other only where sightings overlap: a practice seen
    in 2005 and its opposite seen in 2013 are a change, not a contradiction. Undated
    statements cannot be placed in time, so they may describe different periods: they are
    kept side by side (and answer no dated question).

    Raises:
        DataError: naming the later statement, the field, and the statement it contradicts.
    """
    for i, a in enumerate(statements):
        for b in statements[i + 1:]:
            for field in ("repatriates", "admits"):
                va, vb = getattr(a, field), getattr(b, field)
                if va is not None and vb is not None and va != vb and _overlap(
                        timings[a.id], timings[b.id]):
                    raise DataError(
                        f"contradicts policy {a.id!r} ({field} = {str(va).lower()}) over an "
                        "overlapping period; narrow one period, or record the disagreement "
                        "as a [[conflict]] between two sources",
                        entry=f"policy {b.id!r}", field=field)


class Gist:
    """What a span's merged policy says on returns and admission, without its text and
    evidence: the fields the leg rule reads (:func:`sends_back`, :func:`closed`), with the
    merged policy's values."""

    __slots__ = ("admits", "exceptions", "repatriates", "returns_to", "undated")

    def __init__(self, active: Sequence[Policy], undated: bool) -> None:
        self.repatriates = _yes_no(active, "repatriates", undated)
        self.returns_to = _union(s.returns_to for s in active)
        self.admits = _yes_no(active, "admits", undated)
        self.exceptions = _union(s.exceptions for s in active)
        self.undated = undated


def sends_back(policy: Policy | Gist | None) -> bool:
    """Whether a policy sends North Koreans back: to North Korea, or to another country."""
    return policy is not None and (bool(policy.repatriates) or bool(policy.returns_to))


def closed(policy: Policy | Gist | None) -> bool:
    """Whether a destination's policy shuts North Koreans out (refuses them, or sends them back)."""
    return policy is not None and (policy.admits is False or sends_back(policy))


class Segments(Sequence[Policy]):
    """A timeline's merged policies, in time order (undated last), each merged the first
    time it is read and then kept; ``gists`` holds what each says on returns and admission.

    Two threads reading a span at once may each merge it: the two are equal values, and
    either is kept.
    """

    __slots__ = ("_made", "_parts", "_timings", "gists")

    def __init__(self, parts: list[tuple[list[Policy], dt.date | None, dt.date | None]],
                 timings: Mapping[str, Timing]) -> None:
        self._parts = parts  # each span's statements, newest first, and its first and last day
        self._timings = timings
        self._made: list[Policy | None] = [None] * len(parts)
        self.gists = tuple(Gist(active, start is None) for active, start, _ in parts)

    def __len__(self) -> int:
        return len(self._parts)

    @overload
    def __getitem__(self, i: int) -> Policy: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[Policy, ...]: ...

    def __getitem__(self, i: int | slice) -> Policy | tuple[Policy, ...]:
        if isinstance(i, slice):
            return tuple(self[j] for j in range(*i.indices(len(self))))
        found = self._made[i]
        if found is None:
            active, start, end = self._parts[i]
            found = self._made[i] = (_merged(active, None, None, self.gists[i])
                                     if start is None or end is None  # the undated span
                                     else _merge(active, start, end, self._timings, self.gists[i]))
        return found


Timeline = tuple[list[dt.date], list[dt.date], Segments]
"""The first days, last days and merged policies of a country's spans, in time order (undated last)."""


def merge_timeline(statements: Sequence[Policy], timings: Mapping[str, Timing],
                   horizon: dt.timedelta | None) -> Timeline:
    """One country's statements as a timeline of merged policies (see the module)."""
    dated = [s for s in statements if not timings[s.id].undated]
    cuts = [dt.date.min, *change_days((timings[s.id] for s in dated), horizon)]
    starts: list[dt.date] = []
    ends: list[dt.date] = []
    parts: list[tuple[list[Policy], dt.date | None, dt.date | None]] = []
    for i, start in enumerate(cuts):
        end = cuts[i + 1] - _DAY if i + 1 < len(cuts) else dt.date.max
        if end < start:
            continue
        active = [_trimmed(s, timings[s.id], start) for s in dated if timings[s.id].covers(start, horizon)]
        if not active:
            continue
        active.sort(key=lambda s: (-timings[s.id].start.toordinal(), s.id))
        starts.append(start)
        ends.append(end)
        parts.append((active, start, end))
    undated = [s for s in statements if timings[s.id].undated]
    if undated:
        starts.append(dt.date.max)
        ends.append(dt.date.max)
        parts.append((undated, None, None))
    return starts, ends, Segments(parts, timings)


Key = tuple[Any, ...]
"""The key of a series of sightings of one value (see :func:`policy_values`)."""


def policy_values(p: Policy) -> list[tuple[Key, Key | None]]:
    """The values a policy statement asserts, each as the key of its series and the key of
    the contrary value's series (``None``: no value contradicts it). A key is (country,
    field, label or ``None`` for a yes/no field, yes or no)."""
    c = place_code(p.country)
    found: list[tuple[Key, Key | None]] = []
    for name in ("repatriates", "admits"):
        value = getattr(p, name)
        if value is not None:
            found.append(((c, name, None, value), (c, name, None, not value)))
    for name, negated in (("classification", "not_classification"), ("grants", "not_grants")):
        for label in getattr(p, name):
            found.append(((c, name, label, True), (c, name, label, False)))
        for label in getattr(p, negated):
            found.append(((c, name, label, False), (c, name, label, True)))
    for where in p.returns_to:
        found.append(((c, "returns_to", place_code(where), True), None))
    for procedure in p.procedures:
        found.append(((c, "procedures", procedure, True), None))
    return found


def _trimmed(statement: Policy, timing: Timing, day: dt.date) -> Policy:
    """The statement with only the values it documents on ``day``: beyond its own sightings
    (and the days between them) it answers only for the values whose series bridge the day,
    so the rest (and what no series holds: urges, agreements, exceptions) is left out."""
    if not timing.fields or timing.states(None, day) or not timing.covers(day, None):
        return statement  # on its own days, or carried forward as a whole
    changes: dict[str, Any] = {"urges": (), "agreements": (), "exceptions": ()}
    for key, _ in policy_values(statement):
        if timing.states(key, day):
            continue
        _, name, label, value = key
        if label is None:
            changes[name] = None
            continue
        field = name if value else f"not_{name}"
        kept = changes.get(field, getattr(statement, field))
        changes[field] = tuple(x for x in kept
                               if (place_code(x) if name == "returns_to" else x) != label)
    return attrs.evolve(statement, **changes)


def _union(values: Iterable[tuple[Any, ...]]) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(v for group in values for v in group))


def _merge(active: Sequence[Policy], start: dt.date, end: dt.date,
           timings: Mapping[str, Timing], gist: Gist) -> Policy:
    first = active[0]
    if len(active) == 1 and first.basis is Basis.RULE and first.valid_from is not None and (
            first.valid_from.start, first.valid_until.end if first.valid_until else dt.date.max
    ) == (start, end):
        return first  # a rule over exactly its own period: itself, with its own EDTF dates
    # The span's ends as precisely as the statements that make them: a year seen is "2014".
    opens: dict[dt.date, When] = {}
    closes: dict[dt.date, When] = {}
    for s in active:
        t = timings[s.id]
        if s.valid_from is not None:
            opens.setdefault(s.valid_from.start, s.valid_from)
        if s.valid_until is not None:
            closes.setdefault(s.valid_until.end, s.valid_until)
        for lo, hi, when, _ in t.sightings:
            if when.lower is not None:
                opens.setdefault(lo, _side(when, 0))
            if when.upper is not None:
                closes.setdefault(hi, _side(when, 1))
    valid_from = None if start == dt.date.min else opens.get(start, When.day(start))
    valid_until = None if end == dt.date.max else closes.get(end, When.day(end))
    return _merged(active, valid_from, valid_until, gist)


def _side(when: When, end: int) -> When:
    """One end of an interval (``2002-03`` of ``2002-03/2004-06``), as its own date."""
    if not when.is_interval:
        return when
    part = when.text.split("/")[end]
    try:
        return When.parse(part)
    except DataError:  # an open end ("..") never reaches here: its bound is None
        return when


def _merged(active: Sequence[Policy], valid_from: When | None, valid_until: When | None,
            gist: Gist) -> Policy:
    first = active[0]
    if gist.undated and len(active) == 1 and first.undated:
        return first
    basis = (Basis.OBSERVATION if any(s.basis is Basis.OBSERVATION for s in active)
             else Basis.RULE)
    return Policy(
        id="+".join(s.id for s in active),
        country=first.country,
        summary=" ".join(s.summary for s in active),
        basis=basis,
        evidence=_union(s.evidence for s in active),
        valid_from=valid_from,
        valid_until=valid_until,
        undated=gist.undated,
        classification=_union(s.classification for s in active),
        urges=_union(s.urges for s in active),
        repatriates=gist.repatriates,
        returns_to=gist.returns_to,
        admits=gist.admits,
        grants=_union(s.grants for s in active),
        procedures=_union(s.procedures for s in active),
        agreements=_union(s.agreements for s in active),
        exceptions=gist.exceptions,
    )


def _yes_no(active: Sequence[Policy], field: str, undated: bool) -> bool | None:
    """The newest statement's answer; among undated ones, only an answer they all share."""
    said = [v for v in (getattr(s, field) for s in active) if v is not None]
    if undated and len(set(said)) > 1:
        return None
    return said[0] if said else None


def policy_ids(policy: Policy) -> tuple[str, ...]:
    """The ids of the statements a (possibly merged) policy was made from."""
    return tuple(policy.id.split("+"))
