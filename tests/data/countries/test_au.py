"""Australia: what researchers rely on from public-reports-3-resettlement.md (section 7): the
first claim by a defector settled in South Korea (2001), North Koreans read as citizens of both
Koreas and returned to the South (2012), and humanitarian-programme applications 2011-2021."""

from __future__ import annotations

from facts import CountryFacts

import nkasylum as nk


class TestAustralia(CountryFacts):
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
