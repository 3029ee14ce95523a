"""The index of a knowledge base: its entries by id, by country and by span of days, built once.

Everything the reasoning modules read comes from here, so they take an :class:`Index` rather
than the :class:`~nkasylum.KnowledgeBase` that owns it. The index also holds the caches in
which they keep what they compute (edges per span, routes, answers), one typed cache per
function (:class:`Caches`); a cache is emptied when it holds :data:`MEMO_LIMIT` entries, and
all of them when together they hold about :data:`MEMO_BYTES` of memory, which bounds memory
in long loops (over days, journeys or horizons).
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import TYPE_CHECKING, Any, Union

from nkasylum.core.caches import Budget, Cache
from nkasylum.core.countries import Country
from nkasylum.core.errors import DataError
from nkasylum.core.periods import Basis
from nkasylum.core.places import place_code
from nkasylum.core.text import did_you_mean
from nkasylum.core.when import When
from nkasylum.engine.sightings import Timing, observed, timing
from nkasylum.engine.timeline import Timeline, check_consistent, merge_timeline
from nkasylum.engine.valueseries import case_legs, link_series, relink
from nkasylum.model.cases import Case
from nkasylum.model.conflicts import Conflict
from nkasylum.model.passages import Channel, Passage
from nkasylum.model.policies import Policy
from nkasylum.model.routes import Leg
from nkasylum.model.sources import Evidence, Source
from nkasylum.model.statistics import Statistic

if TYPE_CHECKING:  # the types of what the modules above keep here; they import this module
    from nkasylum.engine.fast.adjacency import _Every
    from nkasylum.engine.fast.chains import Step
    from nkasylum.engine.fast.documented import CountryDays, Days, _Reaching
    from nkasylum.model.answers import PolicyAnswer

_Horizon = Union[dt.timedelta, None]
_Dated = tuple[tuple[int, ...], tuple[Any, ...]]
"""A value kept per span of days: the first days of the spans, sorted, and the value of each
(see :func:`nkasylum.engine.fast.adjacency.dated_get`)."""

__all__ = ["ANSWERS_BYTES", "ANSWERS_LIMIT", "ANSWER_BYTES", "ITEM_BYTES", "MEMO_BYTES", "MEMO_LIMIT",
           "Answers", "Caches", "Entry", "Index", "statistic_order"]

Entry = Union[Policy, Passage, Case, Statistic, Conflict]
"""Any entry of the knowledge base that has an id and evidence."""

MEMO_LIMIT = 200_000
"""Entries a cache of the index holds before it is emptied (bounds memory in loops)."""

MEMO_BYTES = 64 * 1024 * 1024
"""About how much memory the caches of an index may hold together before they are emptied,
estimated from what each of their entries holds (see :meth:`~nkasylum.core.caches.Cache.keep`)."""

ITEM_BYTES = 60
"""About how much memory one item of a cache entry takes (a passage in a table of a span, a
leg of a route, an interval of days, a policy of a timeline, with the slot that holds it);
an entry also counts two items for its key and slot. A test checks the estimate against the
memory a loop of questions really adds."""


ANSWERS_LIMIT = 100_000
"""Answers an answer cache holds at most before it is emptied."""

ANSWER_BYTES = 2_000
"""About how much memory one answer takes once its details are read (steps, supports,
evidence, alternatives, what was last known), with its key and slot: measured as the resident memory
20,000 distinct questions on the bundled data add, about 1.9 KB an answer read (0.7 KB
unread)."""

ANSWERS_BYTES = 24 * 1024 * 1024
"""About how much memory an answer cache's answers may take before it is emptied (estimated
from each answer's size, see :meth:`Answers.put`)."""


class Answers:
    """A cache of answers bounded by entries and by their estimated size in memory.

    Emptied, not trimmed, when either bound is passed: a loop of distinct questions gains
    nothing from old answers, and emptying keeps a hit to one dictionary look-up.
    """

    __slots__ = ("data", "weight")

    def __init__(self) -> None:
        self.data: dict[Any, Any] = {}
        self.weight = 0

    def get(self, key: Any) -> Any:
        """The answer kept under ``key``, or ``None``."""
        return self.data.get(key)

    def put(self, key: Any, answer: Any) -> None:
        """Keep ``answer``, counting it as :data:`ANSWER_BYTES`: the size of an answer whose
        details have been read. The details of a new answer are worked out only when read,
        so they cannot be counted here without working them out; the cache counts each
        answer as if they were there."""
        if len(self.data) >= ANSWERS_LIMIT or self.weight + ANSWER_BYTES > ANSWERS_BYTES:
            self.data.clear()
            self.weight = 0
        self.data[key] = answer
        self.weight += ANSWER_BYTES

    def __len__(self) -> int:
        return len(self.data)


