"""Belgium: what researchers rely on from public-reports-3-resettlement.md (section 6): the
first recognition in 1993, nine admitted by October 2007, and Eurostat's count to 2006."""

from __future__ import annotations

from facts import CountryFacts

import nkasylum as nk


class TestBelgium(CountryFacts):
    code = "BE"

    def test_first_recognition_1993_and_nine_admitted_by_october_2007(self) -> None:
        (p,) = [p for p in nk.policies("BE") if p.id == "be-1993-2007-refugee-status-yonhap"]
        assert p.admits is True and nk.Status.REFUGEE_STATUS in p.grants
        assert [str(e.happened) for e in p.evidence] == ["1993", "2007-10"]
        (nine,) = [s for s in nk.statistics(country="BE") if s.id == "be-admitted-1993-2007-10-yonhap"]
        assert nine.value == nk.Quantity(9) and str(nine.as_of) == "1993/2007-10"
        assert not nine.arrivals  # fourteen years of admissions: not a sighting of every day

    def test_eurostat_six_grants_in_ten_years(self) -> None:
        (six,) = [s for s in nk.statistics(country="BE") if s.measure == "asylum-granted"]
        assert six.value == nk.Quantity(6) and str(six.as_of) == "1996~/2006-02-28"

    def test_undated_counts_stay_undated(self) -> None:
        undated = [s for s in nk.statistics(country="BE") if "dailynk" in s.id]
        assert len(undated) == 4 and all(s.as_of is None for s in undated)
        assert nk.case("be-refugee-admitted-june-undated").date is None
