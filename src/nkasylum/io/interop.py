"""Bridges to the analysis stack: pandas data frames and CSV files (networkx: :mod:`nkasylum.io.graphs`).

pandas and networkx are optional extras. They are imported inside the functions, so ``import nkasylum``
never imports them, and a missing one raises :class:`nkasylum.MissingExtraError` (an
``ImportError``) that names the extra to install::

    python -m pip install "nkasylum[pandas]"      # for nk.to_frames
    python -m pip install "nkasylum[networkx]"    # for nk.transit_graph
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from nkasylum.core.countries import Country
from nkasylum.core.errors import ArgumentTypeError, DataError, MissingExtraError
from nkasylum.core.periods import Basis
from nkasylum.core.places import Region, place_code
from nkasylum.core.quantities import Qualifier, Unit
from nkasylum.core.text import shown
from nkasylum.core.when import When
from nkasylum.engine.knowledge import KnowledgeBase, default_knowledge_base
from nkasylum.engine.provenance import export_metadata
from nkasylum.model.cases import Outcome
from nkasylum.model.passages import Channel
from nkasylum.model.sources import SourceKind

__all__ = ["FRAMES", "to_frames", "write_csv"]

FRAMES = ("cases", "conflicts", "evidence", "passages", "policies", "sources", "statistics")
"""The names of the frames :func:`to_frames` returns, in order."""


def _knowledge_base(kb: object) -> KnowledgeBase:
    if kb is None:
        return default_knowledge_base()
    if not isinstance(kb, KnowledgeBase):
        raise ArgumentTypeError(f"kb= takes a KnowledgeBase or None, not {type(kb).__name__}: {shown(kb)}")
    return kb


def _import(package: str, needed_by: str) -> Any:
    try:
        return importlib.import_module(package)
    except ImportError as err:
        raise MissingExtraError(package, package, needed_by) from err


def _name(value: Country | Region) -> str:
    return value.name


# ----------------------------------------------------------------------- pandas
def to_frames(kb: KnowledgeBase | None = None) -> dict[str, Any]:
    """The knowledge base as tidy pandas DataFrames, one row per entry (needs the pandas extra).

    Returns a dict with the frames named in :data:`FRAMES`: ``policies``, ``passages``,
    ``cases``, ``statistics``, ``sources``, ``conflicts`` (one row per stored entry,
    sorted by ``id``) and ``evidence`` (one row per piece of evidence, with the entry it
    supports, when its quoted words say the thing happened, ``happened``, and when its
    source reported it, ``published``). The dtypes are chosen for analysis:

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
    """
    kb = _knowledge_base(kb)
    pd = _import("pandas", "nk.to_frames")
    frames = {name: _frame(pd, rows, spec, name) for name, (rows, spec) in _tables(kb).items()}
    for frame in frames.values():
        frame.attrs.update(export_metadata(kb))
    return frames


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
    import csv  # lazy: about 0.7 ms of start-up, and only CSV export needs it

    kb = _knowledge_base(kb)
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (rows, spec) in _tables(kb).items():
        path = target / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            out = csv.writer(handle, lineterminator="\n")
            out.writerow(spec)
            for row in rows:
                out.writerow([_csv_cell(get(row)) for _, get in spec.values()])
        written.append(path)
    meta = target / "meta.json"
    meta.write_text(json.dumps(export_metadata(kb), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return [*written, meta]


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, When):
        return str(value)
    if isinstance(value, tuple):
        return "; ".join(_csv_cell(v) for v in value)
    return str(value)


# A column spec: name -> (dtype kind, getter). Kinds: "string", "date", "bool", "Int64",
# "boolean", "int64", "tuple", an enum class (a category of its values) or a tuple of
# category names.
_Spec = dict[str, tuple[Any, Callable[[Any], Any]]]


def _tables(kb: KnowledgeBase) -> dict[str, tuple[Sequence[Any], _Spec]]:
    tables = {
        "policies": (kb.all_policies, _policy_columns()),
        "passages": (kb.all_passages, _passage_columns()),
        "cases": (kb.all_cases, _case_columns()),
        "statistics": (kb.all_statistics, _statistic_columns()),
        "sources": (kb.all_sources, _source_columns()),
        "conflicts": (kb.all_conflicts, _conflict_columns()),
        "evidence": _evidence_table(kb),
    }
    return {name: tables[name] for name in FRAMES}


def _frame(pd: Any, rows: Sequence[Any], spec: _Spec, where: str) -> Any:
    columns = {}
    for name, (kind, get) in spec.items():
        values = [get(row) for row in rows]
        columns[name] = _column(pd, values, kind, f"{where}.{name}")
    return pd.DataFrame(columns, index=pd.RangeIndex(len(rows)))


def _column(pd: Any, values: list[Any], kind: Any, where: str) -> Any:
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        categories = [m.value for m in kind]
        return pd.Categorical([v.value if v is not None else None for v in values], categories=categories)
    if isinstance(kind, tuple):
        return pd.Categorical(values, categories=list(kind))
    if kind == "date":
        try:
            return pd.Series(pd.to_datetime([v.isoformat() if v is not None else None for v in values],
                                            format="%Y-%m-%d"), dtype="datetime64[ns]")
        except (ValueError, OverflowError) as err:
            raise DataError(f"a date pandas cannot hold as datetime64[ns] ({err})", field=where) from None
    if kind == "tuple":
        return pd.Series([tuple(v) for v in values], dtype=object)
    try:
        return pd.Series(values, dtype=kind)
    except OverflowError:  # a whole number past 64 bits (counts are bounded; Case.applications not yet)
        raise DataError("a number too large for a 64-bit column", field=where) from None


def _place_columns(prefix: str, get: Callable[[Any], Country | Region]) -> _Spec:
    return {
        prefix: ("string", lambda e: place_code(get(e))),
        f"{prefix}_name": ("string", lambda e: _name(get(e))),
    }


def _when_columns(name: str, get: Callable[[Any], When | None]) -> _Spec:
    """An EDTF date as its text, with the earliest and latest days it can mean."""
    def bound(e: Any, upper: bool) -> dt.date | None:
        found = get(e)
        return None if found is None else (found.upper if upper else found.lower)

    return {
        name: ("string", lambda e: None if get(e) is None else str(get(e))),
        f"{name}_lower": ("date", lambda e: bound(e, False)),
        f"{name}_upper": ("date", lambda e: bound(e, True)),
    }


def _period_columns() -> _Spec:
    return {
        "basis": (Basis, lambda e: e.basis),
        **_when_columns("valid_from", lambda e: e.valid_from),
        **_when_columns("valid_until", lambda e: e.valid_until),
        "undated": ("bool", lambda e: e.undated),
    }


def _policy_columns() -> _Spec:
    return {
        "id": ("string", lambda p: p.id),
        **_place_columns("country", lambda p: p.country),
        **_period_columns(),
        "classification": ("tuple", lambda p: tuple(c.value for c in p.classification)),
        "urges": ("tuple", lambda p: tuple(f"{place_code(u.target)}: {', '.join(c.value for c in u.classification)}"
                                           for u in p.urges)),
        "repatriates": ("boolean", lambda p: p.repatriates),
        "returns_to": ("tuple", lambda p: tuple(place_code(x) for x in p.returns_to)),
        "admits": ("boolean", lambda p: p.admits),
        "grants": ("tuple", lambda p: tuple(g.value for g in p.grants)),
        "procedures": ("tuple", lambda p: p.procedures),
        "agreements": ("tuple", lambda p: p.agreements),
        "exceptions": ("tuple", lambda p: p.exceptions),
        "summary": ("string", lambda p: p.summary),
        "note": ("string", lambda p: p.note),
    }


def _passage_columns() -> _Spec:
    return {
        "id": ("string", lambda p: p.id),
        **_place_columns("origin", lambda p: p.origin),
        **_place_columns("dest", lambda p: p.dest),
        "channel": (Channel, lambda p: p.channel),
        **_period_columns(),
        "via_third_country": ("bool", lambda p: p.via_third_country),
        "actor": ("string", lambda p: p.actor),
        "conditions": ("tuple", lambda p: p.conditions),
        "summary": ("string", lambda p: p.summary),
        "note": ("string", lambda p: p.note),
    }


def _quantity_columns(prefix: str, get: Callable[[Any], Any], value: str = "") -> _Spec:
    return {
        value or f"{prefix}_value": ("Int64", lambda e: get(e).value),
        f"{prefix}_qualifier": (Qualifier, lambda e: get(e).qualifier),
        f"{prefix}_unit": (Unit, lambda e: get(e).unit),
        f"{prefix}_lower_bound": ("Int64", lambda e: get(e).lower_bound),
        f"{prefix}_upper_bound": ("Int64", lambda e: get(e).upper_bound),
    }


def _case_columns() -> _Spec:
    return {
        "id": ("string", lambda c: c.id),
        "title": ("string", lambda c: c.title),
        **_when_columns("date", lambda c: c.date),
        **_place_columns("place", lambda c: c.place),
        **_quantity_columns("people", lambda c: c.people),
        "outcome": (Outcome, lambda c: c.outcome),
        "channel": (Channel, lambda c: c.channel),
        "route": ("string", lambda c: None if c.route is None else str(c.route)),
        "applications": ("Int64", lambda c: c.applications),
        "countries": ("tuple", lambda c: tuple(x.alpha_2 for x in c.countries)),
        "inconsistencies": ("tuple", lambda c: c.inconsistencies),
        "note": ("string", lambda c: c.note),
    }


def _statistic_columns() -> _Spec:
    # A statistic's figure is its "value" (not "value_value").
    return {
        "id": ("string", lambda s: s.id),
        "measure": ("string", lambda s: s.measure),
        "description": ("string", lambda s: s.description),
        **_place_columns("place", lambda s: s.place),
        "area": ("string", lambda s: s.area),
        **_quantity_columns("value", lambda s: s.value, value="value"),
        **_when_columns("as_of", lambda s: s.as_of),
        "year": ("Int64", lambda s: s.year),
        "note": ("string", lambda s: s.note),
    }


def _source_columns() -> _Spec:
    return {
        "id": ("string", lambda s: s.id),
        "title": ("string", lambda s: s.title),
        "publisher": ("string", lambda s: s.publisher),
        "author": ("string", lambda s: s.author),
        **_when_columns("published", lambda s: s.published),
        "kind": (SourceKind, lambda s: s.kind),
        "language": ("string", lambda s: s.language),
        "original_publisher": ("string", lambda s: s.original_publisher),
        "url": ("string", lambda s: s.url),
        "document": ("string", lambda s: s.document),
        "note": ("string", lambda s: s.note),
        "also_in": ("tuple", lambda s: s.also_in),
    }


def _conflict_columns() -> _Spec:
    return {
        "id": ("string", lambda c: c.id),
        "subject": ("string", lambda c: c.subject),
        "versions": ("tuple", lambda c: c.versions),
        "note": ("string", lambda c: c.note),
    }


_ENTRY_TYPES = ("policy", "passage", "case", "statistic", "conflict")


def _evidence_table(kb: KnowledgeBase) -> tuple[Sequence[Any], _Spec]:
    rows = []
    groups: tuple[tuple[Any, ...], ...] = (kb.all_policies, kb.all_passages, kb.all_cases,
                                          kb.all_statistics, kb.all_conflicts)
    for kind, entries in zip(_ENTRY_TYPES, groups, strict=True):
        for entry in entries:
            for position, ev in enumerate(entry.evidence):
                rows.append((kind, entry.id, position, ev, kb.evidence_date(ev)))
    spec: _Spec = {
        "entry_type": (_ENTRY_TYPES, lambda r: r[0]),
        "entry_id": ("string", lambda r: r[1]),
        "position": ("int64", lambda r: r[2]),
        "source": ("string", lambda r: r[3].source),
        "anchor": ("string", lambda r: r[3].anchor),
        "note": ("string", lambda r: r[3].note),
        **_when_columns("happened", lambda r: r[3].happened),
        **_when_columns("published", lambda r: r[4]),
    }
    return rows, spec
