"""Yearly series: points keep the bounds of the statistics they come from."""

from __future__ import annotations

import json

import pytest

import nkasylum as nk


@pytest.mark.parametrize("year", [1899, 2101, 2**63, -1, "2002", True])
def test_a_point_year_outside_1900_to_2100_is_refused(year: object) -> None:
    point = nk.series("arrivals-in-south-korea")[0]
    data = json.loads(nk.to_json(point))
    data["year"] = year
    with pytest.raises(nk.DataError) as info:
        nk.from_json(json.dumps(data), nk.SeriesPoint)
    assert info.value.field == "year"


def test_every_bundled_point_is_in_bounds() -> None:
    measures = {s.measure for s in nk.statistics() if s.year is not None}
    assert all(1900 <= p.year <= 2100 for m in measures for p in nk.series(m))
