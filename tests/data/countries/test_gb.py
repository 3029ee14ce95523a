"""United Kingdom: what researchers rely on from public-reports-3-resettlement.md (section 3,
and the U.K. figures of sections 5 and 6), asked through the public API: asylum grants and
applications by year, humanitarian leave, the readmission agreement of 10 December 2011 and
the Home Office's reading of North Koreans as South Korean citizens."""

from __future__ import annotations

import datetime as dt

from facts import CountryFacts

import nkasylum as nk

D = dt.date


def _years(measure: str) -> dict[int, set[int | None]]:
    years: dict[int, set[int | None]] = {}
    for p in nk.series(measure, country="GB"):
        years.setdefault(p.year, set()).add(p.value.value)
    return years


def _stat(id: str) -> nk.Statistic:
    (found,) = [s for s in nk.statistics(country="GB") if s.id == id]
    return found


class TestUnitedKingdom(CountryFacts):
    code = "GB"

    def test_asylum_grants_2005_to_2010(self) -> None:
        grants = _years("asylum-granted")
        assert grants[2005] == {5} and grants[2006] == {15} and grants[2007] == {135}
        assert grants[2008] == {170} and grants[2010] == {1}
        assert grants[2009] == {3, 5}  # as corrected, and as first published
        assert 2011 not in grants  # 'last year' of an undated page is only '2011?'
        assert str(_stat("gb-asylum-granted-2011-voa-archive").as_of) == "2011?"

    def test_refugee_status_and_humanitarian_protection_of_2007(self) -> None:
        assert _years("refugee-status-granted")[2007] == {130}
        assert _years("humanitarian-protection-granted")[2007] == {15}
        points = [p for p in nk.series("asylum-granted", country="GB") if p.year == 2007]
        assert all("gb-grants-2007-130-or-135" in p.disputed for p in points)

    def test_applications_by_year(self) -> None:
        applications = _years("asylum-applications")
        assert applications[2005] == {30} and applications[2006] == {45} and applications[2008] == {185}
        assert applications[2007] == {410, 415} and applications[2009] == {35}
        assert applications[2013] == {40} and applications[2014] == {23}
        january = _stat("gb-asylum-applications-2007-01-unhcr")
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
        assert _stat("gb-nk-residents-2016-08-usatoday").value == nk.Quantity(700, nk.Qualifier.ALMOST)
        several_hundred = _stat("gb-nk-residents-irregular-2016-08-usatoday").value
        assert several_hundred == nk.Quantity(100, nk.Qualifier.ORDER_OF_MAGNITUDE)
        assert _stat("gb-nk-refugees-unhcr-2010-12-mbn").value == nk.Quantity(581)
        assert str(_stat("gb-nk-refugees-unhcr-2010-12-mbn").as_of) == "2010-12"

    def test_unhcr_counts_by_year_of_report(self) -> None:
        assert _stat("gb-nk-refugees-unhcr-voa-2019-06").value == nk.Quantity(81)
        share = _stat("gb-share-of-nk-refugees-unhcr-2010-12-mbn").value
        assert share == nk.Quantity(63, nk.Qualifier.ABOUT, nk.Unit.PERCENT)
        assert _stat("gb-nk-refugees-zum-yonhap-undated").as_of is None  # 'this survey', no year
