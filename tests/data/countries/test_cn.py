"""China: the facts researchers rely on from the third collection's section 1 (China's
treatment of North Koreans 1998-2025): the dated sightings of its returns and labels, the
returns counted by event and year, the cases, and the conflicts between sources.

Sightings are read from the stored evidence (each ``happened``, else the source's date), not
from verdicts: the time model is being rewritten, the evidence is not.
"""

from __future__ import annotations

import datetime as dt

import pytest
from facts import (
    CountryFacts,
    cited,
    conflict,
    dated_years,
    happened_spans,
    ids_of,
    passage_entry,
    policy_entry,
    resting_on,
    sources_of,
    statement,
)

import nkasylum as nk

C = nk.Classification


def _seen(country: str, test: object) -> set[int]:
    return {y for p in nk.policies(country) if test(p) for y in dated_years(p)}  # type: ignore[operator]


D = dt.date


class TestChina(CountryFacts):
    code = "CN"

    # ------------------------------------------------------------- returns, year by year
    def test_returns_are_seen_in_every_year_the_sources_date(self) -> None:
        seen = _seen("CN", lambda p: p.repatriates is True)
        # CASS 1998-2006, CERD 2001, 4,809 in 2002, Yonhap 2006, activists 2007, USCRI 2008,
        # Asahi 2010, the February 2012 returns, 2013 (Laos nine, COI), 2014, CAT 2015,
        # HRW 2016, 2017, CECC 2018, 2019 returns, VOA 2020, RFA 2022, 2023 resumption, 2024
        expected = set(range(1998, 2009)) | {2010} | set(range(2012, 2021)) | {2022, 2023, 2024, 2025}
        assert expected <= seen

    def test_the_1998_2006_returns_rest_on_the_cass_figures(self) -> None:
        p = self.kb.entry("cn-1998-2006-returns-cass")
        assert isinstance(p, nk.Policy) and p.repatriates is True
        (ev,) = p.evidence
        assert str(ev.happened) == "1998/2006"
        quote = nk.source(ev.source).quote_for(ev.anchor)
        assert quote is not None and "between 4,800 and 8,900" in quote

    def test_two_decades_of_returns_to_2014(self) -> None:
        p = self.kb.entry("cn-1994-2014-returns-two-decades-coi")
        assert isinstance(p, nk.Policy) and p.repatriates is True
        assert str(p.evidence[0].happened) == "1994-07~/2014-07"

    # ------------------------------------------------------------- labels, as the words say
    def test_labels_follow_each_quote(self) -> None:
        labels = {
            "cn-2005-01-border-police-deportation-efforts": (C.ILLEGAL_IMMIGRANT,),
            "cn-2007-enforcement-illegal-economic-migrants": (C.ILLEGAL_ECONOMIC_MIGRANT,),
            "cn-2008-03-crackdown-illegal-entrants": (C.ILLEGAL_ENTRANT,),
            "cn-2012-02-economic-migrants-forcibly-returned": (C.ECONOMIC_MIGRANT,),
            "cn-2015-12-cat-forcibly-repatriating-all": (C.ILLEGAL_BORDER_CROSSER,),
            "cn-2015-12-illegal-economic-migrants-upi": (C.ILLEGAL_ECONOMIC_MIGRANT,),
            "cn-2016-01-hrw-illegal-economic-migrants": (C.ILLEGAL_ECONOMIC_MIGRANT,),
            "cn-2017-04-illegal-migrants-for-economic-reasons": (C.ILLEGAL_ECONOMIC_MIGRANT,),
        }
        for id, expected in labels.items():
            p = self.kb.entry(id)
            assert isinstance(p, nk.Policy) and p.classification == expected, id

    def test_illegal_migrants_is_not_forced_into_another_label(self) -> None:
        qin = self.kb.entry("cn-2006-03-qin-illegal-migrants-not-refugees")
        assert isinstance(qin, nk.Policy)
        assert qin.classification == () and qin.not_classification == (C.REFUGEE,)
        assert str(qin.evidence[0].happened) == "2006-03-21"

    def test_not_recognised_as_refugees_in_2001_2006_and_2013(self) -> None:
        seen = _seen("CN", lambda p: C.REFUGEE in p.not_classification)
        assert {2001, 2006, 2013} <= seen
        cerd = self.kb.entry("cn-2001-08-cerd-not-refugees-returns")
        assert isinstance(cerd, nk.Policy) and str(cerd.evidence[0].happened) == "2001-08-09"
        assert nk.source("donga-jp-2001-08-11").quote_for("越境者を難民として認めず、強制送還する")

    def test_statements_whose_words_say_not_refugees_carry_the_contrary_label(self) -> None:
        # 'should not be recognized as refugees' (2003), 'were not refugees' (2006), 'not
        # within the category of refugees' (2012), 'are not refugees' (2017), and two undated
        seen = _seen("CN", lambda p: C.REFUGEE in p.not_classification)
        assert {2003, 2006, 2012, 2017} <= seen
        for id in ("cn-2003-official-illegal-immigrants", "cn-2006-09-not-refugees-illegal-entry",
                   "cn-2012-02-illegal-border-crossers", "cn-2017-07-not-refugees-illegal-entry",
                   "cn-explainer-economic-migrants", "cn-upr-economic-entrants-not-refugees"):
            p = self.kb.entry(id)
            assert isinstance(p, nk.Policy) and p.not_classification == (C.REFUGEE,), id
            assert C.REFUGEE not in p.classification, id

    # ------------------------------------------------------------- measures and rewards
    def test_border_measures_are_dated(self) -> None:
        dated = {
            "cn-2006-10-fence-and-neighbourhood-sweeps": "2006-10",
            "cn-2023-new-barbed-wire-on-the-tumen": "2023",
            "cn-2016-08-rewards-and-more-returns": "2016-08-08",
        }
        for id, when in dated.items():
            p = self.kb.entry(id)
            assert isinstance(p, nk.Policy) and p.procedures, id
            assert when in {str(e.happened) for e in p.evidence}, id
        reuters = self.kb.entry("cn-2024-09-quotas-cameras-deportation-centres")
        assert isinstance(reuters, nk.Policy) and reuters.repatriates is None  # "expel", not "return"
        assert "2023/2024-09-24" in {str(e.happened) for e in reuters.evidence}

    def test_the_lankov_fence_is_not_attributed(self) -> None:
        # the quote names neither the border nor who built the fence
        assert not any("2010/2012" in str(e.happened) for p in nk.policies("CN") for e in p.evidence)
        assert nk.source("koreatimes-lankov-undated").quote_for("barbed wire fence erected") is None

    # ------------------------------------------------------------- returns counted
    def test_returns_from_china_by_event_and_year(self) -> None:
        figures = {s.id: s for s in nk.statistics(country="CN", measure="forced-returns-from-china")}
        expected = {
            "cn-forced-returns-4809-2002": ("4,809", "2002"),
            "cn-forced-returns-9-2012-02-koreaherald": ("9", "2012-02-18/2012-02-19"),
            "cn-forced-returns-9-2012-02-amnesty": ("at least 9", "2012-02"),
            "cn-forced-returns-31-2012-donga": ("31", "2012-02-08/2012-03-08"),
            "cn-forced-returns-two-decades-coi": ("tens of thousands", "1994-07~/2014-07"),
            "cn-forced-returns-600-2023-10": ("about 600", "2023-10-09/2023-10-10"),
            "cn-forced-returns-2600-2023": ("about 2,600", "2023-08/2023-10-11"),
            "cn-forced-returns-via-dandong-2023-10": ("at most 200", "../2023-10-10"),
            "cn-forced-returns-helong-workers-2024-01": ("108", "2024-01"),
            "cn-forced-returns-trafficked-women-2024": ("212", "2024"),
            "cn-forced-returns-2024-2025-edaily-406": ("at least 406", "2024/2025-10-19"),
        }
        for id, (value, as_of) in expected.items():
            assert (str(figures[id].value), str(figures[id].as_of)) == (value, as_of), id
        # only a whole year's total is a point of the yearly series
        assert [(p.year, str(p.value)) for p in nk.series("forced-returns-from-china", country="CN")] == [
            (2002, "4,809")]

    def test_yearly_rates_keep_their_bounds(self) -> None:
        rates = {s.id: s for s in nk.statistics(country="CN", measure="forced-returns-from-china-per-year")}
        cass = rates["cn-forced-returns-per-year-cass-1998-2006"]
        assert cass.value == nk.Quantity(4800, nk.Qualifier.AT_LEAST) and str(cass.as_of) == "1998/2006"
        assert "8,900" in cass.note
        assert rates["cn-forced-returns-per-year-nkdb-2012"].value == nk.Quantity(2000, nk.Qualifier.ABOUT)
        assert rates["cn-forced-returns-per-year-activists-2007"].value == nk.Quantity(5000, nk.Qualifier.ABOUT)

    def test_deported_by_2004_is_not_counted_as_returns(self) -> None:
        (s,) = nk.statistics(country="CN", measure="deported-from-china")
        assert s.value == nk.Quantity(133009) and str(s.as_of) == "../2004-12"

    def test_people_in_hiding_keep_their_qualifiers(self) -> None:
        figures = {s.id: s.value for s in nk.statistics(country="CN")}
        assert figures["cn-nk-refugees-in-china-2007-uscri"] == nk.Quantity(11000, nk.Qualifier.ABOUT)
        assert figures["cn-nk-refugees-yanbian-lankov-undated"] == nk.Quantity(10000, nk.Qualifier.AT_MOST)
        assert figures["cn-nk-hiding-in-china-2010"] == nk.Quantity(1000, nk.Qualifier.AT_LEAST)
        assert figures["cn-asylum-seekers-rok-missions-2012-05"] == nk.Quantity(0)

    # ------------------------------------------------------------- cases
    def test_returns_of_groups_on_their_dates(self) -> None:
        expected = {
            "cn-five-women-returned-2008-04": ("2008-04", "5", "CN > KP"),
            "cn-nine-returned-2012-02-18": ("2012-02-18/2012-02-19", "9", "CN > KP"),
            "cn-31-returned-2012-afp": ("2012-02/2012-03-09", "31", "CN > KP"),
            "cn-41-returned-2012-opendoors": ("../2012-03-22", "41", "CN > KP"),
            "cn-nine-from-laos-to-pyongyang-2013-05": ("2013-05-27/2013-05-28", "9", "LA > CN > KP"),
            "cn-about-30-handed-over-2016-04": ("2016-04", "about 30", "CN > KP"),
            "cn-wife-returned-2019-12": ("2019-12", "1", "CN > KP"),
            "cn-about-600-returned-2023-10": ("2023-10-09/2023-10-10", "about 600", "CN > KP"),
            "cn-helong-108-workers-returned-2024-01": ("2024-01", "108", "CN > KP"),
        }
        for id, (date, people, route) in expected.items():
            c = nk.case(id)
            assert (str(c.date), str(c.people), str(c.route)) == (date, people, route), id
            assert c.outcome is nk.Outcome.REPATRIATED, id
        assert nk.case("cn-about-30-handed-over-2016-04").channel is nk.Channel.HANDOVER

    def test_arrests_keep_their_qualifiers(self) -> None:
        assert nk.case("cn-more-than-30-arrested-2013-11").people == nk.Quantity(30, nk.Qualifier.MORE_THAN)
        assert nk.case("cn-29-arrested-2014-07").people == nk.Quantity(29)
        assert nk.case("cn-about-29-detained-2014-07-amnesty").people == nk.Quantity(29, nk.Qualifier.ABOUT)
        assert str(nk.case("cn-mother-arrested-near-myanmar-border-2025-01").date) == "2025-01"
        # the year of 2 August and 14 August is not in the quote
        assert nk.case("cn-seven-arrested-jilin-station").date is None

    def test_ways_out_that_china_allowed(self) -> None:
        (czech,) = nk.passages("CN", "CZ", any_date=True)
        assert czech.channel is nk.Channel.PERMITTED_DEPARTURE
        assert {str(e.happened) for e in czech.evidence} == {"2008-07"}
        six = nk.case("cn-six-consulates-to-south-2012-05")
        assert str(six.route) == "CN > third country > KR" and six.outcome is nk.Outcome.LEFT_FOR_THIRD_COUNTRY

    # ------------------------------------------------------------- conflicts
    def test_every_conflict_marker_keeps_its_versions(self) -> None:
        found = {c.id: set(c.versions) for c in nk.conflicts()}
        assert found["cn-returns-2012-03-count"] >= {
            "cn-31-returned-2012-donga", "cn-about-30-returned-2012-cecc", "cn-41-returned-2012-opendoors"}
        assert found["cn-returns-2023-10-09-count"] >= {"cn-about-600-returned-2023-10",
                                                        "cn-repatriated-500-2023-10-09-idea"}
        assert found["cn-forced-returns-per-year-estimates"] >= {
            "cn-forced-returns-per-year-nkdb-2012", "cn-forced-returns-per-year-cass-1998-2006"}
        assert found["cn-border-police-document-authenticity"] == {
            "cn-deported-to-end-2004-border-police", "cn-2005-01-border-police-deportation-efforts"}
        assert found["cn-returns-during-covid-closure"] >= {"cn-2023-09-returns-resumed-tjwg",
                                                            "cn-2021-07-forced-return"}

    def test_the_quotes_ship_with_the_data(self) -> None:
        assert nk.source("tjwg-2023-09-21").quote_for("had stopped since the start of the Covid-19 pandemic")
        assert nk.source("newspic-2025-10-19").quote_for("최소 406명의 탈북민을 강제 북송했다는")
        assert nk.source("freekorea-2006-10").quote_for("I can’t verify the documents’ authenticity")

    def test_repatriations_seen_on_their_dates(self) -> None:
        kb = nk.default_knowledge_base()
        assert statement("CN", "cn-2014-08-repatriated-29-upi").repatriates is True
        assert kb.support("cn-2014-08-repatriated-29-upi", on=D(2014, 8, 15)).support is nk.Support.SEEN
        october = statement("CN", "cn-2023-10-forcible-repatriation-un-experts")
        assert october.repatriates is True
        assert "2023-10-09" in {str(e.happened) for e in october.evidence}
        # the 2019 statement urges China not to repatriate: no repatriation value of its own
        assert statement("CN", "cn-2019-06-arrests-increasing").repatriates is None

    def test_cases_and_counts(self) -> None:
        c = nk.case("cn-repatriated-29-2014-08")
        assert c.people == nk.Quantity(29) and str(c.date) == "2014-08" and str(c.route) == "CN > KP"
        big = nk.case("cn-repatriated-500-2023-10-09-idea")
        assert big.people == nk.Quantity(500, nk.Qualifier.MORE_THAN)
        by_id = {s.id: s for s in nk.statistics(country="CN")}
        assert by_id["cn-detained-un-rapporteur-2022-03"].value == nk.Quantity(1500, nk.Qualifier.ABOUT)
        hundreds = by_id["cn-forced-returns-un-experts-2023-10"].value
        assert hundreds == nk.Quantity(100, nk.Qualifier.ORDER_OF_MAGNITUDE)

    def test_illegal_immigrants_in_2022(self) -> None:
        p = statement("CN", "cn-2022-03-detained-as-illegal-immigrants")
        assert nk.Classification.ILLEGAL_IMMIGRANT in p.classification

    def test_ways_out_to_the_us_and_japan(self) -> None:
        (us,) = [p for p in nk.passages("CN", "US", any_date=True) if p.id == "cn-us-refugee-programme-2021"]
        assert us.via_third_country
        (jp,) = [p for p in nk.passages("CN", "JP", any_date=True) if p.id == "cn-jp-broker-japanese-wives-1994"]
        assert jp.channel is nk.Channel.BROKER

    def test_the_school_entrant_sent_back_in_february_2006(self) -> None:
        p = statement("CN", "cn-2006-02-school-entrant-sent-back")
        assert p.repatriates is True and p.exceptions
        c = nk.case("cn-korean-school-woman-sent-back-2006-02-15")
        assert str(c.route) == "CN > KP" and c.outcome is nk.Outcome.REPATRIATED

    def test_mission_exits_blocked_from_2008_and_allowed_in_2011_on_conditions(self) -> None:
        p = statement("CN", "cn-2008-2011-mission-exits-blocked")
        assert "2008/2011-04-04" in {str(e.happened) for e in p.evidence}
        c = nk.case("cn-japanese-consulate-two-women-2011-04")
        assert c.people == nk.Quantity(2) and c.outcome is nk.Outcome.LEFT_FOR_THIRD_COUNTRY
        (s,) = [s for s in nk.statistics(country="CN") if s.id == "cn-mission-seekers-japanese-2011-04"]
        assert s.value == nk.Quantity(3) and s.measure == "asylum-seekers-at-foreign-missions"

    def test_the_beijing_consulate_group_is_five_or_four(self) -> None:
        five, four = nk.case("cn-consulate-beijing-five-krnews21"), nk.case("cn-consulate-beijing-four-channel-a")
        assert (five.people.value, four.people.value) == (5, 4)
        assert five.date is None and str(five.route) == "CN > third country > KR"
        assert set(conflict("cn-consulate-beijing-group-five-or-four").versions) == {
            five.id, four.id, "cn-consulate-5-to-seoul-2012-04"}
        p = passage_entry("CN", "KR", "cn-kr-permitted-departure-2012")
        assert p.channel is nk.Channel.PERMITTED_DEPARTURE
        assert {str(e.happened) for e in p.evidence} == {"2012"}

    def test_the_shenyang_entries_into_the_us_consulate_in_2006(self) -> None:
        assert nk.case("cn-shenyang-us-consulate-two-2006-09").people == nk.Quantity(2)
        may = nk.case("cn-shenyang-us-consulate-2006-05")
        assert str(may.date) == "2006-05" and may.people.qualifier is nk.Qualifier.UNQUANTIFIED

    def test_the_ningbo_workers_route_is_disputed(self) -> None:
        thai = nk.case("cn-ningbo-workers-via-thailand-laos-2016-04")
        malaysia = nk.case("cn-restaurant-workers-malaysia-route-2016")
        assert str(thai.route) == "CN > TH > LA > KR" and str(thai.date) == "2016-04-04/2016-04-07"
        assert str(malaysia.route) == "CN > MY > KR" and str(malaysia.date) == "2016"
        assert set(conflict("cn-ningbo-workers-2016-route").versions) == {thai.id, malaysia.id}
        assert passage_entry("CN", "TH", "cn-th-flight-2016").channel is nk.Channel.FLIGHT
        assert passage_entry("TH", "LA", "th-la-overland-2016").channel is nk.Channel.OVERLAND

    def test_a_thai_officer_says_china_and_laos_send_them_home(self) -> None:
        assert statement("CN", "cn-2009-sends-them-home-thai-police").repatriates is True
        assert passage_entry("CN", "LA", "cn-la-border-crossing-2013").channel is nk.Channel.BORDER_CROSSING

    # From seed 000, the undated explainer "What countries allow North Koreans?":
    def test_china_classes_them_as_economic_migrants(self) -> None:
        (p,) = [p for p in nk.policies("CN") if p.id == "cn-explainer-economic-migrants"]
        assert p.undated
        # "economic migrants", without "illegal": the claim the words make (fact audit 2026-11)
        assert p.classification == (nk.Classification.ECONOMIC_MIGRANT,)
        assert p.repatriates is True

    def test_brokers_in_china_lead_to_unnamed_countries(self) -> None:
        (p,) = [p for p in nk.passages("CN", any_date=True) if p.id == "cn-third-country-broker"]
        assert p.channel is nk.Channel.BROKER
        assert p.dest is nk.THIRD_COUNTRY
        assert p.undated

    # From seed 002, VOA of 11 September 2002:
    def test_more_than_30_is_not_30(self) -> None:
        (s,) = [s for s in nk.statistics(country="CN") if s.id == "cn-mission-departures-2002-09-11"]
        assert s.value.qualifier is nk.Qualifier.MORE_THAN
        assert s.value.value == 30
        assert s.value.lower_bound == 31
        assert str(s.value) == "more than 30"

    def test_the_german_school_group_left_on_wednesday_the_11th(self) -> None:
        c = nk.case("cn-german-school-15-2002")
        assert c.date == nk.When.day(dt.date(2002, 9, 11))  # "Wednesday morning" resolved against the report's date
        assert c.people == nk.Quantity(15)
        assert str(c.route) == "CN > third country > KR"
        assert c.outcome is nk.Outcome.LEFT_FOR_THIRD_COUNTRY
        assert any("Wednesday" in e.note for e in c.evidence)

    def test_about_21_stays_about(self) -> None:
        c = nk.case("cn-group-21-2002")
        assert c.people == nk.Quantity(21, nk.Qualifier.ABOUT)

    def test_bounds_and_magnitudes(self) -> None:
        stats = {s.id: s for s in nk.statistics(country="CN")}
        assert stats["cn-mission-asylum-seekers-2002"].value == nk.Quantity(80, nk.Qualifier.AT_LEAST)
        fled = stats["cn-fled-to-china-2002"].value
        assert fled.qualifier is nk.Qualifier.ORDER_OF_MAGNITUDE
        assert str(fled) == "tens of thousands"

    def test_china_repatriates_yet_let_mission_entrants_leave(self) -> None:
        p = nk.policy("CN", on=dt.date(2002, 9, 11))
        assert p is not None and p.repatriates is True
        assert nk.Classification.ILLEGAL_ECONOMIC_MIGRANT in p.classification
        assert p.agreements
        (exit_,) = nk.passages("CN", "KR", on=dt.date(2002, 9, 11))
        assert exit_.id == "cn-kr-foreign-mission-2002"
        assert exit_.channel is nk.Channel.FOREIGN_MISSION
        assert exit_.via_third_country

    def test_the_2002_practice_is_an_observation_not_a_rule_forever(self) -> None:
        exit_ = nk.default_knowledge_base().entry("cn-kr-foreign-mission-2002")
        assert isinstance(exit_, nk.Passage) and exit_.basis is nk.Basis.OBSERVATION
        kb = nk.default_knowledge_base()
        assert kb.support(exit_.id, on=dt.date(2002, 9, 11)).support is nk.Support.SEEN
        later = kb.support(exit_.id, on=dt.date(2010, 1, 1))
        assert later.support is nk.Support.LAST_KNOWN and exit_ not in nk.passages("CN", "KR", on=dt.date(2010, 1, 1))

    # From seed 003, Anadolu Agency of 16 August 2023:
    def test_china_detains_and_repatriates_in_2023(self) -> None:
        p = nk.policy("CN", on=dt.date(2023, 8, 16))
        assert p is not None and p.repatriates is True
        assert "cn-2023-detention-repatriation" in p.id.split("+")

    # From the first collection (public-reports.md sections 1-3) and the foreign missions in China, 2002-2004:
    def test_the_1986_border_protocol_is_a_rule_from_1986(self) -> None:
        p = statement("CN", "cn-1986-border-protocol")
        assert p.basis is nk.Basis.RULE
        assert (str(p.valid_from), p.valid_until) == ("1986", None)
        assert p.valid_from.precision is nk.DatePrecision.YEAR
        assert any("1986" in a and "Border Areas" in a for a in p.agreements)
        # the quotes name the protocol but not what it requires: returns are not read into it
        assert p.repatriates is None
        assert {"dailynk-china-repatriates-70", "donga-2004-06-30"} <= sources_of(p)
        assert "cn-1986-border-protocol" in ids_of(nk.policy("CN", on=dt.date(1990, 1, 1)))
        assert "cn-1986-border-protocol" not in ids_of(nk.policy("CN", on=dt.date(1985, 12, 31)))

    def test_the_1960_convention_is_dated_but_the_1964_protocol_is_not(self) -> None:
        extradition = statement("CN", "cn-1960-extradition-convention")
        assert extradition.basis is nk.Basis.RULE and str(extradition.valid_from) == "1960"
        assert sources_of(extradition) == {"donga-2004-06-30"}
        # the quoted words name neither the parties nor 1964 (only the collector's summary
        # does), so the audit removed the 1964 protocol and nothing rests on its source
        with pytest.raises(nk.UnknownEntryError):
            nk.default_knowledge_base().entry("cn-1964-border-crossers-protocol")
        assert resting_on("piie-hazel-smith-dossier") == []
        assert not any("1964" in a for p in nk.policies("CN") for a in p.agreements)
        assert ids_of(nk.policy("CN", on=dt.date(1965, 6, 1))) == ["cn-1960-extradition-convention"]

    def test_no_1998_agreement_is_invented(self) -> None:
        for p in nk.policies("CN"):
            assert not (p.valid_from and p.valid_from.lower.year == 1998), p.id
        # a 1998 protocol is only named as the CECC names it, beside HRW's 1986 one, undated
        naming_1998 = {p.id for p in nk.policies("CN") if any("1998" in a for a in p.agreements)}
        assert naming_1998 == {"cn-1986-border-protocol-hrw-2019", "cn-1998-border-protocol-cecc"}
        assert statement("CN", "cn-1998-border-protocol-cecc").undated

    def test_official_line_2003_illegal_immigrants_not_refugees(self) -> None:
        p = nk.policy("CN", on=dt.date(2003, 11, 25))
        assert p is not None and "cn-2003-official-illegal-immigrants" in ids_of(p)
        # People's Daily says "illegal immigrants", not "illegal economic migrants"; the latter
        # label lies between sightings of other statements (2002 and after), so the day has both
        assert statement("CN", "cn-2003-official-illegal-immigrants").classification == (
            nk.Classification.ILLEGAL_IMMIGRANT,)
        assert nk.Classification.ILLEGAL_IMMIGRANT in p.classification
        assert "peoplesdaily-2003-11-25" in sources_of(p)
        # the day before it answers only through the series of its values (between sightings)
        assert "cn-2003-official-illegal-immigrants" not in ids_of(
            nk.policy("CN", on=dt.date(2003, 11, 24), max_gap=dt.timedelta(0)))

    def test_the_2023_returns_keep_their_dates_and_qualifiers(self) -> None:
        # the cases placed in North Korea (China's own returns, routed CN > KP, are China's cases)
        returns = {str(c.date): c for c in nk.cases(country="KP", since=dt.date(2023, 8, 17),
                                                    until=dt.date(2023, 12, 31), outcome="repatriated",
                                                    possible=True)
                   if c.place == nk.place("KP")}
        assert {d: c.id for d, c in returns.items()} == {
            "2023-08-29": "kp-repatriated-80-2023-08-29",
            "2023-09-18": "kp-repatriated-40-2023-09-18",
            # RFA's undated count (at some time up to May 2024) could fall in the window: it is
            # returned only with possible=True
            "../2024-05-05": "kp-sent-back-50-60-rfa-2024"}
        assert "kp-sent-back-50-60-rfa-2024" not in {c.id for c in nk.cases(
            country="KP", since=dt.date(2023, 8, 17), until=dt.date(2023, 12, 31), outcome="repatriated")}
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

    def test_china_blocks_the_way_on_9_october_2023_citing_the_returns(self) -> None:
        a = nk.can_resettle("KP", "CN", "KR", on=dt.date(2023, 10, 9))
        assert a.verdict is nk.Verdict.BLOCKED and not a
        # the block rests on China's treaties and practice as reported around that day; the
        # collections merged this round each add the reports of the October 2023 returns
        assert {"dailynk-china-repatriates-70", "donga-2004-06-30", "opensourceinvestigations-undated"} <= cited(a)
        assert a.latest_evidence is not None and a.latest_evidence >= dt.date(2023, 10, 1)

    @pytest.mark.parametrize("day", [dt.date(2023, 8, 20), dt.date(2023, 9, 18)])
    def test_the_2023_returns_leave_no_gap_after_august(self, day: dt.date) -> None:
        # the returns are dated by Yonhap's report (13 October), not back-filled to August
        assert nk.can_resettle("KP", "CN", "KR", on=day).verdict is nk.Verdict.UNDOCUMENTED

    def test_the_returns_are_an_observation_not_a_rule_forever(self) -> None:
        p = statement("CN", "cn-2023-forced-returns")
        assert p.basis is nk.Basis.OBSERVATION
        assert (p.valid_from, p.valid_until) == (None, None)
        kb = nk.default_knowledge_base()
        assert kb.support(p.id, on=dt.date(2023, 10, 12)).support is nk.Support.NOTHING
        assert kb.support(p.id, on=dt.date(2023, 10, 13)).support is nk.Support.SEEN
        assert kb.support(p.id, on=dt.date(2023, 10, 14)).support is nk.Support.LAST_KNOWN
        assert not p.applies(dt.date(2023, 10, 10)) and not p.applies(dt.date(2023, 10, 13))

    def test_japanese_consulate_arrests_may_2002(self) -> None:
        # the quoted words have no subject: "Japanese" and the place stood only in the address
        with pytest.raises(nk.UnknownEntryError):
            nk.case("cn-japanese-consulate-2002")
        assert resting_on("japantimes-kyodo-2002-05-09") == []
        assert str(nk.source("japantimes-kyodo-2002-05-09").published) == "2002-05-09"

    def test_spanish_embassy_group_flown_to_manila_with_both_entry_dates_kept(self) -> None:
        bbc = nk.case("cn-spanish-embassy-25-2002")
        assert str(bbc.date) == "2002-03-14/2002-03-16"  # "Thursday" in a report of Saturday 16 March 2002
        assert bbc.people == nk.Quantity(25)
        assert str(bbc.route) == "CN > PH"
        assert bbc.outcome is nk.Outcome.LEFT_FOR_THIRD_COUNTRY
        wt = nk.case("cn-spanish-embassy-25-2002-wt")
        assert wt.date == nk.When.day(dt.date(2002, 3, 23))
        assert bbc.inconsistencies and wt.inconsistencies

    def test_the_groups_of_11_september_2002_went_by_manila(self) -> None:
        wt = nk.case("cn-group-21-2002-wt")
        assert wt.date == nk.When.day(dt.date(2002, 9, 11))  # "late yesterday" in a 12 September report
        assert str(wt.route) == "CN > PH"
        assert "KP > CN > PH > KR" in {str(r) for r in nk.routes("KP", "KR", on=dt.date(2002, 9, 11))}

    def test_the_group_of_21_keeps_each_sources_qualifier(self) -> None:
        counts = {cid: nk.case(cid).people for cid in
                  ("cn-group-21-2002", "cn-group-21-2002-ap", "cn-group-21-2002-wt")}
        assert counts == {"cn-group-21-2002": nk.Quantity(21, nk.Qualifier.ABOUT),
                          "cn-group-21-2002-ap": nk.Quantity(21, nk.Qualifier.AT_LEAST),
                          "cn-group-21-2002-wt": nk.Quantity(21)}

    def test_german_and_japanese_school_cases_of_2004(self) -> None:
        japanese = nk.case("cn-japanese-school-15-2004")
        assert japanese.date == nk.When.day(dt.date(2004, 12, 1))  # "Wednesday" in a report of Friday 3 December
        assert japanese.people == nk.Quantity(15)
        assert str(japanese.route) == "CN > third country"
        # the German school cases stood only in page addresses and publication dates: deleted
        for gone in ("cn-german-school-5-2004-06", "cn-german-school-refuge-2004-02"):
            with pytest.raises(nk.UnknownEntryError):
                nk.case(gone)
        found = {c.id for c in nk.cases(country="CN", since=dt.date(2004, 1, 1), until=dt.date(2004, 12, 31))}
        assert "cn-japanese-school-15-2004" in found
        assert not {i for i in found if "german" in i}

    def test_around_200_let_go_via_third_countries_over_two_years(self) -> None:
        (s,) = [s for s in nk.statistics(country="CN", measure="allowed-to-leave-china")
                if str(s.as_of) == "2002-06~/2004-06-01"]
        assert s.id == "cn-mission-departures-2002-2004"
        assert s.value == nk.Quantity(200, nk.Qualifier.ABOUT)
        assert s.value.lower_bound is None and s.value.upper_bound is None
        assert sources_of(s) == {"kbs-2004-06-01"}

    def test_china_obliged_to_return_in_2004_yet_let_mission_entrants_go(self) -> None:
        p = nk.policy("CN", on=dt.date(2004, 2, 23))
        assert p is not None and p.repatriates is True and p.exceptions
        # KBS (1 June 2004) reports China letting about 200 mission entrants go to Seoul via
        # third countries over the previous two years, so the mission exit still applies here.
        a = nk.can_resettle("KP", "CN", "KR", on=dt.date(2004, 2, 23))
        assert a.verdict is nk.Verdict.DOCUMENTED
        assert "kbs-2004-06-01" in {e.source for e in a.evidence}
        # After that report only the exception is documented, not the way; the third collection
        # documents China's returns over 1998-2006 (CASS) and two decades to 2014 (the COI), so
        # the way is blocked, not unknown.
        # Third time model: the mission exit is seen again in 2006, so July 2004 lies between
        # sightings of it, and China's returns are reported beside the way, not hidden.
        later = nk.can_resettle("KP", "CN", "KR", on=dt.date(2004, 7, 1))
        assert later.verdict is nk.Verdict.DOCUMENTED
        assert any(s.kind.value == "returns-yet-leaves" for s in later.steps)
        assert {"chosun-2012-02-27", "lucschrijvers-2014-07"} <= {e.source for e in later.evidence}
        assert nk.can_resettle("KP", ["CN", "PH"], "KR", on=dt.date(2004, 2, 23)).verdict is nk.Verdict.DOCUMENTED

    def test_yunnan_to_laos_or_thailand_is_documented_but_undated(self) -> None:
        for dest in ("LA", "TH"):
            (p,) = [p for p in nk.passages("CN", dest, any_date=True) if p.undated]
            assert p.id == f"cn-{dest.lower()}-overland"
            assert p.channel is nk.Channel.OVERLAND and p.undated
            assert sources_of(p) == {"dailynk-long-road"}
            assert p not in nk.passages("CN", dest, on=dt.date(2010, 1, 1))
        # the second collection dates other legs: China to Laos is last known by 2010,
        # China to Thailand is between sightings (2005-2017)
        assert {p.id for p in nk.passages("CN", "LA", any_date=True)} == {
            "cn-la-overland", "cn-la-border-crossing", "cn-la-border-crossing-2013",
            "cn-la-overland-2018"}  # third collection: NK News, January 2018
        # between the crossings seen up to 2010 and in 2013 (third time model)
        assert [p.id for p in nk.passages("CN", "LA", on=dt.date(2010, 1, 1))] == [
            "cn-la-border-crossing", "cn-la-border-crossing-2013"]
        assert [p.id for p in nk.passages("CN", "TH", on=dt.date(2010, 1, 1))] == ["cn-th-overland-journey"]

    @pytest.mark.parametrize(("via", "day", "verdict"), [
        # the Philippines: the way out of the foreign missions, March 2002 to mid-2004
        (["CN", "PH"], dt.date(2002, 9, 11), nk.Verdict.DOCUMENTED),
        (["CN", "PH"], dt.date(2003, 6, 1), nk.Verdict.DOCUMENTED),
        (["CN", "PH"], dt.date(2005, 1, 1), nk.Verdict.BLOCKED),  # China's returns 1998-2006 (CASS, third collection)
        (["CN", "SG"], dt.date(2002, 9, 12), nk.Verdict.DOCUMENTED),
        # Thailand: the second collection dates the way in and the deportation to Seoul
        (["CN", "TH"], dt.date(2009, 6, 1), nk.Verdict.DOCUMENTED),
        # 2016 lies between a permitted departure (July 2013) and a transfer (August 2017):
        # two channels, so two series; cases of 2014-2016 see the way-unknown legs then
        (["CN", "TH"], dt.date(2016, 6, 1), nk.Verdict.DOCUMENTED),
        (["CN", "TH"], dt.date(2023, 10, 9), nk.Verdict.BLOCKED),  # China is sending people back
        # Laos: the nine were reported sent back to North Korea in May 2013 (both dates)
        (["CN", "LA"], dt.date(2013, 5, 28), nk.Verdict.BLOCKED),
        (["CN", "LA"], dt.date(2013, 5, 31), nk.Verdict.BLOCKED),
        # Vietnam: the airlift leg is documented, and the way from China to Vietnam lies between
        # a sighting ending 27 July 2004 (open start) and the next (third time model)
        (["CN", "VN"], dt.date(2004, 7, 28), nk.Verdict.DOCUMENTED),
        # Mongolia: entry (2023) and deportation (2011) are seen years apart; China's returns
        # over two decades to 2014 (the COI, third collection) block the leg out of China
        (["CN", "MN"], dt.date(2011, 6, 1), nk.Verdict.BLOCKED),
        (["CN", "MN"], dt.date(2023, 5, 1), nk.Verdict.BLOCKED),  # China's returns, 2021-2023 (HRW)
        (["CN", "MN"], dt.date(2023, 10, 9), nk.Verdict.BLOCKED),
        (["CN", "MM"], dt.date(2008, 12, 22), nk.Verdict.UNDOCUMENTED),
    ])
    def test_dated_verdicts_of_asian_routes(self, via: list[str], day: dt.date, verdict: nk.Verdict) -> None:
        # The legs as named (exact): each leg's passage or the policy that blocks it.
        assert nk.can_resettle("KP", via, "KR", on=day, exact=True).verdict is verdict

    def test_documented_leg_shows_even_when_the_route_is_undocumented(self) -> None:
        a = nk.can_resettle("KP", ["CN", "VN"], "KR", on=dt.date(2004, 7, 28), exact=True)
        assert any(line.startswith("VN > KR") and "airlift" in line for line in a.explanation)
        assert any(line.startswith("CN > VN: border-crossing, between sightings") for line in a.explanation)
        mn = nk.can_resettle("KP", ["CN", "MN"], "KR", on=dt.date(2011, 6, 1), exact=True)
        assert {"anadolu-2023-08-16", "voa-2002-09-11", "lucschrijvers-2014-07"} <= cited(mn)
        assert "econlog-2011-06-escape-to-mongolia" not in cited(mn)

    def test_conflicts_are_recorded_with_every_version(self) -> None:
        found = {c.id: set(c.versions) for c in nk.conflicts()}
        assert found["cn-spanish-embassy-entry-date-2002"] == {
            "cn-spanish-embassy-25-2002", "cn-spanish-embassy-25-2002-wt"}
        assert found["cn-group-21-2002-count"] == {
            "cn-group-21-2002", "cn-group-21-2002-ap", "cn-group-21-2002-wt"}

    def test_each_conflict_cites_every_side(self) -> None:
        sides = {c.id: sources_of(c) for c in nk.conflicts()}
        assert sides["cn-spanish-embassy-entry-date-2002"] == {"bbc-2002-03-16",
                                                               "washingtontimes-2002-09-12"}
        assert sides["cn-group-21-2002-count"] == {"voa-2002-09-11", "ap-2002-09-11",
                                                   "washingtontimes-2002-09-12"}

    # From the second collection (public-reports-2.md):
    @pytest.mark.parametrize(("id", "spans"), [
        ("cn-2021-07-forced-return", {"2021-07-14"}),
        ("cn-2020-2024-forced-returns-hrw", {"2020/2024-04-26", "2024-04-26"}),
        ("cn-2024-2025-forced-returns-hrw", {"2024/2025-10-15"}),
    ])
    def test_china_s_returns_2021_to_2025(self, id: str, spans: set[str]) -> None:
        p = policy_entry(id)
        assert p.repatriates is True and happened_spans(p) == spans

    def test_china_s_returns_figures_and_blocked_years(self) -> None:
        assert self.kb.entry("cn-forced-returns-2024-2025-hrw-406").value == nk.Quantity(406, nk.Qualifier.AT_LEAST)  # type: ignore[union-attr]
        assert self.kb.entry("cn-forced-returns-since-2020-hrw-670").value == nk.Quantity(670, nk.Qualifier.MORE_THAN)  # type: ignore[union-attr]
        counts = {c.id: c.people for c in nk.cases(country="CN", outcome="repatriated")
                  if str(c.date) == "2024-04-26"}
        assert counts == {"cn-returns-60-2024-04-26-hrw": nk.Quantity(60, nk.Qualifier.ABOUT),
                          "cn-returns-200-2024-04-26-yonhap": nk.Quantity(200, nk.Qualifier.ABOUT)}
        # RFA's 50-60 gives no day or sending country of its own (audit 2026-12): it is not dated
        # 26 April, and stands in North Korea with an open start, a version of the count conflict
        rfa = self.kb.entry("kp-sent-back-50-60-rfa-2024")
        assert rfa.people == nk.Quantity(50, nk.Qualifier.AT_LEAST) and str(rfa.date) == "../2024-05-05"  # type: ignore[union-attr]
        assert rfa.route is None  # type: ignore[union-attr]
        (count,) = [c for c in nk.conflicts() if c.id == "cn-returns-2024-04-26-count"]
        assert "kp-sent-back-50-60-rfa-2024" in count.versions
        assert self.kb.entry("cn-returns-50-2021-07-14").people == nk.Quantity(50, nk.Qualifier.ABOUT)  # type: ignore[union-attr]
        # 2021-2022: China returns people, yet the way out across its border to a third country
        # lies between sightings (2015, 2023-10-04): documented "in principle"
        for year in (2021, 2022):
            a = nk.can_resettle("KP", "CN", "KR", on=dt.date(year, 7, 1))
            assert a.verdict is nk.Verdict.DOCUMENTED, year
            assert any(f"China sends North Koreans back in principle on {year}-07-01" in line
                       for line in a.explanation)
            assert {b.entry: b.support for b in a.backing}["cn-2020-2024-forced-returns-hrw"] is nk.Support.SEEN
        # 2024-2025: no way out is seen after October 2023, and the returns are: blocked
        for year in (2024, 2025):
            a = nk.can_resettle("KP", "CN", "KR", on=dt.date(year, 7, 1))
            assert a.verdict is nk.Verdict.BLOCKED, year
            assert any(line.startswith(f"CN > KR: blocked on {year}-07-01") for line in a.explanation)
