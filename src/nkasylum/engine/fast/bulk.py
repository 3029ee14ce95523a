"""Bulk assessment: the verdicts of many journeys at once, without explanations.

The days on which a journey is documented, and those on which it is blocked (with the leg
rule of :mod:`nkasylum.engine.legs`), are computed once per journey as intervals (see
:mod:`nkasylum.engine.fast.documented`), and each row costs a dictionary look-up and a bisection
or two.
"""

from __future__ import annotations

import bisect
import copy
import datetime as dt
from typing import Any

from nkasylum.core.countries import Country
from nkasylum.core.errors import ArgumentTypeError, DataError, NKAsylumError
from nkasylum.core.periods import resolve_when
from nkasylum.core.when import When
from nkasylum.engine import arguments
from nkasylum.engine.fast.documented import (
    documented_days,
    named_verdict,
    verdict_days,
    within,
)
from nkasylum.engine.index import Index
from nkasylum.engine.timeline import closed
from nkasylum.engine.waypoints import waypoint_blocked_days, waypoint_days, waypoint_verdict_days
from nkasylum.model.routes import Route
from nkasylum.model.verdicts import Verdict

__all__ = ["assess_many", "verdict"]


def verdict(index: Index, start: Country, stops: tuple[Country, ...] | None,
            goal: Country, day: dt.date, horizon: dt.timedelta | None = None,
            exact: bool = True) -> Verdict:
    """The verdict :func:`nkasylum.engine.assessment.assess` gives, without building its steps.

    An any-route journey is documented on its documented days (computed once per journey,
    see :mod:`nkasylum.engine.fast.documented`) and otherwise blocked only by a closed
    destination; a waypoint journey (``exact`` false) likewise, blocked also by a sealed
    waypoint; an exact route is read from its legs' tables
    (:func:`nkasylum.engine.fast.documented.named_verdict`).
    """
    if stops and not exact:
        if within(waypoint_days(index, start, stops, goal, horizon), day):
            return Verdict.DOCUMENTED
        return (Verdict.BLOCKED if within(waypoint_blocked_days(index, stops, goal, horizon), day)
                else Verdict.UNDOCUMENTED)
    if stops is None:
        if within(documented_days(index, start, None, goal, horizon), day):
            return Verdict.DOCUMENTED
        return (Verdict.BLOCKED if closed(index.policy(goal.alpha_2, day, horizon))
                else Verdict.UNDOCUMENTED)
    return named_verdict(index, arguments.path_codes(start, stops, goal), day, horizon)


def assess_many(index: Index, rows: Any, horizon: dt.timedelta | None = None,
                exact: object = False) -> tuple[Verdict, ...]:
    """The verdicts of many journeys at once; see :meth:`nkasylum.KnowledgeBase.assess_many`.

    ``exact`` applies to every row: each row's ``via`` names its exact legs (else waypoints;
    a :class:`~nkasylum.Route` is always exact).

    Missing values follow :func:`nkasylum.can_resettle`'s rule: ``None`` means any route
    (``via``) or today (``on``), and ``NaN``, ``NaT`` or ``pd.NA`` is refused, as
    ``can_resettle`` refuses it (a gap in the data is never "today", whose answer would change
    from day to day). One exception, for DataFrames: a typed column cannot hold ``None``
    (pandas and Arrow strings keep ``<NA>``), so an empty ``via`` cell there is ``None``. Every
    error names the row (counted from 0), once.
    """
    if not isinstance(exact, bool):
        raise ArgumentTypeError(f"exact= takes True or False, not {exact!r}")
    rows = _rows(rows)
    journeys: dict[tuple[object, object, object], _Table] = {}
    # Each raw origin, via and destination that passed its own check, resolved: a panel
    # names the same few places in many journeys.
    origins: dict[object, Country] = {}
    vias: dict[object, tuple[Country, ...] | None] = {None: None}
    dests: dict[object, Country] = {}
    tables: dict[tuple[int, int], _Table] = {}
    get = journeys.get
    bisect_right = bisect.bisect_right
    undocumented = Verdict.UNDOCUMENTED
    plain = (str, tuple)  # a via that cannot be a missing value
    out: list[Verdict] = []
    append = out.append
    for number, row in enumerate(rows):
        try:
            if isinstance(row, (dict, str, bytes)):  # unpacking would read its keys or letters
                raise ArgumentTypeError(f"each row is a tuple (origin, via, dest, on), not a "
                                        f"{type(row).__name__}: {row!r}")
            try:
                origin, via, dest, day = row
            except (TypeError, ValueError):
                raise ArgumentTypeError(f"each row is (origin, via, dest, on), not {row!r}") from None
            if via is not None and via.__class__ not in plain and _missing(via):
                raise ArgumentTypeError(f"via is missing ({via!r}): give None for any route, as "
                                        "can_resettle takes it, or leave the row out")
            key = (origin, via, dest)
            try:
                table = get(key)
            except TypeError:  # unhashable: refused as can_resettle would, unless via is a list
                arguments.journey(index, origin, via, dest)
                key = (origin, tuple(via), dest)
                table = get(key)
            if table is None:
                table = journeys[key] = _journey_table(index, key, day, horizon, origins, vias,
                                                       dests, tables, exact)
            if day.__class__ is not _DATE:
                # before comparing: a wrong type is refused, not compared
                if day is not None and _missing(day):
                    raise ArgumentTypeError(f"on is missing ({day!r}): give a date (None means today, "
                                            "as for can_resettle), or leave the row out")
                asked = resolve_when(day)
                if asked.lower is None or asked.lower != asked.upper:
                    append(_period_verdict(table, asked))
                    continue
                day = asked.lower
            i = bisect_right(table[0], day) - 1
            append(table[2][i] if i >= 0 and table[1][i] >= day else undocumented)
        except NKAsylumError as err:
            raise _in_row(err, number) from None
    return tuple(out)


