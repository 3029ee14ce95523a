"""The examples that motivated the third time model, each answering as a researcher expects
on the bundled data (see docs/time.md)."""

from __future__ import annotations

import datetime as dt

import pytest

import nkasylum as nk
from nkasylum.io.cli import main

D = dt.date


def test_chinas_repatriation_is_documented_across_statements() -> None:
    # Statements seeing China send North Koreans back in different years form one series:
    # the years between them are documented, with the two bracketing sightings named.
    for year in range(2000, 2026):
        on = nk.policy("CN", on=D(year, 7, 1))
        assert on is not None and on.repatriates is True, year
    answer = nk.policy_answer("CN", on=D(2010, 7, 1))
    assert answer.policy is not None and answer.policy.repatriates is True
    assert nk.Classification.ILLEGAL_ECONOMIC_MIGRANT in answer.policy.classification
    between = [b for b in answer.backing if b.support is nk.Support.BETWEEN_SIGHTINGS]
    assert between and all(b.gap is not None and b.before is not None and b.after is not None for b in between)


def test_an_open_start_brackets_later_days() -> None:
    # "../2004-07-27" (some time up to the report) is a sighting ending that day: the week
    # of the airlift from Vietnam lies between it and the next sighting of the crossing.
    a = nk.can_resettle("KP", ["CN", "VN"], "KR", on=D(2004, 7, 28))
    line = next(x for x in a.explanation if x.startswith("CN > VN"))
    assert "not yet seen" not in line
    cn_vn = [b for b in a.backing if b.entry.startswith("cn-vn")]
    assert cn_vn and cn_vn[0].support is nk.Support.BETWEEN_SIGHTINGS
    assert str(cn_vn[0].before) == "../2004-07-27"


def test_a_case_is_a_sighting_of_its_legs() -> None:
    # Nine workers went from Russia through UNHCR's Moscow office to Seoul in late 2022.
    assert nk.can_resettle("KP", "RU", "KR", on=2022).verdict is nk.Verdict.DOCUMENTED
    assert nk.can_resettle("KP", "RU", "KR", on=D(2022, 12, 1)).verdict is nk.Verdict.DOCUMENTED


def test_counts_of_arrivals_document_a_way_to_any_destination() -> None:
    assert nk.can_resettle("KP", None, "US", on=2008).verdict is nk.Verdict.DOCUMENTED


def test_a_horizon_does_not_turn_a_block_seen_that_day_into_a_way() -> None:
    day = D(2024, 6, 1)
    assert nk.can_resettle("KP", "CN", "KR", on=day).verdict is nk.Verdict.BLOCKED
    carried = nk.can_resettle("KP", "CN", "KR", on=day, horizon=dt.timedelta(days=3650))
    assert carried.verdict is nk.Verdict.BLOCKED


def test_an_any_route_answer_keeps_the_same_precedence() -> None:
    # On a day China's returns are seen, a way through China carried forward by a horizon is
    # blocked when asked by name; any route then is not documented through it either: the
    # answer and every route listed rest on legs the named questions call documented.
    day, horizon = D(2024, 6, 1), dt.timedelta(days=400)
    assert nk.can_resettle("KP", "CN", "KR", on=day, horizon=horizon, exact=True).verdict is nk.Verdict.BLOCKED
    answer = nk.can_resettle("KP", None, "KR", on=day, horizon=horizon)
    found = nk.routes("KP", "KR", on=day, horizon=horizon)
    listed = list(nk.iter_routes("KP", "KR", on=day, horizon=horizon))
    assert answer.route is not None and found[:1] == (answer.route,)
    for route in {*found, *listed}:
        assert nk.country("CN") not in route.places, route
    for route in listed:
        via = [c.alpha_2 for c in route.named_transits]
        assert nk.can_resettle("KP", via, "KR", on=day, horizon=horizon, exact=True), route
    assert nk.assess_many([("KP", None, "KR", day)], horizon=horizon) == (answer.verdict,)


def test_routes_through_waypoints_keep_the_same_precedence() -> None:
    # In October 2002 China's returns are in force: a way out of China only carried forward
    # by a horizon is no leg of a route listed through China (KP > CN > SG > KR was).
    day, horizon = D(2002, 10, 1), dt.timedelta(days=400)
    answer = nk.can_resettle("KP", "CN", "KR", on=day, horizon=horizon)
    found = nk.routes("KP", "KR", on=day, via="CN", horizon=horizon, max_transits=8)
    assert found[:1] == ((answer.route,) if answer.route is not None else ())
    for route in found:
        via = [c.alpha_2 for c in route.named_transits]
        assert nk.can_resettle("KP", via, "KR", on=day, horizon=horizon, exact=True), route


