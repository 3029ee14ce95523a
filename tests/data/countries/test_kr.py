"""South Korea: what researchers rely on from public-reports-3-resettlement.md (sections 3, 5
and 7): returnees treated as South Korean citizens, citizenship on arrival, and the first
defector settled in the South to claim refugee status abroad (Australia, 2001). Section 11
(arrivals by sex) is another engineer's."""

from __future__ import annotations

import datetime as dt

from facts import CountryFacts

import nkasylum as nk


class TestSouthKorea(CountryFacts):
    code = "KR"

    def test_citizenship_on_arrival_and_on_return(self) -> None:
        by_id = {p.id: p for p in nk.policies("KR")}
        on_arrival = by_id["kr-citizenship-on-arrival-nl-2013"]
        assert nk.Status.CITIZENSHIP in on_arrival.grants
        assert nk.Classification.CITIZEN in by_id["kr-returnees-treated-as-citizens-2014-ukut"].classification

    def test_a_settled_defector_claims_refugee_status_in_australia(self) -> None:
        (p,) = nk.passages("KR", "AU", any_date=True)
        assert p.channel is nk.Channel.REFUGEE_PROGRAMME
        seen = nk.default_knowledge_base().support(p.id, on=dt.date(2001, 12, 12))
        assert seen.support is nk.Support.SEEN
