"""nkasylum measured against the libraries its users already know, side by side in one run.

    python benchmarks/run.py             # the full run: a few minutes on two cores
    python benchmarks/run.py --quick     # seconds; proves the script works (used by the tests)
    python benchmarks/run.py --out x.json

Five rows, each a median over interleaved runs, with the ratio to the reference library
and the target it is held to (docs/performance.md explains each one):

1. cold start: ``import nkasylum; nkasylum.can_resettle(...)`` in a fresh interpreter
   against ``import attrs, pycountry`` (the dependencies' own floor);
2. warm query: one ``can_resettle`` call against ``pycountry.countries.get`` and a
   date lookup in python-holidays;
3. route search in a generated world knowledge base against ``networkx.all_simple_paths``;
4. bulk assessment of a million rows;
5. peak resident memory of loading the bundled and the generated knowledge bases.

Every row also checks that the fast path gives the answers of a plain reference
implementation (``reference.py``); a mismatch stops the run. Results are printed as a
table and written as JSON under ``benchmarks/results/`` (git-ignored) unless ``--out``
says where.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import reference  # noqa: E402
import world  # noqa: E402

import nkasylum as nk  # noqa: E402

Row = dict[str, Any]


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _env() -> dict[str, str]:
    # Installed packages run from compiled bytecode; a checkout run with
    # PYTHONDONTWRITEBYTECODE would recompile nkasylum on every start and measure that.
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


# ------------------------------------------------------------------ 1. cold start
COLD_OURS = "import nkasylum; nkasylum.can_resettle('KP','CN','KR')"
COLD_FLOOR = "import attrs, pycountry"


def cold_start(runs: int) -> Row:
    env = _env()

    def once(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        return time.perf_counter() - start

    for _ in range(1 if runs < 10 else 3):  # warm the file cache, write bytecode; not counted
        once(COLD_OURS)
        once(COLD_FLOOR)
    ours: list[float] = []
    floor: list[float] = []
    for i in range(runs):
        pair = [(COLD_OURS, ours), (COLD_FLOOR, floor)]
        for code, into in pair if i % 2 == 0 else pair[::-1]:
            into.append(once(code))
    added = (_median(ours) - _median(floor)) * 1000
    # The answer must be the one the library gives in process.
    check = subprocess.run(
        [sys.executable, "-c", COLD_OURS.replace("nkasylum.can_resettle", "print(nkasylum.can_resettle")
         + ".verdict.value)"], check=True, env=env, capture_output=True, text=True).stdout.strip()
    expected = nk.can_resettle("KP", "CN", "KR").verdict.value
    _require(check == expected, f"cold start answered {check!r}, in process {expected!r}")
    return {
        "name": "cold start",
        "ours": f"{_median(ours) * 1000:.0f} ms",
        "reference": f"{_median(floor) * 1000:.0f} ms (import attrs, pycountry)",
        "ratio": _median(ours) / _median(floor),
        "result": f"+{added:.1f} ms over the floor",
        "target": "at most +25 ms",
        "met": added <= 25,
        "data": {"ours_s": ours, "floor_s": floor, "runs": runs, "added_ms": added},
    }


# ------------------------------------------------------------------ 2. warm query
def warm_query(number: int, repeats: int) -> Row:
    import holidays
    import pycountry

    day = dt.date(2002, 9, 11)
    nk.can_resettle("KP", "CN", "KR", on=day)
    pycountry.countries.get(alpha_2="KP")
    korea = holidays.country_holidays("KR")
    _ = day in korea
    candidates: dict[str, Callable[[], object]] = {
        "nkasylum": lambda: nk.can_resettle("KP", "CN", "KR", on=day),
        "pycountry": lambda: pycountry.countries.get(alpha_2="KP"),
        "holidays": lambda: day in korea,
        "holidays-build": lambda: day in holidays.country_holidays("KR"),
    }
    times: dict[str, list[float]] = {name: [] for name in candidates}
    for _ in range(repeats):  # interleaved, so a busy moment hits all of them
        for name, fn in candidates.items():
            n = max(1, number // 500) if name == "holidays-build" else number
            times[name].append(min(timeit.repeat(fn, number=n, repeat=3)) / n)
    per_call = {name: _median(ts) * 1e6 for name, ts in times.items()}
    ref = reference.verdicts(nk.default_knowledge_base(), [("KP", "CN", "KR", day)])[0]
    _require(nk.can_resettle("KP", "CN", "KR", on=day).verdict is ref, "warm query verdict differs")
    slowest_peer = min(per_call["pycountry"], per_call["holidays"])
    return {
        "name": "warm query",
        "ours": f"{per_call['nkasylum']:.2f} µs/call",
        "reference": (f"pycountry.get {per_call['pycountry']:.2f} µs; date in holidays "
                      f"{per_call['holidays']:.2f} µs (built per call: "
                      f"{per_call['holidays-build']:.0f} µs)"),
        "ratio": per_call["nkasylum"] / slowest_peer,
        "result": f"{slowest_peer / per_call['nkasylum']:.1f}x faster than the faster of the two",
        "target": "no slower than either",
        "met": per_call["nkasylum"] <= slowest_peer,
        "data": {"per_call_us": per_call, "number": number, "repeats": repeats},
    }


# ------------------------------------------------------------------ 3. route search
def route_search(passages: int, pairs: int, days: int, repeats: int) -> Row:
    import networkx as nx

    base = world.world(passages=passages)
    codes = list(base.scope)
    rng = random.Random(3)
    dates = [dt.date(year, 6, 1) for year in (2008, 2001, 2015, 1995, 2022)[:days]]
    queries = [(day, *rng.sample(codes, 2)) for day in dates for _ in range(pairs)]
    graphs: dict[dt.date, Any] = {}
    build_nx: list[float] = []
    for day in dates:
        start = time.perf_counter()
        g = nx.DiGraph()
        g.add_nodes_from(codes)
        g.add_edges_from((p.origin.alpha_2, p.dest.alpha_2) for p in base.all_passages
                         if p.applies(day))
        build_nx.append(time.perf_counter() - start)
        graphs[day] = g
    ours_t: list[float] = []
    nx_t: list[float] = []
    found = 0
    for r in range(repeats):
        # A fresh knowledge base each round: nothing memoised from the round before.
        kb = nk.KnowledgeBase(all_sources=base.all_sources, all_passages=base.all_passages,
                              all_policies=base.all_policies, scope=base.scope)
        order = [("ours", kb), ("nx", None)] if r % 2 == 0 else [("nx", None), ("ours", kb)]
        results: dict[str, list[set[tuple[str, ...]]]] = {}
        for name, _ in order:
            gc.collect()
            start = time.perf_counter()
            if name == "ours":
                got = [kb.routes(a, b, on=day, max_transits=3) for day, a, b in queries]
                ours_t.append(time.perf_counter() - start)
                results[name] = [reference.shapes(rs) for rs in got]
            else:
                paths = [list(nx.all_simple_paths(graphs[day], a, b, cutoff=4))
                         for day, a, b in queries]
                nx_t.append(time.perf_counter() - start)
                results[name] = [{tuple(p) for p in ps} for ps in paths]
        _require(results["ours"] == results["nx"], "routes differ from networkx's simple paths")
        found = sum(len(s) for s in results["ours"])
    for day, a, b in queries[: max(5, len(queries) // 20)]:
        _require(reference.shapes(base.routes(a, b, on=day)) == reference.route_shapes(base, a, b, day),
                 f"routes {a}->{b} on {day} differ from the reference search")
    n = len(queries)
    ours_us, nx_us = _median(ours_t) / n * 1e6, _median(nx_t) / n * 1e6
    return {
        "name": "route search",
        "ours": f"{ours_us:.0f} µs/query",
        "reference": f"networkx {nx_us:.0f} µs/query (graph prebuilt: {_median(build_nx) * 1000:.0f} ms/date)",
        "ratio": ours_us / nx_us,
        "result": f"{nx_us / ours_us:.1f}x faster, same {found} routes",
        "target": "at least 3x faster, same routes",
        "met": nx_us / ours_us >= 3,
        "data": {"ours_s": ours_t, "networkx_s": nx_t, "queries": n, "routes": found,
                 "countries": len(codes), "passages": passages,
                 "edges_per_date": [graphs[d].number_of_edges() for d in dates]},
    }


# ------------------------------------------------------------------ 4. bulk
VIAS: list[object] = [None, "CN", "RU", ("CN", "TH"), ("CN", "LA", "TH"), "MN", ("RU", "CN")]
DESTS = ["KR", "US", "JP", "GB", "CA", "DE", "AU", "NL"]


def bulk_rows(n: int, seed: int = 5) -> list[tuple[object, object, object, dt.date]]:
    rng = random.Random(seed)
    first = dt.date(1995, 1, 1).toordinal()
    last = dt.date(2025, 12, 31).toordinal()
    days = [dt.date.fromordinal(d) for d in range(first, last + 1)]
    return [("KP", rng.choice(VIAS), rng.choice(DESTS), rng.choice(days)) for _ in range(n)]


def bulk(n: int, repeats: int, check: int) -> Row:
    rows = bulk_rows(n)
    base = nk.default_knowledge_base()
    times: list[float] = []
    verdicts: tuple[nk.Verdict, ...] = ()
    for _ in range(repeats):
        kb = _fresh(base)
        gc.collect()
        start = time.perf_counter()
        verdicts = kb.assess_many(rows)
        times.append(time.perf_counter() - start)
    sample = random.Random(9).sample(range(n), min(check, n))
    expected = reference.verdicts(base, [rows[i] for i in sample])
    _require([verdicts[i] for i in sample] == expected, "bulk verdicts differ from can_resettle")
    frame_s = None
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is in the benchmarks extra
        pd = None
    if pd is not None:
        frame = pd.DataFrame(rows, columns=["origin", "via", "dest", "on"])
        kb = _fresh(base)
        start = time.perf_counter()
        from_frame = kb.assess_many(frame)
        frame_s = time.perf_counter() - start
        _require(from_frame == verdicts, "bulk verdicts from a DataFrame differ")
    seconds = _median(times)
    counts = {v.value: verdicts.count(v) for v in nk.Verdict}
    return {
        "name": "bulk",
        "ours": f"{seconds:.2f} s for {n:,} rows",
        "reference": (f"can_resettle per row ~{_per_row_estimate(base, rows):.0f} µs"
                      + (f"; from a DataFrame {frame_s:.2f} s" if frame_s is not None else "")),
        "ratio": seconds / 2.0 * (1_000_000 / n),
        "result": f"{n / seconds / 1e6:.2f} M rows/s; {counts}",
        "target": "1,000,000 rows under 2 s",
        "met": seconds * (1_000_000 / n) < 2.0,
        "data": {"seconds": times, "rows": n, "dataframe_s": frame_s, "verdicts": counts,
                 "checked_against_reference": len(sample)},
    }


def _per_row_estimate(base: nk.KnowledgeBase, rows: list[tuple[object, object, object, dt.date]]) -> float:
    """Per-row cost of calling can_resettle on distinct rows (fresh KB, so no memo hits)."""
    kb = _fresh(base)
    sample = rows[:300]
    start = time.perf_counter()
    for o, v, d, day in sample:
        kb.can_resettle(o, v, d, on=day)  # type: ignore[arg-type]
    return (time.perf_counter() - start) / len(sample) * 1e6


def _fresh(kb: nk.KnowledgeBase) -> nk.KnowledgeBase:
    return nk.KnowledgeBase(all_sources=kb.all_sources, all_policies=kb.all_policies,
                            all_passages=kb.all_passages, all_cases=kb.all_cases,
                            all_statistics=kb.all_statistics, all_conflicts=kb.all_conflicts,
                            scope=kb.scope)


# ------------------------------------------------------------------ 5. memory
MEMORY = {
    "floor": "import attrs, pycountry; pycountry.countries.get(alpha_2='KP')",
    "import": "import nkasylum",
    "bundled": "import nkasylum; nkasylum.default_knowledge_base()",
    "world": f"import sys; sys.path.insert(0, {str(HERE)!r}); import world; world.world(passages={{n}})",
    "networkx": ("import sys; sys.path.insert(0, {here!r}); import world, networkx as nx; kb = world.world("
                 "passages={n}); g = nx.MultiDiGraph(); g.add_edges_from((p.origin.alpha_2, p.dest.alpha_2,"
                 " {{'id': p.id, 'valid_from': p.valid_from, 'valid_until': p.valid_until}})"
                 " for p in kb.all_passages)"),
}


# Peak resident set in MiB. VmHWM where there is one (Linux): ru_maxrss would carry over
# the benchmark's own peak through fork and exec.
_PEAK = """
import sys
try:
    with open("/proc/self/status") as f:
        kib = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    import resource
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // (1024 if sys.platform == "darwin" else 1)
print(kib / 1024)
"""


def memory(passages: int) -> Row:
    env = _env()
    peak: dict[str, float] = {}
    for name, code in MEMORY.items():
        code = code.format(n=passages, here=str(HERE))
        out = subprocess.run([sys.executable, "-c", f"{code}\n{_PEAK}"], check=True, env=env,
                             capture_output=True, text=True).stdout.split()[-1]
        peak[name] = float(out)
    bundled = peak["bundled"] - peak["import"]
    generated = peak["world"] - peak["import"]
    return {
        "name": "memory",
        "ours": f"bundled KB +{bundled:.1f} MB, world KB +{generated:.1f} MB",
        "reference": (f"floor {peak['floor']:.1f} MB; import nkasylum {peak['import']:.1f} MB; "
                      f"networkx graph of the world {peak['networkx'] - peak['world']:+.1f} MB over it"),
        "ratio": peak["bundled"] / peak["floor"],
        "result": f"peak {peak['bundled']:.1f} MB with the bundled KB, {peak['world']:.1f} MB with the world",
        "target": "reported (no target)",
        "met": None,
        "data": {"peak_mb": peak, "passages": passages},
    }


# ------------------------------------------------------------------ driver
class Mismatch(AssertionError):
    """The fast path and the reference implementation disagree."""


def _require(ok: bool, message: str) -> None:
    if not ok:
        raise Mismatch(message)


def _table(rows: list[Row]) -> str:
    head = ("row", "nkasylum", "reference", "ratio", "result", "target", "met")
    body = [(r["name"], r["ours"], r["reference"], f"{r['ratio']:.2f}", r["result"], r["target"],
             {True: "yes", False: "NO", None: "-"}[r["met"]]) for r in rows]
    widths = [max(len(str(x[i])) for x in (head, *body)) for i in range(len(head))]
    lines = [" | ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True))
             for line in (head, *body)]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes: seconds, not minutes")
    parser.add_argument("--out", type=Path, help="where to write the JSON results")
    parser.add_argument("--only", nargs="*", help="run only these rows (cold, warm, routes, bulk, memory)")
    args = parser.parse_args(argv)
    q = args.quick
    plan: dict[str, Callable[[], Row]] = {
        "cold": lambda: cold_start(runs=2 if q else 40),
        "warm": lambda: warm_query(number=2_000 if q else 50_000, repeats=2 if q else 7),
        "routes": lambda: route_search(passages=4_000 if q else 8_000, pairs=25 if q else 150,
                                       days=1 if q else 4, repeats=1 if q else 3),
        "bulk": lambda: bulk(n=10_000 if q else 1_000_000, repeats=1 if q else 3,
                             check=200 if q else 3_000),
        "memory": lambda: memory(passages=1_000 if q else 8_000),
    }
    chosen = args.only or list(plan)
    rows = []
    for name in chosen:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        rows.append(plan[name]())
    print(_table(rows))
    result = {
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "quick": q,
        "nkasylum": nk.__version__,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "rows": rows,
    }
    out = args.out or HERE / "results" / f"{time.strftime('%Y%m%d-%H%M%S')}{'-quick' if q else ''}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"\nwrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
