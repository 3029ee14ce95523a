"""The Charts page (docs/charts.md): the library's own charts (nkasylum.io.plots), drawn at
build time as static SVG, and transit maps.

Markers: ``series MEASURE PLACE`` (``nk.plot_series``, then a table of its points with the
statistic and the sources behind each), ``other-series MEASURE:PLACE ...`` (every other
yearly series as small multiples, ``nk.plot_series_grid``, and one row each in a table),
``policy-timelines PLACE ...`` (``nk.plot_policy_timeline`` for each), ``coverage-map``
(``nk.plot_coverage``), ``transit-maps DATE ...`` (``nk.transit_map(on=...)`` for each date,
as Mermaid diagrams).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import nkasylum as nk

sys.path.insert(0, str(Path(__file__).resolve().parent))   # the shared helpers beside this file
from _common import code, figure, kb, label, main, place_name, pyplot, sources_of, table


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
    out = [f"`{call}` returns {_n(len(points), 'point')} for {_n(len(years), 'year')}, {years[0]} to {years[-1]}."
           if len(years) > 1 else
           f"`{call}` returns {_n(len(points), 'point')}, all for {years[0]}: one year makes no trend yet.", ""]
    if missing:
        out += [f"No figure is documented for {', '.join(map(str, missing))}: those slots stay empty "
                "(a gap is never filled in).", ""]
    if any(p.value.value is not None for p in points):
        title = measure + (f", {place_name(nk.place(country))}" if country else "")
        path = f"img/charts/{_slug(measure)}-{_slug(country or 'all')}.svg"
        pyplot()  # the docs' SVG settings
        chart = nk.plot_series(measure, country=country)
        out += [f"`nk.plot_series(\"{measure}\"" + (f', country="{country}")' if country else ")")
                + "` draws it (extra `plot`):", "",
                figure(path, chart, f"Bar chart: {title}, by year"), ""]
    out.append(table(["year", "value", "qualifier", "statistic", "sources", "disputed"],
                     [[p.year, str(p.value), p.value.qualifier.value, code(p.statistic), sources_of(p),
                       ", ".join(p.disputed) or "—"] for p in points]))
    return "\n".join(out)


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun if count == 1 else noun + 's'}"


def gen_other_series(args: list[str]) -> str:
    """Every other yearly series in the data (measure and place) as small multiples, and a
    table with one row each (years, points, disputed years)."""
    skip = {tuple(a.split(":", 1)) for a in args}
    pairs = sorted({(s.measure, label(s.place)) for s in kb().all_statistics if s.year is not None})
    pairs = [p for p in pairs if p not in skip]
    if not pairs:
        return "No other yearly series is in the data yet."
    pyplot()
    chart = nk.plot_series_grid([(m, p) for m, p in pairs], columns=4)
    rows = []
    for measure, where in pairs:
        points = nk.series(measure, country=where)
        years = sorted({p.year for p in points})
        span = f"{years[0]}-{years[-1]}" if len(years) > 1 else str(years[0])
        disputed = sorted({p.year for p in points if p.disputed})
        rows.append([code(measure), where, span, len(points), ", ".join(map(str, disputed)) or "—"])
    return "\n".join([
        f"`nk.plot_series_grid()` draws {_n(len(pairs), 'series')} as small multiples: a range in orange marks "
        "a year whose versions differ by more than 5%.", "",
        figure("img/charts/other-series.svg", chart, "Small multiples: every other yearly series"), "",
        table(["measure", "place", "years", "points", "disputed years"], rows)])


def gen_policy_timelines(args: list[str]) -> str:
    """``nk.plot_policy_timeline(PLACE)`` for each place given."""
    out = []
    pyplot()
    for where in args:
        name = place_name(nk.place(where))
        out += [f"### {name}", "", f'`nk.plot_policy_timeline("{where}")`:', "",
                figure(f"img/charts/policy-{_slug(where)}.svg", nk.plot_policy_timeline(where),
                       f"Policy timeline: {name}"), ""]
    return "\n".join(out)


def gen_coverage_map(args: list[str]) -> str:
    """``nk.plot_coverage()``: the coverage heat map."""
    pyplot()
    return "\n".join(["`nk.plot_coverage()`:", "",
                      figure("img/charts/coverage.svg", nk.plot_coverage(), "Coverage heat map")])


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
            out += ["", f"    {_n(count, 'documented passage')} on {day}: "
                    f"`nk.transit_map(on=dt.date({day.year}, {day.month}, {day.day}))`."]
        out.append("")
    return "\n".join(out)


GENERATORS = {"coverage-map": gen_coverage_map, "other-series": gen_other_series,
              "policy-timelines": gen_policy_timelines, "series": gen_series, "transit-maps": gen_transit_maps}

main(__name__, "charts.md", GENERATORS)
