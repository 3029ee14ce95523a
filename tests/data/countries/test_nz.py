"""New Zealand: what researchers rely on from public-reports-3-resettlement.md (section 7):
the tribunal's decision of 18 November 2019 allowing a dual citizen's appeal."""

from __future__ import annotations

from facts import CountryFacts

import nkasylum as nk


class TestNewZealand(CountryFacts):
    code = "NZ"

    def test_tribunal_allows_a_dual_citizens_appeal_in_2019(self) -> None:
        c = nk.case("nz-nzipt-801589-appeal-allowed-2019")
        assert str(c.date) == "2019-11-18" and c.outcome is nk.Outcome.REFUGEE_STATUS
        (p,) = nk.policies("NZ")
        assert nk.Classification.DUAL_NATIONAL in p.classification
        assert str(nk.source("fdocuments-nzipt-801589").published) == "2019-11-18"
