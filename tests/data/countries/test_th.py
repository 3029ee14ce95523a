"""Thailand: what researchers rely on from public-reports-3-resettlement.md (section 9): 73
refugee claims in 2004 and claims sent on to third countries (undated)."""

from __future__ import annotations

import datetime as dt

from facts import CountryFacts, conflict, happened_spans, ids_of, passage_entry, sources_of, statement, statistic

import nkasylum as nk


def _sources(entry: object) -> set[str]:
    return {e.source for e in entry.evidence}  # type: ignore[attr-defined]


class TestThailand(CountryFacts):
    code = "TH"

    def test_claims_of_2004_and_onward_transfer(self) -> None:
        (s,) = [s for s in nk.statistics(country="TH") if s.id == "th-refugee-claims-2004-rfa"]
        assert s.value == nk.Quantity(73, unit=nk.Unit.APPLICATIONS) and s.year == 2004
        (p,) = [p for p in nk.policies("TH") if p.id == "th-refugee-claims-not-accepted-sent-on-rfa"]
        assert p.returns_to == ()  # sent on to third countries, not sent back
        assert p.undated

    def test_arrests_for_illegal_entry_are_dated_sightings_2009_to_2020(self) -> None:
        p = statement("TH", "th-arrested-for-illegal-entry-2009-2020")
        assert p.classification == (nk.Classification.ILLEGAL_ENTRANT,)
        assert {"2009-10-29", "2010-10/2011-04", "2013-07-22", "2013-07", "2018",
                "2020-11-20"} <= happened_spans(p)
        # the 1 June 2018 arrests and the 2011 statement are seen on their reports' dates
        assert {"thaich-2018-06-01", "ajunews-2011-05-06"} <= _sources(p)
        assert nk.source("thaich-2018-06-01").published == nk.When.parse("2018-06-01")

    def test_thailand_does_not_send_them_back_to_north_korea(self) -> None:
        p = statement("TH", "th-not-sent-back-to-north-korea")
        assert p.repatriates is False
        assert {"grantmontgomery-2010-01-01", "xbomberth-2020-11-21",
                "dailynkjp-60500-undated"} <= _sources(p)
        assert nk.source("grantmontgomery-2010-01-01").quote_for(
            "We don't have the policy to send them back to North Korea") is not None
        # no statement in the data says Thailand sends anyone back to North Korea
        assert not [q.id for q in nk.policies("TH") if q.repatriates]

    def test_detention_and_fines_are_procedures_not_returns(self) -> None:
        detention = statement("TH", "th-immigration-detention-2009-2018")
        assert detention.repatriates is None and detention.returns_to == ()
        assert {"2009", "2009-01/2009-09", "2009-10-30", "2009-01/2009-02", "2018"} <= happened_spans(detention)
        assert "upi-2016-05-25" in _sources(detention)
        fines = statement("TH", "th-court-and-fine-for-illegal-entry")
        assert any("20,000 baht" in x for x in fines.procedures)
        # the law and the fine stand only on undated pages
        assert nk.source("dailynkjp-56492-undated").published is None

    def test_exits_to_south_korea_use_the_channel_the_words_name(self) -> None:
        expected = {
            "th-kr-permitted-departure-after-detention": nk.Channel.PERMITTED_DEPARTURE,
            "th-kr-deportation-2011": nk.Channel.DEPORTATION,
            "th-kr-assisted-transfer-on-request": nk.Channel.ASSISTED_TRANSFER,
            "th-kr-handover": nk.Channel.HANDOVER,
            "th-kr-foreign-mission-2016": nk.Channel.FOREIGN_MISSION,
            "th-kr-flight-2016": nk.Channel.FLIGHT,
        }
        for pid, channel in expected.items():
            assert passage_entry("TH", "KR", pid).channel is channel
        # 'deported' stands in the 2011 Bangkok Post text; 'handed to South Korea' in 2020
        assert "koreaherald-2011-05-08" in _sources(passage_entry("TH", "KR", "th-kr-deportation-2011"))
        assert "xbomberth-2020-11-21" in _sources(passage_entry("TH", "KR", "th-kr-handover"))
        assert passage_entry("TH", "KR", "th-kr-foreign-mission-2016").actor == "South Korean Embassy in Bangkok"
        departure = passage_entry("TH", "KR", "th-kr-permitted-departure-after-detention")
        assert "democracyforburma-2008-12-31" in _sources(departure)

    def test_united_states_processing_from_march_2006(self) -> None:
        p = passage_entry("TH", "US", "th-us-refugee-programme-2006")
        assert p.channel is nk.Channel.REFUGEE_PROGRAMME and happened_spans(p) == {"2006-03-03"}

    def test_crossings_from_laos_are_dated_2009_to_2020(self) -> None:
        p = passage_entry("LA", "TH", "la-th-border-crossing-2009-2020")
        assert p.channel is nk.Channel.BORDER_CROSSING
        assert {"2009-10-21", "2018", "2020-11-20"} <= happened_spans(p)
        overland = passage_entry("LA", "TH", "la-th-overland-undated")
        assert overland.channel is nk.Channel.OVERLAND
        assert nk.source("hurriyet-reuters-undated").published is None

    def test_custody_counts_keep_their_qualifiers_and_their_conflicts(self) -> None:
        assert statistic("th-custody-2009-immigration").value == nk.Quantity(1000, nk.Qualifier.MORE_THAN)
        assert statistic("th-custody-2008-immigration").value == nk.Quantity(400, nk.Qualifier.FEWER_THAN)
        assert statistic("th-estimate-2008-lfnkr").value == nk.Quantity(1500, nk.Qualifier.ABOUT)
        assert set(conflict("th-2008-count").versions) == {"th-custody-2008-immigration", "th-estimate-2008-lfnkr"}
        assert set(conflict("th-2009-count").versions) == {
            "th-custody-2009-immigration", "th-estimate-2009-lfnkr", "th-arrivals-2009"}

    def test_about_2000_a_year_in_2016_against_535(self) -> None:
        rate = statistic("th-arrivals-about-2000-a-year-2016")
        assert rate.value == nk.Quantity(2000, nk.Qualifier.ABOUT)
        assert rate.year is None and str(rate.as_of) == "2016" and rate.via == nk.place("LA")
        assert rate.arrivals
        assert set(conflict("th-arrivals-2016-about-2000-or-535").versions) == {
            "th-arrivals-about-2000-a-year-2016", "th-arrivals-2016"}

    def test_partial_year_counts_stay_out_of_the_yearly_series(self) -> None:
        points = nk.series("arrests-in-thailand", country="TH")
        assert {p.year for p in points} == {2005, 2007}
        assert str(statistic("th-arrests-2010-10-2011-04").as_of) == "2010-10/2011-04"
        assert statistic("th-arrivals-from-laos-2018-dailynkjp").value == nk.Quantity(30, nk.Qualifier.MORE_THAN)
        assert statistic("th-arrivals-from-laos-2018-02-dailynkjp").value == nk.Quantity(20, nk.Qualifier.ALMOST)

    def test_the_six_women_of_20_november_2020(self) -> None:
        c = nk.case("th-six-women-mekong-2020-11-20")
        assert str(c.date) == "2020-11-20" and str(c.route) == "LA > TH"
        assert c.people == nk.Quantity(6) and c.channel is nk.Channel.BORDER_CROSSING
        assert c.inconsistencies  # Chiang Saen or Chiang Khong

    def test_the_2009_mekong_group_and_the_bueng_kan_group_keep_every_count(self) -> None:
        assert nk.case("th-42-detained-2009-10-21").people == nk.Quantity(42)
        assert nk.case("th-30-to-40-detained-2009-10-21").people == nk.Quantity(30, nk.Qualifier.AT_LEAST)
        ten, eight = nk.case("th-ten-arrested-2018-dailynkjp"), nk.case("th-bueng-kan-eight-crt")
        assert (ten.people.value, eight.people.value) == (10, 8)
        assert str(ten.date) == "2018" and eight.date is None
        assert set(conflict("th-bueng-kan-group-2018-size").versions) == {ten.id, eight.id}

    def test_policy_statements_of_2005_2006_and_2009(self) -> None:
        air = statement("TH", "th-2005-01-escorted-air-transit-not-land")
        assert any("Don Muang" in x for x in air.procedures) and happened_spans(air) == {"2005-01-24"}
        assert statement("TH", "th-no-political-asylum-sent-on").not_grants == ()  # no vocabulary value
        ask = statement("TH", "th-2009-01-asks-north-korea-to-stop-defectors")
        assert {"kbsworld-2009-01-30", "rfa-ko-2009-01-29", "hankyung-2009-01-29"} == _sources(ask)

    def test_routes_the_words_give(self) -> None:
        assert str(nk.case("th-15-detained-chiang-rai-2014").route) == "KP > CN > LA > TH"
        assert str(nk.case("th-30-to-40-detained-2009-10-21").route) == "LA > TH"
        # 'apparently' (것으로 보이는): a hedged way is no route
        assert nk.case("th-21-caught-2014-06").route is None

    def test_arrests_for_illegal_entry_count_as_arrivals(self) -> None:
        for id in ("th-arrests-2005-afp", "th-arrests-2006-afp", "th-arrests-2007-bangkokpost",
                   "th-arrests-2010-10-2011-04"):
            assert statistic(id).counts_arrivals, id
        # the Thai police figures of 2008 do not say why they were arrested
        assert not statistic("th-arrests-2008-01-08-freekorea").arrivals
        assert not statistic("th-custody-2009-immigration").arrivals

    # From the first collection (public-reports.md sections 1-3) and the foreign missions in China, 2002-2004:
    def test_thailand_tries_detains_and_deports_to_seoul(self) -> None:
        p = statement("TH", "th-illegal-entrants-sent-to-south-korea")
        assert p.undated
        assert p.repatriates is None  # deporting to South Korea is not sending back
        assert p.classification == (nk.Classification.ILLEGAL_ENTRANT,)
        assert sources_of(p) == {"wikipedia-nk-defectors-in-thailand"}
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
        assert "wikipedia-nk-defectors-in-thailand" in sources_of(exits["th-kr-permitted-departure"])

    def test_thai_arrivals_are_a_yearly_series_with_gaps(self) -> None:
        points = nk.series("arrivals-in-thailand", country="TH")
        # the third collection repeats 2004 and 2010 from the Bangkok Post and the Thai
        # Immigration Bureau chief (one point per source)
        assert [(p.year, p.value.value) for p in points] == [
            (2004, 46), (2004, 46), (2004, 46), (2005, 752), (2007, 1785), (2009, 1849),
            (2010, 2482), (2010, 2482), (2010, 2482), (2016, 535)]
        assert all(p.value.is_exact for p in points)
        half = [s for s in nk.statistics(country="TH", measure="arrivals-in-thailand") if s.year is None]
        old = [s for s in half if sources_of(s) & {"voa-2006-10-27", "timesofoman-reuters-2017-08-01"}]
        assert [(s.value, str(s.as_of)) for s in old] == [
            (nk.Quantity(400, nk.Qualifier.ABOUT), "2006-01-01/2006-10-27"),
            (nk.Quantity(385), "2017-01/2017-06")]
        assert sources_of(old[0]) == {"voa-2006-10-27"}
        assert sources_of(old[1]) == {"timesofoman-reuters-2017-08-01"}

    def test_the_two_thai_versions_never_answer_the_same_date(self) -> None:
        undated = statement("TH", "th-illegal-entrants-sent-to-south-korea")
        dated = statement("TH", "th-2008-courts-declare-refugees")
        assert undated.undated and not dated.undated
        p = nk.policy("TH", on=dt.date(2008, 3, 15))
        assert p is not None and ids_of(p)[0] == "th-2008-courts-declare-refugees"
        assert p.classification == (nk.Classification.REFUGEE, nk.Classification.ILLEGAL_ENTRANT)
        assert "th-illegal-entrants-sent-to-south-korea" not in ids_of(p)
        after = nk.policy("TH", on=dt.date(2008, 3, 16))
        # the arrests of 2009-2020 are between sightings of the same value (arrests seen in
        # 2003 and 2008) then: a value's series (third time model)
        assert after is not None and ids_of(after)[:3] == [
            "th-arrested-for-illegal-entry-2009-2020", "th-detention-then-deportation-to-third-country",
            "th-arrests-for-illegal-entry"]
        # the third collection's arrests, seen in 2003 and 2008, are between sightings then
        assert ids_of(after)[3:] == ["th-arrests-2003-2008"]
        assert after.classification == (nk.Classification.ILLEGAL_ENTRANT,)

    def test_the_conflict_over_illegal_entrants_or_refugees_has_every_version_and_source(self) -> None:
        found = {c.id: set(c.versions) for c in nk.conflicts()}
        assert found["th-treatment-illegal-entrants-or-refugees"] == {
            "th-illegal-entrants-sent-to-south-korea", "th-2008-courts-declare-refugees"}
        sides = {c.id: sources_of(c) for c in nk.conflicts()}
        assert sides["th-treatment-illegal-entrants-or-refugees"] >= {
            "wikipedia-nk-defectors-in-thailand", "mgronline-afp-2008-03-15"}
