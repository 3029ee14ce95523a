"""The knowledge base: an immutable value holding every fact, with its queries and scenarios."""

from __future__ import annotations

import bisect
import datetime as dt
import threading
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Union

import attrs

from nkasylum._validate import freeze_sequences
from nkasylum.cases import Case, Outcome
from nkasylum.conflicts import Conflict
from nkasylum.countries import Country
from nkasylum.errors import ArgumentTypeError, DataError, UnknownEntryError, UnknownSourceError
from nkasylum.passages import Passage
from nkasylum.periods import Basis, resolve_on, today
from nkasylum.places import Region, place, place_code
from nkasylum.policies import Policy
from nkasylum.sources import Evidence, Source
from nkasylum.statistics import Statistic

if TYPE_CHECKING:
    from nkasylum.assess import Assessment, Verdict
    from nkasylum.routes import Route
    from nkasylum.series import SeriesPoint

__all__ = ["Entry", "KnowledgeBase", "default_knowledge_base"]

Entry = Union[Policy, Passage, Case, Statistic, Conflict]
"""Any entry of the knowledge base that has an id and evidence."""

PlaceLike = Union[Country, Region, str]
_MEMO_LIMIT = 200_000
"""Entries a knowledge base's answer caches hold before they are emptied (bounds memory in loops)."""


def _did_you_mean(wrong: str, known: Iterable[str]) -> str:
    import difflib  # deferred: only error messages need it, and import time matters

    close = difflib.get_close_matches(wrong, list(known), n=3)
    return f"; did you mean {', '.join(close)}?" if close else ""


