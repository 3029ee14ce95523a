"""Seed 002: VOA, 11 September 2002: asylum seekers allowed to leave China."""

from __future__ import annotations

import datetime as dt

import nkasylum as nk

DAY = dt.date(2002, 9, 11)


def test_more_than_30_is_not_30() -> None:
    (s,) = [s for s in nk.statistics(country="CN") if s.id == "cn-mission-departures-2002-09-11"]
    assert s.value.qualifier is nk.Qualifier.MORE_THAN
    assert s.value.value == 30
    assert s.value.lower_bound == 31
    assert str(s.value) == "more than 30"


def test_the_german_school_group_left_on_wednesday_the_11th() -> None:
    c = nk.case("cn-german-school-15-2002")
    assert c.date == nk.When.day(DAY)  # "Wednesday morning" resolved against the report's date
    assert c.people == nk.Quantity(15)
    assert str(c.route) == "CN > third country > KR"
    assert c.outcome is nk.Outcome.LEFT_FOR_THIRD_COUNTRY
    assert any("Wednesday" in e.note for e in c.evidence)


def test_about_21_stays_about() -> None:
    c = nk.case("cn-group-21-2002")
    assert c.people == nk.Quantity(21, nk.Qualifier.ABOUT)


def test_bounds_and_magnitudes() -> None:
    stats = {s.id: s for s in nk.statistics(country="CN")}
    assert stats["cn-mission-asylum-seekers-2002"].value == nk.Quantity(80, nk.Qualifier.AT_LEAST)
    fled = stats["cn-fled-to-china-2002"].value
    assert fled.qualifier is nk.Qualifier.ORDER_OF_MAGNITUDE
    assert str(fled) == "tens of thousands"


def test_china_repatriates_yet_let_mission_entrants_leave() -> None:
    p = nk.policy("CN", on=DAY)
    assert p is not None and p.repatriates is True
    assert nk.Classification.ILLEGAL_ECONOMIC_MIGRANT in p.classification
    assert p.agreements
    (exit_,) = nk.passages("CN", "KR", on=DAY)
    assert exit_.id == "cn-kr-foreign-mission-2002"
    assert exit_.channel is nk.Channel.FOREIGN_MISSION
    assert exit_.via_third_country


def test_the_2002_practice_is_an_observation_not_a_rule_forever() -> None:
    exit_ = nk.default_knowledge_base().entry("cn-kr-foreign-mission-2002")
    assert isinstance(exit_, nk.Passage) and exit_.basis is nk.Basis.OBSERVATION
    kb = nk.default_knowledge_base()
    assert kb.support(exit_.id, on=DAY).support is nk.Support.SEEN
    later = kb.support(exit_.id, on=dt.date(2010, 1, 1))
    assert later.support is nk.Support.LAST_KNOWN and exit_ not in nk.passages("CN", "KR", on=dt.date(2010, 1, 1))


def test_famine_and_persecution_are_why_people_fled() -> None:
    # audit 2026-12: the aid worker's reasons are recorded, seen on the report's day
    kb = nk.default_knowledge_base()
    (reason,) = [e for e in kb.entry("kp-why-people-flee").evidence if e.source == "voa-2002-09-11"]
    assert reason.anchor == "escaping famine and persecution at home"
    assert kb.support("kp-why-people-flee", on=DAY).support is nk.Support.SEEN
