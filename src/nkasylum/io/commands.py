"""What each command of the ``nkasylum`` command line prints (see :mod:`nkasylum.io.cli`).

Each command takes the parsed arguments and a text stream, writes its table (or, with
``--json``, the JSON of :func:`nkasylum.to_json`) into it, and returns the exit status. The
words used for time (seen, between sightings, rule in force, carried forward, last known,
undated) are those of :class:`nkasylum.Support` and the "Time and evidence" page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

import attrs

from nkasylum.core.countries import country
from nkasylum.core.errors import ArgumentTypeError
from nkasylum.core.places import place, place_code
from nkasylum.core.text import asked_phrase, date_words, days, plural
from nkasylum.engine.knowledge import default_knowledge_base
from nkasylum.io.interop import write_csv
from nkasylum.io.reports import WriteError, coverage_command, measures_command, panel_export, table
from nkasylum.io.serialize import to_json
from nkasylum.io.writing import write_files
from nkasylum.model.assessment import Assessment
from nkasylum.model.citation import bibtex
from nkasylum.model.display import people
from nkasylum.model.routes import Leg

__all__ = ["COMMANDS", "WriteError"]

_ANY_ROUTE = {"any", "-"}


# --------------------------------------------------------------------- output
def _emit_json(value: object, out: TextIO) -> None:
    print(to_json(value), file=out)


def _yes_no(value: bool | None) -> str:
    return "undocumented" if value is None else ("yes" if value else "no")


def _wrap(text: str, out: TextIO, indent: str = "") -> None:
    for line in textwrap.wrap(" ".join(text.split()), width=88, initial_indent=indent, break_on_hyphens=False,
                              subsequent_indent=indent + "  " if indent else "  "):
        print(line, file=out)


def _horizon(horizon: dt.timedelta | None) -> str:
    return ("observations are not carried forward past their last sighting" if horizon is None
            else f"observations carried forward up to {days(horizon)} (--horizon)")


def _sources(evidence: Sequence[object]) -> str:
    return ", ".join(dict.fromkeys(getattr(e, "source", "") for e in evidence)) or "none"


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
    table(("field", "value"), rows, out, widest=80)
    return 0


def _cite(args: argparse.Namespace, ids: Sequence[str], out: TextIO) -> bool:
    """With ``--cite``, print the BibTeX of the sources ``ids`` (and the library); say whether it did."""
    if not args.cite:
        return False
    if args.json:
        raise ArgumentTypeError("--cite prints BibTeX and --json prints JSON: give one of them")
    kb = default_knowledge_base()
    print(bibtex((kb.source(i) for i in ids), kb.data_version), end="", file=out)
    return True


def _policy(args: argparse.Namespace, out: TextIO) -> int:
    answer = default_knowledge_base().policy_answer(args.country, on=args.on or dt.date.today(),
                                                    horizon=args.horizon, max_gap=args.max_gap)
    earlier = answer.last_known.evidence if answer.last_known is not None and not answer else ()
    if _cite(args, sorted({e.source for e in (*answer.evidence, *earlier)}), out):
        return 0
    if args.json:
        _emit_json(answer, out)
        return 0
    # str() of the answer is this command's text (notebooks and print() show the same)
    print(answer, file=out)
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
    table(("period", "basis", "repatriates", "admits", "id"), rows, out, widest=70)
    return 0


def _cases(args: argparse.Namespace, out: TextIO) -> int:
    found = default_knowledge_base().cases(country=args.country, since=args.since, until=args.until,
                                           outcome=args.outcome, possible=args.possible)
    if args.json:
        _emit_json(found, out)
        return 0
    rows = [(date_words(c.date), place_code(c.place), people(c.people), c.outcome.value, c.id) for c in found]
    table(("date", "place", "people", "outcome", "id"), rows, out)
    print(plural(len(found), "case"), file=out)
    return 0


def _routes(args: argparse.Namespace, out: TextIO) -> int:
    on = args.on or dt.date.today()
    found = default_knowledge_base().routes(args.origin, args.dest, on=on, max_transits=args.max_transits,
                                            horizon=args.horizon, last_known=args.last_known,
                                            max_gap=args.max_gap, via=args.via, exact=args.exact)
    if args.json:
        _emit_json(found, out)
        return 0
    if not found:
        print(f"No documented route on {on} (undocumented is not impossible).", file=out)
        return 0
    rows = [(i, str(r), " / ".join(dict.fromkeys(leg.channel.value for leg in r.legs if leg.channel)))
            for i, r in enumerate(found, 1)]
    table(("#", "route", "channels"), rows, out, widest=80)
    if args.horizon is not None:
        print(_horizon(args.horizon), file=out)
    return 0


def _leg_text(leg: Leg | None) -> str:
    return "—" if leg is None else f"{place_code(leg.origin)} > {place_code(leg.dest)}"


def _assessment_support(a: Assessment, out: TextIO) -> None:
    """Support per leg: each statement the answer rests on, under the leg it decides."""
    legs: dict[str, str] = {}
    for step in a.steps:
        for b in step.backing:
            legs.setdefault(b.entry, _leg_text(step.leg))
    rows = [(legs.get(b.entry, "—"), b.entry, b.support.value,
             "—" if b.sighting is None else date_words(b.sighting), days(b.age)) for b in a.backing]
    if rows:
        print(f"support {asked_phrase(a.on, a.asked)}:", file=out)
        table(("leg", "statement", "support", "sighting", "age"), rows, out, widest=60)


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
    a = default_knowledge_base().can_resettle(origin, via, dest, on=args.on or dt.date.today(),
                                              horizon=args.horizon, max_gap=args.max_gap, exact=args.exact)
    if _cite(args, a.cited, out):
        return 0 if a else 1
    if args.json:
        _emit_json(a, out)
        return 0 if a else 1
    if not args.explain:
        print(str(a), file=out)
        return 0 if a else 1
    print(a.explain(), file=out)
    print(file=out)
    if a.route is not None:
        print(f"route: {a.route}", file=out)
    if a.alternatives:
        print("other documented routes: " + ", ".join(str(r) for r in a.alternatives), file=out)
    _assessment_support(a, out)
    print(f"sources: {_sources(a.evidence)}", file=out)
    print(f"newest evidence: {a.latest_evidence or 'undated'}", file=out)
    print(f"evidence age: {days(a.evidence_age)}", file=out)
    if not a:
        known = a.last_known
        if known is not None:
            _wrap(f"last known: {known.verdict.value} on {known.on}, {days(a.on - known.on)} before the "
                  f"date asked, by {known.route or 'no named route'} [{_sources(known.evidence)}]", out)
        else:
            print("last known: nothing earlier is documented either", file=out)
    print(_horizon(a.horizon), file=out)
    return 0 if a else 1


def _sources_command(args: argparse.Namespace, out: TextIO) -> int:
    found = default_knowledge_base().sources()
    if args.json:
        _emit_json(found, out)
        return 0
    rows = [(s.id, date_words(s.published), s.publisher or "—", s.title) for s in found]
    table(("id", "published", "publisher", "title"), rows, out, widest=50)
    return 0


def _series(args: argparse.Namespace, out: TextIO) -> int:
    if args.measure is None:
        return measures_command(out, args.json, args.country)
    kb = default_knowledge_base()
    found = kb.series(args.measure, country=args.country)  # an unknown measure: exit 2, close ones named
    if args.json:
        _emit_json(found, out)
        return 0
    if not found:
        measures = sorted({s.measure for s in kb.statistics() if s.year is not None})
        where = f" counted in {place(args.country)}" if args.country else ""
        print(f"No yearly figures for {args.measure!r}{where}. Measures with yearly figures: "
              f"{', '.join(measures) or 'none'}", file=out)
        return 0
    rows = [(p.year, p.value, ", ".join(p.disputed) or "", p.statistic) for p in found]
    table(("year", "value", "disputed", "statistic"), rows, out)
    return 0


def _conflicts(args: argparse.Namespace, out: TextIO) -> int:
    found = default_knowledge_base().conflicts()
    if args.json:
        _emit_json(found, out)
        return 0
    rows = [(c.id, c.subject, ", ".join(c.versions)) for c in found]
    table(("id", "subject", "versions"), rows, out)
    return 0


def _export(args: argparse.Namespace, out: TextIO) -> int:
    folder = Path(args.out)
    kb = default_knowledge_base()
    try:
        if args.panel:
            written = panel_export(args, folder)
        elif args.format == "csv":
            written = write_csv(folder, kb)
        else:
            folder.mkdir(parents=True, exist_ok=True)
            text = to_json(kb) + "\n"
            written = write_files([(folder / "knowledge-base.json", text)], folder=folder)
    except OSError as err:
        raise WriteError(f"cannot write to {folder}: {err.strerror or err}") from None
    if args.json:
        print(json.dumps([str(p) for p in written], indent=2), file=out)
    else:
        for p in written:
            print(p, file=out)
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "country": _country, "policy": _policy, "timeline": _timeline, "cases": _cases,
    "routes": _routes, "assess": _assess, "sources": _sources_command, "series": _series,
    "conflicts": _conflicts, "export": _export, "coverage": coverage_command,
}
"""Each command's function, by name."""
