"""Charts from the library, drawn with matplotlib (the optional extra ``plot``).

Each function returns a :class:`matplotlib.figure.Figure` (Jupyter shows it; ``fig.savefig``
writes it) and draws only what the knowledge base holds:

- :func:`plot_policy_timeline`: a country's policy fields over time, a band per field,
  coloured by value (yes, no, undocumented), solid for a rule in force and hatched for an
  observation, with a tick at every dated piece of evidence;
- :func:`plot_coverage`: the coverage heat map, countries by years, coloured by support;
- :func:`plot_series`: a yearly series, qualified figures hatched, gaps left empty, and a
  range drawn only where the sources' versions of a year differ materially
  (:data:`MATERIAL`), labelled with that range;
- :func:`plot_series_grid`: small multiples, one small chart per series.

matplotlib is imported when a chart is drawn, never by ``import nkasylum``; without it a
:class:`~nkasylum.MissingExtraError` names the extra to install.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from nkasylum.core.errors import ArgumentValueError, MissingExtraError
from nkasylum.core.places import PlaceLike, place, place_code
from nkasylum.core.quantities import Qualifier, Unit
from nkasylum.engine.knowledge import KnowledgeBase, default_knowledge_base
from nkasylum.model.collections import COVERAGE_LETTERS
from nkasylum.model.policies import Policy
from nkasylum.model.statistics import SeriesPoint
from nkasylum.model.support import Support

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["MATERIAL", "POLICY_FIELDS", "plot_coverage", "plot_policy_timeline", "plot_series",
           "plot_series_grid"]

MATERIAL = 0.05
"""Versions of a year's figure differ materially when the range is more than this share of
the largest (5%): 2,914 against 2,927 is the same figure to a chart; 80 against 200 is not."""

POLICY_FIELDS = ("repatriates", "admits", "grants")
"""The fields :func:`plot_policy_timeline` draws by default (``grants``: a status is named)."""

ACCENT = "#3f51b5"
DISPUTED = "#e65100"
_VALUES = {"yes": "#c62828", "no": "#2e7d32", "undocumented": "#bdbdbd"}
_SUPPORT_COLOURS = {Support.RULE: "#1a237e", Support.SEEN: "#3f51b5", Support.BETWEEN_SIGHTINGS: "#7986cb",
                    Support.CARRIED_FORWARD: "#c5cae9", Support.LAST_KNOWN: "#ffe0b2",
                    Support.UNDATED: "#eeeeee", Support.NOTHING: "#ffffff"}
_UNITS = {Unit.PEOPLE: "people", Unit.KRW: "South Korean won", Unit.USD: "US dollars", Unit.PERCENT: "per cent"}
_MARKS = {Qualifier.AT_LEAST: "≥", Qualifier.MORE_THAN: ">", Qualifier.AT_MOST: "≤", Qualifier.FEWER_THAN: "<",
          Qualifier.ALMOST: "<", Qualifier.ABOUT: "~"}


def _figure(size: tuple[float, float]) -> Figure:
    try:
        from matplotlib.figure import Figure  # lazy: an optional extra
    except ImportError:
        raise MissingExtraError("matplotlib", "plot", "this chart") from None
    _show_in_ipython(Figure)
    return Figure(figsize=size, layout="constrained")


def _show_in_ipython(figure_type: type) -> None:
    """In Jupyter, make a figure show as an image. The figures here are not pyplot's (no
    global state to close or leak), and IPython registers its image formatter for figures
    only once pyplot has drawn one, so a notebook would print ``<Figure size ...>``."""
    ipython: Any = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return
    formatter = shell.display_formatter.formatters["image/png"]
    if figure_type in formatter.type_printers:
        return
    import importlib  # lazy: IPython runs this code, but it is no dependency to type against

    tools: Any = importlib.import_module("IPython.core.pylabtools")
    formatter.for_type(figure_type, lambda fig: tools.print_figure(fig, "png", bbox_inches="tight"))


def _target(ax: Axes | None, size: tuple[float, float]) -> tuple[Figure, Axes]:
    """A new figure and its axes, or the figure of the axes given (to draw into a grid of one's own)."""
    if ax is None:
        fig = _figure(size)
        return fig, fig.add_subplot()
    return cast("Figure", ax.figure), ax


def _kb(kb: KnowledgeBase | None) -> KnowledgeBase:
    return default_knowledge_base() if kb is None else kb


def title_of(measure: str) -> str:
    """A measure's code as a chart title: ``arrivals-in-south-korea`` -> ``Arrivals in South Korea``."""
    words = measure.replace("-", " ").split()
    names = {"korea": "Korea", "south": "South", "north": "North", "china": "China", "russia": "Russia",
             "thailand": "Thailand", "mongolia": "Mongolia", "laos": "Laos", "japan": "Japan", "us": "US",
             "unhcr": "UNHCR", "nk": "North Korean"}
    shown = [names.get(w, w) for w in words]
    text = " ".join(shown)
    return text[:1].upper() + text[1:]


# ------------------------------------------------------------------- policy timeline
def _field_value(policy: Policy, field: str) -> str:
    if field == "grants":
        return "yes" if policy.grants else "undocumented"
    value = getattr(policy, field)
    return "undocumented" if value is None else ("yes" if value else "no")


def _span(policy: Policy, today: dt.date) -> tuple[dt.date, dt.date] | None:
    start = (policy.valid_from.lower if policy.valid_from else None) or (
        policy.valid_until.lower if policy.valid_until else None)
    end = (policy.valid_until.upper if policy.valid_until else None) or (
        policy.valid_from.upper if policy.valid_from and policy.valid_until else None) or today
    if start is None:
        return None
    return start, max(end, start + dt.timedelta(days=30))  # a single day stays visible


def plot_policy_timeline(country: PlaceLike, *, fields: Sequence[str] = POLICY_FIELDS,
                         kb: KnowledgeBase | None = None, ax: Axes | None = None) -> Figure:
    """A country's policy over time: one band per field, coloured by its value (yes, no,
    undocumented), solid where a rule is in force and hatched where it is observed, with a
    tick for every dated piece of evidence behind it.

    Added in version 0.2.

    Raises:
        MissingExtraError: matplotlib is not installed.
        ArgumentValueError: a field that is not a yes/no field of :class:`~nkasylum.Policy`
            (or ``grants``).

    Example:
        >>> import nkasylum as nk
        >>> fig = nk.plot_policy_timeline("CN")
        >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
        ['evidence', 'grants', 'admits', 'repatriates']
    """
    known = ("repatriates", "admits", "grants")
    for field in fields:
        if field not in known:
            raise ArgumentValueError("fields", field, known, what="field")
    from matplotlib.dates import date2num  # lazy: an optional extra
    from matplotlib.patches import Patch  # lazy: an optional extra

    where = place(country)
    timeline = _kb(kb).policy_timeline(where)
    fig, axes = _target(ax, (9, 1.2 + 0.55 * (len(fields) + 1)))
    days = cast(Any, date2num)  # untyped in matplotlib's stubs
    today = dt.date.today()
    rows = list(reversed(fields))
    for policy in timeline:
        span = _span(policy, today)
        if span is None:
            continue
        left, right = days(span[0]), days(span[1])
        rule = policy.basis.value == "rule"
        for y, field in enumerate(rows, start=1):
            colour = _VALUES[_field_value(policy, field)]
            axes.broken_barh([(left, right - left)], (y - 0.35, 0.7), facecolors=colour if rule else "white",
                             edgecolors=colour, hatch=None if rule else "////", linewidth=0.8)
    dates = sorted({e.happened.lower for p in timeline for e in p.evidence
                    if e.happened is not None and e.happened.lower is not None})
    if dates:
        axes.vlines([days(d) for d in dates], -0.3, 0.3, color="#212121", linewidth=0.8)
    axes.set_yticks(range(len(rows) + 1), ["evidence", *rows])
    axes.xaxis_date()
    axes.set_ylim(-0.6, len(rows) + 0.6)
    axes.set_title(f"Policy of {where} over time")
    axes.grid(axis="x", alpha=0.3)
    handles = [Patch(facecolor=c, edgecolor=c, label=v) for v, c in _VALUES.items()]
    handles.append(Patch(facecolor="white", edgecolor="#616161", hatch="////", label="observed (not a rule)"))
    axes.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=len(handles),
                fontsize=8, frameon=False)
    return fig


