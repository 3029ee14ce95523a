"""A bad argument value is an argument error that names what would be right, never the
data-file error: every enum-valued or vocabulary-valued argument of the public functions."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nkasylum as nk
from nkasylum.io.panel import panel_rows

CALLS: dict[str, tuple[Callable[[str], Any], str, tuple[str, ...]]] = {
    # name: (call with the bad value, a misspelling, what it should suggest)
    "cases(outcome=)": (lambda v: nk.cases(outcome=v), "resetled", ("resettled",)),
    "kb.cases(outcome=)": (lambda v: nk.default_knowledge_base().cases(outcome=v), "temporary asylum",
                           ("temporary-asylum",)),
    "statistics(measure=)": (lambda v: nk.statistics(measure=v), "nk-worker", ("nk-workers",)),
    "series(measure)": (lambda v: nk.series(v), "arrivals-in-thailnd", ("arrivals-in-thailand",)),
    "coverage(day=)": (lambda v: nk.coverage(["KR"], [2015], day=v), "13-01", ()),
    "panel(day=)": (lambda v: panel_rows([2015], ["KR"], day=v), "02-30", ()),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_bad_value_is_an_argument_value_error(name: str) -> None:
    call, wrong, suggested = CALLS[name]
    with pytest.raises(nk.ArgumentValueError) as info:
        call(wrong)
    err = info.value
    assert not isinstance(err, nk.DataError)
    assert isinstance(err, ValueError) and isinstance(err, nk.NKAsylumError)
    assert repr(wrong) in str(err) and f"{err.argument}=" in str(err)
    assert set(suggested) <= set(err.suggestions)
    if suggested:
        assert "did you mean" in str(err)
    again = pickle.loads(pickle.dumps(err))
    assert (type(again), str(again), again.suggestions) == (type(err), str(err), err.suggestions)


def test_with_nothing_close_the_message_lists_the_allowed_values() -> None:
    with pytest.raises(nk.ArgumentValueError) as info:
        nk.cases(outcome="zzz")
    assert info.value.suggestions == ()
    assert all(repr(o.value) in str(info.value) for o in nk.Outcome)


@given(st.text(max_size=30))
def test_any_text_outcome_is_an_outcome_or_an_argument_value_error(text: str) -> None:
    values = {o.value for o in nk.Outcome}
    if text in values:
        assert all(c.outcome.value == text for c in nk.cases(outcome=text))
        return
    with pytest.raises(nk.ArgumentValueError) as info:
        nk.cases(outcome=text)
    assert set(info.value.suggestions) <= values


def test_a_wrong_type_is_still_a_type_error() -> None:
    with pytest.raises(nk.ArgumentTypeError):
        nk.cases(outcome=3)  # type: ignore[arg-type]
    with pytest.raises(nk.ArgumentTypeError):
        nk.statistics(measure=3)  # type: ignore[arg-type]
    with pytest.raises(nk.ArgumentTypeError):
        nk.coverage(day=701)  # type: ignore[arg-type]


def test_a_huge_value_is_quoted_short() -> None:
    with pytest.raises(nk.ArgumentValueError) as info:
        nk.series("x" * 100_000)
    assert len(str(info.value)) < 2000
