"""EDTF dates: a year is the whole year, precision is kept, and the common forms are read
without the edtf package exactly as edtf reads them."""

from __future__ import annotations

import calendar
import datetime as dt

import edtf
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import nkasylum as nk
from nkasylum.core.when import DatePrecision, When, parse_query, when

years = st.integers(min_value=1000, max_value=2999)


@st.composite
def simple_texts(draw: st.DrawFn) -> str:
    """Year, month or day forms, optionally qualified, alone or as an interval."""

    def one() -> tuple[str, dt.date]:
        day = draw(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2999, 12, 31)))
        form = draw(st.sampled_from(["%Y", "%Y-%m", "%Y-%m-%d"]))
        text = f"{day.year:04d}" + day.strftime(form)[4:]
        return text + draw(st.sampled_from(["", "", "~", "?", "%"])), day

    first, a = one()
    if draw(st.booleans()):
        return first
    second, b = one()
    if b < a:
        first, second = second, first
    if draw(st.booleans()):
        first = ".." if draw(st.booleans()) else first
        second = second if first == ".." else draw(st.sampled_from([second, ".."]))
    return f"{first}/{second}"


def _edtf_bounds(text: str) -> tuple[dt.date | None, dt.date | None]:
    parsed = edtf.parse_edtf(text)

    def conv(t: object) -> dt.date | None:
        try:
            return dt.date(t.tm_year, t.tm_mon, t.tm_mday)  # type: ignore[attr-defined]
        except AttributeError:
            return None

    return conv(parsed.lower_strict()), conv(parsed.upper_strict())


@given(simple_texts())
def test_the_fast_reader_agrees_with_edtf(text: str) -> None:
    try:
        expected = _edtf_bounds(text)
    except Exception:  # edtf refuses it too (e.g. a malformed interval): not a case here
        assume(False)
        raise
    if expected[0] is not None and expected[1] is not None and expected[1] < expected[0]:
        with pytest.raises(nk.DataError):
            When.parse(text)
        return
    w = When.parse(text)
    assert (w.lower, w.upper) == expected
    assert str(w) == w.text == text


@given(years, st.integers(min_value=0, max_value=365))
def test_a_year_is_every_day_of_that_year(year: int, offset: int) -> None:
    w = When.parse(f"{year:04d}")
    day = dt.date(year, 1, 1) + dt.timedelta(days=offset)
    assert w.precision is DatePrecision.YEAR
    assert w.contains(day) is (day.year == year)
    assert not w.contains(dt.date(year, 1, 1) - dt.timedelta(days=1))
    assert not w.contains(dt.date(year, 12, 31) + dt.timedelta(days=1))


@pytest.mark.parametrize(("text", "lower", "upper", "precision"), [
    ("2014", dt.date(2014, 1, 1), dt.date(2014, 12, 31), DatePrecision.YEAR),
    ("2004-07", dt.date(2004, 7, 1), dt.date(2004, 7, 31), DatePrecision.MONTH),
    ("2004-02", dt.date(2004, 2, 1), dt.date(2004, 2, 29), DatePrecision.MONTH),
    ("2002-09-11", dt.date(2002, 9, 11), dt.date(2002, 9, 11), DatePrecision.DAY),
    ("2002-03/2004-06", dt.date(2002, 3, 1), dt.date(2004, 6, 30), DatePrecision.MONTH),
    ("../2016-02", None, dt.date(2016, 2, 29), DatePrecision.MONTH),
    ("1997-07-14/..", dt.date(1997, 7, 14), None, DatePrecision.DAY),
    ("199X", dt.date(1990, 1, 1), dt.date(1999, 12, 31), DatePrecision.DECADE),
])
def test_forms_and_their_spans(text: str, lower: dt.date | None, upper: dt.date | None,
                               precision: DatePrecision) -> None:
    w = When.parse(text)
    assert (w.lower, w.upper, w.precision, str(w)) == (lower, upper, precision, text)


def test_qualifiers_are_kept() -> None:
    assert When.parse("2009~").approximate and not When.parse("2009~").uncertain
    assert When.parse("2004?").uncertain and not When.parse("2004?").approximate
    assert When.parse("2009%").approximate and When.parse("2009%").uncertain
    assert When.parse("2009~").upper == dt.date(2009, 12, 31)


@pytest.mark.parametrize("text", ["2003-02-29", "2014/2013", "../..", "next year", "", "2014-13",
                                  "2014-00-01", "20140101x"])
def test_malformed_dates_are_data_errors(text: str) -> None:
    with pytest.raises(nk.DataError):
        When.parse(text)


def test_a_bare_date_is_refused_with_the_edtf_form() -> None:
    with pytest.raises(nk.DataError, match="EDTF"):
        When.parse(dt.date(2014, 1, 1))  # type: ignore[arg-type]


def test_query_values() -> None:
    assert when(2015) == When.year(2015) == parse_query("2015")
    assert when(dt.date(2002, 9, 11)) == When.day(dt.date(2002, 9, 11))
    assert str(when("2015-07/2016")) == "2015-07/2016"
    for bad in (True, 2.5, dt.datetime(2002, 9, 11), "soon", "2015-07-01T10:00", 0, [2015]):
        with pytest.raises(nk.ArgumentTypeError):
            when(bad)  # type: ignore[arg-type]


def test_between_and_day_print_as_edtf() -> None:
    d = dt.date(2002, 9, 11)
    assert str(When.between(d, d)) == "2002-09-11"
    assert str(When.between(d, None)) == "2002-09-11/.."
    assert str(When.between(None, d)) == "../2002-09-11"


def test_a_span_must_not_end_before_it_starts() -> None:
    with pytest.raises(nk.DataError, match="before it starts"):
        When("x", dt.date(2002, 1, 2), dt.date(2002, 1, 1), DatePrecision.DAY)
    with pytest.raises(nk.DataError, match="open at both ends"):
        When("x", None, None, DatePrecision.DAY)


@given(st.integers(1, 9999), st.integers(1, 12))
def test_a_month_spans_its_calendar_days(year: int, month: int) -> None:
    value = When.parse(f"{year:04d}-{month:02d}")
    assert value.lower == dt.date(year, month, 1)
    assert value.upper == dt.date(year, month, calendar.monthrange(year, month)[1])
    assert value.precision is DatePrecision.MONTH