class Caches:
    """The caches of one index, one per cached function, each typed by its key and value and
    bounded by :data:`MEMO_LIMIT` entries; together they are bounded by :data:`MEMO_BYTES`
    (their :attr:`budget`). A horizon of ``None`` is the default: nothing carried forward."""

    __slots__ = (
        "all_time_distances",
        "breakpoints",
        "budget",
        "country_days",
        "documented_days",
        "every",
        "incoming",
        "leg_tables",
        "legs",
        "legs_from",
        "merged",
        "newest",
        "outgoing",
        "passage_legs",
        "policy_answers",
        "policy_days",
        "prefix_tables",
        "reaching",
        "read",
        "routes",
        "sealed",
        "steps",
        "timelines",
        "undated",
        "waypoint_blocked",
        "waypoint_days",
        "waypoint_routes",
        "ways_out",
        "whole",
    )

    def __init__(self) -> None:
        self.budget = budget = Budget(lambda: MEMO_BYTES, ITEM_BYTES)
        n = MEMO_LIMIT
        # index.py: the lookups of the index itself
        self.breakpoints: Cache[_Horizon, list[dt.date]] = Cache("breakpoints", budget, n)
        self.timelines: Cache[tuple[str, _Horizon], Timeline] = Cache("timelines", budget, n)
        self.legs: Cache[tuple[str, str, Channel | None, str | None], Leg] = Cache("legs", budget, n)
        # assessment.py and policy_answer.py
        self.undated: Cache[str, tuple[tuple[Policy, ...], tuple[Passage, ...]]] = Cache("undated", budget, n)
        self.policy_answers: Cache[tuple[str, When, _Horizon], PolicyAnswer] = Cache("policy_answers", budget, n)
        # search.py and waypoints.py: routes per span of days, and the days of waypoint questions
        self.routes: Cache[tuple[str, str, int, _Horizon, int], _Dated] = Cache("routes", budget, n)
        self.waypoint_routes: Cache[tuple[object, ...], _Dated] = Cache("waypoint_routes", budget, n)
        self.all_time_distances: Cache[str, dict[str, int]] = Cache("all_time_distances", budget, n)
        self.waypoint_days: Cache[tuple[str, tuple[str, ...], _Horizon], Days] = Cache(
            "waypoint_days", budget, n)
        self.waypoint_blocked: Cache[tuple[tuple[str, ...], str, _Horizon], Days] = Cache(
            "waypoint_blocked", budget, n)
        self.ways_out: Cache[tuple[str, _Horizon], Days] = Cache("ways_out", budget, n)
        self.sealed: Cache[tuple[str, _Horizon], Days] = Cache("sealed", budget, n)
        # fast/adjacency.py and fast/chains.py: the search's tables (the last three filled in place)
        self.every: Cache[_Horizon, _Every] = Cache("every", budget, n)
        self.read: Cache[tuple[int, _Horizon], int] = Cache("read", budget, n)
        self.outgoing: Cache[tuple[str, _Horizon], _Dated] = Cache("outgoing", budget, n)
        self.incoming: Cache[tuple[str, _Horizon], _Dated] = Cache("incoming", budget, n)
        self.whole: Cache[_Horizon, _Dated] = Cache("whole", budget, n)
        self.newest: Cache[str, dt.date] = Cache("newest", budget, n)
        self.passage_legs: Cache[str, tuple[Leg, ...]] = Cache("passage_legs", budget, n)
        self.steps: Cache[str, Step] = Cache("steps", budget, n)
        # fast/documented.py: days as intervals
        self.legs_from: Cache[tuple[str, _Horizon], dict[str, Days]] = Cache("legs_from", budget, n)
        self.reaching: Cache[tuple[str, _Horizon], _Reaching] = Cache("reaching", budget, n)
        self.documented_days: Cache[tuple[str, tuple[str, ...] | None, str, _Horizon], Days] = Cache(
            "documented_days", budget, n)
        self.policy_days: Cache[tuple[str, _Horizon, bool], Days] = Cache("policy_days", budget, n)
        self.leg_tables: Cache[tuple[str, str, bool, _Horizon], tuple[Days, Days]] = Cache(
            "leg_tables", budget, n)
        self.country_days: Cache[tuple[str, _Horizon], CountryDays] = Cache("country_days", budget, n)
        self.merged: Cache[tuple[int, int], tuple[Days, Days, Days]] = Cache("merged", budget, n)
        self.prefix_tables: Cache[tuple[tuple[str, ...], _Horizon], tuple[Days, Days]] = Cache(
            "prefix_tables", budget, n)

    @property
    def bytes(self) -> int:
        """About how much memory the caches hold together (the sum of their own sizes)."""
        return self.budget.bytes

    def __len__(self) -> int:
        return self.budget.entries()

    def clear(self) -> None:
        """Empty every cache."""
        self.budget.clear()



