"""The laws of the time model: sightings, between sightings, last known, carrying forward,
evidence age, evidence that bears on the date, and periods as questions.

Each law is checked on small generated knowledge bases (a passage or policy seen on a few
EDTF dates) and, where it is cheap, on the bundled data.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nkasylum as nk
from nkasylum.core.when import When

D = dt.date
SOURCE = nk.Source(id="s", title="t", document="seeds/x.txt", kind=nk.SourceKind.UNATTRIBUTED,
                   published=When.parse("2025-12-31"))
YEARS = st.integers(min_value=1995, max_value=2024)


def _evidence(when: When | None) -> nk.Evidence:
    return nk.Evidence("s", "one two three", "a sighting", happened=when)


@st.composite
def sightings(draw: st.DrawFn) -> tuple[When, ...]:
    """One to four sightings: whole years, months or days (EDTF), in any order."""
    out = []
    for _ in range(draw(st.integers(1, 4))):
        year = draw(YEARS)
        form = draw(st.sampled_from(["year", "month", "day"]))
        if form == "year":
            out.append(When.parse(f"{year}"))
        elif form == "month":
            out.append(When.parse(f"{year}-{draw(st.integers(1, 12)):02d}"))
        else:
            day = draw(st.dates(D(year, 1, 1), D(year, 12, 31)))
            out.append(When.day(day))
    return tuple(out)


def _world(seen: tuple[When, ...], *, leg: tuple[str, str] = ("KP", "KR")) -> nk.KnowledgeBase:
    passage = nk.Passage(id="p", origin=leg[0], dest=leg[1], channel=nk.Channel.BROKER,
                         summary="a way", basis=nk.Basis.OBSERVATION,
                         evidence=tuple(_evidence(w) for w in seen))
    return nk.KnowledgeBase(all_sources=(SOURCE,), all_passages=(passage,))


def _covered(seen: tuple[When, ...], day: dt.date) -> bool:
    return any(w.contains(day) for w in seen)


@given(sightings(), st.dates(D(1990, 1, 1), D(2030, 12, 31)))
def test_support_follows_the_sightings(seen: tuple[When, ...], day: dt.date) -> None:
    kb = _world(seen)
    b = kb.support("p", on=day)
    first, last = min(w.start for w in seen), max(w.end for w in seen)
    if _covered(seen, day):
        assert b.support is nk.Support.SEEN and b.age == dt.timedelta(0)
    elif first <= day <= last:
        assert b.support is nk.Support.BETWEEN_SIGHTINGS and b.age > dt.timedelta(0)
    elif day > last:
        assert b.support is nk.Support.LAST_KNOWN and b.age == day - last
    else:
        assert b.support is nk.Support.NOTHING
    # evidence_age is zero exactly when a sighting covers the date
    a = kb.can_resettle("KP", None, "KR", on=day)
    if a:
        assert (a.evidence_age == dt.timedelta(0)) is _covered(seen, day)


@given(YEARS, st.integers(0, 364), st.sampled_from(["rule", "observation"]))
def test_a_statement_known_to_a_year_answers_on_every_day_of_it(year: int, offset: int,
                                                               basis: str) -> None:
    day = min(D(year, 1, 1) + dt.timedelta(days=offset), D(year, 12, 31))
    when = When.parse(str(year))
    if basis == "rule":
        policy = nk.Policy(id="x", country="TH", summary="s", basis=nk.Basis.RULE,
                           evidence=(_evidence(None),), valid_from=when, valid_until=when,
                           repatriates=True)
    else:
        policy = nk.Policy(id="x", country="TH", summary="s", basis=nk.Basis.OBSERVATION,
                           evidence=(_evidence(when),), repatriates=True)
    kb = nk.KnowledgeBase(all_sources=(SOURCE,), all_policies=(policy,))
    assert kb.policy("TH", on=day) is not None
    assert kb.policy("TH", on=D(year + 1, 1, 1)) is None
    assert kb.policy("TH", on=D(year - 1, 12, 31)) is None


@given(sightings(), st.dates(D(1995, 1, 1), D(2030, 12, 31)),
       st.integers(0, 3000), st.integers(0, 3000))
def test_a_larger_horizon_never_undocuments_and_marks_what_it_adds(
        seen: tuple[When, ...], day: dt.date, small: int, extra: int) -> None:
    kb = _world(seen)
    strict = kb.can_resettle("KP", None, "KR", on=day)
    assert kb.can_resettle("KP", None, "KR", on=day, horizon=None) == strict
    h1 = dt.timedelta(days=small)
    h2 = dt.timedelta(days=small + extra)
    a1 = kb.can_resettle("KP", None, "KR", on=day, horizon=h1)
    a2 = kb.can_resettle("KP", None, "KR", on=day, horizon=h2)
    if strict:
        assert a1 and a2
    if a1:
        assert a2
    for a, h in ((a1, h1), (a2, h2)):
        for b in a.backing:
            if b.support is nk.Support.CARRIED_FORWARD:
                assert dt.timedelta(0) < b.age <= h
        if a and not strict:
            assert any(b.support is nk.Support.CARRIED_FORWARD for b in a.backing)


@given(sightings(), st.dates(D(1995, 1, 1), D(2030, 12, 31)))
def test_cited_evidence_is_not_from_after_the_date_unless_between_sightings(
        seen: tuple[When, ...], day: dt.date) -> None:
    kb = _world(seen)
    b = kb.support("p", on=day)
    for ev in b.evidence:
        assert ev.happened is not None
        if b.support is not nk.Support.BETWEEN_SIGHTINGS:
            assert ev.happened.start <= day


@settings(max_examples=25, deadline=None)
@given(sightings(), YEARS)
def test_a_year_asked_is_documented_iff_some_day_of_it_is(seen: tuple[When, ...], year: int) -> None:
    kb = _world(seen)
    days = [D(year, 1, 1) + dt.timedelta(days=i) for i in range(365)]
    any_day = any(v is nk.Verdict.DOCUMENTED
                  for v in kb.assess_many([("KP", None, "KR", d) for d in days]))
    a = kb.can_resettle("KP", None, "KR", on=year)
    assert bool(a) is any_day
    assert a.asked == When.year(year) and a.on.year == year
    if a:
        assert kb.can_resettle("KP", None, "KR", on=a.on)


@given(sightings(), st.dates(D(1995, 1, 1), D(2030, 12, 31)))
def test_the_last_known_answer_is_the_latest_earlier_documented_one(
        seen: tuple[When, ...], day: dt.date) -> None:
    kb = _world(seen)
    a = kb.can_resettle("KP", None, "KR", on=day)
    if a:
        assert a.last_known is None
        return
    last = max((w.end for w in seen if w.end < day), default=None)
    if last is None:
        assert a.last_known is None
    else:
        assert a.last_known is not None and a.last_known.on == last and a.last_known
        assert a.evidence_age == day - last


# ------------------------------------------------------------ the bundled data
def test_the_2002_china_answer_cites_no_later_sighting() -> None:
    a = nk.can_resettle("KP", "CN", "KR", on=D(2002, 9, 11))
    assert a
    kb = nk.default_knowledge_base()
    for b in a.backing:
        if b.support is nk.Support.SEEN:
            for ev in b.evidence:
                when = ev.happened or kb.source(ev.source).published
                assert when is not None and when.start <= D(2002, 9, 11)
    assert all(not str(kb.source(e.source).published or "").startswith("2023") for e in a.evidence)


def test_the_2004_airlift_is_documented_for_the_whole_month() -> None:
    kb = nk.default_knowledge_base()
    for day in (D(2004, 7, 1), D(2004, 7, 15), D(2004, 7, 31)):
        assert kb.support("vn-kr-airlift-2004-07", on=day).support is nk.Support.SEEN


def test_today_any_route_question_reports_what_was_last_known() -> None:
    a = nk.can_resettle("KP", None, "KR", on=D(2026, 11, 30))
    assert not a
    assert a.last_known is not None and a.last_known
    assert a.evidence_age is not None and a.evidence_age >= D(2026, 11, 30) - a.last_known.on
    assert a.last_known.evidence  # from which source
    assert any(line.startswith("Last known:") for line in a.explanation)


def test_south_korea_shows_its_undated_statements_as_context() -> None:
    answer = nk.policy_answer("South Korea", on=D(2015, 7, 1))
    assert answer.undated and all(p.undated for p in answer.undated)
    assert "kr-explainer-citizenship" in {p.id for p in answer.undated}
    assessment = nk.can_resettle("KP", None, "KR", on=D(2015, 7, 1))
    assert "kr-explainer-citizenship" in {p.id for p in assessment.undated}


def test_a_rule_with_no_end_holds_on_the_last_day() -> None:
    assert nk.policy("US", on=dt.date.max) is not None


@pytest.mark.parametrize("year", range(2000, 2026))
def test_the_any_route_question_is_documented_every_year(year: int) -> None:
    assert nk.can_resettle("KP", None, "KR", on=D(year, 7, 1))


@pytest.mark.parametrize("bad", ["2015-13", "soon", 2.5, True, dt.datetime(2002, 9, 11), [2015]])
def test_a_bad_on_is_an_argument_error(bad: object) -> None:
    with pytest.raises(nk.ArgumentTypeError):
        nk.can_resettle("KP", None, "KR", on=bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [730, "2y", dt.timedelta(days=-1), True])
def test_a_bad_horizon_is_an_argument_error(bad: object) -> None:
    with pytest.raises(nk.ArgumentTypeError):
        nk.can_resettle("KP", None, "KR", on=D(2015, 7, 1), horizon=bad)  # type: ignore[arg-type]