# -------------------------------------------------------------------------- coverage
def plot_coverage(countries: Sequence[PlaceLike] | None = None, years: Sequence[int] | None = None, *,
                  kb: KnowledgeBase | None = None) -> Figure:
    """The coverage heat map: one row per country, one column per year, each cell coloured
    by how the policy of that country is supported on 1 July of that year.

    Added in version 0.2.

    Raises:
        MissingExtraError: matplotlib is not installed.

    Example:
        >>> import nkasylum as nk
        >>> fig = nk.plot_coverage(["CN", "RU", "TH"], range(2000, 2011))
        >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
        ['CN', 'RU', 'TH']
    """
    from matplotlib.colors import ListedColormap  # lazy: an optional extra
    from matplotlib.patches import Patch  # lazy: an optional extra

    cells = _kb(kb).coverage(countries, years)
    codes = list(dict.fromkeys(c.country for c in cells))
    shown_years = sorted({c.on.year for c in cells})
    order = list(_SUPPORT_COLOURS)
    grid = [[0] * len(shown_years) for _ in codes]
    for c in cells:
        grid[codes.index(c.country)][shown_years.index(c.on.year)] = order.index(c.support)
    fig = _figure((max(6.0, 0.32 * len(shown_years) + 2), 0.9 + 0.3 * len(codes)))
    axes = fig.add_subplot()
    axes.imshow(grid, aspect="auto", cmap=ListedColormap([_SUPPORT_COLOURS[s] for s in order]),
                vmin=-0.5, vmax=len(order) - 0.5, interpolation="nearest")
    axes.set_yticks(range(len(codes)), codes)
    step = 1 if len(shown_years) <= 15 else 5
    ticks = [i for i, y in enumerate(shown_years) if y % step == 0 or len(shown_years) <= 15]
    axes.set_xticks(ticks, [str(shown_years[i]) for i in ticks])
    axes.set_title("How each country's policy is supported, year by year (1 July)")
    used = [s for s in order if any(c.support is s for c in cells)]
    axes.legend(handles=[Patch(facecolor=_SUPPORT_COLOURS[s], edgecolor="#9e9e9e",
                               label=f"{COVERAGE_LETTERS[s]}: {s.value}") for s in used],
                loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=min(len(used), 4), fontsize=8, frameon=False)
    return fig


