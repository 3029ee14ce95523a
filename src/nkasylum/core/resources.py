"""Access to the data files shipped inside the package: TOML text, the alias table, the compiled bundle."""

from __future__ import annotations

import functools
import json
import os
import stat
import sys
import zlib
from collections.abc import Iterator
from types import ModuleType
from typing import TYPE_CHECKING, Any

from nkasylum.core.errors import DataError

if TYPE_CHECKING:
    from importlib.abc import Traversable
    from pathlib import Path

__all__ = ["ALIASES", "BUNDLE", "FOLDERS", "FORMAT", "QUICK", "alias_table", "bundled_compiled",
           "bundled_quick", "data_files", "data_root", "fingerprint", "parse_bundle", "parse_data_toml",
           "read_bytes", "read_toml", "toml"]

FOLDERS = ("sources", "countries", "cases", "statistics", "conflicts")
"""The sub-folders of a data folder, in the order they are read."""
BUNDLE = "compiled.json"
"""The compiled form of the bundled data, in the data folder."""
ALIASES = "aliases.toml"
"""The country alias table, in the data folder (copied into the quick tables, ``QUICK``, too)."""
QUICK = "quick.json"
"""Beside the bundle: ISO's table of countries, the alias table and the tables of quick
answers (see :mod:`nkasylum.engine.fast.quick`), in the layout of the bundle, small enough that a
cold start parses it alone."""
FORMAT = 5
"""The layout version of the compiled bundle and the quick tables; bump it when the layout changes."""


def toml() -> ModuleType:
    """The TOML parser: ``tomllib``, or ``tomli`` below Python 3.11.

    Imported on first use: the bundled knowledge base normally loads from its compiled
    JSON form, and importing the parser is a measurable part of start-up.
    """
    if sys.version_info >= (3, 11):
        import tomllib  # lazy: only a stale bundle or a user's data folder needs TOML

        return tomllib
    import tomli  # lazy: as above  # pragma: no cover - exercised on Python 3.10 only

    return tomli  # pragma: no cover


# A plain path string: pathlib (with the urllib.parse and ipaddress it imports) is several
# milliseconds of a cold start, and the bundled data is read with os alone.
_HERE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")


def data_root() -> Traversable:
    """The folder of bundled data files (a :class:`pathlib.Path` in a regular install).

    A regular install (wheel, sdist or editable) has it inside the package; importing
    ``importlib.resources`` costs several milliseconds of start-up, so it is asked only for
    an install where the folder is not a plain directory (e.g. a zipped package).
    """
    if os.path.isdir(_HERE):
        from pathlib import Path  # lazy: a cold start reads the bundled data without pathlib

        return Path(_HERE)
    from importlib import resources  # lazy: several milliseconds, needed only for zipped installs

    return resources.files("nkasylum") / "data"


def _bundled_root() -> str | Traversable:
    """The bundled data folder as a path string where it is one (read with os), else as
    :func:`data_root` gives it."""
    return _HERE if os.path.isdir(_HERE) else data_root()


def read_bytes(root: str | os.PathLike[str] | Traversable, name: str) -> bytes:
    """The bytes of the file ``name`` (a name, not a path) in the folder ``root``.

    Raises:
        OSError: the file cannot be read.
    """
    if isinstance(root, (str, os.PathLike)):
        with open(os.path.join(root, name), "rb") as file:
            return file.read()
    return (root / name).read_bytes()


def read_toml(name: str) -> dict[str, Any]:
    """Parse one bundled TOML file by its path relative to the data folder."""
    node = data_root()
    for part in name.split("/"):
        node = node / part
    return parse_data_toml(node.read_text(encoding="utf-8"), name)


END = "end"


def parse_data_toml(text: str, label: str) -> dict[str, Any]:
    """Parse one data file, which must end with an empty ``[end]`` table on its last line.

    The marker is there because a file cut short between two entries is still valid TOML:
    only the missing marker tells it from a file with fewer entries. Raises
    :class:`~nkasylum.DataError` naming ``label`` for invalid TOML or a missing marker.
    """
    tomllib = toml()
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise DataError(f"not valid TOML: {err}", file=label) from None
    lines = (line.strip() for line in reversed(text.splitlines()))
    last = next((line for line in lines if line and not line.startswith("#")), None)
    if last != f"[{END}]" or data.get(END) != {}:
        raise DataError(
            f"does not end with an empty [{END}] table: the file may have been cut short "
            f"(a complete data file ends with the line [{END}], after its last entry)",
            file=label)
    del data[END]
    return data


def data_files(root: str | Path | Traversable) -> list[tuple[str, str, bytes]]:
    """Every ``*.toml`` file of a data folder as ``(sub-folder, file name, bytes)``, sorted.

    Bytes, not text: a file that is not UTF-8 must become a DataError naming it.

    Raises:
        DataError: naming every ``*.toml`` entry that is not a readable regular file (a
            dangling link, a link loop, a folder, a FIFO, a file that cannot be opened):
            skipping it would load the folder with its entries missing.
    """
    found: list[tuple[str, str, bytes]] = []
    problems: list[DataError] = []
    for sub in FOLDERS:
        for name, data in _files(root, sub):
            if isinstance(data, DataError):
                problems.append(data)
            else:
                found.append((sub, name, data))
    if problems:
        raise DataError.collect(problems)
    return found


