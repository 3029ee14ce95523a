"""The fast paths give the answers of the plain ones: compiled bundle, code look-ups,
cached answers, bulk assessment and the pruned route search. No timing assertions here
(benchmarks/run.py measures; tests/test_benchmarks.py runs it)."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import (
    GENERATED_EVIDENCE,
    GENERATED_SOURCE,
    TRANSIT_CODES,
    TRANSIT_DAYS,
    examples,
    grid_days,
    passage_countries,
    periods,
    simple_paths,
)

import nkasylum as nk
from nkasylum.core import countries as countries_module
from nkasylum.core.periods import today
from nkasylum.core.resources import BUNDLE, QUICK, data_files, data_root
from nkasylum.engine.fast.quick import quick_tables
from nkasylum.engine.knowledge import from_entries
from nkasylum.store.bundle import compile_bundle, compile_quick, from_bundle
from nkasylum.store.files import from_toml

BUNDLED = Path(str(data_root()))
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(BUNDLED, target)
    (target / BUNDLE).write_text(compile_bundle(target), encoding="utf-8")
    return target


# ----------------------------------------------------------- compiled bundle
def test_compiled_bundle_is_fresh() -> None:
    committed = (BUNDLED / BUNDLE).read_text(encoding="utf-8")
    assert committed == compile_bundle(), (
        "src/nkasylum/data/compiled.json does not match the TOML files: rebuild it with "
        "`python -m nkasylum._compile` and commit it with the data change")


def test_bundle_builds_the_same_knowledge_base_as_the_toml_files(data: Path) -> None:
    files = data_files(data)
    entries = from_bundle(data, files)
    assert entries is not None, "a fresh bundle must load"
    expected = from_toml(files)
    kb, expected_kb = from_entries(entries), from_entries(expected)
    assert kb == expected_kb
    assert entries.files == expected.files
    # Equal is not enough where eq is off or loose (Country compares by code only).
    assert nk.to_json(kb.all_cases) == nk.to_json(expected_kb.all_cases)
    assert nk.to_json(kb.all_policies) == nk.to_json(expected_kb.all_policies)
    assert {c.name for c in (p.country for p in kb.all_policies) if isinstance(c, nk.Country)} == {
        c.name for c in (p.country for p in expected_kb.all_policies) if isinstance(c, nk.Country)}


def _same(got: Any, expected: Any, where: str) -> None:
    # Field by field, eq=False fields included (Country compares by code only), and types too:
    # the bundle builds values without their constructors, so nothing else would notice a
    # field it forgot, a list where a tuple belongs or a default it filled in differently.
    assert type(got) is type(expected), where
    if isinstance(expected, tuple):
        assert len(got) == len(expected), where
        for i, (a, b) in enumerate(zip(got, expected, strict=True)):
            _same(a, b, f"{where}[{i}]")
    elif hasattr(type(expected), "__attrs_attrs__"):
        for field in type(expected).__attrs_attrs__:
            _same(getattr(got, field.name), getattr(expected, field.name), f"{where}.{field.name}")
    else:
        assert got == expected, where


def test_bundle_entries_equal_the_toml_entries_field_by_field(data: Path) -> None:
    files = data_files(data)
    entries = from_bundle(data, files)
    assert entries is not None, "a fresh bundle must load"
    expected = from_toml(files)
    got_tables, expected_tables = entries.by_table(), expected.by_table()
    assert sorted(got_tables) == sorted(expected_tables)
    for table, items in expected_tables.items():
        got = sorted(got_tables[table], key=lambda item: item.id)
        want = sorted(items, key=lambda item: item.id)
        assert [item.id for item in got] == [item.id for item in want], table
        for a, b in zip(got, want, strict=True):
            _same(a, b, f"{table} {b.id}")
            assert a == b and hash(a) == hash(b)
            assert nk.to_json(a) == nk.to_json(b)


def test_an_edited_data_file_is_never_shadowed_by_a_stale_bundle(data: Path) -> None:
    path = data / "countries/ru.toml"
    path.write_text(path.read_text("utf-8") + "\n# an edit\n", "utf-8")
    assert from_bundle(data, data_files(data)) is None


def _first_row(bundle: dict[str, Any]) -> list[Any]:
    group = bundle["files"][0]
    rows: list[list[Any]] = group[next(k for k in group if k != "file")]
    return rows[0]


@pytest.mark.parametrize("edit", [
    lambda b: _first_row(b).append("a cell too many"),
    lambda b: _first_row(b).clear(),
    lambda b: b["fields"]["nkasylum.model.sources.Evidence"].reverse(),  # a class whose fields changed
    lambda b: b["fields"].pop("nkasylum.model.policies.Policy"),
    lambda b: b["whens"].clear(),
    lambda b: b["files"][0].update(misspelt=[]),
])
def test_a_bundle_that_does_not_build_falls_back_to_the_toml_files(data: Path, edit: Any) -> None:
    # Even with its header's content CRC made to match, a bundle that does not build is not used.
    import zlib

    head, body = (data / BUNDLE).read_text("utf-8").split("\n", 1)
    bundle = json.loads(body)
    edit(bundle)
    body = json.dumps(bundle)
    header = {**json.loads(head), "content": f"{zlib.crc32(body.encode('utf-8')):08x}"}
    (data / BUNDLE).write_text(json.dumps(header) + "\n" + body, "utf-8")
    assert from_bundle(data, data_files(data)) is None


def test_the_bundle_is_only_used_for_the_bundled_data(data: Path) -> None:
    # A user's folder is always read from its TOML, so their edits and errors show.
    _edit = data / "countries/ca.toml"
    _edit.write_text(_edit.read_text("utf-8").replace('country = "CA"', 'country = "Kanada"', 1),
                     "utf-8")
    (data / BUNDLE).write_text(compile_bundle(BUNDLED), "utf-8")
    with pytest.raises(nk.DataError, match="Kanada"):
        nk.load_knowledge_base(data)


def test_quick_tables_are_fresh() -> None:
    # Built as the compile step builds them: from the knowledge base of the TOML files, by
    # the engine as it is now, so a change to the leg rule fails here too until rebuilt.
    kb = from_entries(from_toml(data_files(data_root())))
    committed = (BUNDLED / QUICK).read_text(encoding="utf-8")
    assert committed == compile_quick(quick_tables(kb)), (
        "src/nkasylum/data/quick.json does not match the TOML files or the engine: rebuild it "
        "with `python -m nkasylum._compile` and commit it with the change")


def test_a_cold_start_needs_neither_cattrs_nor_a_toml_parser_nor_edtf() -> None:
    if (BUNDLED / BUNDLE).read_text("utf-8") != compile_bundle():
        pytest.skip("the compiled bundle is stale; test_compiled_bundle_is_fresh says how to fix it")
    code = ("import sys, nkasylum as nk; nk.can_resettle('KP', 'CN', 'KR'); "
            "print(sorted(m for m in ('cattrs', 'tomllib', 'tomli', 'difflib', 'edtf') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -------------------------------------------------------------- countries
@pytest.mark.parametrize("question", [
    "nk.can_resettle('KP', 'RU', 'KR', on='2009-12-23')",
    "nk.can_resettle('North Korea', 'Russia', 'South Korea', on='2009-12-23')",
    "nk.can_resettle('DPRK', ['China', 'Thailand'], 'USA')",
])
def test_a_first_question_does_not_import_pycountry(question: str) -> None:
    # ISO's codes and names come from the quick tables; pycountry is the slowest import.
    if (BUNDLED / BUNDLE).read_text("utf-8") != compile_bundle():
        pytest.skip("the compiled bundle is stale; test_compiled_bundle_is_fresh says how to fix it")
    code = f"import sys, nkasylum as nk; {question}; print('pycountry' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_bundled_iso_table_is_pycountrys() -> None:
    assert countries_module._load_records() == tuple(countries_module.iso_records())
    assert nk.all_countries() == tuple(sorted(
        nk.country(alpha_2) for alpha_2, *_ in countries_module.iso_records()))


def test_every_iso_code_resolves_as_the_full_name_index_does() -> None:
    registry = countries_module._load_registry()
    codes = countries_module._load_codes()
    assert len({c.alpha_2 for c in codes.values()}) == len(registry.by_code)
    for key, value in codes.items():
        assert registry.by_key[key] == value.alpha_2
        assert registry.by_code[value.alpha_2] is value
    for value in registry.by_code.values():
        for code in (value.alpha_2, value.alpha_3, value.numeric, value.alpha_3.lower()):
            assert nk.country(code) is value


# ------------------------------------------------------------ warm queries
def test_a_repeated_question_returns_the_same_answer_object(kb: nk.KnowledgeBase) -> None:
    day = dt.date(2009, 12, 23)
    first = kb.can_resettle("KP", "RU", "KR", on=day)
    assert kb.can_resettle("KP", "RU", "KR", on=day) is first
    assert kb.can_resettle(nk.country("KP"), ["RU"], "South Korea", on=day) == first


def test_the_answer_cache_never_confuses_a_datetime_with_a_date(kb: nk.KnowledgeBase) -> None:
    kb.can_resettle("KP", "RU", "KR", on=dt.date(2009, 12, 23))
    with pytest.raises(nk.ArgumentTypeError):
        kb.can_resettle("KP", "RU", "KR", on=dt.datetime(2009, 12, 23))


def test_default_date_is_today(kb: nk.KnowledgeBase) -> None:
    assert today() == dt.date.today()
    assert kb.can_resettle("KP", None, "KR").on == dt.date.today()


# ------------------------------------------------------------------- bulk
VIAS: list[Any] = [None, "CN", "RU", ("CN", "TH"), ["CN", "LA", "TH"], "MN", ("RU", "CN")]
DESTS = ["KR", "US", "JP", "GB", "CA", "DE", "TH"]


def test_bulk_verdicts_equal_can_resettle_on_the_bundled_data(kb: nk.KnowledgeBase) -> None:
    rows = [("KP", via, dest, day) for via in VIAS for dest in DESTS for day in grid_days(kb)
            if dest not in ([via] if isinstance(via, str) else via or [])]
    got = kb.assess_many(rows)
    assert len(got) == len(rows)
    assert [kb.can_resettle(o, v, d, on=day).verdict for o, v, d, day in rows] == list(got)
    assert set(got) == set(nk.Verdict), "the grid should reach every verdict"


@pytest.mark.slow  # every two-transit journey; test_bulk_verdicts_equal_can_resettle_on_the_bundled_data is quick
def test_bulk_verdicts_equal_can_resettle_for_every_two_transit_journey(kb: nk.KnowledgeBase) -> None:
    # Every ordered pair of the countries the passages name, so that a first leg that is
    # not documented (KP > LA) meets later legs that are: bulk keeps tables per first legs.
    named = passage_countries(kb)
    days = grid_days(kb)[::4]
    rows = [("KP", (a, b), dest, day) for a in named for b in named if a != b
            for dest in ("KR", "US") if dest not in (a, b) for day in days]
    fresh = nk.KnowledgeBase(all_sources=kb.all_sources, all_policies=kb.all_policies,
                             all_passages=kb.all_passages, all_cases=kb.all_cases,
                             all_statistics=kb.all_statistics, all_conflicts=kb.all_conflicts)
    answers = [fresh.can_resettle(o, v, d, on=day) for o, v, d, day in rows]
    assert list(kb.assess_many(rows)) == [a.verdict for a in answers]
    assert {a.verdict for a in answers} == set(nk.Verdict)
    # The steps reach the verdict given before they were read (a check that runs on reading).
    for a in answers[::97]:
        assert a.steps


def test_bulk_accepts_a_dataframe(kb: nk.KnowledgeBase) -> None:
    pd = pytest.importorskip("pandas")
    rows = [("KP", "RU", "KR", dt.date(2009, 12, 23)), ("KP", None, "KR", dt.date(2002, 9, 11)),
            ("KP", "CN", "KR", dt.date(2023, 8, 16))]
    frame = pd.DataFrame(rows, columns=["origin", "via", "dest", "on"])
    expected = kb.assess_many(rows)
    assert kb.assess_many(frame) == expected
    frame["on"] = pd.to_datetime(frame["on"])
    frame["via"] = frame["via"].astype(object).where(frame["via"].notna(), float("nan"))
    assert nk.assess_many(frame) == expected
    frame.loc[0, "on"] = pd.Timestamp("2009-12-23 10:30")
    with pytest.raises(nk.ArgumentTypeError, match="calendar days"):
        kb.assess_many(frame)
    with pytest.raises(nk.ArgumentTypeError, match="missing on"):
        kb.assess_many(frame.drop(columns="on"))


@pytest.mark.parametrize(("row", "error"), [
    (("KP", "CN", "KR"), nk.ArgumentTypeError),
    (("CN", None, "KR", dt.date(2002, 1, 1)), nk.OutOfScopeError),
    (("KP", None, "KR", dt.datetime(2002, 1, 1)), nk.ArgumentTypeError),
    (("KP", None, "KR", "2002-13-01"), nk.ArgumentTypeError),
    (("KP", "KR", "KR", dt.date(2002, 1, 1)), nk.InvalidRouteError),
    (("KP", {"CN"}, "KR", dt.date(2002, 1, 1)), nk.ArgumentTypeError),
    (("KP", None, "Atlantis", dt.date(2002, 1, 1)), nk.UnknownCountryError),
])
def test_a_bad_row_fails_as_can_resettle_would(kb: nk.KnowledgeBase, row: tuple[Any, ...],
                                                error: type[Exception]) -> None:
    good = ("KP", "RU", "KR", dt.date(2009, 12, 23))
    with pytest.raises(error):
        kb.assess_many([good, row])
    if len(row) == 4:
        with pytest.raises(error):
            kb.can_resettle(row[0], row[1], row[2], on=row[3])


def test_bulk_rows_must_be_rows(kb: nk.KnowledgeBase) -> None:
    with pytest.raises(nk.ArgumentTypeError):
        kb.assess_many("KP,CN,KR")
    assert kb.assess_many([]) == ()
    assert kb.assess_many(iter([("KP", None, "KR", None)])) == (
        kb.can_resettle("KP", None, "KR").verdict,)


# ------------------------------------------------- generated knowledge bases
CODES = TRANSIT_CODES
SOURCE = GENERATED_SOURCE
EVIDENCE = GENERATED_EVIDENCE
DAYS = st.dates(*TRANSIT_DAYS)
OBSERVATION_PERIODS = periods(nk.Basis.OBSERVATION, TRANSIT_DAYS)


@st.composite
def _worlds(draw: Any) -> nk.KnowledgeBase:
    made = []
    for i in range(draw(st.integers(0, 24))):
        a, b = draw(st.lists(st.sampled_from(CODES), min_size=2, max_size=2, unique=True))
        made.append(nk.Passage(id=f"p{i}", origin=nk.country(a), dest=nk.country(b),
                               channel=nk.Channel.BROKER, summary="s", basis=nk.Basis.OBSERVATION,
                               evidence=EVIDENCE, via_third_country=draw(st.booleans()),
                               **draw(OBSERVATION_PERIODS)))
    rules = [nk.Policy(id=f"q{i}", country=nk.country(draw(st.sampled_from(CODES))), summary="s",
                       basis=nk.Basis.OBSERVATION, evidence=EVIDENCE,
                       repatriates=draw(st.sampled_from([True, None])),
                       admits=draw(st.sampled_from([False, None])),
                       exceptions=draw(st.sampled_from([(), ("an exception",)])), **draw(OBSERVATION_PERIODS))
             for i in range(draw(st.integers(0, 5)))]
    try:
        return nk.KnowledgeBase(all_sources=(SOURCE,), all_passages=tuple(made),
                                all_policies=tuple(rules), scope=tuple(CODES))
    except nk.DataError:  # two generated statements contradicting each other
        return nk.KnowledgeBase(all_sources=(SOURCE,), all_passages=tuple(made), scope=tuple(CODES))


FAST = settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _reference_shapes(kb: nk.KnowledgeBase, origin: str, dest: str, day: dt.date,
                      max_transits: int) -> set[tuple[str, ...]]:
    """Textbook depth-first enumeration of simple paths; no index, no pruning."""
    out: dict[str, set[str]] = {}
    for p in kb.all_passages:
        if isinstance(p.origin, nk.Country) and isinstance(p.dest, nk.Country) and p.applies(day):
            out.setdefault(p.origin.alpha_2, set()).add(p.dest.alpha_2)
    return simple_paths(out, origin, dest, max_transits)


@FAST
@given(_worlds(), st.sampled_from(CODES), st.sampled_from(CODES), DAYS, st.integers(0, 4))
def test_pruned_route_search_finds_exactly_the_simple_paths(
        kb: nk.KnowledgeBase, origin: str, dest: str, day: dt.date, max_transits: int) -> None:
    if origin == dest:
        return
    routes = kb.routes(origin, dest, on=day, max_transits=max_transits)
    shapes = [tuple(p.alpha_2 for p in r.places if isinstance(p, nk.Country)) for r in routes]
    assert len(shapes) == len(set(shapes))
    assert set(shapes) == _reference_shapes(kb, origin, dest, day, max_transits)


@FAST
@given(_worlds(), st.lists(st.tuples(st.sampled_from(CODES), st.sampled_from([None, *CODES, ("CN", "TH")]),
                                     st.sampled_from(CODES), DAYS), max_size=30))
def test_bulk_verdicts_equal_can_resettle_on_generated_data(
        kb: nk.KnowledgeBase, rows: list[tuple[str, Any, str, dt.date]]) -> None:
    valid = []
    for o, v, d, day in rows:
        path = [o, *([v] if isinstance(v, str) else v or []), d]
        if len(set(path)) == len(path):
            valid.append((o, v, d, day))
    fresh = nk.KnowledgeBase(all_sources=kb.all_sources, all_passages=kb.all_passages,
                             all_policies=kb.all_policies, scope=kb.scope)
    expected = [fresh.can_resettle(o, v, d, on=day).verdict for o, v, d, day in valid]
    assert list(kb.assess_many(valid)) == expected


def test_a_days_span_shares_one_cached_edge_table() -> None:
    p = nk.Passage(id="p", origin=nk.country("KP"), dest=nk.country("RU"), channel=nk.Channel.BROKER,
                   summary="s", basis=nk.Basis.OBSERVATION, evidence=EVIDENCE,
                   valid_from=nk.When.day(dt.date(2000, 1, 1)), valid_until=nk.When.day(dt.date(2000, 12, 31)))
    kb = nk.KnowledgeBase(all_sources=(SOURCE,), all_passages=(p,))
    assert [len(kb.routes("KP", "RU", on=dt.date(2000, m, 1))) for m in (1, 6, 12)] == [1, 1, 1]
    assert kb.routes("KP", "RU", on=dt.date(1999, 12, 31)) == ()
    assert kb.routes("KP", "RU", on=dt.date(2001, 1, 1)) == ()
    # One table per span (before, during, after the passage), not one per day asked; the
    # search never reads KP's passages on a day when nothing leads into RU.
    caches = kb._index.caches
    spans = [dt.date(2000, 1, 1).toordinal(), dt.date(2001, 1, 1).toordinal()]
    assert caches.incoming.data[("RU", None)][0] == (dt.date.min.toordinal(), *spans)
    assert caches.outgoing.data[("KP", None)][0] == (spans[0],)
    assert [(t.first, t.last) for t in caches.outgoing.data[("KP", None)][1]] == [(spans[0], spans[1] - 1)]
    assert [len(found.routes) for found in caches.routes.data[("KP", "RU", 3, None, 100)][1]] == [0, 1, 0]


@pytest.mark.slow  # every cell of the grid; the bulk verdict tests above cover the same rule quickly
def test_every_assessment_grid_cell_agrees_with_a_fresh_knowledge_base(kb: nk.KnowledgeBase) -> None:
    # Memoised answers (warm) equal answers computed from nothing (cold).
    fresh = nk.load_knowledge_base()
    for via, dest, day in itertools.product(VIAS[:4], DESTS[:3], grid_days(kb)[::7]):
        if dest in ([via] if isinstance(via, str) else via or []):
            continue
        assert kb.can_resettle("KP", via, dest, on=day) == fresh.can_resettle("KP", via, dest, on=day)
