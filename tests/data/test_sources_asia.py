"""China, the Southeast Asia route and Mongolia (public-reports.md sections 1-3) and the
foreign missions in China, 2002-2004: the answers a careful reader of the excerpts expects."""

from __future__ import annotations

import datetime as dt

import pytest

import nkasylum as nk

D = dt.date


def _sources(entry: object) -> set[str]:
    return {e.source for e in entry.evidence}  # type: ignore[attr-defined]


def _cited(a: nk.Assessment) -> set[str]:
    return {e.source for e in a.evidence}


def _ids(policy: nk.Policy | None) -> list[str]:
    return [] if policy is None else policy.id.split("+")


def _resting_on(source: str) -> list[str]:
    kb = nk.default_knowledge_base()
    return [i for i in kb._index.entries
            if any(e.source == source for e in getattr(kb.entry(i), "evidence", ()))]


def _statement(code: str, id: str) -> nk.Policy:
    (found,) = [p for p in nk.policies(code) if p.id == id]
    return found


# ------------------------------------------------------------------------- China

def test_the_1986_border_protocol_is_a_rule_from_1986() -> None:
    p = _statement("CN", "cn-1986-border-protocol")
    assert p.basis is nk.Basis.RULE
    assert (str(p.valid_from), p.valid_until) == ("1986", None)
    assert p.valid_from.precision is nk.DatePrecision.YEAR
    assert any("1986" in a and "Border Areas" in a for a in p.agreements)
    # the quotes name the protocol but not what it requires: returns are not read into it
    assert p.repatriates is None
    assert {"dailynk-china-repatriates-70", "donga-2004-06-30"} <= _sources(p)
    assert "cn-1986-border-protocol" in _ids(nk.policy("CN", on=D(1990, 1, 1)))
    assert "cn-1986-border-protocol" not in _ids(nk.policy("CN", on=D(1985, 12, 31)))


def test_the_1960_convention_is_dated_but_the_1964_protocol_is_not() -> None:
    extradition = _statement("CN", "cn-1960-extradition-convention")
    assert extradition.basis is nk.Basis.RULE and str(extradition.valid_from) == "1960"
    assert _sources(extradition) == {"donga-2004-06-30"}
    # the quoted words name neither the parties nor 1964 (only the collector's summary
    # does), so the audit removed the 1964 protocol and nothing rests on its source
    with pytest.raises(nk.UnknownEntryError):
        nk.default_knowledge_base().entry("cn-1964-border-crossers-protocol")
    assert _resting_on("piie-hazel-smith-dossier") == []
    assert not any("1964" in a for p in nk.policies("CN") for a in p.agreements)
    assert _ids(nk.policy("CN", on=D(1965, 6, 1))) == ["cn-1960-extradition-convention"]


def test_no_1998_agreement_is_invented() -> None:
    for p in nk.policies("CN"):
        assert not (p.valid_from and p.valid_from.lower.year == 1998), p.id
    # a 1998 protocol is only named as the CECC names it, beside HRW's 1986 one, undated
    naming_1998 = {p.id for p in nk.policies("CN") if any("1998" in a for a in p.agreements)}
    assert naming_1998 == {"cn-1986-border-protocol-hrw-2019", "cn-1998-border-protocol-cecc"}
    assert _statement("CN", "cn-1998-border-protocol-cecc").undated


def test_official_line_2003_illegal_immigrants_not_refugees() -> None:
    p = nk.policy("CN", on=D(2003, 11, 25))
    assert p is not None and "cn-2003-official-illegal-immigrants" in _ids(p)
    # People's Daily says "illegal immigrants", not "illegal economic migrants"
    assert p.classification == (nk.Classification.ILLEGAL_IMMIGRANT,)
    assert nk.Classification.ILLEGAL_ECONOMIC_MIGRANT not in p.classification
    assert "peoplesdaily-2003-11-25" in _sources(p)
    assert "cn-2003-official-illegal-immigrants" not in _ids(nk.policy("CN", on=D(2003, 11, 24)))


