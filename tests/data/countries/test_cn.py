"""China: the facts researchers rely on from the third collection's section 1 (China's
treatment of North Koreans 1998-2025): the dated sightings of its returns and labels, the
returns counted by event and year, the cases, and the conflicts between sources.

Sightings are read from the stored evidence (each ``happened``, else the source's date), not
from verdicts: the time model is being rewritten, the evidence is not.
"""

from __future__ import annotations

import datetime as dt

from facts import CountryFacts

import nkasylum as nk

C = nk.Classification


def _years(entry: nk.Policy | nk.Passage) -> set[int]:
    """The calendar years the entry's dated evidence covers (open starts date nothing)."""
    years: set[int] = set()
    for ev in entry.evidence:
        when = ev.happened if ev.happened is not None else nk.source(ev.source).published
        if when is None or when.lower is None:
            continue
        upper = when.upper.year if when.upper is not None else when.lower.year
        years.update(range(when.lower.year, upper + 1))
    return years


def _seen(country: str, test: object) -> set[int]:
    return {y for p in nk.policies(country) if test(p) for y in _years(p)}  # type: ignore[operator]


D = dt.date


def _policy(id: str) -> nk.Policy:
    (found,) = [p for p in nk.policies("CN") if p.id == id]
    return found


def _policy(pid: str) -> nk.Policy:
    (found,) = [p for p in nk.policies("CN") if p.id == pid]
    return found


def _passage(origin: str, dest: str, pid: str) -> nk.Passage:
    (found,) = [p for p in nk.passages(origin, dest, any_date=True) if p.id == pid]
    return found


def _conflict(cid: str) -> nk.Conflict:
    (found,) = [c for c in nk.conflicts() if c.id == cid]
    return found


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
        assert _policy("cn-2014-08-repatriated-29-upi").repatriates is True
        assert kb.support("cn-2014-08-repatriated-29-upi", on=D(2014, 8, 15)).support is nk.Support.SEEN
        october = _policy("cn-2023-10-forcible-repatriation-un-experts")
        assert october.repatriates is True
        assert "2023-10-09" in {str(e.happened) for e in october.evidence}
        # the 2019 statement urges China not to repatriate: no repatriation value of its own
        assert _policy("cn-2019-06-arrests-increasing").repatriates is None

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
        p = _policy("cn-2022-03-detained-as-illegal-immigrants")
        assert nk.Classification.ILLEGAL_IMMIGRANT in p.classification

    def test_ways_out_to_the_us_and_japan(self) -> None:
        (us,) = [p for p in nk.passages("CN", "US", any_date=True) if p.id == "cn-us-refugee-programme-2021"]
        assert us.via_third_country
        (jp,) = [p for p in nk.passages("CN", "JP", any_date=True) if p.id == "cn-jp-broker-japanese-wives-1994"]
        assert jp.channel is nk.Channel.BROKER

    def test_the_school_entrant_sent_back_in_february_2006(self) -> None:
        p = _policy("cn-2006-02-school-entrant-sent-back")
        assert p.repatriates is True and p.exceptions
        c = nk.case("cn-korean-school-woman-sent-back-2006-02-15")
        assert str(c.route) == "CN > KP" and c.outcome is nk.Outcome.REPATRIATED

    def test_mission_exits_blocked_from_2008_and_allowed_in_2011_on_conditions(self) -> None:
        p = _policy("cn-2008-2011-mission-exits-blocked")
        assert "2008/2011-04-04" in {str(e.happened) for e in p.evidence}
        c = nk.case("cn-japanese-consulate-two-women-2011-04")
        assert c.people == nk.Quantity(2) and c.outcome is nk.Outcome.LEFT_FOR_THIRD_COUNTRY
        (s,) = [s for s in nk.statistics(country="CN") if s.id == "cn-mission-seekers-japanese-2011-04"]
        assert s.value == nk.Quantity(3) and s.measure == "asylum-seekers-at-foreign-missions"

    def test_the_beijing_consulate_group_is_five_or_four(self) -> None:
        five, four = nk.case("cn-consulate-beijing-five-krnews21"), nk.case("cn-consulate-beijing-four-channel-a")
        assert (five.people.value, four.people.value) == (5, 4)
        assert five.date is None and str(five.route) == "CN > third country > KR"
        assert set(_conflict("cn-consulate-beijing-group-five-or-four").versions) == {
            five.id, four.id, "cn-consulate-5-to-seoul-2012-04"}
        p = _passage("CN", "KR", "cn-kr-permitted-departure-2012")
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
        assert set(_conflict("cn-ningbo-workers-2016-route").versions) == {thai.id, malaysia.id}
        assert _passage("CN", "TH", "cn-th-flight-2016").channel is nk.Channel.FLIGHT
        assert _passage("TH", "LA", "th-la-overland-2016").channel is nk.Channel.OVERLAND

    def test_a_thai_officer_says_china_and_laos_send_them_home(self) -> None:
        assert _policy("cn-2009-sends-them-home-thai-police").repatriates is True
        assert _passage("CN", "LA", "cn-la-border-crossing-2013").channel is nk.Channel.BORDER_CROSSING
