"""Sweden: what researchers rely on from public-reports-3-resettlement.md (section 6): five
grants in the ten years to 2006, applications handled early in 2005, and the 2014 assurance
that a North Korean teenager would not be sent back."""

from __future__ import annotations

import datetime as dt

from facts import CountryFacts

import nkasylum as nk


class TestSweden(CountryFacts):
    code = "SE"

    def test_eurostat_figures(self) -> None:
        by_id = {s.id: s for s in nk.statistics(country="SE")}
        assert by_id["se-asylum-granted-ten-years-to-2006-eurostat"].value == nk.Quantity(5)
        handled = by_id["se-asylum-applications-handled-2005-01-02-eurostat"]
        assert handled.value == nk.Quantity(35, nk.Qualifier.ALMOST, nk.Unit.APPLICATIONS)

    def test_no_forced_repatriation_in_2014(self) -> None:
        p = nk.policy("SE", on=dt.date(2014, 11, 13))
        assert p is not None and p.repatriates is False
        teen = nk.case("se-teenager-asylum-claim-2013-04")
        assert str(teen.date) == "2013-04" and teen.outcome is nk.Outcome.PENDING
