"""Which countries sent North Koreans back, year by year, as a CSV ready for a regression?

Usage: python examples/panel_to_csv.py [FOLDER]

Writes the country-year panel (17 countries, 2000-2025, policy on 1 July) to FOLDER/panel.csv
(default: a new temporary folder), with no pandas needed, then derives FOLDER/model.csv: one
row per country-year with 0/1 codes a model can take, and an empty cell wherever the knowledge
base documents nothing that day. An unknown is never coded 0: "last known" values are not
carried forward (the support columns of panel.csv say why a cell is empty).
With pandas: ``nk.panel()`` returns the same panel as a DataFrame.
"""

import csv
import sys
import tempfile
from collections import Counter
from pathlib import Path

from nkasylum.io.panel import write_panel_csv

folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="nkasylum-"))
panel_path = write_panel_csv(folder / "panel.csv", years=range(2000, 2026))
with panel_path.open(encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))
print(f"wrote {len(rows)} country-years to {panel_path} ({len(rows[0])} columns)")


def yes_no(cell: str) -> str:
    """true/false/empty as 1/0/empty: unknown stays unknown."""
    return {"true": "1", "false": "0"}.get(cell, "")


model_path = folder / "model.csv"
columns = ["country", "year", "documented", "repatriates", "admits", "refugee_classification",
           "grants_status", "disputed"]
with model_path.open("w", encoding="utf-8", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(columns)
    for r in rows:
        stated = r["classification_support"] in ("rule in force", "seen", "between sightings")
        granted = r["grants_support"] in ("rule in force", "seen", "between sightings")
        out.writerow([
            r["country"], r["year"], yes_no(r["documented"]), yes_no(r["repatriates"]), yes_no(r["admits"]),
            ("1" if "refugee" in r["classification"].split("; ") else "0") if stated else "",
            ("1" if r["grants"] else "0") if granted else "",
            yes_no(r["disputed"]),
        ])
print(f"wrote the model table to {model_path}: columns {', '.join(columns)}")

support = Counter(r["repatriates_support"] for r in rows)
print("repatriates, how supported on 1 July:", ", ".join(f"{k} {v}" for k, v in support.most_common()))
sent_back = sorted({r["country"] for r in rows if r["repatriates"] == "true"})
print("documented as sending people back in some year:", ", ".join(sent_back))
