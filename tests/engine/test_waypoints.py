"""`via` lists waypoints: places a route passes through in that order, other stops allowed;
`exact=True` (or a Route) asks for exactly those legs."""

from __future__ import annotations

import datetime as dt

import pytest

import nkasylum as nk

D = dt.date


def test_through_china_in_2010_is_documented_and_names_the_route_found() -> None:
    # 2,402 arrivals in 2010: the routes through China the sources document that year (the
    # mission exits between their 2006 and 2012 sightings, and on through Thailand); the
    # answer names the one with the fewest named countries and lists the others.
    a = nk.can_resettle("KP", "CN", "KR", on=2010)
    assert a.verdict is nk.Verdict.DOCUMENTED and not a.exact
    assert str(a.route) == "KP > CN > third country > KR"
    assert "KP > CN > TH > KR" in [str(r) for r in a.alternatives]
    exact = nk.can_resettle("KP", "CN", "KR", on=2010, exact=True)
    assert exact.verdict is nk.Verdict.DOCUMENTED and exact.exact and exact.route == a.route


def test_through_thailand_in_2015_is_documented_by_the_legs_of_cases() -> None:
    # Cases of 2014-2016 whose routes run through Thailand are sightings of their legs (the
    # third time model), so a route through Thailand is documented in 2015.
    a = nk.can_resettle("KP", "TH", "KR", on=2015)
    assert a.verdict is nk.Verdict.DOCUMENTED
    assert str(a.route) == "KP > CN > TH > KR"
    assert "KP > CN > TH > KR" in [str(r) for r in nk.routes("KP", "KR", on=2015)]
    assert nk.can_resettle("KP", "TH", "KR", on=D(2013, 7, 11))


def test_the_exact_route_is_the_answer_when_it_is_documented() -> None:
    a = nk.can_resettle("KP", "CN", "KR", on=D(2002, 9, 11))
    assert str(a.route) == "KP > CN > third country > KR"
    assert [str(r) for r in a.alternatives] == ["KP > CN > PH > KR"]
    assert a.route == nk.can_resettle("KP", "CN", "KR", on=D(2002, 9, 11), exact=True).route


def test_blocked_only_by_a_closed_destination_or_a_sealed_waypoint() -> None:
    # China sends people back in 2024 and no passage out of it is documented then.
    a = nk.can_resettle("KP", "CN", "KR", on=D(2024, 6, 1))
    assert a.verdict is nk.Verdict.BLOCKED
    assert any(line.startswith("CN > KR: blocked on 2024-06-01") for line in a.explanation)
    # In May 2013 Laos sends people back, yet a passage out of it (to Thailand) is
    # documented: not sealed, so through China and Laos is undocumented, not blocked;
    # exactly those legs (Laos to Seoul) are blocked.
    day = D(2013, 5, 10)
    assert nk.can_resettle("KP", ["CN", "LA"], "KR", on=day).verdict is nk.Verdict.UNDOCUMENTED
    assert nk.can_resettle("KP", ["CN", "LA"], "KR", on=day, exact=True).verdict is nk.Verdict.BLOCKED


def test_a_route_value_is_exact_and_must_join_origin_and_dest() -> None:
    route = nk.Route.parse("KP > CN > KR")
    a = nk.can_resettle("KP", route, "KR", on=2010)
    assert a.exact and a.via == (nk.country("CN"),)
    assert a == nk.can_resettle("KP", ["CN"], "KR", on=2010, exact=True)
    with pytest.raises(nk.InvalidRouteError, match="runs from"):
        nk.can_resettle("KP", nk.Route.parse("KP > CN > JP"), "KR", on=2010)


def test_no_waypoint_is_the_direct_leg() -> None:
    a = nk.can_resettle("KP", [], "KR", on=2010)
    assert a.exact and a.via == ()
    assert a == nk.can_resettle("KP", [], "KR", on=2010, exact=True)


def test_exact_takes_a_bool() -> None:
    with pytest.raises(nk.ArgumentTypeError, match="exact= takes True or False"):
        nk.can_resettle("KP", "CN", "KR", on=2010, exact="yes")  # type: ignore[arg-type]
    with pytest.raises(nk.ArgumentTypeError, match="exact= takes True or False"):
        nk.assess_many([("KP", "CN", "KR", D(2010, 1, 1))], exact=1)  # type: ignore[arg-type]


@pytest.mark.parametrize("via", ["CN", "TH", "RU", ["CN", "TH"], ["CN", "LA"], ["CN", "MN"]])
@pytest.mark.parametrize("exact", [False, True])
def test_fast_verdicts_are_the_reference_verdicts_every_year(via: object, exact: bool) -> None:
    kb = nk.default_knowledge_base()
    days = [D(year, month, 1) for year in range(1995, 2026) for month in (1, 7)]
    fast = kb.assess_many([("KP", via, "KR", d) for d in days], exact=exact)
    for day, verdict in zip(days, fast, strict=True):
        assert kb.can_resettle("KP", via, "KR", on=day, exact=exact).verdict is verdict, day


def test_the_short_answer_names_the_route_found_and_fits_one_screen() -> None:
    a = nk.can_resettle("KP", "CN", "KR", on=2010)
    lines = str(a).splitlines()
    assert lines[:2] == ["KP to KR via CN at some time in 2010 (last on 2010-12-31): documented",
                         "route: KP > CN > third country > KR"]
    assert [line.split(":")[0].strip() for line in lines[2:4]] == [
        "KP > CN by border-crossing", "CN > KR via a third country by foreign-mission"]
    assert len(lines) <= 25
    # Undated context once, as a count with a few ids; the full prose is explain()'s.
    undated = [line for line in lines if "undated" in line.lower()]
    assert len(undated) == 1 and undated[0].startswith(f"undated context: {len(a.undated)} statements (")
    assert "and " in undated[0] and "more" in undated[0]
    full = a.explain().splitlines()
    assert full[0] == lines[0] and len(full) > len(lines)
    assert sum(line.startswith("  - Undated context (") for line in full) == len(a.undated)


def test_a_short_answer_that_is_not_documented_says_each_legs_last_sighting_once() -> None:
    a = nk.can_resettle("KP", "CN", "KR", on=D(2024, 6, 1), exact=True)
    lines = str(a).splitlines()
    assert lines[0] == "KP to KR via exactly CN on 2024-06-01: blocked"
    assert any(line.startswith("  CN > KR: blocked: CN sends North Koreans back") for line in lines)
    assert sum(line.startswith("  CN > KR") for line in lines) == 1
    assert ("  KP > CN: no passage documented on 2024-06-01; last known 2023-08-16 by border-crossing, "
            "290 days before") in lines
    assert ("last known: documented on 2023-08-16, 290 days before the date asked, by "
            "KP > CN > third country > KR") in lines
    sources = next(line for line in lines if line.startswith("sources: "))
    assert sources.endswith("more") and len(sources.split(",")) <= 6


def test_routes_through_waypoints_are_those_the_answer_chooses_from() -> None:
    assert [str(r) for r in nk.routes("KP", "KR", on=D(2002, 9, 11), via="CN")] == [
        "KP > CN > third country > KR", "KP > CN > PH > KR"]
    assert nk.routes("KP", "KR", on=D(2024, 6, 1), via="CN", exact=True) == ()
    assert [str(r) for r in nk.routes("KP", "KR", on=2015, via="TH", last_known=True)] == [
        "KP > CN > TH > KR"]
    a = nk.can_resettle("KP", "CN", "KR", on=D(2002, 9, 11))
    assert nk.routes("KP", "KR", on=D(2002, 9, 11), via="CN") == (a.route, *a.alternatives)
