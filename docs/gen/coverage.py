"""The Coverage page (docs/coverage.md): what the knowledge base can and cannot answer.

Markers: ``coverage-figures`` (the headline figures, computed with the public API),
``coverage-map`` (a heat map of ``nk.coverage()``: a static SVG drawn with matplotlib),
``coverage-table`` (the same cells as a table, each linking to what it rests on),
``coverage-fields`` (per field, repatriates and admits, over whole years),
``coverage-cells`` (for each country, the runs of years with the same support and the
entries behind them), ``holdings`` (per place: the policies, passages, cases and
statistics held, each entry with the anchor ``#entry-ID``).
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

import nkasylum as nk

sys.path.insert(0, str(Path(__file__).resolve().parent))   # the shared helpers beside this file
from _common import code, figure, kb, label, main, place_name, pyplot, sources_of, table

DAY = "07-01"
"""Every figure asks about 1 July of each year, like ``nk.coverage()``."""

TRANSITS = ("TH", "MN", "RU")
"""The transit countries whose documented routes the figures count, year by year."""

SUPPORT_STYLE: dict[nk.Support, tuple[str, str]] = {
    nk.Support.RULE: ("R", "#1b5e20"),
    nk.Support.SEEN: ("S", "#43a047"),
    nk.Support.BETWEEN_SIGHTINGS: ("B", "#a5d6a7"),
    nk.Support.CARRIED_FORWARD: ("C", "#dcedc8"),
    nk.Support.LAST_KNOWN: ("L", "#ffb74d"),
    nk.Support.UNDATED: ("U", "#b0bec5"),
    nk.Support.NOTHING: ("·", "#f5f5f5"),
}
"""For each kind of support: the letter in the table and the colour in the heat map."""


# ----------------------------------------------------------------------- figures
@dataclass(frozen=True)
class Figures:
    """The headline figures of the page, computed from the public API."""

    cells: tuple[nk.CoverageCell, ...]
    any_route_years: tuple[int, ...]
    route_years: dict[str, tuple[int, ...]]
    route_years_any_day: dict[str, tuple[int, ...]]

    @property
    def countries(self) -> list[str]:
        return list(dict.fromkeys(c.country for c in self.cells))

    @property
    def years(self) -> list[int]:
        return sorted({c.on.year for c in self.cells})

    @property
    def documented(self) -> int:
        return sum(c.documented for c in self.cells)

    @property
    def share(self) -> float:
        return self.documented / len(self.cells) if self.cells else 0.0

    def undocumented_countries(self) -> list[str]:
        """Countries with no year whose policy is documented (rule, seen, between sightings)."""
        return [c for c in self.countries if not any(x.documented for x in self.cells if x.country == c)]


def _day(year: int) -> dt.date:
    month, day = (int(p) for p in DAY.split("-"))
    return dt.date(year, month, day)


def _through(day: dt.date) -> set[str]:
    """The transit countries of the routes North Korea -> South Korea documented on ``day``."""
    return {getattr(p, "alpha_2", "") for r in nk.routes("KP", "KR", on=day) for p in r.transits}


@functools.cache
def _change_days() -> frozenset[dt.date]:
    """Every day on which some passage's evidence or rule starts or ends, and the day after."""
    found: set[dt.date] = set()
    for p in kb().all_passages:
        whens = [p.valid_from, p.valid_until]
        whens += [e.happened if e.happened is not None else kb().source(e.source).published
                  for e in p.evidence]
        for w in whens:
            for bound in (w.lower, w.upper) if w is not None else ():
                if bound is not None:
                    found.update((bound, bound + dt.timedelta(days=1)))
    return frozenset(found)


def candidate_days(year: int) -> list[dt.date]:
    """Days of ``year`` that together see every route documented on any day of it.

    The passages documented on a day change only where some evidence, rule or sighting
    starts or ends, so a route documented somewhere in the year is documented on 1 January
    or on one of those days (or the day after one ends).
    """
    return sorted({dt.date(year, 1, 1), _day(year)} | {d for d in _change_days() if d.year == year})


