"""The compiled bundle: the bundled data as one JSON file, built without cattrs or a TOML parser.

``data/compiled.json`` holds every entry of the bundled TOML files, already validated, with a
fingerprint of those files, the alias table and ISO's table of countries (so that a cold
start needs no ``pycountry``). Loading the bundled knowledge base reads it instead of parsing
TOML and structuring through ``cattrs`` (which together cost most of a cold start), but only
while the fingerprint matches the TOML files beside it; otherwise, or if anything in it does
not build, the TOML files are read as usual, so an edited data file is never shadowed by a
stale bundle. After editing data, rebuild it with ``python -m nkasylum._compile`` (a test
checks it is fresh).
"""

from __future__ import annotations

import builtins
import datetime as dt
import enum
import json
import os
import sys
import types
import typing
import zlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from nkasylum.core.countries import Country, country, iso_records
from nkasylum.core.errors import DataError
from nkasylum.core.places import Region, place
from nkasylum.core.resources import (
    ALIASES,
    BUNDLE,
    FOLDERS,
    FORMAT,
    bundled_compiled,
    data_files,
    data_root,
    fingerprint,
    parse_bundle,
    read_bytes,
    toml,
)
from nkasylum.core.trusted import trusted_rows
from nkasylum.core.when import When
from nkasylum.store.convert import unstructure
from nkasylum.store.files import TABLES, Entries, entries, from_toml

if TYPE_CHECKING:
    from importlib.abc import Traversable
    from pathlib import Path

__all__ = ["compile_bundle", "compile_quick", "from_bundle", "load_bundled", "read_folder"]


def read_folder(folder: str | Path) -> Entries:
    """The entries of a user's data folder, always read from its TOML files (so their edits
    and errors show, even beside a compiled bundle)."""
    root = os.fspath(folder)
    missing = [f"{sub}/" for sub in FOLDERS if not os.path.isdir(os.path.join(root, sub))]
    if missing:
        raise DataError(
            f"{folder} is not a knowledge base folder: it lacks {', '.join(missing)} (a data "
            "folder holds sources/, countries/, cases/, statistics/ and conflicts/, as the "
            "bundled one does; an empty folder is fine, a missing one is a mistake)")
    return from_toml(data_files(root))


def load_bundled() -> Entries:
    """The entries of the bundled data: from the compiled bundle while it is fresh and
    builds, else from the TOML files."""
    found = _from_compiled(bundled_compiled())
    bundled_compiled.cache_clear()  # built: no need to keep the parsed text in memory
    return found if found is not None else from_toml(data_files(data_root()))


def compile_bundle(folder: str | Path | None = None) -> str:
    """The compiled (JSON) form of a data folder, as written to ``data/compiled.json``.

    Every entry is read and validated from the TOML files first (``python -m
    nkasylum._compile`` also builds the knowledge base from them before writing, so the
    bundle only ever holds data that passed every check). Each entry is a row of its
    field values in field order (``fields`` names them, per class), without the trailing
    fields that hold their default; every EDTF date is read once, into ``whens``.

    Example:
        >>> import json
        >>> from nkasylum.store.bundle import compile_bundle
        >>> header, content = compile_bundle().split("\\n", 1)
        >>> sorted(json.loads(header)), sorted(json.loads(content))
        (['content', 'fingerprint', 'format'], ['fields', 'files', 'whens'])
    """
    root: Traversable | str = data_root() if folder is None else os.fspath(folder)
    files = data_files(root)
    found = from_toml(files)
    rows = _Rows()
    by_file: dict[str, dict[str, list[Any]]] = {}
    for table, items in found.by_table().items():
        for item in sorted(items, key=lambda item: item.id):
            by_file.setdefault(found.files[item.id], {}).setdefault(table, []).append(
                rows.row(item, unstructure(item)))
    content = json.dumps({
        "fields": rows.fields,
        "files": [{"file": label, **by_file[label]} for label in sorted(by_file)],
        "whens": rows.whens,
    }, indent=0, sort_keys=True, ensure_ascii=False) + "\n"
    return _with_header(content, fingerprint(files, read_bytes(root, ALIASES)))


def compile_quick(tables: Mapping[str, Any], folder: str | Path | None = None) -> str:
    """The quick tables of a data folder, as written to ``data/quick.json``: ISO's table of
    countries (from ``pycountry``), the alias table, and ``tables`` (the engine's tables of
    quick answers, :func:`nkasylum.engine.fast.quick.quick_tables`), with the bundle's header.

    Example:
        >>> import json
        >>> from nkasylum.store.bundle import compile_quick
        >>> header, content = compile_quick({"scope": ["KP"]}).split("\\n", 1)
        >>> sorted(json.loads(content))
        ['aliases', 'countries', 'scope']
    """
    root: Traversable | str = data_root() if folder is None else os.fspath(folder)
    aliases = read_bytes(root, ALIASES)
    content = json.dumps({"aliases": toml().loads(aliases.decode("utf-8")),
                          "countries": iso_records(), **tables},
                         separators=(",", ":"), sort_keys=True, ensure_ascii=False) + "\n"
    return _with_header(content, fingerprint(data_files(root), aliases))


