"""Bridges to the analysis stack: pandas data frames and networkx graphs.

Both are optional extras. They are imported inside the functions, so ``import nkasylum``
never imports them, and a missing one raises :class:`nkasylum.MissingExtraError` (an
``ImportError``) that names the extra to install::

    python -m pip install "nkasylum[pandas]"      # for nk.to_frames
    python -m pip install "nkasylum[networkx]"    # for nk.transit_graph
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from nkasylum.core.countries import Country
from nkasylum.core.periods import resolve_when
from nkasylum.core.places import place_code
from nkasylum.engine.knowledge import KnowledgeBase
from nkasylum.io.columns import (
    Spec,
    field_columns,
    frame,
    import_extra,
    knowledge_base,
    metadata_file,
    quantity_columns,
    stamped,
    table_file,
    when_columns,
)
from nkasylum.io.frames import coverage_table, series_table
from nkasylum.io.writing import write_files
from nkasylum.model.cases import Case
from nkasylum.model.conflicts import Conflict
from nkasylum.model.passages import Passage
from nkasylum.model.policies import Policy
from nkasylum.model.sources import Source
from nkasylum.model.statistics import Statistic

__all__ = ["FRAMES", "to_frames", "transit_graph", "write_csv"]

FRAMES = ("cases", "conflicts", "coverage", "evidence", "passages", "policies", "series", "sources",
          "statistics")
"""The names of the frames :func:`to_frames` returns, in order."""


# ----------------------------------------------------------------------- pandas
def to_frames(kb: KnowledgeBase | None = None) -> dict[str, Any]:
    """The knowledge base as tidy pandas DataFrames, one row per entry (needs the pandas extra).

    Returns a dict with the frames named in :data:`FRAMES`: ``policies``, ``passages``,
    ``cases``, ``statistics``, ``sources``, ``conflicts`` (one row per stored entry,
    sorted by ``id``), ``evidence`` (one row per piece of evidence, with the entry it
    supports, when its quoted words say the thing happened, ``happened``, and when its
    source reported it, ``published``), and two tables the library reasons out:
    ``series`` (one row per point of every yearly series, as :func:`nkasylum.series_frame`;
    a disputed year keeps one row per version, each with its conflicts and sources) and
    ``coverage`` (one row per cell of :func:`nkasylum.coverage` with its defaults: how
    each country's policy is supported on 1 July of each year). The dtypes are chosen
    for analysis:

    * dates are as precise as their sources: each is a ``string`` column of EDTF text
      (``"2014"``, ``"2004-07"``, ``"2002-03/2004-06"``; missing: ``<NA>``), with two
      ``datetime64[ns]`` columns beside it, ``*_lower`` and ``*_upper``, the earliest and
      latest days it can mean (an open end or a missing date: ``NaT``), so ``.dt``,
      resampling and comparisons work without pretending that "2014" means 1 January;
    * ISO codes, region ids, ids and texts are pandas ``string`` (missing: ``<NA>``),
      with a readable ``*_name`` column beside each place;
    * qualifiers, units, outcomes, channels, bases and kinds are ``category`` whose
      categories are every value of the enum, in the enum's order, whatever the data
      holds (so counts include zeros);
    * counts are nullable ``Int64`` and yes/no fields nullable ``boolean``: an unknown
      stays ``<NA>``, never 0 or False;
    * multi-valued fields (``classification``, ``grants``, ``conditions``...) hold
      tuples; use ``DataFrame.explode`` to get one row per value;
    * each frame's ``attrs`` records the library version and the data version
      (``nkasylum``, ``data_version``, ``data_fingerprint``, ``newest_evidence``).

    Args:
        kb: the knowledge base (default: the bundled one).

    Raises:
        MissingExtraError: pandas is not installed.
        ArgumentTypeError: ``kb`` is not a KnowledgeBase.
        DataError: a date outside what ``datetime64[ns]`` holds (1677 to 2262), or a
            number past what a 64-bit integer holds.

    Example:
        >>> import nkasylum as nk
        >>> frames = nk.to_frames()
        >>> cases = frames["cases"]
        >>> str(cases["date_lower"].dtype), str(cases["outcome"].dtype), str(cases["people_value"].dtype)
        ('datetime64[ns]', 'category', 'Int64')
        >>> cases.loc[cases["id"] == "cn-german-school-15-2002", "date"].item()
        '2002-09-11'
        >>> int(cases.loc[cases["id"] == "cn-german-school-15-2002", "people_value"].item())
        15
        >>> set(frames["evidence"]["entry_type"].cat.categories) >= {"policy", "case"}
        True
        >>> frames["coverage"].query("country == 'KR' and year == 2015")["support"].item()
        'rule in force'
    """
    kb = knowledge_base(kb)
    pd = import_extra("pandas", "nk.to_frames")
    return {name: stamped(frame(pd, rows, spec, name), kb) for name, (rows, spec) in _tables(kb).items()}


def write_csv(folder: str | Path, kb: KnowledgeBase | None = None) -> list[Path]:
    """Write the tables of :func:`to_frames` as CSV files into ``folder`` (no pandas needed).

    One file per frame (``cases.csv``, ``policies.csv``...) with the same columns, UTF-8,
    a header row, and ``\n`` line ends. Dates are EDTF text as precise as their
    sources (``2014``, ``2004-07``, ``2002-03/2004-06``), and their ``*_lower`` and
    ``*_upper`` columns ``YYYY-MM-DD``; a missing value is an empty cell; yes/no fields
    are ``true``/``false``; multi-valued fields join their values with ``"; "``. Beside
    them, ``meta.json`` records the library and data versions (the ``attrs`` of
    :func:`to_frames`). Returns the paths written: the CSV files in :data:`FRAMES` order,
    then ``meta.json``.

    Example:
        >>> import csv, tempfile
        >>> from nkasylum.io.interop import write_csv
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     paths = write_csv(tmp)
        ...     with open(paths[0], encoding="utf-8") as f:
        ...         first = next(csv.DictReader(f))
        >>> [p.name for p in paths][:2], first["date"] == first["date_lower"][:len(first["date"])]
        (['cases.csv', 'conflicts.csv'], True)
    """
    kb = knowledge_base(kb)
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    # all or nothing: a failed export leaves the previous tables, never a short one beside them
    files = [table_file(target / f"{name}.csv", rows, spec) for name, (rows, spec) in _tables(kb).items()]
    return write_files([*files, metadata_file(target / "meta.json", kb)], folder=target)


def _tables(kb: KnowledgeBase) -> dict[str, tuple[Sequence[Any], Spec]]:
    tables = {
        "policies": (kb.all_policies, _policy_columns()),
        "passages": (kb.all_passages, _passage_columns()),
        "cases": (kb.all_cases, _case_columns()),
        "statistics": (kb.all_statistics, _statistic_columns()),
        "sources": (kb.all_sources, _source_columns()),
        "conflicts": (kb.all_conflicts, _conflict_columns()),
        "evidence": _evidence_table(kb),
        "series": series_table(kb),
        "coverage": coverage_table(kb),
    }
    return {name: tables[name] for name in FRAMES}


# Each table's columns follow its class's fields (field_columns); these are the only
# fields whose columns are not read off their type, and the derived columns beside them.
_OWN_TABLE: dict[str, Spec | None] = {"evidence": None}  # the evidence frame holds it, one row per piece


def _policy_columns(cls: type = Policy) -> Spec:
    return field_columns(cls, {
        **_OWN_TABLE,
        "urges": {"urges": ("tuple", lambda p: tuple(
            f"{place_code(u.target)}: {', '.join(c.value for c in u.classification)}" for u in p.urges))},
    })


def _passage_columns(cls: type = Passage) -> Spec:
    return field_columns(cls, _OWN_TABLE)


def _case_columns(cls: type = Case) -> Spec:
    return field_columns(cls, {
        **_OWN_TABLE,
        "route": {"route": ("string", lambda c: None if c.route is None else str(c.route))},
    }, extra={"countries": ("tuple", lambda c: tuple(x.alpha_2 for x in c.countries))})


def _statistic_columns(cls: type = Statistic) -> Spec:
    # A statistic's figure is its "value" (not "value_value").
    return field_columns(cls, {
        **_OWN_TABLE,
        "value": quantity_columns("value", lambda s: s.value, value="value"),
    })


def _source_columns(cls: type = Source) -> Spec:
    return field_columns(cls, _OWN_TABLE)


def _conflict_columns(cls: type = Conflict) -> Spec:
    return field_columns(cls, _OWN_TABLE)


TABLE_COLUMNS = {"policies": _policy_columns, "passages": _passage_columns, "cases": _case_columns,
                 "statistics": _statistic_columns, "sources": _source_columns, "conflicts": _conflict_columns}
"""The column spec of each table of entries, given the class of its rows (a subclass adds its fields)."""


_ENTRY_TYPES = ("policy", "passage", "case", "statistic", "conflict")


def _evidence_table(kb: KnowledgeBase) -> tuple[Sequence[Any], Spec]:
    rows = []
    groups: tuple[tuple[Any, ...], ...] = (kb.all_policies, kb.all_passages, kb.all_cases,
                                          kb.all_statistics, kb.all_conflicts)
    for kind, entries in zip(_ENTRY_TYPES, groups, strict=True):
        for entry in entries:
            for position, ev in enumerate(entry.evidence):
                rows.append((kind, entry.id, position, ev, kb.evidence_date(ev)))
    spec: Spec = {
        "entry_type": (_ENTRY_TYPES, lambda r: r[0]),
        "entry_id": ("string", lambda r: r[1]),
        "position": ("int64", lambda r: r[2]),
        "source": ("string", lambda r: r[3].source),
        "anchor": ("string", lambda r: r[3].anchor),
        "note": ("string", lambda r: r[3].note),
        **when_columns("happened", lambda r: r[3].happened),
        **when_columns("published", lambda r: r[4]),
    }
    return rows, spec


# --------------------------------------------------------------------- networkx
def transit_graph(on: object = None, *, kb: KnowledgeBase | None = None) -> Any:
    """The passages documented on ``on`` as a ``networkx.MultiDiGraph`` (needs the networkx extra).

    Nodes are places: ISO alpha-2 codes for countries and ids for regions (such as
    ``"third-country"``), with attributes ``name``, ``kind`` (``"country"`` or
    ``"region"``) and, for countries, ``alpha_3``. There is one edge per passage that
    applies on ``on``, keyed by the passage id, with attributes ``passage``, ``channel``
    (its value, e.g. ``"unhcr-office"``), ``basis``, ``valid_from`` and ``valid_until``
    (:class:`~nkasylum.When` or ``None``), ``period`` (text), ``via_third_country``, ``actor``
    and ``sources`` (the ids of the sources behind it). ``graph.graph["on"]`` holds the
    day asked (a ``datetime.date``), or for a period the :class:`~nkasylum.When` asked. Several
    passages between the same two places stay separate edges.

    Args:
        on: the date (default: today), in the one date grammar of every query: a
            ``datetime.date``, an ``int`` year, an EDTF text or a :class:`~nkasylum.When`.
            A period holds the passages documented at some time in it, as
            :func:`nkasylum.passages` reads it.
        kb: the knowledge base (default: the bundled one).

    Raises:
        MissingExtraError: networkx is not installed.
        ArgumentTypeError: ``on`` is not a date in that grammar, or ``kb`` not a KnowledgeBase.

    Example:
        >>> import datetime as dt, networkx as nx, nkasylum as nk
        >>> g = nk.transit_graph(on=dt.date(2009, 12, 23))
        >>> g.nodes["RU"]["name"], g.has_edge("RU", "KR")
        ('Russia', True)
        >>> [d["channel"] for _, _, d in g.edges("RU", data=True)]
        ['consulate', 'consulate', 'unhcr-office']
        >>> nx.has_path(g, "KP", "KR")
        True
    """
    asked = resolve_when(on)
    day = asked.lower if asked.lower is not None and asked.lower == asked.upper else asked
    kb = knowledge_base(kb)
    nx = import_extra("networkx", "nk.transit_graph")
    graph = nx.MultiDiGraph(on=day)
    for p in kb.passages(on=day):
        for stop in (p.origin, p.dest):
            code = place_code(stop)
            if code not in graph:
                attributes: dict[str, Any] = {"name": stop.name,
                                              "kind": "country" if isinstance(stop, Country) else "region"}
                if isinstance(stop, Country):
                    attributes["alpha_3"] = stop.alpha_3
                graph.add_node(code, **attributes)
        graph.add_edge(
            place_code(p.origin), place_code(p.dest), key=p.id,
            passage=p.id, channel=p.channel.value, basis=p.basis.value,
            valid_from=p.valid_from, valid_until=p.valid_until, period=p.period,
            via_third_country=p.via_third_country, actor=p.actor,
            sources=tuple(dict.fromkeys(e.source for e in p.evidence)),
        )
    return graph
