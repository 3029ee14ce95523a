"""China: what researchers rely on from public-reports-3-resettlement.md (sections 1, 8 and 10),
asked through the public API: repatriations reported by UN bodies (2013, August 2014, 2015,
October 2023), detentions, and the passages out of China to the U.S. and Japan."""

from __future__ import annotations

import datetime as dt

from facts import CountryFacts

import nkasylum as nk

D = dt.date


def _policy(id: str) -> nk.Policy:
    (found,) = [p for p in nk.policies("CN") if p.id == id]
    return found


class TestChina(CountryFacts):
    code = "CN"

    def test_repatriations_seen_on_their_dates(self) -> None:
        kb = nk.default_knowledge_base()
        assert _policy("cn-2014-08-repatriated-29-upi").repatriates is True
        assert kb.support("cn-2014-08-repatriated-29-upi", on=D(2014, 8, 15)).support is nk.Support.SEEN
        october = _policy("cn-2023-10-forcible-repatriation-un-experts")
        assert october.repatriates is True
        assert "2023-10-09" in {str(e.happened) for e in october.evidence}
        # the 2019 statement urges China not to repatriate: no repatriation value of its own
        assert _policy("cn-2019-06-arrests-increasing").repatriates is None

    def test_cases_and_counts(self) -> None:
        c = nk.case("cn-repatriated-29-2014-08")
        assert c.people == nk.Quantity(29) and str(c.date) == "2014-08" and str(c.route) == "CN > KP"
        big = nk.case("cn-repatriated-500-2023-10-09-idea")
        assert big.people == nk.Quantity(500, nk.Qualifier.MORE_THAN)
        by_id = {s.id: s for s in nk.statistics(country="CN")}
        assert by_id["cn-detained-un-rapporteur-2022-03"].value == nk.Quantity(1500, nk.Qualifier.ABOUT)
        hundreds = by_id["cn-forced-returns-un-experts-2023-10"].value
        assert hundreds == nk.Quantity(100, nk.Qualifier.ORDER_OF_MAGNITUDE)

    def test_illegal_immigrants_in_2022(self) -> None:
        p = _policy("cn-2022-03-detained-as-illegal-immigrants")
        assert nk.Classification.ILLEGAL_IMMIGRANT in p.classification

    def test_ways_out_to_the_us_and_japan(self) -> None:
        (us,) = [p for p in nk.passages("CN", "US", any_date=True) if p.id == "cn-us-refugee-programme-2021"]
        assert us.via_third_country
        (jp,) = [p for p in nk.passages("CN", "JP", any_date=True) if p.id == "cn-jp-broker-japanese-wives-1994"]
        assert jp.channel is nk.Channel.BROKER
