"""Hypothesis strategies for every public nkasylum type.

Import from a test module as ``from strategies import ...`` (pytest puts ``tests/`` on
``sys.path``). Every strategy yields only values the constructors accept, so a test can
assume validity; types with cross-field rules (periods, routes, knowledge bases) are
built by composite strategies, because ``st.builds`` would leave defaulted fields at
their defaults and never exercise them.

``STRATEGIES`` maps each public type to a strategy for it, for tests that run over all
of them (serialisation round trips, schema validation, fuzzing).
"""

from __future__ import annotations

import datetime as dt
import itertools
import string
from typing import Any, TypeVar

from hypothesis import strategies as st

import nkasylum as nk
from nkasylum.core.quantities import MAX_COUNT
from nkasylum.model.verdicts import Step, StepKind

__all__ = [
    "ALL_DAYS",
    "STRATEGIES",
    "anchors",
    "assessments",
    "cases",
    "conflicts",
    "countries",
    "dates",
    "evidence",
    "ids",
    "knowledge_bases",
    "legs",
    "notes",
    "passages",
    "periods",
    "places",
    "policies",
    "quantities",
    "regions",
    "routes",
    "series_points",
    "sources",
    "statistics",
    "steps",
    "texts",
]

T = TypeVar("T")

# ------------------------------------------------------------------ building blocks
dates = st.dates()
"""Any date a ``datetime.date`` can hold (the JSON form must survive 0001 and 9999)."""

ALL_DAYS = (dt.date.min, dt.date.max)
"""The default ``days=`` bounds of the strategies below; narrow them (e.g. for pandas,
whose ``datetime64[ns]`` holds 1677 to 2262) with ``days=(first, last)``."""

ids = st.from_regex(r"[a-z0-9]{1,8}(?:[-.][a-z0-9]{1,8}){0,3}", fullmatch=True)
"""Well-formed entry ids (lower-case words joined by '-' or '.'; never '+')."""

texts = st.text(max_size=30)
"""Free text, including non-ASCII letters, quotes, backslashes and control characters."""

notes = st.text(min_size=1, max_size=30).filter(lambda s: s.strip() != "")
"""Free text that is not blank (evidence notes must say something)."""

_word = st.text(alphabet=string.ascii_letters + string.digits + "éüñ'’-\"", min_size=1, max_size=8)
anchors = st.lists(_word, min_size=3, max_size=12).map(" ".join)
"""Anchor phrases of 3 to 12 words."""

countries = st.deferred(lambda: st.sampled_from(nk.all_countries()))
"""Any ISO 3166-1 country (deferred: the registry loads on first draw)."""

regions = st.sampled_from(nk.REGIONS)
"""The regions nkasylum knows (a region is stored by id, so only known ones round-trip)."""

places = st.one_of(countries, regions)
"""A country or a region."""


@st.composite
def whens(draw: Any, days: tuple[dt.date, dt.date] = ALL_DAYS) -> nk.When:
    """An EDTF span inside ``days``: a day, a month, a year or an interval of two days,
    sometimes approximate or uncertain (the forms the data files use)."""
    lo, hi = max(days[0], dt.date(1000, 1, 1)), min(days[1], dt.date(9998, 12, 31))
    day = draw(st.dates(lo, hi))
    form = draw(st.sampled_from(["day", "month", "year", "interval"]))
    if form == "interval":
        end = draw(st.dates(day, hi))
        return nk.When.between(day, end)
    text = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": f"{day.year:04d}"}[form]
    when = nk.When.parse(text + draw(st.sampled_from(["", "", "~", "?"])))
    if when.start < days[0] or when.end > days[1]:  # a month or year reaching past the range
        return nk.When.day(day)
    return when


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.one_of(st.none(), strategy)


def _tuples(strategy: st.SearchStrategy[T], max_size: int = 3) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


