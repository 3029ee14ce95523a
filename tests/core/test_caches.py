"""Typed caches and the one budget they share."""

from __future__ import annotations

from nkasylum.core.caches import Budget, Cache


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
