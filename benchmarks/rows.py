"""The rows of the benchmark: each measures nkasylum and its reference in the same run,
interleaved, and checks nkasylum's answers against a plain implementation.

Every row returns a dict: ``name``, ``ours``, ``reference`` (texts), ``ratio`` (ours over the
reference, or over the target's limit where there is no reference), ``target``, ``met``
(True, False or None when there is no target) and ``data`` (every measurement).
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import questions
import reference
import world

import nkasylum as nk

HERE = Path(__file__).resolve().parent
Row = dict[str, Any]
median = statistics.median


class Mismatch(AssertionError):
    """The fast path and the reference implementation disagree."""


def require(ok: bool, message: str) -> None:
    if not ok:
        raise Mismatch(message)


def env() -> dict[str, str]:
    # Installed packages run from compiled bytecode; a checkout run with
    # PYTHONDONTWRITEBYTECODE would recompile nkasylum on every start and measure that.
    out = dict(os.environ)
    out.pop("PYTHONDONTWRITEBYTECODE", None)
    return out


def fresh(kb: nk.KnowledgeBase) -> nk.KnowledgeBase:
    """The same knowledge base with nothing cached."""
    return nk.KnowledgeBase(all_sources=kb.all_sources, all_policies=kb.all_policies,
                            all_passages=kb.all_passages, all_cases=kb.all_cases,
                            all_statistics=kb.all_statistics, all_conflicts=kb.all_conflicts,
                            scope=kb.scope)


def _us(seconds: float) -> str:
    return f"{seconds * 1e6:,.1f} µs" if seconds < 1e-3 else f"{seconds * 1e3:,.2f} ms"


# ----------------------------------------------------------------- cold start
COLD_NAMED = ("KP", "CN", "KR")
COLD_ANY = ("KP", None, "KR")
"""A first question the quick tables do not hold (any route): the knowledge base is built."""
COLD_FLOOR = "import attrs, pycountry"


def _cold_code(question: tuple[str | None, ...]) -> str:
    return f"import nkasylum; nkasylum.can_resettle{question!r}"


def clean_python(where: Path) -> str:
    """A bare virtual environment's interpreter that sees nkasylum and its installed
    dependencies but runs none of this interpreter's start-up hooks.

    A site-packages folder can hold ``.pth`` files that run code at every start (a machine's
    certificate or coverage hook, for instance), and what they import is then free for
    whichever side imports it next: they would change the comparison, not the packages.
    The new environment has no packages and a single ``.pth`` of plain paths: nkasylum's
    folder, then every folder on this interpreter's path (``.pth`` files inside those are
    not run, as Python runs them only in site folders). No network, no install.
    """
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where)], check=True)
    made = subprocess.run(
        [str(where / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True).stdout.strip()
    package_parent = str(Path(nk.__file__).resolve().parent.parent)
    paths = [package_parent, *(p for p in sys.path if p and Path(p).is_dir() and p != package_parent)]
    (Path(made) / "paths.pth").write_text("\n".join(paths) + "\n", encoding="utf-8")
    return str(where / "bin" / "python")


def cold_start(runs: int) -> list[Row]:
    """Whole processes, interleaved: nkasylum's first answer against importing its
    dependencies, in a clean environment (the target) and in this interpreter's own."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        clean = clean_python(Path(folder) / "venv")
        return [_cold_start(clean, runs, "cold start (process)", "median no slower than the reference"),
                _cold_start(sys.executable, runs, "cold start (process), this interpreter's start-up "
                            "hooks included", "reported"),
                _cold_start(clean, runs, "cold start (process), an any-route first question: the "
                            "knowledge base is built", "reported", COLD_ANY)]


