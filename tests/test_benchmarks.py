"""The benchmark script runs end to end (in its tiny --quick mode) and reports every row.

Timings are not asserted: they depend on the machine. What is asserted is that the script
works, measures the five things it promises, and that its answer checks passed (a
mismatch with the reference implementation makes it exit with an error).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "run.py"
ROWS = ["cold start", "warm query", "route search", "bulk", "memory"]


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, object]]:
    pytest.importorskip("networkx")
    pytest.importorskip("holidays", reason="python-holidays is in the benchmarks extra")
    out = tmp_path_factory.mktemp("bench") / "quick.json"
    done = subprocess.run([sys.executable, str(SCRIPT), "--quick", "--out", str(out)],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout, json.loads(out.read_text("utf-8"))


def test_the_table_has_all_five_rows_with_ratios(quick_run: tuple[str, dict[str, object]]) -> None:
    table, _ = quick_run
    lines = table.splitlines()
    assert [c.strip() for c in lines[0].split(" | ")] == [
        "row", "nkasylum", "reference", "ratio", "result", "target", "met"]
    for name in ROWS:
        row = next(line for line in lines if line.startswith(name))
        ratio = row.split(" | ")[3].strip()
        assert float(ratio) > 0, row


def test_the_json_records_every_row_and_its_measurements(quick_run: tuple[str, dict[str, object]]) -> None:
    _, result = quick_run
    assert result["quick"] is True
    rows = result["rows"]
    assert isinstance(rows, list)
    assert [r["name"] for r in rows] == ROWS
    for r in rows:
        assert {"ours", "reference", "ratio", "result", "target", "met", "data"} <= set(r)
        assert r["ratio"] > 0
    by_name = {r["name"]: r for r in rows}
    assert by_name["route search"]["data"]["routes"] > 0, "the quick world should have routes"
    assert by_name["bulk"]["data"]["checked_against_reference"] > 0
    assert set(by_name["memory"]["data"]["peak_mb"]) == {"floor", "import", "bundled", "world", "networkx"}


def test_results_go_under_benchmarks_results_by_default_and_are_ignored_by_git() -> None:
    ignored = subprocess.run(["git", "check-ignore", "-q", "benchmarks/results/x.json"], cwd=ROOT)
    if ignored.returncode == 128:
        pytest.skip("not a git checkout")
    assert ignored.returncode == 0
