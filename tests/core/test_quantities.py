"""Quantities keep their qualifiers: what each qualifier lets a count be, and what it refuses."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import nkasylum as nk
from nkasylum.core.quantities import MAX_COUNT

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


# ---- bounds at construction

BUNDLED = Path(str(resources.files("nkasylum") / "data"))
TOO_BIG = [MAX_COUNT + 1, 2**63 - 1, 2**63, 2**64, 10**100]


@pytest.mark.parametrize("value", TOO_BIG)
def test_a_count_above_the_bound_is_refused_from_python(value: int) -> None:
    with pytest.raises(nk.DataError) as info:
        nk.Quantity(value)
    assert info.value.field == "value" and "at most 10,000,000,000" in str(info.value)


def test_a_huge_count_is_refused_without_writing_it_out() -> None:
    with pytest.raises(nk.DataError, match="bit number") as info:
        nk.Quantity(10**10_000)  # its decimal text is past Python's 4300-digit limit
    assert len(str(info.value)) < 200


@pytest.mark.parametrize("value", TOO_BIG)
def test_a_count_above_the_bound_is_refused_from_json(value: int) -> None:
    with pytest.raises(nk.DataError) as info:
        nk.from_json(json.dumps({"value": value}), nk.Quantity)
    assert info.value.field == "value"


def test_a_count_above_the_bound_is_refused_from_a_data_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BUNDLED, data)
    path = data / "cases" / "cn.toml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("people = { value = 25,", f"people = {{ value = {2**63 - 1},", 1), "utf-8")
    with pytest.raises(nk.DataError) as info:
        nk.load_knowledge_base(data)
    assert info.value.file == "cases/cn.toml" and "people.value" in str(info.value.field)


@given(st.integers(0, MAX_COUNT), st.sampled_from([q for q in nk.Qualifier if q not in (
    nk.Qualifier.UNQUANTIFIED, nk.Qualifier.ORDER_OF_MAGNITUDE)]))
def test_every_count_up_to_the_bound_is_accepted(value: int, qualifier: nk.Qualifier) -> None:
    q = nk.Quantity(value, qualifier)
    assert nk.from_json(nk.to_json(q), nk.Quantity) == q


@pytest.mark.parametrize(("value", "unit"), [(-1, nk.Unit.PEOPLE), (101, nk.Unit.PERCENT),
                                             (MAX_COUNT + 1, nk.Unit.APPLICATIONS)])
def test_shares_and_other_units_keep_their_bounds(value: int, unit: nk.Unit) -> None:
    with pytest.raises(nk.DataError, match="field value"):
        nk.Quantity(value, unit=unit)


def test_data_frames_hold_the_extremes(kb: nk.KnowledgeBase) -> None:
    pytest.importorskip("pandas")
    case = kb.all_cases[0]
    stat = kb.all_statistics[0]
    extreme = kb.with_case(attrs.evolve(case, people=nk.Quantity(MAX_COUNT, nk.Qualifier.MORE_THAN),
                                        applications=MAX_COUNT))
    extreme = extreme.with_statistic(attrs.evolve(stat, value=nk.Quantity(MAX_COUNT), year=2100))
    frames = nk.to_frames(extreme)
    row = frames["cases"].set_index("id").loc[case.id]
    assert row["people_value"] == MAX_COUNT and row["people_lower_bound"] == MAX_COUNT + 1
    assert row["applications"] == MAX_COUNT
    stats = frames["statistics"].set_index("id").loc[stat.id]
    assert stats["value"] == MAX_COUNT and stats["year"] == 2100
