"""Export the documented cases to a CSV file, with no pandas needed.

Usage: python examples/export_cases_csv.py [FOLDER]

Writes cases.csv to FOLDER (default: a new temporary folder) with one row per case. Counts
keep their qualifier in a column of their own, so "about 21" is never read back as 21; dates
stay as precise as their sources (EDTF: "2012-02" is a month), with the first and last day
they can mean beside them.
"""

import csv
import sys
import tempfile
from pathlib import Path

import nkasylum as nk

folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="nkasylum-"))
folder.mkdir(parents=True, exist_ok=True)
target = folder / "cases.csv"

columns = ["id", "date", "date_lower", "date_upper", "place", "people", "people_qualifier", "outcome",
           "channel", "route", "sources"]
cases = nk.cases()
with target.open("w", newline="", encoding="utf-8") as f:
    writer = csv.writer(f)
    writer.writerow(columns)
    for c in cases:
        writer.writerow([
            c.id,
            str(c.date) if c.date else "",
            c.date.lower or "" if c.date else "",
            c.date.upper or "" if c.date else "",
            c.place.alpha_2 if isinstance(c.place, nk.Country) else c.place.id,
            "" if c.people.value is None else c.people.value,
            c.people.qualifier.value,
            c.outcome.value,
            c.channel.value if c.channel else "",
            str(c.route) if c.route else "",
            " ".join(dict.fromkeys(e.source for e in c.evidence)),
        ])

with target.open(encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
print(f"wrote {len(rows)} cases to {target}")
print("columns:", ", ".join(columns))
qualified = sum(1 for r in rows if r["people_qualifier"] != "exact")
print(f"{qualified} of them give a qualified count (about, more than, ...), kept as such")
