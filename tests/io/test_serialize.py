"""JSON round trips: exact for every public type, stable text, and only DataError on bad input."""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import (
    STRATEGIES,
    cases,
    consistent_assessment,
    consistent_policy_answer,
    countries,
    evidence,
    examples,
    ids,
    json_paths,
    knowledge_bases,
    places,
    routes,
)

import nkasylum as nk

ROUND_TRIP = settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
TYPES = sorted(STRATEGIES, key=lambda t: t.__name__)
HEAVY = {nk.Assessment, nk.PolicyAnswer, nk.KnowledgeBase}
"""The composite types whose generated sweeps take seconds each: run with ``--slow`` (CI does)."""


def sweep(kinds: object) -> list[Any]:
    """Each kind as a parameter named after it; the sweeps of :data:`HEAVY` kinds are marked slow,
    the simple kinds keep the same law in the default quick run."""
    return [pytest.param(k, id=k.__name__, marks=pytest.mark.slow if k in HEAVY else ())
            for k in kinds]  # type: ignore[attr-defined]


# --------------------------------------------- strategies for the time model (issue 13)
# tests/strategies.py belongs to the engine's tests; the values only JSON needs are made here.
@st.composite
def whens(draw: Any) -> nk.When:
    """An EDTF date or period in the forms the data uses: a day, a month, a year, a decade,
    an interval of them (either end may be open), approximate and uncertain marks."""
    def one(day: dt.date) -> str:
        form = draw(st.sampled_from(["day", "month", "year", "decade"]))
        text = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": f"{day.year:04d}",
                "decade": f"{day.year:04d}"[:3] + "X"}[form]
        return text + draw(st.sampled_from(["", "", "~", "?", "%"]))

    first, second = sorted(draw(st.lists(st.dates(dt.date(1010, 1, 1), dt.date(2990, 12, 31)),
                                         min_size=2, max_size=2)))
    shape = draw(st.sampled_from(["one", "interval", "open start", "open end"]))
    if shape == "one":
        text = one(first)
    elif shape == "open start":
        text = f"../{one(second)}"
    elif shape == "open end":
        text = f"{one(first)}/.."
    else:
        text = f"{one(first)}/{one(second)}"
    return nk.When.parse(text)


durations = st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=40_000))
"""Evidence ages and horizons (never negative), seconds and microseconds included."""


@st.composite
def backings(draw: Any) -> nk.Backing:
    return nk.Backing(entry=draw(st.from_regex(r"[a-z][a-z0-9-]{0,20}", fullmatch=True)),
                      support=draw(st.sampled_from(list(nk.Support))), age=draw(durations),
                      evidence=tuple(draw(st.lists(evidence(), max_size=2))),
                      sighting=draw(st.none() | whens()))


@st.composite
def _statements(draw: Any, kind: type[Any]) -> Any:
    """A policy or passage as the time model keeps them: an undated statement (context), a
    rule with EDTF ends, or an observation dated by its evidence."""
    shape = draw(st.sampled_from(["undated", "rule", "observation"]))
    dated: dict[str, Any] = {}
    if shape == "rule":
        start = draw(whens().filter(lambda w: w.lower is not None))  # a rule has a known start
        dated = {"valid_from": start}
        if start.upper is not None and draw(st.booleans()):
            length = dt.timedelta(days=draw(st.integers(0, 9000)))
            dated["valid_until"] = nk.When.between(start.upper, start.upper + length)
    common = {"id": draw(ids), "summary": draw(st.text(min_size=1, max_size=20)),
              "basis": nk.Basis.RULE if shape == "rule" else nk.Basis.OBSERVATION,
              "evidence": tuple(draw(st.lists(evidence(), min_size=1, max_size=2))),
              "undated": shape == "undated", "note": draw(st.text(max_size=10)), **dated}
    if kind is nk.Policy:
        return nk.Policy(country=draw(places), repatriates=draw(st.none() | st.booleans()),
                         classification=tuple(draw(st.lists(st.sampled_from(list(nk.Classification)),
                                                            max_size=2, unique=True))), **common)
    origin = draw(places)
    return nk.Passage(origin=origin, dest=draw(places.filter(lambda p: p != origin)),
                      channel=draw(st.sampled_from(list(nk.Channel))), **common)


