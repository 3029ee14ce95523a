"""The exceptions: every one pickles whole (type, message, attributes, notes)."""

from __future__ import annotations

import multiprocessing
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nkasylum as nk
from nkasylum.core import errors

texts = st.text(max_size=40)
optional_texts = st.none() | st.text(min_size=1, max_size=20)
names = st.lists(st.text(min_size=1, max_size=12), max_size=3).map(tuple)


@st.composite
def ambiguous(draw: Any) -> errors.AmbiguousCountryError:
    candidates = draw(names)
    labels = draw(st.lists(texts, min_size=len(candidates), max_size=len(candidates)).map(tuple))
    return errors.AmbiguousCountryError(draw(texts), candidates, labels)


PLAIN = (errors.NKAsylumError, errors.UnknownSourceError, errors.UnknownEntryError,
         errors.OutOfScopeError, errors.InvalidRouteError, errors.ArgumentTypeError)
BUILDERS: dict[type[errors.NKAsylumError], st.SearchStrategy[errors.NKAsylumError]] = {
    **{kind: st.builds(kind, texts) for kind in PLAIN},
    errors.UnknownCountryError: st.builds(errors.UnknownCountryError, texts, names,
                                          note=optional_texts),
    errors.AmbiguousCountryError: ambiguous(),
    errors.DataError: st.builds(errors.DataError, texts, file=optional_texts, entry=optional_texts,
                                field=optional_texts),
    errors.MissingExtraError: st.builds(errors.MissingExtraError, texts, texts, texts),
    errors.ArgumentValueError: st.builds(errors.ArgumentValueError, texts, st.one_of(texts, st.integers()),
                                         st.lists(texts, max_size=4), what=texts, note=texts),
}


def test_every_exception_class_is_covered() -> None:
    classes = {getattr(errors, name) for name in errors.__all__}
    assert set(BUILDERS) == {c for c in classes if issubclass(c, errors.NKAsylumError)}


def _assert_same(again: BaseException, err: BaseException) -> None:
    assert type(again) is type(err)
    assert str(again) == str(err)
    assert again.args == err.args
    assert vars(again) == vars(err)  # every attribute, and __notes__
    if isinstance(err, ImportError):
        assert isinstance(again, ImportError)
        assert (again.msg, again.name, again.path) == (err.msg, err.name, err.path)


@given(st.one_of(*BUILDERS.values()), st.lists(texts, max_size=2))
def test_every_exception_survives_pickling(err: errors.NKAsylumError, notes: list[str]) -> None:
    if notes:
        err.__notes__ = notes  # what add_note() does (Python 3.11+), written so 3.10 runs it too
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        _assert_same(pickle.loads(pickle.dumps(err, protocol=protocol)), err)


@pytest.mark.parametrize("query", ["third country", "Pyongyang", "Rusia", "Korea", "8"])
def test_resolver_errors_keep_their_explanation_when_pickled(query: str) -> None:
    with pytest.raises(nk.NKAsylumError) as info:
        nk.country(query)
    _assert_same(pickle.loads(pickle.dumps(info.value)), info.value)


def test_the_third_country_note_survives_a_spawned_process_pool() -> None:
    with pytest.raises(nk.UnknownCountryError) as local:
        nk.country("third country")
    assert "nk.place()" in str(local.value)
    with multiprocessing.get_context("spawn").Pool(1) as pool, \
            pytest.raises(nk.UnknownCountryError) as remote:
        pool.apply(nk.country, ("third country",))
    assert str(remote.value) == str(local.value)
    assert vars(remote.value) == vars(local.value)
