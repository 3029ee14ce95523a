"""Quick answers: a process's first named-route questions, answered from the tables compiled
with the bundled data before the knowledge base is built, must be the knowledge base's own
answers, and must step aside for everything the tables do not hold."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import examples, grid_days, passage_countries

import nkasylum as nk
from nkasylum.engine import knowledge
from nkasylum.engine.fast.quick import QuickTables, bundled_tables

D = dt.date


@pytest.fixture(scope="module")
def tables() -> QuickTables:
    found = bundled_tables(nk.default_knowledge_base)
    assert found is not None, "the bundled quick tables are missing or stale: python -m nkasylum._compile"
    return found


@pytest.fixture(scope="module")
def kb() -> nk.KnowledgeBase:
    return nk.default_knowledge_base()


@pytest.mark.slow  # every day; the sampled days of the other tests here run quickly
def test_every_one_transit_route_on_every_day_has_the_knowledge_bases_verdict_and_route(
        tables: QuickTables, kb: nk.KnowledgeBase) -> None:
    named = passage_countries(kb)
    checked = 0
    verdicts = set()
    for via, dest, day in itertools.product(named, [*named, "US", "FR"], grid_days(kb)):
        if via == dest:
            continue
        quick = tables.answer("KP", via, dest, day, True)
        expected = kb.can_resettle("KP", via, dest, on=day, exact=True)
        assert quick is not None, (via, dest, day)
        assert (quick.verdict, quick.route) == (expected.verdict, expected.route), (via, dest, day)
        verdicts.add(quick.verdict)
        checked += 1
    assert checked > 10_000 and verdicts == set(nk.Verdict)


def test_waypoint_questions_have_the_knowledge_bases_verdict_and_route(
        tables: QuickTables, kb: nk.KnowledgeBase) -> None:
    # Waypoints: the tables search the chains of passages on the day, as the knowledge base does.
    named = passage_countries(kb)
    days = grid_days(kb)[::2]
    verdicts = set()
    for via in [*named, *itertools.permutations(["CN", "TH", "LA", "RU"], 2)]:
        for dest in ("KR", "US", "TH"):
            if dest == via or dest in via:
                continue
            for day in days:
                quick = tables.answer("KP", via, dest, day)
                expected = kb.can_resettle("KP", via, dest, on=day)
                assert quick is not None and not quick.exact
                assert (quick.verdict, quick.route) == (expected.verdict, expected.route), (via, dest, day)
                verdicts.add(quick.verdict)
    assert verdicts == set(nk.Verdict)


@pytest.mark.slow  # every pair of transit countries over the grid; the whole-answer property test is quick
def test_two_transit_routes_have_the_knowledge_bases_verdict_and_route(
        tables: QuickTables, kb: nk.KnowledgeBase) -> None:
    named = passage_countries(kb)
    days = grid_days(kb)[::3]
    documented = 0
    for a, b in itertools.permutations(named, 2):
        for dest in ("KR", "US"):
            if dest in (a, b):
                continue
            for day in days:
                quick = tables.answer("KP", (a, b), dest, day, True)
                expected = kb.can_resettle("KP", (a, b), dest, on=day, exact=True)
                assert quick is not None
                assert (quick.verdict, quick.route) == (expected.verdict, expected.route), (a, b, dest, day)
                documented += quick.verdict is nk.Verdict.DOCUMENTED
    assert documented > 0


@settings(max_examples=examples(200), deadline=None)
@given(via=st.lists(st.sampled_from(["CN", "RU", "TH", "MN", "LA", "VN", "KR", "US", "JP", "Mongolia"]),
                    min_size=1, max_size=3, unique=True),
       dest=st.sampled_from(["KR", "US", "GB", "CA", "South Korea"]),
       day=st.dates(D(1950, 1, 1), D(2040, 12, 31)), exact=st.booleans())
def test_a_quick_answer_is_the_knowledge_bases_answer_whole(via: list[str], dest: str,
                                                            day: dt.date, exact: bool) -> None:
    tables = bundled_tables(nk.default_knowledge_base)
    kb = nk.default_knowledge_base()
    assert tables is not None
    try:
        expected = kb.can_resettle("KP", tuple(via), dest, on=day, exact=exact)
    except nk.NKAsylumError:
        assert tables.answer("KP", tuple(via), dest, day, exact) is None  # the knowledge base raises it
        return
    quick = tables.answer("KP", tuple(via), dest, day, exact)
    assert quick is not None
    # Equality reads every field: the details, worked out from the knowledge base, agree too.
    assert quick == expected
    assert quick.cite() == expected.cite()


@pytest.mark.parametrize(("args", "why"), [
    (("KP", None, "KR", D(2009, 12, 23)), "any route: the tables hold named routes"),
    (("KP", "RU", "KR", D(2009, 12, 23), 1), "exact takes a bool: the knowledge base raises"),
    (("KP", "RU", "KR", 2009), "a year is a period: its best day needs the knowledge base"),
    (("KP", "RU", "KR", "2009-12-23"), "a text date is resolved by the knowledge base"),
    (("KP", "RU", "KR", dt.datetime(2009, 12, 23)), "a datetime is refused there"),
    (("CN", "RU", "KR", D(2009, 12, 23)), "out of scope: the knowledge base raises"),
    (("KP", "KR", "KR", D(2009, 12, 23)), "a country twice: the knowledge base raises"),
    (("KP", "Atlantis", "KR", D(2009, 12, 23)), "unknown: the knowledge base suggests names"),
])
def test_the_tables_step_aside_for_what_they_do_not_hold(tables: QuickTables, args: tuple[Any, ...],
                                                         why: str) -> None:
    assert tables.answer(*args) is None, why


def test_once_the_knowledge_base_is_built_it_answers(kb: nk.KnowledgeBase) -> None:
    first = nk.can_resettle("KP", "RU", "KR", on=D(2009, 12, 23), exact=True)
    assert first is nk.can_resettle("KP", "RU", "KR", on=D(2009, 12, 23), exact=True)  # its cache
    assert first is kb.can_resettle("KP", "RU", "KR", on=D(2009, 12, 23), exact=True)  # not the tables
    assert first is knowledge.can_resettle("KP", "RU", "KR", on=D(2009, 12, 23), exact=True)


_COLD = """
import datetime as dt, json, sys
import nkasylum as nk
from nkasylum.core import resources
from nkasylum.engine import knowledge
a = nk.can_resettle("KP", "RU", "KR", on=dt.date(2009, 12, 23))
b = nk.can_resettle("KP", "CN", "KR", exact=True)
before = [knowledge.is_loaded(), resources.bundled_compiled.cache_info().misses,
          "pycountry" in sys.modules]
route, verdicts = str(a.route), [a.verdict.value, b.verdict.value]
line = a.explanation[0]
after = knowledge.is_loaded()
same = a == nk.default_knowledge_base().can_resettle("KP", "RU", "KR", on=dt.date(2009, 12, 23))
try:
    nk.can_resettle("KP", "Atlantis", "KR", on=dt.date(2009, 12, 23), exact=True)
    error = None
except nk.UnknownCountryError as err:
    error = str(err)
print(json.dumps([before, route, verdicts, line[:8], after, same, error]))
"""


def test_a_cold_first_question_builds_no_knowledge_base_until_its_details_are_read() -> None:
    done = subprocess.run([sys.executable, "-c", _COLD], capture_output=True, text=True, check=True)
    before, route, verdicts, line, after, same, error = json.loads(done.stdout)
    # answered without building the knowledge base, parsing the bundle or importing pycountry
    assert before == [False, 0, False]
    assert route == "KP > RU > KR" and verdicts[0] == "documented" and verdicts[1] in (
        "undocumented", "blocked")
    assert line == "KP > RU:" and after is True and same is True
    assert error is not None and "Atlantis" in error
