"""The ``nkasylum`` command: ask the bundled knowledge base questions from a shell.

Run ``nkasylum --help`` (or ``python -m nkasylum --help``) for the commands. Output is a
readable table by default and, with ``--json``, the same JSON as :func:`nkasylum.to_json`.

The exit statuses and what reaches stderr are a contract, written once, in the section
"Exit status" of the CLI guide (``docs/how-to/cli.md``): 0 documented (or success), 1 not
documented, 2 bad input, 3 an I/O or encoding failure, 4 a bug; 141 when the reader
closes the pipe.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import os
import re
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from nkasylum._version import __version__
from nkasylum.core.errors import ArgumentTypeError, NKAsylumError
from nkasylum.core.when import When, parse_query
from nkasylum.engine.coverage import FIELDS
from nkasylum.engine.knowledge import default_knowledge_base
from nkasylum.io.commands import COMMANDS, WriteError
from nkasylum.io.datacheck import data_command

__all__ = ["build_parser", "main"]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _date(text: str) -> dt.date:
    try:
        if not _DATE.fullmatch(text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, not {text!r}") from None


def _on(text: str) -> dt.date | When:
    """``--on``: a day (a ``date``), or a year, a month or a period as EDTF (a ``When``)."""
    if _DATE.fullmatch(text):
        return _date(text)
    try:
        return parse_query(text)
    except ArgumentTypeError:
        raise argparse.ArgumentTypeError(
            f"expected a day as YYYY-MM-DD, a year (2015), a month (2015-07) or a period "
            f"(2015/2017, 2015-07/..), not {text!r}") from None


_DIGITS = re.compile(r"[0-9]+", re.ASCII)

# The longest horizon a datetime.timedelta holds; past it no answer changes anyway.
MAX_HORIZON_DAYS = dt.timedelta.max.days


def _horizon(text: str) -> dt.timedelta:
    days = _whole(text, "days")
    if days > MAX_HORIZON_DAYS:
        raise argparse.ArgumentTypeError(f"at most {MAX_HORIZON_DAYS} days, not {text}")
    return dt.timedelta(days=days)


def _max_transits(text: str) -> int:
    return _whole(text, "transit countries")  # the library names the range (0 to 8)


def _whole(text: str, what: str) -> int:
    """A whole number of ``what`` written in ASCII digits (``int`` also reads Arabic-Indic
    or fullwidth digits, which no other part of a command line means as a number)."""
    if not _DIGITS.fullmatch(text) or len(text) > 30:
        raise argparse.ArgumentTypeError(f"expected a whole number of {what} in digits 0-9, not {text!r}")
    return int(text)


# The exit statuses of the contract in docs/how-to/cli.md ("Exit status").
EXIT_BAD_INPUT = 2
EXIT_IO = 3
EXIT_BUG = 4
EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a writer whose reader left


class _UsageError(Exception):
    """A usage error found by argparse, to be reported in one line (not usage + error)."""

    def __init__(self, prog: str, message: str) -> None:
        super().__init__(message)
        self.prog = prog
        self.message = message


class _Parser(argparse.ArgumentParser):
    # argparse prints the usage and the error (two or three lines) and exits; the
    # contract is one line on stderr, written by main.
    def error(self, message: str) -> NoReturn:
        raise _UsageError(self.prog, message)


class _Version(argparse.Action):
    """``--version``: the library and the data version, which loads the data, so only when asked."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        print(f"nkasylum {__version__}, data {default_knowledge_base().data_version}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The command-line parser (exposed for documentation tools and tests).

    Example:
        >>> from nkasylum.io.cli import build_parser
        >>> args = build_parser().parse_args(["assess", "KP", "CN", "KR", "--on", "2002-09-11"])
        >>> args.command, args.places, args.on
        ('assess', ['KP', 'CN', 'KR'], datetime.date(2002, 9, 11))
    """
    parser = _Parser(
        prog="nkasylum",
        description="Ask nkasylum's cited, time-aware knowledge base how North Koreans can (and "
                    "cannot) reach protection.",
        epilog="Exit status: 0 success (for 'assess': documented); 1 'assess' found the way not "
               "documented; 2 bad input; 3 output or files could not be written (I/O or encoding); "
               "4 a bug in nkasylum; 141 the reader closed the pipe. Errors 2 and 3 are one line on "
               "stderr.",
    )
    parser.add_argument("--version", action=_Version, nargs=0,
                        help="print the library version and the data version, and exit")
    parser.add_argument("--json", action="store_true", help="print JSON (as nk.to_json) instead of tables")
    # Accept --json after the subcommand too; SUPPRESS keeps a top-level --json from being reset.
    common = _Parser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print JSON (as nk.to_json) instead of tables")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help, description=help, parents=[common])

    on_help = ("the date asked about: a day (2015-07-01), a year (2015), a month (2015-07) or a "
               "period (2015/2017), read as 'at some time in' it (default: today)")
    horizon_help = ("carry observations forward up to DAYS days after their last sighting "
                    "(default: not at all; answers that use it say 'carried forward')")
    gap_help = ("bridge only gaps of at most DAYS days between two sightings of a value "
                "(default: any gap; answers say each gap)")
    p = command("country", "resolve a country name or code (e.g. DPRK, 408, 'South Korea')")
    p.add_argument("name", nargs="+", help="the name or code (several words are joined)")

    cite_help = ("print BibTeX for the sources the answer rests on and for nkasylum with its data "
                 "version, instead of the answer (not with --json)")
    p = command("policy", "the policy of a country on a date, with the support of each statement")
    p.add_argument("country")
    p.add_argument("--on", type=_on, metavar="DATE", help=on_help)
    p.add_argument("--horizon", type=_horizon, metavar="DAYS", help=horizon_help)
    p.add_argument("--max-gap", type=_horizon, metavar="DAYS", help=gap_help)
    p.add_argument("--cite", action="store_true", help=cite_help)

    p = command("timeline", "a country's policies in time order")
    p.add_argument("country")

    p = command("cases", "documented cases, oldest first")
    p.add_argument("--country", help="a country the case involves")
    p.add_argument("--since", type=_on, metavar="DATE",
                   help="cases on or after this date (a day, a year, a month or an EDTF period)")
    p.add_argument("--until", type=_on, metavar="DATE",
                   help="cases on or before this date (a day, a year, a month or an EDTF period)")
    p.add_argument("--possible", action="store_true",
                   help="also cases whose date may fall in the window (e.g. 'at some time up to 2014-06')")
    p.add_argument("--outcome", help="e.g. resettled, temporary-asylum, repatriated")

    p = command("routes", "documented routes from an origin to a destination, best first")
    p.add_argument("origin")
    p.add_argument("dest")
    p.add_argument("--on", type=_on, metavar="DATE", help=on_help)
    p.add_argument("--horizon", type=_horizon, metavar="DAYS", help=horizon_help)
    p.add_argument("--max-gap", type=_horizon, metavar="DAYS", help=gap_help)
    p.add_argument("--max-transits", type=_max_transits, default=3,
                   help="at most this many named transit countries (default 3)")
    p.add_argument("--last-known", action="store_true",
                   help="when none is documented on the date, the routes last documented before it")
    p.add_argument("--via", action="append", metavar="PLACE",
                   help="only routes through this waypoint (repeat for several, in order; other stops allowed)")
    p.add_argument("--exact", action="store_true",
                   help="with --via: only the route of exactly those legs")

    p = command("assess", "is there a documented way from ORIGIN through VIA... to DEST? (exit 1 if not)")
    p.add_argument("places", nargs="+", metavar="PLACE",
                   help="ORIGIN VIA... DEST: one or more waypoints, passed through in that order "
                        "(other stops allowed), or 'any' (or '-') for any documented route")
    p.add_argument("--exact", action="store_true",
                   help="VIA... are the exact legs (ORIGIN > VIA... > DEST), not waypoints")
    p.add_argument("--explain", action="store_true",
                   help="the full explanation: every step in words, support per statement, undated "
                        "context (default: the short answer, one screen)")
    p.add_argument("--on", type=_on, metavar="DATE", help=on_help)
    p.add_argument("--horizon", type=_horizon, metavar="DAYS", help=horizon_help)
    p.add_argument("--max-gap", type=_horizon, metavar="DAYS", help=gap_help)
    p.add_argument("--cite", action="store_true", help=cite_help + "; the exit status is the answer's")

    command("sources", "every source the knowledge base cites")

    p = command("series", "yearly figures of one measure, e.g. arrivals-in-south-korea (none: list the measures)")
    p.add_argument("measure", nargs="?", help="the measure (leave out to list every measure with yearly figures)")
    p.add_argument("--country", help="only figures counted in this country")

    command("conflicts", "where sources disagree")

    p = command("data", "work on a data folder: 'nkasylum data check' after adding a fact")
    data = p.add_subparsers(dest="data_command", metavar="ACTION")
    data.required = True
    p = data.add_parser("check", parents=[common], help="validate, check anchors, rebuild the bundle",
                        description="Validate a data folder (errors name file, entry and field), check every "
                                    "anchor against the source documents, and rebuild its compiled bundle.")
    p.add_argument("folder", nargs="?", metavar="FOLDER",
                   help="the data folder (default: the bundled one, src/nkasylum/data in a checkout)")
    p.add_argument("--documents", metavar="DIR",
                   help="the documents folder holding seeds/ and sources/ (default: $NKASYLUM_DOCUMENTS, "
                        "else a shared/ folder beside or above FOLDER)")
    p.add_argument("--no-anchors", action="store_true",
                   help="skip checking the quotes against the documents (when you have none); anchors are "
                        "always checked against the quotes")

    p = command("coverage", "how each country's policy is supported on one day of each year, as a grid")
    _grid_options(p)
    p.add_argument("--field", choices=FIELDS,
                   help="read each cell for one policy field (e.g. repatriates, admits), not the whole policy")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help="table: a grid of letters (default); csv: one row per cell; json: as --json")

    p = command("export", "write the whole knowledge base, or the country-year panel, to files")
    p.add_argument("--format", choices=("json", "csv"), default=None,
                   help="json: one knowledge-base.json; csv: one file per table (default json)")
    p.add_argument("--out", default=".", metavar="DIR", help="the folder to write into (default: .)")
    p.add_argument("--panel", action="store_true",
                   help="write the country-year panel (panel.csv) instead; see --years, --countries, --day")
    _grid_options(p)
    return parser


def _grid_options(p: argparse.ArgumentParser) -> None:
    """The years, countries and day of a coverage grid or a panel."""
    p.add_argument("--years", metavar="YEARS", help="e.g. 2000-2025 (the default) or 2000,2005,2010")
    p.add_argument("--countries", metavar="CODES",
                   help="e.g. CN,RU,KR (default: the 17 countries the sources discuss)")
    p.add_argument("--day", "--at", dest="day", default="07-01", metavar="MM-DD",
                   help="the day asked in each year (default 07-01), or 'year': at some time in the whole year")
    p.add_argument("--max-gap", type=_horizon, metavar="DAYS",
                   help="bridge only gaps of at most DAYS days between two sightings of a value (default: any)")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status.

    The exit statuses and the one-line errors on stderr follow the contract in the CLI
    guide, section "Exit status" (``docs/how-to/cli.md``). The output is composed in full
    and then written to stdout in one piece, so a failure leaves stdout empty.

    Example:
        >>> from nkasylum.io.cli import main
        >>> main(["assess", "KP", "RU", "KR", "--on", "2009-12-23", "--json"]) == 0  # doctest: +ELLIPSIS
        {...
        True
    """
    parser = build_parser()
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):  # --help and --version print here
            args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except _UsageError as err:
        return _fail(err.prog, f"{err.message} (see '{err.prog} --help')", EXIT_BAD_INPUT)
    except SystemExit as exit_:  # --help and --version, printed into out
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else EXIT_BAD_INPUT)
        return _deliver(out.getvalue(), code, parser.prog)
    except Exception:  # an argument reader that failed in a way argparse does not catch: a bug
        return _crashed(parser.prog)
    prog = f"nkasylum {args.command}"
    try:
        code = {**COMMANDS, "data": data_command}[args.command](args, out)
    except NKAsylumError as err:
        return _fail(prog, str(err), EXIT_BAD_INPUT)
    except WriteError as err:
        return _fail(prog, str(err), EXIT_IO)
    except Exception:  # a bug: its traceback for the report, but never status 1 ("not documented")
        return _crashed(prog)
    return _deliver(out.getvalue(), code, prog)


