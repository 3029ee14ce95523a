"""Seed 004: Kyodo, 23 December 2009: North Koreans fled to South Korea from the Russian Far East."""

from __future__ import annotations

import datetime as dt

import nkasylum as nk

DAY = dt.date(2009, 12, 23)


def test_twelve_men_defected_in_september_with_unhcr() -> None:
    c = nk.case("ru-amur-12-2009")
    assert str(c.date) == "2009-09"  # "in September": the whole month
    assert c.date is not None and c.date.precision is nk.DatePrecision.MONTH
    assert c.people == nk.Quantity(12)
    assert c.channel is nk.Channel.UNHCR_OFFICE
    assert c.outcome is nk.Outcome.RESETTLED


def test_four_applications_pending() -> None:
    c = nk.case("ru-unhcr-pending-4-2009")
    assert c.outcome is nk.Outcome.PENDING and c.people == nk.Quantity(4)


def test_consulate_cases_2004_and_2006_to_2008() -> None:
    years = sorted(c.date.start.year for c in nk.cases(country="RU")
                   if c.channel is nk.Channel.CONSULATE and c.date is not None and c.date.lower
                   and any(e.source == "kyodo-2009-12-23" for e in c.evidence))
    assert years == [2004, 2004, 2006, 2007, 2008]  # this report's; a 2010 case has its own
    actors = {p.actor for p in nk.passages("RU", "KR", any_date=True)}
    assert {"UNHCR Moscow office", "South Korean Consulate General in Vladivostok",
            "U.S. Consulate General in Vladivostok"} <= actors


def test_no_request_at_japanese_consulates_is_not_a_refusal() -> None:
    (s,) = nk.statistics(country="JP", measure="asylum-requests-at-consulates")
    assert s.value == nk.Quantity(0, nk.Qualifier.EXACT, nk.Unit.APPLICATIONS)
    policy = nk.policy("JP", on=DAY)  # Japan's policy then (from other sources) refuses no one
    assert policy is None or policy.admits is not False
    a = nk.can_resettle("KP", "RU", "JP", on=DAY, exact=True)
    assert a.verdict is nk.Verdict.UNDOCUMENTED
    assert any("not a refusal" in line for line in a.explanation)


def test_worker_figures_keep_about() -> None:
    values = {s.area: s.value for s in nk.statistics(country="RU", measure="nk-workers") if s.area}
    assert values["Amur Province"] == nk.Quantity(1700, nk.Qualifier.ABOUT)
    assert values["Khabarovsk"] == nk.Quantity(1100, nk.Qualifier.ABOUT)


def test_russia_deports_in_principle_with_a_un_exception() -> None:
    p = nk.policy("RU", on=DAY)
    assert p is not None and p.repatriates is True
    assert p.exceptions and "UN" in p.exceptions[0]


def test_southeast_asia_keeps_a_row() -> None:
    found = nk.passages(nk.SOUTHEAST_ASIA, any_date=True)
    assert found and found[0].undated
