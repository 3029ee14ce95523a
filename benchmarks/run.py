"""nkasylum measured against the libraries its users already know, side by side in one run.

    python benchmarks/run.py             # the full run (tens of minutes on two busy cores);
                                         # writes benchmarks/latest.json and latest.md
    python benchmarks/run.py --quick     # a minute or two; proves the script works (the tests)
    python benchmarks/run.py --only fresh bulk --out x.json

Every row is a ratio against a reference measured in the same run, interleaved, and every
row checks nkasylum's answers against a plain implementation (``reference.py``, or a
knowledge base with nothing cached); a mismatch stops the run with an error. The rows
(``rows.py``; docs/performance.md explains each one):

- cold start: whole processes, ``import nkasylum; nkasylum.can_resettle(...)`` against
  ``import attrs, pycountry``, min and median of interleaved runs, in a bare virtual
  environment without this interpreter's start-up hooks (the target), and with them; and
  an any-route first question, which the quick tables do not hold (reported);
- fresh questions: distinct questions, each asked once (any route, and named routes: as
  waypoints, the default, and as exact legs),
  against ``pycountry.countries.get`` and ``date in holidays`` with distinct arguments;
- repeated question: the memo hit, labelled as such;
- bulk: a million realistic rows (any destination, zero to two transit countries, any day);
- routes against networkx: the pruned idiom, and unpruned ``all_simple_paths`` (labelled);
- answer caches: memory gained after 200,000 distinct questions;
- scaling: any-route questions on generated worlds of 50 to 5,000 countries.

A full run (no ``--quick``, no ``--only``) writes ``benchmarks/latest.json`` and the table
``benchmarks/latest.md`` that the Performance page includes; other runs write under
``benchmarks/results/`` (git-ignored) or where ``--out`` says (the table beside it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import rows as measured  # noqa: E402

import nkasylum as nk  # noqa: E402

COLUMNS = ("row", "nkasylum", "reference", "ratio", "target", "met")


def _cells(row: dict[str, Any]) -> tuple[str, ...]:
    met = {True: "yes", False: "NO", None: "-"}[row["met"]]
    return (row["name"], row["ours"], row["reference"], f"{row['ratio']:.2f}", row["target"], met)


def table(rows: list[dict[str, Any]]) -> str:
    """The rows as aligned text, one line each, columns separated by `` | ``."""
    body = [_cells(r) for r in rows]
    widths = [max(len(str(x[i])) for x in (COLUMNS, *body)) for i in range(len(COLUMNS))]
    lines = [" | ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
             for line in (COLUMNS, *body)]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown(result: dict[str, Any]) -> str:
    """The rows as a Markdown table, headed by when and where they were measured."""
    lines = [
        f"Measured {result['when']} with nkasylum {result['nkasylum']}, Python {result['python']}, "
        f"{result['cpus']} CPUs ({result['platform']}){' — quick run' if result['quick'] else ''}. "
        "Ratio: nkasylum over its reference (for a time limit, over the limit); "
        "below 1 is faster.",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "| " + " | ".join("---" for _ in COLUMNS) + " |",
    ]
    for row in result["rows"]:
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in _cells(row)) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes: a minute, not an hour")
    parser.add_argument("--out", type=Path, help="where to write the JSON results (the table beside it)")
    parser.add_argument("--only", nargs="*", choices=list(measured.PLAN),
                        help="run only these row groups")
    args = parser.parse_args(argv)
    chosen = args.only or list(measured.PLAN)
    rows: list[dict[str, Any]] = []
    for name in chosen:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        rows.extend(measured.PLAN[name](args.quick))
    print(table(rows))
    result = {
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "quick": args.quick,
        "nkasylum": nk.__version__,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "rows": rows,
    }
    if args.out is not None:
        out = args.out
    elif args.quick or args.only:
        out = HERE / "results" / f"{time.strftime('%Y%m%d-%H%M%S')}{'-quick' if args.quick else ''}.json"
    else:
        out = HERE / "latest.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, default=str) + "\n", encoding="utf-8")
    out.with_suffix(".md").write_text(markdown(result), encoding="utf-8")
    print(f"\nwrote {out} and {out.with_suffix('.md').name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