def _with_header(content: str, found: str) -> str:
    header = {"format": FORMAT, "fingerprint": found,
              "content": f"{zlib.crc32(content.encode('utf-8')):08x}"}
    return json.dumps(header, sort_keys=True) + "\n" + content


def from_bundle(root: str | Path | Traversable, files: list[tuple[str, str, bytes]]) -> Entries | None:
    """The entries of the compiled bundle in ``root``, or ``None`` when there is none, it is
    stale (its fingerprint does not match ``files``), or it does not build."""
    try:
        raw = read_bytes(root, BUNDLE)
        aliases = read_bytes(root, ALIASES)
    except OSError:
        return None
    return _from_compiled(parse_bundle(raw, fingerprint(files, aliases)))


def _key(kind: type) -> str:
    return f"{kind.__module__}.{kind.__qualname__}"


def _is_default(field: attrs.Attribute[Any], value: Any) -> bool:
    default = field.default
    if default is attrs.NOTHING or isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return False
    return bool(value == default) and type(value) is type(default)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value.value if isinstance(value, enum.Enum) else value


class _Rows:
    """The compiling side: entries as rows of field values, the field names of each class
    (``fields``: a bundle whose names differ from the classes' is not used) and every EDTF
    date once (``whens``: text -> the row of its :class:`~nkasylum.When`)."""

    def __init__(self) -> None:
        self.fields: dict[str, list[str]] = {}
        self.whens: dict[str, list[Any]] = {}

    def row(self, value: Any, data: dict[str, Any]) -> list[Any]:
        """``value`` (an attrs value) as a row, from ``data``: its plain (unstructured) form.
        Trailing fields that hold their default are left out: a smaller bundle parses faster."""
        specs = [f for f in attrs.fields(type(value)) if f.init]
        self.fields[_key(type(value))] = [f.name for f in specs]
        out = [self._cell(getattr(value, f.name), data[f.name]) for f in specs]
        while out and _is_default(specs[len(out) - 1], getattr(value, specs[len(out) - 1].name)):
            out.pop()
        return out

    def _cell(self, value: Any, data: Any) -> Any:
        if isinstance(value, When):
            specs = [f for f in attrs.fields(When) if f.init]
            self.fields[_key(When)] = [f.name for f in specs]
            row = [_plain(getattr(value, f.name)) for f in specs]
            if self.whens.setdefault(value.text, row) != row:
                raise ValueError(f"two EDTF dates written {value.text!r} differ")
            return value.text
        if isinstance(data, dict):
            return self.row(value, data)
        if isinstance(value, tuple) and isinstance(data, list):
            return [self._cell(v, d) for v, d in zip(value, data, strict=True)]
        return data


def _from_compiled(bundle: dict[str, Any] | None) -> Entries | None:
    """The entries of a parsed bundle; ``None`` if anything goes wrong (the TOML files are
    then read instead, and say precisely what is wrong)."""
    if bundle is None or bundle.get("format") != FORMAT:
        return None
    try:
        load = _Loader(bundle["fields"], bundle["whens"])
        found: dict[str, list[Any]] = {name: [] for name in TABLES}
        origin: dict[str, str] = {}
        for group in bundle["files"]:
            label = group["file"]
            if not set(group) <= {"file", *TABLES}:
                raise LookupError(f"unknown tables in {label}")
            for table, kind in TABLES.items():
                rows = group.get(table)
                if not rows:
                    continue
                made = list(map(load.builder(kind), rows))
                for value in made:
                    origin[value.id] = label
                found[table] += made
        return entries(found, origin)
    except Exception:  # any surprise: the TOML path is slower but reports problems exactly
        return None


_Convert = Callable[[Any], Any] | None
"""Turns a bundle's cell into a field's value; ``None``: the cell is the value."""


def _memoised(resolve: Callable[[str], Any]) -> Callable[[str], Any]:
    # The same few codes and dates recur in every entry, and their values are immutable:
    # resolve each once and share it.
    seen: dict[str, Any] = {}

    def lookup(code: str) -> Any:
        found = seen.get(code)
        if found is None:
            found = seen[code] = resolve(code)
        return found

    return lookup


