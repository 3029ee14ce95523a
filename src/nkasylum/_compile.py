"""Rebuild the compiled bundle of the bundled data: ``python -m nkasylum._compile``.

Run it after editing any TOML file under ``src/nkasylum/data/`` (``tests/test_performance.py``
fails until the bundle matches them). A separate module so that ``-m`` does not re-run
``nkasylum.loader`` after the package has imported it.
"""

from __future__ import annotations

from nkasylum.loader import write_bundle

if __name__ == "__main__":  # pragma: no cover
    print(f"wrote {write_bundle()}")
