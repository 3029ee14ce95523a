"""The December 2026 red-team pass and mutation sample, dates (N6 When, N11, the two edtf bugs)."""

from __future__ import annotations

import datetime as dt

import pytest

import nkasylum as nk
from nkasylum import DatePrecision as P

D = dt.date


def test_n6_a_when_whose_bounds_disagree_with_its_text_is_refused() -> None:
    """N6: "2015" with 1990's bounds would answer a question about 2015 for 1990."""
    with pytest.raises(nk.DataError) as info:
        nk.When("2015", D(1990, 1, 1), D(1990, 12, 31), P.YEAR)
    assert info.value.field == "text" and "When.parse" in str(info.value)
    with pytest.raises(nk.DataError):
        nk.When("not a date", D(2015, 1, 1), D(2015, 1, 1), P.DAY)
    with pytest.raises(nk.DataError):
        nk.When("2015", D(2015, 1, 1), D(2015, 12, 31), P.DAY)  # the precision is a year
    with pytest.raises(nk.DataError) as flag:
        nk.When("2015", D(2015, 1, 1), D(2015, 12, 31), P.YEAR, approximate="no")  # type: ignore[arg-type]
    assert flag.value.field == "approximate"
    with pytest.raises(nk.DataError):
        nk.When("2015", D(2015, 1, 1), D(2015, 12, 31), P.YEAR, approximate=True)  # no "~"


@pytest.mark.parametrize("text", ["2015", "2004-07", "2002-09-11", "2002-03/2004-06", "2009~",
                                  "../2016-02", "199X", "2004-06-XX", "2004-XX", "2004/", "1998?/2006"])
def test_n6_every_when_round_trips_exactly(text: str) -> None:
    w = nk.When.parse(text)
    assert nk.When(w.text, w.lower, w.upper, w.precision, w.approximate, w.uncertain) == w
    assert nk.from_json(nk.to_json(w), nk.When) == w


@pytest.mark.parametrize("text", ["٢٠١٥", "２０１５-０７", "2015-0７", "１99X", "2002/２004"])
def test_n11_non_ascii_digits_are_not_dates(text: str) -> None:
    with pytest.raises(nk.DataError, match="ASCII"):
        nk.When.parse(text)
    with pytest.raises(nk.ArgumentTypeError):
        nk.can_resettle("KP", None, "KR", on=text)


@pytest.mark.parametrize(("text", "precision"), [
    ("2004-06-XX", P.MONTH),   # some day of June 2004
    ("2004-XX", P.YEAR),       # some month of 2004: a year, not a day (a bug until 2026-12)
    ("2004-XX~", P.YEAR),
    ("2004-XX-XX", P.YEAR),
    ("19XX", P.DECADE),        # the coarsest precision there is
    ("2005/201X", P.DECADE),   # an interval takes its coarsest end
])
def test_the_precision_of_dates_read_by_the_edtf_package(text: str, precision: nk.DatePrecision) -> None:
    """Mutation-sample survivors (when.py:48, :277, :281): forms only the edtf package reads."""
    assert nk.When.parse(text).precision is precision


def test_an_unknown_end_is_unknown_not_ten_years() -> None:
    """The edtf package puts EDTF's unknown end ten years on; no source gave those years."""
    w = nk.When.parse("2004/")
    assert (w.lower, w.upper) == (D(2004, 1, 1), None)
    assert not w.contains(D(2003, 12, 31)) and w.precision is P.YEAR
    start = nk.When.parse("/2004")
    assert (start.lower, start.upper) == (None, D(2004, 12, 31))


def test_a_text_open_at_both_ends_dates_nothing() -> None:
    for text in ("../..", "/"):
        with pytest.raises(nk.DataError):
            nk.When.parse(text)


def test_a_text_of_three_dates_is_not_a_date() -> None:
    """A fresh mutation sample (when.py:250): never a raw ValueError from unpacking."""
    for text in ("2001/2002/2003", "2001/../2003"):
        with pytest.raises(nk.DataError):
            nk.When.parse(text)


@pytest.mark.parametrize(("text", "approximate", "uncertain"), [
    ("2004-06-XX", False, False), ("2004-06-XX?", False, True), ("2004-06-XX~", True, False),
    ("2004-06-XX%", True, True), ("2004-XX?", False, True),
])
def test_the_flags_of_dates_read_by_the_edtf_package(text: str, approximate: bool, uncertain: bool) -> None:
    """A fresh mutation sample (when.py:314)."""
    w = nk.When.parse(text)
    assert (w.approximate, w.uncertain) == (approximate, uncertain)


def test_year_one_and_year_9999_are_the_ends_of_the_calendar() -> None:
    """A fresh mutation sample (when.py:361): on= takes the years 1 to 9999."""
    from nkasylum.core.when import when

    assert when(1).lower == D(1, 1, 1) and when(9999).upper == D(9999, 12, 31)
    for year in (0, 10000):
        with pytest.raises(nk.ArgumentTypeError):
            when(year)