def test_the_2023_returns_keep_their_dates_and_qualifiers() -> None:
    # the cases placed in North Korea (China's own returns, routed CN > KP, are China's cases)
    returns = {str(c.date): c for c in nk.cases(country="KP", since=D(2023, 8, 17),
                                                until=D(2023, 12, 31), outcome="repatriated")
               if c.place == nk.place("KP")}
    assert {d: c.id for d, c in returns.items()} == {
        "2023-08-29": "kp-repatriated-80-2023-08-29",
        "2023-09-18": "kp-repatriated-40-2023-09-18",
        # RFA's undated count (at some time up to May 2024) could fall in the window
        "../2024-05-05": "kp-sent-back-50-60-rfa-2024"}
    assert returns["2023-08-29"].people == nk.Quantity(80)
    assert returns["2023-09-18"].people == nk.Quantity(40)
    # RFA's 9 October and International IDEA's are one event, and IDEA's words name China:
    # one case of China's, with both reports' evidence
    nine = nk.case("cn-repatriated-500-2023-10-09-idea")
    assert str(nine.date) == "2023-10-09" and str(nine.route) == "CN > KP"
    assert {e.source for e in nine.evidence} == {"rfa-2023-10-16", "idea-democracy-tracker-2023-10"}
    october = nine.people
    assert october == nk.Quantity(500, nk.Qualifier.MORE_THAN)
    assert october.lower_bound == 501
    # "about 600" was only the collector's summary in public-reports.md; the third collection
    # quotes it from Yonhap, so it is China's case resting on that report, in conflict with RFA's
    (six_hundred,) = [c for c in nk.cases(country="CN") if c.people.value == 600]
    assert {e.source for e in six_hundred.evidence} == {"yonhap-2023-10-11"}
    assert not [c for c in nk.cases(country="KP") if c.people.value == 600 and c.place == nk.place("KP")]
    (linked,) = [c for c in nk.conflicts() if c.id == "cn-returns-2023-10-09-count"]
    assert {six_hundred.id, "cn-repatriated-500-2023-10-09-idea"} <= set(linked.versions)


def test_china_blocks_the_way_on_9_october_2023_citing_the_returns() -> None:
    a = nk.can_resettle("KP", "CN", "KR", on=D(2023, 10, 9))
    assert a.verdict is nk.Verdict.BLOCKED and not a
    # the block rests on China's treaties and practice as reported around that day; the
    # collections merged this round each add the reports of the October 2023 returns
    assert {"dailynk-china-repatriates-70", "donga-2004-06-30", "opensourceinvestigations-undated"} <= _cited(a)
    assert a.latest_evidence is not None and a.latest_evidence >= D(2023, 10, 1)


@pytest.mark.parametrize("day", [D(2023, 8, 20), D(2023, 9, 18)])
def test_the_2023_returns_leave_no_gap_after_august(day: dt.date) -> None:
    # the returns are dated by Yonhap's report (13 October), not back-filled to August
    assert nk.can_resettle("KP", "CN", "KR", on=day).verdict is nk.Verdict.UNDOCUMENTED


def test_the_returns_are_an_observation_not_a_rule_forever() -> None:
    p = _statement("CN", "cn-2023-forced-returns")
    assert p.basis is nk.Basis.OBSERVATION
    assert (p.valid_from, p.valid_until) == (None, None)
    kb = nk.default_knowledge_base()
    assert kb.support(p.id, on=D(2023, 10, 12)).support is nk.Support.NOTHING
    assert kb.support(p.id, on=D(2023, 10, 13)).support is nk.Support.SEEN
    assert kb.support(p.id, on=D(2023, 10, 14)).support is nk.Support.LAST_KNOWN
    assert not p.applies(D(2023, 10, 10)) and not p.applies(D(2023, 10, 13))


def test_japanese_consulate_arrests_may_2002() -> None:
    # the quoted words have no subject: "Japanese" and the place stood only in the address
    with pytest.raises(nk.UnknownEntryError):
        nk.case("cn-japanese-consulate-2002")
    assert _resting_on("japantimes-kyodo-2002-05-09") == []
    assert str(nk.source("japantimes-kyodo-2002-05-09").published) == "2002-05-09"


