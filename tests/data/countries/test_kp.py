"""North Korea: the facts researchers rely on from public-reports-3-southeast-asia.md
(sections 4 and 5)."""

from __future__ import annotations

from facts import CountryFacts

import nkasylum as nk


class TestNorthKorea(CountryFacts):
    code = "KP"

    def test_requests_and_denials_abroad(self) -> None:
        found = {p.id: p for p in nk.policies("KP")}
        cambodia = found["kp-2004-09-asks-cambodia-to-return-seven"]
        assert {str(e.happened) for e in cambodia.evidence} == {"2004-09"}
        thailand = found["kp-denies-defectors-in-thailand-are-nationals"]
        assert {str(e.happened) for e in thailand.evidence} == {"2003~/2009-01-29"}
        assert thailand.classification == ()  # 'not its nationals' has no vocabulary value
