"""The country-year panel: its values are nk.policy's, its supports nk.policy_answer's and
nk.coverage's, its columns are the codebook's, and its CSV needs no pandas."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import examples

import nkasylum as nk
from nkasylum.engine.coverage import COVERAGE_COUNTRIES
from nkasylum.io.cli import main
from nkasylum.io.panel import PANEL_COLUMNS, PANEL_FIELDS, panel_codebook, panel_rows, write_panel_csv

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTING = {nk.Support.RULE, nk.Support.SEEN, nk.Support.BETWEEN_SIGHTINGS}
YES_NO = {"repatriates", "admits"}


def _as_stored(policy: nk.Policy, name: str) -> Any:
    value = getattr(policy, name)
    if name == "returns_to":
        return tuple(p.alpha_2 if isinstance(p, nk.Country) else p.id for p in value)
    if name in ("classification", "grants"):
        return tuple(v.value for v in value)
    return value


def _states(policy: nk.Policy, name: str) -> bool:
    value = getattr(policy, name)
    return value is not None if name in YES_NO else bool(value)


def check_row(kb: nk.KnowledgeBase, row: dict[str, Any]) -> None:
    """Every law the panel promises, for one row."""
    code, on = row["country"], row["on"]
    answer = kb.policy_answer(code, on=on)
    policy = answer.policy
    (cell,) = kb.coverage([code], [on.year], day=on.strftime("%m-%d"))
    assert row["documented"] is (policy is not None) is cell.documented
    assert (row["support"], row["entries"]) == (cell.support, cell.entries)
    empty_age = {nk.Support.RULE, nk.Support.UNDATED, nk.Support.NOTHING}
    assert (row["age_days"] is None) is (row["support"] in empty_age)
    if row["age_days"] is not None:
        assert cell.age is not None and row["age_days"] == cell.age.days
    backing = {b.entry: b for b in answer.backing}
    for name in PANEL_FIELDS:
        support, entries, age = row[f"{name}_support"], row[f"{name}_entries"], row[f"{name}_age_days"]
        if support in DOCUMENTING:
            assert policy is not None and row[name] == _as_stored(policy, name)
            # The statements named state the field, are merged into the policy, and the
            # support is the strongest of theirs that day.
            assert entries and all(e in backing and _states(kb.entry(e), name) for e in entries)  # type: ignore[arg-type]
            assert support in {backing[e].support for e in entries}
            assert age == min(backing[e].age.days for e in entries if backing[e].support is support)
        else:
            # Not documented that day: the value is empty, never a carried-forward guess.
            assert row[name] == (None if name in YES_NO else ())
            if policy is not None:
                assert not _states(policy, name)
            if support is nk.Support.LAST_KNOWN:
                assert age is not None and age > 0 and entries
                assert all(_states(kb.entry(e), name) for e in entries)  # type: ignore[arg-type]
                earlier = kb.policy(code, on=on - dt.timedelta(days=age))
                assert earlier is not None and _states(earlier, name)
            elif support is nk.Support.UNDATED:
                assert entries and all(kb.entry(e).undated for e in entries)  # type: ignore[union-attr]
            else:
                assert support is nk.Support.NOTHING and entries == () and age is None
    named = {*row["entries"], *(e for n in PANEL_FIELDS for e in row[f"{n}_entries"])}
    touching = {c.id for c in kb.conflicts() if named & set(c.versions)}
    assert set(row["conflicts"]) == touching and row["disputed"] is bool(touching)


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([*COVERAGE_COUNTRIES, "KP", "SG", "third-country"]), st.integers(1990, 2026),
       st.sampled_from(["07-01", "01-01", "12-31", "03-15"]))
def test_each_row_agrees_with_policy_and_policy_answer(country: str, year: int, day: str) -> None:
    kb = nk.default_knowledge_base()
    (row,) = panel_rows([year], [country], day=day)
    assert (row["country"], row["year"], row["on"]) == (
        nk.place(country).alpha_2 if isinstance(nk.place(country), nk.Country) else country,
        year, dt.date(year, int(day[:2]), int(day[3:])))
    check_row(kb, row)


def test_the_default_panel_is_the_coverage_grid_in_order() -> None:
    rows = panel_rows()
    cells = nk.coverage()
    assert [(r["country"], r["on"]) for r in rows] == [(c.country, c.on) for c in cells]
    assert len(rows) == len(COVERAGE_COUNTRIES) * 26
    kb = nk.default_knowledge_base()
    for row in rows[::37]:  # a spread of countries and years, every law
        check_row(kb, row)


def test_columns_are_the_documented_ones_and_the_codebook_shows_them() -> None:
    (row,) = panel_rows([2010], ["RU"])
    assert list(row) == [name for name, _, _ in PANEL_COLUMNS]
    codebook = (ROOT / "docs" / "codebook.md").read_text(encoding="utf-8")
    # the page's marker is filled with panel_codebook() at build time (docs/gen/codebook.py)
    assert "<!-- nkasylum:panel-columns -->" in codebook
    table = panel_codebook().splitlines()
    assert len(table) == 2 + len(PANEL_COLUMNS)
    assert all(f"`{name}`" in line for (name, _, _), line in zip(PANEL_COLUMNS, table[2:], strict=True))


def test_the_frame_has_the_columns_and_dtypes_it_documents() -> None:
    pd = pytest.importorskip("pandas")
    frame = nk.panel(years=range(2000, 2026, 5))
    assert [(c, str(frame[c].dtype)) for c in frame.columns] == [
        (name, dtype if dtype != "tuple" else "object") for name, dtype, _ in PANEL_COLUMNS]
    assert list(frame["support"].cat.categories) == [s.value for s in nk.Support]
    kr = frame[(frame["country"] == "KR") & (frame["year"] == 2015)].iloc[0]
    assert kr["admits"] is True or bool(kr["admits"]) is True
    unknown = frame["repatriates_support"] != "rule in force"
    assert frame.loc[unknown & (frame["repatriates_support"] != "seen")
                     & (frame["repatriates_support"] != "between sightings"), "repatriates"].isna().all()
    assert isinstance(frame["country"].dtype, pd.StringDtype)


def test_the_csv_needs_no_pandas_and_round_trips(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    path = write_panel_csv(tmp_path / "deep" / "panel.csv", years=[2004, 2015], countries=["CN", "KR"])
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    expected = panel_rows([2004, 2015], ["CN", "KR"])
    assert [r["country"] + r["year"] for r in rows] == [r["country"] + str(r["year"]) for r in expected]
    for got, want in zip(rows, expected, strict=True):
        assert got["support"] == want["support"].value
        assert got["repatriates"] == {None: "", True: "true", False: "false"}[want["repatriates"]]
        assert got["classification"] == "; ".join(want["classification"])
    with pytest.raises(nk.MissingExtraError, match=r"nkasylum\[pandas\]"):
        nk.panel()


def test_export_panel_from_the_command_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["export", "--panel", "--out", str(tmp_path), "--years", "2000-2002,2010",
                 "--countries", "CN,Russia", "--day", "12-31"])
    out, err = capsys.readouterr()
    assert code == 0 and err == "" and out.split() == [str(tmp_path / "panel.csv"), str(tmp_path / "panel.meta.json")]
    meta = json.loads((tmp_path / "panel.meta.json").read_text(encoding="utf-8"))
    assert meta["data_version"] == str(nk.data_version)  # the export says which data it holds
    with (tmp_path / "panel.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["country"], r["on"]) for r in rows] == [
        (c, f"{y}-12-31") for c in ("CN", "RU") for y in (2000, 2001, 2002, 2010)]
    assert list(rows[0]) == [name for name, _, _ in PANEL_COLUMNS]


@pytest.mark.parametrize(("args", "says"), [
    (("--years", "2000-1990"), "ends before it starts"),
    (("--years", "20x"), "2000-2025"),
    (("--day", "02-30"), "MM-DD"),
    (("--countries", "Atlantis"), "unknown country 'Atlantis'"),
    (("--format", "json"), "CSV"),
])
def test_bad_panel_options_exit_2_with_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                args: tuple[str, ...], says: str) -> None:
    code = main(["export", "--panel", "--out", str(tmp_path), *args])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and says in err
    assert not (tmp_path / "panel.csv").exists()
