"""United Kingdom: what researchers rely on from public-reports-3-resettlement.md (section 3,
and the U.K. figures of sections 5 and 6), asked through the public API: asylum grants and
applications by year, humanitarian leave, the readmission agreement of 10 December 2011 and
the Home Office's reading of North Koreans as South Korean citizens."""

from __future__ import annotations

import datetime as dt

from facts import CountryFacts, ExplainerSmallNumber, series_years, statistic

import nkasylum as nk

D = dt.date


class TestUnitedKingdom(CountryFacts, ExplainerSmallNumber):
    code = "GB"

    def test_asylum_grants_2005_to_2010(self) -> None:
        grants = series_years("asylum-granted", "GB")
        assert grants[2005] == {5} and grants[2006] == {15} and grants[2007] == {135}
        assert grants[2008] == {170} and grants[2010] == {1}
        assert grants[2009] == {3, 5}  # as corrected, and as first published
        assert 2011 not in grants  # 'last year' of an undated page is only '2011?'
        assert str(statistic("gb-asylum-granted-2011-voa-archive").as_of) == "2011?"

    def test_refugee_status_and_humanitarian_protection_of_2007(self) -> None:
        assert series_years("refugee-status-granted", "GB")[2007] == {130}
        assert series_years("humanitarian-protection-granted", "GB")[2007] == {15}
        points = [p for p in nk.series("asylum-granted", country="GB") if p.year == 2007]
        assert all("gb-grants-2007-130-or-135" in p.disputed for p in points)

    def test_applications_by_year(self) -> None:
        applications = series_years("asylum-applications", "GB")
        assert applications[2005] == {30} and applications[2006] == {45} and applications[2008] == {185}
        assert applications[2007] == {410, 415} and applications[2009] == {35}
        assert applications[2013] == {40} and applications[2014] == {23}
        january = statistic("gb-asylum-applications-2007-01-unhcr")
        assert january.value == nk.Quantity(20, unit=nk.Unit.APPLICATIONS) and january.year is None

    def test_readmission_agreement_in_force_from_10_december_2011(self) -> None:
        (rule,) = [p for p in nk.policies("GB") if p.id == "gb-2011-12-10-readmission-agreement"]
        assert rule.basis is nk.Basis.RULE and str(rule.valid_from) == "2011-12-10"
        assert rule.returns_to == (nk.country("KR"),) and rule.valid_until is None
        assert nk.policy("GB", on=D(2011, 12, 10)) is not None
        assert nk.policy("GB", on=D(2020, 1, 1)) is not None  # a rule holds until a documented end

    def test_home_office_reads_north_koreans_as_dual_nationals_in_2015(self) -> None:
        (p,) = [p for p in nk.policies("GB") if p.id == "gb-2015-06-home-office-dual-nationals"]
        assert nk.Classification.DUAL_NATIONAL in p.classification and p.not_grants == ()
        (lords,) = [p for p in nk.policies("GB") if p.id == "gb-2015-11-hl2882-south-korean-citizenship"]
        assert lords.classification == () and lords.returns_to == (nk.country("KR"),)

    def test_estimates_of_north_koreans_living_in_the_uk(self) -> None:
        assert statistic("gb-nk-residents-2016-08-usatoday").value == nk.Quantity(700, nk.Qualifier.ALMOST)
        several_hundred = statistic("gb-nk-residents-irregular-2016-08-usatoday").value
        assert several_hundred == nk.Quantity(100, nk.Qualifier.ORDER_OF_MAGNITUDE)
        assert statistic("gb-nk-refugees-unhcr-2010-12-mbn").value == nk.Quantity(581)
        assert str(statistic("gb-nk-refugees-unhcr-2010-12-mbn").as_of) == "2010-12"

    def test_unhcr_counts_by_year_of_report(self) -> None:
        assert statistic("gb-nk-refugees-unhcr-voa-2019-06").value == nk.Quantity(81)
        share = statistic("gb-share-of-nk-refugees-unhcr-2010-12-mbn").value
        assert share == nk.Quantity(63, nk.Qualifier.ABOUT, nk.Unit.PERCENT)
        assert statistic("gb-nk-refugees-zum-yonhap-undated").as_of is None  # 'this survey', no year

    # From the first collection (public-reports.md sections 4-9):
    def test_uk_fingerprints_checked_against_south_koreas_citizenship_database(self) -> None:
        p = nk.policy("GB", on=dt.date(2008, 9, 29))
        assert p is not None
        assert any("citizenship database" in x for x in p.procedures)
        # (the grants of 2005-2009 in public-reports-3-resettlement.md cover the day before)
        before = nk.policy("GB", on=dt.date(2008, 9, 28))
        assert before is None or "gb-2008-fingerprint-checks" not in before.id.split("+")
        assert nk.can_resettle("KP", None, "GB", on=dt.date(2008, 9, 29)).verdict is nk.Verdict.UNDOCUMENTED

    def test_uk_902_applications_without_an_invented_period(self) -> None:
        # The quoted words name neither the receiving country nor the period: the newsflash.one
        # figures are not stored at all (the U.K. and 2003-2016 were the collector's).
        assert not [s for s in nk.statistics() if "newsflash" in s.id]
        assert not {902, 408, 413, 77} & {s.value.value for s in nk.statistics(country="GB")}
        assert "no entry rests on this source" in nk.source("newsflash-one-2018-03-22").note
        # the UNHCR-based figures are the collector's paraphrase, not a quote
        assert not {544, 505} & {s.value.value for s in nk.statistics(country="GB")}
        # (the readmission agreement of 2011, public-reports-3-resettlement.md, is in force then)
        on_the_day = nk.policy("GB", on=dt.date(2018, 3, 22))
        assert on_the_day is None or not any(e.source == "newsflash-one-2018-03-22" for e in on_the_day.evidence)

    def test_uk_2013_rejections_only_as_far_as_the_quote_goes(self) -> None:
        by_measure = {s.measure: s.value for s in nk.statistics(country="GB") if s.year == 2013}
        assert by_measure == {
            "asylum-applications": nk.Quantity(40, unit=nk.Unit.APPLICATIONS),
            "asylum-applications-refused": nk.Quantity(30, unit=nk.Unit.APPLICATIONS),
        }  # no "accepted" figure: the other ten are not said to have been accepted

    def test_new_malden_about_1000_at_an_undated_peak(self) -> None:
        s = statistic("gb-new-malden-residents-peak")
        assert s.area == "New Malden" and s.as_of is None
        assert s.value == nk.Quantity(1000, nk.Qualifier.ABOUT)

