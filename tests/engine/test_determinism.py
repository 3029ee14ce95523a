"""Determinism: the same version gives byte-identical exports and the same order of results
on every run, whatever ``PYTHONHASHSEED`` is (set and dict iteration order must never leak
into an answer)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import pytest

import nkasylum as nk

_PROBE = r"""
import datetime as dt, hashlib, json
import nkasylum as nk

kb = nk.default_knowledge_base()
days = [dt.date(1997, 1, 13), dt.date(2002, 9, 11), dt.date(2009, 12, 23), dt.date(2023, 8, 16)]
out = {"kb": hashlib.sha256(nk.to_json(kb).encode()).hexdigest()}
for day in days:
    out[f"routes {day}"] = [str(r) for dest in ("KR", "US", "CA", "GB")
                            for r in nk.routes("KP", dest, on=day)]
    out[f"assess {day}"] = [nk.to_json(nk.can_resettle("KP", via, "KR", on=day))
                            for via in (None, "CN", "RU", ["CN", "TH"])]
    out[f"passages {day}"] = [p.id for p in nk.passages(on=day)]
    out[f"map {day}"] = nk.transit_map(on=day)
out["cases"] = [c.id for c in nk.cases()]
out["statistics"] = [s.id for s in nk.statistics()]
out["timelines"] = {c: [p.id for p in nk.policy_timeline(c)] for c in ("CN", "RU", "KR", "TH")}
out["countries"] = [c.alpha_2 for c in nk.all_countries()]
out["case countries"] = {c.id: [x.alpha_2 for x in c.countries] for c in nk.cases()}
out["series"] = [nk.to_json(p) for m in sorted({s.measure for s in kb.all_statistics})
                 for p in nk.series(m)]
errors = []
for bad in ("Rusia", "Korea", "Atlantis", "Chna"):
    try:
        nk.country(bad)
    except nk.NKAsylumError as err:
        errors.append(str(err))
out["errors"] = errors
print(json.dumps(out, sort_keys=True))
"""

SEEDS = ["0", "1", "42", "4294967295", "random"]


def _run(seed: str) -> dict[str, object]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-W", "error", "-c", _PROBE], capture_output=True, text=True,
                          env=env, check=False, timeout=300)
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.fixture(scope="module")
def runs() -> dict[str, dict[str, object]]:
    return {seed: _run(seed) for seed in SEEDS}


@pytest.mark.slow  # a fresh interpreter per hash seed
def test_every_hash_seed_gives_the_same_answers_in_the_same_order(
        runs: dict[str, dict[str, object]]) -> None:
    first = runs[SEEDS[0]]
    assert first["routes 2002-09-11"], "the probe must see real answers"
    for seed, got in runs.items():
        differing = sorted(k for k in first if got[k] != first[k])
        assert differing == [], f"PYTHONHASHSEED={seed} changes {differing}"


@pytest.mark.slow  # reads the fresh interpreter per hash seed that the test above starts
def test_the_export_is_byte_identical_across_runs_and_in_process(
        runs: dict[str, dict[str, object]]) -> None:
    text = nk.to_json(nk.default_knowledge_base())
    assert text == nk.to_json(nk.load_knowledge_base())
    assert text == nk.to_json(nk.from_json(text, nk.KnowledgeBase))
    digest = hashlib.sha256(text.encode()).hexdigest()
    assert {r["kb"] for r in runs.values()} == {digest}


def test_entries_given_in_any_order_make_the_same_knowledge_base() -> None:
    kb = nk.default_knowledge_base()
    shuffled = nk.KnowledgeBase(all_sources=kb.all_sources[::-1],
                                all_policies=kb.all_policies[::-1],
                                all_passages=kb.all_passages[::-1],
                                all_cases=kb.all_cases[::-1],
                                all_statistics=kb.all_statistics[::-1],
                                all_conflicts=kb.all_conflicts[::-1])
    assert nk.to_json(shuffled) == nk.to_json(kb)
