"""Dates as precise as their sources: EDTF spans.

A source that says "in 2014" fixes a year, not 1 January 2014. Every date in the data is
an EDTF string (Library of Congress Extended Date/Time Format, ISO 8601-2) and becomes a
:class:`When`: the text as written, its earliest and latest possible days, its precision
and its qualifiers. ``str(when)`` gives the EDTF text back, so a year prints as ``2014``.

The ``edtf`` package parses data files when they are loaded or compiled. The compiled
bundle stores the bounds, and the forms a query may use (a year, a month, a day, an
interval of those) are read here without it, so neither ``import nkasylum`` nor a query
imports ``edtf``.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Any

import attrs

from nkasylum.core.errors import ArgumentTypeError, DataError
from nkasylum.core.values import value_type

__all__ = ["DatePrecision", "When", "parse_query", "when"]


class DatePrecision(enum.Enum):
    """How precisely a date is known: the unit of its coarsest end.

    Example:
        >>> import nkasylum as nk
        >>> nk.When.parse("2004-07").precision
        <DatePrecision.MONTH: 'month'>
    """

    DAY = "day"
    """The day is known, from the source or resolved from it (e.g. "Wednesday" and the report's date)."""
    MONTH = "month"
    """Only the month is known: the span is the whole month."""
    YEAR = "year"
    """Only the year is known: the span is the whole year."""
    DECADE = "decade"
    """Only the decade is known (EDTF ``199X``)."""


_ORDER = {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.YEAR: 2, DatePrecision.DECADE: 3}
_MAX_TEXT = 64


@attrs.frozen
@value_type
class When:
    """A date or period as precise as its source, written in EDTF.

    Attributes:
        text: the EDTF text, e.g. ``"2014"``, ``"2004-07"``, ``"2002-03/2004-06"``,
            ``"2009~"``, ``"../2016-02"``.
        lower: the earliest day it can mean (``None``: an open start).
        upper: the latest day it can mean (``None``: an open end).
        precision: the unit of its coarsest end (a year for ``"2014"``).
        approximate: EDTF ``~`` or ``%``: the source gives an approximate date.
        uncertain: EDTF ``?`` or ``%``: the source is not sure of the date.

    Example:
        >>> import datetime as dt, nkasylum as nk
        >>> w = nk.When.parse("2014")
        >>> str(w), w.lower, w.upper, w.contains(dt.date(2014, 7, 1))
        ('2014', datetime.date(2014, 1, 1), datetime.date(2014, 12, 31), True)
    """

    text: str
    lower: dt.date | None
    upper: dt.date | None
    precision: DatePrecision
    approximate: bool = False
    uncertain: bool = False

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.text, str) or not self.text or len(self.text) > _MAX_TEXT:
            raise DataError(f"an EDTF date is a short text, not {self.text!r}", field="text")
        for name in ("lower", "upper"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, dt.datetime) or not isinstance(value, dt.date)):
                raise DataError(f"must be a datetime.date or None, not {value!r}", field=name)
        if not isinstance(self.precision, DatePrecision):
            raise DataError(f"must be a DatePrecision, not {self.precision!r}", field="precision")
        for name in ("approximate", "uncertain"):
            if not isinstance(getattr(self, name), bool):
                raise DataError(f"must be True or False, not {getattr(self, name)!r}", field=name)
        if self.lower is not None and self.upper is not None and self.upper < self.lower:
            raise DataError(f"{self.text!r} ends ({self.upper}) before it starts ({self.lower})",
                            field="text")
        if self.lower is None and self.upper is None:
            raise DataError(f"{self.text!r} is open at both ends: it dates nothing", field="text")
        # The text is what is shown, written and read back; the bounds are what answers
        # questions. A value whose two disagree would answer a question about 2015 for 1990.
        read = _reading(self.text)
        given = (self.lower, self.upper, self.precision, self.approximate, self.uncertain)
        if given != read:
            raise DataError(
                f"the bounds, precision and flags {_shown(given)} are not what the EDTF text "
                f"{self.text!r} means, {_shown(read)}; build dates with When.parse(text)",
                field="text")

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        # The fields follow from the text: the parse call is the short, valid constructor.
        return f"When.parse({self.text!r})"

    # ----------------------------------------------------------------- making
    @classmethod
    def parse(cls, text: str) -> When:
        """Read an EDTF text with the ``edtf`` package (data files; any level-1 form).

        Raises:
            DataError: ``text`` is not EDTF, or not a date nkasylum can use (a time of
                day, a season, a set of dates).
        """
        if not isinstance(text, str):
            raise DataError(f"a date is an EDTF string such as \"2014\" or \"2004-07\", not {text!r}")
        if not text or len(text) > _MAX_TEXT:
            raise DataError(f"an EDTF date is a short text, not {text!r}")
        return cls(text, *_reading(text))

    @classmethod
    def day(cls, value: dt.date) -> When:
        """A single known day."""
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise ArgumentTypeError(f"When.day takes a datetime.date, not {value!r}")
        return cls(value.isoformat(), value, value, DatePrecision.DAY)

    @classmethod
    def year(cls, value: int) -> When:
        """A whole calendar year."""
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 9999:
            raise ArgumentTypeError(f"a year is an int from 1 to 9999, not {value!r}")
        return cls(f"{value:04d}", dt.date(value, 1, 1), dt.date(value, 12, 31), DatePrecision.YEAR)

    @classmethod
    def between(cls, lower: dt.date | None, upper: dt.date | None) -> When:
        """The days from ``lower`` to ``upper`` (``None``: open), as an EDTF interval."""
        if lower is not None and lower == upper:
            return cls.day(lower)
        left = lower.isoformat() if lower is not None else ".."
        right = upper.isoformat() if upper is not None else ".."
        return cls(f"{left}/{right}", lower, upper, DatePrecision.DAY)

    # --------------------------------------------------------------- reading
    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` lies within the span (an open end reaches without limit)."""
        return (self.lower is None or self.lower <= day) and (self.upper is None or day <= self.upper)

    @property
    def start(self) -> dt.date:
        """The earliest day (``date.min`` for an open start)."""
        return self.lower if self.lower is not None else dt.date.min

    @property
    def end(self) -> dt.date:
        """The latest day (``date.max`` for an open end)."""
        return self.upper if self.upper is not None else dt.date.max

    @property
    def is_interval(self) -> bool:
        """Whether the text is an interval (``a/b``) rather than one date."""
        return "/" in self.text


# ------------------------------------------------------------------ parsing
_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


_DECADE = re.compile(r"^([0-9]{3})X$")


def _one(text: str) -> tuple[dt.date, dt.date, DatePrecision] | None:
    decade = _DECADE.match(text)
    if decade is not None:
        first = int(decade.group(1)) * 10
        if first == 0:
            return None
        return dt.date(first, 1, 1), dt.date(first + 9, 12, 31), DatePrecision.DECADE
    m = _DATE.match(text)
    if m is None:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31), DatePrecision.YEAR
        mon = int(month)
        if day is None:
            start = dt.date(year, mon, 1)
            return start, _month_end(start), DatePrecision.MONTH
        d = dt.date(year, mon, int(day))
    except ValueError:
        raise DataError(f"{text!r} is not a calendar date") from None
    return d, d, DatePrecision.DAY


def _month_end(first: dt.date) -> dt.date:
    # Not calendar.monthrange: importing calendar (and locale with it) costs a cold start
    # more than the data's every month-precision date.
    if first.month == 12:
        return dt.date(first.year, 12, 31)
    return dt.date(first.year, first.month + 1, 1) - dt.timedelta(days=1)


_Reading = tuple[dt.date | None, dt.date | None, DatePrecision, bool, bool]

_READ: dict[str, _Reading] = {}
"""Texts already read (When checks its text on every construction, and the same few
hundred dates recur); emptied past :data:`_READ_LIMIT` texts."""
_READ_LIMIT = 16384


def _reading(text: str) -> _Reading:
    """What an EDTF text means: its bounds, precision and flags (the simple forms without
    the ``edtf`` package, any other level-1 form with it).

    Raises:
        DataError: not an EDTF date nkasylum uses.
    """
    found = _READ.get(text)
    if found is None:
        if not text.isascii():
            # int() and \d read Arabic-Indic or fullwidth digits; EDTF is ASCII.
            raise DataError(f"{text!r} is not an EDTF date: EDTF is written in ASCII (digits 0-9)")
        found = _simple(text)
        if found is None:
            found = _parse_edtf(text)
        if len(_READ) >= _READ_LIMIT:
            _READ.clear()
        _READ[text] = found
    return found


def _shown(reading: _Reading) -> str:
    lower, upper, precision, approximate, uncertain = reading
    flags = "".join(f", {n}" for n, on in (("approximate", approximate), ("uncertain", uncertain)) if on)
    return f"({lower or '..'} to {upper or '..'}, {precision.value}{flags})"


def _simple(text: str) -> _Reading | None:
    """The common forms without the ``edtf`` package: ``YYYY[-MM[-DD]]`` or a decade
    ``YYYX``, an interval of them (either end may be ``..``), each optionally followed by
    ``~``, ``?`` or ``%``."""
    parts = text.split("/")
    if len(parts) > 2:
        return None
    bounds: list[tuple[dt.date, dt.date, DatePrecision] | None] = []
    approximate = uncertain = False
    for part in parts:
        if part == ".." and len(parts) == 2:
            bounds.append(None)
            continue
        core = part
        if core[-1:] in ("~", "?", "%"):
            approximate = approximate or core[-1] in "~%"
            uncertain = uncertain or core[-1] in "?%"
            core = core[:-1]
        found = _one(core)
        if found is None:
            return None
        bounds.append(found)
    if len(bounds) == 1:
        only = bounds[0]
        assert only is not None
        return _checked(text, only[0], only[1], only[2], approximate, uncertain)
    first, last = bounds
    if first is None and last is None:
        return None
    precision = max((b[2] for b in bounds if b is not None), key=_ORDER.__getitem__)
    return _checked(text, first[0] if first else None, last[1] if last else None, precision,
                    approximate, uncertain)


def _checked(text: str, lower: dt.date | None, upper: dt.date | None, precision: DatePrecision,
             approximate: bool, uncertain: bool) -> _Reading:
    if lower is not None and upper is not None and upper < lower:
        raise DataError(f"{text!r} ends before it starts")
    return lower, upper, precision, approximate, uncertain


def _parse_edtf(text: str) -> _Reading:
    try:
        import edtf  # lazy: costly (about 0.1 s to import); data loading only
    except ImportError:  # pragma: no cover - edtf is a run-time dependency
        raise DataError(f"reading the EDTF date {text!r} needs the edtf package") from None
    try:
        parsed: Any = edtf.parse_edtf(text)
    except Exception as err:  # edtf raises its own EDTFParseException and others
        raise DataError(f"{text!r} is not an EDTF date ({type(err).__name__}); write e.g. "
                        "\"2014\", \"2004-07\", \"2002-09-11\", \"2002-03/2004-06\", \"2009~\" "
                        "or \"../2016-02\"") from None
    kind = type(parsed).__name__
    if kind not in ("Date", "Interval", "Level1Interval", "UncertainOrApproximate", "Unspecified"):
        raise DataError(f"{text!r} is EDTF ({kind}) but not a date or period nkasylum uses")
    lower, upper = _bound(parsed.lower_strict()), _bound(parsed.upper_strict())
    # EDTF's unknown end ("2004/") or start ("/2004"): the edtf package puts it ten years
    # away, a span no source gave. Unknown is not documented: the side stays open, as "..".
    sides = text.split("/")
    if len(sides) == 2:
        if sides[0] == "":
            lower = None
        if sides[1] == "":
            upper = None
    if lower is None and upper is None:
        raise DataError(f"{text!r} is open at both ends: it dates nothing")
    if lower is not None and upper is not None and upper < lower:
        raise DataError(f"{text!r} ends before it starts")
    return (lower, upper, _precision_of(text), "~" in text or "%" in text,
            "?" in text or "%" in text)


def _bound(value: Any) -> dt.date | None:
    try:
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    except (AttributeError, ValueError):  # edtf gives +/-inf for an open end
        return None


def _precision_of(text: str) -> DatePrecision:
    found = DatePrecision.DAY
    for part in text.split("/"):
        core = part.strip("~?%")
        if core in ("..", ""):  # an open or unknown side has no precision of its own
            continue
        if "X" in core[:4] or "x" in core[:4]:
            p = DatePrecision.DECADE
        elif re.fullmatch(r"-?[0-9]{4}", core) or re.fullmatch(r"-?[0-9]{4}-XX(?:-[0-9X]{2})?", core):
            p = DatePrecision.YEAR  # 2004-XX: some month of 2004
        elif re.fullmatch(r"-?[0-9]{4}-[0-9]{2}(?:-XX)?", core):
            p = DatePrecision.MONTH
        else:
            p = DatePrecision.DAY
        if _ORDER[p] > _ORDER[found]:
            found = p
    return found


def when(value: When | dt.date | int | str) -> When:
    """Coerce a query's ``on=`` value: a :class:`When`, a date, a year or an EDTF text.

    Raises:
        ArgumentTypeError: anything else, or a text that is not a date; a ``datetime`` is
            refused (cut it to ``value.date()`` in the time zone you mean).
    """
    if isinstance(value, When):
        return value
    if isinstance(value, dt.datetime):
        raise ArgumentTypeError(
            f"on= takes a datetime.date, not a datetime ({value!r}); pass on=value.date() "
            "for the calendar day you mean")
    if isinstance(value, dt.date):
        return When.day(value)
    if isinstance(value, bool):
        raise ArgumentTypeError(f"on= takes a date, a year or an EDTF text, not {value!r}")
    if isinstance(value, int):
        if not 1 <= value <= 9999:
            raise ArgumentTypeError(f"on= year must be from 1 to 9999, not {value}")
        return When.year(value)
    if isinstance(value, str):
        return parse_query(value)
    raise ArgumentTypeError(
        f"on= takes a datetime.date, an int year, an EDTF text such as \"2015\" or "
        f"\"2015-07/2016-06\", or None, not {type(value).__name__}: {value!r}")


def parse_query(text: str) -> When:
    """Read an EDTF text given as ``on=``: a year, month or day, or an interval of them.

    Raises:
        ArgumentTypeError: not one of those forms (with the forms it accepts).
    """
    if len(text) > _MAX_TEXT:
        raise ArgumentTypeError(f"on= text is too long ({len(text)} characters) for a date")
    try:
        found = _simple(text.strip()) if text.isascii() else None
    except DataError as err:
        raise ArgumentTypeError(f"on= {text!r}: {err.message}") from None
    if found is None:
        raise ArgumentTypeError(
            f"on= {text!r} is not a date nkasylum reads: give a year (\"2015\"), a month "
            "(\"2015-07\"), a day (\"2015-07-01\") or an interval of them (\"2015/2017\", "
            "\"2015-07/..\")")
    return When(text.strip(), *found)
