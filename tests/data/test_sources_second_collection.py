"""The main new facts of the second collection (public-reports-2.md), by id and value:
South Korea's law, the yearly arrivals, Laos and Vietnam sending people back, Russia's
2022 UNHCR route, China's returns 2021-2025 and the Mongolia route 2004-2008."""

from __future__ import annotations

import datetime as dt

import pytest

import nkasylum as nk

D = dt.date
KB = nk.default_knowledge_base()


def _policy(id: str) -> nk.Policy:
    found = KB.entry(id)
    assert isinstance(found, nk.Policy)
    return found


def _ids(policy: nk.Policy | None) -> list[str]:
    return [] if policy is None else policy.id.split("+")


def _support(id: str, day: dt.date) -> nk.Support:
    return KB.support(id, on=day).support


def _happened(entry: nk.Policy | nk.Passage) -> set[str]:
    return {str(e.happened) for e in entry.evidence if e.happened is not None}


# ------------------------------------------------------------- South Korea's law
def test_the_1997_act_is_a_rule_from_14_july_1997() -> None:
    act = _policy("kr-1997-defectors-protection-act")
    assert act.basis is nk.Basis.RULE
    assert str(act.valid_from) == "1997-07-14" and act.valid_until is None
    assert act.admits is True and act.classification == (nk.Classification.DEFECTOR,)
    assert {"refworld-undated", "koreaherald-2024-02-21", "kbs-2024-05"} <= {e.source for e in act.evidence}
    # passed in December 1996, in force from 14 July 1997 (Korea Herald, KBS)
    assert {"1996-12", "1997-07-14"} <= _happened(act)
    assert act.id not in _ids(nk.policy("KR", on=D(1997, 7, 13)))
    on_the_day = nk.policy("KR", on=D(1997, 7, 14))
    assert act.id in _ids(on_the_day) and on_the_day is not None and on_the_day.admits is True
    assert _support(act.id, D(2010, 1, 1)) is nk.Support.RULE


def test_the_2021_amendment_is_its_own_rule_from_6_july_2021() -> None:
    amended = _policy("kr-defectors-act-2021-amendment")
    assert amended.basis is nk.Basis.RULE and str(amended.valid_from) == "2021-07-06"
    assert _happened(amended) == {"2021-07-06", "2021-01-05"}  # enforcement, Act No. 17821
    assert any("17821" in e.anchor for e in amended.evidence)
    assert amended.admits is None  # settlement support is not in this page's quoted words
    assert amended.id not in _ids(nk.policy("KR", on=D(2021, 7, 5)))
    both = _ids(nk.policy("KR", on=D(2021, 7, 6)))
    # the amendment does not end the 1997 Act: both are in force
    assert {"kr-defectors-act-2021-amendment", "kr-1997-defectors-protection-act"} <= set(both)


def test_south_korea_1997_and_2021_answers_rest_on_the_rules() -> None:
    a = nk.can_resettle("KP", None, "KR", on=D(2021, 7, 6))
    supports = {b.entry: b.support for b in a.backing}
    assert supports["kr-defectors-act-2021-amendment"] is nk.Support.RULE
    assert supports["kr-1997-defectors-protection-act"] is nk.Support.RULE


# ----------------------------------------------------------------- yearly arrivals
@pytest.mark.parametrize(("year", "values", "conflict"), [
    (1998, {306, 100}, "kr-arrivals-1998-pr2"),
    (2010, {2376, 2423, 2402}, "kr-arrivals-2010-pr2"),
])
def test_disputed_arrival_years_keep_every_version(year: int, values: set[int], conflict: str) -> None:
    points = [p for p in nk.series("arrivals-in-south-korea", country="KR") if p.year == year]
    assert {p.value.value for p in points} == values
    assert all(p.disputed == (conflict,) for p in points)
    (c,) = [c for c in nk.conflicts() if c.id == conflict]
    assert set(c.versions) == {p.statistic for p in points}


