"""The Philippines: the facts researchers rely on (public-reports-3-southeast-asia.md, section 9)."""

from __future__ import annotations

from facts import CountryFacts

import nkasylum as nk


class TestPhilippines(CountryFacts):
    code = "PH"

    def test_transit_through_manila_1997_to_2003(self) -> None:
        (s,) = [s for s in nk.statistics(country="PH") if s.id == "ph-transits-allowed-1997-2003"]
        assert s.value == nk.Quantity(232) and str(s.as_of) == "1997/2003-07-03" and s.arrivals
        (p,) = [p for p in nk.passages("PH", "KR", any_date=True) if p.id == "ph-kr-permitted-departure-2003"]
        assert p.channel is nk.Channel.PERMITTED_DEPARTURE
        # the 232 of 1997-2003 are not a sighting of the way to South Korea: no destination
        assert {str(e.happened) for e in p.evidence} == {"2003-01-23"}
        (q,) = [q for q in nk.policies("PH") if q.id == "ph-transit-through-manila-1997-2003"]
        assert "1997/2003-07-03" in {str(e.happened) for e in q.evidence}
        assert str(nk.case("cn-28-via-manila-2003-01").route) == "CN > PH > KR"

    def test_the_quiet_agreement_with_seoul_is_not_placeable(self) -> None:
        (p,) = [p for p in nk.policies("PH") if p.id == "ph-quiet-transit-agreement-with-seoul"]
        assert p.agreements and all(str(e.happened).startswith("..") for e in p.evidence)
        (rate,) = [s for s in nk.statistics(country="PH") if s.id == "ph-transits-nearly-500-a-year"]
        assert rate.value == nk.Quantity(500, nk.Qualifier.ALMOST) and rate.year is None

    def test_access_to_refugee_protection_in_january_2005(self) -> None:
        (p,) = [p for p in nk.policies("PH") if p.id == "ph-2005-01-access-to-refugee-protection"]
        assert p.grants == () and p.procedures
        assert str(nk.source("wikileaks-2005-01-14").published) == "2005-01-14"

    def test_humanitarian_transit_seen_again_in_2011(self) -> None:
        # The spokesman's words of January 2011 (a page the project collected) state the same
        # procedure as the 2002-2003 transits, so the years between are documented between
        # sightings, not carried forward; nothing after January 2011 is seen.
        (p,) = [p for p in nk.policies("PH") if p.id == "ph-2011-01-humanitarian-transit"]
        (q,) = [q for q in nk.policies("PH") if q.id == "ph-transit-through-manila-1997-2003"]
        assert set(p.procedures) <= set(q.procedures)
        assert nk.source("inquirer-2011-01-16").collected
        cells = {c.on.year: c.support for c in nk.coverage(["PH"], range(2004, 2013))}
        assert all(cells[y] is nk.Support.BETWEEN_SIGHTINGS for y in range(2004, 2011))
        assert cells[2012] is nk.Support.LAST_KNOWN
