"""Text helpers: folding names and prose for comparison, counting words, suggesting close matches,
and the few phrases every rendering of an answer shares (ages in days, the date asked)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

_DROP = re.compile(r"[.'’‘`´]")
_SPACE = re.compile(r"[^\w]+", re.UNICODE)
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


def name_key(text: str) -> str:
    """Fold a name for matching: case, accents, dots, apostrophes and spacing are ignored."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = _DROP.sub("", folded)
    # Spacing and punctuation are ignored, not only collapsed: "N.Korea" is "N. Korea".
    return _SPACE.sub("", folded)


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
