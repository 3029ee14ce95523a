"""Plain reference implementations, to check the fast paths give the same answers.

No caches, no indexes, no pruning: the search is the textbook depth-first enumeration
of simple paths over the passages that apply on the day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import nkasylum as nk


def route_shapes(kb: nk.KnowledgeBase, origin: str, dest: str, day: dt.date,
                 max_transits: int = 3) -> set[tuple[str, ...]]:
    """The country sequences (third countries left out) of every documented route."""
    start, goal = nk.country(origin), nk.country(dest)
    out: dict[nk.Country, set[nk.Country]] = {}
    for p in kb.all_passages:
        if isinstance(p.origin, nk.Country) and isinstance(p.dest, nk.Country) and p.applies(day):
            out.setdefault(p.origin, set()).add(p.dest)
    found: set[tuple[str, ...]] = set()

    def walk(here: nk.Country, path: list[nk.Country]) -> None:
        for nxt in sorted(out.get(here, ())):
            if nxt in path:
                continue
            if nxt == goal:
                found.add(tuple(c.alpha_2 for c in (*path, nxt)))
            elif len(path) <= max_transits:
                walk(nxt, [*path, nxt])

    if start != goal:
        walk(start, [start])
    return found


def shapes(routes: Iterable[nk.Route]) -> set[tuple[str, ...]]:
    """The country sequences of routes, third countries left out."""
    return {tuple(p.alpha_2 for p in r.places if isinstance(p, nk.Country)) for r in routes}


def verdicts(kb: nk.KnowledgeBase, rows: Iterable[tuple[object, object, object, object]],
             exact: bool = False) -> list[nk.Verdict]:
    """One full assessment per row, on a fresh copy of ``kb`` (nothing cached); ``exact``:
    the transit countries are the exact legs, else waypoints."""
    fresh = nk.KnowledgeBase(all_sources=kb.all_sources, all_policies=kb.all_policies,
                             all_passages=kb.all_passages, all_cases=kb.all_cases,
                             all_statistics=kb.all_statistics, all_conflicts=kb.all_conflicts,
                             scope=kb.scope)
    return [fresh.can_resettle(o, v, d, on=day, exact=exact and v is not None).verdict  # type: ignore[arg-type]
            for o, v, d, day in rows]
