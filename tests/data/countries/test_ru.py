"""Russia: what researchers rely on from public-reports-3-resettlement.md (section 9): refugees
of North Korean origin in Russia in UNHCR's counts."""

from __future__ import annotations

from facts import CountryFacts

import nkasylum as nk


class TestRussia(CountryFacts):
    code = "RU"

    def test_unhcr_counts(self) -> None:
        by_id = {s.id: s for s in nk.statistics(country="RU")}
        assert by_id["ru-nk-refugees-unhcr-voa-2019-06"].value == nk.Quantity(57)
        assert by_id["ru-nk-refugees-zum-yonhap-undated"].value == nk.Quantity(50)
        assert by_id["ru-nk-refugees-zum-yonhap-undated"].as_of is None
