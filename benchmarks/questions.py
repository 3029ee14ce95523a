"""The questions the benchmark asks: distinct, realistic, seeded.

A user's loop rarely asks the same question twice: each row of a panel is another
destination, another transit country, another day. So every generator here returns
*distinct* questions (no repeats), drawn from every destination ISO knows, zero to two
transit countries among those the knowledge base documents, and any day of 1995-2025.
"""

from __future__ import annotations

import datetime as dt
import random

import nkasylum as nk

FIRST = dt.date(1995, 1, 1)
LAST = dt.date(2025, 12, 31)
Question = tuple[str, object, str, dt.date]


def documented_countries(kb: nk.KnowledgeBase) -> list[str]:
    """The countries the knowledge base's passages and policies name (the transit pool)."""
    codes = {p.alpha_2 for q in kb.all_passages for p in (q.origin, q.dest) if isinstance(p, nk.Country)}
    codes |= {p.country.alpha_2 for p in kb.all_policies if isinstance(p.country, nk.Country)}
    return sorted(codes - set(kb.scope))


def _days(rng: random.Random) -> dt.date:
    return dt.date.fromordinal(rng.randrange(FIRST.toordinal(), LAST.toordinal() + 1))


def _journey(rng: random.Random, origin: str, dests: list[str], transits: list[str],
             hops: tuple[int, ...]) -> tuple[object, str]:
    dest = rng.choice(dests)
    n = rng.choice(hops)
    pool = [c for c in transits if c not in (origin, dest)]
    via: object = None if n == 0 else (rng.choice(pool) if n == 1 else tuple(rng.sample(pool, n)))
    return via, dest


def distinct(kb: nk.KnowledgeBase, n: int, *, named: bool | None, seed: int = 11,
             origin: str = "KP", dests: list[str] | None = None) -> list[Question]:
    """``n`` distinct questions: any-route only (``named=False``), named routes of one or
    two transit countries only (``named=True``), or both (``None``: zero to two)."""
    rng = random.Random(seed)
    dests = dests or [c.alpha_2 for c in nk.all_countries() if c.alpha_2 != origin]
    transits = documented_countries(kb)
    hops = {False: (0,), True: (1, 2), None: (0, 1, 2)}[named]
    seen: dict[Question, None] = {}
    while len(seen) < n:
        via, dest = _journey(rng, origin, dests, transits, hops)
        seen.setdefault((origin, via, dest, _days(rng)), None)
    return list(seen)


def bulk_rows(kb: nk.KnowledgeBase, n: int, seed: int = 5) -> list[Question]:
    """``n`` realistic rows (repeats allowed, as in a real panel): any destination, zero to
    two transit countries, any day of 1995-2025."""
    rng = random.Random(seed)
    dests = [c.alpha_2 for c in nk.all_countries() if c.alpha_2 != "KP"]
    transits = documented_countries(kb)
    first, last = FIRST.toordinal(), LAST.toordinal()
    days = [dt.date.fromordinal(d) for d in range(first, last + 1)]
    out: list[Question] = []
    for _ in range(n):
        via, dest = _journey(rng, "KP", dests, transits, (0, 1, 2))
        out.append(("KP", via, dest, rng.choice(days)))
    return out