@st.composite
def time_aware_assessments(draw: Any, depth: int = 1) -> nk.Assessment:
    """An assessment with the time model's fields set: the period asked, the horizon, the
    support, the evidence age, undated context and (recursively) what was last known. Its
    steps are left out (the round trip of steps is tested with the other public types)."""
    last = draw(st.none() | time_aware_assessments(depth - 1)) if depth > 0 else None
    return consistent_assessment(draw, nk.Assessment(
        origin=draw(countries), via=draw(st.none() | st.lists(countries, max_size=3).map(tuple)),
        dest=draw(countries), on=draw(st.dates()), verdict=draw(st.sampled_from(list(nk.Verdict))),
        route=draw(st.none() | routes(max_stops=4)),
        alternatives=tuple(draw(st.lists(routes(max_stops=3), max_size=2))), steps=(),
        evidence=tuple(draw(st.lists(evidence(), max_size=2))), latest_evidence=draw(st.none() | st.dates()),
        disputed=tuple(draw(st.lists(ids, max_size=2))),
        asked=draw(st.none() | whens()), horizon=draw(st.none() | durations),
        backing=tuple(draw(st.lists(backings(), max_size=3))), evidence_age=draw(st.none() | durations),
        last_known=last,
        undated_policies=tuple(draw(st.lists(_statements(nk.Policy), max_size=1))),
        undated_passages=tuple(draw(st.lists(_statements(nk.Passage), max_size=1)))))


@st.composite
def policy_answers(draw: Any, depth: int = 1) -> nk.PolicyAnswer:
    last = draw(st.none() | policy_answers(depth - 1)) if depth > 0 else None
    return consistent_policy_answer(nk.PolicyAnswer(
        country=draw(places), on=draw(st.dates()), policy=draw(st.none() | _statements(nk.Policy)),
        backing=tuple(draw(st.lists(backings(), max_size=3))),
        evidence=tuple(draw(st.lists(evidence(), max_size=2))), latest_evidence=draw(st.none() | st.dates()),
        evidence_age=draw(st.none() | durations), last_known=last,
        undated=tuple(draw(st.lists(_statements(nk.Policy), max_size=1))),
        asked=draw(st.none() | whens()), horizon=draw(st.none() | durations)))


TIME_STRATEGIES: dict[type[Any], st.SearchStrategy[Any]] = {
    nk.When: whens(), nk.Backing: backings(), nk.PolicyAnswer: policy_answers(),
    nk.Assessment: time_aware_assessments(),
}
"""The types of the time model, with strategies that set its fields (the schema test uses them too)."""


def _keys_sorted_everywhere(data: Any) -> bool:
    if isinstance(data, dict):
        return list(data) == sorted(data) and all(_keys_sorted_everywhere(v) for v in data.values())
    if isinstance(data, list):
        return all(_keys_sorted_everywhere(v) for v in data)
    return True


def _same_fields(a: Any, b: Any) -> None:
    """Equality plus every field, including those left out of ``==`` (e.g. a Country's name)."""
    assert a == b
    if attrs.has(type(a)):
        for f in attrs.fields(type(a)):
            if f.init:
                _same_fields(getattr(a, f.name), getattr(b, f.name))
    elif isinstance(a, tuple):
        assert len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            _same_fields(x, y)


@pytest.mark.parametrize("kind", sweep(TYPES))
def test_every_public_type_round_trips_exactly(kind: type[Any]) -> None:
    @settings(ROUND_TRIP, max_examples=25 if kind is nk.KnowledgeBase else 60)
    @given(STRATEGIES[kind])
    def check(value: Any) -> None:
        text = nk.to_json(value)
        back = nk.from_json(text, kind)
        _same_fields(back, value)
        assert type(back) is type(value)
        assert nk.to_json(back) == text  # stable: the same value always gives the same text
        assert _keys_sorted_everywhere(json.loads(text))

    check()