def figures(years: Iterable[int] = range(2000, 2026)) -> Figures:
    """Policy coverage of the default 17 countries, the years in which the any-route question
    North Korea -> South Korea is documented, and the years in which a documented route from
    North Korea to South Korea runs through each of :data:`TRANSITS` (on 1 July, and on any
    day of the year)."""
    wanted = list(years)
    cells = nk.coverage(years=wanted, day=DAY)
    any_route = tuple(y for y in wanted if nk.can_resettle("KP", None, "KR", on=_day(y)))
    through: dict[str, list[int]] = {t: [] for t in TRANSITS}
    any_day: dict[str, list[int]] = {t: [] for t in TRANSITS}
    for y in wanted:
        on_the_day = _through(_day(y))
        in_the_year = set().union(*(_through(d) for d in candidate_days(y)))
        for t in TRANSITS:
            if t in on_the_day:
                through[t].append(y)
            if t in in_the_year:
                any_day[t].append(y)
    return Figures(cells, any_route, {t: tuple(v) for t, v in through.items()},
                   {t: tuple(v) for t, v in any_day.items()})


def _years_text(years: Iterable[int]) -> str:
    """``2004–2009, 2012`` for a list of years."""
    runs = []
    for _, group in groupby(enumerate(sorted(years)), key=lambda iy: iy[1] - iy[0]):
        run = [y for _, y in group]
        runs.append(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}")
    return ", ".join(runs) or "none"


_FIGURES: Figures | None = None


def current() -> Figures:
    """The figures for the bundled knowledge base, computed once per build."""
    global _FIGURES
    if _FIGURES is None:
        _FIGURES = figures()
    return _FIGURES


def gen_figures(args: list[str]) -> str:
    f = current()
    n_years = len(f.years)
    span = f"{f.years[0]}–{f.years[-1]}"
    missing_any = sorted(set(f.years) - set(f.any_route_years))
    names = {t: nk.country(t).name for t in TRANSITS}
    rows = [["policy documented on 1 July (rule in force, seen or between sightings; not last known)",
             f"{f.documented} of {len(f.cells)} country-years ({f.share:.0%})",
             f"{len(f.countries)} countries × {span}"],
            ["countries with no documented policy in any of those years",
             str(len(f.undocumented_countries())), ", ".join(f.undocumented_countries()) or "—"],
            ["any route North Korea → South Korea documented on 1 July",
             f"{len(f.any_route_years)} of {n_years} years",
             "missing: " + _years_text(missing_any) if missing_any else "every year"]]
    rows += [[f"a documented route North Korea → South Korea through {names[t]} ({t}) on 1 July",
              f"{len(f.route_years[t])} distinct years", _years_text(f.route_years[t])] for t in TRANSITS]
    rows += [[f"… through {names[t]} ({t}) on at least one day of the year",
              f"{len(f.route_years_any_day[t])} distinct years", _years_text(f.route_years_any_day[t])]
             for t in TRANSITS]
    return "\n".join([
        f"Computed from nkasylum {nk.__version__} when this page was built:", "",
        table(["question", "answer", "which"], rows), "",
        "In code: `nk.coverage()` for the cells, `nk.can_resettle(\"KP\", None, \"KR\", on=day)` for the "
        "any-route question, and the transit countries of `nk.routes(\"KP\", \"KR\", on=day)` for the "
        "routes, with `day` 1 July of each year; for \"at least one day\", on 1 January and every day "
        "of the year on which some evidence or rule of a passage starts or ends (the only days on "
        "which the documented passages change)."])


# ---------------------------------------------------------------- map and table
def _cell_text(c: nk.CoverageCell) -> str:
    letter = SUPPORT_STYLE[c.support][0]
    if c.support is nk.Support.LAST_KNOWN and c.age is not None:
        return f"{letter}{c.age.days // 365}"
    return letter


