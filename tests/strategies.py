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

import calendar
import datetime as dt
import itertools
import os
import string
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

import nkasylum as nk
from nkasylum.core.quantities import MAX_COUNT
from nkasylum.model.verdicts import Step, StepKind

__all__ = [
    "ALL_DAYS",
    "STRATEGIES",
    "anchors",
    "assessments",
    "backings",
    "cases",
    "conflicts",
    "countries",
    "dates",
    "evidence",
    "grid_days",
    "ids",
    "knowledge_bases",
    "legs",
    "notes",
    "passage_countries",
    "passages",
    "periods",
    "places",
    "policies",
    "policy_answers",
    "quantities",
    "regions",
    "routes",
    "series_points",
    "sources",
    "statistics",
    "steps",
    "texts",
    "urgings",
    "whens",
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


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.one_of(st.none(), strategy)


def _tuples(strategy: st.SearchStrategy[T], max_size: int = 3) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


# ------------------------------------------------------------------ EDTF spans
_QUALIFIERS = st.sampled_from(["", "", "", "~", "?", "%"])


@st.composite
def _edtf_point(draw: Any, days: tuple[dt.date, dt.date]) -> tuple[str, dt.date, dt.date]:
    """One EDTF date (a day, a month or a year) whose whole span lies within ``days``."""
    day = draw(st.dates(*days))
    year_span = (dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))
    last = calendar.monthrange(day.year, day.month)[1]
    month_span = (dt.date(day.year, day.month, 1), dt.date(day.year, day.month, last))
    forms = [("day", (day, day))]
    if days[0] <= month_span[0] and month_span[1] <= days[1]:
        forms.append(("month", month_span))
    if days[0] <= year_span[0] and year_span[1] <= days[1]:
        forms.append(("year", year_span))
    form, (lower, upper) = draw(st.sampled_from(forms))
    text = {"day": day.isoformat(), "month": f"{day.year:04d}-{day.month:02d}",
            "year": f"{day.year:04d}"}[form]
    return text, lower, upper


@st.composite
def whens(draw: Any, days: tuple[dt.date, dt.date] = ALL_DAYS, open_ends: bool = True,
          qualifiers: bool = True) -> nk.When:
    """An EDTF span within ``days``: a day, a month, a year, or an interval of them (one end
    open, ``..``, only when ``open_ends``), sometimes approximate or uncertain.

    The bounds are checked against the text, so a strategy that drifted from the parser
    would fail here rather than feed a test a span it does not mean.
    """
    first = draw(_edtf_point(days))
    suffix = draw(_QUALIFIERS) if qualifiers else ""
    if not draw(st.booleans()):
        when = nk.When.parse(first[0] + suffix)
        assert (when.lower, when.upper) == (first[1], first[2])
        return when
    second = draw(_edtf_point(days))
    a, b = sorted((first, second), key=lambda p: (p[1], p[2]))
    left, right = a[0] + suffix, b[0] + (draw(_QUALIFIERS) if qualifiers else "")
    lower: dt.date | None = a[1]
    upper: dt.date | None = b[2]
    if open_ends:
        opened = draw(st.sampled_from(["", "", "", "start", "end"]))
        if opened == "start":
            left, lower = "..", None
        elif opened == "end":
            right, upper = "..", None
    when = nk.When.parse(f"{left}/{right}")
    assert (when.lower, when.upper) == (lower, upper), (left, right, when)
    return when


def closed_whens(days: tuple[dt.date, dt.date] = ALL_DAYS) -> st.SearchStrategy[nk.When]:
    """EDTF spans with both ends known (what a rule's start or a sighting on known days needs)."""
    return whens(days, open_ends=False)


# ------------------------------------------------------------------ simple values
@st.composite
def evidence(draw: Any, source_ids: st.SearchStrategy[str] = ids,
             days: tuple[dt.date, dt.date] = ALL_DAYS) -> nk.Evidence:
    """Evidence citing a source id drawn from ``source_ids``; sometimes it says when the
    reported thing happened (an EDTF span within ``days``), otherwise it is dated by its
    source's publication."""
    return nk.Evidence(source=draw(source_ids), anchor=draw(anchors), note=draw(notes),
                       happened=draw(_optional(whens(days))))


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