def test_spanish_embassy_group_flown_to_manila_with_both_entry_dates_kept() -> None:
    bbc = nk.case("cn-spanish-embassy-25-2002")
    assert str(bbc.date) == "2002-03-14/2002-03-16"  # "Thursday" in a report of Saturday 16 March 2002
    assert bbc.people == nk.Quantity(25)
    assert str(bbc.route) == "CN > PH"
    assert bbc.outcome is nk.Outcome.LEFT_FOR_THIRD_COUNTRY
    wt = nk.case("cn-spanish-embassy-25-2002-wt")
    assert wt.date == nk.When.day(D(2002, 3, 23))
    assert bbc.inconsistencies and wt.inconsistencies


def test_the_groups_of_11_september_2002_went_by_manila() -> None:
    wt = nk.case("cn-group-21-2002-wt")
    assert wt.date == nk.When.day(D(2002, 9, 11))  # "late yesterday" in a 12 September report
    assert str(wt.route) == "CN > PH"
    assert "KP > CN > PH > KR" in {str(r) for r in nk.routes("KP", "KR", on=D(2002, 9, 11))}


def test_the_group_of_21_keeps_each_sources_qualifier() -> None:
    counts = {cid: nk.case(cid).people for cid in
              ("cn-group-21-2002", "cn-group-21-2002-ap", "cn-group-21-2002-wt")}
    assert counts == {"cn-group-21-2002": nk.Quantity(21, nk.Qualifier.ABOUT),
                      "cn-group-21-2002-ap": nk.Quantity(21, nk.Qualifier.AT_LEAST),
                      "cn-group-21-2002-wt": nk.Quantity(21)}


def test_german_and_japanese_school_cases_of_2004() -> None:
    japanese = nk.case("cn-japanese-school-15-2004")
    assert japanese.date == nk.When.day(D(2004, 12, 1))  # "Wednesday" in a report of Friday 3 December
    assert japanese.people == nk.Quantity(15)
    assert str(japanese.route) == "CN > third country"
    # the German school cases stood only in page addresses and publication dates: deleted
    for gone in ("cn-german-school-5-2004-06", "cn-german-school-refuge-2004-02"):
        with pytest.raises(nk.UnknownEntryError):
            nk.case(gone)
    found = {c.id for c in nk.cases(country="CN", since=D(2004, 1, 1), until=D(2004, 12, 31))}
    assert "cn-japanese-school-15-2004" in found
    assert not {i for i in found if "german" in i}


def test_around_200_let_go_via_third_countries_over_two_years() -> None:
    (s,) = [s for s in nk.statistics(country="CN", measure="allowed-to-leave-china")
            if str(s.as_of) == "2002-06~/2004-06-01"]
    assert s.id == "cn-mission-departures-2002-2004"
    assert s.value == nk.Quantity(200, nk.Qualifier.ABOUT)
    assert s.value.lower_bound is None and s.value.upper_bound is None
    assert _sources(s) == {"kbs-2004-06-01"}


def test_china_obliged_to_return_in_2004_yet_let_mission_entrants_go() -> None:
    p = nk.policy("CN", on=D(2004, 2, 23))
    assert p is not None and p.repatriates is True and p.exceptions
    # KBS (1 June 2004) reports China letting about 200 mission entrants go to Seoul via
    # third countries over the previous two years, so the mission exit still applies here.
    a = nk.can_resettle("KP", "CN", "KR", on=D(2004, 2, 23))
    assert a.verdict is nk.Verdict.DOCUMENTED
    assert "kbs-2004-06-01" in {e.source for e in a.evidence}
    # After that report only the exception is documented, not the way; the third collection
    # documents China's returns over 1998-2006 (CASS) and two decades to 2014 (the COI), so
    # the way is blocked, not unknown.
    later = nk.can_resettle("KP", "CN", "KR", on=D(2004, 7, 1))
    assert later.verdict is nk.Verdict.BLOCKED
    assert {"chosun-2012-02-27", "lucschrijvers-2014-07"} <= {e.source for e in later.evidence}
    assert nk.can_resettle("KP", ["CN", "PH"], "KR", on=D(2004, 2, 23)).verdict is nk.Verdict.DOCUMENTED


