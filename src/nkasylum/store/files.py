"""Reading and validating a data folder's TOML files into entries.

Layout of a data folder (the bundled one is ``nkasylum/data``)::

    sources/*.toml      [[source]] tables
    countries/*.toml    [[policy]] and [[passage]] tables, one file per country or region
    cases/*.toml        [[case]] tables
    statistics/*.toml   [[statistic]] tables
    conflicts/*.toml    [[conflict]] tables

Keys equal attribute names. Every file ends with an empty ``[end]`` table on its last line
(see :func:`nkasylum.core.resources.parse_data_toml`). Every problem is a :class:`~nkasylum.DataError` naming the
file, the entry and the field. What no single entry can check (unique ids across files,
known source ids, conflicts naming entries, statements that do not contradict each other)
is checked when a knowledge base is built from the entries (:mod:`nkasylum.engine.index`).
"""

from __future__ import annotations

from typing import Any

from nkasylum.core.errors import DataError
from nkasylum.core.periods import Basis, today
from nkasylum.core.resources import parse_data_toml
from nkasylum.core.text import prose_key
from nkasylum.core.when import When
from nkasylum.model.cases import Case
from nkasylum.model.conflicts import Conflict
from nkasylum.model.passages import Passage
from nkasylum.model.policies import Policy
from nkasylum.model.sources import Source
from nkasylum.model.statistics import Statistic
from nkasylum.store.convert import structure

__all__ = ["LAYOUT", "TABLES", "Entries", "entries", "from_toml"]

# folder -> {table name -> type}
LAYOUT: dict[str, dict[str, type[Any]]] = {
    "sources": {"source": Source},
    "countries": {"policy": Policy, "passage": Passage},
    "cases": {"case": Case},
    "statistics": {"statistic": Statistic},
    "conflicts": {"conflict": Conflict},
}
TABLES: dict[str, type[Any]] = {name: kind for tables in LAYOUT.values() for name, kind in tables.items()}
"""Every table name of the data files, with the type of its entries."""


class Entries:
    """Every entry of a data folder, each validated on its own, with the file it came from.

    A plain slotted class: internal, and a NamedTuple or an attrs class costs import time.
    """

    __slots__ = ("cases", "conflicts", "files", "passages", "policies", "sources", "statistics")

    def __init__(self, sources: tuple[Source, ...], policies: tuple[Policy, ...],
                 passages: tuple[Passage, ...], cases: tuple[Case, ...],
                 statistics: tuple[Statistic, ...], conflicts: tuple[Conflict, ...],
                 files: dict[str, str]) -> None:
        self.sources = sources
        self.policies = policies
        self.passages = passages
        self.cases = cases
        self.statistics = statistics
        self.conflicts = conflicts
        self.files = files
        """Entry id -> the file (``countries/ru.toml``) it was read from."""

    def by_table(self) -> dict[str, tuple[Any, ...]]:
        """The entries keyed by their table name (``source``, ``policy``...)."""
        return {"source": self.sources, "policy": self.policies, "passage": self.passages,
                "case": self.cases, "statistic": self.statistics, "conflict": self.conflicts}


def entries(found: dict[str, list[Any]], files: dict[str, str]) -> Entries:
    """Entries from lists keyed by table name."""
    return Entries(tuple(found["source"]), tuple(found["policy"]), tuple(found["passage"]),
                   tuple(found["case"]), tuple(found["statistic"]), tuple(found["conflict"]), files)


def _dated_by_evidence(value: Policy | Passage, raw: dict[str, Any], label: str, entry: str) -> None:
    """An observation in a data file is dated by its evidence (its sightings), never by dates
    of its own: those would claim more than was seen."""
    if value.basis is Basis.OBSERVATION:
        for name in ("valid_from", "valid_until", "undated"):
            if name in raw:
                raise DataError(
                    f"an observation is dated by its evidence (each sighting's `happened`, or "
                    f"its source's publication date), not by {name}; drop {name}, or make it "
                    "basis = \"rule\" if the words give when it took effect",
                    file=label, entry=entry, field=name)


def from_toml(files: list[tuple[str, str, bytes]]) -> Entries:
    """Parse, structure (through cattrs) and validate every data file (see
    :func:`nkasylum.core.resources.data_files` for the argument).

    Raises:
        DataError: every problem found, each naming its file, entry and field (see
            :meth:`nkasylum.DataError.collect`): a file that does not parse is one problem,
            an entry that does not validate is one, and the other files and entries are
            still read, so one run shows every fix to make.
    """
    found: dict[str, list[Any]] = {name: [] for name in TABLES}
    origin: dict[str, str] = {}
    problems: list[DataError] = []
    for sub, file_name, raw_bytes in files:
        try:
            _read_file(sub, file_name, raw_bytes, found, origin, problems)
        except DataError as err:  # the file as a whole: not UTF-8, not TOML, unknown tables
            problems.append(err)
    if not problems:
        _check_quoted(found, origin, problems)
    if problems:
        raise DataError.collect(problems)
    return entries(found, origin)


