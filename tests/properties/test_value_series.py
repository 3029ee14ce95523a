"""Laws of the third time model, on small generated worlds.

Sightings belong to a value: adding one never removes support for it, a contrary sighting
between two splits the series, a gap cap never adds support, a carried-forward passage
never outranks a block seen or in force, a year is documented iff some day in it is, and
a window filter (of cases, and of figures by their as-of dates) agrees with filtering day
by day.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import examples

import nkasylum as nk
from nkasylum.core.when import When
from nkasylum.engine.queries import in_window

D = dt.date
FIRST, LAST = D(2000, 1, 1), D(2004, 12, 31)
SOURCE = nk.Source(id="s", title="t", document="seeds/x.txt", kind=nk.SourceKind.UNATTRIBUTED,
                   published=When.parse("2025-12-31"))
# Every 61st day over the five years: enough days to see a gap open or close.
GRID = [FIRST + dt.timedelta(days=61 * i) for i in range((LAST - FIRST).days // 61 + 1)]
# Sightings fall on these days only, a week apart at least, so that no two overlap (two
# contrary sightings on one day would be a contradiction the knowledge base refuses).
SIGHTING_DAYS = st.sampled_from([FIRST + dt.timedelta(days=7 * i) for i in range(260)])
SETTINGS = settings(max_examples=examples(40), deadline=None)


def _seen(i: int, day: dt.date, repatriates: bool, open_start: bool = False) -> nk.Policy:
    happened = When.parse(f"../{day.isoformat()}") if open_start else When.day(day)
    return nk.Policy(id=f"q{i}", country="CN", summary="seen", basis=nk.Basis.OBSERVATION,
                     evidence=(nk.Evidence("s", "one two three", "generated", happened),),
                     repatriates=repatriates)


@st.composite
def sightings(draw: st.DrawFn, contrary: bool = True) -> list[tuple[dt.date, bool, bool]]:
    """One to six sightings of China's repatriation: day, value, open start."""
    days = draw(st.lists(SIGHTING_DAYS, min_size=1, max_size=6, unique=True))
    return [(d, draw(st.booleans()) if contrary else True, draw(st.booleans())) for d in days]


def _world(seen: list[tuple[dt.date, bool, bool]]) -> nk.KnowledgeBase:
    return nk.KnowledgeBase(all_sources=(SOURCE,), all_policies=tuple(
        _seen(i, d, v, o) for i, (d, v, o) in enumerate(seen)))


def _repatriates(kb: nk.KnowledgeBase, day: dt.date, max_gap: dt.timedelta | None = None) -> bool | None:
    p = kb.policy("CN", on=day, max_gap=max_gap)
    return None if p is None else p.repatriates


@SETTINGS
@given(sightings(), SIGHTING_DAYS, st.booleans())
def test_adding_a_sighting_of_a_value_never_removes_support_for_it(
        seen: list[tuple[dt.date, bool, bool]], extra: dt.date, open_start: bool) -> None:
    if any(d == extra for d, _, _ in seen):
        return
    before, after = _world(seen), _world([*seen, (extra, True, open_start)])
    for day in GRID:
        if _repatriates(before, day) is True:
            assert _repatriates(after, day) is True, day


@SETTINGS
@given(st.lists(SIGHTING_DAYS, min_size=3, max_size=3, unique=True))
def test_a_contrary_sighting_between_two_sightings_splits_the_series(days: list[dt.date]) -> None:
    first, middle, last = sorted(days)
    split = _world([(first, True, False), (middle, False, False), (last, True, False)])
    whole = _world([(first, True, False), (last, True, False)])
    for day in GRID:
        if first < day < last:
            assert _repatriates(whole, day) is True
            if day != middle:
                assert _repatriates(split, day) is not True, day


@SETTINGS
@given(sightings(), st.integers(0, 800))
def test_a_gap_cap_never_adds_support(seen: list[tuple[dt.date, bool, bool]], cap: int) -> None:
    kb = _world(seen)
    limit = dt.timedelta(days=cap)
    for day in GRID:
        capped = kb.policy_answer("CN", on=day, max_gap=limit)
        if capped:
            assert kb.policy_answer("CN", on=day)
        for b in capped.backing:
            assert b.gap is None or b.gap <= limit


@st.composite
def blocked_worlds(draw: st.DrawFn) -> tuple[nk.KnowledgeBase, dt.date]:
    """A way out of North Korea into China in force throughout, a way on to South Korea
    seen on a few days, and a Chinese rule that sends people back over a span."""
    start = draw(SIGHTING_DAYS)
    end = draw(st.dates(start, LAST))
    seen = draw(st.lists(SIGHTING_DAYS, min_size=1, max_size=3, unique=True))
    ev = (nk.Evidence("s", "one two three", "generated"),)
    passages = [nk.Passage(id="in", origin="KP", dest="CN", channel=nk.Channel.BORDER_CROSSING,
                           summary="in", basis=nk.Basis.RULE, evidence=ev, valid_from=When.day(FIRST))]
    passages += [nk.Passage(id=f"on{i}", origin="CN", dest="KR", channel=nk.Channel.BROKER, summary="on",
                            basis=nk.Basis.OBSERVATION,
                            evidence=(nk.Evidence("s", "one two three", "generated", When.day(d)),))
                 for i, d in enumerate(seen)]
    block = nk.Policy(id="back", country="CN", summary="back", basis=nk.Basis.RULE, evidence=ev,
                      repatriates=True, valid_from=When.day(start), valid_until=When.day(end))
    kb = nk.KnowledgeBase(all_sources=(SOURCE,), all_passages=tuple(passages), all_policies=(block,))
    return kb, draw(st.dates(FIRST, LAST + dt.timedelta(days=400)))