# ------------------------------------------------------------- Southeast Asia

def test_yunnan_to_laos_or_thailand_is_documented_but_undated() -> None:
    for dest in ("LA", "TH"):
        (p,) = [p for p in nk.passages("CN", dest, any_date=True) if p.undated]
        assert p.id == f"cn-{dest.lower()}-overland"
        assert p.channel is nk.Channel.OVERLAND and p.undated
        assert _sources(p) == {"dailynk-long-road"}
        assert p not in nk.passages("CN", dest, on=D(2010, 1, 1))
    # the second collection dates other legs: China to Laos is last known by 2010,
    # China to Thailand is between sightings (2005-2017)
    assert {p.id for p in nk.passages("CN", "LA", any_date=True)} == {
        "cn-la-overland", "cn-la-border-crossing", "cn-la-border-crossing-2013",
        "cn-la-overland-2018"}  # third collection: NK News, January 2018
    assert nk.passages("CN", "LA", on=D(2010, 1, 1)) == ()
    assert [p.id for p in nk.passages("CN", "TH", on=D(2010, 1, 1))] == ["cn-th-overland-journey"]


def test_thailand_tries_detains_and_deports_to_seoul() -> None:
    p = _statement("TH", "th-illegal-entrants-sent-to-south-korea")
    assert p.undated
    assert p.repatriates is None  # deporting to South Korea is not sending back
    assert p.classification == (nk.Classification.ILLEGAL_ENTRANT,)
    assert _sources(p) == {"wikipedia-nk-defectors-in-thailand"}
    exits = {e.id: e for e in nk.passages("TH", "KR", any_date=True)}
    # each way out of Thailand has the channel its words name (audit 2026-12): deportation
    # only where the words say deported, being let go on where they say allowed; the third
    # collection adds the ways it dates (tests/data/countries/test_th.py)
    channels = {i: e.channel for i, e in exits.items()}
    assert channels["th-kr-sent-on-after-detention"] is nk.Channel.DEPORTATION
    assert channels["th-kr-permitted-departure"] is nk.Channel.PERMITTED_DEPARTURE
    assert channels["th-kr-flight"] is nk.Channel.FLIGHT
    assert channels["th-kr-assisted-transfer"] is nk.Channel.ASSISTED_TRANSFER
    assert channels["th-kr-flight-2018"] is nk.Channel.FLIGHT
    assert "th-kr-deportation" not in channels
    assert "wikipedia-nk-defectors-in-thailand" in _sources(exits["th-kr-permitted-departure"])


def test_thai_arrivals_are_a_yearly_series_with_gaps() -> None:
    points = nk.series("arrivals-in-thailand", country="TH")
    # the third collection repeats 2004 and 2010 from the Bangkok Post and the Thai
    # Immigration Bureau chief (one point per source)
    assert [(p.year, p.value.value) for p in points] == [
        (2004, 46), (2004, 46), (2004, 46), (2005, 752), (2007, 1785), (2009, 1849),
        (2010, 2482), (2010, 2482), (2010, 2482), (2016, 535)]
    assert all(p.value.is_exact for p in points)
    half = [s for s in nk.statistics(country="TH", measure="arrivals-in-thailand") if s.year is None]
    old = [s for s in half if _sources(s) & {"voa-2006-10-27", "timesofoman-reuters-2017-08-01"}]
    assert [(s.value, str(s.as_of)) for s in old] == [
        (nk.Quantity(400, nk.Qualifier.ABOUT), "2006-01-01/2006-10-27"),
        (nk.Quantity(385), "2017-01/2017-06")]
    assert _sources(old[0]) == {"voa-2006-10-27"}
    assert _sources(old[1]) == {"timesofoman-reuters-2017-08-01"}


