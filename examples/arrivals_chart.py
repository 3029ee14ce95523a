"""How many North Koreans reached South Korea each year, and which years do the sources dispute?

Usage: python examples/arrivals_chart.py [--svg FILE]

Prints a text bar chart of the yearly arrivals (no plotting library needed): one bar per
figure, so a year the sources disagree on shows every version, marked "disputed" with the
conflict and each version's source. Qualified figures keep their wording ("fewer than 100").
Years with no figure are shown as gaps, not zeros. With --svg FILE and matplotlib installed,
also draws the chart as an SVG file; without matplotlib it says so and draws only the text.
"""

import sys

import nkasylum as nk

MEASURE = "arrivals-in-south-korea"
points = nk.series(MEASURE)
widest = max(p.value.value or 0 for p in points)
scale = 50 / widest

print(f"{MEASURE}: {len(points)} figures for {len({p.year for p in points})} years "
      f"(one bar per figure; '=' a qualified figure such as 'fewer than 100'; '*' disputed)")
previous = None
for p in points:
    if previous is not None and p.year > previous + 1:
        print(f"{previous + 1}-{p.year - 1}: no figure" if p.year > previous + 2 else f"{previous + 1}: no figure")
    exact = p.value.qualifier is nk.Qualifier.EXACT
    bar = ("#" if exact else "=") * max(1, round((p.value.value or 0) * scale))
    sources = ", ".join(dict.fromkeys(e.source for e in p.evidence))
    mark = f" * disputed ({', '.join(p.disputed)})" if p.disputed else ""
    print(f"{p.year}  {bar:<50}  {p.value!s:>16}  [{sources}]{mark}")
    previous = p.year
disputed = sorted({p.year for p in points if p.disputed})
print(f"disputed years: {', '.join(map(str, disputed)) or 'none'}")

if "--svg" in sys.argv[1:]:
    target = sys.argv[sys.argv.index("--svg") + 1] if len(sys.argv) > sys.argv.index("--svg") + 1 else "arrivals.svg"
    try:
        import matplotlib

        matplotlib.use("Agg")  # no display needed
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: text chart only (pip install matplotlib for the SVG)")
        sys.exit(0)
    fig, ax = plt.subplots(figsize=(10, 4.5))
    plain = [p for p in points if not p.disputed and p.value.value is not None]
    split = [p for p in points if p.disputed and p.value.value is not None]
    ax.scatter([p.year for p in plain], [p.value.value for p in plain], label="one figure", color="tab:blue")
    ax.scatter([p.year for p in split], [p.value.value for p in split], label="disputed: every version",
               color="tab:red", marker="x")
    ax.set(title="North Koreans arriving in South Korea, by year (nkasylum)", xlabel="year",
           ylabel="people (as the sources word it)")
    ax.legend()
    fig.savefig(target, format="svg")
    print(f"wrote {target}")
