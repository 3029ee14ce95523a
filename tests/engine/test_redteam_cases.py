"""The December 2026 red-team pass, case windows (N7): open-start dates, inverted ranges, order."""

from __future__ import annotations

import datetime as dt

import nkasylum as nk
from nkasylum.engine.queries import known_span

D = dt.date


def test_n7_until_keeps_no_case_reported_later() -> None:
    """`../2018-06-04` happened on or before 2018-06-04: not before 1900."""
    assert nk.cases(until=D(1900, 1, 1)) == ()
    for c in nk.cases(until=D(2000, 12, 31)):
        assert c.date is not None and known_span(c.date)[0] <= D(2000, 12, 31)


def test_n7_an_open_start_case_is_kept_only_by_a_window_it_surely_falls_in() -> None:
    # "../2002-09-11" is some day up to 11 September 2002: it may fall in a window holding
    # that day (possible=True keeps it), never surely, and no longer "since the beginning of time"
    open_start = [c for c in nk.cases() if c.date is not None and c.date.lower is None]
    assert open_start
    c = open_start[0]
    day = c.date.upper  # type: ignore[union-attr]
    assert c not in nk.cases(since=day, until=day)
    assert c in nk.cases(since=day, until=day, possible=True)
    assert c not in nk.cases(until=day - dt.timedelta(days=1))
    assert nk.cases(until=D(1900, 1, 1)) == ()  # the report's 15 cases from 2002-2018


def test_n7_an_inverted_range_holds_no_case() -> None:
    assert nk.cases(since=D(2010, 1, 1), until=D(2000, 1, 1)) == ()
    # not even a case that may fall in it: its span reaches over both ends (found by the
    # re-check's fuzzing: 28 cases for since 2008-05-03, until 2000-12-20)
    assert nk.cases(since=D(2008, 5, 3), until=D(2000, 12, 20), possible=True) == ()
    assert nk.cases(since=2016, until="../2003", possible=True) == ()


def test_n7_oldest_first_orders_open_start_dates_by_their_known_day() -> None:
    days = [known_span(c.date) for c in nk.cases() if c.date is not None]
    assert days == sorted(days)
    undated = [c.date is None for c in nk.cases()]
    assert undated == sorted(undated)  # undated last


def test_n7_the_cli_until_agrees(capsys: object) -> None:
    from nkasylum.io.cli import main

    assert main(["--json", "cases", "--until", "1900-01-01"]) == 0
    out, _ = capsys.readouterr()  # type: ignore[attr-defined]
    assert nk.from_json(out, tuple[nk.Case, ...]) == ()