def test_laos_nine_in_may_2013_two_versions() -> None:
    china = nk.case("la-nine-deported-to-china-2013")
    embassy = nk.case("la-nine-handed-to-dprk-embassy-2013")
    assert china.people == embassy.people == nk.Quantity(9)
    assert china.outcome is nk.Outcome.DEPORTED and str(china.route) == "LA > CN"
    assert embassy.outcome is nk.Outcome.REPATRIATED
    # each version is dated only as "by its report": open start, day precision
    assert (str(china.date), str(embassy.date)) == ("../2013-05-28", "../2013-05-31")
    assert china.date.precision is nk.DatePrecision.DAY
    # Chosun (29 May) and others report the nine sent to North Korea in May 2013
    # (the third collection adds its own statements of the same days: test_la.py)
    assert {"la-2013-nine-deported-to-china", "la-2013-05-nine-sent-to-north-korea"} <= set(
        _ids(nk.policy("LA", on=D(2013, 5, 28))))
    assert nk.policy("LA", on=D(2013, 5, 28)).repatriates is True  # type: ignore[union-attr]
    assert _statement("LA", "la-2013-nine-deported-to-china").repatriates is None
    assert nk.policy("LA", on=D(2013, 5, 31)).repatriates is True  # type: ignore[union-attr]


def test_laos_earlier_practice_of_flying_people_to_incheon_is_undated() -> None:
    # Daily NK's words name neither Laos nor North Koreans: the practice rests on others now
    assert _resting_on("dailynk-laos-crisis") == []
    found = {p.id: p for p in nk.passages("LA", "KR", any_date=True)}
    # the audit's split (handover, assisted transfer) and the third collection's ways
    # (tests/data/countries/test_la.py)
    assert {"la-kr-quiet-handover", "la-kr-assisted-transfer", "la-kr-embassy-flight-2013", "la-kr-flight-2018",
            "la-kr-handover-2012", "la-kr-handover-before-2013", "la-kr-flight-before-2013",
            "la-kr-assisted-transfer-before-2013", "la-kr-permitted-departure-before-2013"} == set(found)
    p = found["la-kr-quiet-handover"]
    # "quietly handing over": a handover, not a deportation (audit 2026-12)
    assert p.channel is nk.Channel.HANDOVER and p.undated
    assert _sources(p) == {"chosun-2013-05-29"}
    helped = found["la-kr-assisted-transfer"]
    assert helped.channel is nk.Channel.ASSISTED_TRANSFER and helped.undated
    assert _sources(helped) == {"washingtonpost-2013-06-14"}
    assert found["la-kr-embassy-flight-2013"].channel is nk.Channel.FOREIGN_MISSION


def test_vietnam_airlift_2004() -> None:
    # the third collection adds RFA's account of the same airlift (vn-kr-airlift-2004-07-rfa)
    (p,) = [q for q in nk.passages("VN", "KR", on=D(2004, 7, 28)) if q.id == "vn-kr-airlift-2004-07"]
    assert p.id == "vn-kr-airlift-2004-07" and p.channel is nk.Channel.AIRLIFT
    # BBC's words named neither Vietnam nor North Koreans; Korea Times dates it to July
    assert _sources(p) == {"koreatimes-2004-10-25", "donga-2013-05-29"}
    assert p in nk.passages("VN", "KR", on=D(2004, 7, 1))
    assert p in nk.passages("VN", "KR", on=D(2004, 7, 31))
    # outside July 2004 only The Age's airlift 'in 2004' (dated to the year) answers
    for day in (D(2004, 6, 30), D(2004, 8, 1)):
        assert [q.id for q in nk.passages("VN", "KR", on=day)] == ["vn-kr-airlift-2004-theage"]


def test_cambodia_helped_but_undated() -> None:
    assert {p.id for p in nk.policies("KH")} == {
        "kh-2006-deported-a-north-korean", "kh-assisted-north-koreans-to-south-korea",
        "kh-quiet-transfers-onward"}
    p = _statement("KH", "kh-assisted-north-koreans-to-south-korea")
    assert p.undated and _sources(p) == {"cambodiadaily-wikileaks-dispatches"}
    assert nk.policy("KH", on=D(2010, 1, 1)) is None


