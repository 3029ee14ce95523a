"""Myanmar: the facts researchers rely on (public-reports-3-southeast-asia.md, section 6)."""

from __future__ import annotations

from facts import CountryFacts

import nkasylum as nk


class TestMyanmar(CountryFacts):
    code = "MM"

    def test_illegal_entry_trial_and_expulsion_to_thailand_in_december_2008(self) -> None:
        (p,) = [p for p in nk.policies("MM") if p.id == "mm-2008-12-illegal-entry-trial"]
        assert p.classification == (nk.Classification.ILLEGAL_ENTRANT,) and p.returns_to == ()
        (q,) = [q for q in nk.passages("MM", "TH", any_date=True) if q.id == "mm-th-deportation-2008-12-asiae"]
        assert q.channel is nk.Channel.DEPORTATION
        assert {str(e.happened) for e in q.evidence} == {"2008-12"}

    def test_the_19_reached_south_korea_through_thailand(self) -> None:
        c = nk.case("mm-19-reach-south-korea-2009")
        assert str(c.route) == "MM > TH > KR" and c.outcome is nk.Outcome.RESETTLED
        assert c.people == nk.Quantity(19) and str(c.date) == "2008-12/2009-02-07"