def test_a_gap_cap_leaves_long_gaps_open() -> None:
    day = D(2016, 6, 16)
    assert nk.can_resettle("KP", "RU", "KR", on=day).verdict is nk.Verdict.DOCUMENTED
    capped = nk.can_resettle("KP", "RU", "KR", on=day, max_gap=dt.timedelta(days=3 * 365))
    assert capped.verdict is not nk.Verdict.DOCUMENTED
    assert nk.policy("CN", on=2010, max_gap=dt.timedelta(0)) is None or all(
        b.gap is None or b.gap == dt.timedelta(0)
        for b in nk.policy_answer("CN", on=2010, max_gap=dt.timedelta(0)).backing)


def test_one_date_grammar_for_windows_and_days(capsys: pytest.CaptureFixture[str]) -> None:
    assert nk.cases(since="2004") and all(c.date is not None and c.date.start.year >= 2004
                                           for c in nk.cases(since="2004"))
    assert nk.cases(since=2024) == nk.cases(since=D(2024, 1, 1))
    assert nk.passages(on=2010)
    assert {str(r) for r in nk.iter_routes("KP", "KR", on=2010)}
    assert main(["cases", "--since", "2024"]) == 0
    assert f"{len(nk.cases(since=2024))} cases" in capsys.readouterr().out


def test_figures_take_the_window_grammar_of_cases() -> None:
    # A count of German refugee claims discontinued "up to 21 February 2006" may fall in
    # 2005, never surely: kept only with possible=True; a yearly count of 2013 falls in 2013.
    window = {"country": "DE", "since": 2005, "until": "2005-12-31"}
    assert "de-refugee-claims-discontinued-rfa-2006" not in {s.id for s in nk.statistics(**window)}  # type: ignore[arg-type]
    assert "de-refugee-claims-discontinued-rfa-2006" in {
        s.id for s in nk.statistics(**window, possible=True)}  # type: ignore[arg-type]
    year = nk.statistics(country="KR", measure="arrivals-in-south-korea", since=2013, until=2013)
    assert year and all(s.as_of is not None and s.as_of.start >= D(2013, 1, 1)
                        and s.as_of.end <= D(2013, 12, 31) for s in year)
    assert nk.statistics(since=2024) == nk.statistics(since=D(2024, 1, 1)) == nk.statistics(
        since=nk.When.parse("2024"))
    assert all(s.as_of is not None for s in nk.statistics(until=2100))  # undated: out of a window
    with pytest.raises(nk.ArgumentTypeError, match="since="):
        nk.statistics(since="soon")
    with pytest.raises(nk.ArgumentTypeError, match="possible="):
        nk.statistics(possible="yes")  # type: ignore[arg-type]


def test_a_window_does_not_return_a_case_that_only_may_fall_in_it() -> None:
    window = {"country": "TH", "since": D(2013, 5, 1), "until": D(2013, 6, 30)}
    sure = nk.cases(**window)  # type: ignore[arg-type]
    maybe = nk.cases(**window, possible=True)  # type: ignore[arg-type]
    assert all(c.date is not None and c.date.lower is not None and c.date.start >= D(2013, 5, 1)
               and c.date.end <= D(2013, 6, 30) for c in sure)
    # June 2014 "at some time up to" the report: it may fall in the window, never surely.
    assert "th-21-caught-2014-06" in {c.id for c in maybe} - {c.id for c in sure}


def test_an_answer_cites_the_evidence_that_bears_on_the_date() -> None:
    a = nk.can_resettle("KP", None, "KR", on=D(2024, 6, 1))
    assert a and len(a.evidence) < 71
    reported = [nk.source(e.source).published for e in a.evidence]
    assert all(w is None or w.end.year >= 2013 for w in reported)  # no count from 1990-2012


def test_evidence_age_of_an_answer_not_documented_is_the_age_of_what_was_last_known() -> None:
    a = nk.can_resettle("KP", "CN", "KR", on=D(2024, 6, 1))
    assert not a and a.last_known is not None
    assert a.evidence_age == D(2024, 6, 1) - a.last_known.on
    p = nk.policy_answer("RU", on=D(2003, 1, 1))
    if p.policy is None and p.last_known is not None:
        assert p.evidence_age == D(2003, 1, 1) - p.last_known.on


def test_a_pandas_timedelta_caps_gaps_as_the_plain_one_does() -> None:
    """max_gap= takes what horizon= takes: pandas' Timedelta (a subclass) answers as the
    plain timedelta of the same length, in one answer and in a frame's rows alike."""
    pd = pytest.importorskip("pandas")
    cap = dt.timedelta(days=3 * 365)
    for on in (2012, 2015, 2022):
        plain = nk.can_resettle("KP", "RU", "KR", on=on, max_gap=cap)
        assert nk.can_resettle("KP", "RU", "KR", on=on, max_gap=pd.Timedelta(cap)) == plain
    rows = [("KP", "RU", "KR", on) for on in (2012, 2015, 2022)]
    assert nk.assess_many(rows, max_gap=pd.Timedelta(cap)) == nk.assess_many(rows, max_gap=cap)
    with pytest.raises(nk.NKAsylumError, match="max_gap= must not be negative"):
        nk.can_resettle("KP", "RU", "KR", on=2015, max_gap=pd.Timedelta(days=-1))
