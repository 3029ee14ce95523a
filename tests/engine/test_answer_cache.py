"""The answer cache is bounded by entries and by the estimated memory of its answers, and
emptying it never changes an answer."""

from __future__ import annotations

import datetime as dt

import pytest

import nkasylum as nk
from nkasylum.engine import index as index_module


def _questions(n: int) -> list[tuple[str, object, str, dt.date]]:
    days = [dt.date(1995, 1, 1) + dt.timedelta(days=17 * i) for i in range(n)]
    return [("KP", (None, "CN", "RU")[i % 3], ("KR", "US", "JP")[i % 3], d) for i, d in enumerate(days)]


@pytest.mark.parametrize(("entries", "size"), [(10, 10**9), (10**9, 40_000)])
def test_the_cache_stays_within_both_bounds_and_answers_as_before(
        monkeypatch: pytest.MonkeyPatch, entries: int, size: int) -> None:
    monkeypatch.setattr(index_module, "ANSWERS_LIMIT", entries)
    monkeypatch.setattr(index_module, "ANSWERS_BYTES", size)
    base = nk.default_knowledge_base()
    kb = nk.KnowledgeBase(all_sources=base.all_sources, all_policies=base.all_policies,
                          all_passages=base.all_passages, all_cases=base.all_cases,
                          all_statistics=base.all_statistics, all_conflicts=base.all_conflicts)
    cache = kb._index.answers  # the bound is what is tested
    asked = _questions(60)
    got = [kb.can_resettle(o, v, d, on=day) for o, v, d, day in asked]
    assert len(cache) <= entries and cache.weight <= size
    assert 0 < len(cache) < 2 * len(asked), "the cache was emptied along the way"
    # A question asked again after the cache was emptied gets an equal answer.
    again = [kb.can_resettle(o, v, d, on=day) for o, v, d, day in asked]
    assert again == got
    assert [a.verdict for a in got] == [base.can_resettle(o, v, d, on=day).verdict
                                        for o, v, d, day in asked]


def test_a_last_known_answer_is_the_answer_for_its_day_kept_once() -> None:
    kb = nk.default_knowledge_base()
    a = kb.can_resettle("KP", "CN", "KR", on=dt.date(2024, 6, 1))
    b = kb.can_resettle("KP", "CN", "KR", on=dt.date(2024, 7, 1))
    assert a.last_known is not None and a.last_known is b.last_known
    assert a.last_known == kb.can_resettle("KP", "CN", "KR", on=a.last_known.on)
