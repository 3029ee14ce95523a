"""Viet Nam: what researchers rely on from public-reports-3-resettlement.md (sections 6 and 10):
the family in Denmark's embassy in Hanoi (July 2007) and nine North Koreans transferred to
China (undated in the quoted words)."""

from __future__ import annotations

import datetime as dt

from facts import CountryFacts, happened_spans, passage_entry, policy_entry, sources_of, statement, support_on

import nkasylum as nk


class TestVietnam(CountryFacts):
    code = "VN"

    def test_danish_embassy_family_of_2007(self) -> None:
        c = nk.case("vn-danish-embassy-hanoi-family-2007-07")
        assert c.channel is nk.Channel.FOREIGN_MISSION and str(c.date) == "../2007-07-11"
        assert c.outcome is nk.Outcome.PENDING

    def test_nine_transferred_to_china_stay_undated(self) -> None:
        c = nk.case("vn-nine-transferred-to-china-2015")
        assert c.date is None and c.channel is nk.Channel.HANDOVER and str(c.route) == "VN > CN"

    def test_not_recognised_as_refugees_in_january_2005(self) -> None:
        p = statement("VN", "vn-2005-01-not-recognised-as-refugees")
        assert p.not_classification == (nk.Classification.REFUGEE,) and p.classification == ()
        assert str(nk.source("wikileaks-2005-01-19").published) == "2005-01-19"

    def test_september_2005_immigration_law_violators_mostly_sent_back(self) -> None:
        p = statement("VN", "vn-2005-09-immigration-law-violators")
        assert p.classification == (nk.Classification.ILLEGAL_ENTRANT,)
        # the country they are sent back to is not named, so no return is coded
        assert p.returns_to == () and p.repatriates is None
        assert any("sent back" in x for x in p.procedures) and p.exceptions

    def test_june_2005_illegal_migrants_then_travel_documents(self) -> None:
        p = statement("VN", "vn-2005-06-illegal-migrants-then-travel-documents")
        assert p.classification == (nk.Classification.ILLEGAL_IMMIGRANT,)
        t = passage_entry("VN", "third-country", "vn-third-country-assisted-transfer-2005")
        assert t.channel is nk.Channel.ASSISTED_TRANSFER and t.conditions

    def test_the_2004_airlift_is_400_odd_or_468(self) -> None:
        rfa = nk.case("vn-airlift-400-2004-07-rfa")
        assert rfa.people == nk.Quantity(400, nk.Qualifier.MORE_THAN) and str(rfa.date) == "2004-07"
        (c,) = [c for c in nk.conflicts() if c.id == "vn-airlift-2004-count"]
        assert set(c.versions) == {"vn-airlift-400-2004-07-rfa", "vn-airlift-468-2004-07",
                                   "vn-kr-airlift-2004-theage"}
        assert passage_entry("VN", "KR", "vn-kr-airlift-2004-07-rfa").channel is nk.Channel.AIRLIFT
        assert "2004-07" in happened_spans(statement("VN", "vn-2004-07-asked-seoul-to-take-them"))

    def test_hanoi_embassies_to_singapore_in_2005_and_2009(self) -> None:
        p = passage_entry("VN", "SG", "vn-sg-foreign-mission-2005-2009")
        assert p.channel is nk.Channel.FOREIGN_MISSION and happened_spans(p) == {"2005-01-07", "2009-10"}
        danish = nk.case("vn-danish-embassy-nine-2009")
        assert str(danish.route) == "VN > SG > KR" and str(danish.date) == "2009-09-24/2009-10"
        assert danish.outcome is nk.Outcome.LEFT_FOR_THIRD_COUNTRY
        six = nk.case("vn-french-swedish-embassies-six-2005-01")
        assert six.people == nk.Quantity(6) and str(six.route) == "VN > SG > KR"

    def test_embassy_entries_of_2007(self) -> None:
        assert str(nk.case("vn-danish-embassy-four-2007-07-11").date) == "2007-07-11"
        assert nk.case("vn-indonesian-embassy-five-2007-08").people == nk.Quantity(5)
        p = passage_entry("VN", "third-country", "vn-third-country-foreign-mission-2007-2009")
        assert "2007-07-11" in happened_spans(p)

    def test_overland_to_cambodia_in_2003_and_several_thousand_through_vietnam(self) -> None:
        assert passage_entry("VN", "KH", "vn-kh-overland-2003").channel is nk.Channel.OVERLAND
        (s,) = nk.statistics(country="VN", measure="passed-through-vietnam")
        assert s.value == nk.Quantity(1000, nk.Qualifier.ORDER_OF_MAGNITUDE)
        assert str(s.as_of) == "../2005-01-19"

    def test_the_ten_caught_again_came_back_from_china(self) -> None:
        assert str(nk.case("vn-10-caught-again-2019-11-29").route) == "CN > VN"
        assert str(nk.case("vn-14-returned-to-china-2019-11").route) == "VN > CN"

    # From the first collection (public-reports.md sections 1-3) and the foreign missions in China, 2002-2004:
    def test_vietnam_airlift_2004(self) -> None:
        # the third collection adds RFA's account of the same airlift (vn-kr-airlift-2004-07-rfa)
        (p,) = [q for q in nk.passages("VN", "KR", on=dt.date(2004, 7, 28)) if q.id == "vn-kr-airlift-2004-07"]
        assert p.id == "vn-kr-airlift-2004-07" and p.channel is nk.Channel.AIRLIFT
        # BBC's words named neither Vietnam nor North Koreans; Korea Times dates it to July
        assert sources_of(p) == {"koreatimes-2004-10-25", "donga-2013-05-29"}
        assert p in nk.passages("VN", "KR", on=dt.date(2004, 7, 1))
        assert p in nk.passages("VN", "KR", on=dt.date(2004, 7, 31))
        # outside July 2004 only The Age's airlift 'in 2004' (dated to the year) answers
        for day in (dt.date(2004, 6, 30), dt.date(2004, 8, 1)):
            assert [q.id for q in nk.passages("VN", "KR", on=day)] == ["vn-kr-airlift-2004-theage"]

    # From the second collection (public-reports-2.md):
    def test_vietnam_returned_people_to_china_in_2015_and_2019(self) -> None:
        p = policy_entry("vn-returns-to-china-2015-2019")
        assert p.returns_to == (nk.country("CN"),) and p.repatriates is None and p.sends_back
        assert happened_spans(p) == {"2015-10-23/2015-11-18", "2019-11-28"}
        cases = {c.id: c for c in nk.cases(country="VN", outcome="deported")}
        assert cases["vn-mong-cai-10-returned-to-china-2015"].people == nk.Quantity(10)
        assert str(cases["vn-mong-cai-10-returned-to-china-2015"].route) == "VN > CN"
        assert cases["vn-14-returned-to-china-2019-11"].people == nk.Quantity(14)
        assert str(cases["vn-14-returned-to-china-2019-11"].date) == "2019-11-21/2019-11-28"
        assert support_on(p.id, dt.date(2017, 1, 1)) is nk.Support.BETWEEN_SIGHTINGS
        assert support_on(p.id, dt.date(2020, 1, 1)) is nk.Support.LAST_KNOWN
        # Vietnam sending people back to China closes it as a destination and a way out where
        # only what is seen around the day counts; uncapped, the crossing from China (2004 to
        # 2015) lies between sightings, and the returns are reported beside it
        assert nk.can_resettle("KP", "CN", "VN", on=dt.date(2015, 11, 1),
                               max_gap=dt.timedelta(days=30)).verdict is nk.Verdict.BLOCKED
        uncapped = nk.can_resettle("KP", "CN", "VN", on=dt.date(2015, 11, 1))
        assert uncapped.verdict is nk.Verdict.DOCUMENTED
        assert any(s.kind.value == "arrival" for s in uncapped.steps)

    def test_the_first_detention_is_dated_by_the_stored_page(self) -> None:
        # The collection's AP sentence leaves the detention undated; the stored page's own
        # next sentence says 'Monday', the Monday before the officials' Thursday, 2 January 2003.
        p = nk.policy("VN", on=dt.date(2002, 12, 30))
        assert p is not None and p.id == "vn-2003-detains-asylum-seekers"
        assert nk.source("patrick-2003-01-02-page").collected
        assert "2002-12-30" in {str(e.happened) for e in p.evidence}
        assert p.repatriates is None and p.returns_to == ()

    def test_expelled_to_china_in_august_2004_brackets_2013_to_2015(self) -> None:
        # A page the project collected (Dong-A Ilbo, 23 August 2004) has Vietnam's police forcing
        # North Koreans out to China, on the 16th for five of them: the return the 2015 and 2019
        # reports give, so 1 July 2013-2015 lie between sightings; no repatriation is set.
        p = statement("VN", "vn-2004-08-expelled-to-china")
        assert p.returns_to == (nk.country("CN"),) and p.repatriates is None
        assert nk.source("donga-ko-2004-08-23-page").collected
        assert "2004-08-16" in {str(e.happened) for e in p.evidence}
        cells = {c.on.year: c.support for c in nk.coverage(["VN"], range(2012, 2017))}
        assert all(cells[y] is nk.Support.BETWEEN_SIGHTINGS for y in range(2013, 2016))
        # A cap on the gap drops them again: the bracketing sightings are eleven years apart.
        capped = nk.coverage(["VN"], [2014], max_gap=dt.timedelta(days=365))
        assert capped[0].support is not nk.Support.BETWEEN_SIGHTINGS