# ---------------------------------------------------------------------------- series
def _material(points: Sequence[SeriesPoint]) -> bool:
    values = [p.value.value for p in points if p.value.value is not None]
    if len(values) < 2:
        return False
    top = max(values)
    return top > 0 and (top - min(values)) / top > MATERIAL


def _draw_series(axes: Axes, points: Sequence[SeriesPoint], title: str, *, small: bool = False) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator  # lazy: an optional extra

    years = sorted({p.year for p in points})
    for year in years:
        here = [p for p in points if p.year == year and p.value.value is not None]
        if not here:
            continue
        values = sorted(p.value.value for p in here if p.value.value is not None)
        middle = values[len(values) // 2]
        exact = all(p.value.qualifier is Qualifier.EXACT for p in here)
        axes.bar(year, middle, width=0.8, color=ACCENT if exact else "white", edgecolor=ACCENT,
                 hatch=None if exact else "///", linewidth=0.8)
        if _material(here):
            axes.vlines(year, values[0], values[-1], color=DISPUTED, linewidth=3)
            if not small:
                axes.annotate(f"{values[0]:,}–{values[-1]:,}", (year, values[-1]), xytext=(0, 3),
                              textcoords="offset points", ha="center", fontsize=8, color=DISPUTED)
        elif not exact and not small:
            mark = _MARKS.get(here[0].value.qualifier, "")
            axes.annotate(f"{mark}{middle:,}", (year, middle), xytext=(0, 3), textcoords="offset points",
                          ha="center", fontsize=8)
    if years:
        axes.set_xlim(years[0] - 0.6, years[-1] + 0.6)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4 if small else 10))
    axes.yaxis.set_major_locator(MaxNLocator(nbins=4 if small else 6))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.0f}"))
    axes.set_title(title, fontsize=9 if small else 11)
    units = {p.value.unit for p in points}
    axes.set_ylabel(", ".join(sorted(_UNITS.get(u, u.value) for u in units)), fontsize=8 if small else 10)
    axes.grid(axis="y", alpha=0.3)


