"""Mongolia: the facts researchers rely on from the third collection's section 4 (Mongolia
2001-2018): the way in from China and on to South Korea, sighted in the years the sources
date, Mongolia's arrests and returns, and the counts of people who went through.

Sightings are read from the stored evidence, not from verdicts (the time model is being
rewritten).
"""

from __future__ import annotations

import datetime as dt

import pytest
from facts import CountryFacts, policy_entry, resting_on, support_on

import nkasylum as nk


def _spans(origin: str, dest: str, channel: nk.Channel) -> set[str]:
    """The dated spans (each evidence's ``happened``, else its source's date) of a way."""
    spans: set[str] = set()
    for p in nk.passages(origin, dest, any_date=True):
        if p.channel is not channel:
            continue
        for e in p.evidence:
            when = e.happened if e.happened is not None else nk.source(e.source).published
            if when is not None and when.lower is not None:
                spans.add(str(when))
    return spans


class TestMongolia(CountryFacts):
    code = "MN"

    # ------------------------------------------------------------- the route through Mongolia
    def test_the_way_in_from_china_is_sighted_2005_to_2007_and_in_2018(self) -> None:
        crossing = _spans("CN", "MN", nk.Channel.BORDER_CROSSING)
        assert {"2005-11/2006-03", "2006-04-20", "2007-08-02"} <= crossing
        assert _spans("CN", "MN", nk.Channel.OVERLAND) == {"2018-01"}

    def test_the_way_on_to_south_korea_is_sighted_2001_2003_and_2018(self) -> None:
        assert _spans("MN", "KR", nk.Channel.PERMITTED_DEPARTURE) == {"2001", "2003", "2004-11-16"}
        assert _spans("MN", "KR", nk.Channel.FLIGHT) == {"2018-01"}
        flight = [p for p in nk.passages("MN", "KR", any_date=True) if p.channel is nk.Channel.FLIGHT]
        assert [p.id for p in flight] == ["mn-kr-flight-2018"]
        quote = nk.source("nknews-2018-01").quote_for(flight[0].evidence[0].anchor)
        assert quote is not None and "Mongolia before flying to South Korea" in quote

    def test_undated_ways_stay_undated(self) -> None:
        nyt = self.kb.entry("mn-kr-via-mongolia-nyt-undated")
        assert isinstance(nyt, nk.Passage) and nyt.undated
        very_few = self.kb.entry("cn-mn-border-crossing-very-few")
        assert isinstance(very_few, nk.Passage)
        assert [str(e.happened) for e in very_few.evidence] == ["../2011-09"]  # the cable's date is not quoted

    # ------------------------------------------------------------- Mongolia's own statements
    def test_arrests_and_returns(self) -> None:
        arrests = self.kb.entry("mn-2001-arrests-then-most-to-south-korea")
        assert isinstance(arrests, nk.Policy) and {str(e.happened) for e in arrests.evidence} == {"2001"}
        returns = self.kb.entry("mn-returned-seven-to-china-undated")
        assert isinstance(returns, nk.Policy) and returns.returns_to == (nk.place("CN"),)
        assert returns.repatriates is None  # sent to China, not to North Korea
        illegal = self.kb.entry("mn-illegal-entry-not-tolerated-undated")
        assert isinstance(illegal, nk.Policy)
        assert illegal.classification == (nk.Classification.ILLEGAL_ENTRANT,)

    def test_the_return_to_china_conflicts_with_the_2004_orders(self) -> None:
        (c,) = [c for c in nk.conflicts() if c.id == "mn-handover-to-china"]
        assert set(c.versions) == {"mn-returned-seven-to-china-undated", "mn-2004-no-handover-to-china"}

    def test_china_fenced_the_border_in_july_2007(self) -> None:
        fence = self.kb.entry("cn-2007-07-inner-mongolia-border-fence")
        assert isinstance(fence, nk.Policy) and fence.procedures
        assert "2007-07-01" in {str(e.happened) for e in fence.evidence}

    # ------------------------------------------------------------- cases
    def test_cases_keep_their_dates_and_people(self) -> None:
        arrested = nk.case("mn-more-than-50-arrested-2001")
        assert str(arrested.date) == "2001" and arrested.people == nk.Quantity(50, nk.Qualifier.MORE_THAN)
        caught = nk.case("mn-26-caught-east-border-2003-09-03")
        assert str(caught.date) == "2003-09-03" and caught.people == nk.Quantity(26)
        seven = nk.case("mn-seven-returned-to-china")
        assert seven.date is None and str(seven.route) == "MN > CN" and seven.outcome is nk.Outcome.DEPORTED
        five = nk.case("mn-five-taken-to-rok-embassy")
        assert five.channel is nk.Channel.FOREIGN_MISSION and five.outcome is nk.Outcome.PENDING

    def test_mongolia_does_not_consider_them_refugees_in_2006(self) -> None:
        p = self.kb.entry("mn-2006-not-refugees-resettled-in-south-korea")
        assert isinstance(p, nk.Policy)
        assert p.not_classification == (nk.Classification.REFUGEE,) and p.classification == ()

    # ------------------------------------------------------------- figures
    def test_counts_through_mongolia(self) -> None:
        figures = {s.id: s for s in nk.statistics(country="MN")}
        in_2003 = figures["mn-via-mongolia-to-south-korea-2003-maeil"]
        assert in_2003.value == nk.Quantity(100) and in_2003.year == 2003 and in_2003.arrivals
        in_2001 = figures["mn-arrested-entering-2001"]
        assert in_2001.value == nk.Quantity(50, nk.Qualifier.MORE_THAN) and in_2001.year == 2001
        assert figures["mn-illegal-entrants-a-year-undated"].as_of is None
        assert figures["mn-held-in-shelters-unhcr"].value == nk.Quantity(180, nk.Qualifier.ABOUT)
        # nine refugees of every origin in 2015: not a count of North Koreans
        assert figures["mn-refugees-all-origins-2015"].measure == "refugees-in-mongolia-all-origins"
        assert figures["mn-nk-workers-none-officially-undated"].value == nk.Quantity(0)

    def test_most_of_the_2001_arrested_went_on_to_south_korea(self) -> None:
        assert str(nk.case("mn-more-than-50-arrested-2001").route) == "MN > KR"

    # From the first collection (public-reports.md sections 1-3) and the foreign missions in China, 2002-2004:
    def test_mongolia_usually_lets_people_travel_on(self) -> None:
        # The collection's clause "a country that usually helps defectors" names no country:
        # nothing rests on that record. The stored page's whole sentence names Mongolia and
        # the May 2023 detention; the project collected it, and the statement rests on it alone.
        assert resting_on("nknews-2023-05-mongolia") == []
        p = nk.policy("MN", on=dt.date(2023, 5, 15))
        assert p is not None and p.id == "mn-2023-05-detained-yet-usually-lets-them-travel-on"
        assert {e.source for e in p.evidence} == {"nknews-2023-05-mongolia-detains-page"}
        assert nk.source("nknews-2023-05-mongolia-detains-page").collected
        # what became of the four is not said: no return is recorded
        assert p.repatriates is None and p.returns_to == ()
        # the same procedure as 2004-2018, so the years since January 2018 are between sightings
        cells = {c.on.year: c for c in nk.coverage(["MN"], range(2019, 2024), at="year")}
        assert all(cells[y].support is nk.Support.BETWEEN_SIGHTINGS for y in range(2019, 2023))
        assert cells[2023].support is nk.Support.SEEN

    def test_mongolia_helped_resettlement_in_south_korea(self) -> None:
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
        assert resting_on("econlog-2011-06-escape-to-mongolia") == []
        kb = nk.default_knowledge_base()
        assert kb.support(p.id, on=dt.date(2011, 6, 1)).support is nk.Support.LAST_KNOWN

    def test_mongolia_detained_four_in_may_2023(self) -> None:
        # the four, the crossing from China and the month stood only in the page address
        with pytest.raises(nk.UnknownEntryError):
            nk.case("mn-detained-4-2023")
        ids = [c.id for c in nk.cases(country="MN")]
        assert "mn-three-refused-by-south-korea-2008" in ids
        # the third collection's Mongolian cases are of 2001, 2003 and undated: none of 2023
        assert not [i for i in ids if "2023" in i]
        assert nk.cases(country="MN", since=dt.date(2023, 1, 1)) == ()

    # From the second collection (public-reports-2.md):
    def test_the_mongolia_route_2004_to_2008(self) -> None:
        refuse = policy_entry("mn-2004-no-handover-to-china")
        assert refuse.classification == (nk.Classification.DEFECTOR,)
        onward = self.kb.entry("mn-third-country-transfer-2004")
        assert isinstance(onward, nk.Passage) and onward.dest is nk.THIRD_COUNTRY
        assert support_on(onward.id, dt.date(2004, 11, 20)) is nk.Support.BETWEEN_SIGHTINGS  # 15 and 28 November
        resettled = self.kb.entry("mn-resettled-in-south-korea-via-mongolia-1998-2006")
        assert isinstance(resettled, nk.Statistic)
        assert resettled.value == nk.Quantity(1976) and str(resettled.as_of) == "1998/2006-09-12"
        assert support_on("mn-kr-resettlement-1998-2006", dt.date(2004, 1, 1)) is nk.Support.SEEN
        no_return = policy_entry("mn-2008-04-no-right-to-send-away")
        assert no_return.repatriates is False and str(self.kb.source("wikileaks-2008-04").published) == "2008-04"
        p = nk.policy("MN", on=dt.date(2008, 4, 15))
        assert p is not None and p.repatriates is False
        # the way from China into Mongolia is seen on the 2006 cable's date only ("to date" has no
        # start), so the named route is documented that day and not a year before
        # (the third collection adds later and undated sightings of the way in as entries of their own)
        (way_in,) = [p for p in nk.passages("CN", "MN", any_date=True) if p.id == "cn-mn-border-crossing-to-2006"]
        assert not way_in.undated
        assert support_on(way_in.id, dt.date(2006, 9, 12)) is nk.Support.SEEN
        assert support_on(way_in.id, dt.date(2006, 9, 11)) is not nk.Support.SEEN
        on_the_day = nk.can_resettle("KP", ["CN", "MN"], "KR", on=dt.date(2006, 9, 12))
        assert on_the_day.verdict is nk.Verdict.DOCUMENTED
        assert "wikileaks-2006-09-12" in {e.source for e in on_the_day.evidence}
        # a year before, China's returns of 1998-2006 (CASS, third collection) block the way out
        earlier = nk.can_resettle("KP", ["CN", "MN"], "KR", on=dt.date(2005, 7, 1), exact=True)
        assert earlier.verdict is nk.Verdict.BLOCKED
