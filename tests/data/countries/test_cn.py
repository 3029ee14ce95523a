"""China: the facts researchers rely on about foreign missions and the ways south
(public-reports-3-southeast-asia.md, sections 1, 2, 9, 10 and 12)."""

from __future__ import annotations

from facts import CountryFacts

import nkasylum as nk


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