def test_yearly_arrivals_by_source() -> None:
    stat = {s.id: s for s in nk.statistics(country="KR", measure="arrivals-in-south-korea")}
    assert stat["kr-arrivals-2007-oananews"].value == nk.Quantity(2544)
    assert stat["kr-arrivals-1998-icg"].value == nk.Quantity(100, nk.Qualifier.FEWER_THAN)
    assert str(stat["kr-arrivals-2011-koreaherald-2013"].as_of) == "2011"
    # Yonhap's 2012 list and AFP's 2019-2020 sentence do not say what was counted or where: no
    # entry rests on them; the ministry's own table rows take their subject from its page title
    assert not [i for i in stat if i.endswith(("-yonhap-2012", "-taipeitimes"))]
    assert stat["kr-arrivals-2005-unikorea"].value == nk.Quantity(1384)
    assert all(stat[i].subject_from_title for i in stat if i.endswith(("-unikorea", "-unikorea-cn")))
    # a yearly count documents that some way to South Korea was used that year; where no
    # named route is documented, the any-route answer rests on it alone
    for year in (1998, 2024):  # (2005 now has a named route: the Vladivostok consulate, between sightings)
        a = nk.can_resettle("KP", None, "KR", on=D(year, 7, 1))
        assert a and {b.entry for b in a.backing} >= {"counted-arrivals.kp.kr"}
        assert str(a.route) == "KP > KR" and a.route.legs[0].channel is nk.Channel.UNKNOWN_ROUTE  # type: ignore[union-attr]


def test_a_named_route_still_needs_its_passages() -> None:
    # counts prove some way was used, never which: KP > RU > KR in 2007 rests on passages
    a = nk.can_resettle("KP", "RU", "KR", on=D(2007, 7, 1))
    assert "counted-arrivals.kp.kr" not in {b.entry for b in a.backing}


# --------------------------------------------------------------- Laos, 2013
def test_laos_sent_nine_back_to_north_korea_in_may_2013() -> None:
    p = _policy("la-2013-05-nine-sent-to-north-korea")
    assert p.repatriates is True and p.basis is nk.Basis.OBSERVATION
    assert _happened(p) == {"2013-05", "2013-05-16/2013-05-29"}
    case = KB.entry("la-nine-sent-to-north-korea-2013-05")
    assert isinstance(case, nk.Case)
    assert case.people == nk.Quantity(9) and case.outcome is nk.Outcome.REPATRIATED
    assert str(case.route) == "LA > KP" and str(case.date) == "2013-05"
    assert _support(p.id, D(2013, 5, 10)) is nk.Support.SEEN
    assert nk.can_resettle("KP", ["CN", "LA"], "KR", on=D(2013, 5, 10), exact=True).verdict is nk.Verdict.BLOCKED
    # As waypoints, Laos is not sealed: a passage out of it (to Thailand) is documented then.
    assert nk.can_resettle("KP", ["CN", "LA"], "KR", on=D(2013, 5, 10)).verdict is nk.Verdict.UNDOCUMENTED


# ------------------------------------------------------- Vietnam, 2015 and 2019
def test_vietnam_returned_people_to_china_in_2015_and_2019() -> None:
    p = _policy("vn-returns-to-china-2015-2019")
    assert p.returns_to == (nk.country("CN"),) and p.repatriates is None and p.sends_back
    assert _happened(p) == {"2015-10-23/2015-11-18", "2019-11-28"}
    cases = {c.id: c for c in nk.cases(country="VN", outcome="deported")}
    assert cases["vn-mong-cai-10-returned-to-china-2015"].people == nk.Quantity(10)
    assert str(cases["vn-mong-cai-10-returned-to-china-2015"].route) == "VN > CN"
    assert cases["vn-14-returned-to-china-2019-11"].people == nk.Quantity(14)
    assert str(cases["vn-14-returned-to-china-2019-11"].date) == "2019-11-21/2019-11-28"
    assert _support(p.id, D(2017, 1, 1)) is nk.Support.BETWEEN_SIGHTINGS
    assert _support(p.id, D(2020, 1, 1)) is nk.Support.LAST_KNOWN
    # Vietnam sending people back to China closes it as a destination and a way out
    assert nk.can_resettle("KP", "CN", "VN", on=D(2015, 11, 1)).verdict is nk.Verdict.BLOCKED


