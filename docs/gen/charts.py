"""The Charts page (docs/charts.md): yearly series drawn with matplotlib, and transit maps.

Markers: ``series MEASURE PLACE`` (one series: a bar chart as a static SVG, then a table of
its points with the statistic and the sources behind each), ``other-series MEASURE:PLACE
...`` (the same for every other yearly series in the data, except those named),
``transit-maps DATE ...`` (``nk.transit_map(on=...)`` for each date, as Mermaid diagrams).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import nkasylum as nk

sys.path.insert(0, str(Path(__file__).resolve().parent))   # the shared helpers beside this file
from _common import ACCENT, code, figure, kb, label, main, place_name, pyplot, sources_of, table

DISPUTED = "#e65100"
"""The colour of a bar whose year the sources disagree on."""

_MARKS = {nk.Qualifier.AT_LEAST: "≥", nk.Qualifier.MORE_THAN: ">", nk.Qualifier.AT_MOST: "≤",
          nk.Qualifier.FEWER_THAN: "<", nk.Qualifier.ALMOST: "<", nk.Qualifier.ABOUT: "~"}


def _unit_label(points: tuple[nk.SeriesPoint, ...]) -> str:
    units = {p.value.unit for p in points}
    return ", ".join(sorted(u.value for u in units))


def _short(q: nk.Quantity) -> str:
    """A bar's label: the number with its qualifier as a sign (``≥80``, ``~1,000``)."""
    if q.value is None:
        return "?"
    return f"{_MARKS.get(q.qualifier, '')}{q.value:,}"


def series_figure(points: tuple[nk.SeriesPoint, ...], title: str) -> Any:
    """A bar chart of a yearly series: every year from first to last has a slot, so a gap
    shows as an empty slot; a qualified figure is hatched; a year the sources disagree on
    gets one bar per version, outlined; each bar is labelled with its figure."""
    plt = pyplot()
    from matplotlib.patches import Patch  # lazy: matplotlib is only needed at build time
    from matplotlib.ticker import FuncFormatter, MaxNLocator  # lazy: as above

    fig, ax = plt.subplots(figsize=(8, 4))
    years = sorted({p.year for p in points})
    valued = [p.value.value for p in points if p.value.value is not None]
    top = max(valued, default=0)
    label_bars = len(points) <= 16
    for year in years:
        here = [p for p in points if p.year == year]
        width = 0.8 / len(here)
        for k, p in enumerate(here):
            x = year - 0.4 + width * (k + 0.5)
            value = p.value.value
            exact = p.value.qualifier is nk.Qualifier.EXACT
            colour = DISPUTED if p.disputed else ACCENT
            ax.bar(x, value or 0, width=width * 0.9, color=colour if exact else "white", edgecolor=colour,
                   linewidth=1, hatch=None if exact else "///")
            if label_bars or value is None:
                ax.annotate(_short(p.value), (x, value or 0), xytext=(0, 3), textcoords="offset points",
                            ha="center", va="bottom", fontsize=9)
    span = list(range(years[0], years[-1] + 1))
    ax.set_xlim(years[0] - 0.6, years[-1] + 0.6)
    if len(span) <= 12:
        ax.set_xticks(span)
    else:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=12))
    ax.set_ylim(0, (top or 1) * 1.15)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.0f}"))
    ax.set_title(title)
    ax.set_xlabel("year")
    ax.set_ylabel(_unit_label(points))
    ax.grid(axis="y", alpha=0.3)
    handles = []
    if any(p.value.qualifier is nk.Qualifier.EXACT and not p.disputed for p in points):
        handles.append(Patch(facecolor=ACCENT, edgecolor=ACCENT, label="exact figure"))
    if any(p.value.qualifier is not nk.Qualifier.EXACT for p in points):
        handles.append(Patch(facecolor="white", edgecolor=ACCENT, hatch="///", label="qualified (≥ > ≤ < ~)"))
    if any(p.disputed for p in points):
        handles.append(Patch(facecolor=DISPUTED, edgecolor=DISPUTED, label="sources disagree (a bar each)"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=len(handles),
              fontsize=9, frameon=False)
    return fig


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() or c == "-" else "-" for c in text.lower())


def gen_series(args: list[str]) -> str:
    """One yearly series: what ``nk.series`` returns, a chart, and the points with their sources."""
    measure, *rest = args
    country = rest[0] if rest else None
    points = nk.series(measure, country=country)
    call = f'nk.series("{measure}"' + (f', country="{country}")' if country else ")")
    if not points:
        return (f'!!! info "No yearly figures yet"\n    `{call}` returns no points in nkasylum '
                f"{nk.__version__}: the knowledge base holds no yearly figure for this measure yet. "
                "The chart appears here as soon as the data has one.")
    years = sorted({p.year for p in points})
    missing = sorted(set(range(years[0], years[-1] + 1)) - set(years))
    out = [f"`{call}` returns {len(points)} point(s) for {len(years)} year(s), {years[0]} to {years[-1]}."
           if len(years) > 1 else
           f"`{call}` returns {len(points)} point(s), all for {years[0]}: one year makes no trend yet.", ""]
    if missing:
        out += [f"No figure is documented for {', '.join(map(str, missing))}: those slots stay empty "
                "(a gap is never filled in).", ""]
    if any(p.value.value is not None for p in points):
        title = measure + (f", {place_name(nk.place(country))}" if country else "")
        path = f"img/charts/{_slug(measure)}-{_slug(country or 'all')}.svg"
        out += [figure(path, series_figure(points, title), f"Bar chart: {title}, by year"), ""]
    out.append(table(["year", "value", "qualifier", "statistic", "sources", "disputed"],
                     [[p.year, str(p.value), p.value.qualifier.value, code(p.statistic), sources_of(p),
                       ", ".join(p.disputed) or "—"] for p in points]))
    return "\n".join(out)


def gen_other_series(args: list[str]) -> str:
    """A chart for every other yearly series in the data (measure and place)."""
    skip = {tuple(a.split(":", 1)) for a in args}
    pairs = sorted({(s.measure, label(s.place)) for s in kb().all_statistics if s.year is not None})
    pairs = [p for p in pairs if p not in skip]
    if not pairs:
        return "No other yearly series is in the data yet."
    out = []
    for measure, place in pairs:
        out += [f"### `{measure}` in {place}", "", gen_series([measure, place]), ""]
    return "\n".join(out)


def gen_transit_maps(args: list[str]) -> str:
    """``nk.transit_map(on=...)`` for each date given, as Mermaid diagrams in tabs."""
    out = []
    for text in args:
        day = dt.date.fromisoformat(text)
        chart = nk.transit_map(on=day)
        out += [f'=== "{day}"', ""]
        if len(chart.strip().splitlines()) <= 1:
            out.append(f"    No passage is documented on {day}.")
        else:
            out += ["    ```mermaid", *("    " + line for line in chart.splitlines()), "    ```"]
            count = len(chart.strip().splitlines()) - 1
            out += ["", f"    {count} documented passage(s) on {day}: "
                    f"`nk.transit_map(on=dt.date({day.year}, {day.month}, {day.day}))`."]
        out.append("")
    return "\n".join(out)


GENERATORS = {"other-series": gen_other_series, "series": gen_series, "transit-maps": gen_transit_maps}

main(__name__, "charts.md", GENERATORS)