def _crashed(prog: str) -> int:
    """Report a bug: its traceback for the report, and status 4, never 1 ("not documented")."""
    import traceback  # lazy: only a crash needs it, and the CLI starts on every call

    if sys.stderr is not None:
        traceback.print_exc()
    return _fail(prog, "internal error (a bug in nkasylum): please report it with the traceback above", EXIT_BUG)


def _fail(prog: str, message: str, code: int) -> int:
    """Report an error in one line on stderr; return ``code``.

    With stderr closed (``2>&-``) ``sys.stderr`` is ``None``, and ``print(file=None)`` would
    write to stdout, which a pipeline reads as data: then nothing is written at all.
    """
    stream = sys.stderr
    if stream is None:
        return code
    with contextlib.suppress(OSError, ValueError, AttributeError):  # stderr itself may be gone
        print(f"{prog}: error: {' '.join(message.split())}", file=stream, flush=True)
    return code


def _deliver(text: str, code: int, prog: str) -> int:
    """Write the whole output to stdout; return ``code``, or the status of the failure."""
    stream = sys.stdout
    if stream is None:  # started with stdout closed
        return _fail(prog, "cannot write the output: standard output is closed", EXIT_IO)
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        data = text.encode(encoding, getattr(stream, "errors", None) or "strict")
    except UnicodeEncodeError as err:
        char = err.object[err.start]
        return _fail(prog, f"cannot write the output in the encoding of standard output ({encoding}): it "
                           f"holds {char!r} (U+{ord(char):04X}); set PYTHONIOENCODING=utf-8 or "
                           "PYTHONUTF8=1", EXIT_IO)
    try:
        _write_all(stream, text, data)
    except BrokenPipeError:  # the reader is gone (`| head`): nothing to say, and no one to say it to
        _discard_stdout()
        return EXIT_CLOSED_PIPE
    except (OSError, ValueError) as err:  # a full disk, a closed stream
        _discard_stdout()
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        return _fail(prog, f"cannot write the output: {reason}", EXIT_IO)
    return code


def _write_all(stream: TextIO, text: str, data: bytes) -> None:
    """Write ``data`` to the stream's descriptor, checking every count written.

    A pipe whose reader leaves after the first 64 KiB takes a partial write; one
    ``write`` call would then report success with most of the output lost. Writing in a
    loop makes the next write fail with ``BrokenPipeError`` (status 141), as documented.
    """
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a test's StringIO)
        stream.write(text)
        stream.flush()
        return
    stream.flush()
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _discard_stdout() -> None:
    # What the failed write left in the stream's buffer would be written again when Python
    # exits, fail again and print a traceback; point the descriptor at the null device.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        finally:
            os.close(devnull)
