"""The library's charts (nkasylum.io.plots): they draw what the knowledge base holds, mark
disputes only where the versions differ materially, and need matplotlib only when drawn."""

from __future__ import annotations

import builtins
import sys
from typing import Any

import pytest

import nkasylum as nk
from nkasylum.io import plots

pytest.importorskip("matplotlib", reason="the charts are drawn with matplotlib (extra 'plot')")


def _ranges(fig: Any) -> list[tuple[float, float]]:
    """The (low, high) of every dispute range drawn (orange vertical lines)."""
    found = []
    for collection in fig.axes[0].collections:
        for segment in collection.get_segments():
            (_, low), (_, high) = segment[0], segment[-1]
            found.append((low, high))
    return found


def test_a_dispute_is_drawn_only_where_versions_differ_materially() -> None:
    points = nk.series("arrivals-in-south-korea", country="KR")
    by_year: dict[int, list[int]] = {}
    for p in points:
        if p.value.value is not None:
            by_year.setdefault(p.year, []).append(p.value.value)
    material = {y for y, v in by_year.items() if len(v) > 1 and (max(v) - min(v)) / max(v) > plots.MATERIAL}
    slight = {y for y, v in by_year.items() if len(v) > 1 and y not in material}
    assert slight, "the data has years whose versions differ by a few people"
    fig = nk.plot_series("arrivals-in-south-korea", country="KR")
    drawn = _ranges(fig)
    assert len(drawn) == len(material)
    assert {(min(by_year[y]), max(by_year[y])) for y in material} == {(lo, hi) for lo, hi in drawn}
    labels = {t.get_text() for t in fig.axes[0].texts}
    assert all(f"{min(by_year[y]):,}–{max(by_year[y]):,}" in labels for y in material)  # the range, labelled


def test_titles_and_units_read_as_words() -> None:
    ax = nk.plot_series("arrivals-in-south-korea", country="KR").axes[0]
    assert (ax.get_title(), ax.get_ylabel()) == ("Arrivals in South Korea", "people")
    assert plots.title_of("settlement-grant") == "Settlement grant"


def test_the_policy_timeline_marks_every_dated_piece_of_evidence() -> None:
    fig = nk.plot_policy_timeline("RU")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["evidence", "grants", "admits", "repatriates"]
    dated = {e.happened.lower for p in nk.policy_timeline("RU") for e in p.evidence
             if e.happened is not None and e.happened.lower is not None}
    from matplotlib.collections import LineCollection

    ticks = sum(len(c.get_segments()) for c in ax.collections if isinstance(c, LineCollection))
    assert ticks == len(dated)
    with pytest.raises(nk.ArgumentValueError, match="fields="):
        nk.plot_policy_timeline("RU", fields=["repatriate"])


def test_the_coverage_map_has_a_row_per_country_and_a_column_per_year() -> None:
    fig = nk.plot_coverage(["CN", "KR"], [2000, 2001, 2002])
    image = fig.axes[0].images[0].get_array()
    assert image.shape == (2, 3)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["CN", "KR"]


def test_small_multiples_draw_one_small_chart_per_series() -> None:
    pairs = [("arrivals-in-south-korea", "KR"), ("arrests-in-thailand", "TH"), ("arrivals-in-thailand", "TH"),
             ("asylum-applications", "GB")]
    fig = nk.plot_series_grid(pairs, columns=3)
    visible = [a for a in fig.axes if a.get_visible()]
    assert len(visible) == 4 and len(fig.axes) == 6
    assert visible[0].get_title() == "Arrivals in South Korea (KR)"


def test_without_matplotlib_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_matplotlib(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("matplotlib"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    for name in [m for m in sys.modules if m.startswith("matplotlib")]:
        monkeypatch.delitem(sys.modules, name)
    with pytest.raises(nk.MissingExtraError, match=r'nkasylum\[plot\]'):
        nk.plot_series("arrivals-in-south-korea", country="KR")


def test_importing_nkasylum_does_not_import_matplotlib() -> None:
    import subprocess

    done = subprocess.run([sys.executable, "-c", "import sys, nkasylum; print('matplotlib' in sys.modules)"],
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
