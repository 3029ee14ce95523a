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
import json
import os
import re
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

import attrs

from nkasylum._version import __version__
from nkasylum.core.countries import country
from nkasylum.core.errors import ArgumentTypeError, NKAsylumError
from nkasylum.core.places import place, place_code
from nkasylum.engine.knowledge import default_knowledge_base
from nkasylum.io.interop import write_csv
from nkasylum.io.serialize import to_json

__all__ = ["build_parser", "main"]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_ANY_ROUTE = {"any", "-"}


def _date(text: str) -> dt.date:
    try:
        if not _DATE.fullmatch(text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, not {text!r}") from None


def _non_negative(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}")
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
    parser.add_argument("--version", action="version", version=f"nkasylum {__version__}")
    parser.add_argument("--json", action="store_true", help="print JSON (as nk.to_json) instead of tables")
    # Accept --json after the subcommand too; SUPPRESS keeps a top-level --json from being reset.
    common = _Parser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print JSON (as nk.to_json) instead of tables")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help, description=help, parents=[common])

    on_help = "the date asked about, YYYY-MM-DD (default: today)"
    p = command("country", "resolve a country name or code (e.g. DPRK, 408, 'South Korea')")
    p.add_argument("name", nargs="+", help="the name or code (several words are joined)")

    p = command("policy", "the policy of a country in force on a date")
    p.add_argument("country")
    p.add_argument("--on", type=_date, metavar="DATE", help=on_help)

    p = command("timeline", "a country's policies in time order")
    p.add_argument("country")

    p = command("cases", "documented cases, oldest first")
    p.add_argument("--country", help="a country the case involves")
    p.add_argument("--since", type=_date, metavar="DATE", help="cases on or after this date")
    p.add_argument("--until", type=_date, metavar="DATE", help="cases on or before this date")
    p.add_argument("--outcome", help="e.g. resettled, temporary-asylum, repatriated")

    p = command("routes", "documented routes from an origin to a destination, best first")
    p.add_argument("origin")
    p.add_argument("dest")
    p.add_argument("--on", type=_date, metavar="DATE", help=on_help)
    p.add_argument("--max-transits", type=_non_negative, default=3,
                   help="at most this many named transit countries (default 3)")

    p = command("assess", "is there a documented way from ORIGIN through VIA... to DEST? (exit 1 if not)")
    p.add_argument("places", nargs="+", metavar="PLACE",
                   help="ORIGIN VIA... DEST: one or more transit countries in order, or 'any' (or '-') "
                        "for any documented route")
    p.add_argument("--on", type=_date, metavar="DATE", help=on_help)

    command("sources", "every source the knowledge base cites")

    p = command("series", "yearly figures of one measure, e.g. arrivals-in-south-korea")
    p.add_argument("measure")
    p.add_argument("--country", help="only figures counted in this country")

    command("conflicts", "where sources disagree")

    p = command("export", "write the whole knowledge base to files")
    p.add_argument("--format", choices=("json", "csv"), default="json",
                   help="json: one knowledge-base.json; csv: one file per table (default json)")
    p.add_argument("--out", default=".", metavar="DIR", help="the folder to write into (default: .)")
    return parser


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
    prog = f"nkasylum {args.command}"
    try:
        code = _COMMANDS[args.command](args, out)
    except NKAsylumError as err:
        return _fail(prog, str(err), EXIT_BAD_INPUT)
    except _WriteError as err:
        return _fail(prog, str(err), EXIT_IO)
    except Exception:  # a bug: its traceback for the report, but never status 1 ("not documented")
        import traceback  # lazy: only a crash needs it, and the CLI starts on every call

        traceback.print_exc()
        return _fail(prog, "internal error (a bug in nkasylum): please report it with the traceback above",
                     EXIT_BUG)
    return _deliver(out.getvalue(), code, prog)


class _WriteError(Exception):
    """A file the command was asked to write could not be written (exit status 3)."""


def _fail(prog: str, message: str, code: int) -> int:
    """Report an error in one line on stderr; return ``code``."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # stderr itself may be gone
        print(f"{prog}: error: {' '.join(message.split())}", file=sys.stderr, flush=True)
    return code


def _deliver(text: str, code: int, prog: str) -> int:
    """Write the whole output to stdout; return ``code``, or the status of the failure."""
    stream = sys.stdout
    if stream is None:  # started with stdout closed
        return _fail(prog, "cannot write the output: standard output is closed", EXIT_IO)
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding, getattr(stream, "errors", None) or "strict")
    except UnicodeEncodeError as err:
        char = err.object[err.start]
        return _fail(prog, f"cannot write the output in the encoding of standard output ({encoding}): it "
                           f"holds {char!r} (U+{ord(char):04X}); set PYTHONIOENCODING=utf-8 or "
                           "PYTHONUTF8=1", EXIT_IO)
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:  # the reader is gone (`| head`): nothing to say, and no one to say it to
        _discard_stdout()
        return EXIT_CLOSED_PIPE
    except (OSError, ValueError) as err:  # a full disk, a closed stream
        _discard_stdout()
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        return _fail(prog, f"cannot write the output: {reason}", EXIT_IO)
    return code


def _discard_stdout() -> None:
    # What the failed write left in the stream's buffer would be written again when Python
    # exits, fail again and print a traceback; point the descriptor at the null device.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        finally:
            os.close(devnull)


# --------------------------------------------------------------------- output
def _emit_json(value: object, out: TextIO) -> None:
    print(to_json(value), file=out)


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]], out: TextIO, *,
           widest: int = 60) -> None:
    def fit(value: object) -> str:
        text = " ".join(("" if value is None else str(value)).split())
        return text if len(text) <= widest else text[: widest - 1] + "…"

    cells = [[fit(v) for v in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(), file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip(), file=out)


def _yes_no(value: bool | None) -> str:
    return "undocumented" if value is None else ("yes" if value else "no")


def _wrap(text: str, out: TextIO, indent: str = "") -> None:
    for line in textwrap.wrap(" ".join(text.split()), width=88, initial_indent=indent,
                              subsequent_indent=indent + "  " if indent else "  "):
        print(line, file=out)


# ------------------------------------------------------------------- commands
def _country(args: argparse.Namespace, out: TextIO) -> int:
    found = country(" ".join(args.name))
    if args.json:
        # to_json stores a country as its code; here the caller asked about the country itself.
        print(json.dumps(attrs.asdict(found), indent=2, sort_keys=True, ensure_ascii=False), file=out)
        return 0
    rows = [("name", found.name), ("alpha-2", found.alpha_2), ("alpha-3", found.alpha_3),
            ("numeric", found.numeric), ("ISO name", found.iso_name),
            ("official name", found.official_name or "—")]
    _table(("field", "value"), rows, out, widest=80)
    return 0


def _policy(args: argparse.Namespace, out: TextIO) -> int:
    day = args.on or dt.date.today()
    found = default_knowledge_base().policy(args.country, on=day)
    if args.json:
        _emit_json(found, out)
        return 0
    if found is None:
        print(f"No policy of {place(args.country)} is documented on {day} (undocumented, not 'none').", file=out)
        return 0
    print(f"{found.country}: policy in force on {day} ({found.period}, {found.basis.value})", file=out)
    print(f"id: {found.id}", file=out)
    _wrap(found.summary, out)
    print(file=out)
    rows = [("classification", ", ".join(c.value for c in found.classification) or "—"),
            ("repatriates", _yes_no(found.repatriates)), ("admits", _yes_no(found.admits)),
            ("grants", ", ".join(g.value for g in found.grants) or "—"),
            ("procedures", "; ".join(found.procedures) or "—"),
            ("sources", ", ".join(dict.fromkeys(e.source for e in found.evidence)))]
    _table(("field", "value"), rows, out, widest=80)
    return 0


def _timeline(args: argparse.Namespace, out: TextIO) -> int:
    found = default_knowledge_base().policy_timeline(args.country)
    if args.json:
        _emit_json(found, out)
        return 0
    if not found:
        print(f"No policy of {place(args.country)} is documented.", file=out)
        return 0
    rows = [(p.period, p.basis.value, _yes_no(p.repatriates), _yes_no(p.admits), p.id) for p in found]
    _table(("period", "basis", "repatriates", "admits", "id"), rows, out, widest=70)
    return 0


def _cases(args: argparse.Namespace, out: TextIO) -> int:
    found = default_knowledge_base().cases(country=args.country, since=args.since, until=args.until,
                                           outcome=args.outcome)
    if args.json:
        _emit_json(found, out)
        return 0
    rows = [(c.date or "undated", place_code(c.place),
             c.people, c.outcome.value, c.id) for c in found]
    _table(("date", "place", "people", "outcome", "id"), rows, out)
    print(f"{len(found)} case(s)", file=out)
    return 0


def _routes(args: argparse.Namespace, out: TextIO) -> int:
    day = args.on or dt.date.today()
    found = default_knowledge_base().routes(args.origin, args.dest, on=day, max_transits=args.max_transits)
    if args.json:
        _emit_json(found, out)
        return 0
    if not found:
        print(f"No documented route on {day} (undocumented is not impossible).", file=out)
        return 0
    rows = [(i, str(r), " / ".join(dict.fromkeys(leg.channel.value for leg in r.legs if leg.channel)))
            for i, r in enumerate(found, 1)]
    _table(("#", "route", "channels"), rows, out, widest=80)
    return 0


def _assess(args: argparse.Namespace, out: TextIO) -> int:
    places = list(args.places)
    if len(places) < 3:
        raise ArgumentTypeError(
            "assess takes ORIGIN, one or more transit countries (or 'any' for any route) and DEST, "
            f"e.g. 'nkasylum assess KP CN KR'; got {' '.join(places)!r}"
        )
    origin, middle, dest = places[0], places[1:-1], places[-1]
    via: list[str] | None = None if [m.lower() for m in middle] in (["any"], ["-"]) else middle
    if via is not None and any(m.lower() in _ANY_ROUTE for m in via):
        raise ArgumentTypeError("'any' stands alone between ORIGIN and DEST; it cannot be mixed with countries")
    a = default_knowledge_base().can_resettle(origin, via, dest, on=args.on or dt.date.today())
    if args.json:
        _emit_json(a, out)
    else:
        print(str(a), file=out)
        if a.route is not None:
            print(f"route: {a.route}", file=out)
        if a.alternatives:
            print("other documented routes: " + ", ".join(str(r) for r in a.alternatives), file=out)
        print("sources: " + (", ".join(dict.fromkeys(e.source for e in a.evidence)) or "none"), file=out)
        print(f"newest evidence: {a.latest_evidence or 'undated'}", file=out)
    return 0 if a else 1


def _sources(args: argparse.Namespace, out: TextIO) -> int:
    found = default_knowledge_base().sources()
    if args.json:
        _emit_json(found, out)
        return 0
    rows = [(s.id, s.published or "undated", s.publisher or "—", s.title) for s in found]
    _table(("id", "published", "publisher", "title"), rows, out, widest=50)
    return 0


def _series(args: argparse.Namespace, out: TextIO) -> int:
    kb = default_knowledge_base()
    found = kb.series(args.measure, country=args.country)
    if args.json:
        _emit_json(found, out)
        return 0
    if not found:
        measures = sorted({s.measure for s in kb.statistics() if s.year is not None})
        print(f"No yearly figures for {args.measure!r}. Measures with yearly figures: "
              f"{', '.join(measures) or 'none'}", file=out)
        return 0
    rows = [(p.year, p.value, ", ".join(p.disputed) or "", p.statistic) for p in found]
    _table(("year", "value", "disputed", "statistic"), rows, out)
    return 0


def _conflicts(args: argparse.Namespace, out: TextIO) -> int:
    found = default_knowledge_base().conflicts()
    if args.json:
        _emit_json(found, out)
        return 0
    rows = [(c.id, c.subject, ", ".join(c.versions)) for c in found]
    _table(("id", "subject", "versions"), rows, out)
    return 0


def _export(args: argparse.Namespace, out: TextIO) -> int:
    folder = Path(args.out)
    kb = default_knowledge_base()
    try:
        if args.format == "csv":
            written = write_csv(folder, kb)
        else:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / "knowledge-base.json"
            path.write_text(to_json(kb) + "\n", encoding="utf-8")
            written = [path]
    except OSError as err:
        raise _WriteError(f"cannot write to {folder}: {err.strerror or err}") from None
    if args.json:
        print(json.dumps([str(p) for p in written], indent=2), file=out)
    else:
        for p in written:
            print(p, file=out)
    return 0


_COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "country": _country, "policy": _policy, "timeline": _timeline, "cases": _cases,
    "routes": _routes, "assess": _assess, "sources": _sources, "series": _series,
    "conflicts": _conflicts, "export": _export,
}
