"""Hong Kong: the facts researchers rely on (public-reports-3-southeast-asia.md, section 10)."""

from __future__ import annotations

from facts import CountryFacts

import nkasylum as nk


class TestHongKong(CountryFacts):
    code = "HK"

    def test_a_defector_in_south_koreas_consulate_in_july_2016(self) -> None:
        c = nk.case("hk-south-korean-consulate-refuge-2016-07")
        assert c.place == nk.place("HK") and c.channel is nk.Channel.FOREIGN_MISSION
        assert str(c.date) == "../2016-07-28" and c.outcome is nk.Outcome.PENDING