def _cold_start(python: str, runs: int, name: str, target: str,
                question: tuple[str | None, ...] = COLD_NAMED) -> Row:
    ours_code = _cold_code(question)
    environ = env()
    environ.pop("PYTHONPATH", None)  # the clean interpreter's .pth says where everything is
    if python == sys.executable:
        environ["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)

    def once(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([python, "-c", code], check=True, env=environ)
        return time.perf_counter() - start

    for _ in range(1 if runs < 10 else 3):  # warm the file cache, write bytecode; not counted
        once(ours_code)
        once(COLD_FLOOR)
    ours: list[float] = []
    floor: list[float] = []
    for i in range(runs):
        pair = [(ours_code, ours), (COLD_FLOOR, floor)]
        for code, into in pair if i % 2 == 0 else pair[::-1]:
            into.append(once(code))
    # The cold answer (its verdict and route) must be the one this process's knowledge base gives.
    shown = subprocess.run(
        [python, "-c", f"import nkasylum; a = nkasylum.can_resettle{question!r}; print(a.verdict.value, "
         "str(a.route).replace(' ', '_'), nkasylum.__file__)"],
        check=True, env=environ, capture_output=True, text=True).stdout.split()
    answer = nk.can_resettle(*question)
    expected = [answer.verdict.value, str(answer.route).replace(" ", "_")]
    require(shown[:2] == expected, f"cold start answered {shown[:2]}, in process {expected}")
    require(Path(shown[2]).resolve() == Path(nk.__file__).resolve(),
            f"cold start imported {shown[2]}, not the nkasylum measured in process")
    judged = target != "reported"
    return {
        "name": name,
        "ours": f"median {median(ours) * 1e3:.0f} ms, min {min(ours) * 1e3:.0f} ms",
        "reference": f"`{COLD_FLOOR}`: median {median(floor) * 1e3:.0f} ms, min {min(floor) * 1e3:.0f} ms",
        "ratio": median(ours) / median(floor),
        "target": target,
        "met": median(ours) <= median(floor) if judged else None,
        "data": {"ours_s": ours, "floor_s": floor, "runs": runs, "python": python,
                 "added_median_ms": (median(ours) - median(floor)) * 1e3,
                 "added_min_ms": (min(ours) - min(floor)) * 1e3},
    }


# ---------------------------------------------------------------- fresh questions
def _peers(blocks: int, size: int) -> dict[str, list[float]]:
    """Per-call seconds of the peers with distinct arguments, one list entry per block."""
    import holidays
    import pycountry

    codes = [c.alpha_2 for c in pycountry.countries]
    korea = holidays.country_holidays("KR", years=range(questions.FIRST.year, questions.LAST.year + 1))
    days = [questions.FIRST + dt.timedelta(days=i) for i in range((questions.LAST - questions.FIRST).days)]
    random.Random(2).shuffle(days)
    get = pycountry.countries.get
    out: dict[str, list[float]] = {"pycountry": [], "holidays": []}
    for b in range(blocks):
        chunk = [codes[(b * size + i) % len(codes)] for i in range(size)]
        start = time.perf_counter()
        for code in chunk:
            get(alpha_2=code)
        out["pycountry"].append((time.perf_counter() - start) / size)
        chunk_days = [days[(b * size + i) % len(days)] for i in range(size)]
        start = time.perf_counter()
        for day in chunk_days:
            _ = day in korea
        out["holidays"].append((time.perf_counter() - start) / size)
    return out


def fresh_questions(n: int, named: bool | None, details: bool = False, exact: bool = False) -> Row:
    """Distinct questions, each asked once, on a knowledge base with nothing cached at first;
    with ``details``, each answer's explanation is read inside the timed part too; with
    ``exact``, named transit countries are the exact legs (else waypoints, the default)."""
    base = nk.default_knowledge_base()
    asked = questions.distinct(base, n, named=named, seed={True: 11, False: 12, None: 13}[named])
    kb = fresh(base)
    block = 100
    per_question: list[float] = []
    peers: dict[str, list[float]] = {"pycountry": [], "holidays": []}
    answers: list[nk.Verdict] = []
    clock = time.perf_counter
    for i in range(0, n, block):  # interleaved with the peers, block by block
        for o, v, d, day in asked[i:i + block]:
            start = clock()
            a = kb.can_resettle(o, v, d, on=day, exact=exact)  # type: ignore[arg-type]
            if details:
                a.explanation  # noqa: B018  # works out every detail, then words the steps
            per_question.append(clock() - start)
            answers.append(a.verdict)
        for name, ts in _peers(1, block * 4).items():
            peers[name].extend(ts)
    sample = random.Random(4).sample(range(n), min(n, 400))
    expected = reference.verdicts(base, [asked[i] for i in sample], exact=exact)
    require([answers[i] for i in sample] == expected, "fresh answers differ from the reference")
    require(list(fresh(base).assess_many(asked, exact=exact)) == answers,
            "fresh answers differ from assess_many")
    ours = median(per_question)
    py, hol = median(peers["pycountry"]), median(peers["holidays"])
    counts = {v.value: answers.count(v) for v in nk.Verdict}
    if details:
        name = "fresh questions, explanation read (any route and named, mixed)"
        target, met = "reported (what reading the explanation adds to a fresh question)", None
    else:
        name = f"fresh questions, {'named routes' if named else 'any route'}"
        if named:
            name += ", exact legs" if exact else " as waypoints (the default)"
        target, met = "median at most 10x pycountry", ours <= 10 * py
    return {
        "name": name,
        "ours": (f"median {_us(ours)}, mean {_us(sum(per_question) / n)} per question "
                 f"({n:,} distinct)"),
        "reference": (f"`pycountry.countries.get` {_us(py)}; `date in holidays` {_us(hol)} "
                      "(distinct arguments)"),
        "ratio": ours / py,
        "target": target,
        "met": met,
        "data": {"questions": n, "median_s": ours, "mean_s": sum(per_question) / n,
                 "p90_s": sorted(per_question)[int(n * 0.9)], "pycountry_s": py,
                 "holidays_s": hol, "verdicts": counts, "checked_against_reference": len(sample)},
    }


def memo_hit(number: int) -> Row:
    """The same question again: a dictionary look-up (labelled so: not a user's typical loop)."""
    import pycountry

    day = dt.date(2002, 9, 11)
    kb = nk.default_knowledge_base()
    kb.can_resettle("KP", "CN", "KR", on=day)
    ours: list[float] = []
    ref: list[float] = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(number):
            kb.can_resettle("KP", "CN", "KR", on=day)
        ours.append((time.perf_counter() - start) / number)
        start = time.perf_counter()
        for _ in range(number):
            pycountry.countries.get(alpha_2="KP")
        ref.append((time.perf_counter() - start) / number)
    require(kb.can_resettle("KP", "CN", "KR", on=day).verdict is
            reference.verdicts(kb, [("KP", "CN", "KR", day)])[0], "memo hit verdict differs")
    return {
        "name": "repeated question (memo hit)",
        "ours": f"{_us(median(ours))} per call",
        "reference": f"`pycountry.countries.get` same code {_us(median(ref))}",
        "ratio": median(ours) / median(ref),
        "target": "reported (a cache hit, not a fresh question)",
        "met": None,
        "data": {"ours_s": ours, "pycountry_s": ref, "number": number},
    }


# ------------------------------------------------------------------------ panel
def panel(repeats: int) -> Row:
    """The whole-year country-year panel of the 17 countries over 1990-2025 in a warm process,
    with the share of country-years whose ``repatriates`` or ``admits`` is documented."""
    from nkasylum.io.panel import panel_rows

    years = range(1990, 2026)
    kb = nk.default_knowledge_base()
    rows = panel_rows(years, at="year", kb=kb)  # warm: the index's memo holds the answers
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        again = panel_rows(years, at="year", kb=kb)
        times.append(time.perf_counter() - start)
    require(again == rows, "a repeated panel differs")
    day = panel_rows(years, at="07-01", kb=kb)
    for r, d in zip(rows, day, strict=True):  # a year is documented when its 1 July is
        require(not d["documented"] or r["documented"], f"{r['country']} {r['year']}: 1 July documented, year not")
    since = [r for r in rows if r["year"] >= 2000]
    share = sum(r["repatriates"] is not None or r["admits"] is not None for r in since) / len(since)
    share_day = sum(r["repatriates"] is not None or r["admits"] is not None
                    for r in day if r["year"] >= 2000) / len(since)
    china = [r["year"] for r in rows if r["country"] == "CN" and r["repatriates"] is not True and r["year"] >= 2000]
    require(not china, f"China's repatriation not documented in {china}")
    ours = median(times)
    return {
        "name": "whole-year panel, 17 countries x 36 years (warm)",
        "ours": f"{ours * 1e3:.0f} ms; repatriates or admits documented in {share:.0%} of "
                f"country-years 2000-2025 ({share_day:.0%} on 1 July)",
        "reference": "—",
        "ratio": ours / 0.1,
        "target": "under 100 ms",
        "met": ours < 0.1,
        "data": {"median_s": ours, "times_s": times, "rows": len(rows), "share_whole_year": share,
                 "share_1_july": share_day},
    }


# ------------------------------------------------------------------------- bulk
def bulk(n: int, repeats: int, check: int) -> Row:
    base = nk.default_knowledge_base()
    rows = questions.bulk_rows(base, n)
    times: list[float] = []
    verdicts: tuple[nk.Verdict, ...] = ()
    for _ in range(repeats):
        kb = fresh(base)
        gc.collect()
        start = time.perf_counter()
        verdicts = kb.assess_many(rows)
        times.append(time.perf_counter() - start)
    sample = random.Random(9).sample(range(n), min(check, n))
    start = time.perf_counter()
    expected = reference.verdicts(base, [rows[i] for i in sample])
    per_row = (time.perf_counter() - start) / len(sample)
    require([verdicts[i] for i in sample] == expected, "bulk verdicts differ from can_resettle")
    seconds = median(times)
    counts = {v.value: verdicts.count(v) for v in nk.Verdict}
    journeys = len({r[:3] for r in rows})
    scaled = seconds * 1_000_000 / n
    return {
        "name": "bulk, realistic rows",
        "ours": f"{seconds:.2f} s for {n:,} rows ({journeys:,} distinct journeys)",
        "reference": f"one `can_resettle` per row: {_us(per_row)} a row, {per_row * n:,.0f} s",
        "ratio": scaled / 2.0,
        "target": "1,000,000 rows under 2 s",
        "met": scaled < 2.0,
        "data": {"seconds": times, "rows": n, "journeys": journeys, "verdicts": counts,
                 "checked_against_reference": len(sample), "reference_per_row_s": per_row},
    }


# ----------------------------------------------------------------------- routes
def _pruned_paths(nx: Any, g: Any, r: Any, a: str, b: str, cutoff: int) -> list[list[str]]:
    """The networkx idiom: prune to the nodes on some path of at most ``cutoff`` edges (a
    breadth-first search from each end), then enumerate simple paths in that subgraph."""
    ahead = nx.single_source_shortest_path_length(g, a, cutoff=cutoff)
    if b not in ahead:
        return []
    behind = nx.single_source_shortest_path_length(r, b, cutoff=cutoff)
    keep = [node for node, d in ahead.items() if d + behind.get(node, cutoff + 1) <= cutoff]
    return list(nx.all_simple_paths(g.subgraph(keep), a, b, cutoff=cutoff))


def routes(passages: int, pairs: int, days: int, repeats: int) -> list[Row]:
    """Route questions on a generated world against networkx, both ways round: each side's
    per-day structures (nkasylum's per-span tables, networkx's graphs) built inside the
    timing, and both built before it."""
    import networkx as nx

    base = world.world(passages=passages)
    codes = list(base.scope)
    rng = random.Random(3)
    dates = [dt.date(year, 6, 1) for year in (2008, 2001, 2015, 1995, 2022)[:days]]
    asked = [(day, *rng.sample(codes, 2)) for day in dates for _ in range(pairs)]
    # Other questions on the same days: they build nkasylum's tables for the "built before"
    # rows without leaving an answer the timed questions could find.
    timed_set = set(asked)
    warmers = [q for q in ((day, *rng.sample(codes, 2)) for day in dates for _ in range(pairs))
               if q not in timed_set]

    def graphs(kb: nk.KnowledgeBase) -> dict[dt.date, Any]:
        """What a networkx user builds first: each day's graph of the passages that apply
        (``Passage.applies``), and its reverse for the search from the destination."""
        made = {}
        for day in dates:
            g = nx.DiGraph()
            g.add_nodes_from(codes)
            g.add_edges_from((p.origin.alpha_2, p.dest.alpha_2) for p in kb.all_passages
                             if p.applies(day))
            made[day] = (g, g.reverse(copy=True))
        return made

    def ours(kb: nk.KnowledgeBase) -> list[Any]:
        return [kb.routes(a, b, on=day, max_transits=3, max_routes=1_000_000)
                for day, a, b in asked]

    def pruned(made: dict[dt.date, Any]) -> list[Any]:
        return [_pruned_paths(nx, *made[day], a, b, 4) for day, a, b in asked]

    built = graphs(base)
    names = ["ours, built", "pruned, built", "ours, before", "pruned, before", "unpruned, before"]
    timed: dict[str, list[float]] = {name: [] for name in names}
    found: dict[str, list[set[tuple[str, ...]]]] = {}
    for r in range(repeats):
        for name in names[r % len(names):] + names[:r % len(names)]:
            kb = fresh(base)  # nothing memoised from the round before
            if name == "ours, before":
                for day, a, b in warmers:
                    kb.routes(a, b, on=day, max_transits=3, max_routes=1_000_000)
            gc.collect()
            start = time.perf_counter()
            if name.startswith("ours"):
                got = ours(kb)
            elif name == "pruned, built":
                got = pruned(graphs(base))
            elif name == "pruned, before":
                got = pruned(built)
            else:
                got = [list(nx.all_simple_paths(built[day][0], a, b, cutoff=4))
                       for day, a, b in asked]
            timed[name].append(time.perf_counter() - start)
            # compared as sequences of country codes, outside the timing
            found[name] = ([reference.shapes(rs) for rs in got] if name.startswith("ours")
                           else [{tuple(p) for p in paths} for paths in got])
        require(all(found[name] == found["ours, built"] for name in names),
                "routes differ from networkx's simple paths")
    for day, a, b in asked[: max(5, len(asked) // 20)]:
        require(reference.shapes(base.routes(a, b, on=day, max_routes=1_000_000))
                == reference.route_shapes(base, a, b, day), f"routes {a}->{b} on {day} differ")
    n = len(asked)
    total = sum(len(s) for s in found["ours, built"])
    per = {name: median(ts) / n for name, ts in timed.items()}

    def paired(mine: str, theirs: str) -> float:
        # Each round times both sides back to back: the median of the rounds' ratios is not
        # moved by the machine being slower in one round than in another.
        return median(a / b for a, b in zip(timed[mine], timed[theirs], strict=True))

    data = {"seconds": timed, "queries": n, "routes": total, "countries": len(codes),
            "passages": passages, "warming_questions": len(warmers),
            "edges_per_date": [built[d][0].number_of_edges() for d in dates]}
    pruned_idiom = "BFS from both ends, `subgraph`, `all_simple_paths`"
    rows = [
        ("ours, built", "pruned, built", "pruned idiom, per-day tables and graphs built in the timing",
         f"each day's graph from `Passage.applies`, then {pruned_idiom}", "at least 3x faster"),
        ("ours, before", "pruned, before", "pruned idiom, tables and graphs built before",
         pruned_idiom, "at least 3x faster"),
        ("ours, built", "pruned, before",
         "pruned idiom, our tables built in the timing, networkx's graphs before (mixed)",
         pruned_idiom, "reported (the two sides do different jobs)"),
        ("ours, before", "unpruned, before",
         "unpruned, tables and graphs built before (not what a careful user writes)",
         "`all_simple_paths(G, a, b, cutoff=4)`", "reported"),
    ]
    return [{
        "name": f"routes vs networkx, {label}",
        "ours": f"{_us(per[mine])} per query",
        "reference": f"{idiom}: {_us(per[theirs])} per query; same {total:,} routes; ratio: median "
                     f"of {len(timed[mine])} rounds' own",
        "ratio": paired(mine, theirs),
        "target": target,
        "met": (paired(mine, theirs) <= 1 / 3) if target.startswith("at least") else None,
        "data": data,
    } for mine, theirs, label, idiom, target in rows]


# ----------------------------------------------------------------------- memory
_CACHE_MEMORY = """
import gc, json, sys
sys.path.insert(0, {here!r})
import questions
import nkasylum as nk

def rss():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:")) / 1024

kb = nk.default_knowledge_base()
asked = questions.distinct(kb, {n}, named=None, seed=21)
kb.can_resettle("KP", "CN", "KR")
gc.collect()
before = rss()
for o, v, d, day in asked:
    kb.can_resettle(o, v, d, on=day)
gc.collect()
after = rss()
print(json.dumps({{"before_mb": before, "after_mb": after, "questions": len(asked)}}))
"""


def cache_memory(n: int) -> Row:
    """Resident memory a process gains by asking ``n`` distinct questions (the answer caches)."""
    if not Path("/proc/self/status").exists():  # pragma: no cover - Linux only
        return {"name": "answer caches", "ours": "not measured (needs /proc)", "reference": "-",
                "ratio": 1.0, "target": "under 64 MiB after 200,000 distinct questions",
                "met": None, "data": {}}
    out = subprocess.run([sys.executable, "-c", _CACHE_MEMORY.format(here=str(HERE), n=n)],
                         check=True, env=env(), capture_output=True, text=True).stdout
    got = json.loads(out.splitlines()[-1])
    grown = got["after_mb"] - got["before_mb"]
    return {
        "name": "answer caches, memory",
        "ours": f"+{grown:.1f} MiB after {n:,} distinct questions",
        "reference": f"process before the questions: {got['before_mb']:.1f} MiB",
        "ratio": grown / 64,
        "target": "under 64 MiB after 200,000 distinct questions",
        "met": grown < 64 if n >= 200_000 else None,
        "data": got,
    }


# ---------------------------------------------------------------------- scaling
def scaling(sizes: tuple[int, ...], n: int, passages_per_country: int = 6) -> list[Row]:
    """Any-route questions on generated worlds of growing size (beyond ISO's 249 countries)."""
    out = []
    for size in sizes:
        kb = world.world(passages=passages_per_country * size, policies=max(10, size // 5),
                         countries_=size, scope=("KP",), seed=size)
        dests = [c.alpha_2 for c in world.countries(size) if c.alpha_2 != "KP"]
        asked = questions.distinct(kb, n, named=False, seed=size, dests=dests)
        times: list[float] = []
        answers = []
        clock = time.perf_counter
        for o, v, d, day in asked:
            start = clock()
            answers.append(kb.can_resettle(o, v, d, on=day).verdict)
            times.append(clock() - start)
        sample = list(range(0, n, max(1, n // 50)))
        require([answers[i] for i in sample] == reference.verdicts(kb, [asked[i] for i in sample]),
                 f"answers on the {size}-country world differ from a fresh knowledge base")
        ours = median(times)
        out.append({
            "name": f"any route, {size:,}-country world",
            "ours": f"median {_us(ours)}, mean {_us(sum(times) / n)} per question ({n:,} distinct)",
            "reference": f"{passages_per_country * size:,} passages; target limit 1 ms",
            "ratio": ours / 1e-3,
            "target": "under 1 ms median at 5,000 countries" if size >= 5000 else "reported",
            "met": ours < 1e-3 if size >= 5000 else None,
            "data": {"countries": size, "passages": passages_per_country * size, "median_s": ours,
                     "mean_s": sum(times) / n, "questions": n,
                     "documented": answers.count(nk.Verdict.DOCUMENTED)},
        })
    return out


PLAN: dict[str, Callable[[bool], list[Row]]] = {
    "cold": lambda q: cold_start(runs=2 if q else 30),
    "fresh": lambda q: [fresh_questions(300 if q else 5_000, named=False),
                        fresh_questions(300 if q else 5_000, named=True),
                        fresh_questions(300 if q else 5_000, named=True, exact=True),
                        fresh_questions(300 if q else 2_000, named=None, details=True)],
    "memo": lambda q: [memo_hit(2_000 if q else 50_000)],
    "panel": lambda q: [panel(3 if q else 15)],
    "bulk": lambda q: [bulk(n=20_000 if q else 1_000_000, repeats=1 if q else 3,
                            check=200 if q else 2_000)],
    "routes": lambda q: routes(passages=4_000 if q else 8_000, pairs=25 if q else 150,
                               days=1 if q else 4, repeats=1 if q else 7),
    "memory": lambda q: [cache_memory(2_000 if q else 200_000)],
    "scaling": lambda q: scaling((50, 300) if q else (50, 250, 1_000, 5_000), 60 if q else 1_000),
}
"""Each row group, by the name ``--only`` takes; its argument says whether the run is quick."""
