"""Access to the data files shipped inside the package."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.abc import Traversable

__all__ = ["data_root", "read_toml", "toml"]


def toml() -> ModuleType:
    """The TOML parser: ``tomllib``, or ``tomli`` below Python 3.11.

    Imported on first use: the bundled knowledge base normally loads from its compiled
    JSON form, and importing the parser is a measurable part of start-up.
    """
    if sys.version_info >= (3, 11):
        import tomllib

        return tomllib
    import tomli  # pragma: no cover - exercised on Python 3.10 only

    return tomli  # pragma: no cover


_HERE = Path(__file__).parent / "data"


def data_root() -> Traversable:
    """The folder of bundled data files.

    A regular install (wheel, sdist or editable) has it beside this module; importing
    ``importlib.resources`` costs several milliseconds of start-up, so it is asked only for
    an install where the folder is not a plain directory (e.g. a zipped package).
    """
    if _HERE.is_dir():
        return _HERE
    from importlib import resources

    return resources.files("nkasylum") / "data"


def read_toml(name: str) -> dict[str, Any]:
    """Parse one bundled TOML file by its path relative to the data folder."""
    node = data_root()
    for part in name.split("/"):
        node = node / part
    data: dict[str, Any] = toml().loads(node.read_text(encoding="utf-8"))
    return data
