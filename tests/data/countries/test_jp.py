"""Japan: what researchers rely on from public-reports-3-resettlement.md (section 8), asked
through the public API: the return programme's voyages and totals (with the disputed total),
returnees and Japanese wives coming back since 1994-1995, arrivals of 2007 and the estimates
of defectors living in Japan."""

from __future__ import annotations

import datetime as dt

from facts import CountryFacts, sources_of, statement, statistic

import nkasylum as nk

D = dt.date


class TestJapan(CountryFacts):
    code = "JP"

    def test_return_programme_voyages_and_disputed_total(self) -> None:
        first = statistic("jp-return-programme-first-ship-1959-12-16")
        assert first.value == nk.Quantity(795) and str(first.as_of) == "1959-12-16"
        total = statistic("jp-return-programme-1959-1984-07-dailynk")
        assert total.value == nk.Quantity(92125) and str(total.as_of) == "1959-12/1984-07"
        (c,) = [c for c in nk.conflicts() if c.id == "jp-return-programme-total"]
        assert "jp-returnee-programme-1959-1984" in c.versions  # the 93,340 of public-reports-2.md
        assert statistic("jp-return-programme-25-years-imidas").value == nk.Quantity(93000, nk.Qualifier.MORE_THAN)

    def test_returnees_coming_back(self) -> None:
        assert statistic("jp-returnees-back-in-secret-2002-06-sato").value == nk.Quantity(23)
        assert statistic("jp-returnees-reentered-since-1995-kyodo").value == nk.Quantity(20, nk.Qualifier.AT_LEAST)
        (way,) = [p for p in nk.passages("CN", "JP", any_date=True) if p.id == "cn-jp-broker-japanese-wives-1994"]
        assert way.channel is nk.Channel.BROKER
        assert nk.default_knowledge_base().support(way.id, on=D(1994, 6, 1)).support is nk.Support.SEEN

    def test_arrivals_of_2007(self) -> None:
        days = {str(s.as_of): s.value.value for s in nk.statistics(country="JP")
                if s.measure == "defector-arrivals-in-japan" and s.as_of is not None
                and s.as_of.precision is nk.DatePrecision.DAY}
        assert days == {"2007-02-10": 5, "2007-04-28": 3, "2007-05-08": 1, "2007-08-04": 12}
        assert sum(days.values()) == statistic("jp-defector-arrivals-2007-to-september-mindan").value.value

    def test_defectors_living_in_japan(self) -> None:
        assert statistic("jp-defectors-settled-2008-12-imidas").value == nk.Quantity(180, nk.Qualifier.ABOUT)
        tokyo = statistic("jp-defectors-settled-tokyo-2015-12-asiapress")
        assert tokyo.area == "Tokyo" and tokyo.value == nk.Quantity(150, nk.Qualifier.ABOUT)

    def test_escapes_back_to_japan_carry_their_route(self) -> None:
        for id in ("jp-programme-emigrants-return-2001-2003", "jp-returnee-defected-2001-back-2002"):
            assert str(nk.case(id).route) == "KP > JP", id

    # From seed 004, Kyodo of 23 December 2009:
    def test_no_request_at_japanese_consulates_is_not_a_refusal(self) -> None:
        (s,) = nk.statistics(country="JP", measure="asylum-requests-at-consulates")
        assert s.value == nk.Quantity(0, nk.Qualifier.EXACT, nk.Unit.APPLICATIONS)
        policy = nk.policy("JP", on=dt.date(2009, 12, 23))  # Japan's policy then (from other sources) refuses no one
        assert policy is None or policy.admits is not False
        a = nk.can_resettle("KP", "RU", "JP", on=dt.date(2009, 12, 23), exact=True)
        assert a.verdict is nk.Verdict.UNDOCUMENTED
        assert any("not a refusal" in line for line in a.explanation)

    # From the first collection (public-reports.md sections 4-9):
    def test_japan_about_150_defectors_settled_by_2007(self) -> None:
        s = statistic("jp-defectors-settled-2007")
        assert s.value == nk.Quantity(150, nk.Qualifier.ABOUT) and str(s.as_of) == "2007-12-02"
        p = nk.policy("JP", on=dt.date(2007, 12, 2))
        assert p is not None and p.admits is True
        assert "jp-2007-defectors-settled" in p.id.split("+")
        # the 1959-84 emigration figure of this excerpt is only in its summary; the one stored
        # comes from the second collection's quoted words
        (returnees,) = [s for s in nk.statistics() if s.value.value == 93340]
        assert returnees.id == "jp-returnee-programme-1959-1984"
        assert str(returnees.as_of) == "1959/1984" and sources_of(returnees) == {"apjjf-undated"}

    def test_japan_admits_returnees_but_not_other_north_koreans_undated(self) -> None:
        last = nk.policy_timeline("JP")[-1]
        # the undated entries are merged: the humanitarian acceptance in principle admits,
        # the returnees-only page does not, and nothing orders two undated pages, so the
        # merged policy does not say
        assert last.id == "jp-humanitarian-acceptance-in-principle+jp-returnees-only"
        assert last.undated and last.admits is None
        assert {p.admits for p in nk.policies("JP") if p.undated} == {True, False}
        returnees = statement("JP", "jp-returnees-only")
        assert returnees.undated and returnees.admits is False
        assert any("return programme" in x for x in returnees.exceptions)
        assert returnees.exceptions == last.exceptions
        # The page is undated, so no dated question is answered by it: a route ending in
        # Japan is undocumented, neither documented for returnees nor blocked for the rest.
        for day in (dt.date(2007, 12, 2), dt.date(2009, 12, 23), dt.date(2024, 1, 1)):
            a = nk.can_resettle("KP", None, "JP", on=day)
            assert a.verdict is nk.Verdict.UNDOCUMENTED, day
            assert "flipbuilder-trilateral-ch8" not in {e.source for e in a.evidence}
        # the dated answer comes only from dated entries, none of them the undated page
        on_day = nk.policy("JP", on=dt.date(2009, 12, 23))
        # (the 2015 statement's values are seen before 2009 by others: between sightings then)
        assert on_day is not None and on_day.id.split("+")[-3:] == [
            "jp-lets-asylum-seekers-go-to-south-korea", "jp-2006-north-korean-human-rights-law",
            "jp-admits-defectors-with-japan-ties"]
        assert "flipbuilder-trilateral-ch8" not in sources_of(on_day)
