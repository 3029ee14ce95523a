"""Seed 000: the undated explainer "What countries allow North Koreans?"."""

from __future__ import annotations

import datetime as dt

import pytest

import nkasylum as nk

SOURCE = "explainer-what-countries-allow"


def test_the_source_is_undated_and_unattributed() -> None:
    s = nk.source(SOURCE)
    assert s.published is None
    assert s.publisher is None
    assert s.kind is nk.SourceKind.UNATTRIBUTED


def test_undated_claims_answer_no_dated_question() -> None:
    # "An observation is not a rule forever": an undated page cannot say what held in 2010.
    assert nk.policy("CA", on=dt.date(2010, 1, 1)) is None or all(
        e.source != SOURCE for e in nk.policy("CA", on=dt.date(2010, 1, 1)).evidence  # type: ignore[union-attr]
    )
    undated = nk.policy_timeline("CA")[-1]
    assert undated.undated
    assert "Immigration and Refugee Board of Canada" in undated.procedures


def test_china_classes_them_as_economic_migrants() -> None:
    (p,) = [p for p in nk.policies("CN") if p.id == "cn-explainer-economic-migrants"]
    assert p.undated
    # "economic migrants", without "illegal": the claim the words make (fact audit 2026-11)
    assert p.classification == (nk.Classification.ECONOMIC_MIGRANT,)
    assert p.repatriates is True


def test_south_korea_grants_citizenship() -> None:
    (p,) = [p for p in nk.policies("KR") if p.id == "kr-explainer-citizenship"]
    assert nk.Status.CITIZENSHIP in p.grants
    assert nk.Classification.CITIZEN in p.classification


def test_united_states_takes_claims_through_usrap() -> None:
    (p,) = [p for p in nk.policies("US") if p.id == "us-explainer-usrap"]
    assert p.procedures == ("U.S. Refugee Admissions Program",)
    assert p.grants == ()  # the explainer names no status: nothing is filled in


@pytest.mark.parametrize("code", ["GB", "AU", "DE", "NL"])
def test_other_countries_accepted_a_small_unquantified_number(code: str) -> None:
    (p,) = [p for p in nk.policies(code) if p.id.endswith("-explainer-small-number")]
    assert p.admits is True
    assert p.undated
    assert p.grants == () and p.procedures == ()


def test_brokers_in_china_lead_to_unnamed_countries() -> None:
    (p,) = [p for p in nk.passages("CN", any_date=True) if p.id == "cn-third-country-broker"]
    assert p.channel is nk.Channel.BROKER
    assert p.dest is nk.THIRD_COUNTRY
    assert p.undated


def test_the_facts_the_vocabulary_cannot_carry_are_context_or_a_note() -> None:
    # audit 2026-12: South Korea's appeal and the reasons for leaving are undated context
    # (no field set); "other countries may offer ..." names no country, so only a note
    kb = nk.default_knowledge_base()
    appeal = kb.entry("kr-explainer-most-desirable-destination")
    assert isinstance(appeal, nk.Policy) and appeal.undated
    assert (appeal.admits, appeal.grants, appeal.classification) == (None, (), ())
    reasons = kb.entry("kp-why-people-flee")
    assert isinstance(reasons, nk.Policy) and reasons.repatriates is None
    assert {e.source for e in reasons.evidence} == {SOURCE, "voa-2002-09-11"}
    assert "may offer permanent residency or refugee status" in nk.source(SOURCE).note
