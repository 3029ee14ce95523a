"""Reading and validating the knowledge base's data files.

Layout of a data folder (the bundled one is ``nkasylum/data``)::

    sources/*.toml      [[source]] tables
    countries/*.toml    [[policy]] and [[passage]] tables, one file per country or region
    cases/*.toml        [[case]] tables
    statistics/*.toml   [[statistic]] tables
    conflicts/*.toml    [[conflict]] tables

Keys equal attribute names. Every problem is a :class:`~nkasylum.DataError` naming the
file, the entry and the field.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from nkasylum._resources import data_root, tomllib
from nkasylum.cases import Case
from nkasylum.conflicts import Conflict
from nkasylum.errors import ArgumentTypeError, DataError
from nkasylum.passages import Passage
from nkasylum.policies import Policy
from nkasylum.sources import Source
from nkasylum.statistics import Statistic

if TYPE_CHECKING:
    from importlib.abc import Traversable

    from nkasylum.knowledge import KnowledgeBase

__all__ = ["load_knowledge_base"]

# folder -> {table name -> type}
_LAYOUT: dict[str, dict[str, type[Any]]] = {
    "sources": {"source": Source},
    "countries": {"policy": Policy, "passage": Passage},
    "cases": {"case": Case},
    "statistics": {"statistic": Statistic},
    "conflicts": {"conflict": Conflict},
}


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
    from nkasylum.knowledge import KnowledgeBase
    from nkasylum.serialize import structure

    if folder is not None and not isinstance(folder, (str, PurePath)):
        raise ArgumentTypeError(
            f"folder= takes a path (str or pathlib.Path) or None, not {type(folder).__name__}"
        )
    root: Traversable | Path = data_root() if folder is None else Path(folder)
    if folder is not None and not Path(folder).is_dir():
        raise DataError(f"no data folder at {folder}")
    found: dict[str, list[Any]] = {name: [] for tables in _LAYOUT.values() for name in tables}
    origin: dict[str, str] = {}
    for sub, tables in _LAYOUT.items():
        for file_name, raw_bytes in _files(root, sub):
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
    try:
        kb = KnowledgeBase(
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
    if documents is not None:
        from nkasylum.anchors import check_anchors

        problems = check_anchors(kb, documents)
        if problems:
            first = problems[0]
            raise DataError(first.message, file=origin.get(first.entry_id),
                            entry=first.entry, field=first.field)
    return kb


def _files(root: Traversable | Path, sub: str) -> Iterator[tuple[str, bytes]]:
    # Bytes, not text: a file that is not UTF-8 must become a DataError naming it.
    folder = root / sub
    if not folder.is_dir():
        return
    for node in sorted(folder.iterdir(), key=lambda n: n.name):
        if node.name.endswith(".toml") and node.is_file():
            yield node.name, node.read_bytes()
