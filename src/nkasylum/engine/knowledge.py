"""The knowledge base: an immutable value holding every fact, with its queries and scenarios.

The class is the top of the reasoning layer: it owns an :class:`~nkasylum.engine.index.Index`
and answers each query by passing it to the module that reasons about it (queries, timeline,
search, assessment, bulk, series). :func:`default_knowledge_base` builds the bundled one from
the storage layer.
"""

from __future__ import annotations

import datetime as dt
import threading
import warnings
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from nkasylum.core.checks import freeze_sequences
from nkasylum.core.countries import country
from nkasylum.core.errors import ArgumentTypeError, DataError, UnknownEntryError, UnknownSourceError
from nkasylum.core.periods import resolve_horizon, resolve_when, today
from nkasylum.core.places import PlaceLike, place, place_code
from nkasylum.core.text import did_you_mean
from nkasylum.core.values import value_type
from nkasylum.core.when import When
from nkasylum.engine import arguments, queries
from nkasylum.engine.assessment import assess, best_day, iter_routes_on, routes_on
from nkasylum.engine.coverage import coverage
from nkasylum.engine.fast.bulk import assess_many
from nkasylum.engine.fast.quick import bundled_tables
from nkasylum.engine.index import Answers, Entry, Index
from nkasylum.engine.policy_answer import policy_answer
from nkasylum.engine.provenance import compute_data_version
from nkasylum.engine.scenarios import Scenarios
from nkasylum.engine.search import MAX_ROUTES
from nkasylum.engine.sightings import dates_nothing
from nkasylum.model.answers import PolicyAnswer
from nkasylum.model.assessment import Assessment
from nkasylum.model.cases import Case, Outcome
from nkasylum.model.collections import Results
from nkasylum.model.conflicts import Conflict
from nkasylum.model.display import knowledge_base_text
from nkasylum.model.passages import Passage
from nkasylum.model.policies import Policy
from nkasylum.model.provenance import DataVersion
from nkasylum.model.routes import Route
from nkasylum.model.sources import Evidence, Source
from nkasylum.model.statistics import SeriesPoint, Statistic
from nkasylum.model.support import Backing, CoverageCell
from nkasylum.model.verdicts import Verdict
from nkasylum.store.bundle import load_bundled
from nkasylum.store.files import Entries

__all__ = ["Entry", "KnowledgeBase", "can_resettle", "default_knowledge_base", "from_entries", "is_loaded"]


