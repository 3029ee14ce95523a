"""`nkasylum coverage` and the coverage frame: one cell per country and year, as nk.coverage."""

from __future__ import annotations

import csv
import io
import json

import pytest

import nkasylum as nk
from nkasylum.engine.coverage import COVERAGE_COUNTRIES
from nkasylum.io.cli import main
from nkasylum.io.reports import COVERAGE_LETTERS


def _main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_grid_shows_each_cell_by_the_letter_of_its_support(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _main(capsys, "coverage")
    assert code == 0 and err == ""
    cells = nk.coverage()
    lines = out.splitlines()
    header = lines[1].split()
    assert header == ["country", *(f"{y % 100:02d}" for y in range(2000, 2026))]
    grid = {line.split()[0]: line.split()[1:] for line in lines[3:3 + len(COVERAGE_COUNTRIES)]}
    assert list(grid) == list(COVERAGE_COUNTRIES)
    for cell in cells:
        assert grid[cell.country][cell.on.year - 2000] == COVERAGE_LETTERS[cell.support]
    documented = sum(c.documented for c in cells)
    assert f"{documented} of {len(cells)} country-years" in out


def test_years_countries_and_day_choose_the_cells(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _main(capsys, "coverage", "--years", "2009,2015-2016", "--countries", "RU,South Korea",
                         "--day", "12-31", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [(d["country"], d["on"]) for d in data] == [
        (c, f"{y}-12-31") for c in ("RU", "KR") for y in (2009, 2015, 2016)]
    assert nk.from_json(out, tuple[nk.CoverageCell, ...]) == nk.coverage(["RU", "KR"], [2009, 2015, 2016],
                                                                          day="12-31")
    code, same, _ = _main(capsys, "--json", "coverage", "--years", "2009,2015-2016", "--countries",
                          "RU,South Korea", "--day", "12-31")
    assert code == 0 and same == out


def test_csv_is_the_coverage_frame_for_the_cells_asked(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _main(capsys, "coverage", "--years", "2010", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    cells = nk.coverage(years=[2010])
    assert [(r["country"], r["support"]) for r in rows] == [(c.country, c.support.value) for c in cells]
    assert all(r["documented"] in ("true", "false") for r in rows)
    pd = pytest.importorskip("pandas")
    frame = nk.to_frames()["coverage"]
    assert list(pd.read_csv(io.StringIO(out), nrows=0).columns) == list(frame.columns)
    kr = frame[(frame["country"] == "KR") & (frame["year"] == 2010)].iloc[0]
    (cell,) = nk.coverage(["KR"], [2010])
    assert (kr["support"], kr["entries"], bool(kr["documented"])) == (cell.support.value, cell.entries,
                                                                     cell.documented)


@pytest.mark.parametrize(("args", "says"), [
    (("--years", "2025-2000"), "ends before it starts"),
    (("--years", "twenty"), "2000-2025"),
    (("--countries", "Atlantis"), "unknown country 'Atlantis'"),
    (("--countries", ","), "CN,RU,KR"),
    (("--day", "7/1"), "MM-DD"),
    (("--format", "xml"), "invalid choice"),
])
def test_bad_options_exit_2_with_one_stderr_line(capsys: pytest.CaptureFixture[str], args: tuple[str, ...],
                                                 says: str) -> None:
    code, out, err = _main(capsys, "coverage", *args)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and says in err


def test_series_without_a_measure_lists_the_measures(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _main(capsys, "series")
    assert code == 0
    listed = [line.split()[0] for line in out.splitlines()[2:] if line and not line.startswith("ask")]
    assert listed == sorted({s.measure for s in nk.statistics() if s.year is not None})
    code, out, _ = _main(capsys, "series", "--json")
    assert code == 0 and json.loads(out) == listed


def test_an_unknown_measure_exits_2_naming_close_ones(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _main(capsys, "series", "arrivals-in-south-kroea")
    assert code == 2 and out == ""
    (line,) = err.strip().splitlines()
    assert line.startswith("nkasylum series: error: ") and "did you mean" in line
    assert "'arrivals-in-south-korea'" in line


def test_series_without_a_measure_but_a_country_lists_that_country_s_measures(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _main(capsys, "--json", "series", "--country", "TH")
    assert code == 0
    assert json.loads(out) == sorted({s.measure for s in nk.statistics(country="TH") if s.year is not None})