class _Loader:
    """The loading side: builds values from one parsed bundle's rows, without cattrs and
    without the entry types' constructors (see :func:`_trusted`)."""

    def __init__(self, fields: dict[str, list[str]], whens: dict[str, list[Any]]) -> None:
        self._fields = fields
        self._whens = whens
        self._made: dict[Any, _Convert] = {}

    def builder(self, kind: Any) -> Callable[[Any], Any]:
        """The function turning a row into a ``kind`` (an attrs class)."""
        found = self.convert(kind)
        if found is None:
            raise TypeError(f"{kind!r} is not built from a row")
        return found

    def convert(self, kind: Any) -> _Convert:
        if kind not in self._made:
            self._made[kind] = self._make(kind)
        return self._made[kind]

    def _make(self, kind: Any) -> _Convert:
        if kind in (str, int, bool, float):
            return None
        if kind is dt.date:
            return dt.date.fromisoformat
        if kind is When:
            build = self.builder(_Whens)
            return _memoised(lambda text: build(self._whens[text]))
        if kind is Country:
            return _memoised(country)
        if kind is Region or kind == (Country | Region):
            return _memoised(place)
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return {member.value: member for member in kind}.__getitem__
        origin, args = typing.get_origin(kind), typing.get_args(kind)
        if origin in (typing.Union, types.UnionType) and type(None) in args:
            # None stays None (see _trusted): the optional type converts like its other part
            rest = [a for a in args if a is not type(None)]
            return self.convert(rest[0] if len(rest) == 1 else typing.Union[tuple(rest)])
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            item = self.convert(args[0])
            return tuple if item is None else (lambda value: tuple(map(item, value)))
        if kind is _Whens:
            kind = When
        if isinstance(kind, type) and attrs.has(kind):
            return self._attrs_builder(kind)
        raise TypeError(f"no compiled form for {kind!r}")

    def _attrs_builder(self, kind: type) -> Callable[[list[Any]], Any]:
        specs = [f for f in attrs.fields(kind) if f.init]
        names = self._fields.get(_key(kind))
        if names is None:  # the bundle holds no value of this class (e.g. no case has a route)
            return _refused
        if names != [f.name for f in specs]:
            raise LookupError(f"the bundle's fields of {kind.__name__} are not the class's")
        ns = vars(sys.modules[kind.__module__])
        try:
            converts = [self._from_annotation(f.type, ns) for f in specs]
        except LookupError:  # an annotation too rich for _from_annotation: let typing do it
            hints = typing.get_type_hints(kind, ns)
            converts = [self.convert(hints[f.name]) for f in specs]
        if any(not f.init or isinstance(f.default, attrs.Factory) for f in attrs.fields(kind)):  # type: ignore[arg-type]
            # its constructor computes a field: the bundle cannot serve it (the test that the
            # bundle loads says so), the TOML files are read instead
            raise LookupError(f"{kind.__name__} has a field its constructor computes")
        return _trusted(kind, specs, converts, sum(f.default is attrs.NOTHING for f in specs))

    def _from_annotation(self, annotation: Any, ns: dict[str, Any]) -> _Convert:
        """The converter for a field annotated ``annotation`` (a string, under postponed
        evaluation), for the plain forms the entry types use: ``X``, ``a.X``, ``X | None``,
        ``Country | Region`` and ``tuple[X, ...]``. Anything else raises ``LookupError``.

        ``typing.get_type_hints`` would do, but it compiles every annotation string, which
        costs a cold start about as much as building the entries.
        """
        if not isinstance(annotation, str):
            return self.convert(annotation)
        parts, depth, start = [], 0, 0
        for i, ch in enumerate(annotation):
            depth += (ch == "[") - (ch == "]")
            if ch == "|" and depth == 0:
                parts.append(annotation[start:i].strip())
                start = i + 1
        parts.append(annotation[start:].strip())
        parts = [p for p in parts if p != "None"]  # None stays None (see _trusted)
        if sorted(parts) == ["Country", "Region"]:
            return self.convert(Country | Region)
        if len(parts) != 1:
            raise LookupError(annotation)
        if parts[0].startswith("tuple[") and parts[0].endswith(", ...]"):
            item = self._from_annotation(parts[0][6:-6], ns)
            return tuple if item is None else (lambda value: tuple(map(item, value)))
        head, *rest = parts[0].split(".")
        if not head.isidentifier():
            raise LookupError(annotation)
        target = ns[head] if head in ns else getattr(builtins, head)
        for name in rest:
            target = getattr(target, name)
        return self.convert(target)


class _Whens:
    """Stands for :class:`~nkasylum.When` built from its row in the bundle's ``whens``
    (a ``When`` field's cell is the EDTF text, its key there)."""


def _refused(row: list[Any]) -> Any:
    raise LookupError("a row of a class the bundle does not name")


def _trusted(kind: type, specs: list[attrs.Attribute[Any]], converts: list[_Convert],
             required: int) -> Callable[[list[Any]], Any]:
    """A builder of ``kind`` from a row that sets its fields without running its constructor
    (through :func:`~nkasylum.core.trusted.trusted_rows`, of the library's one way to do so).

    The constructor's checks (field types, ids, periods, anchors, ...) already passed when
    the bundle was compiled, and the bundle is served only while its fingerprint and content
    CRC say it is that data, unedited; running them again for every entry was a third of a
    cold start. Its converters are not needed either: ``converts`` already make the tuples
    and places they would, and a cell that is ``None`` is the value ``None`` (a field that
    may not be ``None`` never is, in data that passed the checks). A test checks that the
    knowledge base built this way equals, entry by entry and field by field, the one built
    from the TOML files through the constructors.
    """
    return trusted_rows(kind, [field.name for field in specs], converts,
                        [field.default for field in specs], required)
