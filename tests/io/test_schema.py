"""JSON Schema: generated from the classes, committed under schemas/, and true of real exports.

No schema library is a dependency, so the few keywords the generator uses are checked by a
small validator here (and by ``jsonschema`` as well, when it happens to be installed).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import STRATEGIES
from test_serialize import TIME_STRATEGIES, sweep

import nkasylum as nk
from nkasylum.io.schema import SCHEMA_TYPES, schema_file_name, schema_text

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"
_HANDLED = {"$schema", "$defs", "$ref", "title", "description", "default", "format", "type", "enum",
            "pattern", "anyOf", "properties", "required", "additionalProperties", "items",
            "minItems", "minLength", "maxLength", "minimum", "maximum", "uniqueItems"}
_TYPES = {"string": str, "array": list, "object": dict, "number": (int, float)}


def errors(value: Any, schema: dict[str, Any], root: dict[str, Any], at: str = "$") -> list[str]:
    """Every way ``value`` breaks ``schema`` (a small draft 2020-12 subset)."""
    unknown = set(schema) - _HANDLED
    assert not unknown, f"the test validator does not know {unknown}; extend it"
    found: list[str] = []
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        found += errors(value, root["$defs"][name], root, at)
    if "anyOf" in schema and not any(not errors(value, s, root, at) for s in schema["anyOf"]):
        found.append(f"{at}: matches none of anyOf")
    kind = schema.get("type")
    if kind == "null" and value is not None:
        found.append(f"{at}: not null")
    elif kind == "boolean" and not isinstance(value, bool):
        found.append(f"{at}: not a boolean")
    elif kind == "integer" and (isinstance(value, bool) or not isinstance(value, int)):
        found.append(f"{at}: not an integer")
    elif kind in _TYPES and (isinstance(value, bool) or not isinstance(value, _TYPES[kind])):
        found.append(f"{at}: not of type {kind}")
    if found:
        return found
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{at}: {value!r} not in enum")
    # As in JSON Schema, string keywords apply only to strings and number keywords to numbers.
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            found.append(f"{at}: {value!r} does not match {schema['pattern']}")
        if len(value) < schema.get("minLength", 0):
            found.append(f"{at}: too short")
        if len(value) > schema.get("maxLength", len(value)):
            found.append(f"{at}: too long")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            found.append(f"{at}: below minimum")
        if "maximum" in schema and value > schema["maximum"]:
            found.append(f"{at}: above maximum")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            found.append(f"{at}: too few items")
        if schema.get("uniqueItems") and len({json.dumps(v) for v in value}) != len(value):
            found.append(f"{at}: items not unique")
        for i, item in enumerate(value):
            found += errors(item, schema.get("items", {}), root, f"{at}[{i}]")
    if isinstance(value, dict) and "properties" in schema:
        found += [f"{at}: missing {k}" for k in schema.get("required", []) if k not in value]
        if schema.get("additionalProperties") is False:
            found += [f"{at}: extra {k}" for k in value if k not in schema["properties"]]
        for k, v in value.items():
            if k in schema["properties"]:
                found += errors(v, schema["properties"][k], root, f"{at}.{k}")
    return found


def check(value: Any, schema: dict[str, Any]) -> list[str]:
    found = errors(value, schema, schema)
    try:
        import jsonschema
    except ImportError:
        return found
    library = sorted(e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(value))
    assert bool(library) == bool(found), (library, found)
    return found


@pytest.mark.parametrize("kind", SCHEMA_TYPES, ids=lambda t: t.__name__)
def test_committed_schema_files_are_current(kind: type[Any]) -> None:
    path = SCHEMAS / schema_file_name(kind)
    assert path.is_file(), f"{path} is missing; run: python -m nkasylum._schemas schemas"
    assert path.read_text(encoding="utf-8") == schema_text(kind), (
        f"{path.name} is out of date with the classes or their docstrings; "
        "regenerate with: python -m nkasylum._schemas schemas"
    )


def test_no_stray_schema_files() -> None:
    expected = {schema_file_name(k) for k in SCHEMA_TYPES}
    assert {p.name for p in SCHEMAS.glob("*.json")} == expected


def test_the_bundled_knowledge_base_matches_the_committed_schema(kb: nk.KnowledgeBase) -> None:
    schema = json.loads((SCHEMAS / "knowledge-base.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert check(json.loads(nk.to_json(kb)), schema) == []


@pytest.mark.parametrize("kind", sweep(sorted(STRATEGIES, key=lambda t: t.__name__)))
def test_every_generated_value_matches_its_schema(kind: type[Any]) -> None:
    schema = nk.json_schema(kind)

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(STRATEGIES[kind])
    def run(value: Any) -> None:
        assert check(json.loads(nk.to_json(value)), schema) == []

    run()


@pytest.mark.parametrize("kind", sweep(sorted(TIME_STRATEGIES, key=lambda t: t.__name__)))
def test_every_generated_time_model_value_matches_its_schema(kind: type[Any]) -> None:
    schema = nk.json_schema(kind)

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(TIME_STRATEGIES[kind])
    def run(value: Any) -> None:
        assert check(json.loads(nk.to_json(value)), schema) == []

    run()


def test_answers_of_the_time_model_match_their_committed_schemas(kb: nk.KnowledgeBase) -> None:
    import datetime as dt

    horizon = dt.timedelta(days=400)
    answers: list[tuple[Any, str]] = [
        (kb.can_resettle("KP", "CN", "KR", on=dt.date(2024, 6, 1)), "assessment"),
        (kb.can_resettle("KP", "CN", "KR", on=dt.date(2024, 6, 1), horizon=horizon), "assessment"),
        (kb.can_resettle("KP", None, "KR", on="2015/2017"), "assessment"),
        (kb.policy_answer("TH", on=dt.date(2024, 6, 1)), "policy-answer"),
        (kb.policy_answer("CN", on=2015, horizon=horizon), "policy-answer"),
        (kb.support("kp-cn-border-crossing", on=dt.date(2010, 1, 1)), "backing"),
        (nk.When.parse("2002-03/2004-06"), "when"),
    ]
    for value, name in answers:
        schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert check(json.loads(nk.to_json(value)), schema) == [], name


def test_the_time_model_in_the_schema() -> None:
    assessment = nk.json_schema(nk.Assessment)
    defs = assessment["$defs"]
    assert defs["Assessment"]["properties"]["last_known"]["anyOf"][0] == {"$ref": "#/$defs/Assessment"}
    assert defs["Assessment"]["properties"]["evidence_age"]["anyOf"][0] == {"$ref": "#/$defs/Duration"}
    assert defs["Assessment"]["properties"]["asked"]["anyOf"][0] == {"$ref": "#/$defs/When"}
    assert defs["Support"]["enum"] == [s.value for s in nk.Support]
    when = nk.json_schema(nk.When)
    assert when["$ref"] == "#/$defs/When" and when["$defs"]["When"]["type"] == "string"
    for good in ("2014", "2004-07", "2002-09-11", "199X", "2002-03/2004-06", "../2016-02", "2009~",
                 "2004?", "2015/..", "2018-06-01?"):
        assert check(good, when) == [], good
    for bad in ("2014-01-01T00:00", "September 2002", "../..", "14", ""):
        assert check(bad, when), bad
    duration = nk.json_schema(nk.Backing)["$defs"]["Duration"]
    for good in ("P0D", "P339D", "PT1S", "P2DT3600.000001S"):
        assert re.search(duration["pattern"], good), good
    for bad in ("339", "P1W", "339 days"):
        assert not re.search(duration["pattern"], bad), bad


def test_the_schema_rejects_what_from_json_rejects() -> None:
    schema = nk.json_schema(nk.Case)
    good = json.loads(nk.to_json(nk.case("cn-german-school-15-2002")))
    assert check(good, schema) == []
    bad = [
        {k: v for k, v in good.items() if k != "outcome"},               # required field missing
        {**good, "outcomes": "resettled"},                                 # unknown key
        {**good, "outcome": "escaped"},                                    # not an Outcome
        {**good, "date": "11 September 2002"},                             # not EDTF
        {**good, "evidence": []},                                          # no fact without evidence
        {**good, "people": {"value": -3}},                                 # negative count
        {**good, "place": "Korea"},                                        # not a code
        {**good, "applications": True},                                    # a bool is not a count
    ]
    for value in bad:
        assert check(value, schema), value
        with pytest.raises(nk.DataError):
            nk.from_json(json.dumps(value), nk.Case)


def test_objects_forbid_unknown_keys_and_document_every_property() -> None:
    for kind in SCHEMA_TYPES:
        for name, definition in nk.json_schema(kind)["$defs"].items():
            for obj in [definition, *definition.get("anyOf", [])]:
                if obj.get("type") != "object":
                    continue
                assert obj["additionalProperties"] is False
                for prop, spec in obj["properties"].items():
                    assert spec.get("description"), f"{name}.{prop} has no description"
                    assert "``" not in spec["description"] and ":class:" not in spec["description"]


def test_required_fields_are_those_without_defaults() -> None:
    q = nk.json_schema(nk.Quantity)["$defs"]["Quantity"]
    assert q["required"] == []  # value may be left out for an unquantified count
    ev = nk.json_schema(nk.Evidence)["$defs"]["Evidence"]
    assert ev["required"] == ["source", "anchor", "note"]
    case = nk.json_schema(nk.Case)["$defs"]["Case"]
    assert "date" not in case["required"] and "place" in case["required"]
    assert q["properties"]["unit"]["$ref"] == "#/$defs/Unit"
    assert q["properties"]["unit"]["default"] == "people"
    kb = nk.json_schema(nk.KnowledgeBase)["$defs"]["KnowledgeBase"]
    assert kb["required"] == ["all_sources"]
    assert "_index" not in kb["properties"] and "_memo" not in kb["properties"]


def test_containers_and_enums() -> None:
    many = nk.json_schema(tuple[nk.Case, ...])
    assert many["type"] == "array" and many["items"] == {"$ref": "#/$defs/Case"}
    assert many["title"] == "tuple[Case, ...]"
    outcome = nk.json_schema(nk.Outcome)
    assert outcome["$defs"]["Outcome"]["enum"] == [o.value for o in nk.Outcome]
    region = nk.json_schema(nk.Region)["$defs"]["Region"]
    assert region["enum"] == [r.id for r in nk.REGIONS]


@pytest.mark.parametrize("bad", [42, "nk.Case", None, dict, object, tuple[int, str]])
def test_json_schema_refuses_what_it_cannot_describe(bad: Any) -> None:
    with pytest.raises(nk.ArgumentTypeError):
        nk.json_schema(bad)
