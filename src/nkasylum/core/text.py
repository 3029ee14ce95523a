"""Text helpers: folding prose for comparison, counting words, suggesting close matches,
and the few phrases every rendering of an answer shares (ages in days, the date asked)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "`": "'", "´": "'"})
_WS = re.compile(r"\s+")


def shown(value: object, limit: int = 60) -> str:
    """``repr(value)`` for an error message, cut after ``limit`` characters so that a huge
    input is not echoed whole.

    Example:
        >>> from nkasylum.core.text import shown
        >>> shown("Atlantis"), shown("x" * 1000, limit=5), shown(b"KP" * 100, limit=6)
        ("'Atlantis'", "'xxxxx'... (1000 characters)", "b'KPKP... (203 characters)")
    """
    if isinstance(value, str):
        return repr(value) if len(value) <= limit else f"{value[:limit]!r}... ({len(value)} characters)"
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"


def prose_key(text: str) -> str:
    """Fold prose for verbatim comparison: quote marks and whitespace are normalised."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text).translate(_QUOTES)).strip()


def word_count(text: str) -> int:
    """Count words; a run of CJK characters counts one word per two characters."""
    if text.isascii():  # the common case, without a Python loop over characters
        return len(text.split())
    count = 0
    for token in text.split():
        cjk = sum(1 for ch in token if _is_cjk(ch))
        count += max(1, (cjk + 1) // 2 + (1 if len(token) > cjk else 0)) if cjk else 1
    return count


def _is_cjk(ch: str) -> bool:
    return "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af"


def did_you_mean(wrong: str, known: Iterable[str]) -> str:
    """``"; did you mean a, b?"`` naming up to three close matches, or ``""`` when none is close."""
    import difflib  # lazy: only error messages need it, and import time matters

    close = difflib.get_close_matches(wrong, list(known), n=3)
    return f"; did you mean {', '.join(close)}?" if close else ""


def days(age: dt.timedelta | None) -> str:
    """An age as answers word it: ``1 day``, ``1,462 days``, or ``—`` when there is none."""
    if age is None:
        return "—"
    return "1 day" if age.days == 1 else f"{age.days:,} days"


def asked_phrase(on: dt.date, asked: object) -> str:
    """The date asked as the answers word it: a day, or a period and its last day."""
    return f"at some time in {asked} (last on {on})" if asked is not None else f"on {on}"


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_END = re.compile(r"^(?P<year>\d{3}[\dX])(?:-(?P<month>\d\d)(?:-(?P<day>\d\d))?)?(?P<mark>[~?%]?)$")


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``1 person``, ``2 people``: a count and its noun, singular or plural as English wants.

    Example:
        >>> from nkasylum.core.text import plural
        >>> plural(1, "point"), plural(3, "point"), plural(1, "person", "people"), plural(1234, "case")
        ('1 point', '3 points', '1 person', '1,234 cases')
    """
    return f"{count:,} {noun if count == 1 else (many or noun + 's')}"


def _end_words(text: str) -> tuple[str, str] | None:
    """One end of an EDTF date in words, and its unit (year, month or day); None when unreadable."""
    m = _END.match(text)
    if m is None:
        return None
    year, month, day, mark = m["year"], m["month"], m["day"], m["mark"]
    if year.endswith("X"):
        words, unit = f"the {year[:3]}0s", "decade"
    elif day is not None and month is not None:
        words, unit = f"{int(day)} {_MONTHS[int(month) - 1]} {int(year)}", "day"
    elif month is not None and 1 <= int(month) <= 12:
        words, unit = f"{_MONTHS[int(month) - 1]} {int(year)}", "month"
    elif month is not None:
        return None  # an EDTF season (21-24): no words here
    else:
        words, unit = str(int(year)), "year"
    if mark in ("~", "%"):
        words = f"about {words}"
    if mark in ("?", "%"):
        words = f"{words} (uncertain)"
    return words, unit


def date_words(when: object) -> str:
    """A date in words for prose, never EDTF marks: ``27 July 2004``, ``2002-2004``,
    ``about 2009``, ``by 27 July 2004`` (an open start), ``from August 2023 on`` (an open
    end), ``June 2002 to 1 June 2004``; a ``datetime.date`` is a day, ``None`` is undated.

    A form it cannot put in words (a season) is left as it is written.

    Example:
        >>> import datetime as dt
        >>> from nkasylum.core.text import date_words
        >>> date_words("2004-07-27"), date_words("../2004-07-27"), date_words("2002/2004")
        ('27 July 2004', 'by 27 July 2004', '2002-2004')
        >>> date_words("2009~"), date_words("2023-08/.."), date_words("2002-06~/2004-06-01")
        ('about 2009', 'from August 2023 on', 'about June 2002 to 1 June 2004')
        >>> date_words("2024-01/2024-03"), date_words("2002-03-14/2002-03-16"), date_words("2002-03-14/2002-04-02")
        ('January-March 2024', '14-16 March 2002', '14 March to 2 April 2002')
        >>> date_words(dt.date(2024, 6, 1)), date_words(None)
        ('1 June 2024', 'undated')
    """
    if when is None:
        return "undated"
    if isinstance(when, dt.date):
        return f"{when.day} {_MONTHS[when.month - 1]} {when.year}"
    text = str(when)
    if "/" not in text:
        single = _end_words(text)
        return single[0] if single is not None else text
    left, _, right = text.partition("/")
    start = None if left in ("..", "") else _end_words(left)
    end = None if right in ("..", "") else _end_words(right)
    if (start is None and left not in ("..", "")) or (end is None and right not in ("..", "")):
        return text
    if start is None and end is not None:
        return f"by {end[0]}"
    if end is None and start is not None:
        return f"from {start[0]} on"
    assert start is not None and end is not None
    plain = not any(mark in text for mark in "~?%")
    if plain and start[1] == end[1] == "year":
        return f"{start[0]}-{end[0]}"
    if plain and start[1] == end[1] == "month" and left[:4] == right[:4]:
        return f"{start[0].split()[0]}-{end[0]}"
    if plain and start[1] == end[1] == "day" and left[:7] == right[:7]:
        return f"{start[0].split()[0]}-{end[0]}"  # 14-16 March 2002
    if plain and start[1] == end[1] == "day" and left[:4] == right[:4]:
        return f"{start[0].rsplit(' ', 1)[0]} to {end[0]}"  # 14 March to 2 April 2002
    return f"{start[0]} to {end[0]}"


def joined(items: Iterable[str], sep: str = "; ") -> str:
    """Sentences or phrases joined into one line: a closing full stop is dropped before the
    separator, so that ``"A treaty."`` and ``"A protocol."`` read ``A treaty; A protocol.``.

    Example:
        >>> from nkasylum.core.text import joined
        >>> joined(["A treaty.", "A protocol."]), joined([]), joined(["one"], ", ")
        ('A treaty; A protocol.', '', 'one')
    """
    parts = [" ".join(item.split()) for item in items]
    return sep.join([*(p.rstrip(".") if p.endswith(".") and not p.endswith("..") else p for p in parts[:-1]),
                     *parts[-1:]])


def fields_text(rows: Iterable[tuple[str, object]], width: int = 88) -> list[str]:
    """``name: value`` lines, names aligned, long values wrapped under their value, empty
    values (``None``, ``""``, ``()``) left out: how ``str()`` shows a value's fields."""
    import textwrap  # lazy: only text for people needs it

    kept = [(name, " ".join(str(value).split())) for name, value in rows if value not in (None, "", ())]
    if not kept:
        return []
    wide = max(len(name) for name, _ in kept) + 2
    lines: list[str] = []
    for name, value in kept:
        lines += textwrap.wrap(value, width=width, initial_indent=f"  {name + ':':<{wide}}",
                               subsequent_indent=" " * (wide + 2), break_on_hyphens=False,
                               break_long_words=False) or [f"  {name}:"]
    return lines


def wrapped(text: str, width: int = 88) -> list[str]:
    """A paragraph of prose folded to ``width`` columns (whitespace normalised)."""
    import textwrap  # lazy: only text for people needs it, and import time matters

    return textwrap.wrap(" ".join(text.split()), width=width, break_on_hyphens=False, break_long_words=False)
