"""Series of sightings of one value: every statement asserting the same value adds its
sightings to one series, and each observation answers on the days between its sightings
and the nearest sightings of its values by other statements (see
:mod:`nkasylum.engine.sightings`). Cases with a dated route, and counts of arrivals through
a place, are sightings of their legs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from nkasylum.core.countries import Country
from nkasylum.core.periods import Basis
from nkasylum.core.places import place_code
from nkasylum.core.when import When
from nkasylum.engine.sightings import Timing, bridges, observed
from nkasylum.engine.timeline import Key, policy_values
from nkasylum.model.cases import Case, Outcome
from nkasylum.model.passages import Channel, Passage
from nkasylum.model.policies import Policy
from nkasylum.model.statistics import Statistic

__all__ = ["case_legs", "link_series", "relink"]


def relink(t: Timing, max_gap: dt.timedelta | None) -> None:
    """Bridge one statement's own sightings again, under a gap cap."""
    if not t.undated and t.basis is Basis.OBSERVATION:
        t.link((), [b for b, _, _ in bridges([(x, t.entry) for x in t.sightings], (), max_gap)], {})


def _anchors(t: Timing) -> list[Any]:
    """The sightings a statement adds to its values' series (a rule: its whole span)."""
    if t.undated:
        return []
    if t.basis is Basis.RULE:
        return [(t.start, t.end, When.between(t.start, t.end if t.end < dt.date.max else None),
                 t.rule_evidence)]
    return list(t.sightings)


def link_series(policies: Sequence[Policy], passages: Sequence[Passage], timings: dict[str, Timing],
                max_gap: dt.timedelta | None) -> None:
    """Join the sightings of every statement asserting the same value into one series, and
    give each observation the days between its sightings and the nearest sightings of its
    values by other statements (see :mod:`nkasylum.engine.sightings`).

    A policy's values are those of :func:`policy_values`; a passage's is its origin,
    destination and channel (passages have no contrary value: a policy that sends people
    back is weighed against them by the leg rule)."""
    series: dict[Key, list[Any]] = {}
    owners: dict[str, list[tuple[Key, Key | None]]] = {}
    for p in policies:
        values = policy_values(p)
        owners[p.id] = values
        if values:
            anchors = [(s, p.id) for s in _anchors(timings[p.id])]
            for key, _ in values:
                series.setdefault(key, []).extend(anchors)
    for q in passages:
        key = ("passage", place_code(q.origin), place_code(q.dest), q.channel)
        owners[q.id] = [(key, None)]
        series.setdefault(key, []).extend((s, q.id) for s in _anchors(timings[q.id]))
    found: dict[Key, list[tuple[Any, str, str]]] = {}
    for key, anchors in series.items():
        owned = {i for _, i in anchors}
        if not anchors or (len(owned) < 2 and max_gap is None):
            continue  # one statement alone: its own sightings already bridge each other
        contrary_key = next((c for k, c in owners[anchors[0][1]] if k == key), None)
        contrary = [s for s, _ in series.get(contrary_key, ())] if contrary_key else []
        found[key] = bridges(anchors, contrary, max_gap)
    for entry, values in owners.items():
        t = timings[entry]
        if t.undated or t.basis is Basis.RULE:
            continue
        fields = {key: [b for b, left, right in found.get(key, ()) if entry in (left, right)]
                  for key, _ in values}
        fields = {k: v for k, v in fields.items() if v}
        if fields or max_gap is not None:
            own = [b for b, _, _ in bridges([(x, entry) for x in t.sightings], (), max_gap)] \
                if max_gap is not None else list(t.own_bridges)
            t.link([b for v in fields.values() for b in v], own, fields)


_MOVED_LAST = frozenset({Outcome.REPATRIATED, Outcome.DEPORTED})


def case_legs(cases: Sequence[Case], passages: Sequence[Passage], scope: tuple[str, ...],
               timings: dict[str, Timing], statistics: Sequence[Statistic] = ()) -> tuple[Passage, ...]:
    """Cases with a documented route and date, and counts of arrivals through a place, as
    sightings of their legs' passages.

    Each leg between two countries that goes out of the origin's reach (not back into an
    origin in scope, and not the last leg of a case that ends in a return or deportation)
    is seen during the case's dates: as a sighting of every passage with the same origin,
    destination and channel (``unknown-route`` when the leg names none), or, where no
    passage has them, of a passage made from the cases (id ``case-leg.<origin>.<dest>.<channel>``).
    A count of arrivals in a country through another (``Statistic.via``) is a sighting of
    the way-unknown leg between them during the count's period."""
    by_key: dict[tuple[str, str, Channel], list[Passage]] = {}
    for q in passages:
        if isinstance(q.origin, Country) and isinstance(q.dest, Country) and not q.via_third_country:
            by_key.setdefault((q.origin.alpha_2, q.dest.alpha_2, q.channel), []).append(q)
    seen: dict[tuple[str, str, Channel], list[tuple[Case | Statistic, Any]]] = {}
    for case in cases:
        if case.route is None or case.date is None:
            continue
        days = _case_days(case.date)
        legs = case.route.legs[:-1] if case.outcome in _MOVED_LAST else case.route.legs
        for leg in legs:
            if not (isinstance(leg.origin, Country) and isinstance(leg.dest, Country)) or \
                    leg.dest.alpha_2 in scope:
                continue
            key = (leg.origin.alpha_2, leg.dest.alpha_2, leg.channel or Channel.UNKNOWN_ROUTE)
            seen.setdefault(key, []).append((case, days))
    for stat in statistics:
        if stat.counts_arrivals and isinstance(stat.via, Country) and isinstance(stat.place, Country) \
                and stat.as_of is not None and stat.via.alpha_2 != stat.place.alpha_2:
            key = (stat.via.alpha_2, stat.place.alpha_2, Channel.UNKNOWN_ROUTE)
            seen.setdefault(key, []).append((stat, _case_days(stat.as_of)))
    made = []
    for key, found in sorted(seen.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2].value)):
        spans = [(*days, case.evidence) for case, days in found]
        targets = by_key.get(key)
        if targets:
            for q in targets:
                t = timings[q.id]
                if t.basis is Basis.OBSERVATION and not t.undated:
                    timings[q.id] = observed(q.id, [*t.sightings, *spans], t.evidence)
            continue
        origin, dest, channel = key
        pid = f"case-leg.{origin.lower()}.{dest.lower()}.{channel.value}"
        evidence = tuple(dict.fromkeys(e for case, _ in found for e in case.evidence))
        made.append(Passage(
            id=pid, origin=origin, dest=dest, channel=channel, basis=Basis.OBSERVATION,
            evidence=evidence,
            summary=("Documented cases (or counts of arrivals through the first country) show "
                     "this way used then: " + ", ".join(dict.fromkeys(case.id for case, _ in found)) + ".")))
        timings[pid] = observed(pid, spans, evidence)
    return tuple(made)


def _case_days(date: When) -> tuple[dt.date, dt.date, When]:
    """The days a case's date spans (an open start as its last day; an open end as its first)."""
    if date.lower is None:
        assert date.upper is not None
        return date.upper, date.upper, date
    return date.lower, date.upper if date.upper is not None else date.lower, date
