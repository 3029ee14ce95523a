"""The caches of an index (route tables per span of days, routes, documented days,
timelines) are bounded together by their estimated memory as well as each by entries, the
estimate follows the memory a loop really adds, and emptying them never changes an answer."""

from __future__ import annotations

import datetime as dt
import gc
import random
import tracemalloc
from collections.abc import Callable, Iterator

import pytest

import nkasylum as nk
from nkasylum.engine import index as index_module

SOURCES = tuple(nk.Source(id=f"g{year}", title="t", document="seeds/x.txt",
                          kind=nk.SourceKind.UNATTRIBUTED, published=nk.When.parse(str(year)))
                for year in range(1995, 2025, 5))


def _world(countries: int, passages: int, seed: int = 4) -> nk.KnowledgeBase:
    """Passages observed over one to eight years between random pairs of ISO countries."""
    rng = random.Random(seed)
    codes = [c.alpha_2 for c in nk.all_countries()][:countries]
    made = []
    for i in range(passages):
        a, b = rng.sample(codes, 2)
        start = dt.date(1990, 1, 1) + dt.timedelta(days=rng.randrange(30 * 365))
        made.append(nk.Passage(
            id=f"w{i}", origin=nk.country(a), dest=nk.country(b), channel=nk.Channel.BROKER,
            summary="s", basis=nk.Basis.OBSERVATION,
            evidence=(nk.Evidence(rng.choice(SOURCES).id, "one two three", "generated"),),
            via_third_country=rng.random() < 0.1, valid_from=nk.When.day(start),
            valid_until=nk.When.day(start + dt.timedelta(days=rng.randrange(365, 8 * 365)))))
    return nk.KnowledgeBase(all_sources=SOURCES, all_passages=tuple(made), scope=tuple(codes))


def _routes_over_days(kb: nk.KnowledgeBase, pairs: int, every: int) -> list[object]:
    rng = random.Random(9)
    codes = list(kb.scope)
    asked = [tuple(rng.sample(codes, 2)) for _ in range(pairs)]
    return [kb.routes(a, b, on=dt.date(1991, 1, 1) + dt.timedelta(days=k))
            for k in range(0, 30 * 365, every) for a, b in asked[k % pairs:][:3]]


def _horizons(kb: nk.KnowledgeBase, count: int) -> list[object]:
    a, b = list(kb.scope)[:2]
    return [kb.routes(a, b, on=dt.date(2010, 1, 1), horizon=dt.timedelta(days=30 * h))
            for h in range(count)]


def _questions(kb: nk.KnowledgeBase) -> Iterator[object]:
    """Routes, any-route and named verdicts over many days and two horizons, twice over."""
    rng = random.Random(2)
    codes = list(kb.scope)
    for k in range(240):
        day = dt.date(1992, 1, 1) + dt.timedelta(days=83 * (k % 120))
        horizon = (None, dt.timedelta(days=365))[k % 2]
        a, b, c = rng.sample(codes, 3)
        yield kb.routes(a, c, on=day, horizon=horizon)
        yield kb.can_resettle(a, None, c, on=day, horizon=horizon).verdict
        yield kb.can_resettle(a, b, c, on=day, horizon=horizon).verdict


@pytest.mark.slow  # four hundred questions twice over; the bound's rules are tested quickly below
def test_the_memo_stays_within_its_estimated_bound_and_answers_as_before(
        monkeypatch: pytest.MonkeyPatch) -> None:
    unbounded = list(_questions(_world(12, 150)))
    limit = 60_000
    monkeypatch.setattr(index_module, "MEMO_BYTES", limit)
    kb = _world(12, 150)
    index = kb._index  # the bound is what is tested
    emptied, held = 0, 0
    got = []
    for answer in _questions(kb):
        got.append(answer)
        # one entry may be larger than the whole bound: the caches then hold it alone
        assert index.caches.bytes <= limit or len(index.caches) == 1
        assert index.caches.bytes == sum(cache.bytes for cache in index.caches.budget.caches)
        emptied += index.caches.bytes < held
        held = index.caches.bytes
    assert got == unbounded, "an answer changed when the caches were emptied"
    assert emptied >= 3, "the caches were not emptied along the way"


@pytest.mark.parametrize(("job", "label"), [
    (lambda kb: _routes_over_days(kb, 60, 20), "routes over many days"),
    pytest.param(lambda kb: _horizons(kb, 12), "one route question under many horizons",
                 marks=pytest.mark.slow),  # twelve horizons of a large world
])
def test_the_memo_estimate_follows_the_memory_a_loop_adds(
        job: Callable[[nk.KnowledgeBase], object], label: str) -> None:
    kb = _world(120, 3000)
    gc.collect()
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        kept = job(kb)
        gc.collect()
        added = tracemalloc.get_traced_memory()[0] - start
    finally:
        tracemalloc.stop()
    del kept
    estimated = kb._index.caches.bytes
    assert estimated < index_module.MEMO_BYTES  # not emptied: the estimate is all it holds
    assert 0.5 <= added / estimated <= 2, (label, added, estimated)


def test_a_table_filled_in_place_counts_toward_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    # The route search keeps what it reads of each passage in tables it fills in place
    # (steps, newest evidence, legs): what it charges must count, and passing the bound must
    # empty every cache, tables and all, or a long loop would hold more than the bound says.
    index = _world(12, 150)._index
    caches = index.caches
    table = caches.newest.data
    assert caches.newest.data is table, "one table per cache"
    caches.legs.keep(("KP", "CN", None, None), nk.Leg(nk.country("KP"), nk.country("CN")), 1)
    before = caches.bytes
    table["a"] = dt.date(2000, 1, 1)
    caches.newest.charge(5)
    assert caches.bytes == before + 5 * index_module.ITEM_BYTES == caches.legs.bytes + caches.newest.bytes
    monkeypatch.setattr(index_module, "MEMO_BYTES", caches.bytes + index_module.ITEM_BYTES)
    caches.newest.charge(2)
    assert (len(caches), caches.bytes, caches.legs.bytes) == (0, 0, 0)
    assert caches.newest.data == {} and table == {"a": dt.date(2000, 1, 1)}, (
        "a new table after the caches were emptied; the one a caller holds is left as it was")


def test_a_full_cache_is_emptied_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each cache has its own bound on entries: a loop that fills one leaves the others.
    index = _world(12, 150)._index
    caches = index.caches
    caches.timelines.keep(("KP", None), index.timeline("KP"), 1)
    caches.merged.maxsize = 3
    for i in range(3):
        caches.merged.keep((i, i), ((), (), ()))
    assert len(caches.merged) == 3
    caches.merged.keep((9, 9), ((), (), ()))
    assert list(caches.merged.data) == [(9, 9)] and ("KP", None) in caches.timelines.data
    assert caches.bytes == caches.timelines.bytes + caches.merged.bytes