def coverage_figure(cells: tuple[nk.CoverageCell, ...]) -> Any:
    """A heat map: one row per country, one column per year, coloured by support."""
    plt = pyplot()
    from matplotlib.colors import ListedColormap  # lazy: matplotlib is only needed at build time
    from matplotlib.patches import Patch  # lazy: as above

    kinds = list(SUPPORT_STYLE)
    countries = list(dict.fromkeys(c.country for c in cells))
    years = sorted({c.on.year for c in cells})
    grid = [[0] * len(years) for _ in countries]
    by_key = {(c.country, c.on.year): c for c in cells}
    fig, ax = plt.subplots(figsize=(10, 0.32 * len(countries) + 2))
    for i, country in enumerate(countries):
        for j, year in enumerate(years):
            cell = by_key[(country, year)]
            grid[i][j] = kinds.index(cell.support)
            dark = cell.support in (nk.Support.RULE, nk.Support.SEEN)
            ax.text(j, i, _cell_text(cell), ha="center", va="center", fontsize=7,
                    color="white" if dark else "#212121")
    cmap = ListedColormap([SUPPORT_STYLE[k][1] for k in kinds])
    ax.imshow(grid, cmap=cmap, vmin=-0.5, vmax=len(kinds) - 0.5, aspect="auto", interpolation="nearest")
    ax.set_xticks(range(len(years)), [str(y) if y % 5 == 0 else "" for y in years])
    ax.set_xticks([j - 0.5 for j in range(1, len(years))], minor=True)
    ax.set_yticks(range(len(countries)), [f"{nk.country(c).name} ({c})" for c in countries])
    ax.set_yticks([i - 0.5 for i in range(1, len(countries))], minor=True)
    ax.grid(which="minor", color="white", linewidth=1)
    ax.tick_params(which="minor", length=0)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel("year (L<n>: last known, seen <n> years before)")
    ax.set_title("What was the policy towards North Koreans on 1 July? How each answer is supported")
    used = [k for k in kinds if any(c.support is k for c in cells)]
    ax.legend(handles=[Patch(facecolor=SUPPORT_STYLE[k][1], edgecolor="#9e9e9e",
                             label=f"{SUPPORT_STYLE[k][0]}: {k.value}") for k in used],
              loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=min(len(used), 6), fontsize=9,
              frameon=False, handlelength=1.2, columnspacing=1.2)
    return fig


def gen_map(args: list[str]) -> str:
    f = current()
    return figure("img/coverage.svg", coverage_figure(f.cells),
                  "Heat map: for each country and year, how its policy is supported")


def _anchor(country: str, year: int) -> str:
    return f"cell-{country.lower()}-{year}"


def _country_anchor(country: str) -> str:
    return f"cells-{country.lower()}"


def runs(cells: Iterable[nk.CoverageCell]) -> Iterator[list[nk.CoverageCell]]:
    """Consecutive cells of one country with the same support and the same entries."""
    for _, group in groupby(cells, key=lambda c: (c.country, c.support, c.entries)):
        yield list(group)


def gen_table(args: list[str]) -> str:
    f = current()
    first_of: dict[tuple[str, int], int] = {}
    for run in runs(f.cells):
        for c in run:
            first_of[(c.country, c.on.year)] = run[0].on.year
    by_key = {(c.country, c.on.year): c for c in f.cells}
    rows = []
    for country in f.countries:
        row: list[object] = [f"[{country}](#{_country_anchor(country)})"]
        for year in f.years:
            c = by_key[(country, year)]
            text = _cell_text(c)
            row.append(f"[{text}](#{_anchor(country, first_of[(country, year)])})" if c.entries else text)
        rows.append(row)
    legend = "; ".join(f"**{letter}** {kind.value}" for kind, (letter, _) in SUPPORT_STYLE.items()
                       if any(c.support is kind for c in f.cells))
    return "\n".join([f"{legend}; **L<n>**: last known, seen *n* years before. Each letter links to the "
                      "entries behind it.", "",
                      table(["", *(f"'{str(y)[2:]}" for y in f.years)], rows)])


