"""Laos: what researchers rely on from public-reports-3-resettlement.md (section 10): the
nine North Koreans arrested on 10 May 2013 and deported to China on 27 May 2013."""

from __future__ import annotations

import datetime as dt

from facts import (
    CountryFacts,
    cited,
    conflict,
    happened_spans,
    ids_of,
    passage_entry,
    policy_entry,
    resting_on,
    sources_of,
    statement,
    support_on,
)

import nkasylum as nk


class TestLaos(CountryFacts):
    code = "LA"

    def test_nine_deported_to_china_on_27_may_2013(self) -> None:
        c = nk.case("la-nine-deported-to-china-2013-05-27-unhcr")
        assert str(c.date) == "2013-05-10/2013-05-27" and str(c.route) == "LA > CN"
        assert c.channel is nk.Channel.DEPORTATION and c.people == nk.Quantity(9)
        (p,) = [p for p in nk.policies("LA") if p.id == "la-2013-05-deported-nine-to-china-un"]
        assert p.returns_to == (nk.country("CN"),)

    def test_2012_return_to_china_unless_a_fine_is_paid(self) -> None:
        p = statement("LA", "la-2012-fine-or-return-to-china")
        assert p.returns_to == (nk.country("CN"),) and p.repatriates is None
        assert any("300 dollars" in x for x in p.procedures) and p.exceptions
        handover = passage_entry("LA", "KR", "la-kr-handover-2012")
        assert handover.channel is nk.Channel.HANDOVER
        assert handover.actor == "South Korean Embassy in Laos"

    def test_the_may_2013_handover_under_decree_136(self) -> None:
        p = statement("LA", "la-2013-05-decree-136-handover")
        assert p.repatriates is True
        assert any("Decree No. 136" in x for x in p.procedures)
        assert "2013-05-10/2013-05-31" in happened_spans(p)
        assert nk.source("rfa-2013-05-31").quote_for("Decree No. 136 on Immigration") is not None
        case = nk.case("la-nine-handed-over-decree-136-2013-05")
        assert case.people == nk.Quantity(9) and case.outcome is nk.Outcome.REPATRIATED

    def test_the_stated_rule_of_30_may_2013(self) -> None:
        p = statement("LA", "la-2013-05-illegal-entrants-returned-home")
        assert p.classification == (nk.Classification.ILLEGAL_ENTRANT,) and p.repatriates is True
        assert {e.source for e in p.evidence} == {"donga-2013-05-31"}
        assert str(nk.source("donga-2013-05-31").published) == "2013-05-31"

    def test_nine_returned_to_north_korea_via_china(self) -> None:
        assert "2013-05" in happened_spans(statement("LA", "la-2013-05-nine-returned-via-china"))
        assert str(nk.case("la-nine-returned-via-china-2013").route) == "LA > CN > KP"
        assert statement("LA", "la-2013-05-nine-expelled-to-china").returns_to == (nk.country("CN"),)

    def test_the_2008_legal_assistance_treaty_is_a_rule_from_june_2008(self) -> None:
        p = statement("LA", "la-2008-06-legal-assistance-treaty-with-dprk")
        assert p.basis is nk.Basis.RULE and str(p.valid_from) == "2008-06" and p.valid_until is None
        assert p.repatriates is None  # its bearing on returns is not in the words

    def test_the_years_before_may_2013_are_told_two_ways(self) -> None:
        c = conflict("la-route-before-2013")
        assert set(c.versions) == {"la-th-deportation-undated", "la-kr-handover-before-2013"}
        assert passage_entry("LA", "TH", "la-th-deportation-undated").channel is nk.Channel.DEPORTATION
        assert passage_entry("LA", "KR", "la-kr-flight-before-2013").channel is nk.Channel.FLIGHT
        # 'until now' has no start: each of these sightings is open-ended
        assert happened_spans(passage_entry("LA", "KR", "la-kr-handover-before-2013")) == {"../2013-05-29"}

    def test_the_ages_of_the_nine_are_disputed(self) -> None:
        c = conflict("la-nine-2013-ages")
        assert "voanews-laos-deports-undated" in {e.source for e in c.evidence}
        assert nk.source("voanews-laos-deports-undated").quote_for("15 to 23 years old") is not None
        # the Lao statement's ages, found on the collector's line by rfa-2013-05-31's marker
        assert nk.source("rfa-2013-05-31").located_by == ("Lao statement",)
        assert "rfa-2013-05-31" in {e.source for e in c.evidence}
        nine = nk.case("la-nine-handed-over-decree-136-2013-05")
        assert "aged between 14 to 18 years" in {e.anchor for e in nine.evidence}

    def test_arrests_near_the_chinese_border_2012_to_2014(self) -> None:
        p = statement("LA", "la-arrests-near-chinese-border-2012-2014")
        assert {"2012-07-16/2012-07-22", "2013-05-10", "2014-10-16"} <= happened_spans(p)
        assert nk.case("la-twenty-caught-northwest-2012-07").people == nk.Quantity(20, nk.Qualifier.MORE_THAN)
        assert str(nk.case("la-six-arrested-2014-10-16").date) == "2014-10-16"

    def test_2005_land_crossing_only_and_the_us_embassy_case(self) -> None:
        p = statement("LA", "la-2005-01-land-crossing-only")
        assert any("land crossing" in x for x in p.procedures)
        case = nk.case("la-an-kyong-su-us-embassy-2005-01")
        assert case.channel is nk.Channel.FOREIGN_MISSION and case.outcome is nk.Outcome.PENDING

    def test_north_koreans_waiting_in_laos_in_november_2020(self) -> None:
        stats = {s.id: s for s in nk.statistics(country="LA", measure="north-koreans-waiting-in-laos")}
        assert stats["la-waiting-to-cross-2020-11-asiatimes"].value == nk.Quantity(200)
        assert stats["la-waiting-bangkokshuho"].value == nk.Quantity(200, nk.Qualifier.MORE_THAN)
        assert set(conflict("la-waiting-2020-count").versions) == set(stats)

    def test_the_un_accounts_of_where_the_nine_went_are_versions_of_the_dispute(self) -> None:
        (c,) = [c for c in nk.conflicts() if c.id == "la-nine-2013-sent-where"]
        assert {"la-nine-deported-to-china-2013-05-27-unhcr", "cn-nine-from-laos-returned-via-china-2013-05",
                "la-2013-05-deported-nine-to-china-un", "la-nine-handed-to-dprk-embassy-2013"} <= set(c.versions)

    # From the first collection (public-reports.md sections 1-3) and the foreign missions in China, 2002-2004:
    def test_laos_nine_in_may_2013_two_versions(self) -> None:
        china = nk.case("la-nine-deported-to-china-2013")
        embassy = nk.case("la-nine-handed-to-dprk-embassy-2013")
        assert china.people == embassy.people == nk.Quantity(9)
        assert china.outcome is nk.Outcome.DEPORTED and str(china.route) == "LA > CN"
        assert embassy.outcome is nk.Outcome.REPATRIATED
        # each version is dated only as "by its report": open start, day precision
        assert (str(china.date), str(embassy.date)) == ("../2013-05-28", "../2013-05-31")
        assert china.date.precision is nk.DatePrecision.DAY
        # Chosun (29 May) and others report the nine sent to North Korea in May 2013
        # (the third collection adds its own statements of the same days: test_la.py)
        assert {"la-2013-nine-deported-to-china", "la-2013-05-nine-sent-to-north-korea"} <= set(
            ids_of(nk.policy("LA", on=dt.date(2013, 5, 28))))
        assert nk.policy("LA", on=dt.date(2013, 5, 28)).repatriates is True  # type: ignore[union-attr]
        assert statement("LA", "la-2013-nine-deported-to-china").repatriates is None
        assert nk.policy("LA", on=dt.date(2013, 5, 31)).repatriates is True  # type: ignore[union-attr]

    def test_laos_earlier_practice_of_flying_people_to_incheon_is_undated(self) -> None:
        # Daily NK's words name neither Laos nor North Koreans: the practice rests on others now
        assert resting_on("dailynk-laos-crisis") == []
        found = {p.id: p for p in nk.passages("LA", "KR", any_date=True)}
        # the audit's split (handover, assisted transfer) and the third collection's ways
        # (tests/data/countries/test_la.py)
        assert {"la-kr-quiet-handover", "la-kr-assisted-transfer", "la-kr-embassy-flight-2013", "la-kr-flight-2018",
                "la-kr-handover-2012", "la-kr-handover-before-2013", "la-kr-flight-before-2013",
                "la-kr-assisted-transfer-before-2013", "la-kr-permitted-departure-before-2013"} == set(found)
        p = found["la-kr-quiet-handover"]
        # "quietly handing over": a handover, not a deportation (audit 2026-12)
        assert p.channel is nk.Channel.HANDOVER and p.undated
        assert sources_of(p) == {"chosun-2013-05-29"}
        helped = found["la-kr-assisted-transfer"]
        assert helped.channel is nk.Channel.ASSISTED_TRANSFER and helped.undated
        assert sources_of(helped) == {"washingtonpost-2013-06-14"}
        assert found["la-kr-embassy-flight-2013"].channel is nk.Channel.FOREIGN_MISSION

    def test_laos_blocked_cites_the_embassy_report(self) -> None:
        a = nk.can_resettle("KP", ["CN", "LA"], "KR", on=dt.date(2013, 5, 31), exact=True)
        assert "rfa-2013-05-31" in cited(a)
        assert any(line.startswith("LA > KR: blocked") for line in a.explanation)

    def test_an_answer_resting_on_a_disputed_entry_says_so(self) -> None:
        a = nk.can_resettle("KP", ["CN", "LA"], "KR", on=dt.date(2013, 5, 31), exact=True)
        assert "la-nine-2013-sent-where" in a.disputed
        assert any(line.startswith("Disputed:") and "Laos" in line for line in a.explanation)
        calm = nk.can_resettle("KP", ["CN", "PH"], "KR", on=dt.date(2003, 6, 1), exact=True)
        assert calm.disputed == () and not any("Disputed" in line for line in calm.explanation)

    def test_the_conflict_over_where_the_nine_were_sent_has_every_version_and_source(self) -> None:
        found = {c.id: set(c.versions) for c in nk.conflicts()}
        assert found["la-nine-2013-sent-where"] >= {"la-2013-nine-deported-to-china",
                                                    "la-2013-nine-handed-to-dprk-embassy"}
        sides = {c.id: sources_of(c) for c in nk.conflicts()}
        assert sides["la-nine-2013-sent-where"] == {"refworld-rfa-2013-05-28", "rfa-2013-05-31",
                                                    "activeboard-unhcr-2013-undated", "reuters-2013-05-31"}

    # From the second collection (public-reports-2.md):
    def test_laos_sent_nine_back_to_north_korea_in_may_2013(self) -> None:
        p = policy_entry("la-2013-05-nine-sent-to-north-korea")
        assert p.repatriates is True and p.basis is nk.Basis.OBSERVATION
        assert happened_spans(p) == {"2013-05", "2013-05-16/2013-05-29"}
        case = self.kb.entry("la-nine-sent-to-north-korea-2013-05")
        assert isinstance(case, nk.Case)
        assert case.people == nk.Quantity(9) and case.outcome is nk.Outcome.REPATRIATED
        assert str(case.route) == "LA > KP" and str(case.date) == "2013-05"
        assert support_on(p.id, dt.date(2013, 5, 10)) is nk.Support.SEEN
        day = dt.date(2013, 5, 10)
        assert nk.can_resettle("KP", ["CN", "LA"], "KR", on=day, exact=True).verdict is nk.Verdict.BLOCKED
        # As waypoints, Laos is not sealed: a passage out of it (to Thailand) is documented then.
        assert nk.can_resettle("KP", ["CN", "LA"], "KR", on=day).verdict is nk.Verdict.UNDOCUMENTED

    def test_border_control_agreed_with_thailand_in_2005_and_2006(self) -> None:
        # Two pages the project collected (RFA Korean, 28 March 2005 and 9 December 2006) state
        # one procedure, so 1 July 2005 is between sightings; no return or classification is set.
        (p,) = [p for p in nk.policies("LA") if p.id == "la-2005-2006-border-control-with-thailand"]
        assert p.returns_to == () and p.classification == () and p.repatriates is None
        assert all(nk.source(e.source).collected for e in p.evidence)
        cells = {c.on.year: c.support for c in nk.coverage(["LA"], range(2004, 2007))}
        assert cells[2004] is nk.Support.UNDATED
        assert cells[2005] is nk.Support.BETWEEN_SIGHTINGS

