"""Laos: what researchers rely on from public-reports-3-resettlement.md (section 10): the
nine North Koreans arrested on 10 May 2013 and deported to China on 27 May 2013."""

from __future__ import annotations

from facts import CountryFacts

import nkasylum as nk


class TestLaos(CountryFacts):
    code = "LA"

    def test_nine_deported_to_china_on_27_may_2013(self) -> None:
        c = nk.case("la-nine-deported-to-china-2013-05-27-unhcr")
        assert str(c.date) == "2013-05-10/2013-05-27" and str(c.route) == "LA > CN"
        assert c.channel is nk.Channel.DEPORTATION and c.people == nk.Quantity(9)
        (p,) = [p for p in nk.policies("LA") if p.id == "la-2013-05-deported-nine-to-china-un"]
        assert p.returns_to == (nk.country("CN"),)
