"""Reading and validating the knowledge base's data files.

Layout of a data folder (the bundled one is ``nkasylum/data``)::

    sources/*.toml      [[source]] tables
    countries/*.toml    [[policy]] and [[passage]] tables, one file per country or region
    cases/*.toml        [[case]] tables
    statistics/*.toml   [[statistic]] tables
    conflicts/*.toml    [[conflict]] tables

Keys equal attribute names. Every problem is a :class:`~nkasylum.DataError` naming the
file, the entry and the field.

The bundled data also ships compiled: ``data/compiled.json`` holds every entry of the
TOML files, already validated, with a fingerprint of those files. Loading the bundled
knowledge base reads it instead of parsing TOML and structuring through ``cattrs``
(which together cost most of a cold start), but only while the fingerprint matches the
TOML files beside it; otherwise, or if anything in it does not build, the TOML files
are loaded as usual, so an edited data file is never shadowed by a stale bundle. After
editing data, rebuild it with ``python -m nkasylum._compile`` (a test checks it is fresh).
"""

from __future__ import annotations

import builtins
import datetime as dt
import enum
import functools
import json
import sys
import types
import typing
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

import attrs

from nkasylum._resources import data_root, toml
from nkasylum.cases import Case
from nkasylum.conflicts import Conflict
from nkasylum.countries import Country, country
from nkasylum.errors import ArgumentTypeError, DataError
from nkasylum.passages import Passage
from nkasylum.places import Region, place
from nkasylum.policies import Policy
from nkasylum.sources import Source
from nkasylum.statistics import Statistic

if TYPE_CHECKING:
    from importlib.abc import Traversable

    from nkasylum.knowledge import KnowledgeBase

__all__ = ["compile_bundle", "load_knowledge_base"]

# folder -> {table name -> type}
_LAYOUT: dict[str, dict[str, type[Any]]] = {
    "sources": {"source": Source},
    "countries": {"policy": Policy, "passage": Passage},
    "cases": {"case": Case},
    "statistics": {"statistic": Statistic},
    "conflicts": {"conflict": Conflict},
}
BUNDLE = "compiled.json"
"""The compiled form of the bundled data, in the data folder."""
ALIASES = "aliases.toml"
"""The country alias table, in the data folder (compiled into the bundle too)."""
_FORMAT = 1  # bump when the layout of the compiled file changes


def load_knowledge_base(
    folder: str | Path | None = None, *, documents: str | Path | None = None
) -> KnowledgeBase:
    """Load and validate a knowledge base from a data folder.

    Args:
        folder: a data folder laid out as the bundled one; ``None`` loads the bundled data
            (use :func:`nkasylum.default_knowledge_base` for the cached copy).
        documents: the shared documents folder (holding ``seeds/`` and ``sources/``); when
            given, every evidence anchor is checked against its source's document.

    Raises:
        DataError: a file that does not parse or an entry that does not validate; the
            message names the file, the entry and the field.
        ArgumentTypeError: ``folder`` is not a path.

    Example:
        >>> import nkasylum as nk
        >>> kb = nk.load_knowledge_base()
        >>> kb == nk.default_knowledge_base()
        True
    """
    if folder is not None and not isinstance(folder, (str, PurePath)):
        raise ArgumentTypeError(
            f"folder= takes a path (str or pathlib.Path) or None, not {type(folder).__name__}"
        )
    root: Traversable | Path = data_root() if folder is None else Path(folder)
    if folder is not None and not Path(folder).is_dir():
        raise DataError(f"no data folder at {folder}")
    loaded = None
    if folder is None:
        loaded = _from_compiled(bundled_compiled())
        bundled_compiled.cache_clear()  # built: no need to keep the parsed text in memory
    kb, origin = loaded if loaded is not None else _from_toml(_read_all(root))
    if documents is not None:
        from nkasylum.anchors import check_anchors

        problems = check_anchors(kb, documents)
        if problems:
            first = problems[0]
            raise DataError(first.message, file=origin.get(first.entry_id),
                            entry=first.entry, field=first.field)
    return kb


