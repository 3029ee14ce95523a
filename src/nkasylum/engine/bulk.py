"""Bulk assessment: the verdicts of many journeys at once, without explanations.

The days on which a journey is documented, and those on which it is blocked (with the leg
rule of :mod:`nkasylum.engine.legs`), are computed once per journey as intervals (see
:mod:`nkasylum.engine.documented`), and each row costs a dictionary look-up and a bisection
or two.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from typing import Any

from nkasylum.core.countries import Country
from nkasylum.core.errors import ArgumentTypeError, DataError, NKAsylumError
from nkasylum.core.periods import resolve_on, today
from nkasylum.engine import arguments
from nkasylum.engine.documented import documented_days, leg_days, verdict_days, within
from nkasylum.engine.index import Index
from nkasylum.engine.legs import closed, sends_back
from nkasylum.model.verdicts import Verdict

__all__ = ["assess_many", "verdict"]


def verdict(index: Index, start: Country, stops: tuple[Country, ...] | None,
            goal: Country, day: dt.date, horizon: dt.timedelta | None = None) -> Verdict:
    """The verdict :func:`nkasylum.engine.assessment.assess` gives, without building its steps.

    Whether the journey is documented is read from its documented days (computed once per
    journey, see :mod:`nkasylum.engine.documented`); only an undocumented journey looks at
    the policies in force, with the leg rule of :func:`nkasylum.engine.legs.leg_verdict`.
    """
    if within(documented_days(index, start, stops, goal, horizon), day):
        return Verdict.DOCUMENTED
    if stops is None:
        return (Verdict.BLOCKED if closed(index.policy(goal.alpha_2, day, horizon))
                else Verdict.UNDOCUMENTED)
    found = Verdict.UNDOCUMENTED
    for a, b in itertools.pairwise((start, *stops, goal)):
        if within(leg_days(index, a.alpha_2, b.alpha_2, horizon), day):
            continue
        leaving = index.policy(a.alpha_2, day, horizon)
        if sends_back(leaving) and leaving is not None and not leaving.exceptions:
            return Verdict.BLOCKED
        if b == goal and closed(index.policy(b.alpha_2, day, horizon)):
            return Verdict.BLOCKED
    return found


def assess_many(index: Index, rows: Any, horizon: dt.timedelta | None = None) -> tuple[Verdict, ...]:
    """The verdicts of many journeys at once; see :meth:`nkasylum.KnowledgeBase.assess_many`.

    Missing values follow one rule, in tuples and DataFrames alike: a missing ``via``
    (``None``, ``NaN``, ``NaT``, ``pd.NA``) means any route, and a missing ``on`` means
    today, as ``None`` does for :func:`nkasylum.can_resettle`; a missing origin or
    destination is an error. Every error names the row (counted from 0).
    """
    rows = _rows(rows)
    journeys: dict[tuple[object, object, object], tuple[list[dt.date], list[dt.date],
                                                         list[dt.date], list[dt.date]]] = {}
    days: dict[object, dt.date] = {}  # only days that passed resolve_on get here
    # Each raw origin, via and destination that passed its own check, resolved: a panel
    # names the same few places in many journeys.
    origins: dict[object, Country] = {}
    vias: dict[object, tuple[Country, ...] | None] = {None: None}
    dests: dict[object, Country] = {}
    bisect_right = bisect.bisect_right
    documented, blocked, undocumented = Verdict.DOCUMENTED, Verdict.BLOCKED, Verdict.UNDOCUMENTED
    out: list[Verdict] = []
    append = out.append
    for number, row in enumerate(rows):
        try:
            try:
                origin, via, dest, day = row
            except (TypeError, ValueError):
                raise ArgumentTypeError(f"each row is (origin, via, dest, on), not {row!r}") from None
            if via is not None and via.__class__ is not str and _missing(via):
                via = None
            if day is not None and day.__class__ is not _DATE and _missing(day):
                day = None
            key = (origin, via, dest)
            try:
                table = journeys.get(key)
            except TypeError:  # unhashable: refused as can_resettle would, unless via is a list
                arguments.journey(index, origin, via, dest)
                key = (origin, tuple(via), dest)
                table = journeys.get(key)
            if table is None:
                table = journeys[key] = _journey_table(index, key, day, horizon, origins, vias, dests)
            if day is None:
                day = today()
            try:
                checked = days.get(day)
            except TypeError:  # an unhashable on=: refused below
                checked = None
            if checked is None:
                # before comparing: a wrong type is refused, not compared
                checked = days[day] = resolve_on(day)
            i = bisect_right(table[0], checked) - 1
            if i >= 0 and table[1][i] >= checked:
                append(documented)
                continue
            i = bisect_right(table[2], checked) - 1
            append(blocked if i >= 0 and table[3][i] >= checked else undocumented)
        except NKAsylumError as err:
            raise _in_row(err, number) from None
    return tuple(out)


_DATE = dt.date


def _journey_table(index: Index, key: tuple[object, object, object], day: object,
                   horizon: dt.timedelta | None, origins: dict[object, Country],
                   vias: dict[object, tuple[Country, ...] | None], dests: dict[object, Country]
                   ) -> tuple[list[dt.date], list[dt.date], list[dt.date], list[dt.date]]:
    """A new journey's documented and blocked days, as the starts and ends of intervals."""
    origin, via, dest = key
    start, stops, goal = origins.get(origin), vias.get(via, ()), dests.get(dest)
    if start is None or stops == () or goal is None:
        # The checks and their order are assess()'s, so a bad row fails as can_resettle
        # would on it; each part that passes is kept for the next journey that names it.
        start, stops, goal = arguments.journey(index, origin, via, dest)
        origins[origin], vias[via], dests[dest] = start, stops, goal
    if day is not None:
        resolve_on(day)
    arguments.check_path(start, stops, goal)
    yes, no = verdict_days(index, start, stops, goal, horizon)
    return [lo for lo, _ in yes], [hi for _, hi in yes], [lo for lo, _ in no], [hi for _, hi in no]


def _missing(value: object) -> bool:
    """``None``, a float ``NaN``, pandas' ``NaT`` or ``NA``: a value a table leaves empty."""
    if value is None or (isinstance(value, float) and value != value):
        return True
    return type(value).__name__ in ("NaTType", "NAType")


def _in_row(err: NKAsylumError, number: int) -> NKAsylumError:
    """The same error, its message prefixed with the row it comes from."""
    message = f"row {number}: {err.message if isinstance(err, DataError) else err}"
    if isinstance(err, DataError):
        return DataError(message, file=err.file, entry=err.entry, field=err.field)
    try:
        return type(err)(message)
    except TypeError:  # an error class that needs more than a message: keep it as it is
        return err


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
    return zip(rows["origin"].tolist(), rows["via"].tolist(), rows["dest"].tolist(), on.tolist(),
               strict=True)
