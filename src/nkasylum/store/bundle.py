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
import sys
import types
import typing
import zlib
from collections.abc import Callable
from pathlib import Path
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
    toml,
)
from nkasylum.core.when import When
from nkasylum.store.convert import unstructure
from nkasylum.store.files import TABLES, Entries, entries, from_toml

if TYPE_CHECKING:
    from importlib.abc import Traversable

__all__ = ["compile_bundle", "from_bundle", "load_bundled", "read_folder"]


def read_folder(folder: str | Path) -> Entries:
    """The entries of a user's data folder, always read from its TOML files (so their edits
    and errors show, even beside a compiled bundle)."""
    root = Path(folder)
    missing = [f"{sub}/" for sub in FOLDERS if not (root / sub).is_dir()]
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
    bundle only ever holds data that passed every check).

    Example:
        >>> import json
        >>> from nkasylum.store.bundle import compile_bundle
        >>> header, content = compile_bundle().split("\\n", 1)
        >>> sorted(json.loads(header)), sorted(json.loads(content))
        (['content', 'fingerprint', 'format'], ['aliases', 'countries', 'files'])
    """
    root: Traversable | Path = data_root() if folder is None else Path(folder)
    files = data_files(root)
    found = from_toml(files)
    by_file: dict[str, dict[str, list[Any]]] = {}
    for table, items in found.by_table().items():
        for item in sorted(items, key=lambda item: item.id):
            by_file.setdefault(found.files[item.id], {}).setdefault(table, []).append(
                _without_defaults(item, unstructure(item)))
    aliases = (root / ALIASES).read_bytes()
    content = json.dumps({
        "aliases": toml().loads(aliases.decode("utf-8")),
        "countries": iso_records(),
        "files": [{"file": label, **by_file[label]} for label in sorted(by_file)],
    }, indent=0, sort_keys=True, ensure_ascii=False) + "\n"
    header = {"format": FORMAT, "fingerprint": fingerprint(files, aliases),
              "content": f"{zlib.crc32(content.encode('utf-8')):08x}"}
    return json.dumps(header, sort_keys=True) + "\n" + content


def from_bundle(root: Traversable | Path, files: list[tuple[str, str, bytes]]) -> Entries | None:
    """The entries of the compiled bundle in ``root``, or ``None`` when there is none, it is
    stale (its fingerprint does not match ``files``), or it does not build."""
    try:
        raw = (root / BUNDLE).read_bytes()
        aliases = (root / ALIASES).read_bytes()
    except OSError:
        return None
    return _from_compiled(parse_bundle(raw, fingerprint(files, aliases)))


def _without_defaults(item: Any, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` without the fields whose value is the field's default: a smaller bundle
    parses faster, and the constructor fills them in again."""
    kept = dict(data)
    for field in attrs.fields(type(item)):
        default = field.default
        if default is attrs.NOTHING or not field.init:
            continue
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            continue
        if getattr(item, field.name) == default and type(getattr(item, field.name)) is type(default):
            kept.pop(field.name, None)
    return kept


def _from_compiled(bundle: dict[str, Any] | None) -> Entries | None:
    """The entries of a parsed bundle; ``None`` if anything goes wrong (the TOML files are
    then read instead, and say precisely what is wrong)."""
    if bundle is None or bundle.get("format") != FORMAT:
        return None
    try:
        found: dict[str, list[Any]] = {name: [] for name in TABLES}
        origin: dict[str, str] = {}
        for group in bundle["files"]:
            label = group["file"]
            for table, kind in TABLES.items():
                build = _builder(kind)
                for data in group.get(table, ()):
                    value = build(data)
                    origin[value.id] = label
                    found[table].append(value)
        return entries(found, origin)
    except Exception:  # any surprise: the TOML path is slower but reports problems exactly
        return None


_BUILDERS: dict[Any, Callable[[Any], Any]] = {}


def _builder(kind: Any) -> Callable[[Any], Any]:
    """A function turning the compiled (unstructured) form of ``kind`` back into a value.

    The compiled data was validated when it was compiled: this replaces cattrs' generic
    machinery, which costs more than the rest of a cold start, and the entry types'
    constructors, whose checks the data already passed (see :func:`_trusted`).
    """
    found = _BUILDERS.get(kind)
    if found is None:
        found = _BUILDERS[kind] = _make_builder(kind)
    return found


