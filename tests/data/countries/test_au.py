"""Australia: what researchers rely on from public-reports-3-resettlement.md (section 7): the
first claim by a defector settled in South Korea (2001), North Koreans read as citizens of both
Koreas and returned to the South (2012), and humanitarian-programme applications 2011-2021."""

from __future__ import annotations

import datetime as dt

from facts import CountryFacts, ExplainerSmallNumber

import nkasylum as nk


class TestAustralia(CountryFacts, ExplainerSmallNumber):
    code = "AU"

    def test_first_claim_by_a_defector_settled_in_south_korea(self) -> None:
        c = nk.case("au-resettled-defector-refugee-claim-2001-12")
        assert str(c.date) == "2001-12-12" and str(c.route) == "KR > AU"
        assert [p.id for p in nk.passages("KR", "AU", any_date=True)] == ["kr-au-refugee-claim-2001"]

    def test_2012_dual_citizens_returned_to_the_south(self) -> None:
        (p,) = [p for p in nk.policies("AU") if p.id == "au-2012-dual-citizens-returned-to-south-korea"]
        assert nk.Classification.DUAL_NATIONAL in p.classification and p.returns_to == (nk.country("KR"),)
        family = nk.case("au-family-fake-visa-2011-05")
        assert family.people == nk.Quantity(3) and family.channel is nk.Channel.FLIGHT
        assert family.outcome is nk.Outcome.PENDING  # facing deportation, not yet deported

    def test_humanitarian_programme_applications_2011_2021(self) -> None:
        by_id = {s.id: s for s in nk.statistics(country="AU")}
        onshore = by_id["au-humanitarian-visa-applications-onshore-2011-2021"]
        assert onshore.value == nk.Quantity(14, unit=nk.Unit.APPLICATIONS) and onshore.area == "onshore component"
        decided = by_id["au-humanitarian-visa-decisions-onshore-2011-2021"]
        assert decided.value == nk.Quantity(5, nk.Qualifier.FEWER_THAN, nk.Unit.APPLICATIONS)
        assert decided.value.upper_bound == 4

    # From the first collection (public-reports.md sections 4-9):
    def test_australia_rrt_refused_because_in_theory_a_south_korean_citizen(self) -> None:
        # Crikey's quoted words in the collection name neither Australia nor the applicant's
        # nationality, so no entry cites that record; the stored page (collected by the
        # project) names both, and the refusal of 13 September 2010 rests on it alone.
        assert "no entry rests on this source" in nk.source("crikey-2010-10-22").note
        assert not [p for p in nk.policies("AU") if "crikey-2010-10-22" in {e.source for e in p.evidence}]
        page = nk.source("crikey-2010-10-22-page")
        assert page.collected and page.document is None and str(page.published) == "2010-10-22"
        policy = nk.policy("AU", on=dt.date(2010, 9, 13))
        assert policy is not None and policy.id == "au-2010-09-tribunal-refused-protection-visa"
        assert {e.source for e in policy.evidence} == {"crikey-2010-10-22-page"}
        # one applicant's refusal: no classification of all North Koreans, no refusal of status
        assert policy.classification == () and policy.not_grants == () and policy.admits is None
        assert nk.cases(country="AU", outcome="rejected") == ()
        assert "au-explainer-small-number" in {p.id for p in nk.policies("AU")}
        dual = [p for p in nk.policies("AU") if nk.Classification.DUAL_NATIONAL in p.classification]
        assert all(e.source == "visabureau-2012-10-31" for p in dual for e in p.evidence)
        a = nk.can_resettle("KP", None, "AU", on=dt.date(2010, 10, 22))
        assert a.verdict is nk.Verdict.UNDOCUMENTED


    def test_2007_claimants_held_then_released_as_korean(self) -> None:
        # A stored page the project collected (rule 6): one group's handling in April 2007,
        # seen that month and nowhere else, with no outcome of the claims and no destination.
        page = nk.source("dongponews-2007-04-26-page")
        assert page.collected and page.document is None and str(page.published) == "2007-04-26"
        on_the_day = nk.policy("AU", on=dt.date(2007, 4, 15))
        # that day's policy joins this entry with the claims procedure seen around it
        assert on_the_day is not None
        assert "au-2007-04-claimants-detained-then-released-as-korean" in on_the_day.id.split("+")
        policy = next(p for p in nk.policies("AU") if p.id == "au-2007-04-claimants-detained-then-released-as-korean")
        assert {e.source for e in policy.evidence} == {"dongponews-2007-04-26-page"}
        assert policy.classification == () and policy.returns_to == () and policy.not_grants == ()
        assert any("Villawood" in p for p in policy.procedures)

    def test_protection_claims_2001_2005_and_the_years_to_2010(self) -> None:
        # Two judgments the project collected (rule 6) show the ordinary process applied to
        # North Korean-born claimants: an application of 13 December 2001, the Tribunal's
        # affirmation of 16 September 2003, court reviews dismissed in 2004 and 2005. It is the
        # procedure the Crikey page shows in 2010, so the years between lie between sightings.
        claims = "au-2001-2005-protection-claims-of-north-korean-born-applicants"
        p = next(p for p in nk.policies("AU") if p.id == claims)
        assert {e.source for e in p.evidence} == {"casechat-szbov-2005-05-03-page", "ams-szdkl-2004-10-15-page"}
        assert all(nk.source(s).collected for s in {e.source for e in p.evidence})
        assert p.classification == () and p.not_grants == () and p.returns_to == ()
        crikey = next(p for p in nk.policies("AU") if p.id == "au-2010-09-tribunal-refused-protection-visa")
        assert set(crikey.procedures) <= set(p.procedures)
        cells = {c.on.year: c.support for c in nk.coverage(["AU"], range(2000, 2011))}
        assert cells[2000] is not nk.Support.BETWEEN_SIGHTINGS
        assert all(cells[y] is nk.Support.BETWEEN_SIGHTINGS for y in range(2002, 2010))
        # the court does not name the 2001 applicant, so the RFA case is not linked to him
        rfa_case = nk.case("au-resettled-defector-refugee-claim-2001-12")
        assert "casechat-szbov-2005-05-03-page" not in {e.source for e in rfa_case.evidence}