@pytest.mark.parametrize("kind", sweep(sorted(TIME_STRATEGIES, key=lambda t: t.__name__)))
def test_the_time_model_round_trips_exactly(kind: type[Any]) -> None:
    @settings(ROUND_TRIP, max_examples=examples(30))
    @given(TIME_STRATEGIES[kind])
    def check(value: Any) -> None:
        text = nk.to_json(value)
        back = nk.from_json(text, kind)
        _same_fields(back, value)
        assert nk.to_json(back) == text
        assert _keys_sorted_everywhere(json.loads(text))

    check()


@ROUND_TRIP
@given(durations | st.timedeltas())
def test_a_timedelta_is_an_iso_8601_duration_and_reads_back(value: dt.timedelta) -> None:
    text = json.loads(nk.to_json(value))
    assert isinstance(text, str) and text.lstrip("-").startswith("P")
    assert nk.from_json(json.dumps(text), dt.timedelta) == value


def test_the_time_model_reads_as_researchers_write_it() -> None:
    assert nk.to_json(dt.timedelta(days=339)) == '"P339D"'
    assert nk.to_json(dt.timedelta(0)) == '"P0D"'
    assert nk.to_json(nk.When.parse("2004")) == '"2004"'  # a year, not 2004-01-01
    assert nk.to_json(nk.When.parse("2002-03/2004-06")) == '"2002-03/2004-06"'
    assert nk.from_json('"2009~"', nk.When) == nk.When.parse("2009~")
    for bad in ('"339 days"', '"P"', '"P1W"', '"PT86400S"', "339", '"P-3D"'):
        with pytest.raises(nk.DataError):
            nk.from_json(bad, dt.timedelta)
    for bad in ('"sometime in 2004"', '"2004-13"', '"2004/2002"', '"../.."', "2004"):
        with pytest.raises(nk.DataError):
            nk.from_json(bad, nk.When)


def test_answers_of_the_time_model_round_trip(kb: nk.KnowledgeBase) -> None:
    horizon = dt.timedelta(days=400)
    answers: list[Any] = [
        kb.can_resettle("KP", "CN", "KR", on=dt.date(2024, 6, 1)),           # blocked, with last known
        kb.can_resettle("KP", "CN", "KR", on=dt.date(2024, 6, 1), horizon=horizon),  # carried forward
        kb.can_resettle("KP", None, "KR", on="2015/2017"),                    # a period asked
        kb.policy_answer("TH", on=dt.date(2024, 6, 1)),                       # last known policy
        kb.policy_answer("CN", on=2015, horizon=horizon),
    ]
    assert answers[0].last_known is not None and answers[3].last_known is not None
    for value in answers:
        text = nk.to_json(value)
        back = nk.from_json(text, type(value))
        _same_fields(back, value)
        assert nk.to_json(back) == text
    data = json.loads(nk.to_json(answers[1]))
    assert data["horizon"] == "P400D" and data["evidence_age"] == f"P{answers[1].evidence_age.days}D"
    assert {b["support"] for b in data["backing"]} >= {"carried forward", "rule in force"}
    period = json.loads(nk.to_json(answers[2]))
    assert period["asked"] == "2015/2017"
    for backing in kb.can_resettle("KP", "RU", "KR", on=dt.date(2009, 12, 23)).backing:
        assert nk.from_json(nk.to_json(backing), nk.Backing) == backing


@pytest.mark.parametrize("kind", sweep(sorted(TIME_STRATEGIES, key=lambda t: t.__name__)))
def test_mutated_time_model_exports_raise_only_data_errors(kind: type[Any]) -> None:
    @settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(TIME_STRATEGIES[kind], st.data(), st.sampled_from(["replace", "drop"]), _JSON_VALUES)
    def check(value: Any, data: st.DataObject, how: str, new: Any) -> None:
        _mutate_and_read(value, kind, data, how, new)

    check()


@ROUND_TRIP
@given(st.lists(cases(), max_size=4).map(tuple))
def test_tuples_of_public_values_round_trip(values: tuple[nk.Case, ...]) -> None:
    text = nk.to_json(values)
    assert json.loads(text).__class__ is list
    assert nk.from_json(text, tuple[nk.Case, ...]) == values
    assert nk.from_json(text, list[nk.Case]) == list(values)