def _from_toml(files: list[tuple[str, str, bytes]]) -> tuple[KnowledgeBase, dict[str, str]]:
    """Parse, structure (through cattrs) and validate every data file."""
    from nkasylum.serialize import structure

    tomllib = toml()
    found: dict[str, list[Any]] = {name: [] for tables in _LAYOUT.values() for name in tables}
    origin: dict[str, str] = {}
    for sub, file_name, raw_bytes in files:
        tables = _LAYOUT[sub]
        label = f"{sub}/{file_name}"
        try:
            data = tomllib.loads(raw_bytes.decode("utf-8"))
        except UnicodeDecodeError as err:
            raise DataError(f"not UTF-8 text: {err}", file=label) from None
        except tomllib.TOMLDecodeError as err:
            raise DataError(f"not valid TOML: {err}", file=label) from None
        extra = sorted(set(data) - set(tables))
        if extra:
            raise DataError(
                f"unknown table(s) {', '.join(extra)}; files in {sub}/ hold "
                f"{', '.join('[[' + t + ']]' for t in tables)}",
                file=label,
            )
        for table, kind in tables.items():
            entries = data.get(table, [])
            if not isinstance(entries, list):
                raise DataError(f"[{table}] must be an array of tables, written [[{table}]]",
                                file=label)
            for position, raw in enumerate(entries, 1):
                ident = raw.get("id") if isinstance(raw, dict) else None
                entry = f"{table} {ident!r}" if ident else f"{table} #{position}"
                try:
                    value = structure(raw, kind, where=label)
                except DataError as err:
                    raise DataError(err.message, file=label, entry=entry,
                                    field=err.field) from None
                if value.id in origin:
                    raise DataError(f"id {value.id!r} is already used in {origin[value.id]}",
                                    file=label, entry=entry, field="id")
                origin[value.id] = label
                found[table].append(value)
    return _assemble(found, origin), origin


def _assemble(found: dict[str, list[Any]], origin: dict[str, str]) -> KnowledgeBase:
    from nkasylum.knowledge import KnowledgeBase

    try:
        return KnowledgeBase(
            all_sources=tuple(found["source"]),
            all_policies=tuple(found["policy"]),
            all_passages=tuple(found["passage"]),
            all_cases=tuple(found["case"]),
            all_statistics=tuple(found["statistic"]),
            all_conflicts=tuple(found["conflict"]),
        )
    except DataError as err:
        entry_id = (err.entry or "").split(" ")[-1].strip("'")
        raise DataError(err.message, file=origin.get(entry_id, err.file), entry=err.entry,
                        field=err.field) from None


def _read_all(root: Traversable | Path) -> list[tuple[str, str, bytes]]:
    return [(sub, name, data) for sub in _LAYOUT for name, data in _files(root, sub)]


def _files(root: Traversable | Path, sub: str) -> Iterator[tuple[str, bytes]]:
    # Bytes, not text: a file that is not UTF-8 must become a DataError naming it.
    folder = root / sub
    if not folder.is_dir():
        return
    for node in sorted(folder.iterdir(), key=lambda n: n.name):
        if node.name.endswith(".toml") and node.is_file():
            yield node.name, node.read_bytes()


def _fingerprint(files: list[tuple[str, str, bytes]], aliases: bytes) -> str:
    """Identifies the exact content of the data files and the alias table (names, bytes).

    CRC-32 rather than a cryptographic hash: it only has to notice an edit, and zlib is
    already imported by then while hashlib is not.
    """
    crc = zlib.crc32(aliases)
    size = len(aliases)
    for sub, name, data in files:
        crc = zlib.crc32(f"{sub}/{name}\0".encode(), crc)
        crc = zlib.crc32(data, crc)
        size += len(data)
    return f"{crc:08x}-{size}-{len(files)}"


# ------------------------------------------------------------- compiled bundle
def compile_bundle(folder: str | Path | None = None) -> str:
    """The compiled (JSON) form of a data folder, as written to ``data/compiled.json``.

    Every entry is loaded and validated from the TOML files first, so the bundle only
    ever holds data that passed every check.

    Example:
        >>> import json
        >>> from nkasylum.loader import compile_bundle
        >>> sorted(json.loads(compile_bundle()))
        ['aliases', 'files', 'fingerprint', 'format']
    """
    from nkasylum.serialize import unstructure

    root: Traversable | Path = data_root() if folder is None else Path(folder)
    files = _read_all(root)
    kb, origin = _from_toml(files)
    by_file: dict[str, dict[str, list[Any]]] = {}
    tables: dict[str, tuple[Any, ...]] = {
        "source": kb.all_sources, "policy": kb.all_policies, "passage": kb.all_passages,
              "case": kb.all_cases, "statistic": kb.all_statistics,
              "conflict": kb.all_conflicts}
    for table, items in tables.items():
        for item in items:
            by_file.setdefault(origin[item.id], {}).setdefault(table, []).append(
                _without_defaults(item, unstructure(item)))
    aliases = (root / ALIASES).read_bytes()
    bundle = {
        "format": _FORMAT,
        "fingerprint": _fingerprint(files, aliases),
        "aliases": toml().loads(aliases.decode("utf-8")),
        "files": [{"file": label, **by_file[label]} for label in sorted(by_file)],
    }
    return json.dumps(bundle, indent=0, sort_keys=True, ensure_ascii=False) + "\n"


