"""Norway: what researchers rely on from public-reports-3-resettlement.md (section 6): asylum
claims by year 2002-2011, grants of 2003 and 2007, and the change of practice reported in
2017."""

from __future__ import annotations

from facts import CountryFacts

import nkasylum as nk


class TestNorway(CountryFacts):
    code = "NO"

    def test_claims_by_year(self) -> None:
        years: dict[int, set[int | None]] = {}
        for p in nk.series("asylum-applications", country="NO"):
            years.setdefault(p.year, set()).add(p.value.value)
        assert years == {2002: {2}, 2004: {1}, 2005: {1}, 2006: {26}, 2007: {72}, 2008: {23}}
        (span,) = [s for s in nk.statistics(country="NO") if s.id == "no-asylum-applications-2009-2011-nettavisen"]
        assert span.value == nk.Quantity(7, unit=nk.Unit.APPLICATIONS) and str(span.as_of) == "2009/2011"

    def test_grants_of_2003_and_2007(self) -> None:
        years = {p.year: p.value.value for p in nk.series("refugee-status-granted", country="NO")}
        assert years == {2003: 1, 2007: 7}

    def test_practice_changed_and_a_2017_refusal(self) -> None:
        (p,) = [p for p in nk.policies("NO") if p.id == "no-practice-changed-south-korean-citizenship"]
        assert p.not_grants == () and p.classification == ()  # a right to citizenship, not a label
        refused = nk.case("no-asylum-refused-2017")
        assert refused.outcome is nk.Outcome.REJECTED and str(refused.date) == "2017-08/2017-11"