# ------------------------------------------------------------------ simple values
@st.composite
def evidence(draw: Any, source_ids: st.SearchStrategy[str] = ids) -> nk.Evidence:
    """Evidence citing a source id drawn from ``source_ids``."""
    # Evidence for a knowledge base (citing its sources) says nothing of when it happened:
    # a happened-date after the source's report date is refused there, and the generated
    # sources' dates are drawn apart. Evidence on its own may carry one.
    happened = draw(_optional(whens())) if source_ids is ids else None
    return nk.Evidence(source=draw(source_ids), anchor=draw(anchors), note=draw(notes),
                       happened=happened)


@st.composite
def quantities(draw: Any) -> nk.Quantity:
    """A quantity that obeys its qualifier's rules (unquantified has no value, etc.)."""
    qualifier = draw(st.sampled_from(list(nk.Qualifier)))
    unit = draw(st.sampled_from(list(nk.Unit)))
    if qualifier is nk.Qualifier.UNQUANTIFIED:
        value = None
    elif qualifier is nk.Qualifier.ORDER_OF_MAGNITUDE:
        limit = 100 if unit is nk.Unit.PERCENT else 1_000_000
        value = draw(st.sampled_from([m for m in (10, 100, 1000, 10_000, 100_000, 1_000_000) if m <= limit]))
    elif unit is nk.Unit.PERCENT:
        value = draw(st.integers(0, 100))
    else:
        value = draw(st.integers(0, MAX_COUNT))
    return nk.Quantity(value, qualifier, unit)


@st.composite
def sources(draw: Any, id: st.SearchStrategy[str] = ids, days: tuple[dt.date, dt.date] = ALL_DAYS) -> nk.Source:
    """A source with every optional field sometimes set."""
    return nk.Source(
        id=draw(id),
        title=draw(texts),
        document=draw(texts),
        kind=draw(st.sampled_from(list(nk.SourceKind))),
        publisher=draw(_optional(texts)),
        published=draw(_optional(whens(days))),
        url=draw(_optional(texts)),
        author=draw(_optional(texts)),
        language=draw(st.sampled_from(["en", "ko", "ru", "zh", "ja"])),
        original_publisher=draw(_optional(texts)),
        located_by=draw(_tuples(texts)),
        note=draw(texts),
    )


@st.composite
def periods(draw: Any, basis: nk.Basis, days: tuple[dt.date, dt.date] = ALL_DAYS) -> dict[str, Any]:
    """Keyword arguments for a valid period of a statement with this ``basis``.

    A rule needs a start (an EDTF span) and may lack an end; an observation is dated by its
    evidence, or (as a value built in code) over a span of its own; either may be undated.
    The end is never before the start.
    """
    if draw(st.integers(0, 7)) == 0:
        return {"undated": True}
    if basis is nk.Basis.OBSERVATION and draw(st.booleans()):
        return {}
    start = draw(whens(days))
    if basis is nk.Basis.RULE and draw(st.booleans()):
        return {"valid_from": start}
    return {"valid_from": start, "valid_until": draw(whens((start.end, days[1])))}


# ------------------------------------------------------------------ entries
_yes_no: st.SearchStrategy[bool | None] = st.one_of(st.none(), st.booleans())


def _evidence_tuple(draw: Any, source_ids: st.SearchStrategy[str]) -> tuple[nk.Evidence, ...]:
    return tuple(draw(st.lists(evidence(source_ids), min_size=1, max_size=3)))


