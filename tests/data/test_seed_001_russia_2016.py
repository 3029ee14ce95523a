"""Seed 001: temporary asylum in Russia on the fourth try (repost of NK News, June 2016)."""

from __future__ import annotations

import datetime as dt

import nkasylum as nk

SOURCE = "nknews-repost-2016-06-16"


def test_the_source_is_a_repost_naming_its_original() -> None:
    s = nk.source(SOURCE)
    assert s.kind is nk.SourceKind.REPOST
    assert s.original_publisher is not None and "nknews" in s.original_publisher.lower()
    assert str(s.published) == "2016-06-16"  # "Thursday (June 16)" resolved to 2016


def test_kim_got_temporary_asylum_on_the_fourth_application() -> None:
    kim = nk.case("ru-kim-temporary-asylum-2016")
    assert kim.outcome is nk.Outcome.TEMPORARY_ASYLUM
    assert str(kim.date) == "2016-05-26"
    assert kim.applications == 4
    assert kim.people == nk.Quantity(1)


def test_three_dismissed_applications_are_cases() -> None:
    # Kim's own applications (the third collection adds another refusal, reported in January 2016)
    rejected = [c for c in nk.cases(country="RU", outcome="rejected") if c.id.startswith("ru-kim-")]
    # each known to its month only: the whole month, never its first day
    assert [str(c.date) for c in rejected] == ["2014-01", "2015-11", "2015-12"]
    assert all(c.date is not None and c.date.precision is nk.DatePrecision.MONTH for c in rejected)


def test_the_dates_that_contradict_each_other_are_kept_and_flagged() -> None:
    kim = nk.case("ru-kim-temporary-asylum-2016")
    assert any("late 2014" in note for note in kim.inconsistencies)
    assert any("2013" in note for note in kim.inconsistencies)
    first = nk.case("ru-kim-application-2014-01")
    assert str(first.date) == "2014-01"  # stored as written, not "corrected"
    assert first.inconsistencies
    (conflict,) = [c for c in nk.conflicts() if c.id == "ru-kim-arrival-and-first-application"]
    assert set(conflict.versions) == {first.id, kim.id}


def test_the_readmission_deal_is_seen_when_the_report_says_it_now_allows_transfers() -> None:
    # "now allows" in a report of 16 June 2016: a practice seen then, not a rule from a day the
    # words do not give (fact audit 2026-11).
    (deal,) = [p for p in nk.policies("RU") if p.id == "ru-readmission-agreement"]
    assert deal.basis is nk.Basis.OBSERVATION and deal.valid_from is None
    assert deal.repatriates is True
    kb = nk.default_knowledge_base()
    assert kb.support(deal.id, on=dt.date(2016, 6, 16)).support is nk.Support.SEEN
    assert kb.support(deal.id, on=dt.date(2016, 6, 17)).support is nk.Support.LAST_KNOWN


def test_the_fms_granted_temporary_asylum_in_2016() -> None:
    p = nk.policy("RU", on=dt.date(2016, 6, 1))
    assert p is not None
    assert nk.Status.TEMPORARY_ASYLUM in p.grants
    assert any("Federal Migration Service" in x for x in p.procedures)


def test_workers_estimate_keeps_its_qualifier() -> None:
    (s,) = [s for s in nk.statistics(country="RU") if s.id == "ru-nk-workers-2016"]
    assert s.value == nk.Quantity(10000, nk.Qualifier.ABOUT)
    assert s.value.lower_bound is None


def test_the_ngo_s_demand_and_criticism_are_its_positions_not_russia_s_policy() -> None:
    # audit 2026-12: "must receive refugee status" is a demand, filed with the positions of
    # organisations, and grants nothing
    kb = nk.default_knowledge_base()
    p = kb.entry("international-civic-assistance-2016-positions-on-russia")
    assert isinstance(p, nk.Policy) and p.country is nk.INTERNATIONAL
    assert p.grants == () and p.classification == () and p.urges == ()
    assert {e.anchor for e in p.evidence} == {
        "who seek help from the FMS must receive refugee status",
        "The organization has also criticized a recent agreement"}
    assert kb.support(p.id, on=dt.date(2016, 6, 16)).support is nk.Support.SEEN
    assert p.id not in {q.id for q in nk.policies("RU")}
