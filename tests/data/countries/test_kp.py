"""North Korea: what researchers rely on from public-reports-3-resettlement.md (section 2):
defectors helped by aid groups to travel to Canada (2011)."""

from __future__ import annotations

from facts import CountryFacts

import nkasylum as nk


class TestNorthKorea(CountryFacts):
    code = "KP"

    def test_aid_groups_way_to_canada(self) -> None:
        (p,) = [p for p in nk.passages("KP", "CA", any_date=True) if p.id == "kp-ca-broker-aid-groups-2011"]
        assert p.channel is nk.Channel.BROKER and not p.via_third_country
        assert nk.source("immconsultant-torontosun-2011-09-17").quote_for("helped by aid groups to travel to Canada")