def _series(measure: str, country: PlaceLike | None, kb: KnowledgeBase | None) -> tuple[SeriesPoint, ...]:
    return _kb(kb).series(measure, country=country)


def plot_series(measure: str, *, country: PlaceLike | None = None, kb: KnowledgeBase | None = None,
                ax: Axes | None = None) -> Figure:
    """A yearly series as bars: a year with no figure stays empty, a qualified figure is
    hatched and labelled with its sign, and where the sources' versions of a year differ
    materially (more than :data:`MATERIAL`) the range is drawn and labelled.

    Added in version 0.2.

    Raises:
        MissingExtraError: matplotlib is not installed.
        ArgumentValueError: ``measure`` is not a measure of the data (close ones named).

    Example:
        >>> import nkasylum as nk
        >>> fig = nk.plot_series("arrivals-in-south-korea", country="KR")
        >>> fig.axes[0].get_title(), fig.axes[0].get_ylabel()
        ('Arrivals in South Korea', 'people')
    """
    points = _series(measure, country, kb)
    fig, axes = _target(ax, (8, 3.6))
    _draw_series(axes, points, title_of(measure))
    return fig


def plot_series_grid(series: Sequence[tuple[str, PlaceLike]] | None = None, *, columns: int = 3,
                     kb: KnowledgeBase | None = None) -> Figure:
    """Small multiples: one small chart per yearly series (measure and place), in a grid,
    instead of a page of one-bar charts. Default: every series with two years or more.

    Added in version 0.2.

    Raises:
        MissingExtraError: matplotlib is not installed.

    Example:
        >>> import nkasylum as nk
        >>> fig = nk.plot_series_grid([("arrivals-in-south-korea", "KR"), ("arrests-in-thailand", "TH")])
        >>> len([a for a in fig.axes if a.get_visible()])
        2
    """
    base = _kb(kb)
    if series is None:
        found: dict[tuple[str, str], set[int]] = {}
        for s in base.statistics():
            if s.year is not None:
                found.setdefault((s.measure, place_code(s.place)), set()).add(s.year)
        series = [pair for pair, years in sorted(found.items()) if len(years) >= 2]
    if not series:
        raise ArgumentValueError("series", "()", what="list of series", note="name at least one (measure, place)")
    columns = max(1, min(columns, len(series)))
    rows = -(-len(series) // columns)
    fig = _figure((3.4 * columns, 2.4 * rows))
    grid: Any = fig.subplots(rows, columns, squeeze=False)
    for i, (measure, where) in enumerate(series):
        axes = grid[i // columns][i % columns]
        _draw_series(axes, _series(measure, where, base), f"{title_of(measure)} ({place_code(place(where))})",
                     small=True)
    for j in range(len(series), rows * columns):
        grid[j // columns][j % columns].set_visible(False)
    return fig