# ------------------------------------------------------ Russia, UNHCR Moscow 2022
def test_russia_2022_unhcr_moscow_route() -> None:
    p = KB.entry("ru-kr-unhcr-moscow-2022")
    assert isinstance(p, nk.Passage)
    assert p.channel is nk.Channel.UNHCR_OFFICE and p.actor == "UNHCR office in Moscow"
    assert "2022-11/2022-12" in _happened(p)
    assert _support(p.id, D(2022, 12, 1)) is nk.Support.SEEN
    assert _support(p.id, D(2023, 6, 1)) is nk.Support.LAST_KNOWN
    assert _policy("international-unhcr-moscow-2022-protection").grants == (nk.Status.REFUGEE_STATUS,)
    # JoongAng's temporary protection is its own version, linked by a conflict (audit 2026-12)
    assert _policy("international-unhcr-moscow-2022-temporary-protection").grants == (nk.Status.TEMPORARY_ASYLUM,)
    (status,) = [c for c in nk.conflicts() if c.id == "international-unhcr-moscow-2022-status"]
    assert set(status.versions) == {"international-unhcr-moscow-2022-protection",
                                     "international-unhcr-moscow-2022-temporary-protection"}
    # the way into Russia is last seen in September 2019: the route is undocumented in
    # December 2022 unless the caller carries that sighting forward
    strict = nk.can_resettle("KP", "RU", "KR", on=D(2022, 12, 1))
    assert strict.verdict is nk.Verdict.UNDOCUMENTED
    legs = nk.can_resettle("KP", "RU", "KR", on=D(2022, 12, 1), exact=True)  # leg by leg
    assert legs.verdict is nk.Verdict.UNDOCUMENTED
    assert any(line.startswith("KP > RU: no passage") for line in legs.explanation)
    carried = nk.can_resettle("KP", "RU", "KR", on=D(2022, 12, 1), horizon=dt.timedelta(days=4 * 365))
    assert carried.verdict is nk.Verdict.DOCUMENTED
    supports = {b.entry: b.support for b in carried.backing}
    assert supports["ru-kr-unhcr-moscow-2022"] is nk.Support.SEEN
    assert nk.Support.CARRIED_FORWARD in supports.values()


# -------------------------------------------------------- China's returns 2021-2025
@pytest.mark.parametrize(("id", "spans"), [
    ("cn-2021-07-forced-return", {"2021-07-14"}),
    ("cn-2020-2024-forced-returns-hrw", {"2020/2024-04-26", "2024-04-26"}),
    ("cn-2024-2025-forced-returns-hrw", {"2024/2025-10-15"}),
])
def test_china_s_returns_2021_to_2025(id: str, spans: set[str]) -> None:
    p = _policy(id)
    assert p.repatriates is True and _happened(p) == spans