@ROUND_TRIP
@given(st.lists(places, max_size=5))
def test_lists_of_places_round_trip(values: list[nk.Country | nk.Region]) -> None:
    assert nk.from_json(nk.to_json(values), list[nk.Country | nk.Region]) == values


def test_the_bundled_knowledge_base_round_trips(kb: nk.KnowledgeBase) -> None:
    text = nk.to_json(kb)
    back = nk.from_json(text, nk.KnowledgeBase)
    _same_fields(back, kb)
    assert nk.to_json(back) == text
    # The rebuilt value answers the same questions.
    on = dt.date(2002, 9, 11)
    assert back.can_resettle("KP", "CN", "KR", on=on) == kb.can_resettle("KP", "CN", "KR", on=on)
    assert back.policy_timeline("RU") == kb.policy_timeline("RU")


def test_every_bundled_entry_round_trips(kb: nk.KnowledgeBase) -> None:
    groups: list[tuple[type[Any], tuple[Any, ...]]] = [
        (nk.Source, kb.all_sources), (nk.Policy, kb.all_policies), (nk.Passage, kb.all_passages),
        (nk.Case, kb.all_cases), (nk.Statistic, kb.all_statistics), (nk.Conflict, kb.all_conflicts),
    ]
    for kind, values in groups:
        assert values, f"the bundled knowledge base has no {kind.__name__}"
        assert nk.from_json(nk.to_json(values), tuple[kind, ...]) == values  # type: ignore[valid-type]
    merged = kb.policy_timeline("CN")
    assert nk.from_json(nk.to_json(merged), tuple[nk.Policy, ...]) == merged


def test_query_results_round_trip(kb: nk.KnowledgeBase) -> None:
    on = dt.date(2009, 12, 23)
    for a in (kb.can_resettle("KP", None, "KR", on=on), kb.can_resettle("KP", "CN", "KR", on=on)):
        assert nk.from_json(nk.to_json(a), nk.Assessment) == a
    points = kb.series("asylum-seekers-at-foreign-missions", country="CN")
    assert points and nk.from_json(nk.to_json(points), tuple[nk.SeriesPoint, ...]) == points


def test_knowledge_base_caches_are_not_serialised(kb: nk.KnowledgeBase) -> None:
    kb.routes("KP", "KR", on=dt.date(2009, 12, 23))  # fills the memo
    data = json.loads(nk.to_json(kb))
    assert set(data) == {"all_sources", "all_policies", "all_passages", "all_cases",
                         "all_statistics", "all_conflicts", "scope",
                         "data_version"}  # derived from the entries, for readers; not a cache


@settings(ROUND_TRIP, max_examples=15)
@given(knowledge_bases(max_entries=6), st.randoms(use_true_random=False))
def test_output_does_not_depend_on_the_order_entries_were_given(kb: nk.KnowledgeBase,
                                                                rnd: random.Random) -> None:
    def shuffled(values: tuple[Any, ...]) -> tuple[Any, ...]:
        items = list(values)
        rnd.shuffle(items)
        return tuple(items)

    again = nk.KnowledgeBase(**{f.name: shuffled(getattr(kb, f.name))
                                for f in attrs.fields(nk.KnowledgeBase)
                                if f.init and f.name.startswith("all_")}, scope=kb.scope)
    assert nk.to_json(again) == nk.to_json(kb)


def test_the_json_form_is_readable() -> None:
    q = nk.Quantity(30, nk.Qualifier.MORE_THAN)
    assert nk.to_json(q, indent=None) == '{"qualifier": "more-than", "unit": "people", "value": 30}'
    leg = nk.Leg(nk.country("KP"), nk.THIRD_COUNTRY, nk.Channel.BROKER)
    assert json.loads(nk.to_json(leg)) == {"origin": "KP", "dest": "third-country",
                                           "channel": "broker", "passage": None}
    assert nk.to_json(dt.date(2002, 9, 11)) == '"2002-09-11"'
    assert nk.to_json(nk.Route.parse("KP > RU > KR")).count('"origin"') == 2


def test_to_json_ends_without_newline_and_keeps_non_ascii() -> None:
    source = nk.Source(id="s", title="조선 – «test»", document="sources/d.md", kind=nk.SourceKind.RESEARCH)
    text = nk.to_json(source)
    assert not text.endswith("\n") and "조선 – «test»" in text


