"""Commands that print what the library reasons out over many countries and years: the
coverage grid, the list of measures, and the panel export (see :mod:`nkasylum.io.cli`).

Shared with :mod:`nkasylum.io.commands`: the plain-text table and the reading of the
``--years`` and ``--countries`` options.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from nkasylum.core.errors import ArgumentValueError
from nkasylum.engine.knowledge import default_knowledge_base
from nkasylum.io.columns import write_rows
from nkasylum.io.frames import coverage_columns
from nkasylum.io.panel import write_panel_csv
from nkasylum.io.serialize import to_json
from nkasylum.model.collections import COVERAGE_LETTERS
from nkasylum.model.support import CoverageCell

__all__ = ["COVERAGE_LETTERS", "WriteError", "coverage_command", "measures_command", "panel_export",
           "parse_countries", "parse_years", "table"]



class WriteError(Exception):
    """A file the command was asked to write could not be written (exit status 3)."""


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], out: TextIO, *,
          widest: int = 60) -> None:
    """A plain-text table: a header, a rule, one line per row, cells cut at ``widest``."""
    def fit(value: object) -> str:
        text = " ".join(("" if value is None else str(value)).split())
        return text if len(text) <= widest else text[: widest - 1] + "…"

    cells = [[fit(v) for v in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(), file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip(), file=out)


def parse_years(text: str | None) -> list[int] | None:
    """``--years``: ``2000-2025``, ``2000,2005,2010``, ``2015`` or a mix (``None``: the default)."""
    if text is None:
        return None
    years: list[int] = []
    for part in text.split(","):
        first, dash, last = part.strip().partition("-")
        # isdigit() also takes Arabic-Indic, fullwidth and superscript digits: years are ASCII
        if (not part.isascii() or not first.isdigit() or (dash and not last.isdigit()) or len(first) != 4
                or (dash and len(last) != 4)):
            raise ArgumentValueError("years", text, what="list of years",
                                     note="write e.g. 2000-2025, or 2000,2005,2010")
        lo, hi = int(first), int(last) if dash else int(first)
        if hi < lo:
            raise ArgumentValueError("years", text, what="range of years", note=f"{part} ends before it starts")
        years.extend(range(lo, hi + 1))
    return list(dict.fromkeys(years))


def parse_countries(text: str | None) -> list[str] | None:
    """``--countries``: codes or names separated by commas (``None``: the default)."""
    if text is None:
        return None
    found = [part.strip() for part in text.split(",") if part.strip()]
    if not found:
        raise ArgumentValueError("countries", text, what="list of countries", note="write e.g. CN,RU,KR")
    return found


def _cells(args: argparse.Namespace) -> tuple[CoverageCell, ...]:
    return default_knowledge_base().coverage(parse_countries(args.countries), parse_years(args.years),
                                             at=args.day, field=getattr(args, "field", None),
                                             max_gap=args.max_gap)


def coverage_command(args: argparse.Namespace, out: TextIO) -> int:
    """``nkasylum coverage``: how each country's policy is supported on one day of each year."""
    cells = _cells(args)
    form = "json" if args.json else args.format
    if form == "json":
        print(to_json(cells), file=out)
        return 0
    if form == "csv":  # the coverage frame's columns, for the cells asked
        write_rows(out, cells, coverage_columns())
        return 0
    years = sorted({c.on.year for c in cells})
    countries = list(dict.fromkeys(c.country for c in cells))
    grid = {(c.country, c.on.year): c for c in cells}
    headers = ["country", *(f"{y % 100:02d}" for y in years)]
    rows = [[code, *(COVERAGE_LETTERS[grid[code, y].support] for y in years)] for code in countries]
    day = ("some time in" if args.day == "year" else
           (cells[0].on.strftime("%d %B") if cells else args.day).lstrip("0") + " of")
    what = f"its {args.field}" if getattr(args, "field", None) else "its policy"
    print(f"How each country's {what.removeprefix('its ')} is supported on {day} each year "
          f"({years[0]}-{years[-1]}):" if years else "No years asked.", file=out)
    table(headers, rows, out)
    print(file=out)
    print("  ".join(f"{letter} {support.value}" for support, letter in COVERAGE_LETTERS.items()), file=out)
    documented = sum(c.documented for c in cells)
    share = f" ({documented / len(cells):.0%})" if cells else ""
    print(f"documented (rule in force, seen or between sightings): {documented} of {len(cells)} "
          f"country-years{share}", file=out)
    return 0


def measures_command(out: TextIO, as_json: bool, country: str | None = None) -> int:
    """``nkasylum series`` with no measure: every measure with yearly figures (counted in
    ``country``, if given), and its years."""
    kb = default_knowledge_base()
    by_measure: dict[str, list[int]] = {}
    for s in kb.statistics(country=country):
        if s.year is not None:
            by_measure.setdefault(s.measure, []).append(s.year)
    if as_json:
        print(json.dumps(sorted(by_measure), indent=2), file=out)
        return 0
    rows = []
    for measure in sorted(by_measure):
        points = kb.series(measure, country=country)
        disputed = sorted({p.year for p in points if p.disputed})
        rows.append((measure, f"{min(by_measure[measure])}-{max(by_measure[measure])}",
                     len({p.year for p in points}), len(points), len(disputed)))
    table(("measure", "years", "years with figures", "points", "disputed years"), rows, out, widest=70)
    print("ask one with: nkasylum series MEASURE [--country CODE]", file=out)
    return 0


def panel_export(args: argparse.Namespace, folder: Path) -> list[Path]:
    """``nkasylum export --panel``: the country-year panel as ``panel.csv`` in ``folder``."""
    if args.format == "json":
        raise ArgumentValueError("format", "json", ["csv"], what="format for --panel",
                                 note="the panel is one CSV table; drop --format or give --format csv")
    try:
        written = write_panel_csv(folder / "panel.csv", parse_years(args.years), parse_countries(args.countries),
                                  at=args.day, max_gap=args.max_gap)
        return [written, folder / "panel.meta.json"]
    except OSError as err:
        raise WriteError(f"cannot write to {folder}: {err.strerror or err}") from None

