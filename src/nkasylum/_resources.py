"""Access to the data files shipped inside the package."""

from __future__ import annotations

import sys
from importlib import resources
from typing import TYPE_CHECKING, Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

if TYPE_CHECKING:
    from importlib.abc import Traversable

__all__ = ["data_root", "read_toml", "tomllib"]


def data_root() -> Traversable:
    """The folder of bundled data files."""
    return resources.files("nkasylum") / "data"


def read_toml(name: str) -> dict[str, Any]:
    """Parse one bundled TOML file by its path relative to the data folder."""
    node = data_root()
    for part in name.split("/"):
        node = node / part
    data: dict[str, Any] = tomllib.loads(node.read_text(encoding="utf-8"))
    return data
