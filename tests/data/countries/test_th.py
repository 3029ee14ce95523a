"""Thailand: what researchers rely on from public-reports-3-resettlement.md (section 9): 73
refugee claims in 2004 and claims sent on to third countries (undated)."""

from __future__ import annotations

from facts import CountryFacts

import nkasylum as nk


class TestThailand(CountryFacts):
    code = "TH"

    def test_claims_of_2004_and_onward_transfer(self) -> None:
        (s,) = [s for s in nk.statistics(country="TH") if s.id == "th-refugee-claims-2004-rfa"]
        assert s.value == nk.Quantity(73, unit=nk.Unit.APPLICATIONS) and s.year == 2004
        (p,) = [p for p in nk.policies("TH") if p.id == "th-refugee-claims-not-accepted-sent-on-rfa"]
        assert p.returns_to == ()  # sent on to third countries, not sent back
        assert p.undated