def _by_id(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(sorted(items, key=lambda item: item.id))


def _check_date(value: object, name: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ArgumentTypeError(f"{name}= takes a datetime.date or None, not {value!r}")
    return value


@attrs.frozen(eq=True, field_transformer=freeze_sequences)
class KnowledgeBase:
    """Every source, policy, passage, case, statistic and conflict, as one immutable value.

    Entries are kept sorted by id, so two knowledge bases with the same facts are equal
    whatever order they were given in. Scenario methods (:meth:`with_policy`,
    :meth:`without`, ...) return a new knowledge base and leave this one unchanged.

    Attributes:
        all_sources: every source, sorted by id (query with :meth:`sources`, :meth:`source`).
        all_policies: every policy statement as stored, sorted by id.
        all_passages: every passage, sorted by id.
        all_cases: every case, sorted by id.
        all_statistics: every statistic, sorted by id.
        all_conflicts: every conflict, sorted by id.
        scope: the ISO alpha-2 codes of the origins the knowledge base answers for.

    Example:
        >>> import nkasylum as nk
        >>> kb = nk.default_knowledge_base()
        >>> kb.source("voa-2002-09-11").publisher
        'Voice of America'
    """

    all_sources: tuple[Source, ...] = attrs.field(converter=_by_id)
    all_policies: tuple[Policy, ...] = attrs.field(converter=_by_id, default=())
    all_passages: tuple[Passage, ...] = attrs.field(converter=_by_id, default=())
    all_cases: tuple[Case, ...] = attrs.field(converter=_by_id, default=())
    all_statistics: tuple[Statistic, ...] = attrs.field(converter=_by_id, default=())
    all_conflicts: tuple[Conflict, ...] = attrs.field(converter=_by_id, default=())
    scope: tuple[str, ...] = ("KP",)
    _index: _Index = attrs.field(init=False, eq=False, repr=False)
    _memo: dict[Any, Any] = attrs.field(init=False, eq=False, repr=False, factory=dict)
    # Answers keyed by the arguments exactly as given, so that a repeated question costs
    # one dictionary look-up (the fast path of can_resettle).
    _answers: dict[Any, Any] = attrs.field(init=False, eq=False, repr=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", _Index.build(self))

    # ----------------------------------------------------------------- sources
    def sources(self) -> tuple[Source, ...]:
        """Every source, sorted by id."""
        return self.all_sources

    def conflicts(self) -> tuple[Conflict, ...]:
        """Every documented disagreement between sources, sorted by id."""
        return self.all_conflicts

    def source(self, id: str) -> Source:
        """The source with this id.

        Raises:
            UnknownSourceError: no such source; the message suggests close ids.
        """
        if not isinstance(id, str):
            raise ArgumentTypeError(f"a source id is a str, not {type(id).__name__}: {id!r}")
        found = self._index.sources.get(id)
        if found is None:
            raise UnknownSourceError(f"unknown source {id!r}{_did_you_mean(str(id), self._index.sources)}")
        return found

    def evidence_date(self, evidence: Evidence) -> dt.date | None:
        """The publication date of the source behind ``evidence`` (``None`` if undated).

        Raises:
            UnknownSourceError: the evidence cites a source this knowledge base lacks.
            ArgumentTypeError: ``evidence`` is not an :class:`Evidence`.
        """
        if not isinstance(evidence, Evidence):
            raise ArgumentTypeError(f"evidence_date takes an Evidence, not {type(evidence).__name__}")
        found = self._index.sources.get(evidence.source)
        if found is None:
            return self.source(evidence.source).published  # raises, with suggestions
        return found.published

    # ----------------------------------------------------------------- entries
    def entry(self, id: str) -> Entry:
        """The policy, passage, case, statistic or conflict with this id.

        Raises:
            UnknownEntryError: no such entry; the message suggests close ids.
        """
        if not isinstance(id, str):
            raise ArgumentTypeError(f"an entry id is a str, not {type(id).__name__}: {id!r}")
        found = self._index.entries.get(id)
        if found is None:
            raise UnknownEntryError(f"no entry with id {id!r}{_did_you_mean(str(id), self._index.entries)}")
        return found

    def case(self, id: str) -> Case:
        """The case with this id (raises :class:`UnknownEntryError` otherwise)."""
        found = self.entry(id)
        if not isinstance(found, Case):
            raise UnknownEntryError(f"{id!r} is a {type(found).__name__.lower()}, not a case")
        return found

    # ---------------------------------------------------------------- policies
    def policies_of(self, country: PlaceLike) -> tuple[Policy, ...]:
        """Every policy statement about ``country`` as stored (not merged), sorted by id."""
        return self._index.policies.get(place_code(place(country)), ())

    def policy_timeline(self, country: PlaceLike) -> tuple[Policy, ...]:
        """The policies of ``country`` in time order, one per span over which they are unchanged.

        Statements in force at the same time are merged into one :class:`Policy` whose
        id joins theirs with ``+``. Statements with no date at all come last, merged into
        one policy with ``undated=True``.
        """
        return self._timeline(place_code(place(country)))[2]

    def policy(self, country: PlaceLike, *, on: dt.date | None = None) -> Policy | None:
        """The policy of ``country`` in force on ``on`` (default: today), or ``None``.

        ``None`` means no documented policy covers that date: undocumented, not "none".
        """
        day = resolve_on(on)
        starts, ends, segments = self._timeline(place_code(place(country)))
        i = bisect.bisect_right(starts, day) - 1
        if i < 0 or segments[i].undated or day > ends[i]:
            return None
        return segments[i]

    def _timeline(self, code: str) -> tuple[list[dt.date], list[dt.date], tuple[Policy, ...]]:
        key = ("timeline", code)
        cached = self._memo.get(key)
        if cached is None:
            cached = _merge_timeline(self._index.policies.get(code, ()))
            self._memo[key] = cached
        return cached

    # ---------------------------------------------------------------- passages
    def passages(
        self,
        origin: PlaceLike | None = None,
        dest: PlaceLike | None = None,
        *,
        on: dt.date | None = None,
        any_date: bool = False,
    ) -> tuple[Passage, ...]:
        """Passages from ``origin`` and/or to ``dest`` documented on ``on`` (default today).

        With ``any_date=True`` every matching passage is returned, whatever its period.
        """
        if not isinstance(any_date, bool):
            raise ArgumentTypeError(f"any_date= takes True or False, not {any_date!r}")
        # Checked even with any_date=True: a bad on= is a mistake, not something to ignore.
        day: dt.date | None = resolve_on(on)
        if any_date:
            day = None
        pool: Iterable[Passage] = (
            self._index.passages_from.get(place_code(place(origin)), ())
            if origin is not None else self.all_passages)
        target = place(dest) if dest is not None else None
        return tuple(p for p in pool
                     if (target is None or p.dest == target) and (day is None or p.applies(day)))

    # ------------------------------------------------------------------- cases
    def cases(
        self,
        *,
        country: PlaceLike | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        outcome: Outcome | str | None = None,
    ) -> tuple[Case, ...]:
        """Cases filtered by country involved, date range and outcome, oldest first.

        Cases whose date is unknown come last and are left out when ``since`` or
        ``until`` is given (their date cannot be shown to fall in the range).
        """
        since = _check_date(since, "since")
        until = _check_date(until, "until")
        wanted = None if outcome is None else _outcome(outcome)
        target = place(country) if country is not None else None
        found = []
        for c in self.all_cases:
            if target is not None and target != c.place and target not in c.countries:
                continue
            if wanted is not None and c.outcome is not wanted:
                continue
            if since is not None and (c.date is None or (c.until or c.date) < since):
                continue
            if until is not None and (c.date is None or c.date > until):
                continue
            found.append(c)
        return tuple(sorted(found, key=lambda c: (c.date is None, c.date or dt.date.max, c.id)))

    # -------------------------------------------------------------- statistics
    def statistics(
        self, *, country: PlaceLike | None = None, measure: str | None = None
    ) -> tuple[Statistic, ...]:
        """Statistics for a place and/or measure, sorted by measure, place, date and id."""
        target = place(country) if country is not None else None
        if measure is not None and not isinstance(measure, str):
            raise ArgumentTypeError(f"measure= takes a str, not {type(measure).__name__}")
        found = [s for s in self.all_statistics
                 if (target is None or s.place == target)
                 and (measure is None or s.measure == measure)]
        return tuple(sorted(found, key=_statistic_order))

    def series(self, measure: str, *, country: PlaceLike | None = None) -> tuple[SeriesPoint, ...]:
        """Yearly figures of ``measure``, oldest first; see :func:`nkasylum.series`."""
        from nkasylum.series import series

        return series(self, measure, country)

    # --------------------------------------------------------------- reasoning
    def can_resettle(
        self,
        origin: PlaceLike,
        via: PlaceLike | Sequence[PlaceLike] | None,
        dest: PlaceLike,
        *,
        on: dt.date | None = None,
    ) -> Assessment:
        """Assess whether a documented way leads from ``origin`` through ``via`` to ``dest``.

        See :func:`nkasylum.can_resettle`.
        """
        if on is None:
            on = today()
        key: tuple[object, ...] | None = (origin, via, dest, on)
        try:
            found: Assessment | None = self._answers.get(key)
        except TypeError:  # an unhashable argument (via as a list): no fast path
            key, found = None, None
        if found is None:
            from nkasylum.assess import assess

            found = assess(self, origin, via, dest, on=on)
            if key is not None:
                # Equal keys only ever come from equal questions: a str equals only a
                # str, a date never equals a datetime, and a failed question raised above.
                if len(self._answers) > _MEMO_LIMIT:
                    self._answers.clear()
                self._answers[key] = found
        return found

    def assess_many(self, rows: Any) -> tuple[Verdict, ...]:
        """The verdict of each ``(origin, via, dest, on)`` row, in order, fast.

        Gives, for every row, exactly ``self.can_resettle(origin, via, dest, on=on).verdict``,
        without building explanations, routes or evidence lists: a journey's verdict
        can only change on a day when some passage or policy starts or stops applying,
        so it is computed once per journey and span of days, and each row costs a
        dictionary look-up and a bisection. A million rows take about a second.

        Args:
            rows: an iterable of ``(origin, via, dest, on)`` tuples (``via`` and ``on``
                may be ``None``, as in :meth:`can_resettle`), or a pandas ``DataFrame``
                with columns ``origin``, ``via``, ``dest`` and ``on`` (``NaN`` in ``via``
                means any route; a ``datetime64`` ``on`` column must hold whole days).

        Returns:
            One :class:`Verdict` per row, in the rows' order.

        Raises:
            ArgumentTypeError, OutOfScopeError, UnknownCountryError, InvalidRouteError:
                the first bad row, with the error :meth:`can_resettle` gives for it.

        Example:
            >>> import datetime as dt, nkasylum as nk
            >>> kb = nk.default_knowledge_base()
            >>> rows = [("KP", "RU", "KR", dt.date(2009, 12, 23)),
            ...         ("KP", "CN", "KR", dt.date(2023, 8, 16))]
            >>> [v.value for v in kb.assess_many(rows)]
            ['documented', 'blocked']
        """
        from nkasylum.assess import assess_many

        return assess_many(self, rows)

    def routes(
        self, origin: PlaceLike, dest: PlaceLike, *, on: dt.date | None = None,
        max_transits: int = 3,
    ) -> tuple[Route, ...]:
        """Every documented route from ``origin`` to ``dest`` on ``on``, best first.

        See :func:`nkasylum.routes`.
        """
        from nkasylum.assess import find_routes

        return find_routes(self, origin, dest, on=on, max_transits=max_transits)

    # --------------------------------------------------------------- scenarios
    def with_policy(self, *policies: Policy) -> KnowledgeBase:
        """A new knowledge base with these policy statements added (or replaced, by id).

        Example:
            >>> import attrs, nkasylum as nk
            >>> kb = nk.default_knowledge_base()
            >>> p = next(p for p in kb.all_policies if p.id == "cn-2023-detention-repatriation")
            >>> what_if = kb.with_policy(attrs.evolve(p, repatriates=None))
            >>> len(what_if.all_policies) == len(kb.all_policies), what_if == kb
            (True, False)
        """
        return self._with("all_policies", policies, Policy)

    def with_passage(self, *passages: Passage) -> KnowledgeBase:
        """A new knowledge base with these passages added (or replaced, by id)."""
        return self._with("all_passages", passages, Passage)

    def with_case(self, *cases: Case) -> KnowledgeBase:
        """A new knowledge base with these cases added (or replaced, by id)."""
        return self._with("all_cases", cases, Case)

    def with_statistic(self, *statistics: Statistic) -> KnowledgeBase:
        """A new knowledge base with these statistics added (or replaced, by id)."""
        return self._with("all_statistics", statistics, Statistic)

    def with_source(self, *sources: Source) -> KnowledgeBase:
        """A new knowledge base with these sources added (or replaced, by id)."""
        return self._with("all_sources", sources, Source)

    def without(self, *ids: str) -> KnowledgeBase:
        """A new knowledge base without the entries (policies, passages, cases,
        statistics, conflicts) that have these ids.

        Raises:
            UnknownEntryError: an id that names no entry.

        Example:
            >>> import nkasylum as nk
            >>> kb = nk.default_knowledge_base()
            >>> smaller = kb.without("ru-amur-12-2009")
            >>> len(smaller.all_cases) == len(kb.all_cases) - 1
            True
        """
        for id in ids:
            self.entry(id)
        drop = set(ids)
        changes = {
            name: tuple(e for e in getattr(self, name) if e.id not in drop)
            for name in ("all_policies", "all_passages", "all_cases", "all_statistics")
        }
        # A conflict loses the versions removed with it; one left with none goes too.
        changes["all_conflicts"] = tuple(
            attrs.evolve(c, versions=tuple(v for v in c.versions if v not in drop))
            for c in self.all_conflicts
            if c.id not in drop and not set(c.versions) <= drop
        )
        return attrs.evolve(self, **changes)

    def _with(self, field: str, items: tuple[Any, ...], kind: type[Any]) -> KnowledgeBase:
        for item in items:
            if not isinstance(item, kind):
                raise ArgumentTypeError(
                    f"expected {kind.__name__} values, got {type(item).__name__}"
                )
        replaced = {item.id for item in items}
        kept = tuple(e for e in getattr(self, field) if e.id not in replaced)
        return attrs.evolve(self, **{field: (*kept, *items)})

    def __getstate__(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in attrs.fields(type(self)) if f.init}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_memo", {})
        object.__setattr__(self, "_answers", {})
        self.__attrs_post_init__()


def _outcome(value: Outcome | str) -> Outcome:
    if isinstance(value, Outcome):
        return value
    if isinstance(value, str):
        try:
            return Outcome(value)
        except ValueError:
            allowed = ", ".join(repr(o.value) for o in Outcome)
            raise DataError(f"unknown outcome {value!r}; use one of {allowed}") from None
    raise ArgumentTypeError(f"outcome= takes an Outcome or its value, not {value!r}")


def _statistic_order(s: Statistic) -> tuple[Any, ...]:
    return (s.measure, place_code(s.place), s.year or 0, s.as_of or dt.date.min, s.id)


def _bounds(items: Iterable[Passage | Policy]) -> list[dt.date]:
    """The days on which one of these statements starts or stops applying, sorted.

    Between two consecutive bounds the same statements apply, so anything computed
    from them for one day holds for the whole span (``bisect_right`` names the span).
    """
    points: set[dt.date] = set()
    for item in items:
        if item.undated:
            continue
        if item.valid_from is not None:
            points.add(item.valid_from)
        if item.valid_until is not None and item.valid_until < dt.date.max:
            points.add(item.valid_until + dt.timedelta(days=1))
    return sorted(points)


class _Index:
    """Look-up tables built once per knowledge base: by id, by country, by date span.

    A plain slotted class rather than an attrs one: it is internal, and creating attrs
    classes is a measurable part of ``import nkasylum``.
    """

    __slots__ = (
        "_bounds_from",
        "_bounds_to",
        "_breakpoints",
        "_passage_list",
        "_policy_list",
        "disputed",
        "entries",
        "passages_from",
        "passages_to",
        "policies",
        "scope",
        "sources",
    )

    def __init__(self, sources: dict[str, Source], entries: dict[str, Entry],
                 policies: dict[str, tuple[Policy, ...]],
                 passages_from: dict[str, tuple[Passage, ...]],
                 passages_to: dict[str, tuple[Passage, ...]],
                 disputed: dict[str, tuple[Conflict, ...]], scope: frozenset[str],
                 all_policies: tuple[Policy, ...], all_passages: tuple[Passage, ...]) -> None:
        self.sources = sources
        self.entries = entries
        self.policies = policies
        self.passages_from = passages_from
        self.passages_to = passages_to
        self.disputed = disputed
        self.scope = scope
        self._policy_list = all_policies
        self._passage_list = all_passages
        self._bounds_from: dict[str, list[dt.date]] = {}
        self._bounds_to: dict[str, list[dt.date]] = {}
        self._breakpoints: list[dt.date] | None = None

    def bounds_from(self, code: str) -> list[dt.date]:
        """The days on which a passage out of ``code`` starts or stops applying: the route
        search caches a country's edges per span between two of them, not per day."""
        found = self._bounds_from.get(code)
        if found is None:
            found = self._bounds_from[code] = _bounds(self.passages_from.get(code, ()))
        return found

    def bounds_to(self, code: str) -> list[dt.date]:
        """The days on which a passage into ``code`` starts or stops applying."""
        found = self._bounds_to.get(code)
        if found is None:
            found = self._bounds_to[code] = _bounds(self.passages_to.get(code, ()))
        return found

    def breakpoints(self) -> list[dt.date]:
        """Every day on which any passage or policy starts or stops applying: a verdict is
        the same on all days between two breakpoints (bulk assessment relies on it)."""
        if self._breakpoints is None:
            self._breakpoints = _bounds((*self._passage_list, *self._policy_list))
        return self._breakpoints

    @classmethod
    def build(cls, kb: KnowledgeBase) -> _Index:
        sources: dict[str, Source] = {}
        for s in kb.all_sources:
            if s.id in sources:
                raise DataError(f"source id {s.id!r} is used twice", entry=f"source {s.id!r}",
                                field="id")
            sources[s.id] = s
        entries: dict[str, Entry] = {}
        groups: tuple[tuple[str, tuple[Entry, ...]], ...] = (
            ("policy", kb.all_policies), ("passage", kb.all_passages), ("case", kb.all_cases),
            ("statistic", kb.all_statistics), ("conflict", kb.all_conflicts))
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
                    if ev.source not in sources:
                        raise DataError(f"unknown source id {ev.source!r}"
                                        f"{_did_you_mean(ev.source, sources)}", entry=label,
                                        field=f"evidence[{i}].source")
        disputed: dict[str, list[Conflict]] = {}
        for c in kb.all_conflicts:
            for i, version in enumerate(c.versions):
                if version not in entries or isinstance(entries[version], Conflict):
                    raise DataError(f"version {version!r} names no policy, passage, case or "
                                    "statistic", entry=f"conflict {c.id!r}",
                                    field=f"versions[{i}]")
                disputed.setdefault(version, []).append(c)
        policies: dict[str, list[Policy]] = {}
        for p in kb.all_policies:
            policies.setdefault(place_code(p.country), []).append(p)
        for statements in policies.values():
            _check_consistent(statements)
        passages_from: dict[str, list[Passage]] = {}
        passages_to: dict[str, list[Passage]] = {}
        for q in kb.all_passages:
            passages_from.setdefault(place_code(q.origin), []).append(q)
            passages_to.setdefault(place_code(q.dest), []).append(q)
        return cls(
            sources=sources,
            entries=entries,
            policies={k: tuple(v) for k, v in policies.items()},
            passages_from={k: tuple(v) for k, v in passages_from.items()},
            passages_to={k: tuple(v) for k, v in passages_to.items()},
            disputed={k: tuple(v) for k, v in disputed.items()},
            scope=frozenset(kb.scope),
            all_policies=kb.all_policies,
            all_passages=kb.all_passages,
        )


def _overlap(a: Policy, b: Policy) -> bool:
    if a.undated or b.undated:
        return a.undated and b.undated
    lo = max(a.valid_from or dt.date.min, b.valid_from or dt.date.min)
    hi = min(a.valid_until or dt.date.max, b.valid_until or dt.date.max)
    return lo <= hi


def _check_consistent(statements: Sequence[Policy]) -> None:
    """Statements in force together must not contradict each other on a yes/no field."""
    for i, a in enumerate(statements):
        for b in statements[i + 1:]:
            for field in ("repatriates", "admits"):
                va, vb = getattr(a, field), getattr(b, field)
                if va is not None and vb is not None and va != vb and _overlap(a, b):
                    raise DataError(
                        f"contradicts policy {a.id!r} ({field} = {str(va).lower()}) over an "
                        "overlapping period; narrow one period, or record the disagreement "
                        "as a [[conflict]] between two sources",
                        entry=f"policy {b.id!r}", field=field)


def _merge_timeline(
    statements: Sequence[Policy],
) -> tuple[list[dt.date], list[dt.date], tuple[Policy, ...]]:
    dated = [s for s in statements if not s.undated]
    points = sorted({d for s in dated for d in (
        s.valid_from, s.valid_until + dt.timedelta(days=1)
        if s.valid_until and s.valid_until < dt.date.max else None) if d is not None})
    bounds = [dt.date.min, *points]
    starts: list[dt.date] = []
    ends: list[dt.date] = []
    segments: list[Policy] = []
    for i, start in enumerate(bounds):
        end = bounds[i + 1] - dt.timedelta(days=1) if i + 1 < len(bounds) else dt.date.max
        if end < start:
            continue
        active = [s for s in dated if s.applies(start)]
        if not active:
            continue
        starts.append(start)
        ends.append(end)
        segments.append(_merge(active, None if start == dt.date.min else start,
                               None if end == dt.date.max else end, undated=False))
    undated = [s for s in statements if s.undated]
    if undated:
        starts.append(dt.date.max)
        ends.append(dt.date.max)
        segments.append(_merge(undated, None, None, undated=True))
    return starts, ends, tuple(segments)


def _union(values: Iterable[tuple[Any, ...]]) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(v for group in values for v in group))


def _merge(active: Sequence[Policy], start: dt.date | None, end: dt.date | None,
           *, undated: bool) -> Policy:
    first = active[0]
    if len(active) == 1 and (first.valid_from, first.valid_until) == (start, end):
        return first
    basis = (Basis.OBSERVATION if any(s.basis is Basis.OBSERVATION for s in active)
             else Basis.RULE)
    if undated:
        basis = first.basis
    return Policy(
        id="+".join(s.id for s in active),
        country=first.country,
        summary=" ".join(s.summary for s in active),
        basis=basis,
        evidence=_union(s.evidence for s in active),
        valid_from=start,
        valid_until=end,
        undated=undated,
        classification=_union(s.classification for s in active),
        repatriates=next((s.repatriates for s in active if s.repatriates is not None), None),
        admits=next((s.admits for s in active if s.admits is not None), None),
        grants=_union(s.grants for s in active),
        procedures=_union(s.procedures for s in active),
        agreements=_union(s.agreements for s in active),
        exceptions=_union(s.exceptions for s in active),
    )


_default: KnowledgeBase | None = None
_default_lock = threading.Lock()
_load_count = 0


def default_knowledge_base() -> KnowledgeBase:
    """The bundled knowledge base, loaded on first use and then shared (thread-safe).

    Example:
        >>> import nkasylum as nk
        >>> nk.default_knowledge_base() is nk.default_knowledge_base()
        True
    """
    global _default, _load_count
    if _default is None:
        with _default_lock:
            if _default is None:
                from nkasylum.loader import load_knowledge_base

                _default = load_knowledge_base()
                _load_count += 1
    return _default
