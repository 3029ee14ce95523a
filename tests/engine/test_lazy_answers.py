"""An answer gives its verdict, route and alternatives at once and works out its details
(steps, evidence, what was last known) when one of them is first read. Nothing a user can
observe depends on whether, or in which order, the details were read."""

from __future__ import annotations

import datetime as dt
import pickle
import threading

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import examples

import nkasylum as nk
from nkasylum.model.assessment import DETAILS

KB = nk.default_knowledge_base()
_TRANSITS = ["CN", "RU", "TH", "MN", "LA", "VN", "MM", "KH", "JP", "US"]
_DESTS = ["KR", "US", "JP", "CA", "GB", "DE", "TH", "RU", "CN", "FR", "AU", "MN"]
DAYS = st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2026, 12, 31))


@st.composite
def questions(draw: st.DrawFn) -> tuple[object, str, dt.date]:
    dest = draw(st.sampled_from(_DESTS))
    pool = [c for c in _TRANSITS if c != dest]
    via = draw(st.one_of(st.none(), st.lists(st.sampled_from(pool), min_size=1, max_size=2,
                                              unique=True).map(tuple)))
    return via, dest, draw(DAYS)


def _fresh() -> nk.KnowledgeBase:
    return nk.KnowledgeBase(all_sources=KB.all_sources, all_policies=KB.all_policies,
                            all_passages=KB.all_passages, all_cases=KB.all_cases,
                            all_statistics=KB.all_statistics, all_conflicts=KB.all_conflicts)


def _pending(a: nk.Assessment) -> bool:
    return object.__getattribute__(a, "_details") is not None


def _rebuilt(a: nk.Assessment) -> nk.Assessment:
    """The same answer through the public constructor, with every check it runs."""
    return nk.Assessment(**{f.name: getattr(a, f.name) for f in attrs.fields(nk.Assessment) if f.init})


@pytest.mark.slow  # 150 generated questions; the order test below reads the same answers quickly
@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(questions())
def test_an_answer_is_the_value_the_constructor_builds_from_its_fields(
        question: tuple[object, str, dt.date]) -> None:
    via, dest, day = question
    a = _fresh().can_resettle("KP", via, dest, on=day)  # type: ignore[arg-type]
    verdict, route = a.verdict, a.route
    assert _pending(a), "a new answer works its details out only when they are read"
    # Reading the details checks that the steps reach the verdict and route already given.
    assert (a.verdict, a.route) == (verdict, route)
    assert a == _rebuilt(a) and hash(a) == hash(_rebuilt(a))
    assert not _pending(a)
    if a.last_known is not None:
        assert a.last_known == _rebuilt(a.last_known)


@pytest.mark.slow  # every order of the details over sixty questions; CI runs it
@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(questions(), st.permutations(DETAILS))
def test_the_order_in_which_details_are_read_changes_nothing(
        question: tuple[object, str, dt.date], order: list[str]) -> None:
    via, dest, day = question
    first = _fresh().can_resettle("KP", via, dest, on=day)  # type: ignore[arg-type]
    second = _fresh().can_resettle("KP", via, dest, on=day)  # type: ignore[arg-type]
    got = {name: getattr(first, name) for name in order}
    assert got == {name: getattr(second, name) for name in DETAILS}
    assert first == second


@pytest.mark.parametrize("via", [None, "CN", ("RU",), ("CN", "TH")])
def test_pickle_json_and_repr_of_an_unread_answer_are_those_of_a_read_one(via: object) -> None:
    day = dt.date(2009, 12, 23)
    unread = _fresh().can_resettle("KP", via, "KR", on=day)  # type: ignore[arg-type]
    read = _fresh().can_resettle("KP", via, "KR", on=day)  # type: ignore[arg-type]
    assert read.steps and _pending(unread)
    assert pickle.loads(pickle.dumps(unread)) == read
    assert nk.from_json(nk.to_json(unread), nk.Assessment) == read
    assert repr(unread) == repr(read) and str(unread) == str(read)
    assert attrs.evolve(unread) == read


def _read_from_threads(a: nk.Assessment, n: int = 8) -> list[tuple[object, ...]]:
    seen: list[tuple[object, ...]] = []
    start = threading.Barrier(n)

    def read() -> None:
        start.wait()
        seen.append((a.steps, a.evidence, a.last_known))

    threads = [threading.Thread(target=read) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return seen


def test_threads_reading_one_answer_see_the_same_details() -> None:
    for via in (None, "CN", ("RU",)):
        a = _fresh().can_resettle("KP", via, "KR", on=dt.date(2016, 7, 1))
        seen = _read_from_threads(a)
        assert len(seen) == 8 and all(s[0] is seen[0][0] for s in seen)


def test_a_misspelt_attribute_is_still_an_attribute_error() -> None:
    a = _fresh().can_resettle("KP", None, "KR", on=dt.date(2016, 7, 1))
    with pytest.raises(AttributeError, match="'Assessment' object has no attribute 'step'"):
        a.step  # type: ignore[attr-defined]  # noqa: B018
    assert _pending(a), "a wrong name works nothing out"
    assert hasattr(a, "steps") and not _pending(a)
