"""The "Add a fact" guide (docs/how-to/add-a-fact.md): the data entries it shows, as stored.

Marker: ``data-entry FILE ID`` (one entry of a bundled data file, exactly as written).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))   # the shared helpers beside this file
from _common import data_entry, main

GENERATORS = {"data-entry": data_entry}

main(__name__, "how-to/add-a-fact.md", GENERATORS)