@st.composite
def policies(draw: Any, id: st.SearchStrategy[str] = ids, source_ids: st.SearchStrategy[str] = ids,
             country: st.SearchStrategy[nk.Country | nk.Region] = places,
             repatriates: st.SearchStrategy[bool | None] = _yes_no,
             admits: st.SearchStrategy[bool | None] = _yes_no,
             days: tuple[dt.date, dt.date] = ALL_DAYS) -> nk.Policy:
    """A policy statement with a valid period; pass strategies to constrain fields."""
    basis = draw(st.sampled_from(list(nk.Basis)))
    return nk.Policy(
        id=draw(id),
        country=draw(country),
        summary=draw(texts),
        basis=basis,
        evidence=_evidence_tuple(draw, source_ids),
        classification=draw(_tuples(st.sampled_from(list(nk.Classification)))),
        repatriates=draw(repatriates),
        admits=draw(admits),
        grants=draw(_tuples(st.sampled_from(list(nk.Status)))),
        procedures=draw(_tuples(texts)),
        agreements=draw(_tuples(texts)),
        exceptions=draw(_tuples(texts)),
        **draw(periods(basis, days)),
    )


@st.composite
def passages(draw: Any, id: st.SearchStrategy[str] = ids, source_ids: st.SearchStrategy[str] = ids,
             days: tuple[dt.date, dt.date] = ALL_DAYS) -> nk.Passage:
    """A passage between two different places, with a valid period."""
    origin, dest = draw(st.lists(places, min_size=2, max_size=2, unique=True))
    basis = draw(st.sampled_from(list(nk.Basis)))
    return nk.Passage(
        id=draw(id),
        origin=origin,
        dest=dest,
        channel=draw(st.sampled_from(list(nk.Channel))),
        summary=draw(texts),
        basis=basis,
        evidence=_evidence_tuple(draw, source_ids),
        actor=draw(_optional(texts)),
        via_third_country=draw(st.booleans()),
        conditions=draw(_tuples(texts)),
        **draw(periods(basis, days)),
    )


@st.composite
def legs(draw: Any) -> nk.Leg:
    """One leg between two places (on its own a leg may start and end anywhere)."""
    return nk.Leg(origin=draw(places), dest=draw(places),
                  channel=draw(_optional(st.sampled_from(list(nk.Channel)))),
                  passage=draw(_optional(ids)))


@st.composite
def routes(draw: Any, max_stops: int = 6) -> nk.Route:
    """A valid route: legs that join, no country twice (unnamed regions may repeat)."""
    named = draw(st.lists(countries, max_size=max_stops, unique=True))
    stops: list[nk.Country | nk.Region] = []
    for c in named:
        if draw(st.integers(0, 4)) == 0:
            stops.append(draw(regions))
        stops.append(c)
    while len(stops) < 2:
        stops.append(draw(regions))
    return nk.Route(tuple(
        nk.Leg(a, b, draw(_optional(st.sampled_from(list(nk.Channel)))), draw(_optional(ids)))
        for a, b in itertools.pairwise(stops)
    ))


@st.composite
def cases(draw: Any, id: st.SearchStrategy[str] = ids, source_ids: st.SearchStrategy[str] = ids,
          days: tuple[dt.date, dt.date] = ALL_DAYS) -> nk.Case:
    """A case, dated by an EDTF span or not at all."""
    date = draw(_optional(whens(days)))
    return nk.Case(
        id=draw(id),
        title=draw(texts),
        date=date,
        place=draw(places),
        people=draw(quantities()),
        outcome=draw(st.sampled_from(list(nk.Outcome))),
        evidence=_evidence_tuple(draw, source_ids),
        channel=draw(_optional(st.sampled_from(list(nk.Channel)))),
        route=draw(_optional(routes(max_stops=3))),
        applications=draw(_optional(st.integers(0, 10**6))),
        inconsistencies=draw(_tuples(texts)),
    )


@st.composite
def statistics(draw: Any, id: st.SearchStrategy[str] = ids, source_ids: st.SearchStrategy[str] = ids,
               days: tuple[dt.date, dt.date] = ALL_DAYS) -> nk.Statistic:
    """A statistic with a lower-case measure code and, sometimes, a calendar year."""
    return nk.Statistic(
        id=draw(id),
        measure=draw(ids),
        description=draw(texts),
        place=draw(places),
        value=draw(quantities()),
        evidence=_evidence_tuple(draw, source_ids),
        as_of=draw(_optional(whens(days))),
        year=draw(_optional(st.integers(1900, 2100))),
        area=draw(_optional(texts)),
    )


