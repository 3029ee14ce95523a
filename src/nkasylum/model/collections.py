"""Query results that render in Jupyter: a tuple that shows itself as a Markdown table.

The queries return :class:`Results`, a subclass of ``tuple`` with no state of its own: it is
a tuple for every other purpose (``isinstance(x, tuple)``, equality and hashing with plain
tuples, ``repr``, indexing, slicing to a plain tuple, pickling, ``nk.to_json``), so code that
received a tuple before receives one still. Only notebooks see a difference: a table of the
routes, cases, series points... instead of a long ``repr``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, SupportsIndex, overload

from nkasylum.core.places import place_code
from nkasylum.core.text import date_words, plural
from nkasylum.model.cases import Case
from nkasylum.model.conflicts import Conflict
from nkasylum.model.display import people
from nkasylum.model.passages import Passage
from nkasylum.model.policies import Policy
from nkasylum.model.routes import Route
from nkasylum.model.sources import Source
from nkasylum.model.statistics import SeriesPoint, Statistic
from nkasylum.model.support import CoverageCell, Support

__all__ = ["COVERAGE_LETTERS", "MAX_ROWS", "Results", "coverage_markdown", "results_markdown", "results_text"]

MAX_ROWS = 100
"""The most rows a notebook table shows; the rest are counted below it."""


class Results(tuple[Any, ...]):
    """A tuple of nkasylum values that Jupyter shows as one Markdown table.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> found = nk.routes("KP", "KR", on=dt.date(2009, 12, 23))
        >>> isinstance(found, tuple), found == tuple(found)
        (True, True)
        >>> print(found._repr_markdown_().splitlines()[4])
        | 1 | KP > RU > KR | labour-contract / unhcr-office |
    """

    __slots__ = ()

    @overload
    def __getitem__(self, index: SupportsIndex) -> Any: ...

    @overload
    def __getitem__(self, index: slice) -> Results: ...

    def __getitem__(self, index: SupportsIndex | slice) -> Any:
        found = tuple.__getitem__(self, index)
        return Results(found) if isinstance(index, slice) else found

    def _repr_markdown_(self) -> str:
        return results_markdown(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        # IPython's text/plain: the first rows as text, not the repr of every value (a
        # notebook stores text/plain beside the Markdown, and a tuple's repr can run to 100 KB).
        printer.text("..." if cycle else results_text(self))


def _cell(value: object) -> str:
    text = "—" if value is None or value == "" else str(value)
    return " ".join(text.split()).replace("|", "\\|")


def _yes_no(value: bool | None) -> str:
    return "undocumented" if value is None else ("yes" if value else "no")


def _channels(route: Route) -> str:
    return " / ".join(dict.fromkeys(leg.channel.value for leg in route.legs if leg.channel))


_Columns = tuple[tuple[str, Callable[[Any], object]], ...]
_KINDS: tuple[tuple[type[Any], str, _Columns], ...] = (
    (Route, "route", (("route", str), ("channels", _channels))),
    (Case, "case", (("date", lambda c: date_words(c.date)), ("place", lambda c: place_code(c.place)),
                    ("people", lambda c: people(c.people)), ("outcome", lambda c: c.outcome.value),
                    ("id", lambda c: c.id))),
    (SeriesPoint, "point", (("year", lambda p: p.year), ("value", lambda p: p.value),
                            ("disputed", lambda p: ", ".join(p.disputed)), ("statistic", lambda p: p.statistic))),
    (Policy, "policy", (("period", lambda p: p.period), ("basis", lambda p: p.basis.value),
                        ("repatriates", lambda p: _yes_no(p.repatriates)), ("admits", lambda p: _yes_no(p.admits)),
                        ("id", lambda p: p.id))),
    (Passage, "passage", (("from", lambda p: place_code(p.origin)), ("to", lambda p: place_code(p.dest)),
                          ("channel", lambda p: p.channel.value), ("period", lambda p: p.period),
                          ("id", lambda p: p.id))),
    (Statistic, "figure", (("measure", lambda s: s.measure), ("place", lambda s: place_code(s.place)),
                           ("as of", lambda s: date_words(s.as_of)), ("value", lambda s: s.value),
                           ("id", lambda s: s.id))),
    (Source, "source", (("id", lambda s: s.id), ("published", lambda s: date_words(s.published)),
                        ("publisher", lambda s: s.publisher), ("title", lambda s: s.title))),
    (Conflict, "conflict", (("id", lambda c: c.id), ("subject", lambda c: c.subject),
                            ("versions", lambda c: ", ".join(c.versions)))),
)


def _kind(items: Sequence[Any]) -> tuple[str, _Columns, bool]:
    kind = next((k for k in _KINDS if all(isinstance(i, k[0]) for i in items)), None)
    if kind is None:
        return "value", (("value", str),), False
    return kind[1], kind[2], kind[0] is Route  # routes come best first: show the rank


def _noun(noun: str, count: int) -> str:
    return plural(count, noun, "policies" if noun == "policy" else None)


TEXT_ROWS = 10
"""The most rows the plain-text form of a result shows."""


def results_text(items: Sequence[Any]) -> str:
    """Plain text for a sequence of values (what IPython shows as text/plain): a count, then
    one line per value, at most :data:`TEXT_ROWS`.

    Example:
        >>> import nkasylum as nk
        >>> print(results_text(nk.series("asylum-seekers-at-foreign-missions", country="CN")))
        2 points:
          2002  at least 80  —  cn-mission-asylum-seekers-2002
          2002  an unquantified number of people  —  cn-mission-asylum-seekers-scores-2002
    """
    if not items:
        return "nothing found (an empty result: not documented, which is not \"none\")"
    noun, columns, numbered = _kind(items)
    if all(isinstance(i, CoverageCell) for i in items):
        noun = "coverage cell"
    lines = [f"{_noun(noun, len(items))}:"]
    for n, item in enumerate(items[:TEXT_ROWS], 1):
        cells = [*((f"{n}.",) if numbered else ()), *(_cell(get(item)).replace("\\|", "|") for _, get in columns)]
        lines.append("  " + "  ".join(cells))
    if len(items) > TEXT_ROWS:
        lines.append(f"  … and {len(items) - TEXT_ROWS} more")
    return "\n".join(lines)


def results_markdown(items: Sequence[Any]) -> str:
    """Markdown for a sequence of values: a count, then a table with one row per value
    (at most :data:`MAX_ROWS`), with columns chosen by the kind of value.

    Example:
        >>> import nkasylum as nk
        >>> print(results_markdown(nk.series("asylum-seekers-at-foreign-missions", country="CN")))
        **2 points**
        <BLANKLINE>
        | year | value | disputed | statistic |
        |---|---|---|---|
        | 2002 | at least 80 | — | cn-mission-asylum-seekers-2002 |
        | 2002 | an unquantified number of people | — | cn-mission-asylum-seekers-scores-2002 |
    """
    if not items:
        return "*nothing found* (an empty result: not documented, which is not \"none\")"
    if all(isinstance(i, CoverageCell) for i in items):
        return coverage_markdown(items)
    noun, columns, numbered = _kind(items)
    head = [*(("#",) if numbered else ()), *(name for name, _ in columns)]
    lines = [f"**{_noun(noun, len(items))}**", "",
             "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for n, item in enumerate(items[:MAX_ROWS], 1):
        cells = [*((str(n),) if numbered else ()), *(_cell(get(item)) for _, get in columns)]
        lines.append("| " + " | ".join(cells) + " |")
    if len(items) > MAX_ROWS:
        lines += ["", f"… and {len(items) - MAX_ROWS} more (the table shows the first {MAX_ROWS})"]
    return "\n".join(lines)


COVERAGE_LETTERS = {Support.RULE: "R", Support.SEEN: "S", Support.BETWEEN_SIGHTINGS: "B",
                    Support.CARRIED_FORWARD: "C", Support.LAST_KNOWN: "l", Support.UNDATED: "u",
                    Support.NOTHING: "."}
"""The letter of each support in the coverage grid: capitals for a documented policy."""


def coverage_markdown(cells: Sequence[CoverageCell]) -> str:
    """The coverage as a grid: one row per country, one column per year, a letter per cell
    (:data:`COVERAGE_LETTERS`), and the key below.

    Example:
        >>> import nkasylum as nk
        >>> print(coverage_markdown(nk.coverage(["CN", "TH"], [2002, 2003])))  # doctest: +ELLIPSIS
        **Coverage**: 2 countries, 2002-2003
        <BLANKLINE>
        | country | 2002 | 2003 |
        |---|---|---|
        | CN | R | R |
        | TH | u | S |
        <BLANKLINE>
        R: rule in force, S: seen, B: between sightings, ...
    """
    countries = list(dict.fromkeys(c.country for c in cells))
    years = sorted({c.on.year for c in cells})
    grid = {(c.country, c.on.year): COVERAGE_LETTERS[c.support] for c in cells}
    span = f"{years[0]}-{years[-1]}" if len(years) > 1 else str(years[0])
    lines = [f"**Coverage**: {plural(len(countries), 'country', 'countries')}, {span}", "",
             "| country | " + " | ".join(map(str, years)) + " |", "|---" * (len(years) + 1) + "|"]
    lines += ["| " + " | ".join([country, *(grid.get((country, y), "") for y in years)]) + " |"
              for country in countries]
    key = ", ".join(f"{letter}: {support.value}" for support, letter in COVERAGE_LETTERS.items())
    return "\n".join([*lines, "", key])