def test_from_json_accepts_bytes_and_route_text() -> None:
    r = nk.Route.parse("KP > CN > third country > KR")
    assert nk.from_json(nk.to_json(r).encode(), nk.Route) == r
    assert nk.from_json('"KP > CN > third country > KR"', nk.Route) == r


@pytest.mark.parametrize(
    ("text", "kind", "says"),
    [
        ("{", nk.Quantity, "not valid JSON"),
        ("[" * 50_000, nk.Route, "not valid JSON"),
        (b"\xff\xfe\x00", nk.Quantity, "not valid JSON"),
        ('{"value": 5, "qualifier": "exact", "unit": "people", "extra": 1}', nk.Quantity, "extra"),
        ('{"value": "5"}', nk.Quantity, "value"),
        ('{"value": 5.0}', nk.Quantity, "int"),
        ('{"value": 5, "qualifier": "roughly"}', nk.Quantity, "'roughly' is not a Qualifier"),
        ('{"value": -1}', nk.Quantity, "negative"),
        ('"Atlantis"', nk.Country, "unknown country"),
        ('"KP"', nk.Region, "region"),
        ('"20020911"', dt.date, "YYYY-MM-DD"),
        ('"2002-09-11T10:00:00"', dt.date, "YYYY-MM-DD"),
        ('"KP > CN > KP"', nk.Route, "twice"),
        ('{"legs": [{"origin": "KP", "dest": "CN"}, {"origin": "RU", "dest": "KR"}]}', nk.Route,
         "do not join"),
        ('{"source": "s", "anchor": "two words", "note": "n"}', nk.Evidence, "3 to 12 words"),
        ('[{"source": "s", "anchor": "one two three", "note": ""}]', tuple[nk.Evidence, ...], "note"),
        ('{"all_sources": [], "all_cases": 3}', nk.KnowledgeBase, "all_cases"),
    ],
)
def test_bad_input_raises_a_data_error_that_says_what_is_wrong(text: str | bytes, kind: Any,
                                                                  says: str) -> None:
    with pytest.raises(nk.DataError) as info:
        nk.from_json(text, kind)
    assert says in str(info.value)
    assert isinstance(info.value, ValueError)


def test_errors_name_the_field_path() -> None:
    r = json.loads(nk.to_json(nk.Route.parse("KP > CN > KR")))
    r["legs"][1]["dest"] = 42
    with pytest.raises(nk.DataError) as info:
        nk.from_json(json.dumps(r), nk.Route)
    assert info.value.field == "legs[1].dest"


def test_knowledge_base_references_are_checked(kb: nk.KnowledgeBase) -> None:
    data = json.loads(nk.to_json(kb))
    data["all_cases"][0]["evidence"][0]["source"] = "no-such-source"
    with pytest.raises(nk.DataError, match="unknown source id 'no-such-source'"):
        nk.from_json(json.dumps(data), nk.KnowledgeBase)