def gen_cells(args: list[str]) -> str:
    f = current()
    out = []
    for country in f.countries:
        out += ["", f'<span id="{_country_anchor(country)}"></span>**{nk.country(country).name} ({country})**', ""]
        for run in runs(c for c in f.cells if c.country == country):
            first, last = run[0].on.year, run[-1].on.year
            years = str(first) if first == last else f"{first}–{last}"
            what = run[0].support.value
            if run[0].support is nk.Support.LAST_KNOWN and run[0].age is not None:
                what += f" (seen {run[0].age.days // 365} to {run[-1].age.days // 365 if run[-1].age else '?'}"
                what += " years before)"
            entries = ", ".join(f"[`{e}`](#entry-{e})" for e in run[0].entries) or "no entry"
            out.append(f'- <span id="{_anchor(country, first)}"></span>{years}: {what}: {entries}')
    return "\n".join(out).lstrip("\n")


# ---------------------------------------------------------------------- holdings
def _evidence_dates(knowledge: nk.KnowledgeBase, entries: Iterable[Any]) -> tuple[str | None, str | None, int]:
    """The earliest and latest publication dates of the evidence (EDTF text), and how many
    pieces come from undated sources."""
    dates: list[nk.When] = []
    undated = 0
    for e in entries:
        for ev in getattr(e, "evidence", ()):
            d = knowledge.evidence_date(ev)
            if d is None:
                undated += 1
            else:
                dates.append(d)
    if not dates:
        return None, None, undated
    first = min(dates, key=lambda w: (w.start, w.end))
    last = max(dates, key=lambda w: (w.end, w.start))
    return str(first), str(last), undated


@dataclass
class Holdings:
    """What the knowledge base holds about one place."""

    place: nk.Country | nk.Region
    policies: list[nk.Policy]
    passages: list[nk.Passage]
    cases: list[nk.Case]
    statistics: list[nk.Statistic]

    def all(self) -> list[Any]:
        return [*self.policies, *self.passages, *self.cases, *self.statistics]


def holdings(knowledge: nk.KnowledgeBase) -> list[Holdings]:
    """What the knowledge base holds about each place (a passage counts for both ends),
    countries by name, then regions."""
    found: dict[nk.Country | nk.Region, Holdings] = {}

    def at(p: nk.Country | nk.Region) -> Holdings:
        if p not in found:
            found[p] = Holdings(p, [], [], [], [])
        return found[p]

    for pol in knowledge.all_policies:
        at(pol.country).policies.append(pol)
    for pas in knowledge.all_passages:
        at(pas.origin).passages.append(pas)
        if pas.dest != pas.origin:
            at(pas.dest).passages.append(pas)
    for case in knowledge.all_cases:
        for p in dict.fromkeys((case.place, *case.countries)):
            at(p).cases.append(case)
    for stat in knowledge.all_statistics:
        at(stat.place).statistics.append(stat)
    countries = sorted((h for h in found.values() if isinstance(h.place, nk.Country)), key=lambda h: h.place.name)
    regions = sorted((h for h in found.values() if not isinstance(h.place, nk.Country)), key=lambda h: h.place.name)
    return [*countries, *regions]


def place_anchor(place: nk.Country | nk.Region) -> str:
    return "place-" + label(place).lower()


def _span(first: str | None, last: str | None) -> str:
    if first is None:
        return "—"
    return str(first) if first == last else f"{first} to {last}"


def _yesno(v: bool | None) -> str:
    return "undocumented" if v is None else ("yes" if v else "no")


def _entry_id(entry: Any, anchored: set[str]) -> str:
    """The entry's id as code; the first time it is shown, with the anchor ``#entry-ID``."""
    if entry.id in anchored:
        return code(entry.id)
    anchored.add(entry.id)
    return f'<span id="entry-{entry.id}"></span>{code(entry.id)}'


