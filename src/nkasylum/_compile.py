"""Rebuild the compiled bundle of the bundled data: ``python -m nkasylum._compile``.

Run it after editing any TOML file under ``src/nkasylum/data/``, or the engine's rules
(``tests/engine/test_performance.py`` fails until the bundle and the quick tables match them). An
entry point above every layer: it builds the knowledge base from the TOML files first
(every cross-entry check), so the bundle only ever holds data that passed every check, then
writes the storage layer's compiled form (``data/compiled.json``) and the quick tables
beside it (``data/quick.json``: ISO's table, the alias table and the engine's tables of
quick answers, see :mod:`nkasylum.engine.fast.quick`). In a checkout it also writes the new data
version into ``CITATION.cff`` (a derived value is computed, never typed by hand).
"""

from __future__ import annotations

import re
from pathlib import Path

from nkasylum.core.resources import BUNDLE, QUICK, data_files, data_root
from nkasylum.engine.fast.quick import quick_tables
from nkasylum.engine.knowledge import from_entries
from nkasylum.io.writing import write_files, write_text
from nkasylum.store.bundle import compile_bundle, compile_quick
from nkasylum.store.files import from_toml

__all__ = ["write_bundle"]


def write_bundle() -> Path:
    """Validate the bundled TOML files, rebuild ``data/compiled.json`` and ``data/quick.json``
    from them, and return the bundle's path."""
    kb = from_entries(from_toml(data_files(data_root())))
    folder = Path(str(data_root()))
    write_files([(folder / BUNDLE, compile_bundle()), (folder / QUICK, compile_quick(quick_tables(kb)))],
                folder=folder)
    cff = folder.parent.parent.parent / "CITATION.cff"  # src/nkasylum/data -> the checkout
    if cff.is_file():
        v = kb.data_version
        text = cff.read_text(encoding="utf-8")
        text = re.sub(r'value: "nkasylum-data:[0-9a-f]+"', f'value: "nkasylum-data:{v.fingerprint}"', text)
        text = re.sub(r"fingerprint [0-9a-f]+ \(evidence to [0-9-]+\)",
                      f"fingerprint {v.fingerprint} (evidence to {v.newest_evidence})", text)
        write_text(cff, text)
    return folder / BUNDLE


if __name__ == "__main__":  # pragma: no cover
    print(f"wrote {write_bundle()}")
