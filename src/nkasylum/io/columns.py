"""Columns of the exported tables: one spec per table, read by pandas and by the CSV writer.

A table is a sequence of rows and a spec: column name -> (kind, getter). The same spec
builds a pandas column of a dtype chosen for analysis (:func:`frame`) and a CSV cell
(:func:`csv_cell`), so a frame and its CSV file always have the same columns.
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import json
import operator
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs

from nkasylum.core.countries import Country
from nkasylum.core.errors import ArgumentTypeError, DataError, MissingExtraError
from nkasylum.core.places import Region, place_code
from nkasylum.core.quantities import Qualifier, Quantity, Unit
from nkasylum.core.text import shown
from nkasylum.core.when import When
from nkasylum.engine.knowledge import KnowledgeBase, default_knowledge_base
from nkasylum.engine.provenance import export_metadata
from nkasylum.io.writing import Writer, write_files

__all__ = [
    "Spec",
    "csv_cell",
    "field_columns",
    "frame",
    "import_extra",
    "knowledge_base",
    "place_columns",
    "quantity_columns",
    "when_columns",
    "write_rows",
    "write_table",
]

Spec = dict[str, tuple[Any, Callable[[Any], Any]]]
"""A column spec: name -> (dtype kind, getter). Kinds: "string", "date", "bool", "Int64",
"boolean", "int64", "tuple", an enum class (a category of its values) or a tuple of
category names."""


def knowledge_base(kb: object) -> KnowledgeBase:
    """``kb`` itself, or the bundled knowledge base for ``None``."""
    if kb is None:
        return default_knowledge_base()
    if not isinstance(kb, KnowledgeBase):
        raise ArgumentTypeError(f"kb= takes a KnowledgeBase or None, not {type(kb).__name__}: {shown(kb)}")
    return kb


def import_extra(package: str, needed_by: str) -> Any:
    """An optional extra, or :class:`~nkasylum.MissingExtraError` naming how to install it."""
    try:
        return importlib.import_module(package)
    except ImportError as err:
        raise MissingExtraError(package, package, needed_by) from err


# ----------------------------------------------------------------------- pandas
def frame(pd: Any, rows: Sequence[Any], spec: Spec, where: str) -> Any:
    """A DataFrame with one column per spec entry, in the spec's order."""
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


# -------------------------------------------------------------------------- CSV
def csv_cell(value: object) -> str:
    """A value as a CSV cell: empty for missing, ``true``/``false``, EDTF text, ``"; "``-joined."""
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
        return "; ".join(csv_cell(v) for v in value)
    return str(value)


def write_rows(handle: TextIO, rows: Sequence[Any], spec: Spec) -> None:
    """Write a header row and one CSV line per row (``\\n`` line ends) into ``handle``."""
    import csv  # lazy: about 0.7 ms of start-up, and only CSV export needs it

    out = csv.writer(handle, lineterminator="\n")
    out.writerow(spec)
    for row in rows:
        out.writerow([csv_cell(get(row)) for _, get in spec.values()])


def write_table(path: Path, rows: Sequence[Any], spec: Spec) -> Path:
    """Write one table as a UTF-8 CSV file (see :func:`write_rows`), atomically (see
    :mod:`nkasylum.io.writing`); return ``path``."""
    return write_files([table_file(path, rows, spec)])[0]


def table_file(path: Path, rows: Sequence[Any], spec: Spec) -> tuple[Path, Writer]:
    """A table as a ``(path, writer)`` pair for :func:`~nkasylum.io.writing.write_files`."""
    return path, lambda handle: write_rows(handle, rows, spec)


def stamped(df: Any, kb: KnowledgeBase) -> Any:
    """``df`` with the library and data version of ``kb`` in its ``attrs`` (see
    :func:`~nkasylum.engine.provenance.export_metadata`); every exported frame carries them."""
    df.attrs.update(export_metadata(kb))
    return df


def write_metadata(path: Path, kb: KnowledgeBase) -> Path:
    """Write the library and data version of ``kb`` as JSON to ``path`` (beside CSV files,
    which cannot hold them), atomically; return ``path``."""
    return write_files([metadata_file(path, kb)])[0]


def metadata_file(path: Path, kb: KnowledgeBase) -> tuple[Path, Writer]:
    """The metadata file as a ``(path, writer)`` pair for :func:`~nkasylum.io.writing.write_files`."""
    text = json.dumps(export_metadata(kb), indent=2, sort_keys=True) + "\n"
    return path, text