@functools.lru_cache(maxsize=1)
def bundled_compiled() -> dict[str, Any] | None:
    """The parsed compiled bundle of the bundled data, or ``None`` when it is missing or
    does not match the TOML files (and alias table) beside it.

    Shared by the country registry (its alias table) and the loader, so that a cold
    start reads and parses it once; the loader drops it once the knowledge base is built.
    """
    root = data_root()
    try:
        bundle = json.loads((root / BUNDLE).read_bytes())
        aliases = (root / ALIASES).read_bytes()
    except (OSError, ValueError):
        return None
    if not isinstance(bundle, dict) or bundle.get("format") != _FORMAT:
        return None
    if bundle.get("fingerprint") != _fingerprint(_read_all(root), aliases):
        return None
    return bundle


def bundled_aliases() -> dict[str, Any] | None:
    """The alias table from the compiled bundle, or ``None`` (then read ``aliases.toml``)."""
    bundle = bundled_compiled()
    found = bundle.get("aliases") if bundle is not None else None
    return found if isinstance(found, dict) else None


def _from_bundle(root: Traversable | Path,
                 files: list[tuple[str, str, bytes]]) -> tuple[KnowledgeBase, dict[str, str]] | None:
    """The knowledge base from the compiled bundle in ``root``, or ``None`` when there is
    none, it is stale, or it does not build."""
    try:
        bundle = json.loads((root / BUNDLE).read_bytes())
        if bundle.get("fingerprint") != _fingerprint(files, (root / ALIASES).read_bytes()):
            return None
    except (OSError, ValueError, AttributeError):
        return None
    return _from_compiled(bundle)


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


def _from_compiled(bundle: dict[str, Any] | None) -> tuple[KnowledgeBase, dict[str, str]] | None:
    """Build the knowledge base from a parsed bundle; ``None`` if anything goes wrong (the
    TOML files are then loaded instead, and say precisely what is wrong)."""
    if bundle is None or bundle.get("format") != _FORMAT:
        return None
    try:
        found: dict[str, list[Any]] = {name: [] for tables in _LAYOUT.values() for name in tables}
        origin: dict[str, str] = {}
        for group in bundle["files"]:
            label = group["file"]
            for table, kind in _TABLES.items():
                build = _builder(kind)
                for data in group.get(table, ()):
                    value = build(data)
                    origin[value.id] = label
                    found[table].append(value)
        return _assemble(found, origin), origin
    except Exception:  # any surprise: the TOML path is slower but reports problems exactly
        return None


_TABLES: dict[str, type[Any]] = {name: kind for tables in _LAYOUT.values()
                                 for name, kind in tables.items()}
_BUILDERS: dict[Any, Callable[[Any], Any]] = {}


def _builder(kind: Any) -> Callable[[Any], Any]:
    """A function turning the compiled (unstructured) form of ``kind`` back into a value.

    The compiled data was validated when it was compiled, and every constructor still
    runs its own checks; this replaces only cattrs' generic machinery, which costs
    more than the rest of a cold start.
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

        def build(value: dict[str, Any]) -> Any:
            return kind(**{name: fields[name](v) for name, v in value.items()})

        return build
    raise TypeError(f"no compiled form for {kind!r}")


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


def write_bundle() -> Path:
    """Rebuild ``data/compiled.json`` from the bundled TOML files (run after editing them:
    ``python -m nkasylum._compile``). Returns the path written."""
    target = Path(str(data_root())) / BUNDLE
    target.write_text(compile_bundle(), encoding="utf-8")
    return target