def test_myanmar_jail_then_south_korea_2008() -> None:
    p = nk.policy("MM", on=D(2008, 12, 22))
    assert p is not None and p.repatriates is None
    # the third collection's December 2008 detention and expulsion (seen that month) joins it
    assert sorted(_ids(p)) == ["mm-2008-12-detention-then-expulsion-to-thailand",
                               "mm-2008-practice-predates-restored-ties"]
    # "in the past were allowed to go": a past practice, not shown to be current in 2008
    assert nk.passages("MM", "KR", on=D(2008, 12, 22)) == ()
    exits = nk.passages("MM", "KR", any_date=True)
    assert {e.id for e in exits} == {"mm-kr-after-jail-2008", "mm-kr-after-jail-term"}
    assert all(e.undated and "jail" in e.conditions[0] for e in exits)
    kb = nk.default_knowledge_base()
    assert kb.support("mm-kr-after-jail-2008", on=D(2008, 12, 22)).support is nk.Support.UNDATED
    assert nk.passages("MM", "KR", on=D(2009, 1, 1)) == ()


# ------------------------------------------------------------------------ Mongolia

def test_mongolia_usually_lets_people_travel_on() -> None:
    # "a country that usually helps defectors" names no country: nothing rests on it
    assert nk.policy("MN", on=D(2023, 5, 1)) is None
    assert _resting_on("nknews-2023-05-mongolia") == []
    assert not [p.id for p in nk.policies("MN") if "usually" in p.summary]


def test_mongolia_helped_resettlement_in_south_korea() -> None:
    found = {p.id: p for p in nk.passages("MN", "KR", any_date=True)}
    # the third collection adds the ways on to South Korea it dates (2001, 2003, 2018, undated)
    assert set(found) == {"mn-kr-resettlement-1998-2006", "mn-kr-permitted-departure-2001",
                          "mn-kr-permitted-departure-2003", "mn-kr-via-mongolia-nyt-undated",
                          "mn-kr-flight-2018"}
    p = found["mn-kr-resettlement-1998-2006"]
    # "facilitated the resettlement": an assisted transfer, not a deportation (audit 2026-12)
    assert p.channel is nk.Channel.ASSISTED_TRANSFER
    assert (p.valid_from, p.valid_until) == (None, None)
    assert str(p.evidence[0].happened) == "1998/2006-09-12"
    # the 2011 blog post says who is deported nowhere in its words
    assert _resting_on("econlog-2011-06-escape-to-mongolia") == []
    kb = nk.default_knowledge_base()
    assert kb.support(p.id, on=D(2011, 6, 1)).support is nk.Support.LAST_KNOWN


def test_mongolia_detained_four_in_may_2023() -> None:
    # the four, the crossing from China and the month stood only in the page address
    with pytest.raises(nk.UnknownEntryError):
        nk.case("mn-detained-4-2023")
    ids = [c.id for c in nk.cases(country="MN")]
    assert "mn-three-refused-by-south-korea-2008" in ids
    # the third collection's Mongolian cases are of 2001, 2003 and undated: none of 2023
    assert not [i for i in ids if "2023" in i]
    assert nk.cases(country="MN", since=D(2023, 1, 1)) == ()


# ---------------------------------------------------------------- dated verdicts

V = nk.Verdict


