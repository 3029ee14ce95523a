"""Threads: one knowledge base shared by many threads answers exactly as a single thread does,
and the bundled data loads once however many threads ask for it first."""

from __future__ import annotations

import datetime as dt
import json
import random
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

import nkasylum as nk

THREADS = 8
DAYS = [dt.date(y, m, d) for y, m, d in ((1997, 1, 13), (2002, 3, 14), (2002, 9, 11), (2004, 6, 1),
                                         (2009, 12, 23), (2016, 7, 1), (2023, 8, 16), (2024, 1, 1))]
VIAS: list[Any] = [None, "CN", "RU", "TH", ["CN", "TH"], ("CN", "MN"), ["RU", "CN"]]
DESTS = ["KR", "US", "CA", "GB", "DE", "RU"]


def _queries(kb: nk.KnowledgeBase) -> list[tuple[str, Callable[[], object]]]:
    """Every kind of question, each a zero-argument call on ``kb``, with a readable name."""
    found: list[tuple[str, Callable[[], object]]] = []

    def add(name: str, fn: Callable[[], object]) -> None:
        found.append((name, fn))

    for day in DAYS:
        for dest in DESTS:
            for via in VIAS:
                add(f"can_resettle({via}, {dest}, {day})",
                    lambda via=via, dest=dest, day=day: _answer(kb, via, dest, day))
            add(f"routes({dest}, {day})", lambda dest=dest, day=day: kb.routes("KP", dest, on=day))
        for code in ("CN", "RU", "KR", "TH", "US", "international"):
            add(f"policy({code}, {day})", lambda code=code, day=day: kb.policy(code, on=day))
        add(f"passages({day})", lambda day=day: kb.passages(on=day))
        add(f"cases(since={day})", lambda day=day: kb.cases(since=day))
    for code in ("CN", "RU", "KR"):
        add(f"policy_timeline({code})", lambda code=code: kb.policy_timeline(code))
        add(f"statistics({code})", lambda code=code: kb.statistics(country=code))
    for measure in sorted({s.measure for s in kb.all_statistics}):
        add(f"series({measure})", lambda measure=measure: kb.series(measure))
    for name in ("North Korea", "DPRK", "ROK", "Holland", "408", "Rusia"):
        add(f"country({name})", lambda name=name: _country(name))
    first_passage = kb.all_passages[0].id
    add("scenario without", lambda: kb.without(first_passage).routes("KP", "KR", on=DAYS[2]))
    add("scenario with_policy", lambda: kb.with_policy(_changed_policy(kb)).policy(
        "CN", on=DAYS[2]))
    return found


def _changed_policy(kb: nk.KnowledgeBase) -> nk.Policy:
    import attrs

    return attrs.evolve(kb.all_policies[0], summary="changed in a scenario")


def _answer(kb: nk.KnowledgeBase, via: Any, dest: str, day: dt.date) -> object:
    try:
        return kb.can_resettle("KP", via, dest, on=day)
    except nk.NKAsylumError as err:  # e.g. RU twice on the route: an answer too
        return (type(err).__name__, str(err))


def _country(name: str) -> object:
    try:
        return nk.country(name)
    except nk.NKAsylumError as err:
        return (type(err).__name__, str(err))


@pytest.mark.slow  # eight threads over the whole question list; CI runs it
def test_eight_threads_answer_as_one_thread_does() -> None:
    expected_kb = nk.load_knowledge_base()
    expected = {name: fn() for name, fn in _queries(expected_kb)}

    shared = nk.load_knowledge_base()  # fresh caches, so the threads fill them together
    queries = _queries(shared)
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible to expose races
    barrier = threading.Barrier(THREADS)
    try:
        def worker(seed: int) -> dict[str, object]:
            order = list(queries)
            random.Random(seed).shuffle(order)
            barrier.wait()
            got: dict[str, object] = {}
            for _ in range(2):
                for name, fn in order:
                    got[name] = fn()
            return got

        with ThreadPoolExecutor(THREADS) as pool:
            results = list(pool.map(worker, range(THREADS)))
    finally:
        sys.setswitchinterval(old)
    for got in results:
        wrong = [name for name in expected if got[name] != expected[name]]
        assert wrong == [], f"{len(wrong)} answers differ under threads, e.g. {wrong[:3]}"
    assert shared == expected_kb


def test_scenarios_in_threads_do_not_leak_into_the_shared_base() -> None:
    kb = nk.load_knowledge_base()
    before = nk.to_json(kb)
    ids = [p.id for p in kb.all_passages]

    def worker(i: int) -> str:
        scenario = kb.without(ids[i % len(ids)])
        return str(scenario.routes("KP", "KR", on=DAYS[i % len(DAYS)]))

    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(worker, range(64)))
    assert nk.to_json(kb) == before
    assert len(kb.all_passages) == len(ids)


_COLD_START = r"""
import json, sys, threading, time
import nkasylum as nk
import nkasylum.engine.knowledge as knowledge

if sys.argv[1] == "reset":
    nk.default_knowledge_base()
    knowledge._default = None
    knowledge._load_count = 0

# Slow the load down so that every thread arrives while the first is still loading: without
# the lock each of them would load its own copy.
real = knowledge._load
def slow(*args, **kwargs):
    time.sleep(0.2)
    return real(*args, **kwargs)
knowledge._load = slow

barrier = threading.Barrier(8)
got = [None] * 8
def worker(i):
    barrier.wait()
    kb = nk.default_knowledge_base()
    got[i] = (id(kb), str(nk.can_resettle("KP", "CN", "KR", on=__import__("datetime").date(2002, 9, 11)).verdict))
threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print(json.dumps({"loads": knowledge._load_count, "objects": len({g[0] for g in got}),
                  "answers": sorted({g[1] for g in got})}))
"""


@pytest.mark.parametrize("start", ["cold", "reset"])
def test_the_bundled_data_loads_exactly_once_under_threads(start: str) -> None:
    out = subprocess.run([sys.executable, "-W", "error", "-c", _COLD_START, start], capture_output=True,
                         text=True, check=False, timeout=120)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result == {"loads": 1, "objects": 1, "answers": ["Verdict.DOCUMENTED"]}
