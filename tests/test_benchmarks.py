"""The benchmark script runs end to end (in its --quick mode), reports every row, and its
answer checks passed.

Timings are not asserted: they depend on the machine. What is asserted is that the script
measures what it promises (distinct questions, realistic rows, both networkx idioms with
each side's per-day structures built inside the timing and before it, a world beyond ISO's
countries), that its answers were checked (a mismatch with the
reference implementation makes it exit with an error), and that the committed table the
Performance page includes comes from a full run of the current rows.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
SCRIPT = BENCH / "run.py"
QUICK_ROWS = [
    "cold start (process)",
    "cold start (process), this interpreter's start-up hooks included",
    "cold start (process), an any-route first question: the knowledge base is built",
    "fresh questions, any route",
    "fresh questions, named routes as waypoints (the default)",
    "fresh questions, named routes, exact legs",
    "fresh questions, explanation read (any route and named, mixed)",
    "repeated question (memo hit)",
    "whole-year panel, 17 countries x 36 years (warm)",
    "bulk, realistic rows",
    "routes vs networkx, pruned idiom, per-day tables and graphs built in the timing",
    "routes vs networkx, pruned idiom, tables and graphs built before",
    "routes vs networkx, pruned idiom, our tables built in the timing, networkx's graphs before (mixed)",
    "routes vs networkx, unpruned, tables and graphs built before (not what a careful user writes)",
    "answer caches, memory",
    "any route, 50-country world",
    "any route, 300-country world",
]
FULL_WORLDS = ["any route, 50-country world", "any route, 250-country world",
               "any route, 1,000-country world", "any route, 5,000-country world"]


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any], str]:
    pytest.importorskip("networkx")
    pytest.importorskip("holidays", reason="python-holidays is in the benchmarks extra")
    out = tmp_path_factory.mktemp("bench") / "quick.json"
    done = subprocess.run([sys.executable, str(SCRIPT), "--quick", "--out", str(out)],
                          capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout, json.loads(out.read_text("utf-8")), out.with_suffix(".md").read_text("utf-8")


def _by_name(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["name"]: r for r in result["rows"]}


@pytest.mark.slow  # runs the benchmarks (quick mode) once for the module
def test_the_table_has_every_row_with_a_ratio(quick_run: tuple[str, dict[str, Any], str]) -> None:
    table, _, _ = quick_run
    lines = table.splitlines()
    assert [c.strip() for c in lines[0].split(" | ")] == [
        "row", "nkasylum", "reference", "ratio", "target", "met"]
    for name in QUICK_ROWS:
        row = next(line for line in lines if line.startswith(name + " "))
        assert float(row.split(" | ")[3].strip()) > 0, row


@pytest.mark.slow  # runs the benchmarks (quick mode) once for the module
def test_the_json_records_every_row_and_its_checked_answers(
        quick_run: tuple[str, dict[str, Any], str]) -> None:
    _, result, _ = quick_run
    assert result["quick"] is True
    assert [r["name"] for r in result["rows"]] == QUICK_ROWS
    rows = _by_name(result)
    for r in result["rows"]:
        assert {"ours", "reference", "ratio", "target", "met", "data"} <= set(r)
        assert r["ratio"] > 0
    for kind in ("any route", "named routes as waypoints (the default)", "named routes, exact legs"):
        fresh = rows[f"fresh questions, {kind}"]["data"]
        assert fresh["checked_against_reference"] > 0 and fresh["questions"] >= 300
        assert sum(fresh["verdicts"].values()) == fresh["questions"]
    bulk = rows["bulk, realistic rows"]["data"]
    assert bulk["checked_against_reference"] > 0
    assert bulk["journeys"] > bulk["rows"] / 10, "realistic rows: many distinct journeys"
    routes = rows["routes vs networkx, pruned idiom, per-day tables and graphs built in the timing"]
    assert routes["data"]["routes"] > 0 and routes["data"]["warming_questions"] > 0
    assert rows["answer caches, memory"]["data"]["questions"] > 0


_CHECK_INPUTS = """
import sys
sys.path.insert(0, sys.argv[1])
import nkasylum as nk
import questions, world
asked = questions.distinct(nk.default_knowledge_base(), 500, named=None)
assert len(set(asked)) == 500, "questions repeat"
assert {v is None for _, v, _, _ in asked} == {True, False}, "any-route and named both"
big = world.countries(400)
assert len({c.alpha_2 for c in big}) == 400, "countries repeat"
assert sum(len(c.alpha_2) == 2 for c in big) == len([c for c in nk.all_countries() if len(c.alpha_2) == 2])
assert all(nk.country(c.alpha_2) == c for c in big), "made-up codes resolve"
kb = world.world(passages=800, policies=20, countries_=400, scope=("KP",))
assert kb.can_resettle("KP", None, big[-1], on=2010).verdict.value
print("ok")
"""


def test_the_questions_are_distinct_and_the_worlds_grow_beyond_iso() -> None:
    # In a process of its own: the made-up countries are registered in the process's table.
    done = subprocess.run([sys.executable, "-c", _CHECK_INPUTS, str(BENCH)], capture_output=True,
                          text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-3000:]


@pytest.mark.slow  # runs the benchmarks (quick mode) once for the module
def test_the_markdown_table_is_written_beside_the_json(quick_run: tuple[str, dict[str, Any], str]) -> None:
    _, result, md = quick_run
    header = "| row | nkasylum | reference | ratio | target | met |"
    assert header in md and "quick run" in md
    assert md.count("\n| ") == len(result["rows"]) + 2


def test_the_performance_page_includes_the_committed_table_of_a_full_run() -> None:
    page = (ROOT / "docs" / "performance.md").read_text("utf-8")
    assert '--8<-- "benchmarks/latest.md"' in page
    latest = json.loads((BENCH / "latest.json").read_text("utf-8"))
    assert latest["quick"] is False
    names = [r["name"] for r in latest["rows"]]
    assert names == [*QUICK_ROWS[:-2], *FULL_WORLDS], "run benchmarks/run.py to refresh latest.*"
    md = (BENCH / "latest.md").read_text("utf-8")
    for name in names:
        assert f"| {name} |" in md


def test_results_go_under_benchmarks_results_by_default_and_are_ignored_by_git() -> None:
    ignored = subprocess.run(["git", "check-ignore", "-q", "benchmarks/results/x.json"], cwd=ROOT)
    if ignored.returncode == 128:
        pytest.skip("not a git checkout")
    assert ignored.returncode == 0
