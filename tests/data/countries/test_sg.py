"""Singapore: the facts researchers rely on (public-reports-3-southeast-asia.md, sections 3 and 8)."""

from __future__ import annotations

from facts import CountryFacts

import nkasylum as nk


class TestSingapore(CountryFacts):
    code = "SG"

    def test_a_stop_between_hanoi_embassies_and_seoul_in_2005_and_2009(self) -> None:
        (p,) = [p for p in nk.passages("SG", "KR", any_date=True) if p.id == "sg-kr-foreign-mission-2005-2009"]
        assert p.channel is nk.Channel.FOREIGN_MISSION
        assert {str(e.happened) for e in p.evidence} == {"2005-01-07/2005-01-18", "2009-10"}