@st.composite
def conflicts(draw: Any, id: st.SearchStrategy[str] = ids, source_ids: st.SearchStrategy[str] = ids,
              versions: st.SearchStrategy[str] = ids, max_versions: int = 3) -> nk.Conflict:
    """A conflict whose versions are distinct ids (one to ``max_versions``)."""
    return nk.Conflict(
        id=draw(id),
        subject=draw(texts),
        versions=tuple(draw(st.lists(versions, min_size=1, max_size=max(1, max_versions),
                                     unique=True))),
        evidence=_evidence_tuple(draw, source_ids),
        note=draw(texts),
    )


@st.composite
def series_points(draw: Any) -> nk.SeriesPoint:
    """One point of a yearly series."""
    return nk.SeriesPoint(
        year=draw(st.integers(1900, 2100)),
        value=draw(quantities()),
        statistic=draw(ids),
        evidence=_evidence_tuple(draw, ids),
        disputed=draw(_tuples(ids)),
    )


_K = StepKind
_STEP_NEEDS: dict[StepKind, set[str]] = {
    _K.PASSAGE: {"leg", "passage"}, _K.OTHER_DATES: {"leg", "passage"}, _K.FIGURE: {"leg", "statistic"},
    _K.NO_PASSAGE: {"leg"}, _K.NO_ROUTE: {"leg", "transits"}, _K.LAST_ROUTE: {"leg"},
    _K.UNDATED: {"policy"},
    _K.DISPUTED: {"conflict"}, _K.EVIDENCE_DATES: set(),
    **{kind: {"leg", "policy"} for kind in (_K.RETURNS_YET_LEAVES, _K.BLOCKED_LEAVING, _K.BLOCKED_ARRIVING,
                                            _K.RETURNS_WITH_EXCEPTIONS, _K.DESTINATION_CLOSED, _K.DEAD_END,
                                            _K.ARRIVAL)},
}
"""The fields each kind of step must have (so that it can be worded); the others are optional."""


@st.composite
def steps(draw: Any) -> Step:
    """A step of an assessment: the fields its kind needs, the others sometimes set."""
    kind = draw(st.sampled_from(list(StepKind)))
    fields = {"leg": legs(), "passage": passages(), "policy": policies(), "statistic": statistics(),
              "conflict": conflicts(), "route": routes(max_stops=3), "transits": st.integers(0, 8)}
    values = {name: draw(strategy if name in _STEP_NEEDS[kind] else _optional(strategy))
              for name, strategy in fields.items()}
    if kind is StepKind.LAST_ROUTE:
        days: tuple[dt.date, ...] = (draw(dates),)
    elif kind is StepKind.EVIDENCE_DATES:
        days = tuple(sorted(draw(st.one_of(st.just(()), st.tuples(dates, dates)))))
    else:
        days = draw(_tuples(dates, max_size=2))
    return Step(kind=kind, on=draw(dates), verdict=draw(_optional(st.sampled_from(list(nk.Verdict)))),
                entries=draw(_tuples(ids)), evidence=draw(_tuples(evidence())), dates=days, **values)


@st.composite
def assessments(draw: Any) -> nk.Assessment:
    """An assessment with every field populated independently (no consistency implied)."""
    return nk.Assessment(
        origin=draw(countries),
        via=draw(_optional(st.lists(countries, max_size=3).map(tuple))),
        dest=draw(countries),
        on=draw(dates),
        verdict=draw(st.sampled_from(list(nk.Verdict))),
        route=draw(_optional(routes(max_stops=4))),
        alternatives=draw(_tuples(routes(max_stops=3), max_size=2)),
        steps=draw(_tuples(steps(), max_size=3)),
        evidence=draw(_tuples(evidence())),
        latest_evidence=draw(_optional(dates)),
        disputed=draw(_tuples(ids)),
    )


