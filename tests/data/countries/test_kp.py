"""North Korea: the facts researchers rely on from the third collection (section 5, the
punishment of returnees, as context; and the crossings into China, the workers sent to
China and Russia, and North Korea's border measures from sections 1 and 3).

Sightings are read from the stored evidence, not from verdicts (the time model is being
rewritten).
"""

from __future__ import annotations

import datetime as dt

from facts import CountryFacts, dated_years

import nkasylum as nk


class TestNorthKorea(CountryFacts):
    code = "KP"

    # ------------------------------------------------------------- punishment of returnees
    def test_punishment_context_is_dated_year_by_year(self) -> None:
        punishing = [p for p in nk.policies("KP") if p.procedures and p.repatriates is None
                     and any(w in " ".join(p.procedures).lower()
                             for w in ("prison", "camp", "torture", "labour", "punish", "execution"))]
        seen = {y for p in punishing for y in dated_years(p)}
        assert {2004, 2006, 2007, 2008, 2009, 2012, 2013, 2014, 2015, 2016, 2020, 2023} <= seen

    def test_sentences_since_late_2004_and_at_chongori(self) -> None:
        prison = self.kb.entry("kp-2004-2007-prison-for-all-returned-defectors")
        assert isinstance(prison, nk.Policy)
        assert "2004/2008-06-19" in {str(e.happened) for e in prison.evidence}
        chongori = self.kb.entry("kp-2009-chongori-up-to-three-years")
        assert isinstance(chongori, nk.Policy) and any("three years" in p for p in chongori.procedures)
        before = self.kb.entry("kp-until-2007-defectors-graded-in-three-groups")
        assert isinstance(before, nk.Policy)
        assert {str(e.happened) for e in before.evidence} == {"../2007"}  # an end, no start

    def test_defection_is_treachery_from_2010(self) -> None:
        rule = self.kb.entry("kp-2010-defection-treachery-against-the-nation")
        assert isinstance(rule, nk.Policy) and rule.basis is nk.Basis.RULE
        assert str(rule.valid_from) == "2010" and rule.valid_until is None

    def test_political_camps_or_graded_sentences_stay_in_conflict(self) -> None:
        (c,) = [c for c in nk.conflicts() if c.id == "kp-returnee-punishment-political-camps"]
        assert set(c.versions) == {"kp-2014-all-returnees-to-kwanliso-kang",
                                   "kp-2016-all-returnees-to-political-camps-hrw",
                                   "kp-graded-punishment-dailynk-undated",
                                   "kp-october-returnees-held-then-in-re-education-camps-undated"}
        kang = self.kb.entry("kp-2014-all-returnees-to-kwanliso-kang")
        assert isinstance(kang, nk.Policy) and {str(e.happened) for e in kang.evidence} == {"2014"}
        quote = nk.source("flipbuilder-trilateral-cooperation-undated").quote_for("sent to the kwan-li-so")
        assert quote is not None and "since 2014" in quote

    # ------------------------------------------------------------- crossings and workers
    def test_crossings_into_china_are_sighted_in_2007_2016_and_2017(self) -> None:
        crossings = [p for p in nk.passages("KP", "CN", any_date=True)
                     if p.channel is nk.Channel.BORDER_CROSSING]
        seen = {y for p in crossings for y in dated_years(p)}
        assert {2007, 2016, 2017} <= seen
        guards = self.kb.entry("kp-cn-border-crossing-2007")
        assert isinstance(guards, nk.Passage) and "2007-02" in {str(e.happened) for e in guards.evidence}

    def test_workers_sent_to_china_from_august_2023(self) -> None:
        (p,) = [p for p in nk.passages("KP", "CN", any_date=True) if p.channel is nk.Channel.LABOUR_CONTRACT]
        assert p.id == "kp-cn-labour-contract-2023"
        assert [str(e.happened) for e in p.evidence] == ["2023-08/.."]

    # ------------------------------------------------------------- the border, closed and sealed
    def test_the_covid_closure_and_refused_returns(self) -> None:
        closed = self.kb.entry("kp-2020-border-blocked-returnees-refused")
        assert isinstance(closed, nk.Policy)
        assert {"2020-01/2020-10-19", "2020-10"} <= {str(e.happened) for e in closed.evidence}
        sealed = self.kb.entry("kp-2020-borders-sealed-routes-cut")
        assert isinstance(sealed, nk.Policy) and "2020" in {str(e.happened) for e in sealed.evidence}
        refused = nk.case("cn-jilin-200-refused-by-north-2020-10")
        assert refused.people == nk.Quantity(200) and refused.outcome is nk.Outcome.PENDING

    def test_aid_groups_way_to_canada(self) -> None:
        (p,) = [p for p in nk.passages("KP", "CA", any_date=True) if p.id == "kp-ca-broker-aid-groups-2011"]
        assert p.channel is nk.Channel.BROKER and not p.via_third_country
        assert nk.source("immconsultant-torontosun-2011-09-17").quote_for("helped by aid groups to travel to Canada")

    def test_requests_and_denials_abroad(self) -> None:
        found = {p.id: p for p in nk.policies("KP")}
        cambodia = found["kp-2004-09-asks-cambodia-to-return-seven"]
        assert {str(e.happened) for e in cambodia.evidence} == {"2004-09"}
        thailand = found["kp-denies-defectors-in-thailand-are-nationals"]
        assert {str(e.happened) for e in thailand.evidence} == {"2003~/2009-01-29"}
        assert thailand.classification == ()  # 'not its nationals' has no vocabulary value

    # From seed 002, VOA of 11 September 2002:
    def test_famine_and_persecution_are_why_people_fled(self) -> None:
        # audit 2026-12: the aid worker's reasons are recorded, seen on the report's day
        kb = nk.default_knowledge_base()
        (reason,) = [e for e in kb.entry("kp-why-people-flee").evidence if e.source == "voa-2002-09-11"]
        assert reason.anchor == "escaping famine and persecution at home"
        assert kb.support("kp-why-people-flee", on=dt.date(2002, 9, 11)).support is nk.Support.SEEN

    # From seed 003, Anadolu Agency of 16 August 2023:
    def test_nkdb_count_and_share_keep_units_and_qualifiers(self) -> None:
        (count,) = nk.statistics(country="KP", measure="repatriations-documented")
        assert count.value == nk.Quantity(8148, nk.Qualifier.EXACT, nk.Unit.CASES)
        (share,) = nk.statistics(country="CN", measure="share-of-repatriations")
        assert share.value == nk.Quantity(98, nk.Qualifier.ALMOST, nk.Unit.PERCENT)
        assert str(share.value) == "almost 98%"
        assert count.as_of == share.as_of == nk.When.day(dt.date(2023, 8, 16))

    # From the first collection (public-reports.md sections 4-9):
    def test_nkdb_8148_cases_and_98_percent_then_over_8000_in_december(self) -> None:
        august, december = nk.statistics(country="KP", measure="repatriations-reported-by-nkdb")
        assert august.value == nk.Quantity(8148, nk.Qualifier.EXACT, nk.Unit.CASES)
        assert december.value == nk.Quantity(8000, nk.Qualifier.MORE_THAN)
        assert (str(august.as_of), str(december.as_of)) == ("2023-08-16", "2023-12-11")
        assert august.as_of == nk.When.day(dt.date(2023, 8, 16))
        shares = nk.statistics(country="CN", measure="share-of-repatriations-reported-by-nkdb")
        assert [s.value for s in shares] == [nk.Quantity(98, unit=nk.Unit.PERCENT)] * 2
