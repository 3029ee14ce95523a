"""Chains of passages as the route search finds them: where one ranks, and its route.

The search ranks every chain it finds and builds :class:`~nkasylum.Route` values only for
those it returns. What both read of a passage (the ordinal of its newest evidence, its text
in a route after its origin, and its legs) is worked out the first time a chain holds it,
and kept in the index's cache of steps for every later search.
"""

from __future__ import annotations

from nkasylum.core.places import THIRD_COUNTRY, place_label
from nkasylum.core.trusted import trusted
from nkasylum.engine.fast.adjacency import legs_of, passage_newest
from nkasylum.engine.index import Index
from nkasylum.model.passages import Passage
from nkasylum.model.routes import Leg, Route

__all__ = ["Step", "chain_rank", "chain_route", "chain_steps"]

_THROUGH = f" > {place_label(THIRD_COUNTRY)} > "

Step = tuple[int, str, tuple[Leg, ...]]
"""What the ranking and the routes read of a passage: the ordinal of its newest evidence,
its text in a route after its origin, and its legs."""


def chain_steps(index: Index) -> dict[str, Step]:
    """The steps worked out so far, by passage id (one table per index, filled as read)."""
    return index.caches.steps.data


def _step(index: Index, steps: dict[str, Step], p: Passage) -> Step:
    """The step of a passage not yet in ``steps``, kept there (the table is the only cache of
    its legs the search needs)."""
    found = steps[p.id] = (passage_newest(index, p).toordinal(),
                           (_THROUGH if p.via_third_country else " > ") + place_label(p.dest),
                           legs_of(p))
    index.caches.steps.charge(2 + len(found[2]))
    return found


def chain_rank(index: Index, steps: dict[str, Step], start: str,
               chain: tuple[Passage, ...]) -> tuple[int, int, str]:
    """Where the route of a chain ranks (fewest legs, newest evidence, its text), read from
    the passages without building the route: the text is ``str(route)``."""
    legs = newest = 0
    text = start
    for p in chain:
        step = steps.get(p.id) or _step(index, steps, p)
        legs += len(step[2])
        if step[0] > newest:
            newest = step[0]
        text += step[1]
    return legs, -newest, text


def chain_route(index: Index, steps: dict[str, Step], chain: tuple[Passage, ...]) -> Route:
    """The route of a chain of passages, built without its constructor's checks: the search
    only joins a passage to the country the last one reached and never revisits a country,
    and the legs are those of :func:`~nkasylum.engine.fast.adjacency.legs_of`."""
    legs: tuple[Leg, ...] = ()
    for p in chain:  # a chain is short: adding tuples costs less than a generator
        legs += (steps.get(p.id) or _step(index, steps, p))[2]
    return _ROUTE(legs)


_ROUTE = trusted(Route, "legs")