def _unreadable(sub: str, name: str, why: str) -> DataError:
    return DataError(f"not a readable regular file ({why}): a data file that cannot be read would "
                     "leave its entries out; restore it, or remove it", file=f"{sub}/{name}")


def _files(root: str | Path | Traversable, sub: str) -> Iterator[tuple[str, bytes | DataError]]:
    if isinstance(root, (str, os.PathLike)):
        # os.scandir and open: a cold start reads every data file (the bundle's freshness
        # check) and pathlib's objects cost half as much again as the reading
        folder = os.path.join(root, sub)
        try:
            with os.scandir(folder) as found:
                entries = sorted(((e.name, e) for e in found if e.name.endswith(".toml")),
                                 key=lambda pair: pair[0])
        except (FileNotFoundError, NotADirectoryError):
            return
        for name, entry in entries:
            try:
                regular = entry.is_file()  # follows a link; False for a dangling one or a loop
            except OSError as err:
                yield name, _unreadable(sub, name, err.strerror or str(err))
                continue
            if not regular:
                yield name, _unreadable(sub, name, _kind(entry))
                continue
            try:
                with open(os.path.join(folder, name), "rb") as file:
                    yield name, file.read()
            except OSError as err:
                yield name, _unreadable(sub, name, err.strerror or str(err))
        return
    node = root / sub
    if not node.is_dir():
        return
    for item in sorted(node.iterdir(), key=lambda n: n.name):
        if item.name.endswith(".toml"):
            if not item.is_file():
                yield item.name, _unreadable(sub, item.name, "not a file")
                continue
            yield item.name, item.read_bytes()


def _kind(entry: os.DirEntry[str]) -> str:
    """What a directory entry that is not a regular file is, for the message."""
    try:
        if entry.is_dir():
            return "a folder"
        if entry.is_symlink():
            return f"a link to {os.readlink(entry.path)!r}, which does not exist"
        mode = entry.stat(follow_symlinks=False).st_mode
    except OSError as err:
        return err.strerror or str(err)
    return "a FIFO" if stat.S_ISFIFO(mode) else "a special file"


def fingerprint(files: list[tuple[str, str, bytes]], aliases: bytes) -> str:
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


@functools.lru_cache(maxsize=1)
def _bundled_fingerprint() -> str | None:
    """The fingerprint of the bundled TOML files and alias table (``None``: unreadable),
    read once a process: the bundle and the quick tables beside it both answer to it."""
    root = _bundled_root()
    try:
        return fingerprint(data_files(root), read_bytes(root, ALIASES))
    except (OSError, DataError):  # read from the TOML files instead, which names the problem
        return None


def _bundled(name: str) -> dict[str, Any] | None:
    root = _bundled_root()
    try:
        raw = read_bytes(root, name)
    except OSError:
        return None
    expected = _bundled_fingerprint()
    return None if expected is None else parse_bundle(raw, expected)


@functools.lru_cache(maxsize=1)
def bundled_compiled() -> dict[str, Any] | None:
    """The parsed compiled bundle of the bundled data, or ``None`` when it is missing or
    does not match the TOML files (and alias table) beside it. The store drops it once
    the entries are built.
    """
    return _bundled(BUNDLE)


@functools.lru_cache(maxsize=1)
def bundled_quick() -> dict[str, Any] | None:
    """The parsed quick tables of the bundled data (``QUICK``), or ``None`` when they are
    missing or do not match the TOML files (and alias table) beside them.

    The country registry reads ISO's table and the alias table from it, and
    :mod:`nkasylum.engine.fast.quick` its answers: a first question parses these few kilobytes,
    not the bundle.
    """
    return _bundled(QUICK)


def parse_bundle(raw: bytes, expected: str) -> dict[str, Any] | None:
    """A compiled bundle's content, or ``None`` unless it is of this format, was compiled
    from data whose fingerprint is ``expected``, and is itself unedited.

    The bundle is a header line (format, fingerprint of the TOML files and alias table, and
    a CRC-32 of the rest) and the content: editing the compiled file by hand, without
    the TOML, makes it stale too, so nothing unvalidated is ever served from it.
    """
    head, _, body = raw.partition(b"\n")
    try:
        header = json.loads(head)
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            return None
        if header.get("fingerprint") != expected or header.get("content") != f"{zlib.crc32(body):08x}":
            return None
        bundle = json.loads(body)
    except ValueError:
        return None
    return {**bundle, **header} if isinstance(bundle, dict) else None


def alias_table() -> dict[str, Any]:
    """The country alias table: from the quick tables while they are fresh (no TOML parser
    needed, which matters at start-up), else parsed from ``aliases.toml``."""
    bundle = bundled_quick()
    found = bundle.get("aliases") if bundle is not None else None
    if isinstance(found, dict):
        return found
    try:
        return read_toml(ALIASES)
    except UnicodeDecodeError as err:
        raise DataError(f"the bundled alias table is not UTF-8 text: {err}", file=ALIASES) from None
