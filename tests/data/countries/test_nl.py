"""Netherlands: what researchers rely on from public-reports-3-resettlement.md (section 5),
asked through the public API: returns to South Korea possible from 1 January 2013 but none by
October 2013, claims in 2014-2018, North Koreans living there in 2018, and the 2022 reading of
North Koreans as South Korean nationals."""

from __future__ import annotations

import datetime as dt

from facts import CountryFacts, ExplainerSmallNumber, statement

import nkasylum as nk

NEAR = dt.timedelta(days=30)  # a gap cap that keeps answers to what is seen around the day

D = dt.date


class TestNetherlands(CountryFacts, ExplainerSmallNumber):
    code = "NL"

    def test_returns_to_south_korea_possible_from_2013_but_none_by_october(self) -> None:
        rule = statement("NL", "nl-2013-01-01-return-to-south-korea-possible")
        assert rule.basis is nk.Basis.RULE and str(rule.valid_from) == "2013-01-01"
        assert rule.returns_to == ()  # 'can be returned', and none had been by 31 October 2013
        none_yet = statement("NL", "nl-2013-10-no-returns-to-south-korea-yet")
        assert nk.default_knowledge_base().support(none_yet.id, on=D(2013, 10, 31)).support is nk.Support.SEEN

    def test_claims_2014_to_april_2018(self) -> None:
        by_id = {s.id: s for s in nk.statistics(country="NL")}
        assert by_id["nl-asylum-applications-2014-nos"].value == nk.Quantity(8, unit=nk.Unit.APPLICATIONS)
        none = by_id["nl-asylum-applications-2015-2018-04-nos"]
        assert none.value.value == 0 and str(none.as_of) == "2015/2018-04"

    def test_residents_and_refugees_in_2018(self) -> None:
        by_id = {s.id: s for s in nk.statistics(country="NL")}
        assert by_id["nl-nk-residents-2018-10-aljazeera"].value == nk.Quantity(91)
        assert by_id["nl-nk-refugees-2018-10-nhub"].value == nk.Quantity(25)

    def test_2022_family_read_as_south_korean_nationals(self) -> None:
        assert nk.Classification.DUAL_NATIONAL in statement("NL", "nl-2022-dual-nationals-rbdha").classification
        family = nk.case("nl-family-asylum-claims-2021-09")
        assert str(family.date) == "2021-09-01" and family.people.qualifier is nk.Qualifier.UNQUANTIFIED
        assert family.outcome is nk.Outcome.PENDING

    # From the first collection (public-reports.md sections 4-9):
    def test_netherlands_south_korea_raised_only_from_1_january_2013(self) -> None:
        # the years before are documented only between sightings of other values
        assert nk.policy("NL", on=dt.date(2012, 12, 31), max_gap=NEAR) is None
        # (an MP's questions of 2013, public-reports-3-resettlement.md, date the same change)
        p = nk.policy("NL", on=dt.date(2013, 1, 1))
        assert p is not None and "nl-2013-south-korea-as-protection-alternative" in p.id.split("+")
        assert any("beschermingsalternatief" in e.anchor for e in p.evidence)
        later = nk.policy("NL", on=dt.date(2014, 6, 6))
        assert later is not None and "nl-2013-south-korea-as-protection-alternative" in later.id.split("+")
        assert nk.can_resettle("KP", None, "NL", on=dt.date(2014, 6, 6)).verdict is nk.Verdict.UNDOCUMENTED

