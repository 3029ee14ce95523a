"""The index of a knowledge base: its entries by id, by country and by span of days, built once.

Everything the reasoning modules read comes from here, so they take an :class:`Index` rather
than the :class:`~nkasylum.KnowledgeBase` that owns it. The index also holds the memo in which
they cache what they compute (edges per span, routes, answers); the memo is emptied when it
grows past :data:`MEMO_LIMIT` entries or about :data:`MEMO_BYTES` of memory, which bounds
memory in long loops (over days, journeys or horizons).
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Any, TypeVar, Union

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

__all__ = ["ANSWERS_BYTES", "ANSWERS_LIMIT", "ANSWER_BYTES", "ITEM_BYTES", "MEMO_BYTES", "MEMO_LIMIT",
           "Answers", "Entry", "Index", "statistic_order"]

_V = TypeVar("_V")

Entry = Union[Policy, Passage, Case, Statistic, Conflict]
"""Any entry of the knowledge base that has an id and evidence."""

MEMO_LIMIT = 200_000
"""Entries a memo holds before it is emptied (bounds memory in loops)."""

MEMO_BYTES = 64 * 1024 * 1024
"""About how much memory a memo may hold before it is emptied, estimated from what each of
its entries holds (see :meth:`Index.keep`)."""

ITEM_BYTES = 60
"""About how much memory one item of a memo entry takes (a passage in a table of a span, a
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
        "counted",
        "disputed",
        "entries",
        "memo",
        "memo_bytes",
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
        self.memo: dict[Any, Any] = {}
        self.memo_bytes = 0
        self.answers = Answers()
        self._statistics_at: dict[str, tuple[Statistic, ...]] | None = None

    def keep(self, key: Any, value: _V, items: int = 0) -> _V:
        """Keep ``value`` in the memo under ``key`` and return it; ``items``: about how many
        items (see :data:`ITEM_BYTES`) it adds to the memory the memo holds. The memo is
        emptied first when it would pass :data:`MEMO_LIMIT` entries or :data:`MEMO_BYTES`."""
        memo = self.memo
        cost = (items if key in memo else items + 2) * ITEM_BYTES
        if len(memo) >= MEMO_LIMIT or self.memo_bytes + cost > MEMO_BYTES:
            memo.clear()
            self.memo_bytes = 0
            cost = (items + 2) * ITEM_BYTES
        memo[key] = value
        self.memo_bytes += cost
        return value

    def table(self, key: Any) -> dict[Any, Any]:
        """The table kept in the memo under ``key`` (a new empty one if there is none), for
        callers that fill it in place and count each item they add with :meth:`charge`:
        one memo entry for many small answers costs less than an entry each."""
        found: dict[Any, Any] | None = self.memo.get(key)
        return found if found is not None else self.keep(key, {})

    def charge(self, items: int) -> None:
        """Count ``items`` added to an entry already kept (a table that fills in place); the
        memo is emptied past :data:`MEMO_BYTES`, and the entry with it."""
        self.memo_bytes += items * ITEM_BYTES
        if self.memo_bytes > MEMO_BYTES:
            self.memo.clear()
            self.memo_bytes = 0

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
        key = ("breakpoints", horizon)
        found: list[dt.date] | None = self.memo.get(key)
        if found is None:
            ids = [p.id for p in self.passages] + [p.id for p in self.policy_list] + \
                [p.id for group in self.counted.values() for p in group]
            found = sorted({d for i in ids for d in self.timings[i].breaks(horizon)})
            self.keep(key, found, len(found) // 2)
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
        key = ("timeline", code, horizon)
        cached: Timeline | None = self.memo.get(key)
        if cached is None:
            cached = merge_timeline(self.policies.get(code, ()), self.timings, horizon)
            self.keep(key, cached, 18 * len(cached[2]) + 1)  # a merged policy: about 1 KB
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
        key = ("leg", a.alpha_2, b.alpha_2, channel, passage)
        found: Leg | None = self.memo.get(key)
        if found is None:
            found = self.keep(key, Leg(a, b, channel, passage), 1)
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
