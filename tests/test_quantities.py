"""Quantities keep their qualifiers: what each qualifier lets a count be, and what it refuses."""

from __future__ import annotations

import pytest

import nkasylum as nk

Q = nk.Qualifier


@pytest.mark.parametrize(("qualifier", "value", "lower", "upper"), [
    (Q.EXACT, 15, 15, 15),
    (Q.ABOUT, 21, None, None),
    (Q.AT_LEAST, 80, 80, None),
    (Q.MORE_THAN, 30, 31, None),
    (Q.AT_MOST, 30, 0, 30),
    (Q.FEWER_THAN, 30, 0, 29),
    (Q.FEWER_THAN, 0, 0, 0),  # "fewer than 0" is no count; the bound never goes negative
    (Q.ALMOST, 98, None, 98),
    (Q.ORDER_OF_MAGNITUDE, 10_000, 10_000, 99_999),  # "tens of thousands"
    (Q.ORDER_OF_MAGNITUDE, 10, 10, 99),  # "dozens"
])
def test_bounds_follow_the_qualifier(qualifier: nk.Qualifier, value: int, lower: int | None,
                                     upper: int | None) -> None:
    q = nk.Quantity(value, qualifier)
    assert (q.lower_bound, q.upper_bound) == (lower, upper)
    assert q.is_exact is (qualifier is Q.EXACT)


def test_an_unquantified_count_has_no_bounds() -> None:
    q = nk.Quantity(None, Q.UNQUANTIFIED)
    assert (q.lower_bound, q.upper_bound, q.is_exact) == (None, None, False)
    assert str(q) == "an unquantified number of people"


@pytest.mark.parametrize("value", [1.5, "30", True, None])
def test_a_count_must_be_a_whole_number(value: object) -> None:
    with pytest.raises(nk.DataError, match="must be a whole number") as info:
        nk.Quantity(value, Q.AT_LEAST)  # type: ignore[arg-type]
    assert info.value.field == "value"


@pytest.mark.parametrize("value", [0, 1, 20, 500, 10_001])
def test_an_order_of_magnitude_is_a_power_of_ten(value: int) -> None:
    with pytest.raises(nk.DataError, match="order of magnitude"):
        nk.Quantity(value, Q.ORDER_OF_MAGNITUDE)


def test_other_checks() -> None:
    with pytest.raises(nk.DataError, match="negative"):
        nk.Quantity(-1)
    with pytest.raises(nk.DataError, match="exceed 100"):
        nk.Quantity(101, unit=nk.Unit.PERCENT)
    with pytest.raises(nk.DataError, match="no value"):
        nk.Quantity(3, Q.UNQUANTIFIED)