documents = st.builds("{}/{}".format, st.sampled_from(["seeds", "sources"]),
                      st.from_regex(r"[a-z0-9][a-z0-9._-]{0,20}", fullmatch=True))
"""A document path inside the documents folder (seeds/... or sources/...)."""


@st.composite
def sources(draw: Any, id: st.SearchStrategy[str] = ids, days: tuple[dt.date, dt.date] = ALL_DAYS) -> nk.Source:
    """A source with every optional field sometimes set."""
    return nk.Source(
        id=draw(id),
        title=draw(texts),
        document=draw(documents),
        kind=draw(st.sampled_from(list(nk.SourceKind))),
        publisher=draw(_optional(texts)),
        published=draw(_optional(whens(days))),
        url=draw(_optional(texts)),
        author=draw(_optional(texts)),
        language=draw(st.sampled_from(["en", "ko", "ru", "zh", "ja"])),
        original_publisher=draw(_optional(texts)),
        located_by=draw(_tuples(texts)),
        note=draw(texts),
        also_in=draw(_tuples(documents, max_size=2)),
    )


@st.composite
def periods(draw: Any, basis: nk.Basis, days: tuple[dt.date, dt.date] = ALL_DAYS) -> dict[str, Any]:
    """Keyword arguments for a valid period of a statement with this ``basis``.

    A rule needs an EDTF start with a known first day and may lack an end (the end never
    ends before the start). An observation has no dates of its own: it is dated by its
    evidence (``happened``, or its source's publication). Either may be undated.
    """
    if draw(st.integers(0, 7)) == 0:
        return {"undated": True}
    if basis is nk.Basis.OBSERVATION:
        return {}
    a, b = draw(closed_whens(days)), draw(closed_whens(days))
    start, end = sorted((a, b), key=lambda w: (w.start, w.end))
    if draw(st.booleans()):
        return {"valid_from": start}
    return {"valid_from": start, "valid_until": end}


# ------------------------------------------------------------------ entries
_yes_no: st.SearchStrategy[bool | None] = st.one_of(st.none(), st.booleans())


def _evidence_tuple(draw: Any, source_ids: st.SearchStrategy[str],
                    days: tuple[dt.date, dt.date] = ALL_DAYS,
                    cited: st.SearchStrategy[nk.Evidence] | None = None) -> tuple[nk.Evidence, ...]:
    one = cited if cited is not None else evidence(source_ids, days)
    return tuple(draw(st.lists(one, min_size=1, max_size=3)))


@st.composite
def evidence_citing(draw: Any, cited_sources: tuple[nk.Source, ...],
                    days: tuple[dt.date, dt.date] = ALL_DAYS) -> nk.Evidence:
    """Evidence citing one of ``cited_sources`` whose ``happened`` (when set) starts no later
    than that source's report: a source cannot report what had not yet happened."""
    source = draw(st.sampled_from(cited_sources))
    last = days[1]
    if source.published is not None and source.published.upper is not None:
        last = max(days[0], min(last, source.published.upper))
    return nk.Evidence(source=source.id, anchor=draw(anchors), note=draw(notes),
                       happened=draw(_optional(whens((days[0], last)))))


@st.composite
def urgings(draw: Any) -> nk.Urging:
    """One state urging another to classify North Koreans a certain way."""
    return nk.Urging(target=draw(places),
                     classification=draw(_tuples(st.sampled_from(list(nk.Classification)))))


@st.composite
def policies(draw: Any, id: st.SearchStrategy[str] = ids, source_ids: st.SearchStrategy[str] = ids,
             country: st.SearchStrategy[nk.Country | nk.Region] = places,
             repatriates: st.SearchStrategy[bool | None] = _yes_no,
             admits: st.SearchStrategy[bool | None] = _yes_no,
             returns_to: st.SearchStrategy[tuple[nk.Country | nk.Region, ...]] | None = None,
             days: tuple[dt.date, dt.date] = ALL_DAYS,
             cited: st.SearchStrategy[nk.Evidence] | None = None) -> nk.Policy:
    """A policy statement with a valid period; pass strategies to constrain fields."""
    if returns_to is None:
        returns_to = _tuples(places, max_size=2)
    basis = draw(st.sampled_from(list(nk.Basis)))
    return nk.Policy(
        id=draw(id),
        country=draw(country),
        summary=draw(texts),
        basis=basis,
        evidence=_evidence_tuple(draw, source_ids, days, cited),
        classification=draw(_tuples(st.sampled_from(list(nk.Classification)))),
        urges=draw(_tuples(urgings(), max_size=2)),
        repatriates=draw(repatriates),
        returns_to=draw(returns_to),
        admits=draw(admits),
        grants=draw(_tuples(st.sampled_from(list(nk.Status)))),
        procedures=draw(_tuples(texts)),
        agreements=draw(_tuples(texts)),
        exceptions=draw(_tuples(texts)),
        note=draw(texts),
        **draw(periods(basis, days)),
    )


