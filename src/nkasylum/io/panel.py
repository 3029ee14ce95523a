"""The country-year panel: one row per country and year, the policy fields and how each is supported.

What a political scientist regresses on: for each country and each year, the policy
documented on one day of the year (1 July by default, as :func:`nkasylum.coverage`) or at
some time in the whole year (``at="year"``), its
fields, how each field is supported on that day, the statements and sources behind it,
and whether a conflict between sources touches it. Nothing is carried forward: a field
seen last before the day is *last known*, with its age, and its value stays empty.

:data:`PANEL_COLUMNS` names and explains every column; the codebook's panel table is that
constant (a test keeps the two equal). :func:`panel` needs pandas; :func:`write_panel_csv`
writes the same columns without it.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from nkasylum.core.errors import ArgumentTypeError, ArgumentValueError
from nkasylum.core.places import PlaceLike, place, place_code
from nkasylum.core.when import When
from nkasylum.engine.coverage import YEAR, year_fields, years_arg
from nkasylum.engine.knowledge import KnowledgeBase
from nkasylum.io.columns import Spec, frame, import_extra, knowledge_base, metadata_file, stamped, table_file
from nkasylum.io.writing import write_files
from nkasylum.model.policies import Policy
from nkasylum.model.support import Backing, Support

__all__ = ["PANEL_COLUMNS", "PANEL_FIELDS", "panel", "panel_codebook", "panel_rows", "write_panel_csv"]

PANEL_FIELDS = ("classification", "repatriates", "returns_to", "admits", "grants", "procedures")
"""The policy fields of the panel, each with its value, support, age and statements."""

_YES_NO = ("repatriates", "admits")
# The strongest support first, as the coverage table ranks it.
_STRENGTH = (Support.RULE, Support.SEEN, Support.BETWEEN_SIGHTINGS, Support.CARRIED_FORWARD)

_FIELD_MEANING = {
    "classification": ("tuple", "how the country classifies North Koreans (values of `Classification`)"),
    "repatriates": ("boolean", "whether it sends North Koreans back to North Korea"),
    "returns_to": ("tuple", "countries other than North Korea it sends them back to (alpha-2 codes)"),
    "admits": ("boolean", "whether it lets North Koreans stay or settle"),
    "grants": ("tuple", "statuses it grants (values of `Status`)"),
    "procedures": ("tuple", "the procedures or bodies through which claims go"),
}

Row = dict[str, Any]


def _columns() -> list[tuple[str, Any, str]]:
    """(name, kind, meaning) of every column, in order: the one list the docs come from."""
    head: list[tuple[str, Any, str]] = [
        ("country", "string", "the country's ISO alpha-2 code (or a region id)"),
        ("country_name", "string", "its readable name"),
        ("year", "int64", "the year"),
        ("on", "date", "the day asked in that year (`at=`, default 1 July); with `at=\"year\"`, its last day "
                       "with a documented policy (else 31 December); each field is read on its own last "
                       "documented day of the year"),
        ("documented", "bool", "whether a policy is documented that day (rule in force, seen, between "
                               "sightings): the same as `nk.policy(country, on=on) is not None`"),
        ("support", Support, "the strongest support of the policy that day, else `last known`, `undated "
                             "only` or `nothing`: the cell of `nk.coverage`"),
        ("age_days", "Int64", "days from `on` to the nearest sighting behind the row (0 when seen that "
                              "day); for `last known`, how many days before `on` the last documented "
                              "policy held; empty for a rule in force, undated only or nothing"),
        ("entries", "tuple", "the ids of the statements behind the row (the last known ones, or the undated "
                             "ones, when nothing is documented that day)"),
        ("sources", "tuple", "the ids of the sources of the evidence that bears on that day (or on the last "
                             "known day)"),
        ("conflicts", "tuple", "ids of the conflicts (disagreements between sources) that name any statement "
                               "of the row, including its fields' statements"),
        ("disputed", "bool", "whether any conflict touches the row"),
    ]
    for name in PANEL_FIELDS:
        kind, meaning = _FIELD_MEANING[name]
        head += [
            (name, kind, f"{meaning}, as `nk.policy(country, on=on).{name}`; empty (`<NA>` or `()`) when no "
                         "statement documents it that day"),
            (f"{name}_support", Support, f"how `{name}` is supported that day: the strongest support of the "
                                         "statements that state it, else `last known`, `undated only` or "
                                         "`nothing`"),
            (f"{name}_age_days", "Int64", "days from `on` to the nearest sighting of those statements (0 for "
                                          "a rule in force or a sighting that covers the day); for `last "
                                          "known`, since it was last documented"),
            (f"{name}_gap_days", "Int64", "for `between sightings`, the days between the two sightings that "
                                          "bracket the day asked (empty otherwise)"),
            (f"{name}_changed", "bool", "with `at=\"year\"`, whether the documented value changed within the "
                                        "year (the value shown is the one of its last documented day)"),
            (f"{name}_entries", "tuple", f"the ids of the statements that state `{name}` (for `last known`, "
                                         "the last ones that did; for `undated only`, the undated ones)"),
        ]
    return head


def _type_name(kind: Any) -> str:
    if isinstance(kind, type):
        return "category"
    return {"string": "string", "int64": "int64", "date": "datetime64[ns]", "bool": "bool",
            "boolean": "boolean", "Int64": "Int64", "tuple": "tuple"}[kind]


PANEL_COLUMNS: tuple[tuple[str, str, str], ...] = tuple(
    (name, _type_name(kind), meaning) for name, kind, meaning in _columns())
"""Every column of the panel as (name, pandas dtype, meaning), in order."""


def panel_codebook() -> str:
    """The codebook's table of the panel's columns, as Markdown (from :data:`PANEL_COLUMNS`).

    Example:
        >>> from nkasylum.io.panel import panel_codebook
        >>> panel_codebook().splitlines()[0]
        '| column | dtype | meaning |'
    """
    lines = ["| column | dtype | meaning |", "|---|---|---|"]
    lines += [f"| `{name}` | {dtype} | {meaning} |" for name, dtype, meaning in PANEL_COLUMNS]
    return "\n".join(lines)


def _spec() -> Spec:
    def getter(name: str) -> Callable[[Row], Any]:
        return lambda row: row[name]

    return {name: (kind, getter(name)) for name, kind, _ in _columns()}


# ------------------------------------------------------------------------- rows
def _states(statement: Policy, name: str) -> bool:
    value = getattr(statement, name)
    return value is not None if name in _YES_NO else bool(value)


def _value(policy: Policy | None, name: str) -> Any:
    if policy is None:
        return None if name in _YES_NO else ()
    value = getattr(policy, name)
    if name == "returns_to":
        return tuple(place_code(p) for p in value)
    if name in ("classification", "grants"):
        return tuple(v.value for v in value)
    return value


def _stating(kb: KnowledgeBase, backing: Sequence[Backing], name: str, merged: Policy) -> list[Backing]:
    found = []
    for b in backing:
        statement = kb.entry(b.entry)
        if not isinstance(statement, Policy) or not _states(statement, name):
            continue
        mine, theirs = getattr(statement, name), getattr(merged, name)
        # beyond its own sightings a statement answers only for the values a series bridges
        if (set(mine) & set(theirs)) if isinstance(mine, tuple) else mine == theirs:
            found.append(b)
    # A yes/no field is spoken by one statement (the newest, as the merge decides); lists are unions.
    return found[:1] if name in _YES_NO else found


def _best(backing: Sequence[Backing]) -> Backing:
    """The strongest support, of those equally strong the nearest sighting."""
    return min(backing, key=lambda b: (_STRENGTH.index(b.support) if b.support in _STRENGTH else len(_STRENGTH),
                                       b.age))


def _ends(timeline: Sequence[Policy]) -> dict[str, list[dt.date]]:
    """For each field, the last days of the dated spans of a timeline that state it, sorted."""
    found: dict[str, list[dt.date]] = {name: [] for name in PANEL_FIELDS}
    for segment in timeline:
        if segment.undated:
            continue
        end = segment.valid_until.end if isinstance(segment.valid_until, When) else dt.date.max
        for name in PANEL_FIELDS:
            if _states(segment, name):
                found[name].append(end)
    return {name: sorted(ends) for name, ends in found.items()}


def _field(kb: KnowledgeBase, code: str, day: dt.date, name: str, answer: Any,
           ends: list[dt.date], undated: Sequence[Policy], max_gap: dt.timedelta | None) -> dict[str, Any]:
    merged = answer.policy
    stated = _stating(kb, answer.backing, name, merged) if merged is not None and _states(merged, name) else []
    if stated:
        best = _best(stated)
        gap = best.gap.days if best.gap is not None else None
        return {name: _value(merged, name), f"{name}_support": best.support,
                f"{name}_age_days": best.age.days, f"{name}_gap_days": gap,
                f"{name}_entries": tuple(b.entry for b in stated)}
    empty = _value(None, name)
    i = bisect.bisect_left(ends, day)  # ends[:i] end before the day
    if i:
        end = ends[i - 1]
        then = kb.policy_answer(code, on=end, max_gap=max_gap)
        earlier = _stating(kb, then.backing, name, then.policy) if then.policy is not None else []
        # the age of what was last known: from the last day it held
        return {name: empty, f"{name}_support": Support.LAST_KNOWN, f"{name}_age_days": (day - end).days,
                f"{name}_gap_days": None, f"{name}_entries": tuple(b.entry for b in earlier)}
    context = tuple(p.id for p in undated if _states(p, name))
    return {name: empty, f"{name}_support": Support.UNDATED if context else Support.NOTHING,
            f"{name}_age_days": None, f"{name}_gap_days": None, f"{name}_entries": context}


def _at(at: str | None, day: str | None) -> str:
    if at is not None and day is not None and at != day:
        raise ArgumentTypeError(f"give at= (or day=, its former name), not both: at={at!r}, day={day!r}")
    return at if at is not None else day if day is not None else "07-01"


PANDAS_YEARS = (1678, 2261)
"""The whole years a pandas ``datetime64[ns]`` column holds (1677-09-21 to 2262-04-11)."""


def panel_rows(years: Iterable[int] | None = None, countries: Sequence[PlaceLike] | None = None, *,
               at: str | None = None, day: str | None = None, max_gap: dt.timedelta | None = None,
               kb: KnowledgeBase | None = None) -> list[Row]:
    """The panel as plain rows (one dict per country and year, keys as :data:`PANEL_COLUMNS`).

    Arguments as :func:`panel`; needs no pandas.
    """
    kb = knowledge_base(kb)
    when = _at(at, day)
    whole = when == YEAR
    index = kb._at(max_gap)  # the index the cells are read from (one per gap cap)
    disputes: dict[str, list[str]] = {}
    for c in kb.conflicts():
        for version in c.versions:
            disputes.setdefault(version, []).append(c.id)
    rows = []
    ended: dict[str, dict[str, list[dt.date]]] = {}  # each country's last days of each field
    for cell in kb.coverage(countries, years, at=when, max_gap=max_gap):
        answer = kb.policy_answer(cell.country, on=cell.on, max_gap=max_gap)
        if cell.country not in ended:
            ended[cell.country] = _ends(kb.policy_timeline(cell.country))
        bearing = answer if answer.policy is not None else answer.last_known
        evidence = bearing.evidence if bearing is not None else tuple(
            e for p in answer.undated for e in p.evidence)
        row: Row = {
            "country": cell.country, "country_name": place(cell.country).name, "year": cell.on.year,
            "on": cell.on, "documented": cell.documented, "support": cell.support,
            "age_days": None if cell.age is None or cell.support is Support.RULE else cell.age.days,
            "entries": cell.entries, "sources": tuple(dict.fromkeys(e.source for e in evidence)),
        }
        fields = year_fields(index, cell.country, cell.on.year) if whole else {}
        for name in PANEL_FIELDS:
            on, read = cell.on, answer
            found = fields.get(name)
            if found is not None and found[0] != cell.on:
                on = found[0]
                read = kb.policy_answer(cell.country, on=on, max_gap=max_gap)
            row.update(_field(kb, cell.country, on, name, read, ended[cell.country][name],
                              answer.undated, max_gap))
            row[f"{name}_changed"] = found is not None and found[1]
        named = [*cell.entries, *(e for name in PANEL_FIELDS for e in row[f"{name}_entries"])]
        row["conflicts"] = tuple(dict.fromkeys(c for e in named for c in disputes.get(e, ())))
        row["disputed"] = bool(row["conflicts"])
        rows.append({name: row[name] for name, _, _ in PANEL_COLUMNS})
    return rows


# ------------------------------------------------------------------------ public
def panel(years: Iterable[int] | None = None, countries: Sequence[PlaceLike] | None = None, *,
          at: str | None = None, day: str | None = None, max_gap: dt.timedelta | None = None,
          kb: KnowledgeBase | None = None) -> Any:
    """A tidy country-year panel of policies as a pandas DataFrame (needs the pandas extra).

    Added in version 0.2.

    One row per country and year, on the day ``at`` of each year (``"MM-DD"``, default
    ``"07-01"``), or for the whole year (``at="year"``: a value documented at some time in
    it, read on its last documented day, with ``<field>_changed`` where it changed within
    the year): whether a policy is documented,
    how (the cell of :func:`nkasylum.coverage`), and for each field of
    :data:`PANEL_FIELDS` (classification, repatriates, returns_to, admits, grants,
    procedures) its value as :func:`nkasylum.policy` gives it, how it is supported (seen,
    between sightings, rule in force; else last known with its age, undated only or
    nothing), its age in days, the gap between the sightings that bracket it (``between
    sightings``) and the statements behind it; the sources of the evidence
    and the conflicts that touch the row. The codebook explains every column
    (:data:`PANEL_COLUMNS`). Nothing is carried forward: a value seen last before the day
    stays empty and its support says ``last known``. Dtypes as :func:`nkasylum.to_frames`:
    yes/no fields are nullable ``boolean``, supports ``category``, lists tuples.

    Args:
        years: the years (default 2000 to 2025).
        countries: the countries (default: the 17 the sources discuss, as :func:`nkasylum.coverage`).
        at: the month and day asked in each year, ``"MM-DD"`` (default ``"07-01"``), or
            ``"year"`` for the whole year.
        day: the former name of ``at``.
        max_gap: the longest gap between two sightings that documents the days between
            them (default ``None``: no cap).
        kb: the knowledge base (default: the bundled one).

    Raises:
        MissingExtraError: pandas is not installed (:func:`write_panel_csv` needs no pandas).
        ArgumentValueError: ``day`` is not a day of every year asked.
        ArgumentTypeError: a year that is not an int.

    Example:
        >>> import nkasylum as nk, pandas as pd
        >>> p = nk.panel(years=[2015], countries=["KR", "RU"])
        >>> kr = p.iloc[0]
        >>> kr["country"], int(kr["year"]), kr["support"], kr["classification"], bool(kr["admits"])
        ('KR', 2015, 'rule in force', ('defector', 'citizen'), True)
        >>> ru = p.iloc[1]
        >>> bool(ru["repatriates"]), ru["repatriates_support"], int(ru["repatriates_gap_days"]) > 365
        (True, 'between sightings', True)
    """
    kb = knowledge_base(kb)
    pd = import_extra("pandas", "nk.panel")
    years = years_arg(years)
    outside = [y for y in years if not PANDAS_YEARS[0] <= y <= PANDAS_YEARS[1]]
    if outside:  # checked first: the panel's day column is datetime64[ns]
        raise ArgumentValueError("years", outside[0], what="year for a pandas panel",
                                 note=f"a datetime64[ns] column holds the years {PANDAS_YEARS[0]} to "
                                      f"{PANDAS_YEARS[1]}; use panel_rows or write_panel_csv for others")
    rows = panel_rows(years, countries, at=at, day=day, max_gap=max_gap, kb=kb)
    return stamped(frame(pd, rows, _spec(), "panel"), kb)


def write_panel_csv(path: str | Path, years: Iterable[int] | None = None,
                    countries: Sequence[PlaceLike] | None = None, *, at: str | None = None,
                    day: str | None = None, max_gap: dt.timedelta | None = None,
                    kb: KnowledgeBase | None = None) -> Path:
    """Write the panel as CSV to ``path`` (no pandas needed); return the path.

    The columns of :func:`panel`; cells as :func:`nkasylum.io.interop.write_csv` writes them:
    an empty cell for a missing value, ``true``/``false``, lists joined with ``"; "``, dates
    ``YYYY-MM-DD``. Beside it, ``<name>.meta.json`` (``panel.meta.json`` for ``panel.csv``)
    records the library and data version, as the ``attrs`` of :func:`panel` do.

    Example:
        >>> import csv, tempfile, pathlib
        >>> from nkasylum.io.panel import write_panel_csv
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = write_panel_csv(pathlib.Path(tmp) / "panel.csv", years=[2010], countries=["RU"])
        ...     with path.open(encoding="utf-8", newline="") as f:
        ...         rows = list(csv.DictReader(f))
        >>> len(rows), rows[0]["country"], rows[0]["on"]
        (1, 'RU', '2010-07-01')
    """
    kb = knowledge_base(kb)
    rows = panel_rows(years, countries, at=at, day=day, max_gap=max_gap, kb=kb)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    # the table and its metadata together, all or nothing (see nkasylum.io.writing)
    write_files([table_file(target, rows, _spec()),
                 metadata_file(target.with_name(f"{target.stem}.meta.json"), kb)], folder=target.parent)
    return target

