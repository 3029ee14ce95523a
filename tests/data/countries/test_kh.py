"""Cambodia: the facts researchers rely on (public-reports-3-southeast-asia.md, section 4)."""

from __future__ import annotations

import datetime as dt

from facts import CountryFacts, sources_of, statement

import nkasylum as nk


class TestCambodia(CountryFacts):
    code = "KH"

    def test_the_seven_of_september_2004_came_through_china_and_vietnam(self) -> None:
        c = nk.case("kh-seven-via-china-vietnam-2004-09")
        assert str(c.route) == "CN > VN > KH" and str(c.date) == "2004-09"
        assert c.people == nk.Quantity(7) and c.outcome is nk.Outcome.PENDING

    def test_mondulkiri_2006_is_kept_in_both_versions(self) -> None:
        claimed = nk.case("kh-mondulkiri-claimed-deported-2006-11")
        held = nk.case("kh-mondulkiri-held-not-deported-2006-11")
        assert claimed.outcome is nk.Outcome.DEPORTED and str(claimed.route) == "KH > VN"
        assert held.outcome is nk.Outcome.DETAINED and held.route is None
        (c,) = [c for c in nk.conflicts() if c.id == "kh-mondulkiri-2006-deported-or-held"]
        assert {claimed.id, held.id, "kh-north-korean-deported-2006"} == set(c.versions)
        assert nk.source("cambodiadaily-wikileaks-dispatches").quote_for(
            "was not deported to Vietnam as claimed by authorities") is not None

    def test_the_2025_rescue_is_not_a_way_through_cambodia(self) -> None:
        c = nk.case("kh-defector-rescued-sihanoukville-2025")
        assert c.route is None and str(c.date) == "../2025-10-17"

    # From the first collection (public-reports.md sections 1-3) and the foreign missions in China, 2002-2004:
    def test_cambodia_helped_but_undated(self) -> None:
        assert {p.id for p in nk.policies("KH")} == {
            "kh-2006-deported-a-north-korean", "kh-assisted-north-koreans-to-south-korea",
            "kh-quiet-transfers-onward", "kh-2004-09-immigration-watch-awaiting-south-korea"}
        p = statement("KH", "kh-assisted-north-koreans-to-south-korea")
        assert p.undated and sources_of(p) == {"cambodiadaily-wikileaks-dispatches"}
        assert nk.policy("KH", on=dt.date(2010, 1, 1)) is None

    def test_september_2004_immigration_watch(self) -> None:
        # A page the project collected: seven waiting in Cambodia to go to South Korea, under
        # the immigration department's watch; what became of them is not said.
        p = nk.policy("KH", on=dt.date(2004, 9, 21))
        assert p is not None and p.id == "kh-2004-09-immigration-watch-awaiting-south-korea"
        assert p.repatriates is None and p.returns_to == ()
        assert nk.source("seoulshinmun-2004-09-22-page").collected
        assert nk.policy("KH", on=dt.date(2005, 7, 1)) is None
