"""United States: what researchers rely on from public-reports-3-resettlement.md (section 1),
asked through the public API: arrivals by fiscal year, the calendar-year and part-year counts
beside them, the cumulative totals, the first and last documented arrivals, and the
disagreements between sources."""

from __future__ import annotations

import datetime as dt

import pytest
from facts import CountryFacts, sources_of, statement, statistic

import nkasylum as nk

D = dt.date
FY = "us-refugee-arrivals-fiscal-year"


def _by_year(measure: str) -> dict[int, set[int | None]]:
    years: dict[int, set[int | None]] = {}
    for p in nk.series(measure, country="US"):
        years.setdefault(p.year, set()).add(p.value.value)
    return years


class TestUnitedStates(CountryFacts):
    code = "US"

    def test_fiscal_year_series_covers_2006_to_2021_with_gaps_left_empty(self) -> None:
        years = _by_year(FY)
        assert sorted(years) == [*range(2006, 2014), *range(2015, 2022)]
        # no full-year figure for fiscal 2014, and none after fiscal 2021: gaps, not zeros
        assert 2014 not in years and 2022 not in years and 2023 not in years
        assert years[2006] == {9} and years[2011] == {23} and years[2013] == {17}
        assert years[2015] == {15} and years[2016] == {14} and years[2018] == {5}
        assert years[2019] == {1} and years[2020] == {2} and years[2021] == {0}

    def test_fiscal_years_are_counted_october_to_september(self) -> None:
        fy2008 = statistic("us-arrivals-fy2008-rfa-2014")
        assert str(fy2008.as_of) == "2007-10-01/2008-09-30" and fy2008.year == 2008
        assert fy2008.arrivals and fy2008.value == nk.Quantity(37)
        assert fy2008.as_of is not None and fy2008.as_of.lower == D(2007, 10, 1)

    def test_disputed_fiscal_years_keep_every_version(self) -> None:
        points = [p for p in nk.series(FY, country="US") if p.year == 2008]
        assert {p.value.value for p in points} == {37, 38}
        assert all("us-arrivals-2008-37-or-38" in p.disputed for p in points)
        (c,) = [c for c in nk.conflicts() if c.id == "us-arrivals-2007-22-or-28"]
        assert "us-refugee-admissions-2007-rfa-2017" in c.versions

    def test_part_year_counts_carry_their_span_and_no_year(self) -> None:
        fy2012 = statistic("us-arrivals-fy2012-to-2012-07-yonhap")
        assert fy2012.year is None and str(fy2012.as_of) == "2011-10-01/2012-07-08"
        assert fy2012.value == nk.Quantity(11)
        fy2014 = statistic("us-arrivals-fy2014-to-2014-08-rfa")
        assert fy2014.year is None and fy2014.value == nk.Quantity(8)
        # the undated VOA count of none so far has no span at all
        assert statistic("us-arrivals-fy2014-none-yet-voa").as_of is None

    def test_calendar_2022_and_2023_are_documented_zeros(self) -> None:
        years = _by_year("us-refugee-admissions")
        assert years[2022] == {0} and years[2023] == {0}
        utah = statistic("us-refugee-admissions-2021-11-koreatowndaily")
        assert utah.value == nk.Quantity(4) and str(utah.as_of) == "2021-11" and utah.area == "Utah"

    def test_cumulative_totals_along_the_way(self) -> None:
        totals = {str(s.as_of): s.value.value for s in nk.statistics(country="US")
                  if s.measure == "us-refugee-admissions-total" and s.as_of is not None}
        assert totals["2009-06"] == 91 and totals["2011-09"] == 122
        assert totals["2014-08-04"] == 171 and totals["2016-01-08"] == 192
        assert totals["2018-09"] == 217

    def test_women_and_men_of_fiscal_2016(self) -> None:
        assert statistic("us-arrivals-fy2016-women-koreatowndaily").value == nk.Quantity(12)
        assert statistic("us-arrivals-fy2016-men-koreatowndaily").value == nk.Quantity(2)

    def test_first_arrivals_and_last_documented_route(self) -> None:
        first = nk.case("us-first-six-refugees-2006-05")
        assert str(first.date) == "2006-05-05" and first.people == nk.Quantity(6)
        assert first.route is None  # the words do not say where they came from
        utah = nk.case("us-four-settle-utah-2021-11")
        assert str(utah.route) == "CN > third country > US" and str(utah.date) == "2021-11"
        (way,) = [p for p in nk.passages("CN", "US", any_date=True) if p.id == "cn-us-refugee-programme-2021"]
        assert way.via_third_country and way.channel is nk.Channel.REFUGEE_PROGRAMME

    def test_refugee_status_sighted_on_the_grant_dates(self) -> None:
        (p,) = [p for p in nk.policies("US") if p.id == "us-2006-04-first-refugee-status"]
        assert p.admits is True and nk.Status.REFUGEE_STATUS in p.grants
        assert {str(e.happened) for e in p.evidence} >= {"2006-04-24/2006-04-25", "2006-05-05"}
        assert nk.source("hankyoreh-2006-05-08").quote_for("They gained refugee status") is not None

    def test_no_admission_is_assumed_before_the_first_grants_from_the_new_sources(self) -> None:
        new = [p for p in nk.policies("US") if any(
            e.source == "rfa-ko-2014-08-04" for e in p.evidence)]
        assert new and all(e.happened is None or e.happened.lower >= D(2006, 10, 1)
                           for p in new for e in p.evidence)

    def test_admissions_in_a_period_count_as_arrivals_but_totals_do_not(self) -> None:
        # 'accepted nine' in 2006 and 'admitted 12 ... before February' 2017 are admissions then
        assert statistic("us-refugee-admissions-2006").arrivals
        jan = statistic("us-refugee-admissions-2017-01")
        assert jan.arrivals and jan.counts_arrivals and str(jan.as_of) == "2017-01"
        assert not any(s.arrivals for s in nk.statistics(country="US")
                       if s.measure == "us-refugee-admissions-total")
        # 'recognised as refugees' is a grant of status, not an arrival
        assert not statistic("us-recognised-fy2008-jjan").arrivals

    def test_admissions_are_not_sighted_before_2006_though_cases_were_opened_from_2004(self) -> None:
        # the GAO's October 2004-March 2010 span dates the opening of cases, not the arrivals
        (admits,) = [p for p in nk.policies("US") if p.id == "us-refugee-admissions-2006-2020"]
        dated = [e.happened or nk.source(e.source).published for e in admits.evidence]
        assert min(w.lower for w in dated if w is not None and w.lower is not None) == D(2006, 1, 1)
        assert not admits.procedures
        (opened,) = [p for p in nk.policies("US") if p.id == "us-refugee-cases-opened-2004-2010-gao"]
        assert opened.admits is None and opened.procedures
        assert [str(e.happened) for e in opened.evidence] == ["2004-10/2010-03"]

    # From seed 000, the undated explainer "What countries allow North Koreans?":
    def test_united_states_takes_claims_through_usrap(self) -> None:
        (p,) = [p for p in nk.policies("US") if p.id == "us-explainer-usrap"]
        assert p.procedures == ("U.S. Refugee Admissions Program",)
        assert p.grants == ()  # the explainer names no status: nothing is filled in

    # From the first collection (public-reports.md sections 4-9):
    def test_us_north_korean_human_rights_act_of_2004(self) -> None:
        p = statement("US", "us-nkhra-2004")
        assert p.basis is nk.Basis.RULE and str(p.valid_from) == "2004"  # year only
        assert p.valid_from == nk.When.year(2004) and p.valid_until is None
        assert {"govinfo-statute-118-1287", "yonhap-2020-01-07"} <= sources_of(p)
        assert nk.policy("US", on=dt.date(2003, 12, 31)) is None
        day_one = nk.policy("US", on=dt.date(2004, 1, 1))
        assert day_one is not None and day_one.id == "us-nkhra-2004"

    def test_us_code_7842_a_dprk_national_is_not_an_rok_national(self) -> None:
        p = statement("US", "us-22-usc-7842")
        assert p.undated  # the quoted clause carries no date
        assert nk.Classification.DUAL_NATIONAL not in p.classification
        assert any("not be considered a national of the Republic of Korea" in e.anchor
                   for e in p.evidence)

    def test_us_admissions_only_the_years_the_quotes_give(self) -> None:
        # Yonhap's quoted words of January 2020 give 2006 only (public-reports-3-resettlement.md
        # adds other sources' years to the same series)
        points = [p for p in nk.series("us-refugee-admissions", country="US")
                  if {e.source for e in p.evidence} == {"yonhap-2020-01-07"}]
        assert [(p.year, p.value) for p in points] == [(2006, nk.Quantity(9))]
        # the 2008 peak (38 or 37) and "none in 2019" are in the excerpt's summary or in an
        # unaddressed bracket only: left as gaps, not zeros
        assert all(p.year not in (2008, 2019) for p in points)
        assert not [p for p in nk.series("us-refugee-admissions", country="US") if p.year == 2019]
        total = statistic("us-refugee-admissions-total-2020-01")
        assert total.value == nk.Quantity(218) and total.as_of == nk.When.day(dt.date(2020, 1, 7))

    def test_gao_238_cases_opened_94_arrived(self) -> None:
        opened = statistic("us-refugee-cases-opened-2004-2010")
        arrived = statistic("us-refugee-arrivals-2004-2010")
        assert opened.value == nk.Quantity(238, nk.Qualifier.EXACT, nk.Unit.CASES)
        assert arrived.value == nk.Quantity(94)
        # the GAO counts run from October 2004: cases to March 2010, arrivals to 24 June 2010
        assert str(opened.as_of) == "2004-10/2010-03"
        assert str(arrived.as_of) == "2004-10/2010-06-24"
        assert sources_of(opened) == {"gao-10-691-justia"}

    @pytest.mark.parametrize("day", [dt.date(2006, 6, 1), dt.date(2010, 3, 31), dt.date(2020, 1, 7)])
    def test_us_admits_on_the_documents_dates_but_no_route_is_documented(self, day: dt.date) -> None:
        p = nk.policy("US", on=day)
        assert p is not None and p.admits is True
        # No passage from North Korea to the U.S. is documented; the yearly counts of arrivals
        # (public-reports-3-resettlement.md) document that some way was used, route unknown.
        assert not nk.passages("KP", "US", any_date=True)

    def test_us_admissions_after_the_january_2020_report_are_not_assumed(self) -> None:
        # Later reports (public-reports-3-resettlement.md) saw admissions up to November 2021;
        # after that last sighting nothing is assumed.
        later = nk.policy("US", on=dt.date(2021, 12, 1))
        assert later is not None and later.id == "us-nkhra-2004"  # the Act, with no admits flag
        assert later.admits is None
