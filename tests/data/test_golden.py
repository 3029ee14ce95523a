"""Golden snapshot of verdicts (issue #14): every data change shows its behavioural diff.

For a grid of journeys x years (1 July of 1995-2025) the file ``tests/data/golden/verdicts.json``
records the verdict, the route, the newest report date, the evidence age in days and the
support of each statement the answer rests on. A change to the data or the engine that
moves any of them fails this test with a readable diff; if the change is intended,
regenerate the file and commit it beside the change, so that review sees both:

    NKASYLUM_UPDATE_GOLDEN=1 PYTHONPATH=src python -m pytest tests/data/test_golden.py
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
from pathlib import Path
from typing import Any

import pytest

import nkasylum as nk

GOLDEN = Path(__file__).resolve().parent / "golden" / "verdicts.json"
UPDATE = "NKASYLUM_UPDATE_GOLDEN"

JOURNEYS: list[tuple[str, list[str] | None, str]] = [
    ("KP", None, "KR"),
    ("KP", ["CN"], "KR"),
    ("KP", ["CN", "TH"], "KR"),
    ("KP", ["CN", "LA", "TH"], "KR"),
    ("KP", ["CN", "MN"], "KR"),
    ("KP", ["CN"], "VN"),
    ("KP", ["RU"], "KR"),
    ("KP", ["RU"], "JP"),
    ("KP", None, "US"),
    ("KP", None, "JP"),
    ("KP", None, "TH"),
    ("KP", None, "RU"),
    ("KP", None, "MN"),
]
EXACT: list[tuple[str, list[str], str]] = [
    ("KP", ["CN"], "KR"),
    ("KP", ["CN", "TH"], "KR"),
    ("KP", ["RU"], "KR"),
]
"""Journeys also asked with ``exact=True`` (the others list waypoints)."""
YEARS = range(1995, 2026)


def _label(origin: str, via: list[str] | None, dest: str) -> str:
    return f"{origin} > {' > '.join(via)} > {dest}" if via else f"{origin} any > {dest}"


def _answer(a: nk.Assessment) -> dict[str, Any]:
    return {
        "verdict": a.verdict.value,
        "route": None if a.route is None else str(a.route),
        "latest_evidence": None if a.latest_evidence is None else a.latest_evidence.isoformat(),
        "evidence_age_days": None if a.evidence_age is None else a.evidence_age.days,
        "supports": [[b.entry, b.support.value] for b in a.backing],
    }


def snapshot() -> dict[str, dict[str, Any]]:
    """The current answers for the whole grid, keyed by journey and then by day."""
    out: dict[str, dict[str, Any]] = {}
    for origin, via, dest in JOURNEYS:
        rows = out.setdefault(_label(origin, via, dest), {})
        for year in YEARS:
            day = dt.date(year, 7, 1)
            rows[day.isoformat()] = _answer(nk.can_resettle(origin, via, dest, on=day))
    for origin, stops, dest in EXACT:
        rows = out.setdefault(_label(origin, stops, dest) + " exactly", {})
        for year in YEARS:
            day = dt.date(year, 7, 1)
            rows[day.isoformat()] = _answer(nk.can_resettle(origin, stops, dest, on=day, exact=True))
    return out


def _text(data: object) -> str:
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def _summary(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """One line per changed cell: journey, day, and what moved."""
    lines = []
    for journey in sorted(set(old) | set(new)):
        before, after = old.get(journey, {}), new.get(journey, {})
        for day in sorted(set(before) | set(after)):
            a, b = before.get(day), after.get(day)
            if a != b:
                if a is None or b is None:
                    lines.append(f"{journey} on {day}: {'added' if a is None else 'removed'}")
                    continue
                moved = [f"{k}: {a.get(k)!r} -> {b.get(k)!r}" for k in sorted(set(a) | set(b))
                         if a.get(k) != b.get(k) and k != "supports"]
                if a.get("supports") != b.get("supports"):
                    moved.append("supports changed")
                lines.append(f"{journey} on {day}: " + "; ".join(moved))
    return lines


def test_the_verdict_grid_matches_the_golden_file() -> None:
    current = snapshot()
    if os.environ.get(UPDATE) == "1":
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(_text(current), encoding="utf-8")
    assert GOLDEN.is_file(), f"no golden file at {GOLDEN}; create it with {UPDATE}=1"
    stored = json.loads(GOLDEN.read_text(encoding="utf-8"))
    if stored == current:
        return
    changed = _summary(stored, current)
    diff = list(difflib.unified_diff(_text(stored).splitlines(), _text(current).splitlines(),
                                     "golden/verdicts.json", "current answers", lineterm="", n=2))
    shown = "\n".join(changed[:60] + (["..."] if len(changed) > 60 else []))
    pytest.fail(
        f"{len(changed)} answer(s) differ from tests/data/golden/verdicts.json:\n{shown}\n\n"
        + "\n".join(diff[:200]) + ("\n..." if len(diff) > 200 else "")
        + f"\n\nIf the change is intended, regenerate and commit the file:\n"
          f"    {UPDATE}=1 PYTHONPATH=src python -m pytest tests/data/test_golden.py",
        pytrace=False)


def test_the_golden_grid_covers_every_journey_and_year() -> None:
    stored = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert sorted(stored) == sorted([*(_label(*j) for j in JOURNEYS),
                                     *(_label(*j) + " exactly" for j in EXACT)])
    for rows in stored.values():
        assert sorted(rows) == [dt.date(y, 7, 1).isoformat() for y in YEARS]
        for cell in rows.values():
            assert cell["verdict"] in {v.value for v in nk.Verdict}
            # a route exactly when documented; supports name a kind of support
            assert (cell["route"] is not None) is (cell["verdict"] == "documented")
            assert all(s in {x.value for x in nk.Support} for _, s in cell["supports"])


def test_the_diff_names_each_changed_answer() -> None:
    # The failure message must say which journey, which day and what moved.
    old = {"KP > RU > KR": {"2009-07-01": {"verdict": "documented", "route": "KP > RU > KR",
                                            "latest_evidence": "2009-12-23", "evidence_age_days": 0,
                                            "supports": []}}}
    new = json.loads(json.dumps(old))
    new["KP > RU > KR"]["2009-07-01"].update(verdict="undocumented", route=None)
    (line,) = _summary(old, new)
    assert line.startswith("KP > RU > KR on 2009-07-01: ")
    assert "verdict: 'documented' -> 'undocumented'" in line and "route: 'KP > RU > KR' -> None" in line
