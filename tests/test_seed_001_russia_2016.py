"""Seed 001: temporary asylum in Russia on the fourth try (repost of NK News, June 2016)."""

from __future__ import annotations

import datetime as dt

import nkasylum as nk

SOURCE = "nknews-repost-2016-06-16"


def test_the_source_is_a_repost_naming_its_original() -> None:
    s = nk.source(SOURCE)
    assert s.kind is nk.SourceKind.REPOST
    assert s.original_publisher is not None and "nknews" in s.original_publisher.lower()
    assert s.published == dt.date(2016, 6, 16)  # "Thursday (June 16)" resolved to 2016


def test_kim_got_temporary_asylum_on_the_fourth_application() -> None:
    kim = nk.case("ru-kim-temporary-asylum-2016")
    assert kim.outcome is nk.Outcome.TEMPORARY_ASYLUM
    assert kim.date == dt.date(2016, 5, 26)
    assert kim.applications == 4
    assert kim.people == nk.Quantity(1)


def test_three_dismissed_applications_are_cases() -> None:
    rejected = nk.cases(country="RU", outcome="rejected")
    assert [c.date for c in rejected] == [dt.date(2014, 1, 1), dt.date(2015, 11, 1),
                                          dt.date(2015, 12, 1)]
    assert all(c.date_precision is nk.DatePrecision.MONTH for c in rejected)


def test_the_dates_that_contradict_each_other_are_kept_and_flagged() -> None:
    kim = nk.case("ru-kim-temporary-asylum-2016")
    assert any("late 2014" in note for note in kim.inconsistencies)
    assert any("2013" in note for note in kim.inconsistencies)
    first = nk.case("ru-kim-application-2014-01")
    assert first.date == dt.date(2014, 1, 1)  # stored as written, not "corrected"
    assert first.inconsistencies
    (conflict,) = [c for c in nk.conflicts() if c.id == "ru-kim-arrival-and-first-application"]
    assert set(conflict.versions) == {first.id, kim.id}


def test_the_readmission_deal_is_a_rule_from_november_2015() -> None:
    (rule,) = [p for p in nk.policies("RU") if p.id == "ru-readmission-agreement"]
    assert rule.basis is nk.Basis.RULE
    assert rule.valid_from == dt.date(2015, 11, 1)
    assert rule.valid_until is None
    assert rule.repatriates is True


def test_the_fms_granted_temporary_asylum_in_2016() -> None:
    p = nk.policy("RU", on=dt.date(2016, 6, 1))
    assert p is not None
    assert nk.Status.TEMPORARY_ASYLUM in p.grants
    assert any("Federal Migration Service" in x for x in p.procedures)


def test_workers_estimate_keeps_its_qualifier() -> None:
    (s,) = [s for s in nk.statistics(country="RU") if s.id == "ru-nk-workers-2016"]
    assert s.value == nk.Quantity(10000, nk.Qualifier.ABOUT)
    assert s.value.lower_bound is None