@st.composite
def passages(draw: Any, id: st.SearchStrategy[str] = ids, source_ids: st.SearchStrategy[str] = ids,
             days: tuple[dt.date, dt.date] = ALL_DAYS,
             cited: st.SearchStrategy[nk.Evidence] | None = None) -> nk.Passage:
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
        evidence=_evidence_tuple(draw, source_ids, days, cited),
        actor=draw(_optional(texts)),
        via_third_country=draw(st.booleans()),
        conditions=draw(_tuples(texts)),
        note=draw(texts),
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
          days: tuple[dt.date, dt.date] = ALL_DAYS,
          cited: st.SearchStrategy[nk.Evidence] | None = None) -> nk.Case:
    """A case dated by an EDTF span (a day, a month, a year, an interval) or undated."""
    return nk.Case(
        id=draw(id),
        title=draw(texts),
        date=draw(_optional(whens(days))),
        place=draw(places),
        people=draw(quantities()),
        outcome=draw(st.sampled_from(list(nk.Outcome))),
        evidence=_evidence_tuple(draw, source_ids, days, cited),
        channel=draw(_optional(st.sampled_from(list(nk.Channel)))),
        route=draw(_optional(routes(max_stops=3))),
        applications=draw(_optional(st.integers(0, 10**6))),
        inconsistencies=draw(_tuples(texts)),
        note=draw(texts),
    )


@st.composite
def statistics(draw: Any, id: st.SearchStrategy[str] = ids, source_ids: st.SearchStrategy[str] = ids,
               days: tuple[dt.date, dt.date] = ALL_DAYS,
               cited: st.SearchStrategy[nk.Evidence] | None = None) -> nk.Statistic:
    """A statistic with a lower-case measure code and, sometimes, a calendar year."""
    return nk.Statistic(
        id=draw(id),
        measure=draw(ids),
        description=draw(texts),
        place=draw(places),
        value=draw(quantities()),
        evidence=_evidence_tuple(draw, source_ids, days, cited),
        as_of=draw(_optional(whens(days))),
        year=draw(_optional(st.integers(1900, 2100))),
        area=draw(_optional(texts)),
        note=draw(texts),
    )


@st.composite
def conflicts(draw: Any, id: st.SearchStrategy[str] = ids, source_ids: st.SearchStrategy[str] = ids,
              versions: st.SearchStrategy[str] = ids, max_versions: int = 3,
              cited: st.SearchStrategy[nk.Evidence] | None = None) -> nk.Conflict:
    """A conflict whose versions are distinct ids (one to ``max_versions``)."""
    return nk.Conflict(
        id=draw(id),
        subject=draw(texts),
        versions=tuple(draw(st.lists(versions, min_size=1, max_size=max(1, max_versions),
                                     unique=True))),
        evidence=_evidence_tuple(draw, source_ids, cited=cited),
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
    _K.DISPUTED: {"conflict"}, _K.EVIDENCE_DATES: set(), _K.UNDATED: set(),
    **{kind: {"leg", "policy"} for kind in (_K.RETURNS_YET_LEAVES, _K.BLOCKED_LEAVING, _K.BLOCKED_ARRIVING,
                                            _K.RETURNS_WITH_EXCEPTIONS, _K.DESTINATION_CLOSED, _K.DEAD_END,
                                            _K.ARRIVAL)},
}
"""The fields each kind of step must have (so that it can be worded); the others are optional."""

_ages = st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=40_000))
"""Ages of evidence: never negative (from the date asked back to a sighting)."""


