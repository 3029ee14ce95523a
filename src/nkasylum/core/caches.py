"""Typed, bounded caches that share one bound on the memory they hold together.

A :class:`Cache` keeps what one function computes, under keys of one type: its name says
what it holds, ``maxsize`` bounds its entries, and it counts the memory it holds as an
estimate in items (see :class:`Budget`). Several caches answer to one :class:`Budget`:
when their estimate together would pass its bytes, every one of them is emptied. Emptied,
not trimmed: a loop of distinct questions gains nothing from old entries, and emptying
keeps a hit to one dictionary look-up (:attr:`Cache.get` is the dictionary's own ``get``).

Entries are replaced, never changed in place, except in a cache whose values are filled
as they are read and counted with :meth:`Cache.charge`; emptying gives a cache a new
dictionary, so a caller still holding the old one reads it unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

__all__ = ["Budget", "Cache"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Budget:
    """The memory several caches may hold together, estimated in items.

    ``item_bytes`` is about how much one item takes; an entry counts two items more, for
    its key and its slot. ``limit`` gives the bytes the caches may hold; it is read at
    every check, so that a bound set at run time applies at once.
    """

    __slots__ = ("bytes", "caches", "item_bytes", "limit")

    def __init__(self, limit: Callable[[], int], item_bytes: int) -> None:
        self.limit = limit
        self.item_bytes = item_bytes
        self.caches: list[Cache[object, object]] = []
        self.bytes = 0
        """The memory the caches hold, estimated: the sum of their own sizes, kept as they
        change so that a check is one comparison."""

    def entries(self) -> int:
        """How many entries the caches hold together."""
        return sum(len(cache.data) for cache in self.caches)

    def clear(self) -> None:
        """Empty every cache."""
        for cache in self.caches:
            cache.clear()


class Cache(Generic[K, V]):
    """What one function computes, by key: bounded by ``maxsize`` entries and by the
    :class:`Budget` it shares with other caches.

    Example:
        >>> from nkasylum.core.caches import Budget, Cache
        >>> budget = Budget(lambda: 10_000, item_bytes=60)
        >>> squares: Cache[int, int] = Cache("squares", budget, maxsize=100)
        >>> squares.keep(3, 9, items=1), squares.get(3), squares.bytes
        (9, 9, 180)
    """

    __slots__ = ("_budget", "bytes", "data", "get", "maxsize", "name")

    def __init__(self, name: str, budget: Budget, maxsize: int) -> None:
        self.name = name
        self.maxsize = maxsize
        self._budget = budget
        self.bytes = 0
        self.data: dict[K, V] = {}
        self.get: Callable[[K], V | None] = self.data.get
        """The value kept under a key, or ``None``."""
        budget.caches.append(self)  # type: ignore[arg-type]  # held as caches of any types

    def __repr__(self) -> str:
        return f"<Cache {self.name}: {len(self.data)} entries, about {self.bytes} bytes>"

    def __len__(self) -> int:
        return len(self.data)

    def keep(self, key: K, value: V, items: int = 0) -> V:
        """Keep ``value`` under ``key`` and return it; ``items``: about how many items it
        holds. This cache is emptied first when it is full, every cache of the budget when
        the estimate would pass the budget's bytes."""
        data = self.data
        budget = self._budget
        cost = (items if key in data else items + 2) * budget.item_bytes
        if len(data) >= self.maxsize:
            self.clear()
            data = self.data
            cost = (items + 2) * budget.item_bytes
        if budget.bytes + cost > budget.limit():
            budget.clear()
            data = self.data
            cost = (items + 2) * budget.item_bytes
        data[key] = value
        self.bytes += cost
        budget.bytes += cost
        return value

    def charge(self, items: int) -> None:
        """Count ``items`` added in place to a value already kept; every cache of the budget
        is emptied when the estimate passes its bytes."""
        budget = self._budget
        cost = items * budget.item_bytes
        self.bytes += cost
        budget.bytes += cost
        if budget.bytes > budget.limit():
            budget.clear()

    def clear(self) -> None:
        """Empty this cache (a new dictionary: one a caller still holds stays as it was)."""
        self.data = {}
        self.get = self.data.get
        self._budget.bytes -= self.bytes
        self.bytes = 0
