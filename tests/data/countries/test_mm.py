"""Myanmar: the facts researchers rely on (public-reports-3-southeast-asia.md, section 6)."""

from __future__ import annotations

import datetime as dt

from facts import CountryFacts, ids_of

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

    # From the first collection (public-reports.md sections 1-3) and the foreign missions in China, 2002-2004:
    def test_myanmar_jail_then_south_korea_2008(self) -> None:
        p = nk.policy("MM", on=dt.date(2008, 12, 22))
        assert p is not None and p.repatriates is None
        # the third collection's December 2008 detention and expulsion (seen that month) joins it
        assert sorted(ids_of(p)) == ["mm-2008-12-detention-then-expulsion-to-thailand",
                                   "mm-2008-practice-predates-restored-ties"]
        # "in the past were allowed to go": a past practice, not shown to be current in 2008
        assert nk.passages("MM", "KR", on=dt.date(2008, 12, 22)) == ()
        exits = nk.passages("MM", "KR", any_date=True)
        assert {e.id for e in exits} == {"mm-kr-after-jail-2008", "mm-kr-after-jail-term"}
        assert all(e.undated and "jail" in e.conditions[0] for e in exits)
        kb = nk.default_knowledge_base()
        assert kb.support("mm-kr-after-jail-2008", on=dt.date(2008, 12, 22)).support is nk.Support.UNDATED
        assert nk.passages("MM", "KR", on=dt.date(2009, 1, 1)) == ()

    def test_illegal_entry_trial_seen_in_february_2005_brackets_2005_to_2008(self) -> None:
        # A page the project collected (Yonhap, 21 February 2005) has six North Koreans charged
        # with illegal entry and on trial in Myanmar: the same classification as December 2008,
        # so 1 July 2005-2008 are between sightings; nothing later brackets 2009.
        (p,) = [p for p in nk.policies("MM") if p.id == "mm-2005-02-illegal-entry-trial"]
        assert p.classification == (nk.Classification.ILLEGAL_ENTRANT,) and p.returns_to == ()
        assert p.repatriates is None and nk.source("imaeil-2005-02-21-page").collected
        assert "2005-02-17" in {str(e.happened) for e in p.evidence}
        cells = {c.on.year: c.support for c in nk.coverage(["MM"], range(2004, 2010))}
        assert all(cells[y] is nk.Support.BETWEEN_SIGHTINGS for y in range(2005, 2009))
        assert cells[2009] is nk.Support.LAST_KNOWN

