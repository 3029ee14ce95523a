"""Russia: the facts researchers rely on from the third collection's section 3 (Russia
2004-2024): returns and the readmission agreement (prepared 2014, signed February 2016, two
dates), asylum figures, North Korean workers and entries, and the 2024 treaty.

Sightings are read from the stored evidence, not from verdicts (the time model is being
rewritten).
"""

from __future__ import annotations

import datetime as dt

import pytest
from facts import CountryFacts, happened_spans, policy_entry, sources_of, statement, support_on

import nkasylum as nk

NEAR = dt.timedelta(days=30)  # a gap cap that keeps answers to what is seen around the day
FIVE_YEARS = dt.timedelta(days=5 * 365)


class TestRussia(CountryFacts):
    code = "RU"

    # ------------------------------------------------------------- returns
    def test_returns_are_dated_2007_and_2008(self) -> None:
        handover = self.kb.entry("ru-2007-11-asylum-seeker-handed-to-north-korean-agents")
        extradition = self.kb.entry("ru-2008-extradited-defector")
        assert isinstance(handover, nk.Policy) and isinstance(extradition, nk.Policy)
        assert handover.repatriates is True and happened_spans(handover) == {"2007-11"}
        assert extradition.repatriates is True and happened_spans(extradition) == {"2008"}
        case = nk.case("ru-asylum-seeker-handed-to-north-korean-agents-2007-11")
        assert case.channel is nk.Channel.HANDOVER and case.outcome is nk.Outcome.REPATRIATED

    def test_the_seven_unhcr_refugees_sent_to_china_are_undated(self) -> None:
        seven = nk.case("ru-seven-unhcr-refugees-deported-to-china")
        assert seven.date is None and seven.people == nk.Quantity(7)
        assert str(seven.route) == "RU > CN" and seven.channel is nk.Channel.DEPORTATION
        policy = self.kb.entry("ru-returned-seven-unhcr-refugees-to-china-undated")
        assert isinstance(policy, nk.Policy) and policy.returns_to == (nk.place("CN"),)

    def test_the_ambassadors_denial_is_kept_beside_the_returns(self) -> None:
        denial = self.kb.entry("ru-2018-02-no-forced-returns")
        assert isinstance(denial, nk.Policy) and denial.repatriates is None and denial.exceptions
        (c,) = [c for c in nk.conflicts() if c.id == "ru-forced-returns-denied-2018"]
        assert {"ru-2018-02-no-forced-returns", "ru-2008-extradited-defector"} <= set(c.versions)

    # ------------------------------------------------------------- the readmission agreement
    def test_the_agreement_was_prepared_in_2014_and_not_in_force(self) -> None:
        p = self.kb.entry("ru-2014-readmission-agreement-prepared")
        assert isinstance(p, nk.Policy) and p.repatriates is None
        assert "2014-09" in happened_spans(p)
        assert any("1682" in a for a in p.agreements)

    def test_the_agreement_was_signed_in_february_2016_with_two_dates(self) -> None:
        signed = self.kb.entry("ru-2016-02-02-readmission-agreement-signed")
        meduza = self.kb.entry("ru-2016-02-03-agreement-meduza")
        assert isinstance(signed, nk.Policy) and isinstance(meduza, nk.Policy)
        assert signed.basis is nk.Basis.OBSERVATION and signed.valid_from is None  # no entry into force
        assert "2016-02-02" in happened_spans(signed) and happened_spans(meduza) == {"2016-02-03"}
        assert signed.repatriates is True and any("30 days" in p for p in signed.procedures)
        (c,) = [c for c in nk.conflicts() if c.id == "ru-readmission-signing-day-2016"]
        assert set(c.versions) >= {signed.id, meduza.id, "ru-readmission-agreement"}
        quote = nk.source("gazeta-2016-02-03").quote_for("Срок передачи задержанных нелегальных мигрантов")
        assert quote is not None and "30 дней" in quote

    def test_no_entry_into_force_is_invented(self) -> None:
        for p in nk.policies("RU"):
            if any("readmission" in a.lower() or "transfer and admission" in a.lower() for a in p.agreements):
                assert p.basis is nk.Basis.OBSERVATION, p.id

    # ------------------------------------------------------------- asylum figures
    def test_asylum_figures_2004_2014(self) -> None:
        figures = {s.id: s for s in nk.statistics(country="RU")}
        expected = {
            "ru-refugee-status-applications-2004-2014-rbc": nk.Quantity(211, unit=nk.Unit.APPLICATIONS),
            "ru-asylum-applications-2004-2014-rbc": nk.Quantity(170, unit=nk.Unit.APPLICATIONS),
            "ru-refugee-status-granted-2004-2014-rbc": nk.Quantity(2),
            "ru-temporary-asylum-granted-2004-2014-rbc": nk.Quantity(90),
        }
        for id, value in expected.items():
            assert figures[id].value == value and str(figures[id].as_of) == "2004/2014", id

    def test_temporary_asylum_on_the_fourth_application(self) -> None:
        c = nk.case("ru-temporary-asylum-fourth-application-2016-05-26")
        assert str(c.date) == "2016-05-26" and c.applications == 4
        assert c.outcome is nk.Outcome.TEMPORARY_ASYLUM
        refused = nk.case("ru-temporary-asylum-refused-2016-01")
        assert refused.outcome is nk.Outcome.REJECTED and str(refused.date) == "../2016-01-27"

    # ------------------------------------------------------------- workers and entries
    def test_workers_are_sighted_year_by_year(self) -> None:
        seen = {h for p in nk.passages("KP", "RU", any_date=True)
                if p.channel is nk.Channel.LABOUR_CONTRACT for h in happened_spans(p)}
        assert {"2015-01/2015-03", "2017-09/2018-08-03", "2018-12"} <= seen
        ids = {p.id for p in nk.passages("KP", "RU", any_date=True)}
        assert {"kp-ru-labour-contract-2010-loggers", "kp-ru-labour-contract-2018-07-halved"} <= ids

    def test_worker_figures_keep_their_qualifiers(self) -> None:
        figures = {s.id: s for s in nk.statistics(country="RU")}
        assert figures["ru-nk-work-permits-2015-q1"].value == nk.Quantity(47364)
        assert str(figures["ru-nk-work-permits-2015-q1"].as_of) == "2015-01/2015-03"
        assert figures["ru-nk-workers-2018-12"].value == nk.Quantity(11000)
        assert figures["ru-nk-workers-fewer-than-10000-undated"].value == nk.Quantity(10000, nk.Qualifier.FEWER_THAN)
        assert figures["ru-nk-workers-registered-2017-09-2018-08"].value == nk.Quantity(10000, nk.Qualifier.MORE_THAN)
        could = figures["ru-nk-workers-could-employ-2022"]
        assert could.value == nk.Quantity(20000, nk.Qualifier.AT_LEAST) and "50,000" in could.note
        (c,) = [c for c in nk.conflicts() if c.id == "ru-nk-workers-after-the-resolution"]
        assert {"ru-nk-workers-2018-12", "ru-nk-workers-2019-09"} <= set(c.versions)

    def test_entries_into_russia_by_year(self) -> None:
        points = {p.year: p.value for p in nk.series("nk-entries-to-russia", country="RU")}
        assert points == {2019: nk.Quantity(21000), 2021: nk.Quantity(69), 2023: nk.Quantity(1117),
                          2024: nk.Quantity(13221)}
        halves = {s.id: str(s.as_of) for s in nk.statistics(country="RU", measure="nk-entries-to-russia")}
        assert halves["ru-nk-entries-2022-h1-fsb"] == "2022-01/2022-06"
        assert halves["ru-nk-entries-2023-h1-fsb"] == "2023-01/2023-06"
        assert all(s.arrivals for s in nk.statistics(country="RU", measure="nk-entries-to-russia"))

    # ------------------------------------------------------------- the 2024 treaty
    def test_the_2024_treaty_is_dated_but_says_nothing_on_returns(self) -> None:
        treaty = self.kb.entry("ru-2024-12-04-comprehensive-strategic-partnership-treaty")
        assert isinstance(treaty, nk.Policy)
        assert happened_spans(treaty) == {"2024-10-24", "2024-12-04"}
        assert treaty.repatriates is None and treaty.admits is None

    def test_the_route_to_south_korea_through_unhcr(self) -> None:
        kbs = nk.case("ru-amur-12-to-south-korea-kbs")
        assert str(kbs.route) == "RU > KR" and kbs.channel is nk.Channel.UNHCR_OFFICE
        assert kbs.people == nk.Quantity(12)

    def test_unhcr_counts(self) -> None:
        by_id = {s.id: s for s in nk.statistics(country="RU")}
        assert by_id["ru-nk-refugees-unhcr-voa-2019-06"].value == nk.Quantity(57)
        assert by_id["ru-nk-refugees-zum-yonhap-undated"].value == nk.Quantity(50)
        assert by_id["ru-nk-refugees-zum-yonhap-undated"].as_of is None

    def test_the_nine_workers_route_runs_from_north_korea(self) -> None:
        # 'dispatched by North Korea to Russia defected to South Korea': every place, in order
        nine = nk.case("ru-nine-workers-to-south-korea-2022")
        assert str(nine.route) == "KP > RU > KR" and str(nine.date) == "2022-11/2022-12"

    # From seed 001, NK News via a repost of 16 June 2016:
    def test_kim_got_temporary_asylum_on_the_fourth_application(self) -> None:
        kim = nk.case("ru-kim-temporary-asylum-2016")
        assert kim.outcome is nk.Outcome.TEMPORARY_ASYLUM
        assert str(kim.date) == "2016-05-26"
        assert kim.applications == 4
        assert kim.people == nk.Quantity(1)

    def test_three_dismissed_applications_are_cases(self) -> None:
        # Kim's own applications (the third collection adds another refusal, reported in January 2016)
        rejected = [c for c in nk.cases(country="RU", outcome="rejected") if c.id.startswith("ru-kim-")]
        # each known to its month only: the whole month, never its first day
        assert [str(c.date) for c in rejected] == ["2014-01", "2015-11", "2015-12"]
        assert all(c.date is not None and c.date.precision is nk.DatePrecision.MONTH for c in rejected)

    def test_the_dates_that_contradict_each_other_are_kept_and_flagged(self) -> None:
        kim = nk.case("ru-kim-temporary-asylum-2016")
        assert any("late 2014" in note for note in kim.inconsistencies)
        assert any("2013" in note for note in kim.inconsistencies)
        first = nk.case("ru-kim-application-2014-01")
        assert str(first.date) == "2014-01"  # stored as written, not "corrected"
        assert first.inconsistencies
        (conflict,) = [c for c in nk.conflicts() if c.id == "ru-kim-arrival-and-first-application"]
        assert set(conflict.versions) == {first.id, kim.id}

    def test_the_readmission_deal_is_seen_when_the_report_says_it_now_allows_transfers(self) -> None:
        # "now allows" in a report of 16 June 2016: a practice seen then, not a rule from a day the
        # words do not give (fact audit 2026-11).
        (deal,) = [p for p in nk.policies("RU") if p.id == "ru-readmission-agreement"]
        assert deal.basis is nk.Basis.OBSERVATION and deal.valid_from is None
        assert deal.repatriates is True
        kb = nk.default_knowledge_base()
        assert kb.support(deal.id, on=dt.date(2016, 6, 16)).support is nk.Support.SEEN
        assert kb.support(deal.id, on=dt.date(2016, 6, 17)).support is nk.Support.LAST_KNOWN

    def test_the_fms_granted_temporary_asylum_in_2016(self) -> None:
        p = nk.policy("RU", on=dt.date(2016, 6, 1))
        assert p is not None
        assert nk.Status.TEMPORARY_ASYLUM in p.grants
        assert any("Federal Migration Service" in x for x in p.procedures)

    def test_workers_estimate_keeps_its_qualifier(self) -> None:
        (s,) = [s for s in nk.statistics(country="RU") if s.id == "ru-nk-workers-2016"]
        assert s.value == nk.Quantity(10000, nk.Qualifier.ABOUT)
        assert s.value.lower_bound is None

    def test_the_ngo_s_demand_and_criticism_are_its_positions_not_russia_s_policy(self) -> None:
        # audit 2026-12: "must receive refugee status" is a demand, filed with the positions of
        # organisations, and grants nothing
        kb = nk.default_knowledge_base()
        p = kb.entry("international-civic-assistance-2016-positions-on-russia")
        assert isinstance(p, nk.Policy) and p.country is nk.INTERNATIONAL
        assert p.grants == () and p.classification == () and p.urges == ()
        assert {e.anchor for e in p.evidence} == {
            "who seek help from the FMS must receive refugee status",
            "The organization has also criticized a recent agreement"}
        assert kb.support(p.id, on=dt.date(2016, 6, 16)).support is nk.Support.SEEN
        assert p.id not in {q.id for q in nk.policies("RU")}

    # From seed 004, Kyodo of 23 December 2009:
    def test_twelve_men_defected_in_september_with_unhcr(self) -> None:
        c = nk.case("ru-amur-12-2009")
        assert str(c.date) == "2009-09"  # "in September": the whole month
        assert c.date is not None and c.date.precision is nk.DatePrecision.MONTH
        assert c.people == nk.Quantity(12)
        assert c.channel is nk.Channel.UNHCR_OFFICE
        assert c.outcome is nk.Outcome.RESETTLED

    def test_four_applications_pending(self) -> None:
        c = nk.case("ru-unhcr-pending-4-2009")
        assert c.outcome is nk.Outcome.PENDING and c.people == nk.Quantity(4)

    def test_consulate_cases_2004_and_2006_to_2008(self) -> None:
        years = sorted(c.date.start.year for c in nk.cases(country="RU")
                       if c.channel is nk.Channel.CONSULATE and c.date is not None and c.date.lower
                       and any(e.source == "kyodo-2009-12-23" for e in c.evidence))
        assert years == [2004, 2004, 2006, 2007, 2008]  # this report's; a 2010 case has its own
        actors = {p.actor for p in nk.passages("RU", "KR", any_date=True)}
        assert {"UNHCR Moscow office", "South Korean Consulate General in Vladivostok",
                "U.S. Consulate General in Vladivostok"} <= actors

    def test_worker_figures_keep_about(self) -> None:
        values = {s.area: s.value for s in nk.statistics(country="RU", measure="nk-workers") if s.area}
        assert values["Amur Province"] == nk.Quantity(1700, nk.Qualifier.ABOUT)
        assert values["Khabarovsk"] == nk.Quantity(1100, nk.Qualifier.ABOUT)

    def test_russia_deports_in_principle_with_a_un_exception(self) -> None:
        p = nk.policy("RU", on=dt.date(2009, 12, 23))
        assert p is not None and p.repatriates is True
        assert p.exceptions and "UN" in p.exceptions[0]

    # From the first collection (public-reports.md sections 4-9):
    def test_russia_2014_deal_deports_within_30_days_but_is_not_a_rule(self) -> None:
        # The Guardian's quoted words name neither Russia nor North Korea (only the page's
        # address does): the audited data keeps no entry on it.
        assert not [p for p in nk.policies("RU") if "2014-planned" in p.id or "30-day" in p.id]
        assert not [p for p in nk.policies("RU") if any("30 days" in a for a in p.agreements)]
        assert not [e for p in nk.policies("RU") for e in p.evidence
                    if e.source == "guardian-2014-11-11"]
        assert "no entry rests on this source" in nk.source("guardian-2014-11-11").note
        # a reported plan does not close the way: 2014 stays undocumented, not blocked (with the
        # gaps of the UNHCR way, 2009 to 2022, capped at five years: uncapped it lies between them)
        a = nk.can_resettle("KP", "RU", "KR", on=dt.date(2014, 11, 11), max_gap=FIVE_YEARS)
        assert a.verdict is nk.Verdict.UNDOCUMENTED

    def test_russia_extradition_treaty_of_november_2015(self) -> None:
        p = statement("RU", "ru-2015-extradition-treaty")
        # signed in November 2015; entry into force is not documented, so it is an observation
        # seen on the report's day, not a rule from the signing month (audit 2026-12)
        assert p.basis is nk.Basis.OBSERVATION and p.valid_from is None and p.valid_until is None
        assert p.repatriates is True
        assert "November 2015" in p.agreements[0] and "entry into force not documented" in p.agreements[0]
        assert sources_of(p) == {"upi-2016-01-29"}
        assert nk.default_knowledge_base().support(p.id, on=dt.date(2016, 1, 29)).support is nk.Support.SEEN

    def test_russia_readmission_agreement_due_2_february_reported_signed_4_february(self) -> None:
        p = statement("RU", "ru-readmission-agreement-2016")
        # "signed" and 4 February came from the page's address and date: not a rule
        assert p.basis is nk.Basis.OBSERVATION
        assert p.valid_from is None and p.valid_until is None  # dated by its evidence
        assert p.repatriates is True
        assert {"upi-2016-01-29", "moscowtimes-2016-02-04"} <= sources_of(p)
        assert any(e.anchor == "the agreement is to be signed on Feb. 2" for e in p.evidence)
        kb = nk.default_knowledge_base()
        assert kb.support(p.id, on=dt.date(2016, 1, 29)).support is nk.Support.SEEN
        assert kb.support(p.id, on=dt.date(2016, 2, 4)).support is nk.Support.SEEN
        # the next day lies between its sightings and the seed's (June 2016): a value's series
        assert kb.support(p.id, on=dt.date(2016, 2, 5)).support is nk.Support.BETWEEN_SIGHTINGS
        assert kb.support(p.id, on=dt.date(2016, 2, 5), max_gap=NEAR).support is nk.Support.LAST_KNOWN
        # the seed entry is an observation seen on the repost's day, not a rule from 2015
        seed = statement("RU", "ru-readmission-agreement")
        assert seed.basis is nk.Basis.OBSERVATION and seed.valid_from is None
        assert kb.support(seed.id, on=dt.date(2016, 6, 16)).support is nk.Support.SEEN
        assert kb.support(seed.id, on=dt.date(2015, 11, 1)).support is nk.Support.NOTHING

    def test_the_signing_date_is_a_conflict_with_the_seed(self) -> None:
        (c,) = [c for c in nk.conflicts() if c.id == "ru-readmission-signing-date"]
        assert set(c.versions) == {"ru-readmission-agreement", "ru-readmission-agreement-2016"}
        # The Moscow Times' 4 February is its publication date, not a version of the signing
        assert sources_of(c) == {"nknews-repost-2016-06-16", "upi-2016-01-29"}

    @pytest.mark.parametrize("day", [dt.date(2016, 2, 4), dt.date(2016, 6, 16)])
    def test_russia_in_2016_is_blocked_and_says_disputed_on_the_reports_days(self, day: dt.date) -> None:
        # uncapped, the UNHCR way (2009 and late 2022) lies between sightings, beside the block
        assert nk.can_resettle("KP", "RU", "KR", on=day).verdict is nk.Verdict.DOCUMENTED
        a = nk.can_resettle("KP", "RU", "KR", on=day, max_gap=FIVE_YEARS)
        assert a.verdict is nk.Verdict.BLOCKED
        # the third collection's dates of the signing (2 or 3 February 2016) are disputed too
        assert set(a.disputed) == {"ru-readmission-signing-date", "ru-readmission-signing-day-2016"}
        assert any(line.startswith("Disputed:") and "ru-readmission-signing-date" in line
                   for line in a.explanation)

    @pytest.mark.parametrize("day", [dt.date(2016, 2, 5), dt.date(2016, 3, 1), dt.date(2018, 1, 1)])
    def test_after_february_2016_the_extradition_treaty_is_only_last_known(self, day: dt.date) -> None:
        # an observation seen on 29 January 2016, not a rule in force from its signing month
        backing = nk.default_knowledge_base().support("ru-2015-extradition-treaty", on=day)
        assert backing.support is nk.Support.LAST_KNOWN
        # with sightings bridged only within a month (uncapped, the readmission statements of
        # January, February and June 2016 form one series)
        a = nk.can_resettle("KP", "RU", "KR", on=day, max_gap=NEAR)
        # neither of the seed's readmission versions is seen on these days, so its conflict is
        # not raised (the third collection's versions, dated 2 and 3 February 2016, may be)
        assert "ru-readmission-signing-date" not in a.disputed
        assert not any(line.startswith("Disputed:") and "ru-readmission-signing-date" in line
                       for line in a.explanation)
        assert "moscowtimes-2016-02-04" not in {e.source for e in a.evidence}

    def test_no_2015_applicant_in_russia_was_protected(self) -> None:
        # The activist's 2015 counts do not say to which country people applied (Russia is
        # only in the address): no 2015 statistic and no 2015 "no one protected" entry.
        ids = {s.id for s in nk.statistics()}
        assert not {"ru-refugee-status-applications-2015", "ru-temporary-asylum-applications-2015",
                    "ru-protection-granted-2015-applicants"} & ids
        assert not [s for s in nk.statistics(country="RU") if s.year == 2015]
        assert "no entry rests on this source" in nk.source("refugee-ru-2016-03-22").note
        p = nk.policy("RU", on=dt.date(2015, 6, 1), max_gap=NEAR)  # uncapped, other statements' series join
        assert p is not None and p.id == "ru-2011-2019-one-grant-among-207-applicants"
        assert p.grants == ()
        # the 2015 labourer figure in the excerpt's summary is not quoted: not stored
        assert all(s.value.value != 33000 for s in nk.statistics(country="RU"))

    # From the second collection (public-reports-2.md):
    def test_russia_2022_unhcr_moscow_route(self) -> None:
        p = self.kb.entry("ru-kr-unhcr-moscow-2022")
        assert isinstance(p, nk.Passage)
        assert p.channel is nk.Channel.UNHCR_OFFICE and p.actor == "UNHCR office in Moscow"
        assert "2022-11/2022-12" in happened_spans(p)
        assert support_on(p.id, dt.date(2022, 12, 1)) is nk.Support.SEEN
        assert support_on(p.id, dt.date(2023, 6, 1)) is nk.Support.LAST_KNOWN
        assert policy_entry("international-unhcr-moscow-2022-protection").grants == (nk.Status.REFUGEE_STATUS,)
        # JoongAng's temporary protection is its own version, linked by a conflict (audit 2026-12)
        temporary = policy_entry("international-unhcr-moscow-2022-temporary-protection")
        assert temporary.grants == (nk.Status.TEMPORARY_ASYLUM,)
        (status,) = [c for c in nk.conflicts() if c.id == "international-unhcr-moscow-2022-status"]
        assert set(status.versions) == {"international-unhcr-moscow-2022-protection",
                                         "international-unhcr-moscow-2022-temporary-protection"}
        # the way into Russia is last seen as a passage in September 2019, but the nine workers'
        # case (late 2022) is a sighting of each leg of its route: documented then
        strict = nk.can_resettle("KP", "RU", "KR", on=dt.date(2022, 12, 1))
        assert strict.verdict is nk.Verdict.DOCUMENTED
        supports = {b.entry: b.support for b in strict.backing}
        assert supports["ru-kr-unhcr-moscow-2022"] is nk.Support.SEEN
        assert supports["case-leg.kp.ru.unknown-route"] is nk.Support.SEEN

    def test_third_country_asylum_permitted_since_1994(self) -> None:
        # A stored page the project collected (rule 6): 'began in 1994 ... so far' in a report
        # of 15 November 2007 is a span to the report, so 2000-2003 are seen, with no figure
        # per year and no admission or status recorded.
        p = policy_entry("ru-1994-2007-third-country-asylum-permitted")
        assert happened_spans(p) == {"1994/2007-11-15"}
        assert sources_of(p) == {"nkd-2952-dailynk-2007-11-15-page"}
        assert nk.source("nkd-2952-dailynk-2007-11-15-page").collected
        assert p.admits is None and p.grants == () and p.repatriates is None
        assert support_on(p.id, dt.date(2001, 7, 1)) is nk.Support.SEEN
        cells = {c.on.year: c.support for c in nk.coverage(["RU"], range(2000, 2004))}
        assert all(cells[y] is nk.Support.SEEN for y in range(2000, 2004))
