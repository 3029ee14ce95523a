"""Malaysia: the facts researchers rely on (public-reports-3-southeast-asia.md, section 12)."""

from __future__ import annotations

from facts import CountryFacts

import nkasylum as nk


class TestMalaysia(CountryFacts):
    code = "MY"

    def test_workers_flown_home_are_not_coded_as_returns_of_refugees(self) -> None:
        policies = {p.id: p for p in nk.policies("MY")}
        assert set(policies) == {"my-2017-04-overstayers-flown-towards-north-korea",
                                 "my-visa-waiver-for-north-korea-ended"}
        assert all(p.repatriates is None for p in policies.values())
        # the Straits Times' words name no one: no entry rests on them
        assert "No entry rests on it" in nk.source("straitstimes-2017-03-15").note
        assert nk.source("voakorea-3815490-undated").published is None