_DATE = dt.date
_Table = tuple[list[dt.date], list[dt.date], list[Verdict], object, object]
"""A journey's documented and blocked days: the starts and ends of its intervals, in order,
and the verdict on each (undocumented between them); then the intervals it was made from."""


def _journey_table(index: Index, key: tuple[object, object, object], day: object,
                   horizon: dt.timedelta | None, origins: dict[object, Country],
                   vias: dict[object, tuple[Country, ...] | None],
                   dests: dict[object, Country],
                   tables: dict[tuple[int, int], _Table], exact: bool) -> _Table:
    """A new journey's documented and blocked days, as the starts and ends of intervals."""
    origin, via, dest = key
    start, stops, goal = origins.get(origin), vias.get(via, ()), dests.get(dest)
    if start is None or stops == () or goal is None or isinstance(via, Route):
        # The checks and their order are assess()'s, so a bad row fails as can_resettle
        # would on it; each part that passes is kept for the next journey that names it.
        start, stops, goal = arguments.journey(index, origin, via, dest)
        origins[origin], vias[via], dests[dest] = start, stops, goal
    if day.__class__ is not _DATE and not _missing(day):
        resolve_when(day)  # refused before the path is checked, as assess() orders its checks
    codes = arguments.check_path(start, stops, goal)
    if stops and not arguments.exact_arg(exact, via):
        yes, no = waypoint_verdict_days(index, start, stops, goal, horizon)
    else:
        yes, no = verdict_days(index, start, stops, goal, horizon, codes)
    # Journeys that differ only in a destination about which nothing is known share the
    # same intervals (the same objects, from the memo), and so one table.
    both = (id(yes), id(no))
    found = tables.get(both)
    if found is None:
        spans = sorted([(lo, hi, Verdict.DOCUMENTED) for lo, hi in yes]
                       + [(lo, hi, Verdict.BLOCKED) for lo, hi in no])
        found = tables[both] = ([lo for lo, _, _ in spans], [hi for _, hi, _ in spans],
                                [v for _, _, v in spans], yes, no)  # yes, no: their ids stay theirs
    return found


def _period_verdict(table: _Table, asked: When) -> Verdict:
    """The verdict of a period row, as :func:`~nkasylum.engine.assessment.best_day` reads a
    period: documented if the journey is on some day of it, else blocked if it is on some
    day, else undocumented (an open side reaches the first or last day of the calendar)."""
    lo = asked.start if asked.lower is not None else dt.date(1, 1, 1)
    hi = asked.end if asked.upper is not None else dt.date(9999, 12, 31)
    starts, ends, verdicts = table[0], table[1], table[2]
    found = Verdict.UNDOCUMENTED
    # The intervals are disjoint and in order: those meeting [lo, hi] end the list up to hi.
    i = bisect.bisect_right(starts, hi) - 1
    while i >= 0 and ends[i] >= lo:
        if verdicts[i] is Verdict.DOCUMENTED:
            return Verdict.DOCUMENTED
        found = Verdict.BLOCKED
        i -= 1
    return found


def _missing(value: object) -> bool:
    """``None``, a float ``NaN``, pandas' ``NaT`` or ``NA``: a value a table leaves empty."""
    if value is None or (isinstance(value, float) and value != value):
        return True
    return type(value).__name__ in ("NaTType", "NAType")


def _in_row(err: NKAsylumError, number: int) -> NKAsylumError:
    """The same error (same type and attributes), its message prefixed with the row it comes
    from, once: rebuilt without its constructor, which for some classes (an unknown
    country) would read the message as the name to report and wrap it a second time."""
    if isinstance(err, DataError):
        return DataError(f"row {number}: {err.message}", file=err.file, entry=err.entry, field=err.field)
    found = copy.copy(err)
    found.args = (f"row {number}: {err}", *err.args[1:])
    return found


def _rows(rows: Any) -> Any:
    """Rows as an iterable of 4-tuples; a pandas DataFrame gives its four named columns."""
    columns = getattr(rows, "columns", None)
    if columns is None or not hasattr(rows, "itertuples"):
        if isinstance(rows, (str, bytes)) or not hasattr(rows, "__iter__"):
            raise ArgumentTypeError(
                "rows must be an iterable of (origin, via, dest, on) tuples or a DataFrame "
                f"with those columns, not {type(rows).__name__}")
        return rows
    names = list(columns)
    missing = [c for c in ("origin", "via", "dest", "on") if c not in names]
    if missing:
        raise ArgumentTypeError(
            f"the DataFrame needs columns origin, via, dest and on; missing {', '.join(missing)}")
    twice = [c for c in ("origin", "via", "dest", "on") if names.count(c) > 1]
    if twice:
        raise ArgumentTypeError(f"the DataFrame has more than one column named {', '.join(twice)}; "
                                "keep one of each")
    on = rows["on"]
    if str(on.dtype).startswith("datetime64"):
        present = on[on.notna()]
        if on.dt.tz is not None or not bool((present.dt.normalize() == present).all()):
            raise ArgumentTypeError(
                "the on column holds times of day or time zones; cut it to calendar days "
                "first (e.g. df['on'] = df['on'].dt.date)")
        on = on.dt.date
    # A table's via column cannot hold None once typed (pandas' and Arrow's strings keep
    # <NA>): there an empty via cell is None, any route. An empty on cell stays empty, and is
    # refused (it never means today).
    vias = [None if v is not None and v.__class__ is not str and _missing(v) else v for v in rows["via"].tolist()]
    return zip(rows["origin"].tolist(), vias, rows["dest"].tolist(), on.tolist(), strict=True)
