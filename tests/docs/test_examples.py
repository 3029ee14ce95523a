"""Every script in examples/ runs in its own interpreter, as a user would run it, and prints
the facts it exists to show."""

from __future__ import annotations

import ast
import csv
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import nkasylum as nk

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SCRIPTS = sorted(p.name for p in EXAMPLES.glob("*.py"))

# What each example must print: stable facts of the bundled data, not whole outputs, so that
# new data does not break them while a wrong answer does.
EXPECTED: dict[str, list[str]] = {
    "quickstart.py": ["verdict: documented", "route: KP > CN > third country > KR",
                      "voa-2002-09-11: Voice of America, 2002-09-11"],
    "citizenship.py": ["South Korea (KR)", "kr-explainer-citizenship",
                       "source: explainer-what-countries-allow (undated)"],
    "russia_to_seoul.py": ["[ru-amur-12-2009]", "unhcr-office (UNHCR Moscow office): seen ",
                           "2009-12-23: documented ("],
    "china_route_evidence.py": ["verdict: documented; route: KP > CN > third country > KR",
                                '  anchor: "left Beijing Wednesday morning for Seoul via a third country"',
                                "[voa-2002-09-11] Voice of America, 2002-09-11"],
    "export_cases_csv.py": ["columns: id, date, date_lower, date_upper, place, people, people_qualifier"],
    # 2024-06-01: blocked, with the route last known on 2023-08-16; the hypothetical exit lifts
    # the block but the crossing into China is not seen that day: documented only carried forward.
    "panel_to_csv.py": ["wrote 442 country-years to", "(47 columns)",
                        "columns country, year, documented, repatriates, admits"],
    "routes_by_year.py": ["year  routes documented on at least one day (days documented)",
                          "KP > RU > KR: 365 d"],
    "last_known.py": ["policies of 17 countries on", "South Korea     documented: rule in force"],
    "arrivals_chart.py": ["disputed years: ", "* disputed (kr-arrivals-2010-pr2)", "1994: no figure"],
    "what_if.py": ["  as documented: blocked (last known 2023-08-16)", "  what if:       undocumented",
                   "carried forward up to 365 days: documented (KP > CN > KR)",
                   "bundled knowledge base unchanged: True"],
}


def run(script: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, str(EXAMPLES / script), *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=120, check=False)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, subprocess.CompletedProcess[str]]:
    """Every example run once, side by side (each in its own interpreter and folder), plus the
    CSV export run with no folder given."""
    jobs = {}
    for script in SCRIPTS:
        folder = tmp_path_factory.mktemp(script.removesuffix(".py"))
        jobs[script] = (script, str(folder / "out"), folder)
    jobs["export_cases_csv.py (no folder)"] = ("export_cases_csv.py", None, tmp_path_factory.mktemp("default"))
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {key: pool.submit(run, script, *([arg] if arg else []), cwd=cwd)
                   for key, (script, arg, cwd) in jobs.items()}
        return {key: f.result() for key, f in futures.items()}


def test_the_examples_are_all_here() -> None:
    assert set(SCRIPTS) == set(EXPECTED), "give every example its expected lines (and drop gone ones)"


@pytest.mark.parametrize("script", SCRIPTS)
def test_example_runs_and_prints_its_answer(script: str, runs: dict[str, subprocess.CompletedProcess[str]]) -> None:
    done = runs[script]
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    for expected in EXPECTED.get(script, []):
        assert any(expected in line for line in lines), f"{script} did not print {expected!r}:\n{done.stdout}"


@pytest.mark.parametrize("script", SCRIPTS)
def test_example_states_its_question(script: str) -> None:
    doc = ast.get_docstring(ast.parse((EXAMPLES / script).read_text(encoding="utf-8")))
    assert doc, f"{script} needs a docstring whose first line is the question it answers"
    assert len(doc.splitlines()[0]) <= 100


def _written(done: subprocess.CompletedProcess[str]) -> Path:
    found = re.search(r"cases to (.+cases\.csv)$", done.stdout, re.MULTILINE)
    assert found is not None, done.stdout + done.stderr
    return Path(found[1])


def test_csv_export_writes_every_case_with_its_qualifier(runs: dict[str, subprocess.CompletedProcess[str]]) -> None:
    done = runs["export_cases_csv.py"]
    written = _written(done)
    assert written.parent.name == "out"
    with written.open(encoding="utf-8", newline="") as f:
        rows = {row["id"]: row for row in csv.DictReader(f)}
    assert set(rows) == {c.id for c in nk.cases()}
    about = rows["cn-group-21-2002"]
    assert (about["people"], about["people_qualifier"], about["date"]) == ("21", "about", "2002-09-11")
    month = rows["cn-31-caught-2012-02"]  # dated to the month: EDTF, with the days it can mean
    assert (month["date"], month["date_lower"], month["date_upper"]) == ("2012-02", "2012-02-01", "2012-02-29")
    assert f"wrote {len(rows)} cases" in done.stdout


def test_csv_export_defaults_to_a_temporary_folder(runs: dict[str, subprocess.CompletedProcess[str]]) -> None:
    done = runs["export_cases_csv.py (no folder)"]
    assert done.returncode == 0, done.stderr
    written = _written(done)
    try:
        assert written.is_file() and written.parent.name.startswith("nkasylum-")
    finally:
        written.unlink()
        written.parent.rmdir()


def test_the_panel_example_codes_unknown_as_empty_never_as_zero(
        runs: dict[str, subprocess.CompletedProcess[str]]) -> None:
    done = runs["panel_to_csv.py"]
    found = re.search(r"model table to (.+model\.csv):", done.stdout)
    assert found is not None, done.stdout + done.stderr
    with Path(found[1]).open(encoding="utf-8", newline="") as f:
        model = list(csv.DictReader(f))
    with (Path(found[1]).parent / "panel.csv").open(encoding="utf-8", newline="") as f:
        panel = list(csv.DictReader(f))
    assert len(model) == len(panel) == 17 * 26
    for m, p in zip(model, panel, strict=True):
        assert (m["country"], m["year"]) == (p["country"], p["year"])
        assert m["repatriates"] == {"true": "1", "false": "0", "": ""}[p["repatriates"]]
        documented = p["repatriates_support"] in ("rule in force", "seen", "between sightings")
        assert (m["repatriates"] != "") == documented


def test_the_routes_example_counts_days_as_nk_routes_does(runs: dict[str, subprocess.CompletedProcess[str]]) -> None:
    import datetime as dt

    line = next(x for x in runs["routes_by_year.py"].stdout.splitlines() if x.startswith("2009  "))
    days = sum(1 for n in range(365) if any(str(r) == "KP > RU > KR" for r in
                                           nk.routes("KP", "KR", on=dt.date(2009, 1, 1) + dt.timedelta(days=n))))
    assert f"KP > RU > KR: {days} d" in line


def test_the_chart_example_draws_an_svg_or_says_matplotlib_is_missing(tmp_path: Path) -> None:
    target = tmp_path / "arrivals.svg"
    done = run("arrivals_chart.py", "--svg", str(target), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        assert "matplotlib is not installed: text chart only" in done.stdout
        assert not target.exists()
    else:
        assert f"wrote {target}" in done.stdout
        assert target.read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))