def _by_id(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(sorted(items, key=lambda item: item.id))


@attrs.frozen(field_transformer=freeze_sequences)
@value_type
class KnowledgeBase(Scenarios):
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
    _index: Index = attrs.field(init=False, eq=False, repr=False)
    # Answers keyed by the arguments exactly as given: a repeated question costs one look-up
    # (can_resettle's fast path). It is the index's own answer cache (keyed there by resolved
    # arguments, under keys that start with "assess"): one bound on memory covers both.
    _answers: Answers = attrs.field(init=False, eq=False, repr=False)
    _version: DataVersion | None = attrs.field(init=False, eq=False, repr=False, default=None)
    __str__ = knowledge_base_text
    _capped: dict[dt.timedelta, Index] = attrs.field(init=False, eq=False, repr=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        if not self.scope or not all(
                isinstance(c, str) and len(c) == 2 and c.isupper() and c.isascii() for c in self.scope):
            raise DataError(f"scope is a non-empty tuple of ISO alpha-2 codes such as ('KP',), not "
                            f"{self.scope!r}", field="scope")
        for code in self.scope:
            country(code)  # an unknown code is an UnknownCountryError, with suggestions
        # An observation none of whose evidence dates a sighting is undated: say so on the value,
        # which a data file or a hand-built value cannot be expected to.
        published = {s.id: s.published for s in self.all_sources}
        for field in ("all_policies", "all_passages"):
            items = getattr(self, field)
            marks = [dates_nothing(item, published) for item in items]  # once: a cold start pays it
            if any(marks):
                object.__setattr__(self, field, tuple(
                    attrs.evolve(item, undated=True) if mark else item
                    for item, mark in zip(items, marks, strict=True)))
        object.__setattr__(self, "_index", Index.build(
            self.all_sources, self.all_policies, self.all_passages, self.all_cases,
            self.all_statistics, self.all_conflicts, self.scope))
        object.__setattr__(self, "_answers", self._index.answers)
        object.__setattr__(self, "_capped", {})

    @property
    def data_version(self) -> DataVersion:
        """The version of this knowledge base's data (fingerprint of its content and newest
        evidence date), computed on first use; a scenario has its own. See :data:`nkasylum.data_version`."""
        found = self._version
        if found is None:
            found = compute_data_version(self)
            object.__setattr__(self, "_version", found)
        return found

    # ----------------------------------------------------------------- sources
    def sources(self) -> tuple[Source, ...]:
        """Every source, sorted by id."""
        return Results(self.all_sources)

    def conflicts(self) -> tuple[Conflict, ...]:
        """Every documented disagreement between sources, sorted by id."""
        return Results(self.all_conflicts)

    def source(self, id: str) -> Source:
        """The source with this id.

        Raises:
            UnknownSourceError: no such source; the message suggests close ids.
        """
        if not isinstance(id, str):
            raise ArgumentTypeError(f"a source id is a str, not {type(id).__name__}: {id!r}")
        found = self._index.sources.get(id)
        if found is None:
            raise UnknownSourceError(f"unknown source {id!r}{did_you_mean(str(id), self._index.sources)}")
        return found

    def evidence_date(self, evidence: Evidence) -> When | None:
        """When the source behind ``evidence`` was published (EDTF; ``None`` if undated).

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
            raise UnknownEntryError(f"no entry with id {id!r}{did_you_mean(str(id), self._index.entries)}")
        return found

    def case(self, id: str) -> Case:
        """The case with this id (raises :class:`UnknownEntryError` otherwise)."""
        found = self.entry(id)
        if not isinstance(found, Case):
            raise UnknownEntryError(f"{id!r} is a {type(found).__name__.lower()}, not a case")
        return found

    # ---------------------------------------------------------------- policies
    def policies(self, country: PlaceLike) -> tuple[Policy, ...]:
        """Every policy statement about ``country`` as stored (not merged), sorted by id.

        The same question as :func:`nkasylum.policies`, asked of this knowledge base.

        Added in version 0.2, renamed from ``policies_of`` (which still works and warns).
        """
        return Results(self._index.policies.get(place_code(place(country)), ()))

    def policies_of(self, country: PlaceLike) -> tuple[Policy, ...]:
        """Deprecated name of :meth:`policies` (one vocabulary with the facade).

        Deprecated since version 0.2: use :meth:`policies`; this name goes in a later minor
        release.
        """
        warnings.warn("KnowledgeBase.policies_of is renamed; use KnowledgeBase.policies",
                      DeprecationWarning, stacklevel=2)
        return self.policies(country)

    def policy_timeline(self, country: PlaceLike) -> tuple[Policy, ...]:
        """The policies of ``country`` in time order, one per span over which they are unchanged.

        Statements in force at the same time are merged into one :class:`Policy` whose
        id joins theirs with ``+``. Statements with no date at all come last, merged into
        one policy with ``undated=True``.
        """
        return Results(tuple(self._index.timeline(place_code(place(country)))[2]))

    def policy(self, country: PlaceLike, *, on: object = None,
               horizon: dt.timedelta | None = None, max_gap: dt.timedelta | None = None) -> Policy | None:
        """The policy of ``country`` documented on ``on`` (default: today), or ``None``.

        ``None`` means no documented policy covers that date: undocumented, not "none";
        :meth:`policy_answer` says what was last known and lists undated statements.
        """
        return policy_answer(self._at(max_gap), country, on, horizon).policy

    def policy_answer(self, country: PlaceLike, *, on: object = None,
                      horizon: dt.timedelta | None = None,
                      max_gap: dt.timedelta | None = None) -> PolicyAnswer:
        """The policy of ``country`` on ``on``, with its support, evidence age, last known
        answer and undated context; see :func:`nkasylum.policy_answer`."""
        return policy_answer(self._at(max_gap), country, on, horizon)

    def coverage(self, countries: Iterable[PlaceLike] | None = None,
                 years: Iterable[int] | None = None, *, day: str = "07-01", at: str | None = None,
                 field: str | None = None, max_gap: dt.timedelta | None = None) -> tuple[CoverageCell, ...]:
        """How the knowledge base answers for each country and year; see :func:`nkasylum.coverage`."""
        return Results(coverage(self._at(max_gap), countries, years, day if at is None else at, field))

    def support(self, id: str, *, on: object = None,
                horizon: dt.timedelta | None = None, max_gap: dt.timedelta | None = None) -> Backing:
        """How the policy or passage ``id`` is supported on ``on`` (default today): seen,
        between sightings, rule in force, carried forward, last known, undated only or
        nothing, with its age and the evidence that bears on that day.

        ``on`` takes the one date grammar of every query (a date, an ``int`` year, an EDTF
        text or a :class:`~nkasylum.When`). A period is read as route questions read it:
        its support on the period's last day on which ``id`` answers (else its last day).

        Example:
            >>> import datetime as dt, nkasylum as nk
            >>> nk.default_knowledge_base().support("ru-kr-unhcr-moscow", on=dt.date(2009, 12, 23)).support
            <Support.SEEN: 'seen'>
        """
        self.entry(id)
        index = self._at(max_gap)
        timing = index.timings.get(id)
        if timing is None:
            raise UnknownEntryError(f"{id!r} is not a policy or passage: only those have support")
        asked = resolve_when(on)
        limit = resolve_horizon(horizon)
        if asked.lower is not None and asked.lower == asked.upper:
            return timing.support(asked.lower, limit)
        day = best_day(index, asked, limit,
                       lambda d: Verdict.DOCUMENTED if timing.covers(d, limit) else Verdict.UNDOCUMENTED)
        return timing.support(day, limit)

    # ---------------------------------------------------------------- passages
    def passages(
        self,
        origin: PlaceLike | None = None,
        dest: PlaceLike | None = None,
        *,
        on: object = None,
        any_date: bool = False,
    ) -> tuple[Passage, ...]:
        """Passages from ``origin`` and/or to ``dest`` documented on ``on`` (default today; a
        period asks "at some time in it"), or at any date with ``any_date=True``."""
        return Results(queries.passages(self._index, origin, dest, on, any_date))

    # ------------------------------------------------------------------- cases
    def cases(
        self,
        *,
        country: PlaceLike | None = None,
        since: object = None,
        until: object = None,
        outcome: Outcome | str | None = None,
        possible: bool = False,
    ) -> tuple[Case, ...]:
        """Cases filtered by country involved, date window and outcome, oldest first; the
        window as :func:`nkasylum.cases` reads it.

        An open side of a case's date is unknown, not "for ever": a case dated
        ``../2018-06-04`` (on or before that day) sorts as 2018-06-04. Cases whose date is
        unknown come last and are left out when a window is given.
        """
        return Results(queries.cases(self.all_cases, country, since, until, outcome, possible))

    # -------------------------------------------------------------- statistics
    def statistics(
        self,
        *,
        country: PlaceLike | None = None,
        measure: str | None = None,
        since: object = None,
        until: object = None,
        possible: bool = False,
    ) -> tuple[Statistic, ...]:
        """Statistics for a place and/or measure, sorted by measure, place, date and id; the
        window (``since``, ``until``, ``possible``) as :func:`nkasylum.statistics` reads it.

        ``since``, ``until`` and ``possible`` added in version 0.2.
        """
        return Results(queries.statistics(self.all_statistics, country, measure, since, until,
                                          possible))

    def series(self, measure: str, *, country: PlaceLike | None = None) -> tuple[SeriesPoint, ...]:
        """Yearly figures of ``measure``, oldest first; see :func:`nkasylum.series`."""
        queries.check_measure(measure)
        return Results(queries.series(self.statistics(country=country, measure=measure), self._index.disputed))

    # --------------------------------------------------------------- reasoning
    def can_resettle(
        self,
        origin: PlaceLike,
        via: PlaceLike | Sequence[PlaceLike] | None,
        dest: PlaceLike,
        *,
        on: object = None,
        horizon: dt.timedelta | None = None,
        max_gap: dt.timedelta | None = None,
        exact: bool = False,
    ) -> Assessment:
        """Assess whether a documented way leads from ``origin`` through ``via`` to ``dest``.

        See :func:`nkasylum.can_resettle`.
        """
        if on is None:
            on = today()
        # the types too: equal values of other types (a str and a Country, a date and a
        # pandas Timestamp, a timedelta and a pandas Timedelta) are not equal questions
        key: tuple[object, ...] | None = (origin, via, dest, on, type(on), horizon, type(horizon), max_gap,
                                          type(max_gap), exact,
                                          type(exact))
        try:
            found: Assessment | None = self._answers.data.get(key)
        except TypeError:  # an unhashable argument (via as a list): no fast path
            key, found = None, None
        if found is None:
            # Resolved once, here at the domain's door, and handed on as a journey; kept
            # above by the arguments as given, so that a repeated question costs one look-up.
            index = self._at(max_gap)
            start, stops, goal = arguments.journey(index, origin, via, dest)
            found = assess(index, start, stops, goal, via, on=on, horizon=horizon, exact=exact)
            object.__setattr__(found, "_knowledge_base", self)  # what found.cite() cites from
            if key is not None:
                # Equal keys only ever come from equal questions: a str equals only a
                # str, a date never equals a datetime, and a failed question raised above.
                self._answers.put(key, found)
        return found

    def assess_many(self, rows: Any, *, horizon: dt.timedelta | None = None,
                    max_gap: dt.timedelta | None = None, exact: bool = False) -> tuple[Verdict, ...]:
        """The verdict of each ``(origin, via, dest, on)`` row, in order, fast.

        Gives, for every row, exactly ``self.can_resettle(origin, via, dest, on=on).verdict``,
        from the days on which each journey is documented or blocked, computed once per
        journey as intervals: a row costs a look-up and a bisection (docs/performance.md).

        Args:
            rows: an iterable of ``(origin, via, dest, on)`` tuples (``via`` and ``on``
                may be ``None``, as in :meth:`can_resettle`), or a pandas ``DataFrame``
                with those columns (``datetime64`` ``on`` as whole days). ``NaN``, ``NaT``, ``pd.NA``
                are refused as by :meth:`can_resettle`, but for an empty DataFrame ``via`` (any route).

            exact: every row's ``via`` as exact legs, as for :meth:`can_resettle` (else waypoints).

        Returns:
            One :class:`Verdict` per row, in the rows' order.

        Raises:
            ArgumentTypeError, OutOfScopeError, UnknownCountryError, InvalidRouteError:
                the first bad row, with the error :meth:`can_resettle` gives for it.

        Example:
            >>> import datetime as dt, nkasylum as nk
            >>> kb = nk.default_knowledge_base()
            >>> rows = [("KP", "RU", "KR", dt.date(2009, 12, 23)),
            ...         ("KP", "CN", "KR", dt.date(2024, 6, 1))]
            >>> [v.value for v in kb.assess_many(rows)]
            ['documented', 'blocked']
        """
        return assess_many(self._at(max_gap), rows, resolve_horizon(horizon), exact)

    def routes(
        self, origin: PlaceLike, dest: PlaceLike, *, on: object = None,
        max_transits: int = 3, horizon: dt.timedelta | None = None, last_known: bool = False,
        max_routes: int = MAX_ROUTES, max_gap: dt.timedelta | None = None,
        via: PlaceLike | Sequence[PlaceLike] | None = None, exact: bool = False,
    ) -> tuple[Route, ...]:
        """The best documented routes from ``origin`` to ``dest`` on ``on``, best first.

        See :func:`nkasylum.routes`.
        """
        return Results(routes_on(self._at(max_gap), origin, dest, on, max_transits, horizon, last_known,
                                 max_routes, via, exact))

    def iter_routes(self, origin: PlaceLike, dest: PlaceLike, *, on: object = None,
                    max_transits: int = 3, horizon: dt.timedelta | None = None,
                    max_gap: dt.timedelta | None = None) -> Iterator[Route]:
        """Every documented route, lazily; see :func:`nkasylum.iter_routes`."""
        return iter_routes_on(self._at(max_gap), origin, dest, on, max_transits, resolve_horizon(horizon))

    def __getstate__(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in attrs.fields(type(self)) if f.init}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_version", None)
        self.__attrs_post_init__()


def from_entries(entries: Entries) -> KnowledgeBase:
    """The knowledge base of entries read by the storage layer.

    Raises:
        DataError: what no single entry can check (an id used twice, an unknown source,
            contradicting statements...), naming the file the entry came from.
    """
    try:
        return KnowledgeBase(
            all_sources=entries.sources, all_policies=entries.policies, all_passages=entries.passages,
            all_cases=entries.cases, all_statistics=entries.statistics, all_conflicts=entries.conflicts)
    except DataError as err:
        entry_id = (err.entry or "").split(" ")[-1].strip("'")
        raise DataError(err.message, file=entries.files.get(entry_id, err.file), entry=err.entry,
                        field=err.field) from None


_default: KnowledgeBase | None = None
_default_lock = threading.Lock()
_load_count = 0


def _load() -> KnowledgeBase:
    return from_entries(load_bundled())


def is_loaded() -> bool:
    """Whether the bundled knowledge base is built (:func:`default_knowledge_base` was called)."""
    return _default is not None


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
                _default = _load()
                _load_count += 1
    return _default


def can_resettle(origin: PlaceLike, via: PlaceLike | Sequence[PlaceLike] | None, dest: PlaceLike, *,
                 on: object = None, horizon: dt.timedelta | None = None,
                 max_gap: dt.timedelta | None = None, exact: bool = False) -> Assessment:
    """:meth:`KnowledgeBase.can_resettle` on the bundled knowledge base: what
    :func:`nkasylum.can_resettle` asks.

    Here the domain decides when a derived structure may answer for it: until the bundled
    knowledge base is built, a named route on a day with no horizon and no ``max_gap`` is
    read from the tables compiled with it (:mod:`nkasylum.engine.fast.quick`; the same
    answer, a test compares them), so that a script's first question does not wait for the
    build. Everything else, and every question once it is built, is the knowledge base's.
    """
    if _default is None and horizon is None and max_gap is None and via is not None:
        tables = bundled_tables(default_knowledge_base)
        if tables is not None:
            # Resolved once, here, against the scope the tables were compiled with (the
            # knowledge base's): a refused argument raises what the knowledge base raises
            # first, without building it, and the tables read the resolved journey.
            start, stops, goal = arguments.journey(tables, origin, via, dest)
            found = tables.journey_answer(start, stops, goal, via, on, exact)
            if found is not None:
                return found
    return default_knowledge_base().can_resettle(origin, via, dest, on=on, horizon=horizon,
                                                 max_gap=max_gap, exact=exact)