@st.composite
def knowledge_bases(draw: Any, max_entries: int = 8, days: tuple[dt.date, dt.date] = ALL_DAYS) -> nk.KnowledgeBase:
    """A valid knowledge base: unique ids, evidence citing its own sources, policies that
    never contradict each other, and conflicts whose versions name its entries."""
    source_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    cite = st.sampled_from(source_ids)
    counts = draw(st.lists(st.integers(0, max_entries // 2), min_size=5, max_size=5))
    entry_ids = iter(draw(st.lists(ids, min_size=sum(counts), max_size=sum(counts), unique=True)))
    # One yes/no answer per knowledge base keeps overlapping statements consistent.
    rep, adm = draw(st.booleans()), draw(st.booleans())

    def next_id() -> st.SearchStrategy[str]:
        return st.just(next(entry_ids))

    pols = [draw(policies(next_id(), cite, repatriates=st.sampled_from([None, rep]),
                          admits=st.sampled_from([None, adm]), days=days)) for _ in range(counts[0])]
    pas = [draw(passages(next_id(), cite, days)) for _ in range(counts[1])]
    cas = [draw(cases(next_id(), cite, days)) for _ in range(counts[2])]
    sts = [draw(statistics(next_id(), cite, days)) for _ in range(counts[3])]
    versionable = [e.id for e in (*pols, *pas, *cas, *sts)]
    version_ids = st.sampled_from(versionable or ["unused"])
    # A conflict names at least one entry: with none to name, there is none.
    cons = [draw(conflicts(next_id(), cite, versions=version_ids, max_versions=min(3, len(versionable))))
            for _ in range(counts[4] if versionable else 0)]
    return nk.KnowledgeBase(
        all_sources=tuple(draw(sources(st.just(s), days)) for s in source_ids),
        all_policies=tuple(pols),
        all_passages=tuple(pas),
        all_cases=tuple(cas),
        all_statistics=tuple(sts),
        all_conflicts=tuple(cons),
        scope=tuple(draw(st.lists(st.sampled_from(["KP", "CN", "RU"]), min_size=1, max_size=2,
                                  unique=True))),
    )


STRATEGIES: dict[type[Any], st.SearchStrategy[Any]] = {
    nk.Country: countries,
    nk.Region: regions,
    nk.Source: sources(),
    nk.Evidence: evidence(),
    nk.Quantity: quantities(),
    nk.Policy: policies(),
    nk.Passage: passages(),
    nk.Case: cases(),
    nk.Statistic: statistics(),
    nk.Conflict: conflicts(),
    nk.Leg: legs(),
    nk.Route: routes(),
    nk.Assessment: assessments(),
    nk.SeriesPoint: series_points(),
    nk.KnowledgeBase: knowledge_bases(),
}
"""A strategy for each public type, keyed by the type."""


def json_paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path (keys and indexes) into a JSON tree, the root first: where a mutation
    test may drop, retype or corrupt a value."""
    found = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            found += json_paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            found += json_paths(v, (*prefix, i))
    return found


# ------------------------------------------------- small transit worlds
# The nine countries, one source and one piece of evidence that the transit-law tests build
# their generated knowledge bases from, over the years the bundled data spans.
TRANSIT_CODES = ["KP", "CN", "RU", "KR", "TH", "LA", "MN", "JP", "US"]
TRANSIT_DAYS = (dt.date(1995, 1, 1), dt.date(2025, 12, 31))
GENERATED_SOURCE = nk.Source(id="generated", title="t", document="seeds/x.txt",
                             kind=nk.SourceKind.UNATTRIBUTED, published=nk.When.day(dt.date(2010, 1, 1)))
GENERATED_EVIDENCE = (nk.Evidence("generated", "one two three", "generated"),)
