"""Southeast Asia as a whole: the route the sources name without a country."""

from __future__ import annotations

from facts import CountryFacts

import nkasylum as nk


class TestSoutheastAsia(CountryFacts):
    code = "southeast-asia"

    # From seed 004, Kyodo of 23 December 2009:
    def test_southeast_asia_keeps_a_row(self) -> None:
        found = nk.passages(nk.SOUTHEAST_ASIA, any_date=True)
        assert found and found[0].undated