@pytest.mark.parametrize(("via", "day", "verdict"), [
    # the Philippines: the way out of the foreign missions, March 2002 to mid-2004
    (["CN", "PH"], D(2002, 9, 11), V.DOCUMENTED),
    (["CN", "PH"], D(2003, 6, 1), V.DOCUMENTED),
    (["CN", "PH"], D(2005, 1, 1), V.BLOCKED),  # China's returns 1998-2006 (CASS, third collection)
    (["CN", "SG"], D(2002, 9, 12), V.DOCUMENTED),
    # Thailand: the second collection dates the way in and the deportation to Seoul
    (["CN", "TH"], D(2009, 6, 1), V.DOCUMENTED),
    # 2016 lies between a permitted departure (July 2013) and a transfer (August 2017):
    # two channels, so two series, neither seen around it (audit 2026-12 split them)
    (["CN", "TH"], D(2016, 6, 1), V.UNDOCUMENTED),
    (["CN", "TH"], D(2023, 10, 9), V.BLOCKED),  # China is sending people back
    # Laos: the nine were reported sent back to North Korea in May 2013 (both dates)
    (["CN", "LA"], D(2013, 5, 28), V.BLOCKED),
    (["CN", "LA"], D(2013, 5, 31), V.BLOCKED),
    # Vietnam: the airlift leg is documented, the way from China to Vietnam is not, and
    # China's returns of 1998-2006 (CASS, third collection) block the leg out of China
    (["CN", "VN"], D(2004, 7, 28), V.BLOCKED),
    # Mongolia: entry (2023) and deportation (2011) are seen years apart; China's returns
    # over two decades to 2014 (the COI, third collection) block the leg out of China
    (["CN", "MN"], D(2011, 6, 1), V.BLOCKED),
    (["CN", "MN"], D(2023, 5, 1), V.BLOCKED),  # China's returns, 2021-2023 (HRW)
    (["CN", "MN"], D(2023, 10, 9), V.BLOCKED),
    (["CN", "MM"], D(2008, 12, 22), V.UNDOCUMENTED),
])
def test_dated_verdicts_of_asian_routes(via: list[str], day: dt.date, verdict: nk.Verdict) -> None:
    # The legs as named (exact): each leg's passage or the policy that blocks it.
    assert nk.can_resettle("KP", via, "KR", on=day, exact=True).verdict is verdict


def test_documented_leg_shows_even_when_the_route_is_undocumented() -> None:
    a = nk.can_resettle("KP", ["CN", "VN"], "KR", on=D(2004, 7, 28), exact=True)
    assert any(line.startswith("VN > KR") and "airlift" in line for line in a.explanation)
    assert any(line.startswith("CN > VN: blocked") and "No passage from China to Vietnam" in line
               for line in a.explanation)
    mn = nk.can_resettle("KP", ["CN", "MN"], "KR", on=D(2011, 6, 1), exact=True)
    assert {"anadolu-2023-08-16", "voa-2002-09-11", "lucschrijvers-2014-07"} <= _cited(mn)
    assert "econlog-2011-06-escape-to-mongolia" not in _cited(mn)


def test_laos_blocked_cites_the_embassy_report() -> None:
    a = nk.can_resettle("KP", ["CN", "LA"], "KR", on=D(2013, 5, 31), exact=True)
    assert "rfa-2013-05-31" in _cited(a)
    assert any(line.startswith("LA > KR: blocked") for line in a.explanation)


# ---------------------------------------------------------------------- conflicts

def test_conflicts_are_recorded_with_every_version() -> None:
    found = {c.id: set(c.versions) for c in nk.conflicts()}
    assert found["la-nine-2013-sent-where"] >= {"la-2013-nine-deported-to-china",
                                                "la-2013-nine-handed-to-dprk-embassy"}
    assert found["th-treatment-illegal-entrants-or-refugees"] == {
        "th-illegal-entrants-sent-to-south-korea", "th-2008-courts-declare-refugees"}
    assert found["cn-spanish-embassy-entry-date-2002"] == {
        "cn-spanish-embassy-25-2002", "cn-spanish-embassy-25-2002-wt"}
    assert found["cn-group-21-2002-count"] == {
        "cn-group-21-2002", "cn-group-21-2002-ap", "cn-group-21-2002-wt"}