@SETTINGS
@given(blocked_worlds(), st.sampled_from([dt.timedelta(days=30), dt.timedelta(days=400), dt.timedelta(days=5000)]))
def test_a_horizon_never_outranks_a_block_in_force(world: tuple[nk.KnowledgeBase, dt.date],
                                                   horizon: dt.timedelta) -> None:
    kb, day = world
    strict = kb.can_resettle("KP", "CN", "KR", on=day)
    carried = kb.can_resettle("KP", "CN", "KR", on=day, horizon=horizon)
    if strict.verdict is nk.Verdict.BLOCKED:
        assert carried.verdict is nk.Verdict.BLOCKED
    assert kb.assess_many([("KP", "CN", "KR", day)], horizon=horizon) == (carried.verdict,)
    # Any route: the only way is through China, so the answer is documented exactly when the
    # named route is, and a carried leg never documents it on a day China's block is in force.
    any_route = kb.can_resettle("KP", None, "KR", on=day, horizon=horizon)
    assert bool(any_route) == bool(carried)
    assert kb.assess_many([("KP", None, "KR", day)], horizon=horizon) == (any_route.verdict,)
    assert bool(kb.routes("KP", "KR", on=day, horizon=horizon)) == bool(carried)
    assert bool(list(kb.iter_routes("KP", "KR", on=day, horizon=horizon))) == bool(carried)


@settings(max_examples=15, deadline=None)
@given(blocked_worlds(), st.integers(2000, 2005))
def test_a_year_is_documented_iff_some_day_in_it_is(world: tuple[nk.KnowledgeBase, dt.date], year: int) -> None:
    kb, _ = world
    days = [D(year, 1, 1) + dt.timedelta(days=i) for i in range((D(year, 12, 31) - D(year, 1, 1)).days + 1)]
    verdicts = kb.assess_many([("KP", "CN", "KR", d) for d in days])
    assert bool(kb.can_resettle("KP", "CN", "KR", on=year)) == (nk.Verdict.DOCUMENTED in verdicts)
    policies = [kb.policy("CN", on=d) is not None for d in days[::7]] + [kb.policy("CN", on=days[-1]) is not None]
    if any(policies):
        assert kb.policy("CN", on=year) is not None


SPANS = st.one_of(
    st.builds(lambda d: When.day(d), st.dates(FIRST, LAST)),
    st.builds(lambda y: When.year(y), st.integers(2000, 2004)),
    st.builds(lambda d: When.parse(f"../{d.isoformat()}"), st.dates(FIRST, LAST)),
    st.builds(lambda d: When.parse(f"{d.isoformat()}/.."), st.dates(FIRST, LAST)),
)


@settings(max_examples=examples(200), deadline=None)
@given(SPANS, st.dates(FIRST, LAST), st.dates(FIRST, LAST))
def test_window_filters_agree_with_day_by_day_filtering(span: When, a: dt.date, b: dt.date) -> None:
    lo, hi = min(a, b), max(a, b)
    inside = in_window(span, (lo, hi))
    # Day by day over the days the span can mean, clipped to the years around the window.
    first, last = max(span.start, D(1999, 1, 1)), min(span.end, D(2006, 12, 31))
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    some = any(lo <= d <= hi for d in days)
    every = bool(days) and all(lo <= d <= hi for d in days) and span.lower is not None \
        and span.upper is not None
    assert (inside is not False) == some
    assert (inside is True) == every
    ev = (nk.Evidence("s", "one two three", "generated"),)
    kb = nk.KnowledgeBase(all_sources=(SOURCE,), all_cases=(nk.Case(
        id="c", title="t", date=span, place="TH", people=nk.Quantity(1), outcome=nk.Outcome.DETAINED,
        evidence=ev),), all_statistics=(nk.Statistic(
            id="n", measure="arrivals", description="d", place="TH", value=nk.Quantity(1), evidence=ev,
            as_of=span),))
    assert bool(kb.cases(since=lo, until=hi)) == every
    assert bool(kb.cases(since=lo, until=hi, possible=True)) == some
    # figures by their as-of dates, with the same grammar and the same law
    assert bool(kb.statistics(since=lo, until=hi)) == every
    assert bool(kb.statistics(since=lo, until=hi, possible=True)) == some
    assert bool(kb.statistics(since=lo.isoformat(), until=When.day(hi), possible=True)) == some