def test_wrong_argument_types_raise_argument_type_error() -> None:
    with pytest.raises(nk.ArgumentTypeError, match="str or bytes"):
        nk.from_json(42, nk.Quantity)  # type: ignore[arg-type]
    with pytest.raises(nk.ArgumentTypeError, match="type"):
        nk.from_json("1", "nk.Case")  # type: ignore[arg-type]
    with pytest.raises(nk.ArgumentTypeError, match="public nkasylum type"):
        nk.from_json("1", object)
    with pytest.raises(nk.ArgumentTypeError, match="to_json takes nkasylum values"):
        nk.to_json(object())
    with pytest.raises(TypeError):
        nk.to_json(float("nan"))


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=6)
    | st.sampled_from(["KP", "third-country", "2002-09-11", "exact", "rule", "one two three"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


@pytest.mark.parametrize("kind", sweep(TYPES))
def test_mutated_exports_raise_only_data_errors(kind: type[Any]) -> None:
    # A knowledge base is large, so fewer of them; the other types are cheap.
    examples = 20 if kind is nk.KnowledgeBase else 60

    @settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(STRATEGIES[kind], st.data(), st.sampled_from(["replace", "drop"]), _JSON_VALUES)
    def check(value: Any, data: st.DataObject, how: str, new: Any) -> None:
        _mutate_and_read(value, kind, data, how, new)

    check()


def _mutate_and_read(value: Any, kind: type[Any], data: st.DataObject, how: str, new: Any) -> None:
    tree = json.loads(nk.to_json(value))
    path = data.draw(st.sampled_from(json_paths(tree)))
    if not path:
        tree = new
    else:
        parent = tree
        for step in path[:-1]:
            parent = parent[step]
        if how == "drop":
            del parent[path[-1]]
        else:
            parent[path[-1]] = new
    try:
        rebuilt: Any = nk.from_json(json.dumps(tree), kind)
    except nk.DataError as err:
        rebuilt = err
    # Either an error that says something, or a mutation that still describes a valid value.
    assert str(rebuilt) if isinstance(rebuilt, nk.DataError) else isinstance(rebuilt, kind)


@given(countries)
@settings(max_examples=examples(30), deadline=None)
def test_a_country_is_stored_as_its_alpha_2_code(c: nk.Country) -> None:
    assert nk.to_json(c) == json.dumps(c.alpha_2)


# ------------------------------------------------ strictness (issue 15, item 6)
@pytest.mark.parametrize(("text", "kind", "key"), [
    ('{"value": 1, "value": 2}', nk.Quantity, "value"),
    ('{"legs": [{"origin": "KP", "dest": "CN", "dest": "RU"}]}', nk.Route, "dest"),
    ('[{"source": "s", "anchor": "one two three", "note": "n", "note": "m"}]', tuple[nk.Evidence, ...],
     "note"),
])
def test_a_key_given_twice_is_a_data_error_naming_it(text: str, kind: Any, key: str) -> None:
    with pytest.raises(nk.DataError) as info:
        nk.from_json(text, kind)
    assert f"the key {key!r} appears twice" in str(info.value)


@pytest.mark.parametrize("value", [
    b"KP", bytearray(b"KP"), dt.datetime(2002, 9, 11, 10, 0), {"KP", "CN"}, frozenset({"KP"}),
    {"value": 1}, "KP", 5, 2.5, True, object(), [nk.country("KP"), {"CN"}],
    (nk.Quantity(1), dt.datetime(2002, 9, 11)), attrs.make_class("Foreign", ["x"])(1),
])
def test_to_json_refuses_values_that_are_not_nkasylum_values(value: object) -> None:
    with pytest.raises(nk.ArgumentTypeError) as info:
        nk.to_json(value)
    message = str(info.value)
    assert message.startswith("to_json takes nkasylum values") and "tuples and lists" in message
    assert len(message) < 400


@pytest.mark.parametrize("value", [
    None, dt.date(2002, 9, 11), nk.Verdict.BLOCKED, nk.country("KP"), nk.THIRD_COUNTRY,
    dt.timedelta(days=3), nk.When.parse("2004"), nk.Support.LAST_KNOWN,
    [nk.Quantity(1), None], ((nk.Outcome.RESETTLED,), [dt.date(2002, 9, 11)]), (),
])
def test_to_json_takes_nkasylum_values_dates_none_and_sequences_of_them(value: object) -> None:
    assert isinstance(json.loads(nk.to_json(value)), (type(None), str, dict, list))


def test_from_json_refuses_an_over_long_text_before_parsing_it() -> None:
    import time

    from nkasylum.io.serialize import MAX_JSON_SIZE

    fits = nk.to_json(nk.Quantity(1), indent=None)
    assert nk.from_json(fits + " " * (MAX_JSON_SIZE - len(fits)), nk.Quantity) == nk.Quantity(1)
    for text in ("[" + "1," * (MAX_JSON_SIZE // 2) + "1]", b"[" + b"1," * (MAX_JSON_SIZE // 2) + b"1]"):
        start = time.perf_counter()
        with pytest.raises(nk.DataError, match="at most 16,777,216") as info:
            nk.from_json(text, tuple[int, ...])
        assert time.perf_counter() - start < 0.1
        assert len(str(info.value)) < 300