def test_each_conflict_cites_every_side() -> None:
    sides = {c.id: _sources(c) for c in nk.conflicts()}
    assert sides["la-nine-2013-sent-where"] == {"refworld-rfa-2013-05-28", "rfa-2013-05-31",
                                                "activeboard-unhcr-2013-undated", "reuters-2013-05-31"}
    assert sides["th-treatment-illegal-entrants-or-refugees"] >= {
        "wikipedia-nk-defectors-in-thailand", "mgronline-afp-2008-03-15"}
    assert sides["cn-spanish-embassy-entry-date-2002"] == {"bbc-2002-03-16",
                                                           "washingtontimes-2002-09-12"}
    assert sides["cn-group-21-2002-count"] == {"voa-2002-09-11", "ap-2002-09-11",
                                               "washingtontimes-2002-09-12"}


def test_an_answer_resting_on_a_disputed_entry_says_so() -> None:
    a = nk.can_resettle("KP", ["CN", "LA"], "KR", on=D(2013, 5, 31), exact=True)
    assert a.disputed == ("la-nine-2013-sent-where",)
    assert any(line.startswith("Disputed:") and "Laos" in line for line in a.explanation)
    calm = nk.can_resettle("KP", ["CN", "PH"], "KR", on=D(2003, 6, 1), exact=True)
    assert calm.disputed == () and not any("Disputed" in line for line in calm.explanation)


def test_the_two_thai_versions_never_answer_the_same_date() -> None:
    undated = _statement("TH", "th-illegal-entrants-sent-to-south-korea")
    dated = _statement("TH", "th-2008-courts-declare-refugees")
    assert undated.undated and not dated.undated
    p = nk.policy("TH", on=D(2008, 3, 15))
    assert p is not None and _ids(p)[0] == "th-2008-courts-declare-refugees"
    assert p.classification == (nk.Classification.REFUGEE, nk.Classification.ILLEGAL_ENTRANT)
    assert "th-illegal-entrants-sent-to-south-korea" not in _ids(p)
    after = nk.policy("TH", on=D(2008, 3, 16))
    assert after is not None and _ids(after)[:2] == [
        "th-detention-then-deportation-to-third-country", "th-arrests-for-illegal-entry"]
    # the third collection's arrests, seen in 2003 and 2008, are between sightings then
    assert _ids(after)[2:] == ["th-arrests-2003-2008"]
    assert after.classification == (nk.Classification.ILLEGAL_ENTRANT,)


# --------------------------------------------------------------------- sources

def test_undated_pages_stay_undated_and_month_dates_are_first_days() -> None:
    for sid in ("dailynk-china-repatriates-70", "piie-hazel-smith-dossier", "dailynk-long-road",
                "wikipedia-nk-defectors-in-thailand", "chiangraitimes-illegal-north-koreans",
                "dailynk-laos-crisis", "cambodiadaily-wikileaks-dispatches",
                "semissourian-ap-asylum-seekers", "crossingborders-blog-covid"):
        assert nk.source(sid).published is None, sid
    for sid, month in (("nknews-2023-05-mongolia", "2023-05"),
                       ("econlog-2011-06-escape-to-mongolia", "2011-06"),
                       ("idea-democracy-tracker-2023-10", "2023-10")):
        published = nk.source(sid).published
        assert str(published) == month and published.precision is nk.DatePrecision.MONTH, sid


def test_reposts_name_their_original_publisher() -> None:
    assert nk.source("refworld-rfa-2013-05-28").original_publisher == "Radio Free Asia"
    assert nk.source("japantimes-kyodo-2002-05-09").original_publisher == "Kyodo News"
    for sid in ("refworld-rfa-2013-05-28", "japantimes-kyodo-2002-05-09",
                "mgronline-afp-2008-03-15", "semissourian-ap-asylum-seekers"):
        assert nk.source(sid).kind is nk.SourceKind.REPOST, sid


def test_foreign_mission_sources_point_at_their_document() -> None:
    for sid in ("washingtontimes-2002-09-12", "ap-2002-09-11", "kbs-2004-06-01",
                "dw-2004-02-23", "dw-2004-06-01", "japantimes-2004-12-03"):
        assert nk.source(sid).document == "sources/foreign-missions-2002-2004.md", sid