def statistic_order(s: Statistic) -> tuple[Any, ...]:
    """How statistics are listed: by measure, place, year, date and id."""
    return (s.measure, place_code(s.place), s.year or 0,
            s.as_of.start if s.as_of is not None else dt.date.min, s.id)


class Index:
    """Look-up tables built once per knowledge base: by id, by country, by date span.

    A plain slotted class rather than an attrs one: it is internal, and creating attrs
    classes is a measurable part of ``import nkasylum``.
    """

    __slots__ = (
        "_statistics_at",
        "answers",
        "caches",
        "counted",
        "disputed",
        "entries",
        "passages",
        "passages_from",
        "passages_to",
        "policies",
        "policy_list",
        "scope",
        "scope_order",
        "sources",
        "statistics",
        "timings",
        "undated",
    )

    def __init__(self, sources: dict[str, Source], entries: dict[str, Entry],
                 policies: dict[str, tuple[Policy, ...]],
                 passages_from: dict[str, tuple[Passage, ...]],
                 passages_to: dict[str, tuple[Passage, ...]],
                 disputed: dict[str, tuple[Conflict, ...]], scope: tuple[str, ...],
                 all_policies: tuple[Policy, ...], all_passages: tuple[Passage, ...],
                 all_statistics: tuple[Statistic, ...], timings: dict[str, Timing],
                 counted: dict[str, tuple[Passage, ...]]) -> None:
        self.sources = sources
        self.entries = entries
        self.policies = policies
        self.passages_from = passages_from
        self.passages_to = passages_to
        self.disputed = disputed
        self.scope = frozenset(scope)
        self.scope_order = scope
        self.policy_list = all_policies
        self.passages = all_passages
        self.statistics = all_statistics
        self.timings = timings
        self.counted = counted
        self.caches = Caches()
        self.answers = Answers()
        self._statistics_at: dict[str, tuple[Statistic, ...]] | None = None

    def published(self, evidence: Evidence) -> When | None:
        """The publication date of the source behind ``evidence`` (a source the index holds)."""
        return self.sources[evidence.source].published

    def reported(self, evidence: Evidence) -> dt.date | None:
        """The first day the source behind ``evidence`` can have reported it (``None``: undated)."""
        published = self.sources[evidence.source].published
        return published.lower if published is not None else None

    def covers(self, entry: str, day: dt.date, horizon: dt.timedelta | None) -> bool:
        """Whether the policy or passage ``entry`` answers for ``day``."""
        return self.timings[entry].covers(day, horizon)

    def breakpoints(self, horizon: dt.timedelta | None = None) -> list[dt.date]:
        """Every day on which any passage, policy or count of arrivals starts or stops
        answering, or its support changes kind (a passage seen, then between sightings: the
        one chosen for a leg may change): a verdict and a route are the same on all days
        between two breakpoints (bulk
        assessment and the search for the last known answer rely on it)."""
        cache = self.caches.breakpoints
        found = cache.get(horizon)
        if found is None:
            ids = [p.id for p in self.passages] + [p.id for p in self.policy_list] + \
                [p.id for group in self.counted.values() for p in group]
            found = sorted({d for i in ids for d in self.timings[i].breaks(horizon)})
            cache.keep(horizon, found, len(found) // 2)
        return found

    def statistics_at(self, code: str) -> tuple[Statistic, ...]:
        """The statistics counted at the place stored under ``code``, in :func:`statistic_order`."""
        if self._statistics_at is None:
            grouped: dict[str, list[Statistic]] = {}
            for s in sorted(self.statistics, key=statistic_order):
                grouped.setdefault(place_code(s.place), []).append(s)
            self._statistics_at = {k: tuple(v) for k, v in grouped.items()}
        return self._statistics_at.get(code, ())

    def timeline(self, code: str, horizon: dt.timedelta | None = None) -> Timeline:
        """The merged policy timeline of the place stored under ``code`` (cached)."""
        key = (code, horizon)
        cached = self.caches.timelines.get(key)
        if cached is None:
            cached = merge_timeline(self.policies.get(code, ()), self.timings, horizon)
            self.caches.timelines.keep(key, cached, 18 * len(cached[2]) + 1)  # a merged policy: about 1 KB
        return cached

    def policy(self, code: str, day: dt.date, horizon: dt.timedelta | None = None) -> Policy | None:
        """The merged policy of the place stored under ``code`` on ``day``, or ``None``."""
        starts, ends, segments = self.timeline(code, horizon)
        i = bisect.bisect_right(starts, day) - 1
        while i >= 0 and segments.gists[i].undated:  # the undated segment sorts last, at date.max
            i -= 1
        if i < 0 or day > ends[i]:
            return None
        return segments[i]

    def leg(self, a: Country, b: Country, channel: Channel | None = None,
            passage: str | None = None) -> Leg:
        """The leg from ``a`` to ``b`` (cached: a leg is an immutable value, and answers build
        the same few legs again and again)."""
        key = (a.alpha_2, b.alpha_2, channel, passage)
        found = self.caches.legs.get(key)
        if found is None:
            found = self.caches.legs.keep(key, Leg(a, b, channel, passage), 1)
        return found

    def passage(self, id: str) -> Passage:
        """The passage with this id, including the way-unknown passages made from counts."""
        found = self.entries.get(id)
        if isinstance(found, Passage):
            return found
        for p in self.passages:  # a passage made from cases (see _case_legs)
            if p.id == id:
                return p
        for group in self.counted.values():
            for p in group:
                if p.id == id:
                    return p
        raise KeyError(id)

    def counted_arrivals(self, origin: str, dest: str, day: dt.date,
                         horizon: dt.timedelta | None = None) -> Passage | None:
        """The way-unknown passage from ``origin`` to ``dest`` that counts of arrivals in
        ``dest`` document on ``day``, or ``None``."""
        for p in self.counted.get(dest, ()):
            if isinstance(p.origin, Country) and p.origin.alpha_2 == origin and \
                    self.timings[p.id].covers(day, horizon):
                return p
        return None

    @classmethod
    def build(cls, sources: tuple[Source, ...], policies: tuple[Policy, ...],
              passages: tuple[Passage, ...], cases: tuple[Case, ...],
              statistics: tuple[Statistic, ...], conflicts: tuple[Conflict, ...],
              scope: tuple[str, ...], max_gap: dt.timedelta | None = None) -> Index:
        """Index the entries, checking what no single entry can: unique ids, known sources,
        conflicts that name entries, and statements that do not contradict each other.

        Sightings are linked into series of values (see
        :func:`~nkasylum.engine.valueseries.link_series`), with gaps between sightings of at
        most ``max_gap`` bridged (``None``: any gap); cases with a route are sightings of
        their legs (see :func:`~nkasylum.engine.valueseries.case_legs`).

        Raises:
            DataError: naming the entry and the field.
        """
        by_id: dict[str, Source] = {}
        for s in sources:
            if s.id in by_id:
                raise DataError(f"source id {s.id!r} is used twice", entry=f"source {s.id!r}",
                                field="id")
            by_id[s.id] = s
        entries: dict[str, Entry] = {}
        groups: tuple[tuple[str, tuple[Entry, ...]], ...] = (
            ("policy", policies), ("passage", passages), ("case", cases),
            ("statistic", statistics), ("conflict", conflicts))
        for kind, items in groups:
            for item in items:
                label = f"{kind} {item.id!r}"
                if "+" in item.id:
                    raise DataError("'+' is reserved for merged policy ids; use '-' or '.'",
                                    entry=label, field="id")
                if item.id in entries:
                    raise DataError(f"id {item.id!r} is used twice", entry=label, field="id")
                entries[item.id] = item
                for i, ev in enumerate(item.evidence):
                    if ev.source not in by_id:
                        raise DataError(f"unknown source id {ev.source!r}"
                                        f"{did_you_mean(ev.source, by_id)}", entry=label,
                                        field=f"evidence[{i}].source")
                    published = by_id[ev.source].published
                    if (ev.happened is not None and published is not None
                            and ev.happened.lower is not None and published.upper is not None
                            and ev.happened.lower > published.upper):
                        raise DataError(
                            f"happened {ev.happened} is after its source's report date "
                            f"{published}: a source cannot report what had not yet happened",
                            entry=label, field=f"evidence[{i}].happened")
        disputed: dict[str, list[Conflict]] = {}
        for c in conflicts:
            for i, version in enumerate(c.versions):
                if version not in entries or isinstance(entries[version], Conflict):
                    raise DataError(f"version {version!r} names no policy, passage, case or "
                                    "statistic", entry=f"conflict {c.id!r}",
                                    field=f"versions[{i}]")
                disputed.setdefault(version, []).append(c)

        def reported(ev: Evidence) -> When | None:
            return by_id[ev.source].published

        dated: tuple[Policy | Passage, ...] = (*policies, *passages)
        timings = {p.id: timing(p.id, p.basis, p.evidence, p.valid_from, p.valid_until,
                                p.undated, reported) for p in dated}
        derived = case_legs(cases, passages, scope, timings, statistics)
        passages = (*passages, *derived)
        link_series(policies, passages, timings, max_gap)
        by_country: dict[str, list[Policy]] = {}
        for p in policies:
            by_country.setdefault(place_code(p.country), []).append(p)
        for statements in by_country.values():
            check_consistent(statements, timings)
        counted = _counted(statistics, scope, timings, max_gap)
        passages_from: dict[str, list[Passage]] = {}
        passages_to: dict[str, list[Passage]] = {}
        for q in passages:
            passages_from.setdefault(place_code(q.origin), []).append(q)
            passages_to.setdefault(place_code(q.dest), []).append(q)
        return cls(
            sources=by_id,
            entries=entries,
            policies={k: tuple(v) for k, v in by_country.items()},
            passages_from={k: tuple(v) for k, v in passages_from.items()},
            passages_to={k: tuple(v) for k, v in passages_to.items()},
            disputed={k: tuple(v) for k, v in disputed.items()},
            scope=scope,
            all_policies=policies,
            all_passages=passages,
            all_statistics=statistics,
            timings=timings,
            counted=counted,
        )


def _counted(statistics: tuple[Statistic, ...], scope: tuple[str, ...],
             timings: dict[str, Timing], max_gap: dt.timedelta | None) -> dict[str, tuple[Passage, ...]]:
    """Counts of North Koreans arriving in a country, as one way-unknown passage per origin
    in scope and destination, seen during each count's period (see
    :attr:`nkasylum.Statistic.counts_arrivals`): some way there was then used, route unknown."""
    by_dest: dict[str, list[Statistic]] = {}
    for s in statistics:
        if s.counts_arrivals and isinstance(s.place, Country):
            by_dest.setdefault(s.place.alpha_2, []).append(s)
    counted: dict[str, tuple[Passage, ...]] = {}
    for dest, stats in sorted(by_dest.items()):
        found = []
        for origin in scope:
            if origin == dest:
                continue
            pid = f"counted-arrivals.{origin.lower()}.{dest.lower()}"
            evidence = tuple(dict.fromkeys(e for s in stats for e in s.evidence))
            passage = Passage(
                id=pid, origin=origin, dest=dest, channel=Channel.UNKNOWN_ROUTE,
                summary=("Counts of North Koreans arriving there show that some way was used; "
                         "the sources do not say which: " + ", ".join(s.id for s in stats) + "."),
                basis=Basis.OBSERVATION, evidence=evidence)
            spans = [(s.as_of.start, s.as_of.end, s.as_of, s.evidence) for s in stats
                     if s.as_of is not None and s.as_of.lower is not None and s.as_of.upper is not None]
            timings[pid] = observed(pid, spans, evidence)
            if max_gap is not None:
                relink(timings[pid], max_gap)
            found.append(passage)
        counted[dest] = tuple(found)
    return counted
