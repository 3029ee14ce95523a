"""Access to the data files shipped inside the package."""

from __future__ import annotations

import sys
from importlib import resources
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


def data_root() -> Traversable:
    """The folder of bundled data files."""
    return resources.files("nkasylum") / "data"


def read_toml(name: str) -> dict[str, Any]:
    """Parse one bundled TOML file by its path relative to the data folder."""
    node = data_root()
    for part in name.split("/"):
        node = node / part
    data: dict[str, Any] = toml().loads(node.read_text(encoding="utf-8"))
    return data