# ---------------------------------------------------------------- column groups
def place_columns(prefix: str, get: Callable[[Any], Country | Region | None]) -> Spec:
    """A place as its code (``prefix``) and its readable name (``prefix_name``); empty for none."""
    def code(e: Any) -> str | None:
        found = get(e)
        return None if found is None else place_code(found)

    def name(e: Any) -> str | None:
        found = get(e)
        return None if found is None else found.name

    return {prefix: ("string", code), f"{prefix}_name": ("string", name)}


def when_columns(name: str, get: Callable[[Any], When | None]) -> Spec:
    """An EDTF date as its text, with the earliest and latest days it can mean."""
    def bound(e: Any, upper: bool) -> dt.date | None:
        found = get(e)
        return None if found is None else (found.upper if upper else found.lower)

    return {
        name: ("string", lambda e: None if get(e) is None else str(get(e))),
        f"{name}_lower": ("date", lambda e: bound(e, False)),
        f"{name}_upper": ("date", lambda e: bound(e, True)),
    }


def quantity_columns(prefix: str, get: Callable[[Any], Any], value: str = "") -> Spec:
    """A quantity as its value, qualifier, unit and the bounds its wording allows."""
    return {
        value or f"{prefix}_value": ("Int64", lambda e: get(e).value),
        f"{prefix}_qualifier": (Qualifier, lambda e: get(e).qualifier),
        f"{prefix}_unit": (Unit, lambda e: get(e).unit),
        f"{prefix}_lower_bound": ("Int64", lambda e: get(e).lower_bound),
        f"{prefix}_upper_bound": ("Int64", lambda e: get(e).upper_bound),
    }


# ----------------------------------------------------------- columns from fields
Overrides = Mapping[str, "Spec | None"]
"""Field name -> the columns that stand for it, or ``None`` for a field with a table of its own."""


def field_columns(cls: type, overrides: Overrides | None = None, extra: Spec | None = None) -> Spec:
    """The columns of a table of ``cls`` values: one group per attrs field, in field order.

    A field's columns follow from its type hint (text, flags, whole numbers, enums, EDTF
    dates, places, quantities, tuples of those); ``overrides`` names the few that need other
    columns, and ``extra`` adds derived columns at the end. A field whose type has no column
    and no override raises ``TypeError``, so a new field cannot go missing from the frames,
    the CSV files and the panel unnoticed.
    """
    hints = typing.get_type_hints(cls)
    spec: Spec = {}
    for field in attrs.fields(cls):
        if overrides is not None and field.name in overrides:
            spec.update(overrides[field.name] or {})
            continue
        spec.update(_columns_for_hint(cls, field.name, hints[field.name]))
    spec.update(extra or {})
    return spec


def _columns_for_hint(cls: type, name: str, hint: Any) -> Spec:
    get = operator.attrgetter(name)
    options = typing.get_args(hint) if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union \
        else (hint,)
    optional = type(None) in options
    core = tuple(o for o in options if o is not type(None))
    if set(core) == {Country, Region}:
        return place_columns(name, get)
    if len(core) == 1:
        (kind,) = core
        if kind is str:
            return {name: ("string", get)}
        if kind is bool:
            return {name: ("boolean" if optional else "bool", get)}
        if kind is int:
            return {name: ("Int64", get)}
        if kind is When:
            return when_columns(name, get)
        if kind is Quantity and not optional:
            return quantity_columns(name, get)
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return {name: (kind, get)}
        if typing.get_origin(kind) is tuple:
            item = _tuple_item(kind)
            if item is not None:
                return {name: ("tuple", lambda e: tuple(item(x) for x in get(e)))}
    raise TypeError(f"{cls.__name__}.{name} ({hint}) has no column: name its columns in the overrides "
                    "of its table (nkasylum.io.interop)")


def _tuple_item(hint: Any) -> Callable[[Any], Any] | None:
    """How one item of a ``tuple[X, ...]`` field becomes a cell, or ``None`` if it cannot."""
    args = typing.get_args(hint)
    if len(args) != 2 or args[1] is not Ellipsis:
        return None
    item = args[0]
    parts = set(typing.get_args(item)) if isinstance(item, types.UnionType) else {item}
    if parts == {Country, Region}:
        return place_code
    if item is str:
        return str
    if isinstance(item, type) and issubclass(item, enum.Enum):
        return operator.attrgetter("value")
    return None