@st.composite
def backings(draw: Any, days: tuple[dt.date, dt.date] = ALL_DAYS) -> nk.Backing:
    """How one statement bears on a date: any support, its age, evidence and nearest sighting."""
    return nk.Backing(entry=draw(ids), support=draw(st.sampled_from(list(nk.Support))),
                      age=draw(_ages), evidence=draw(_tuples(evidence(days=days), max_size=2)),
                      sighting=draw(_optional(whens(days))))


@st.composite
def steps(draw: Any) -> Step:
    """A step of an assessment: the fields its kind needs, the others sometimes set."""
    kind = draw(st.sampled_from(list(StepKind)))
    fields = {"leg": legs(), "passage": passages(), "policy": policies(), "statistic": statistics(),
              "conflict": conflicts(), "route": routes(max_stops=3), "transits": st.integers(0, 8)}
    values = {name: draw(strategy if name in _STEP_NEEDS[kind] else _optional(strategy))
              for name, strategy in fields.items()}
    if kind is StepKind.UNDATED and values["policy"] is None and values["passage"] is None:
        values["policy"] = draw(policies())
    if kind is StepKind.LAST_ROUTE:
        days: tuple[dt.date, ...] = (draw(dates),)
    elif kind is StepKind.EVIDENCE_DATES:
        days = tuple(sorted(draw(st.one_of(st.just(()), st.tuples(dates, dates)))))
    else:
        days = draw(_tuples(dates, max_size=2))
    return Step(kind=kind, on=draw(dates), verdict=draw(_optional(st.sampled_from(list(nk.Verdict)))),
                entries=draw(_tuples(ids)), evidence=draw(_tuples(evidence())), dates=days,
                backing=draw(_tuples(backings(), max_size=2)), age=draw(_optional(_ages)), **values)


@st.composite
def assessments(draw: Any, depth: int = 1) -> nk.Assessment:
    """An assessment with every field populated independently, then made to keep what the
    engine guarantees of every answer (see :func:`consistent_assessment`); ``last_known``
    is itself an assessment, nested at most ``depth`` levels."""
    return consistent_assessment(draw, draw(_any_assessment(depth)))


_KP = nk.country("KP")
_BLOCKED = nk.Verdict.BLOCKED


def _blocking(step: Step) -> bool:
    return step.verdict is _BLOCKED and step.kind.supports


def consistent_assessment(draw: Any, base: nk.Assessment) -> nk.Assessment:
    """``base`` changed as little as needed to be an answer ``nk.from_json`` reads back: the
    origin in scope, no country twice, a route exactly when documented (from origin through
    ``via`` to dest), a verdict its steps agree with, ``on`` within the period asked, no
    evidence date after today, and ``last_known`` an earlier documented answer to the same
    question."""
    others = draw(st.lists(countries.filter(lambda c: c != _KP), min_size=1, max_size=4, unique=True))
    dest, stops = others[0], tuple(others[1:])
    via = stops if draw(st.booleans()) else None
    steps = base.steps
    verdict = base.verdict
    if verdict is _BLOCKED and not any(map(_blocking, steps)):
        verdict = nk.Verdict.UNDOCUMENTED
    if verdict is not _BLOCKED:
        steps = tuple(s for s in steps if not _blocking(s))
    route = (nk.Route.parse(" > ".join(c.alpha_2 for c in (_KP, *stops, dest)))
             if verdict is nk.Verdict.DOCUMENTED else None)
    on = base.on
    if base.asked is not None and not base.asked.contains(on):
        on = base.asked.lower or base.asked.upper
    latest = base.latest_evidence
    if latest is not None and latest > dt.date.today():
        latest = dt.date.today()
    last = None
    if base.last_known is not None and verdict is not nk.Verdict.DOCUMENTED and on > dt.date.min:
        last = attrs.evolve(consistent_assessment(draw, base.last_known), origin=_KP, via=via, dest=dest,
                            verdict=nk.Verdict.DOCUMENTED, on=on - dt.timedelta(days=1), asked=None,
                            last_known=None)
        last = attrs.evolve(last, route=nk.Route.parse(" > ".join(c.alpha_2 for c in (_KP, *stops, dest))),
                            steps=tuple(s for s in last.steps if not _blocking(s)))
    return attrs.evolve(base, origin=_KP, via=via, dest=dest, verdict=verdict, route=route, steps=steps,
                        on=on, latest_evidence=latest, last_known=last)


