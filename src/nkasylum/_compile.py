"""Rebuild the compiled bundle of the bundled data: ``python -m nkasylum._compile``.

Run it after editing any TOML file under ``src/nkasylum/data/`` (``tests/test_performance.py``
fails until the bundle matches them). An entry point above every layer: it builds the
knowledge base from the TOML files first (every cross-entry check), so the bundle only ever
holds data that passed every check, then writes the storage layer's compiled form.
"""

from __future__ import annotations

from pathlib import Path

from nkasylum.core.resources import BUNDLE, data_files, data_root
from nkasylum.engine.knowledge import from_entries
from nkasylum.store.bundle import compile_bundle
from nkasylum.store.files import from_toml

__all__ = ["write_bundle"]


def write_bundle() -> Path:
    """Validate the bundled TOML files, rebuild ``data/compiled.json`` from them, and return its path."""
    from_entries(from_toml(data_files(data_root())))
    target = Path(str(data_root())) / BUNDLE
    target.write_text(compile_bundle(), encoding="utf-8")
    return target


if __name__ == "__main__":  # pragma: no cover
    print(f"wrote {write_bundle()}")
