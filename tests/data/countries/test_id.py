"""Indonesia: the facts researchers rely on (public-reports-3-southeast-asia.md, section 11)."""

from __future__ import annotations

from facts import CountryFacts

import nkasylum as nk


class TestIndonesia(CountryFacts):
    code = "ID"

    def test_its_hanoi_embassy_contacted_vietnam_in_august_2007(self) -> None:
        (p,) = nk.policies("ID")
        assert p.id == "id-2007-08-hanoi-embassy-contacts-vietnam"
        assert p.admits is None and p.procedures
        assert str(nk.source("theage-2007-08-21").published) == "2007-08-21"
