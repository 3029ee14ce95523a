"""Viet Nam: what researchers rely on from public-reports-3-resettlement.md (sections 6 and 10):
the family in Denmark's embassy in Hanoi (July 2007) and nine North Koreans transferred to
China (undated in the quoted words)."""

from __future__ import annotations

from facts import CountryFacts

import nkasylum as nk


class TestVietnam(CountryFacts):
    code = "VN"

    def test_danish_embassy_family_of_2007(self) -> None:
        c = nk.case("vn-danish-embassy-hanoi-family-2007-07")
        assert c.channel is nk.Channel.FOREIGN_MISSION and str(c.date) == "../2007-07-11"
        assert c.outcome is nk.Outcome.PENDING

    def test_nine_transferred_to_china_stay_undated(self) -> None:
        c = nk.case("vn-nine-transferred-to-china-2015")
        assert c.date is None and c.channel is nk.Channel.HANDOVER and str(c.route) == "VN > CN"