def _memoised(resolve: Callable[[str], Any]) -> Callable[[str], Any]:
    # The same few codes recur in every entry; resolving is cheap, a dict hit is cheaper.
    seen: dict[str, Any] = {}

    def lookup(code: str) -> Any:
        found = seen.get(code)
        if found is None:
            found = seen[code] = resolve(code)
        return found

    return lookup


def _identity(value: Any) -> Any:
    return value


def _make_builder(kind: Any) -> Callable[[Any], Any]:
    if kind in (str, int, bool, float):
        return _identity
    if kind is dt.date:
        return dt.date.fromisoformat
    if kind is When:
        # The common forms read without the edtf package; only rarer ones (a decade) need it.
        # The same dates recur across entries, and a When is immutable: share one value.
        return _memoised(When.parse)
    if kind is Country:
        return _memoised(country)
    if kind is Region or kind == (Country | Region):
        return _memoised(place)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        inner = _builder(rest[0] if len(rest) == 1 else typing.Union[tuple(rest)])
        return lambda value: None if value is None else inner(value)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _builder(args[0])
        if item is _identity:
            return tuple
        return lambda value: tuple(map(item, value))
    if isinstance(kind, type) and attrs.has(kind):
        ns = vars(sys.modules[kind.__module__])
        try:
            fields = {f.name: _from_annotation(f.type, ns) for f in attrs.fields(kind) if f.init}
        except LookupError:  # an annotation too rich for _from_annotation: let typing do it
            hints = typing.get_type_hints(kind, ns)
            fields = {f.name: _builder(hints[f.name]) for f in attrs.fields(kind) if f.init}

        return _trusted(kind, fields) or (lambda value: kind(**{name: fields[name](v) for name, v in value.items()}))
    raise TypeError(f"no compiled form for {kind!r}")


def _trusted(kind: type, fields: dict[str, Callable[[Any], Any]]) -> Callable[[dict[str, Any]], Any] | None:
    """A builder of ``kind`` that sets its fields without running its constructor, or
    ``None`` for a class whose constructor does more than check (a field it computes, a
    default made by a factory).

    The constructor's checks (field types, ids, periods, anchors, ...) already passed when
    the bundle was compiled, and the bundle is served only while its fingerprint and content
    CRC say it is that data, unedited; running them again for every entry was a third of a
    cold start. Its converters are not needed either: the builders in ``fields`` already
    make the tuples and places they would. A test checks that the knowledge base built this
    way equals, entry by entry, the one built from the TOML files through the constructors.
    """
    specs = attrs.fields(kind)
    if any(not f.init or isinstance(f.default, attrs.Factory) for f in specs):  # type: ignore[arg-type]
        return None
    defaults = tuple((f.name, f.default) for f in specs if f.default is not attrs.NOTHING)
    new, put = object.__new__, object.__setattr__  # the only way to fill a frozen value's slots

    def build(value: dict[str, Any]) -> Any:
        made: Any = new(kind)
        for name, default in defaults:
            put(made, name, default)
        for name, data in value.items():
            put(made, name, fields[name](data))
        return made

    return build


def _from_annotation(annotation: Any, ns: dict[str, Any]) -> Callable[[Any], Any]:
    """The builder for a field annotated ``annotation`` (a string, under postponed
    evaluation), for the plain forms the entry types use: ``X``, ``a.X``, ``X | None``,
    ``Country | Region`` and ``tuple[X, ...]``. Anything else raises ``LookupError``.

    ``typing.get_type_hints`` would do, but it compiles every annotation string, which
    costs a cold start about as much as building the entries.
    """
    if not isinstance(annotation, str):
        return _builder(annotation)
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(annotation):
        depth += (ch == "[") - (ch == "]")
        if ch == "|" and depth == 0:
            parts.append(annotation[start:i].strip())
            start = i + 1
    parts.append(annotation[start:].strip())
    optional = "None" in parts
    parts = [p for p in parts if p != "None"]
    if sorted(parts) == ["Country", "Region"]:
        inner = _builder(Country | Region)
    elif len(parts) != 1:
        raise LookupError(annotation)
    elif parts[0].startswith("tuple[") and parts[0].endswith(", ...]"):
        item = _from_annotation(parts[0][6:-6], ns)
        inner = tuple if item is _identity else (lambda value: tuple(map(item, value)))
    else:
        head, *rest = parts[0].split(".")
        if not head.isidentifier():
            raise LookupError(annotation)
        target = ns[head] if head in ns else getattr(builtins, head)
        for name in rest:
            target = getattr(target, name)
        inner = _builder(target)
    if optional:
        return lambda value: None if value is None else inner(value)
    return inner
