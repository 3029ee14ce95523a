"""Generated world knowledge bases: any number of countries, thousands of dated passages.

The facts are random and mean nothing; they exist to measure the engine at a scale the
bundled data does not reach yet. Generation is seeded, so every run builds the same KB.

A world larger than ISO 3166-1 (249 countries) gets made-up countries beyond it, coded
``00A``, ``00B``, ... (three letters and digits, never all letters or all digits, so never
an ISO alpha-3 or numeric code).
They are registered in this process's table of codes by :func:`made_up_countries`, so
``nk.country("0A0")`` resolves as an ISO code does; nothing is written anywhere, and a
process that never builds such a world never sees them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import string

import nkasylum as nk
from nkasylum.core import countries as _countries

FIRST = dt.date(1990, 1, 1)
LAST = dt.date(2025, 12, 31)
SOURCE = nk.Source(id="generated", title="generated world", document="sources/generated.md",
                   kind=nk.SourceKind.UNATTRIBUTED, published=nk.When.day(dt.date(2020, 1, 1)))
SOURCES = (SOURCE, *(
    nk.Source(id=f"generated-{year}", title="generated", document="sources/generated.md",
              kind=nk.SourceKind.UNATTRIBUTED, published=nk.When.day(dt.date(year, 6, 1)))
    for year in range(1990, 2026)))


def made_up_countries(n: int) -> list[nk.Country]:
    """``n`` made-up countries beyond ISO's, registered so that their codes resolve."""
    codes = _countries._load_codes()  # the table ISO codes resolve through (private: benchmark only)
    made = []
    chars = string.digits + string.ascii_uppercase
    mixed = ("".join(t) for t in itertools.product(chars, repeat=3))
    for code in itertools.islice((c for c in mixed if not c.isalpha() and not c.isdigit()), n):
        value = codes.get(code.casefold())
        if value is None:
            value = nk.Country(alpha_2=code, alpha_3=code, numeric=code, name=f"Land {code}",
                               iso_name=f"Land {code}")
            codes[code.casefold()] = value
        made.append(value)
    return made


def countries(n: int | None = None) -> list[nk.Country]:
    """Every ISO country (``n=None``), the first ``n`` of them with North Korea always among
    them, or all of them and ``n - 249`` made-up ones."""
    iso = [c for c in nk.all_countries() if len(c.alpha_2) == 2]  # not the made-up ones
    if n is None:
        return iso
    if n <= len(iso):
        kp = nk.country("KP")
        return [kp, *[c for c in iso if c != kp][: n - 1]]
    return iso + made_up_countries(n - len(iso))


def world(passages: int = 8000, policies: int = 400, seed: int = 8, *,
          countries_: int | None = None, scope: tuple[str, ...] | None = None) -> nk.KnowledgeBase:
    """A knowledge base over ``countries_`` countries (default: every ISO country) with
    ``passages`` random dated passages and ``policies`` random policies.

    ``scope`` defaults to every ISO country in the world, so that any of them can be an
    origin. Passages are observations seen over one span of one to twelve years; about
    one in ten runs via a third country.
    """
    rng = random.Random(seed)
    chosen = countries(countries_)
    span = (LAST - FIRST).days
    channels = list(nk.Channel)
    made = []
    # One passage per origin, destination and channel: passages that share them are
    # sightings of one way and bridge each other, which the references (each passage's own
    # period, ``Passage.applies``) do not model.
    taken: set[tuple[str, str, nk.Channel]] = set()
    for i in range(passages):
        a, b = rng.sample(chosen, 2)
        free = [c for c in channels if (a.alpha_2, b.alpha_2, c) not in taken]
        while not free:
            a, b = rng.sample(chosen, 2)
            free = [c for c in channels if (a.alpha_2, b.alpha_2, c) not in taken]
        channel = rng.choice(free)
        taken.add((a.alpha_2, b.alpha_2, channel))
        start = FIRST + dt.timedelta(days=rng.randrange(span))
        end = min(LAST, start + dt.timedelta(days=rng.randrange(365, 12 * 365)))
        year = rng.randrange(1990, 2026)
        made.append(nk.Passage(
            id=f"w{i}", origin=a, dest=b, channel=channel,
            summary="generated", basis=nk.Basis.OBSERVATION,
            evidence=(nk.Evidence(f"generated-{year}", "a generated anchor phrase", "generated"),),
            via_third_country=rng.random() < 0.1, valid_from=nk.When.day(start),
            valid_until=nk.When.day(end)))
    rules = []
    for i in range(policies):
        where = rng.choice(chosen)
        start = FIRST + dt.timedelta(days=rng.randrange(span))
        rules.append(nk.Policy(
            id=f"q{i}", country=where, summary="generated", basis=nk.Basis.OBSERVATION,
            evidence=(nk.Evidence("generated", "a generated anchor phrase", "generated"),),
            valid_from=nk.When.day(start),
            valid_until=nk.When.day(start + dt.timedelta(days=rng.randrange(30, 3650))),
            repatriates=True if rng.random() < 0.5 else None,
            exceptions=("generated",) if rng.random() < 0.3 else ()))
    if scope is None:
        scope = tuple(c.alpha_2 for c in chosen if len(c.alpha_2) == 2)
    # Statements of one country in force together must not contradict each other; every
    # generated policy says "repatriates" or nothing, so none do.
    return nk.KnowledgeBase(all_sources=SOURCES, all_passages=tuple(made),
                            all_policies=tuple(rules), scope=scope)