def _read_file(sub: str, file_name: str, raw_bytes: bytes, found: dict[str, list[Any]],
               origin: dict[str, str], problems: list[DataError]) -> None:
    """Read one data file's entries into ``found``; a bad entry goes to ``problems`` and
    the next is read; a file that cannot be read at all raises."""
    tables = LAYOUT[sub]
    label = f"{sub}/{file_name}"
    try:
        text = raw_bytes.decode("utf-8")
    except UnicodeDecodeError as err:
        raise DataError(f"not UTF-8 text: {err}", file=label) from None
    data = parse_data_toml(text, label)
    extra = sorted(set(data) - set(tables))
    if extra:
        raise DataError(
            f"unknown table(s) {', '.join(extra)}; files in {sub}/ hold "
            f"{', '.join('[[' + t + ']]' for t in tables)}",
            file=label,
        )
    for table, kind in tables.items():
        rows = data.get(table, [])
        if not isinstance(rows, list):
            problems.append(DataError(f"[{table}] must be an array of tables, written [[{table}]]",
                                      file=label))
            continue
        for position, raw in enumerate(rows, 1):
            ident = raw.get("id") if isinstance(raw, dict) else None
            entry = f"{table} {ident!r}" if ident else f"{table} #{position}"
            try:
                value = structure(raw, kind, where=label)
                if isinstance(value, (Policy, Passage)):
                    _dated_by_evidence(value, raw, label, entry)
            except DataError as err:
                problems.append(DataError(err.message, file=label, entry=entry, field=err.field)
                                if err.file is None else err)
                continue
            if value.id in origin:
                problems.append(DataError(f"id {value.id!r} is already used in {origin[value.id]}",
                                          file=label, entry=entry, field="id"))
                continue
            problems.extend(_not_yet(value, label, entry))
            origin[value.id] = label
            found[table].append(value)


def _not_yet(value: Any, label: str, entry: str) -> list[DataError]:
    """A date that starts after today (a report published in 2999, a typo such as 2204 for
    2024): what has been published or has happened lies in the past. It would otherwise
    count as seen for centuries ahead and date the data "evidence to 2999"."""
    now = today()
    dates: list[tuple[str, When | None]] = [
        (name, getattr(value, name)) for name in ("published", "date", "as_of") if hasattr(value, name)]
    dates += [(f"evidence[{i}].happened", ev.happened) for i, ev in enumerate(getattr(value, "evidence", ()))]
    return [DataError(f"{when} starts after today ({now}): a source is published, and what it reports "
                      "happened, on or before the day the data is read; check the year", file=label,
                      entry=entry, field=name)
            for name, when in dates if isinstance(when, When) and when.lower is not None and when.lower > now]


def _check_quoted(found: dict[str, list[Any]], origin: dict[str, str], problems: list[DataError]) -> None:
    """Every evidence anchor stands in its source's quoted words, and every quote holds an
    anchor: the data carries the sentences it is cited for, and no others. (An unknown
    source id is named when the knowledge base is built.)"""
    sources: dict[str, Source] = {s.id: s for s in found["source"]}
    used: dict[str, set[int]] = {s: set() for s in sources}
    for table in ("policy", "passage", "case", "statistic", "conflict"):
        for entry in found[table]:
            for i, ev in enumerate(entry.evidence):
                source = sources.get(ev.source)
                if source is None:
                    continue
                key = prose_key(ev.anchor)
                hits = [n for n, q in enumerate(source.quotes) if key in prose_key(q)]
                if not hits:
                    problems.append(DataError(
                        f"anchor {ev.anchor!r} stands in none of the quotes of source "
                        f"{source.id!r} ({origin[source.id]}); add the sentence it stands in, "
                        "verbatim, to that source's quotes", file=origin[entry.id],
                        entry=f"{table} {entry.id!r}", field=f"evidence[{i}].anchor"))
                used[source.id].update(hits)
    for sid, source in sources.items():
        for n in range(len(source.quotes)):
            if n not in used[sid]:
                problems.append(DataError(
                    "this quote holds no evidence anchor: a source carries only the words it "
                    "is cited for (cite it, or drop the quote)", file=origin[sid],
                    entry=f"source {sid!r}", field=f"quotes[{n}]"))
