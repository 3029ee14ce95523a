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


# ------------------------------------------------------------------ series as frames
MEASURES = sorted({s.measure for s in nk.statistics() if s.year is not None})


@pytest.mark.parametrize("measure", MEASURES)
def test_a_series_frame_has_one_row_per_point_never_deduplicated(measure: str, kb: nk.KnowledgeBase) -> None:
    pytest.importorskip("pandas")
    points = nk.series(measure)
    frame = nk.series_frame(measure)
    assert len(frame) == len(points)
    assert list(frame["statistic"]) == [p.statistic for p in points]
    assert list(frame["year"]) == [p.year for p in points]
    for (_, row), p in zip(frame.iterrows(), points, strict=True):
        assert bool(row["disputed"]) == bool(p.disputed)
        assert row["conflicts"] == p.disputed
        assert row["sources"] == tuple(dict.fromkeys(e.source for e in p.evidence))
        assert row["value_qualifier"] == p.value.qualifier.value
        stat = kb.entry(p.statistic)
        assert isinstance(stat, nk.Statistic) and row["place_name"] == stat.place.name


def test_disputed_years_keep_every_version_tied_to_its_conflict_and_source(kb: nk.KnowledgeBase) -> None:
    pytest.importorskip("pandas")
    frame = nk.series_frame("arrivals-in-south-korea")
    disputed = frame[frame["disputed"]]
    assert len(disputed) > disputed["year"].nunique() > 0  # several versions per disputed year
    for _, row in disputed.iterrows():
        for conflict_id in row["conflicts"]:
            (conflict,) = [c for c in kb.conflicts() if c.id == conflict_id]
            assert row["statistic"] in conflict.versions


def test_the_series_table_of_to_frames_holds_every_measure() -> None:
    pytest.importorskip("pandas")
    table = nk.to_frames()["series"]
    assert sorted(set(table["measure"])) == MEASURES
    assert len(table) == sum(len(nk.series(m)) for m in MEASURES)
    one = nk.series_frame("arrivals-in-thailand")
    assert list(table[table["measure"] == "arrivals-in-thailand"]["statistic"]) == list(one["statistic"])


@pytest.mark.parametrize("call", [
    lambda m: nk.series(m), lambda m: nk.statistics(measure=m), lambda m: nk.series_frame(m),
])
def test_an_unknown_measure_names_close_ones(call: object) -> None:
    with pytest.raises(nk.ArgumentValueError) as info:
        call("arrivals-in-south-kroea")  # type: ignore[operator]
    assert "arrivals-in-south-korea" in info.value.suggestions
    assert "did you mean" in str(info.value) and isinstance(info.value, ValueError)


def test_a_known_measure_with_no_figure_in_a_country_is_an_empty_series() -> None:
    assert nk.series("arrivals-in-south-korea", country="MN") == ()
