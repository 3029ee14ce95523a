"""Canada: what researchers rely on from public-reports-3-resettlement.md (section 2, with the
Canadian figures of sections 3 and 6), asked through the public API: refugee status grants and
claims by year, acceptance rates, removals 2013-2022, and South Korea as a safe country."""

from __future__ import annotations

import datetime as dt

from facts import CountryFacts, series_years, sources_of, statistic

import nkasylum as nk

D = dt.date


class TestCanada(CountryFacts):
    code = "CA"

    def test_grants_by_year_2000_to_2014(self) -> None:
        grants = series_years("refugee-status-granted", "CA")
        assert grants[2000] == {1} and grants[2003] == {1} and grants[2007] == {1}
        assert grants[2008] == {7} and grants[2010] == {42}
        # disputed years keep every version
        assert grants[2009] == {65, 66} and grants[2011] == {83, 117} and grants[2012] == {222, 230}
        assert 2001 not in grants and 2002 not in grants  # gaps, not zeros
        points_2011 = [p for p in nk.series("refugee-status-granted", country="CA") if p.year == 2011]
        assert all("ca-grants-2011-83-or-117" in p.disputed for p in points_2011)

    def test_a_year_read_from_an_undated_page_is_uncertain_and_out_of_the_series(self) -> None:
        four = statistic("ca-refugee-status-granted-four-at-once-dailynk")
        assert str(four.as_of) == "2008?" and four.year is None
        assert four.as_of is not None and four.as_of.uncertain
        jan_sep = statistic("ca-refugee-status-granted-jan-sep-2012-cakonet")
        assert jan_sep.value == nk.Quantity(183) and jan_sep.year is None

    def test_claims_and_acceptance_rates(self) -> None:
        claims = statistic("ca-refugee-status-applications-2010-newdaily")
        assert claims.value == nk.Quantity(58, unit=nk.Unit.APPLICATIONS) and claims.year == 2010
        rates = series_years("refugee-claim-acceptance-rate", "CA")
        assert rates[2007] == {10} and rates[2008] == {23} and rates[2009] == {57}
        assert rates[2010] == {72} and rates[2012] == {79, 80}
        about = statistic("ca-claim-acceptance-rate-2012-chetecut")
        assert about.value == nk.Quantity(80, nk.Qualifier.ABOUT, nk.Unit.PERCENT)
        none_2014 = statistic("ca-refugee-status-granted-2014-jan-sep-kmib")
        assert none_2014.value == nk.Quantity(0) and str(none_2014.as_of) == "2014-01/2014-09"

    def test_removals_2013_to_2022(self) -> None:
        orders = series_years("removal-orders", "CA")
        assert {y: v.pop() for y, v in orders.items()} == {2013: 17, 2014: 71, 2015: 44, 2016: 24, 2017: 9}
        removed = series_years("deported-from-host-country", "CA")
        assert {y: removed[y] for y in (2018, 2019, 2020, 2021)} == {
            2018: {5}, 2019: {37}, 2020: {135}, 2021: {41}}
        nearly = statistic("ca-removals-since-2013-truepundit")
        assert nearly.value == nk.Quantity(2000, nk.Qualifier.ALMOST)
        assert str(nearly.as_of) == "2013/2018-02-18"
        (c,) = [c for c in nk.conflicts() if c.id == "ca-removals-2013-2017-165-or-2000"]
        assert set(c.versions) == {"ca-removals-2013-2017-cbsa-aljazeera", "ca-removal-orders-2013-2017-voa",
                                   "ca-removals-since-2013-truepundit"}

    def test_south_korea_a_safe_country_from_may_2013(self) -> None:
        (rule,) = [p for p in nk.policies("CA") if p.id == "ca-2013-05-safe-country-south-korea"]
        assert rule.basis is nk.Basis.RULE and str(rule.valid_from) == "2013-05"
        assert rule.valid_until is None
        assert nk.source("voa-ko-4264500-undated").quote_for("한국에는 2013년 5월말부터 적용했습니다") is not None

    def test_grant_statements_are_sighted_year_by_year(self) -> None:
        (p,) = [p for p in nk.policies("CA") if p.id == "ca-2007-2010-grants-rfa-2011"]
        assert p.admits is True and nk.Status.REFUGEE_STATUS in p.grants
        assert [str(e.happened) for e in p.evidence] == ["2007", "2008", "2009", "2010"]
        exclusion = [p for p in nk.policies("CA") if p.id == "ca-2018-2022-removals-and-exclusion"]
        assert exclusion and exclusion[0].not_grants == ()  # conditional exclusion, not a blanket no

    def test_aid_groups_helped_claimants_reach_canada(self) -> None:
        (way,) = [p for p in nk.passages("KP", "CA", any_date=True) if p.id == "kp-ca-broker-aid-groups-2011"]
        assert way.channel is nk.Channel.BROKER and way.actor == "Aid groups"
        assert nk.default_knowledge_base().support(way.id, on=D(2011, 9, 17)).support is nk.Support.SEEN

    def test_the_2013_safe_countries_list_is_attributed_to_canada_by_voas_words(self) -> None:
        p = self.kb.entry("ca-2013-south-korea-safe-country")
        assert isinstance(p, nk.Policy)
        assert {e.source for e in p.evidence} == {"davidmckie-undated", "voa-ko-4264500-undated"}
        assert {str(e.happened) for e in p.evidence if e.happened} == {"2013", "2013-05"}

    # From seed 000, the undated explainer "What countries allow North Koreans?":
    def test_undated_claims_answer_no_dated_question(self) -> None:
        # "An observation is not a rule forever": an undated page cannot say what held in 2010.
        assert nk.policy("CA", on=dt.date(2010, 1, 1)) is None or all(
            e.source != "explainer-what-countries-allow" for e in nk.policy("CA", on=dt.date(2010, 1, 1)).evidence  # type: ignore[union-attr]
        )
        undated = nk.policy_timeline("CA")[-1]
        assert undated.undated
        assert "Immigration and Refugee Board of Canada" in undated.procedures

    # From the first collection (public-reports.md sections 4-9):
    def test_canada_acceptance_over_half_peaking_at_72_percent_in_2010(self) -> None:
        # The Korea Herald's quoted sentence names no country (only the collector files it
        # under Canada): neither the "over half" nor the 72% of 2010 is stored.
        ids = {s.id for s in nk.statistics()}
        assert not {"ca-claim-acceptance-rate-to-2014", "ca-claim-acceptance-rate-2010"} & ids
        # (RFA and Yonhap give 72% for 2010 with Canada named: public-reports-3-resettlement.md)
        herald = "koreaherald-yonhap-2014-03-14"
        assert not [s for s in nk.statistics() if s.value.value == 72
                    and s.value.unit is nk.Unit.PERCENT and herald in sources_of(s)]
        (only,) = [p for p in nk.series("refugee-claim-acceptance-rate", country="CA")
                   if p.statistic == "ca-claim-acceptance-rate-2012-davidmckie"]
        assert (only.year, only.value) == (2012, nk.Quantity(79, nk.Qualifier.EXACT, nk.Unit.PERCENT))
        assert sources_of(statistic("ca-claim-acceptance-rate-2012-davidmckie")) != {herald}
        assert "no entry rests on this source" in nk.source(herald).note
        assert not [p for p in nk.policies("CA") if herald in sources_of(p)]
        assert not [p for p in nk.policies("CA") if p.id == "ca-2010-2014-claims-accepted"]

    def test_canada_deported_242_escapees_since_2018_and_512_in_process(self) -> None:
        # the South Korean citizenship was only in the page's address: ids renamed, not claimed
        assert not {"ca-deported-rok-citizens-2018-2022"} & {s.id for s in nk.statistics()}
        deported = statistic("ca-deported-2018-2022")
        assert deported.value == nk.Quantity(242) and str(deported.as_of) == "2018/2022-10-18"
        in_process = statistic("ca-deportations-in-process-2022")
        assert in_process.value == nk.Quantity(512) and str(in_process.as_of) == "2022-10-18"
        assert not [p for p in nk.policies("CA") if p.id == "ca-2018-2022-deportation-of-rok-citizens"]
        p = nk.policy("CA", on=dt.date(2022, 10, 18))
        assert p is not None and "ca-2018-2022-deportations" in p.id.split("+")
        assert "North Korean escapees" in p.summary and "South Korean citizenship" not in p.summary
        assert p.repatriates is None and p.admits is None  # where they went is not quoted
        a = nk.can_resettle("KP", None, "CA", on=dt.date(2022, 10, 18))
        assert a.verdict is nk.Verdict.UNDOCUMENTED
