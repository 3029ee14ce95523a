"""``python -m nkasylum``: the same command line as the ``nkasylum`` script (see :mod:`nkasylum.cli`)."""

from __future__ import annotations

from nkasylum.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
