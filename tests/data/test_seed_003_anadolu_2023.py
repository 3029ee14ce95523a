"""Seed 003: Anadolu Agency, 16 August 2023: Seoul urges Beijing not to repatriate."""

from __future__ import annotations

import datetime as dt

import nkasylum as nk

DAY = dt.date(2023, 8, 16)


def test_china_detains_and_repatriates_in_2023() -> None:
    p = nk.policy("CN", on=DAY)
    assert p is not None and p.repatriates is True
    assert "cn-2023-detention-repatriation" in p.id.split("+")


def test_seoul_would_welcome_all_defectors_and_urges_china_to_call_them_refugees() -> None:
    p = nk.policy("KR", on=DAY)
    assert p is not None and p.admits is True
    # Seoul urging Beijing is not Seoul's own classification (fact audit 2026-11)
    assert nk.Classification.REFUGEE not in p.classification
    assert nk.Urging(nk.country("CN"), (nk.Classification.REFUGEE,)) in p.urges


def test_nkdb_count_and_share_keep_units_and_qualifiers() -> None:
    (count,) = nk.statistics(country="KP", measure="repatriations-documented")
    assert count.value == nk.Quantity(8148, nk.Qualifier.EXACT, nk.Unit.CASES)
    (share,) = nk.statistics(country="CN", measure="share-of-repatriations")
    assert share.value == nk.Quantity(98, nk.Qualifier.ALMOST, nk.Unit.PERCENT)
    assert str(share.value) == "almost 98%"
    assert count.as_of == share.as_of == nk.When.day(DAY)
