"""Denmark: what researchers rely on from public-reports-3-resettlement.md (section 6): seven
grants in the ten years to 2006 (Eurostat) and eight refugees living there in March 2020."""

from __future__ import annotations

import datetime as dt

from facts import CountryFacts

import nkasylum as nk


class TestDenmark(CountryFacts):
    code = "DK"

    def test_grants_and_refugees(self) -> None:
        by_id = {s.id: s for s in nk.statistics(country="DK")}
        assert by_id["dk-asylum-granted-ten-years-to-2006-eurostat"].value == nk.Quantity(7)
        assert by_id["dk-nk-refugees-2020-03-voa"].value == nk.Quantity(8)
        assert str(by_id["dk-nk-refugees-2020-03-voa"].as_of) == "2020-03"

    def test_refugee_residence_seen_in_march_2020(self) -> None:
        p = nk.policy("DK", on=dt.date(2020, 3, 15))
        assert p is not None and p.admits is True and nk.Status.REFUGEE_STATUS in p.grants