def gen_holdings(args: list[str]) -> str:
    """Per place: counts, evidence dates, then the policies, passages, cases and figures held."""
    knowledge = kb()
    held = holdings(knowledge)
    anchored: set[str] = set()
    out = [f"The bundled knowledge base (nkasylum {nk.__version__}) holds "
           f"{len(knowledge.all_sources)} sources, {len(knowledge.all_policies)} policy statements, "
           f"{len(knowledge.all_passages)} passages, {len(knowledge.all_cases)} cases, "
           f"{len(knowledge.all_statistics)} statistics and {len(knowledge.all_conflicts)} documented "
           "conflicts between sources.", ""]
    rows = []
    for h in held:
        first, last, undated = _evidence_dates(knowledge, h.all())
        rows.append([f"[{place_name(h.place)}](#{place_anchor(h.place)})", len(h.policies), len(h.passages),
                     len(h.cases), len(h.statistics), _span(first, last), undated])
    out.append(table(["place", "policies", "passages", "cases", "statistics", "evidence published",
                      "undated evidence"], rows))
    for h in held:
        out += ["", f"### {place_name(h.place)} {{ #{place_anchor(h.place)} }}", ""]
        first, last, undated = _evidence_dates(knowledge, h.all())
        note = f"Evidence published {_span(first, last)}"
        out.append(note + (f"; {undated} piece(s) of evidence from undated sources." if undated else "."))
        if h.policies:
            out += ["", "**Policies**", "", table(
                ["id", "basis", "period", "repatriates", "admits", "grants", "sources"],
                [[_entry_id(p, anchored), p.basis.value, p.period, _yesno(p.repatriates), _yesno(p.admits),
                  ", ".join(g.value for g in p.grants) or "—", sources_of(p)] for p in h.policies])]
        if h.passages:
            out += ["", "**Passages**", "", table(
                ["id", "from", "to", "channel", "basis", "period", "sources"],
                [[_entry_id(p, anchored), label(p.origin),
                  label(p.dest) + (" via a third country" if p.via_third_country else ""),
                  p.channel.value, p.basis.value, p.period, sources_of(p)] for p in h.passages])]
        if h.cases:
            ordered = sorted(h.cases, key=lambda c: (c.date is None, c.date.start if c.date else dt.date.max, c.id))
            out += ["", "**Cases**", "", table(
                ["id", "date", "people", "outcome", "route", "sources"],
                [[_entry_id(c, anchored), "undated" if c.date is None else str(c.date), str(c.people),
                  c.outcome.value, str(c.route or "—"), sources_of(c)] for c in ordered])]
        if h.statistics:
            out += ["", "**Statistics**", "", table(
                ["id", "measure", "value", "year", "as of", "sources"],
                [[_entry_id(s, anchored), code(s.measure), str(s.value), s.year or "—",
                  "—" if s.as_of is None else str(s.as_of), sources_of(s)] for s in h.statistics])]
    return "\n".join(out)


def gen_fields(args: list[str]) -> str:
    """Per field, over whole years: ``nk.coverage(at="year", field=...)`` as a table of letters."""
    out = []
    for field in ("repatriates", "admits"):
        cells = nk.coverage(at="year", field=field)
        years = sorted({c.on.year for c in cells})
        by_key = {(c.country, c.on.year): c for c in cells}
        countries = list(dict.fromkeys(c.country for c in cells))
        documented = sum(c.documented for c in cells)
        out += ["", f"**`{field}`**: documented at some time in the year in {documented} of {len(cells)} "
                    f"country-years ({documented / len(cells):.0%}).", "",
                table(["", *(f"'{str(y)[2:]}" for y in years)],
                      [[country, *(_cell_text(by_key[(country, y)]) for y in years)] for country in countries])]
    return "\n".join(out)


GENERATORS = {"coverage-cells": gen_cells, "coverage-fields": gen_fields, "coverage-figures": gen_figures,
              "coverage-map": gen_map, "coverage-table": gen_table, "holdings": gen_holdings}

main(__name__, "coverage.md", GENERATORS)
