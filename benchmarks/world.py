"""A generated world knowledge base: every ISO country, thousands of dated passages.

The facts are random and mean nothing; they exist to measure the engine at a scale the
bundled data does not reach yet. Generation is seeded, so every run builds the same KB.
"""

from __future__ import annotations

import datetime as dt
import random

import nkasylum as nk

FIRST = dt.date(1990, 1, 1)
LAST = dt.date(2025, 12, 31)
SOURCE = nk.Source(id="generated", title="generated world", document="none",
                   kind=nk.SourceKind.UNATTRIBUTED, published=nk.When.day(dt.date(2020, 1, 1)))
SOURCES = (SOURCE, *(
    nk.Source(id=f"generated-{year}", title="generated", document="none",
              kind=nk.SourceKind.UNATTRIBUTED, published=nk.When.day(dt.date(year, 6, 1)))
    for year in range(1990, 2026)))


def world(passages: int = 8000, policies: int = 400, seed: int = 8) -> nk.KnowledgeBase:
    """A knowledge base over all ISO countries with ``passages`` random dated passages.

    Every country is in scope, so any country can be an origin. Passages are
    observations seen over one span of one to twelve years; about one in ten runs via a third country.
    """
    rng = random.Random(seed)
    codes = [c.alpha_2 for c in nk.all_countries()]
    countries = {c: nk.country(c) for c in codes}
    span = (LAST - FIRST).days
    channels = list(nk.Channel)
    made = []
    for i in range(passages):
        a, b = rng.sample(codes, 2)
        start = FIRST + dt.timedelta(days=rng.randrange(span))
        end = min(LAST, start + dt.timedelta(days=rng.randrange(365, 12 * 365)))
        year = rng.randrange(1990, 2026)
        made.append(nk.Passage(
            id=f"w{i}", origin=countries[a], dest=countries[b], channel=rng.choice(channels),
            summary="generated", basis=nk.Basis.OBSERVATION,
            evidence=(nk.Evidence(f"generated-{year}", "a generated anchor phrase", "generated"),),
            via_third_country=rng.random() < 0.1, valid_from=nk.When.day(start),
            valid_until=nk.When.day(end)))
    rules = []
    for i in range(policies):
        code = rng.choice(codes)
        start = FIRST + dt.timedelta(days=rng.randrange(span))
        rules.append(nk.Policy(
            id=f"q{i}", country=countries[code], summary="generated", basis=nk.Basis.OBSERVATION,
            evidence=(nk.Evidence("generated", "a generated anchor phrase", "generated"),),
            valid_from=nk.When.day(start),
            valid_until=nk.When.day(start + dt.timedelta(days=rng.randrange(30, 3650))),
            repatriates=True if rng.random() < 0.5 else None,
            exceptions=("generated",) if rng.random() < 0.3 else ()))
    # Statements of one country in force together must not contradict each other; every
    # generated policy says "repatriates" or nothing, so none do.
    return nk.KnowledgeBase(all_sources=SOURCES, all_passages=tuple(made),
                            all_policies=tuple(rules), scope=tuple(codes))
