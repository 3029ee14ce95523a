"""Typed caches, their shared budget, and building a derived table with the collector paused."""

from __future__ import annotations

import gc

import pytest

from nkasylum.core.caches import Budget, Cache, building


def test_a_cache_keeps_and_counts_what_it_holds() -> None:
    budget = Budget(lambda: 10_000, item_bytes=60)
    squares: Cache[int, int] = Cache("squares", budget, maxsize=100)
    assert squares.keep(3, 9, items=1) == 9 and squares.get(3) == 9
    assert squares.bytes == budget.bytes == 180


def test_passing_the_budget_empties_every_cache_of_it() -> None:
    budget = Budget(lambda: 1_000, item_bytes=100)
    a: Cache[int, int] = Cache("a", budget, maxsize=100)
    b: Cache[int, int] = Cache("b", budget, maxsize=100)
    a.keep(1, 1, items=3)
    b.keep(2, 2, items=3)  # 500 + 500 bytes: at the limit, kept
    assert a.get(1) == 1 and b.get(2) == 2
    b.keep(3, 3, items=0)  # would pass it: both emptied first, then the new entry kept
    assert a.get(1) is None and b.get(2) is None and b.get(3) == 3
    assert budget.bytes == b.bytes == 200 and a.bytes == 0


@pytest.mark.parametrize("on_before", [True, False])
def test_building_pauses_the_collector_and_puts_back_what_it_found(on_before: bool) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if on_before else gc.disable)()
        with building():
            assert not gc.isenabled()
        assert gc.isenabled() is on_before
        with pytest.raises(ZeroDivisionError), building():
            1 / 0  # noqa: B018
        assert gc.isenabled() is on_before  # also after a failed build
    finally:
        (gc.enable if was else gc.disable)()
