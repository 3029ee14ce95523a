"""The index of a knowledge base: its entries by id, by country and by span of days, built once.

Everything the reasoning modules read comes from here, so they take an :class:`Index` rather
than the :class:`~nkasylum.KnowledgeBase` that owns it. The index also holds the memo in which
they cache what they compute (edges per span, routes, answers); the memo is emptied when it
grows past :data:`MEMO_LIMIT`, which bounds memory in long loops.
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Any, Union

from nkasylum.core.errors import DataError
from nkasylum.core.places import place_code
from nkasylum.core.text import did_you_mean
from nkasylum.engine.timeline import Timeline, bounds, check_consistent, merge_timeline
from nkasylum.model.cases import Case
from nkasylum.model.conflicts import Conflict
from nkasylum.model.passages import Passage
from nkasylum.model.policies import Policy
from nkasylum.model.sources import Evidence, Source
from nkasylum.model.statistics import Statistic

__all__ = ["MEMO_LIMIT", "Entry", "Index", "statistic_order"]

Entry = Union[Policy, Passage, Case, Statistic, Conflict]
"""Any entry of the knowledge base that has an id and evidence."""

MEMO_LIMIT = 200_000
"""Entries a memo holds before it is emptied (bounds memory in loops)."""


def statistic_order(s: Statistic) -> tuple[Any, ...]:
    """How statistics are listed: by measure, place, year, date and id."""
    return (s.measure, place_code(s.place), s.year or 0, s.as_of or dt.date.min, s.id)


class Index:
    """Look-up tables built once per knowledge base: by id, by country, by date span.

    A plain slotted class rather than an attrs one: it is internal, and creating attrs
    classes is a measurable part of ``import nkasylum``.
    """

    __slots__ = (
        "_bounds_from",
        "_bounds_to",
        "_breakpoints",
        "_statistics_at",
        "disputed",
        "entries",
        "memo",
        "passages",
        "passages_from",
        "passages_to",
        "policies",
        "policy_list",
        "scope",
        "scope_order",
        "sources",
        "statistics",
    )

    def __init__(self, sources: dict[str, Source], entries: dict[str, Entry],
                 policies: dict[str, tuple[Policy, ...]],
                 passages_from: dict[str, tuple[Passage, ...]],
                 passages_to: dict[str, tuple[Passage, ...]],
                 disputed: dict[str, tuple[Conflict, ...]], scope: tuple[str, ...],
                 all_policies: tuple[Policy, ...], all_passages: tuple[Passage, ...],
                 all_statistics: tuple[Statistic, ...]) -> None:
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
        self.memo: dict[Any, Any] = {}
        self._bounds_from: dict[str, list[dt.date]] = {}
        self._bounds_to: dict[str, list[dt.date]] = {}
        self._breakpoints: list[dt.date] | None = None
        self._statistics_at: dict[str, tuple[Statistic, ...]] | None = None

    def cache(self) -> dict[Any, Any]:
        """The memo, emptied first if it has grown past :data:`MEMO_LIMIT`."""
        if len(self.memo) > MEMO_LIMIT:
            self.memo.clear()
        return self.memo

    def published(self, evidence: Evidence) -> dt.date | None:
        """The publication date of the source behind ``evidence`` (a source the index holds)."""
        return self.sources[evidence.source].published

    def bounds_from(self, code: str) -> list[dt.date]:
        """The days on which a passage out of ``code`` starts or stops applying: the route
        search caches a country's edges per span between two of them, not per day."""
        found = self._bounds_from.get(code)
        if found is None:
            found = self._bounds_from[code] = bounds(self.passages_from.get(code, ()))
        return found

    def bounds_to(self, code: str) -> list[dt.date]:
        """The days on which a passage into ``code`` starts or stops applying."""
        found = self._bounds_to.get(code)
        if found is None:
            found = self._bounds_to[code] = bounds(self.passages_to.get(code, ()))
        return found

    def breakpoints(self) -> list[dt.date]:
        """Every day on which any passage or policy starts or stops applying: a verdict is
        the same on all days between two breakpoints (bulk assessment relies on it)."""
        if self._breakpoints is None:
            self._breakpoints = bounds((*self.passages, *self.policy_list))
        return self._breakpoints

    def statistics_at(self, code: str) -> tuple[Statistic, ...]:
        """The statistics counted at the place stored under ``code``, in :func:`statistic_order`."""
        if self._statistics_at is None:
            grouped: dict[str, list[Statistic]] = {}
            for s in sorted(self.statistics, key=statistic_order):
                grouped.setdefault(place_code(s.place), []).append(s)
            self._statistics_at = {k: tuple(v) for k, v in grouped.items()}
        return self._statistics_at.get(code, ())

    def timeline(self, code: str) -> Timeline:
        """The merged policy timeline of the place stored under ``code`` (cached)."""
        key = ("timeline", code)
        cached: Timeline | None = self.memo.get(key)
        if cached is None:
            cached = self.cache()[key] = merge_timeline(self.policies.get(code, ()))
        return cached

    def policy(self, code: str, day: dt.date) -> Policy | None:
        """The merged policy of the place stored under ``code`` in force on ``day``, or ``None``."""
        starts, ends, segments = self.timeline(code)
        i = bisect.bisect_right(starts, day) - 1
        if i < 0 or segments[i].undated or day > ends[i]:
            return None
        return segments[i]

    @classmethod
    def build(cls, sources: tuple[Source, ...], policies: tuple[Policy, ...],
              passages: tuple[Passage, ...], cases: tuple[Case, ...],
              statistics: tuple[Statistic, ...], conflicts: tuple[Conflict, ...],
              scope: tuple[str, ...]) -> Index:
        """Index the entries, checking what no single entry can: unique ids, known sources,
        conflicts that name entries, and statements that do not contradict each other.

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
        disputed: dict[str, list[Conflict]] = {}
        for c in conflicts:
            for i, version in enumerate(c.versions):
                if version not in entries or isinstance(entries[version], Conflict):
                    raise DataError(f"version {version!r} names no policy, passage, case or "
                                    "statistic", entry=f"conflict {c.id!r}",
                                    field=f"versions[{i}]")
                disputed.setdefault(version, []).append(c)
        by_country: dict[str, list[Policy]] = {}
        for p in policies:
            by_country.setdefault(place_code(p.country), []).append(p)
        for statements in by_country.values():
            check_consistent(statements)
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
        )
