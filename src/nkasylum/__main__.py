"""``python -m nkasylum`` and the ``nkasylum`` script: the command line of :mod:`nkasylum.io.cli`.

The script's entry point is ``nkasylum.__main__:main``, so both run the same function.
"""

from __future__ import annotations

from nkasylum.io.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    raise SystemExit(main())
