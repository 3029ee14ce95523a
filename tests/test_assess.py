"""The transit logic on the documents' dates: the answers a careful reader expects."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import nkasylum as nk

D = dt.date


def test_china_2002_mission_exit_via_a_third_country() -> None:
    a = nk.can_resettle("KP", "CN", "KR", on=D(2002, 9, 11))
    assert a.verdict is nk.Verdict.DOCUMENTED and bool(a)
    assert str(a.route) == "KP > CN > third country > KR"
    assert "voa-2002-09-11" in {e.source for e in a.evidence}
    assert any("sends North Koreans back in principle" in line for line in a.explanation)
    assert a.latest_evidence is not None and a.latest_evidence >= D(2002, 9, 11)


def test_china_after_the_observed_exits_is_blocked_in_2023() -> None:
    a = nk.can_resettle("KP", "CN", "KR", on=D(2023, 8, 16))
    assert a.verdict is nk.Verdict.BLOCKED and not a
    assert a.route is None
    assert any("blocked" in line for line in a.explanation)
    assert any("only 2002-01-01 to 2004-06-01" in line for line in a.explanation)


def test_russia_2009_unhcr_route() -> None:
    a = nk.can_resettle("North Korea", "Russia", "South Korea", on=D(2009, 12, 23))
    assert a.verdict is nk.Verdict.DOCUMENTED
    assert str(a.route) == "KP > RU > KR"
    assert a.route is not None and a.route.legs[1].channel is nk.Channel.UNHCR_OFFICE
    assert nk.routes("KP", "KR", on=D(2009, 12, 23)) == (a.route,)


def test_russia_consulates_2004_and_2006_to_2008_but_not_2005() -> None:
    assert nk.can_resettle("KP", "RU", "KR", on=D(2004, 6, 1)).verdict is nk.Verdict.DOCUMENTED
    assert nk.can_resettle("KP", "RU", "KR", on=D(2007, 6, 1)).verdict is nk.Verdict.DOCUMENTED
    gap = nk.can_resettle("KP", "RU", "KR", on=D(2005, 6, 1))
    assert gap.verdict is nk.Verdict.UNDOCUMENTED  # no case documented in 2005


def test_russia_after_the_readmission_deal_is_blocked() -> None:
    a = nk.can_resettle("KP", "RU", "KR", on=D(2016, 6, 16))
    assert a.verdict is nk.Verdict.BLOCKED
    assert "nknews-repost-2016-06-16" in {e.source for e in a.evidence}


def test_temporary_asylum_in_russia_2016() -> None:
    a = nk.can_resettle("KP", None, "RU", on=D(2016, 6, 1))
    assert a.verdict is nk.Verdict.DOCUMENTED
    assert any("temporary-asylum" in line for line in a.explanation)


def test_south_korea_as_destination_names_its_status() -> None:
    a = nk.can_resettle("KP", "CN", "KR", on=D(2002, 9, 11))
    assert a.dest == nk.country("KR")


def test_us_and_canada_have_procedures_but_no_documented_route() -> None:
    for dest in ("US", "CA"):
        a = nk.can_resettle("KP", None, dest, on=D(2009, 12, 23))
        assert a.verdict is nk.Verdict.UNDOCUMENTED, dest


def test_japan_is_undocumented_not_refused() -> None:
    a = nk.can_resettle("KP", "RU", "JP", on=D(2009, 12, 23))
    assert a.verdict is nk.Verdict.UNDOCUMENTED


def test_via_none_without_a_route_is_undocumented_not_blocked() -> None:
    a = nk.can_resettle("KP", None, "KR", on=D(2023, 8, 16))
    assert a.verdict is nk.Verdict.UNDOCUMENTED
    assert any("China" in line and "sends North Koreans back" in line for line in a.explanation)


def test_via_accepts_a_sequence() -> None:
    a = nk.can_resettle("KP", ["CN"], "KR", on=D(2002, 9, 11))
    b = nk.can_resettle("KP", ("China",), "KR", on=D(2002, 9, 11))
    assert a == b and a.via == (nk.country("CN"),)


def test_out_of_scope_origin() -> None:
    with pytest.raises(nk.OutOfScopeError, match="North Korea") as info:
        nk.can_resettle("SY", None, "DE")
    assert isinstance(info.value, ValueError)
    with pytest.raises(nk.OutOfScopeError):
        nk.routes("CN", "KR")


@pytest.mark.parametrize("via", [42, {"CN"}, {"a": 1}, b"CN", [1]])
def test_bad_via_is_a_type_error(via: object) -> None:
    with pytest.raises(nk.ArgumentTypeError):
        nk.can_resettle("KP", via, "KR", on=D(2002, 9, 11))  # type: ignore[arg-type]


@pytest.mark.parametrize("on", ["2002-09-11", 2002, dt.datetime(2002, 9, 11)])
def test_bad_on_is_a_type_error(on: object) -> None:
    with pytest.raises(nk.ArgumentTypeError, match=r"datetime\.date"):
        nk.can_resettle("KP", "CN", "KR", on=on)  # type: ignore[arg-type]


def test_a_country_twice_is_an_invalid_route() -> None:
    with pytest.raises(nk.InvalidRouteError, match="twice"):
        nk.can_resettle("KP", ["CN", "China"], "KR", on=D(2002, 9, 11))
    with pytest.raises(nk.InvalidRouteError):
        nk.can_resettle("KP", None, "KP", on=D(2002, 9, 11))


def test_a_region_is_not_a_destination() -> None:
    with pytest.raises(nk.InvalidRouteError, match="region"):
        nk.can_resettle("KP", None, "Southeast Asia", on=D(2002, 9, 11))


def test_default_date_is_today() -> None:
    a = nk.can_resettle("KP", "CN", "KR")
    assert a.on == dt.date.today()


def test_scenario_what_if_china_stopped_repatriating(kb: nk.KnowledgeBase) -> None:
    day = D(2023, 8, 16)
    exit_ = nk.Passage(
        id="what-if-cn-kr-2023", origin=nk.country("CN"), dest=nk.country("KR"),
        channel=nk.Channel.FOREIGN_MISSION, summary="Hypothetical: China lets people leave.",
        basis=nk.Basis.OBSERVATION, valid_from=day, valid_until=day,
        evidence=(nk.Evidence("anadolu-2023-08-16", "urged Beijing to “cooperate” by not sending",
                              "Hypothetical scenario built on Seoul's request."),))
    what_if = kb.with_passage(exit_)
    assert what_if.can_resettle("KP", "CN", "KR", on=day).verdict is nk.Verdict.DOCUMENTED
    assert kb.can_resettle("KP", "CN", "KR", on=day).verdict is nk.Verdict.BLOCKED
    assert nk.default_knowledge_base() is kb
    back = what_if.without("what-if-cn-kr-2023")
    assert back == kb


def test_with_policy_replaces_by_id(kb: nk.KnowledgeBase) -> None:
    day = D(2023, 8, 16)
    original = next(p for p in kb.all_policies if p.id == "cn-2023-detention-repatriation")
    softened = attrs.evolve(original, repatriates=None)
    what_if = kb.with_policy(softened)
    assert len(what_if.all_policies) == len(kb.all_policies)
    assert what_if.can_resettle("KP", "CN", "KR", on=day).verdict is nk.Verdict.UNDOCUMENTED


def test_without_unknown_id(kb: nk.KnowledgeBase) -> None:
    with pytest.raises(nk.UnknownEntryError, match="did you mean"):
        kb.without("ru-kr-unhcr-moskow")


def test_assessment_prints_its_steps() -> None:
    text = str(nk.can_resettle("KP", "RU", "KR", on=D(2009, 12, 23)))
    assert text.startswith("KP to KR via RU on 2009-12-23: documented")
    assert "UNHCR Moscow office" in text


def test_an_undocumented_any_route_answer_names_the_last_documented_route() -> None:
    a = nk.can_resettle("KP", None, "KR", on=D(2005, 6, 1))
    assert a.verdict is nk.Verdict.UNDOCUMENTED
    (line,) = [x for x in a.explanation if x.startswith("The latest earlier date")]
    assert "2004-12-31: KP > RU > KR" in line
    assert "kyodo-2009-12-23" in line
    # context, not support: it adds nothing to the evidence the verdict rests on
    assert a.evidence == () and a.latest_evidence is None


def test_no_earlier_route_means_no_such_line() -> None:
    a = nk.can_resettle("KP", None, "KR", on=D(1995, 1, 1))
    assert not any(x.startswith("The latest earlier date") for x in a.explanation)