def consistent_policy_answer(base: nk.PolicyAnswer) -> nk.PolicyAnswer:
    """``base`` changed as little as needed to be an answer ``nk.from_json`` reads back: its
    own country's policy, ``on`` within the period asked, ``last_known`` only when no
    policy is documented (an earlier answer for the same country)."""
    policy = base.policy if base.policy is None else attrs.evolve(base.policy, country=base.country)
    on = base.on
    if base.asked is not None and not base.asked.contains(on):
        on = base.asked.lower or base.asked.upper
    last = base.last_known
    if last is not None:
        if policy is not None or on == dt.date.min:
            last = None
        else:
            last = consistent_policy_answer(attrs.evolve(last, country=base.country, on=on - dt.timedelta(days=1),
                                                         asked=None, last_known=None))
    return attrs.evolve(base, policy=policy, on=on, last_known=last)


@st.composite
def _any_assessment(draw: Any, depth: int = 1) -> nk.Assessment:
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
        asked=draw(_optional(whens())),
        horizon=draw(_optional(_ages)),
        backing=draw(_tuples(backings(), max_size=2)),
        evidence_age=draw(_optional(_ages)),
        last_known=draw(_any_assessment(depth - 1)) if depth > 0 and draw(st.booleans()) else None,
        undated_policies=draw(_tuples(policies(), max_size=2)),
        undated_passages=draw(_tuples(passages(), max_size=2)),
    )


@st.composite
def policy_answers(draw: Any, depth: int = 1) -> nk.PolicyAnswer:
    """A policy answer with every field populated independently, then made consistent (see
    :func:`consistent_policy_answer`); ``last_known`` nests at most ``depth`` levels."""
    return consistent_policy_answer(draw(_any_policy_answer(depth)))


@st.composite
def _any_policy_answer(draw: Any, depth: int = 1) -> nk.PolicyAnswer:
    return nk.PolicyAnswer(
        country=draw(places),
        on=draw(dates),
        policy=draw(_optional(policies())),
        backing=draw(_tuples(backings(), max_size=2)),
        evidence=draw(_tuples(evidence())),
        latest_evidence=draw(_optional(dates)),
        evidence_age=draw(_optional(_ages)),
        last_known=draw(_any_policy_answer(depth - 1)) if depth > 0 and draw(st.booleans()) else None,
        undated=draw(_tuples(policies(), max_size=2)),
        asked=draw(_optional(whens())),
        horizon=draw(_optional(_ages)),
    )


