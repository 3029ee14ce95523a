"""South Korea: the facts researchers rely on from public-reports-3-southeast-asia.md
(sections 1, 10 and 11)."""

from __future__ import annotations

from facts import CountryFacts

import nkasylum as nk


class TestSouthKorea(CountryFacts):
    code = "KR"

    def test_arrivals_in_2015_are_1275_or_1277(self) -> None:
        points = [p for p in nk.series("arrivals-in-south-korea", country="KR") if p.year == 2015]
        assert sorted(p.value.value or 0 for p in points) == [1275, 1275, 1277]
        assert all(p.disputed == ("kr-arrivals-2015-1275-or-1277",) for p in points)

    def test_consulates_protect_defectors_and_no_more_mass_rescues(self) -> None:
        found = {p.id: p for p in nk.policies("KR")}
        assert found["kr-consulates-protect-defectors-inside"].procedures
        rescues = found["kr-no-more-large-scale-rescues"]
        assert {str(e.happened) for e in rescues.evidence} == {"2004/2005"}
