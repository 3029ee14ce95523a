"""Route search on a dense generated world: memory stays bounded whatever ``max_transits`` is.

Builds the 20,000-passage world (every ISO country, random dated passages), then asks
``routes`` for the best 100 routes between two well-connected countries with
``max_transits`` from 1 to 8, each in a fresh process (so one row's memory does not hide
another's), and prints the peak traced memory of the search and its time. A row that
takes longer than ``--seconds`` is stopped and reported as such.

    python benchmarks/route_memory.py [--passages 20000] [--seconds 120]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

_ROW = """
import sys, time, tracemalloc, datetime as dt
sys.path.insert(0, {here!r})
import world, nkasylum as nk
kb = world.world(passages={passages})
day = dt.date(2010, 6, 1)
tracemalloc.start()
t = time.perf_counter()
found = kb.routes("CN", "KR", on=day, max_transits={k}, max_routes=100)
seconds = time.perf_counter() - t
peak = tracemalloc.get_traced_memory()[1]
print({{"routes": len(found), "seconds": seconds, "peak_mib": peak / 2**20}})
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=20_000)
    parser.add_argument("--seconds", type=float, default=120.0)
    args = parser.parse_args()
    print(f"{'max_transits':>12} | {'routes':>6} | {'seconds':>8} | peak traced MiB")
    for k in range(1, 9):
        code = _ROW.format(here=str(HERE), passages=args.passages, k=k)
        try:
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 timeout=args.seconds, check=True)
        except subprocess.TimeoutExpired:
            print(f"{k:>12} | {'-':>6} | > {args.seconds:.0f} s (stopped)")
            continue
        row = json.loads(out.stdout.strip().replace("'", '"'))
        print(f"{k:>12} | {row['routes']:>6} | {row['seconds']:>8.2f} | {row['peak_mib']:.1f}")


if __name__ == "__main__":
    main()