@st.composite
def knowledge_bases(draw: Any, max_entries: int = 8, days: tuple[dt.date, dt.date] = ALL_DAYS) -> nk.KnowledgeBase:
    """A valid knowledge base: unique ids, evidence citing its own sources, policies that
    never contradict each other, and conflicts whose versions name its entries."""
    source_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    cite = st.sampled_from(source_ids)
    all_sources = tuple(draw(sources(st.just(s), days)) for s in source_ids)
    cited = evidence_citing(all_sources, days)
    counts = draw(st.lists(st.integers(0, max_entries // 2), min_size=5, max_size=5))
    entry_ids = iter(draw(st.lists(ids, min_size=sum(counts), max_size=sum(counts), unique=True)))
    # One yes/no answer per knowledge base keeps overlapping statements consistent.
    rep, adm = draw(st.booleans()), draw(st.booleans())

    def next_id() -> st.SearchStrategy[str]:
        return st.just(next(entry_ids))

    pols = [draw(policies(next_id(), cite, repatriates=st.sampled_from([None, rep]),
                          admits=st.sampled_from([None, adm]), days=days, cited=cited))
            for _ in range(counts[0])]
    pas = [draw(passages(next_id(), cite, days, cited)) for _ in range(counts[1])]
    cas = [draw(cases(next_id(), cite, days, cited)) for _ in range(counts[2])]
    sts = [draw(statistics(next_id(), cite, days, cited)) for _ in range(counts[3])]
    versionable = [e.id for e in (*pols, *pas, *cas, *sts)]
    version_ids = st.sampled_from(versionable or ["unused"])
    cons = [draw(conflicts(next_id(), cite, versions=version_ids, max_versions=min(3, len(versionable)),
                              cited=cited))
            for _ in range(counts[4] if versionable else 0)]  # a conflict names an entry
    return nk.KnowledgeBase(
        all_sources=all_sources,
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
    nk.When: whens(),
    nk.Urging: urgings(),
    nk.Backing: backings(),
    nk.PolicyAnswer: policy_answers(),
    nk.CoverageCell: st.builds(
        nk.CoverageCell, country=st.sampled_from(["KP", "CN", "KR", "international"]), on=st.dates(),
        support=st.sampled_from(list(nk.Support)),
        age=st.one_of(st.none(), st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=20000))),
        entries=st.lists(ids, max_size=3).map(tuple)),
    nk.DataVersion: st.builds(nk.DataVersion, fingerprint=st.integers(0, 2**32 - 1).map("{:08x}".format),
                              newest_evidence=st.one_of(st.none(), whens(open_ends=False))),
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
                             kind=nk.SourceKind.UNATTRIBUTED, published=nk.When.parse("2025-12-31"))
"""The source of generated worlds, reporting on the last of the transit days, so that every
sighting in them (``happened``) is on or before its report."""
GENERATED_EVIDENCE = (nk.Evidence("generated", "one two three", "generated"),)
"""Evidence dated only by the generated source's publication (seen on 2025-12-31); rules
citing it are dated by their own ``valid_from``."""


@st.composite
def transit_evidence(draw: Any, days: tuple[dt.date, dt.date] = TRANSIT_DAYS) -> tuple[nk.Evidence, ...]:
    """One to three sightings of a generated observation, each on known days within ``days``
    (a day, a month, a year or a closed interval), or, sometimes, the generated source's
    own publication date: what makes a transit world's statements documented on a day."""
    if draw(st.integers(0, 5)) == 0:
        return GENERATED_EVIDENCE
    spans = draw(st.lists(closed_whens(days), min_size=1, max_size=3))
    return tuple(nk.Evidence("generated", "one two three", "generated", happened=w) for w in spans)


def sightings_of(evidence: tuple[nk.Evidence, ...]) -> tuple[nk.When, ...]:
    """The spans on which generated evidence saw its statement (``happened``, or the
    generated source's publication)."""
    assert GENERATED_SOURCE.published is not None
    return tuple(e.happened or GENERATED_SOURCE.published for e in evidence)


def grid_days(kb: nk.KnowledgeBase) -> list[dt.date]:
    """Every day on which a verdict of ``kb`` may change, the day before each, and a few
    plain days: the days on which a fast path and the plain one must agree."""
    points = kb._index.breakpoints()
    days = {d for p in points for d in (p, p - dt.timedelta(days=1))}
    return sorted(days | {dt.date(1990, 1, 1), dt.date(2002, 9, 11), dt.date(2030, 1, 1)})


def passage_countries(kb: nk.KnowledgeBase) -> list[str]:
    """The codes of the countries ``kb``'s passages name, North Korea left out, sorted."""
    return sorted({c.alpha_2 for p in kb.all_passages for c in (p.origin, p.dest)
                   if isinstance(c, nk.Country)} - {"KP"})


def examples(n: int) -> int:
    """How many examples a property test draws: ``n`` in the full run (``--slow``, as CI runs
    it), a third of it (at least 10) in the quick default run, so that the laws are still
    checked while working and checked hard before anything lands."""
    return n if os.environ.get("NKASYLUM_FULL_TESTS") == "1" else max(10, n // 3)


def simple_paths(ways: dict[str, set[str]], origin: str, dest: str,
                 max_transits: int) -> set[tuple[str, ...]]:
    """Every path of ``ways`` (each country's next countries) from ``origin`` to ``dest``
    that visits no country twice and has at most ``max_transits`` countries between them:
    the textbook depth-first walk, no index, no pruning."""
    found: set[tuple[str, ...]] = set()

    def walk(path: tuple[str, ...]) -> None:
        for nxt in ways.get(path[-1], ()):
            if nxt == dest:
                found.add((*path, nxt))
            elif nxt not in path and len(path) <= max_transits:
                walk((*path, nxt))

    walk((origin,))
    return found
