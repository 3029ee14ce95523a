"""Validity in time: when a policy or passage is documented to apply.

Two kinds of statement carry two rules, set by ``basis``:

* a **rule** (a law, a treaty, an official status) applies from ``valid_from`` until
  ``valid_until``, or with no end when none is documented (it holds until a documented
  change, as OpenFisca's parameters do);
* an **observation** (a practice a source saw) is seen on the dates of its evidence,
  documented between its first and last sighting, and only *last known* after it (see
  :mod:`nkasylum.sightings`).

A statement whose sources give no date at all is ``undated``: it is kept and shown, but
it answers no question about a particular date.
"""

from __future__ import annotations

import datetime as dt
import enum
import time

from nkasylum.core.errors import ArgumentTypeError, DataError
from nkasylum.core.text import date_words
from nkasylum.core.when import When, when

__all__ = ["Basis", "check_period", "format_period", "in_period", "period_meets", "resolve_horizon",
           "resolve_max_gap", "resolve_on", "resolve_when", "today"]


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
    """Return the day a query asks about: ``on`` itself, or today when it is ``None``.

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


def resolve_when(on: object) -> When:
    """Return the day or period a query asks about: a date, an ``int`` year, an EDTF text
    (a year, a month, a day or an interval of them) or a :class:`When`; today for ``None``.

    Raises:
        ArgumentTypeError: anything else, saying what is accepted.
    """
    if on is None:
        return When.day(today())
    return when(on)  # type: ignore[arg-type]


def resolve_max_gap(max_gap: object) -> dt.timedelta | None:
    """Check ``max_gap=``: ``None`` (the default: any gap between two sightings of a value is
    bridged) or a ``timedelta`` >= 0, the longest gap bridged.

    Raises:
        ArgumentTypeError: anything else.
    """
    return _span_argument(
        "max_gap", max_gap, "two sightings of a value document the days between them however "
        "far apart", "datetime.timedelta(days=3 * 365)")


def resolve_horizon(horizon: object) -> dt.timedelta | None:
    """Check ``horizon=``: ``None`` (strict: nothing carried forward) or a ``timedelta`` >= 0.

    Raises:
        ArgumentTypeError: anything else.
    """
    return _span_argument(
        "horizon", horizon, "an observation counts only up to its last sighting",
        "datetime.timedelta(days=730)")


def _span_argument(name: str, value: object, default: str, example: str) -> dt.timedelta | None:
    """The one check behind ``horizon=`` and ``max_gap=``: ``None`` or a length of time >= 0,
    returned as a plain ``timedelta`` (pandas' ``Timedelta`` is a subclass: an answer, its
    cache key and its JSON hold the plain one)."""
    if value is None:
        return None
    if not isinstance(value, dt.timedelta):
        raise ArgumentTypeError(
            f"{name}= takes None (the default: {default}) or a datetime.timedelta such as "
            f"{example}, not {type(value).__name__}: {value!r}")
    if value < dt.timedelta(0):
        raise ArgumentTypeError(f"{name}= must not be negative, not {value}")
    if type(value) is not dt.timedelta:
        value = dt.timedelta(days=value.days, seconds=value.seconds, microseconds=value.microseconds)
    return value


def check_period(
    basis: Basis, valid_from: When | None, valid_until: When | None, undated: bool
) -> None:
    """Validate a statement's period; raises :class:`DataError` naming the field.

    A rule needs the date it took effect (or ``undated``). An observation is dated by its
    evidence (its sightings); ``valid_from``/``valid_until`` on one are only for values
    built by nkasylum itself (a merged policy over a span), and a data file that gives
    them is refused by the loader.
    """
    for name, value in (("valid_from", valid_from), ("valid_until", valid_until)):
        if value is not None and not isinstance(value, When):
            raise DataError(f"must be an EDTF date (nkasylum.When), not {value!r}", field=name)
    if undated:
        if valid_from is not None or valid_until is not None:
            raise DataError(
                "an undated statement cannot have valid_from or valid_until; "
                "drop undated = true or the dates",
                field="undated",
            )
        return
    if valid_from is not None and valid_until is not None and valid_until.end < valid_from.start:
        raise DataError(
            f"valid_until {valid_until} is before valid_from {valid_from}", field="valid_until"
        )
    if basis is Basis.RULE and (valid_from is None or valid_from.lower is None):
        raise DataError(
            "a rule needs the date it took effect (valid_from, with a known start), or "
            "undated = true",
            field="valid_from",
        )


def in_period(valid_from: When | None, valid_until: When | None, undated: bool, on: dt.date) -> bool:
    """Whether a statement's own dates cover ``on`` (a statement without them, such as an
    observation dated by its evidence, never does: its sightings decide)."""
    if undated or valid_from is None:
        return False
    return valid_from.start <= on <= (valid_until.end if valid_until is not None else dt.date.max)


def period_meets(valid_from: When | None, valid_until: When | None, undated: bool, on: object) -> bool:
    """Whether a statement's own dates cover some day of ``on``, given in the one date
    grammar of every query (a date, an ``int`` year, an EDTF text, a :class:`When`; today
    for ``None``), as :func:`in_period` reads one day.

    Raises:
        ArgumentTypeError: ``on`` is not a date in that grammar.
    """
    if type(on) is dt.date:
        return in_period(valid_from, valid_until, undated, on)
    asked = resolve_when(on)  # checked even for an undated statement: a bad on= is a mistake
    if undated or valid_from is None:
        return False
    return valid_from.start <= asked.end and asked.start <= (
        valid_until.end if valid_until is not None else dt.date.max)


def format_period(valid_from: When | None, valid_until: When | None, undated: bool) -> str:
    """A readable period in words, e.g. ``14 March 2002 to December 2004``, ``from 14 July
    1997`` or ``undated`` (dates as :func:`~nkasylum.core.text.date_words` writes them: no EDTF
    marks in prose)."""
    if undated:
        return "undated"
    start = date_words(valid_from) if valid_from else ""
    end = date_words(valid_until) if valid_until else ""
    if start and end:
        return f"{start} to {end}" if valid_from != valid_until else start
    if start:
        return start if start.startswith(("by ", "from ")) else f"from {start}"
    if end:
        return end if end.startswith("by ") else f"until {end}"
    return "dated by its sightings"
