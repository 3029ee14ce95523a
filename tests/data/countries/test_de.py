"""Germany: what researchers rely on from public-reports-3-resettlement.md (section 4, and the
German figures of sections 3 and 9), asked through the public API: refugee status grants by
year 2000-2003, claims and grants since 2002, the 1996 and 2003 cases, and the Freiburg
court's refusal of refugee protection in January 2020."""

from __future__ import annotations

import datetime as dt

from facts import CountryFacts, ExplainerSmallNumber, ids_of, statement, statistic

import nkasylum as nk

NEAR = dt.timedelta(days=30)  # a gap cap that keeps answers to what is seen around the day

D = dt.date


class TestGermany(CountryFacts, ExplainerSmallNumber):
    code = "DE"

    def test_refugee_status_grants_2000_to_2003(self) -> None:
        years = {p.year: p.value.value for p in nk.series("refugee-status-granted", country="DE")}
        assert years == {2000: 56, 2001: 53, 2002: 51, 2003: 29}
        later = statistic("de-refugee-status-granted-after-2003-voa")
        assert later.value == nk.Quantity(2) and later.as_of is None and later.year is None

    def test_claims_and_grants_since_2002(self) -> None:
        applied = statistic("de-asylum-applications-2002-2010-02-voa")
        assert applied.value == nk.Quantity(186, unit=nk.Unit.APPLICATIONS)
        assert str(applied.as_of) == "2002/2010-02-23"
        assert statistic("de-asylum-granted-2002-2010-02-voa").value == nk.Quantity(83)
        assert str(statistic("de-asylum-granted-2002-2009-voa-2010-03").as_of) == "2002/2009"

    def test_undated_june_counts_stay_undated(self) -> None:
        for id in ("de-nk-nationals-end-june-voa-undated", "de-nk-refugees-geneva-end-june-voa-undated"):
            assert statistic(id).as_of is None

    def test_cases_of_1996_and_2003(self) -> None:
        four = nk.case("de-four-asylum-seekers-1996")
        assert str(four.date) == "1996-02/1996-03" and four.outcome is nk.Outcome.REJECTED
        by_air = nk.case("de-nk-national-arrives-by-air-2003")
        assert by_air.channel is nk.Channel.FLIGHT and by_air.route is None
        assert str(by_air.date) == "2003-03-23/2003-11-18"

    def test_freiburg_2020_no_refugee_protection_with_exceptions(self) -> None:
        (p,) = [p for p in nk.policies("DE") if p.id == "de-2020-01-vg-freiburg-no-refugee-protection"]
        assert nk.Status.REFUGEE_STATUS in p.not_grants
        assert nk.Classification.DUAL_NATIONAL in p.classification and p.exceptions
        seen = nk.default_knowledge_base().support(p.id, on=D(2020, 1, 15))
        assert seen.support is nk.Support.SEEN
        quote = nk.source("asylnet-vg-freiburg-2020-01-15").quote_for("Kein Flüchtlingsschutz für Person aus Nordkorea")
        assert quote is not None and "Südkorea" in quote

    # From the first collection (public-reports.md sections 4-9):
    def test_germany_2005_all_north_koreans_are_dual_nationals(self) -> None:
        p = nk.policy("DE", on=dt.date(2005, 7, 18), max_gap=NEAR)  # uncapped, other grants' series join
        assert p is not None and nk.Classification.DUAL_NATIONAL in p.classification
        # with the court's entry, the statements that see Germany admitting that day (the
        # 1995-2005 grants, the BAMF's grants since 2002) and the asylum procedure with appeal
        # to the courts, seen 1996-2020. UNHCR's counts of refugees there are seen in 2004 and
        # at the end of 2010, not on the day: only uncapped does that gap bridge it
        assert p.id == ("de-2005-vgh-all-dual-nationals+de-2002-2009-asylum-bamf-voa"
                        "+de-asylum-claims-and-courts-1996-2020+de-1995-2005-refugee-status")
        assert "de-nk-refugees-living-there-2004-2019" in ids_of(nk.policy("DE", on=dt.date(2005, 7, 18)))
        # the court's entry admits nothing ("no protection in Germany" is the collector's
        # reading); the day's answer admits only through the 1995-2005 grants
        vgh = statement("DE", "de-2005-vgh-all-dual-nationals")
        assert vgh.admits is None and p.admits is True
        assert statement("DE", "de-1995-2005-refugee-status").admits is True
        before = nk.policy("DE", on=dt.date(2005, 7, 17), max_gap=NEAR)
        assert before is not None and "de-2005-vgh-all-dual-nationals" not in before.id
        assert "de-1995-2005-refugee-status" in before.id.split("+")
        assert nk.Classification.DUAL_NATIONAL not in before.classification
        (ev,) = vgh.evidence
        assert ev.anchor.startswith("Alle Nordkoreaner")  # left in German
        assert nk.can_resettle("KP", None, "DE", on=dt.date(2005, 7, 18)).verdict is nk.Verdict.UNDOCUMENTED

    def test_germany_2020_exception_for_a_life_centred_in_a_third_country(self) -> None:
        before = nk.policy("DE", on=dt.date(2020, 8, 2), max_gap=NEAR)
        after = nk.policy("DE", on=dt.date(2020, 8, 3))
        assert before is None  # nothing of Germany's is seen within a month before
        assert after is not None and any("third country" in x for x in after.exceptions)
        assert nk.source("asylnet-vg-freiburg-2020-08-03").language == "de"

