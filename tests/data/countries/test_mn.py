"""Mongolia: the facts researchers rely on from the third collection's section 4 (Mongolia
2001-2018): the way in from China and on to South Korea, sighted in the years the sources
date, Mongolia's arrests and returns, and the counts of people who went through.

Sightings are read from the stored evidence, not from verdicts (the time model is being
rewritten).
"""

from __future__ import annotations

from facts import CountryFacts

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
