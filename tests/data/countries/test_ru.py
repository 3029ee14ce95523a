"""Russia: the facts researchers rely on from the third collection's section 3 (Russia
2004-2024): returns and the readmission agreement (prepared 2014, signed February 2016, two
dates), asylum figures, North Korean workers and entries, and the 2024 treaty.

Sightings are read from the stored evidence, not from verdicts (the time model is being
rewritten).
"""

from __future__ import annotations

from facts import CountryFacts

import nkasylum as nk


def _happened(entry: nk.Policy | nk.Passage | nk.Case | nk.Statistic) -> set[str]:
    return {str(e.happened) for e in entry.evidence if e.happened is not None}


class TestRussia(CountryFacts):
    code = "RU"

    # ------------------------------------------------------------- returns
    def test_returns_are_dated_2007_and_2008(self) -> None:
        handover = self.kb.entry("ru-2007-11-asylum-seeker-handed-to-north-korean-agents")
        extradition = self.kb.entry("ru-2008-extradited-defector")
        assert isinstance(handover, nk.Policy) and isinstance(extradition, nk.Policy)
        assert handover.repatriates is True and _happened(handover) == {"2007-11"}
        assert extradition.repatriates is True and _happened(extradition) == {"2008"}
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
        assert "2014-09" in _happened(p)
        assert any("1682" in a for a in p.agreements)

    def test_the_agreement_was_signed_in_february_2016_with_two_dates(self) -> None:
        signed = self.kb.entry("ru-2016-02-02-readmission-agreement-signed")
        meduza = self.kb.entry("ru-2016-02-03-agreement-meduza")
        assert isinstance(signed, nk.Policy) and isinstance(meduza, nk.Policy)
        assert signed.basis is nk.Basis.OBSERVATION and signed.valid_from is None  # no entry into force
        assert "2016-02-02" in _happened(signed) and _happened(meduza) == {"2016-02-03"}
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
                if p.channel is nk.Channel.LABOUR_CONTRACT for h in _happened(p)}
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
        assert _happened(treaty) == {"2024-10-24", "2024-12-04"}
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
