"""Regenerate the committed JSON Schema files: ``python -m nkasylum._schemas schemas``.

Run it after changing a public type's fields (``tests/io/test_schema.py`` fails until the files
match). A separate entry point so that ``-m`` does not re-run :mod:`nkasylum.io.schema` after
the package has imported it.
"""

from __future__ import annotations

import sys

from nkasylum.io.schema import write_schemas

if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    for written in write_schemas(sys.argv[1] if len(sys.argv) > 1 else "schemas"):
        print(written)
