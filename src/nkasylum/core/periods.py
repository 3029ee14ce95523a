"""Validity in time: when a policy or passage is documented to apply.

Two kinds of statement carry two rules, set by ``basis``:

* a **rule** (a law, a treaty, an official status) applies from ``valid_from`` until
  ``valid_until``, or with no end when none is documented (it holds until a documented
  change, as OpenFisca's parameters do);
* an **observation** (a practice a source saw) applies only between its first and last
  documented sighting, ``valid_from`` to ``valid_until``: it is never extended beyond
  what was seen.

A statement whose sources give no date at all is ``undated``: it is kept and shown, but
it answers no question about a particular date.
"""

from __future__ import annotations

import datetime as dt
import enum
import time

from nkasylum.core.errors import ArgumentTypeError, DataError

__all__ = ["Basis", "DatePrecision", "check_period", "in_period", "resolve_on", "today"]


class Basis(enum.Enum):
    """What kind of statement a policy or passage is, which decides how far it reaches in time.

    Example:
        >>> import nkasylum as nk
        >>> nk.Basis("observation") is nk.Basis.OBSERVATION
        True
    """

    RULE = "rule"
    """A law, treaty, agreement or official position: applies from its start until a documented end."""
    OBSERVATION = "observation"
    """A practice a source saw: applies only between its first and last documented sighting."""


class DatePrecision(enum.Enum):
    """How precisely a source fixes a date (the stored date is the first day of the span).

    Example:
        >>> import nkasylum as nk
        >>> nk.DatePrecision.MONTH.value
        'month'
    """

    DAY = "day"
    """The day is known, from the source or resolved from it (e.g. "Wednesday" and the report's date)."""
    MONTH = "month"
    """Only the month is known; the stored date is the first of that month."""
    YEAR = "year"
    """Only the year is known; the stored date is 1 January of that year."""
    DECADE = "decade"
    """Only the decade is known; the stored date is 1 January of its first year."""


_today: dt.date = dt.date.min
# The local midnights that start and end _today, as time.time() values.
_today_starts = _tomorrow_starts = 0.0


def today() -> dt.date:
    """Today's local date, as ``datetime.date.today()``, at a tenth of its cost.

    Queries default to today, and research code asks them in loops: the date is kept
    until the clock passes the next local midnight.
    """
    global _today, _today_starts, _tomorrow_starts
    now = time.time()
    if not _today_starts <= now < _tomorrow_starts:
        day = dt.date.fromtimestamp(now)
        starts = dt.datetime.combine(day, dt.time()).timestamp()
        ends = dt.datetime.combine(day + dt.timedelta(days=1), dt.time()).timestamp()
        _today, _today_starts, _tomorrow_starts = day, starts, ends
    return _today


def resolve_on(on: object) -> dt.date:
    """Return the date a query asks about: ``on`` itself, or today when it is ``None``.

    Raises:
        ArgumentTypeError: ``on`` is not a ``datetime.date`` (a ``datetime`` is refused too:
            cut it to ``value.date()`` in the time zone you mean).
    """
    if on is None:
        return today()
    if isinstance(on, dt.datetime):
        raise ArgumentTypeError(
            f"on= takes a datetime.date, not a datetime ({on!r}); pass on=value.date() "
            "for the calendar day you mean"
        )
    if isinstance(on, dt.date):
        return on
    raise ArgumentTypeError(
        f"on= takes a datetime.date or None, not {type(on).__name__}: {on!r} "
        "(e.g. on=datetime.date(2002, 9, 11); parse text with datetime.date.fromisoformat)"
    )


def check_period(
    basis: Basis, valid_from: dt.date | None, valid_until: dt.date | None, undated: bool
) -> None:
    """Validate a statement's period; raises :class:`DataError` naming the field."""
    for name, value in (("valid_from", valid_from), ("valid_until", valid_until)):
        if value is not None and (isinstance(value, dt.datetime) or not isinstance(value, dt.date)):
            raise DataError(f"must be a date, not {value!r}", field=name)
    if undated:
        if valid_from is not None or valid_until is not None:
            raise DataError(
                "an undated statement cannot have valid_from or valid_until; "
                "drop undated = true or the dates",
                field="undated",
            )
        return
    if valid_from is not None and valid_until is not None and valid_until < valid_from:
        raise DataError(
            f"valid_until {valid_until} is before valid_from {valid_from}", field="valid_until"
        )
    if basis is Basis.RULE and valid_from is None:
        raise DataError(
            "a rule needs the date it took effect (valid_from), or undated = true",
            field="valid_from",
        )
    if basis is Basis.OBSERVATION and (valid_from is None or valid_until is None):
        missing = "valid_from" if valid_from is None else "valid_until"
        raise DataError(
            "an observation applies only between its first and last documented sighting: "
            "give both valid_from and valid_until, or undated = true",
            field=missing,
        )


def in_period(
    valid_from: dt.date | None, valid_until: dt.date | None, undated: bool, on: dt.date
) -> bool:
    """Whether a statement with this period applies on ``on`` (undated ones never do)."""
    if undated:
        return False
    return (valid_from is None or valid_from <= on) and (valid_until is None or on <= valid_until)


def format_period(valid_from: dt.date | None, valid_until: dt.date | None, undated: bool) -> str:
    """A readable period, e.g. ``2002-03-14 to 2004-12-01`` or ``from 1997-01-13``."""
    if undated:
        return "undated"
    if valid_from and valid_until:
        return f"{valid_from} to {valid_until}" if valid_from != valid_until else str(valid_from)
    if valid_from:
        return f"from {valid_from}"
    if valid_until:
        return f"until {valid_until}"
    return "at any date"