def test_china_s_returns_figures_and_blocked_years() -> None:
    assert KB.entry("cn-forced-returns-2024-2025-hrw-406").value == nk.Quantity(406, nk.Qualifier.AT_LEAST)  # type: ignore[union-attr]
    assert KB.entry("cn-forced-returns-since-2020-hrw-670").value == nk.Quantity(670, nk.Qualifier.MORE_THAN)  # type: ignore[union-attr]
    counts = {c.id: c.people for c in nk.cases(country="CN", outcome="repatriated")
              if str(c.date) == "2024-04-26"}
    assert counts == {"cn-returns-60-2024-04-26-hrw": nk.Quantity(60, nk.Qualifier.ABOUT),
                      "cn-returns-200-2024-04-26-yonhap": nk.Quantity(200, nk.Qualifier.ABOUT)}
    # RFA's 50-60 gives no day or sending country of its own (audit 2026-12): it is not dated
    # 26 April, and stands in North Korea with an open start, a version of the count conflict
    rfa = KB.entry("kp-sent-back-50-60-rfa-2024")
    assert rfa.people == nk.Quantity(50, nk.Qualifier.AT_LEAST) and str(rfa.date) == "../2024-05-05"  # type: ignore[union-attr]
    assert rfa.route is None  # type: ignore[union-attr]
    (count,) = [c for c in nk.conflicts() if c.id == "cn-returns-2024-04-26-count"]
    assert "kp-sent-back-50-60-rfa-2024" in count.versions
    assert KB.entry("cn-returns-50-2021-07-14").people == nk.Quantity(50, nk.Qualifier.ABOUT)  # type: ignore[union-attr]
    # 2021-2022: China returns people, yet the way out across its border to a third country
    # lies between sightings (2015, 2023-10-04): documented "in principle"
    for year in (2021, 2022):
        a = nk.can_resettle("KP", "CN", "KR", on=D(year, 7, 1))
        assert a.verdict is nk.Verdict.DOCUMENTED, year
        assert any(f"China sends North Koreans back in principle on {year}-07-01" in line
                   for line in a.explanation)
        assert {b.entry: b.support for b in a.backing}["cn-2020-2024-forced-returns-hrw"] is nk.Support.SEEN
    # 2024-2025: no way out is seen after October 2023, and the returns are: blocked
    for year in (2024, 2025):
        a = nk.can_resettle("KP", "CN", "KR", on=D(year, 7, 1))
        assert a.verdict is nk.Verdict.BLOCKED, year
        assert any(line.startswith(f"CN > KR: blocked on {year}-07-01") for line in a.explanation)


# ------------------------------------------------------- Mongolia, 2004-2008
def test_the_mongolia_route_2004_to_2008() -> None:
    refuse = _policy("mn-2004-no-handover-to-china")
    assert refuse.classification == (nk.Classification.DEFECTOR,)
    onward = KB.entry("mn-third-country-transfer-2004")
    assert isinstance(onward, nk.Passage) and onward.dest is nk.THIRD_COUNTRY
    assert _support(onward.id, D(2004, 11, 20)) is nk.Support.BETWEEN_SIGHTINGS  # 15 and 28 November
    resettled = KB.entry("mn-resettled-in-south-korea-via-mongolia-1998-2006")
    assert isinstance(resettled, nk.Statistic)
    assert resettled.value == nk.Quantity(1976) and str(resettled.as_of) == "1998/2006-09-12"
    assert _support("mn-kr-resettlement-1998-2006", D(2004, 1, 1)) is nk.Support.SEEN
    no_return = _policy("mn-2008-04-no-right-to-send-away")
    assert no_return.repatriates is False and str(KB.source("wikileaks-2008-04").published) == "2008-04"
    p = nk.policy("MN", on=D(2008, 4, 15))
    assert p is not None and p.repatriates is False
    # the way from China into Mongolia is seen on the 2006 cable's date only ("to date" has no
    # start), so the named route is documented that day and not a year before
    # (the third collection adds later and undated sightings of the way in as entries of their own)
    (way_in,) = [p for p in nk.passages("CN", "MN", any_date=True) if p.id == "cn-mn-border-crossing-to-2006"]
    assert not way_in.undated
    assert _support(way_in.id, D(2006, 9, 12)) is nk.Support.SEEN
    assert _support(way_in.id, D(2006, 9, 11)) is not nk.Support.SEEN
    on_the_day = nk.can_resettle("KP", ["CN", "MN"], "KR", on=D(2006, 9, 12))
    assert on_the_day.verdict is nk.Verdict.DOCUMENTED
    assert "wikileaks-2006-09-12" in {e.source for e in on_the_day.evidence}
    # a year before, China's returns of 1998-2006 (CASS, third collection) block the way out
    assert nk.can_resettle("KP", ["CN", "MN"], "KR", on=D(2005, 7, 1)).verdict is nk.Verdict.BLOCKED
